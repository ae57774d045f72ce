import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Doc } from '../doc/open.ts';
import { liveIssues } from './ExpressionField.tsx';

const township = JSON.parse(
  readFileSync(
    createRequire(import.meta.url).resolve('@kaohe/rulesets/cascade-township.json'),
    'utf8',
  ),
) as Doc;
const path = ['sections', 0, 'items', 2, 'rule', 'score'] as const;
const key = 'sections[0].items[2].rule.score';

describe('a formula judged as it is typed', () => {
  it('gives the engine’s issues at the field for the text, with their span, the draft unchanged', () => {
    // "10 + unsigned_cut + nn": nn is characters 21–22, 0-based [20, 22).
    const issues = liveIssues(township, path, key, '10 + unsigned_cut + nn');
    expect(issues.map((i) => [i.code, i.position, i.end])).toEqual([
      ['expr-unknown-identifier', 20, 22],
    ]);
    expect(issues[0]?.message.zh).toMatch(/第21–22个字符处:未知的输入项 nn$/);
    expect(liveIssues(township, path, key, '10 + unsigned_cut')).toEqual([]);
    // The document itself is not touched.
    expect(
      (township['sections'] as { items: { rule: { score: string } }[] }[])[0]?.items[2]?.rule.score,
    ).toBe('10 + unsigned_cut');
  });

  it('says a blank formula is missing, never a zero', () => {
    const issues = liveIssues(township, path, key, '  ');
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
  });
});
