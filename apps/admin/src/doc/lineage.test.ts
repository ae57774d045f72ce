import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { diffRuleSets, parseRuleSet, validateRuleSet } from '@kaohe/engine';
import { describe, expect, it } from 'vitest';
import { edit, getAt, startHistory, undo, type History } from './history.ts';
import { isNewEdition, setCode } from './lineage.ts';
import { nextYear, type Doc } from './open.ts';

const baotou = (): Doc =>
  JSON.parse(
    readFileSync(
      createRequire(import.meta.url).resolve('@kaohe/rulesets/baotou-2012.json'),
      'utf8',
    ),
  ) as Doc;

// 一(二).1 人口出生率控制在8‰之内, next to 一(二).2.
const item = ['sections', 0, 'items', 0] as const;
const rename = (h: History, base: Doc, code: string): History => edit(h, setCode(item, code, base));
const at = (h: History, key: string) => getAt(h.doc, [...item, key]);

describe('lineage of a renamed or renumbered item (formerly)', () => {
  it('records the published code once, and drops it when the code goes back', () => {
    const base = baotou();
    let h = edit(startHistory(base), () => nextYear(base));
    expect(isNewEdition(h.doc, base, false)).toBe(true);
    h = rename(h, base, '3');
    expect([at(h, 'code'), at(h, 'formerly')]).toEqual(['3', '1']);
    h = rename(h, base, '4'); // renamed twice: still the published code
    expect([at(h, 'code'), at(h, 'formerly')]).toEqual(['4', '1']);
    expect(validateRuleSet(h.doc).filter((i) => i.severity === 'error')).toEqual([]);
    const [a, b] = [parseRuleSet(base), parseRuleSet(h.doc)];
    if (!a.ok || !b.ok) throw new Error('baotou-2012 does not parse');
    const lines = diffRuleSets(a.value, b.value).changes.map((c) => c.message.zh);
    expect(lines).toContain('一(二).4 人口出生率控制在8‰之内:编号由 一(二).1 改为 一(二).4');
    expect(lines.filter((l) => l.includes('删除') || l.includes('新增'))).toEqual([]);
    h = rename(h, base, '1');
    expect([at(h, 'code'), at(h, 'formerly')]).toEqual(['1', undefined]);
    h = undo(h);
    expect([at(h, 'code'), at(h, 'formerly')]).toEqual(['4', '1']);
  });

  it('replaces the lineage the edition itself had (to the year before), and 新一年度 drops it', () => {
    const base = baotou();
    Object.assign(getAt(base, item) as object, { formerly: '9' });
    // Opened from the edition itself: its formerly (9) is not this item's published code (1).
    const h = rename(startHistory(base), base, '3');
    expect(isNewEdition(h.doc, base, true)).toBe(true);
    expect([at(h, 'code'), at(h, 'formerly')]).toEqual(['3', '1']);
    expect(getAt(nextYear(base), [...item, 'formerly'])).toBeUndefined();
    // A draft of the same year and edition, not from a published edition: not a new edition.
    expect(isNewEdition(base, base, false)).toBe(false);
  });
});
