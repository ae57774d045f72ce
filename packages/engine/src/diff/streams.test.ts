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
