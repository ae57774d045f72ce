import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { validateRuleSet } from '@kaohe/engine';
import { describe, expect, it } from 'vitest';
import { duplicateAt, nextCode } from './duplicate.ts';
import { edit, getAt, startHistory, undo } from './history.ts';
import type { Doc } from './open.ts';

const baotou = (): Doc =>
  JSON.parse(
    readFileSync(
      createRequire(import.meta.url).resolve('@kaohe/rulesets/baotou-2012.json'),
      'utf8',
    ),
  ) as Doc;

describe('duplicate an item', () => {
  it('numbers the copy after the largest sibling of the same form', () => {
    expect(nextCode('(1)', ['(1)', '(2)', '(3)'])).toBe('(4)');
    expect(nextCode('3', ['1', '3', '2'])).toBe('4');
    expect(nextCode('(二)', ['(一)', '(二)', '(三)'])).toBe('(四)');
    expect(nextCode('九', ['九'])).toBe('十');
    expect(nextCode('十', ['十'])).toBe('十一');
    expect(nextCode('十九', ['十九'])).toBe('二十');
    expect(nextCode('要求', ['要求'])).toBe('要求-副本');
  });

  it('places a copy after the item, valid, in one undo step', () => {
    const h = startHistory(baotou());
    const path = ['sections', 0, 'items', 0, 'items', 0] as const;
    const siblings = getAt(h.doc, ['sections', 0, 'items', 0, 'items']) as unknown[];
    let made = '';
    const next = edit(
      h,
      duplicateAt(path, (c) => (made = c)),
    );
    const after = getAt(next.doc, ['sections', 0, 'items', 0, 'items']) as { code: string }[];
    expect(after).toHaveLength(siblings.length + 1);
    // 一(二).1 has (1)…(n): the copy of (1) is (n+1), right after (1), otherwise the same.
    expect(made).toBe(`(${siblings.length + 1})`);
    expect(after[1]!.code).toBe(made);
    expect({ ...after[1], code: '(1)' }).toEqual(after[0]);
    // The copy is a new item, so the engine has no duplicate code to report.
    expect(validateRuleSet(next.doc).filter((i) => i.code === 'duplicate-code')).toEqual([]);
    expect(undo(next).doc).toEqual(h.doc);
  });

  it('does nothing outside an item list', () => {
    const h = startHistory(baotou());
    expect(edit(h, duplicateAt(['sections', 0]))).toBe(h);
  });
});
