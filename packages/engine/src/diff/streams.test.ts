import { describe, expect, it } from 'vitest';
import { Stream } from '../schema/rules.ts';
import { compareStreams } from './slopes.ts';

const where = { path: '二.3', label: { zh: '二.3 违规', en: '二.3 violations' } };
const perCase = (cases?: 'extra' | 'of-which') =>
  Stream.parse({
    kind: 'per-case',
    input: 'found',
    each: 1,
    multiplied: { input: 'by_city', factor: 2, ...(cases ? { cases } : {}) },
  });

describe('compareStreams', () => {
  it('counting multiplied cases among the others (of-which) instead of besides them loosens', () => {
    const changes = compareStreams(where, [perCase()], [perCase('of-which')]);
    expect(changes.map((c) => [c.message.zh, c.direction])).toEqual([
      ['二.3 违规:「found」按件扣分加倍的件数由「另计」改为「计入其中」(放宽)', 'loosened'],
    ]);
    // Absent is extra: writing it out is no change.
    expect(compareStreams(where, [perCase()], [perCase('extra')])).toEqual([]);
  });
});

describe('compareStreams: deadlines', () => {
  const deadline = (over: Record<string, unknown> = {}) =>
    Stream.parse({
      kind: 'deadline',
      input: 'report_date',
      due: '2013-03-31',
      late: 1,
      missing: 3,
      ...over,
    });

  it('a later due date loosens, dearer lateness and a dearer blank tighten', () => {
    const changes = compareStreams(
      where,
      [deadline()],
      [deadline({ due: '2013-04-15', late: 2, missing: 'missing-input' })],
    );
    expect(changes.map((c) => [c.message.zh, c.direction])).toEqual([
      [
        '二.3 违规:「report_date」报送时限扣分截止日期由 2013-03-31 推迟到 2013-04-15(放宽)',
        'loosened',
      ],
      ['二.3 违规:「report_date」报送时限扣分逾期扣分由 1分 提高到 2分(收紧)', 'tightened'],
      ['二.3 违规:「report_date」报送时限扣分未报送扣分由「3」改为「不计分(缺项)」', undefined],
    ]);
    expect(compareStreams(where, [deadline()], [deadline()])).toEqual([]);
  });

  it('months counted: 0.2 a month for at most 10 months, then 12', () => {
    const a = deadline({ late: undefined, perMonth: 0.2, maxMonths: 10 });
    const b = deadline({ late: undefined, perMonth: 0.2, maxMonths: 12 });
    expect(compareStreams(where, [a], [b]).map((c) => [c.message.en, c.direction])).toEqual([
      [
        '二.3 violations: deadline deduction on "report_date": months counted at most raised from 10 to 12 (tightened)',
        'tightened',
      ],
    ]);
  });
});
