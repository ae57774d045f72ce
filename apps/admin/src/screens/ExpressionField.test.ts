import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Issue } from '@kaohe/engine';
import type { Doc } from '../doc/open.ts';
import { liveIssues } from './ExpressionField.tsx';

const township = JSON.parse(
  readFileSync(
    createRequire(import.meta.url).resolve('@kaohe/rulesets/cascade-township.json'),
    'utf8',
  ),
) as Doc;
const baotou = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('@kaohe/rulesets/baotou-2012.json'), 'utf8'),
) as Doc;
const path = ['sections', 0, 'items', 2, 'rule', 'score'] as const;

describe('a formula judged as it is typed', () => {
  it('gives the engine’s issues at the field for the text, with their span, the draft unchanged', () => {
    // "10 + unsigned_cut + nn": nn is characters 21–22, 0-based [20, 22).
    const issues = liveIssues(township, path, '10 + unsigned_cut + nn');
    expect(issues.map((i) => [i.code, i.position, i.end])).toEqual([
      ['expr-unknown-identifier', 20, 22],
    ]);
    expect(issues[0]?.message.zh).toMatch(/第21–22个字符处:未知的输入项 nn$/);
    expect(liveIssues(township, path, '10 + unsigned_cut')).toEqual([]);
    // The document itself is not touched.
    expect(
      (township['sections'] as { items: { rule: { score: string } }[] }[])[0]?.items[2]?.rule.score,
    ).toBe('10 + unsigned_cut');
  });

  it('judges the formula while the header is refused (a blank year), as with it right', () => {
    const draft = { ...baotou, year: null } as Doc;
    const when = ['sanctions', 0, 'when'];
    expect(liveIssues(draft, when, 'total < nn').map((i) => [i.code, i.position, i.end])).toEqual([
      ['expr-unknown-identifier', 8, 10],
    ]);
    expect(liveIssues(draft, when, 'total < 60')).toEqual([]);
  });

  it('says a blank formula is missing, never a zero', () => {
    const issues = liveIssues(township, path, '  ');
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
  });

  it('holds a formula as text and an operand as a number or a formula, at any field', () => {
    // A sanction's `when` is a formula: "1" stays the formula "1" (the schema wants text), and an
    // unknown name is the engine's issue at its characters: "total < nn" → nn is [8, 10).
    const when = ['sanctions', 0, 'when'];
    expect(liveIssues(baotou, when, '1')).toEqual([]);
    expect(liveIssues(baotou, when, 'total < nn').map((i) => [i.path, i.position, i.end])).toEqual([
      ['sanctions[0].when', 8, 10],
    ]);
    // A blank formula is missing; an optional one left blank is absent (its default applies).
    expect(liveIssues(baotou, when, ' ').length).toBeGreaterThan(0);
    const applicable = ['sections', 0, 'items', 2, 'applicable'];
    expect(liveIssues(township, applicable, ' ', { optional: true })).toEqual([]);
    expect(liveIssues(township, applicable, 'nn', { optional: true })).toHaveLength(1);
    // The text the draft holds: the draft's own issues are taken as given, not judged again —
    // for an operand, "8" is the number 8 the draft holds.
    const target = ['sections', 0, 'items', 0, 'items', 0, 'rule', 'target'];
    const given: Issue[] = [
      {
        code: 'c',
        severity: 'error',
        path: 'sections[0].items[0].items[0].rule.target',
        message: { zh: '给定', en: 'given' },
      },
      {
        code: 'c',
        severity: 'error',
        path: 'sanctions[0].when',
        message: { zh: '给定', en: 'given' },
      },
    ];
    expect(liveIssues(baotou, target, '8', { operand: true }, given)).toEqual([given[0]]);
    expect(liveIssues(baotou, when, 'sex_ratio > 107', {}, given)).toEqual([given[1]]);
    // Another text is judged afresh.
    expect(liveIssues(baotou, target, '9', { operand: true }, given)).toEqual([]);
  });
});
