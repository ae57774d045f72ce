import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { validateRuleSet } from '@kaohe/engine';
import { describe, expect, it } from 'vitest';
import type { Doc } from './open.ts';
import { nodeOf, outline } from './outline.ts';

const baotou = (): Doc =>
  JSON.parse(
    readFileSync(
      createRequire(import.meta.url).resolve('@kaohe/rulesets/baotou-2012.json'),
      'utf8',
    ),
  ) as Doc;

describe('outline', () => {
  it('lists sections, items and sub-items with declared points and their sum', () => {
    const tree = outline(baotou(), []);
    const first = tree[0]!;
    // 一(二) declares 13; its items 1 (6 points: sub-items 5 + 1) and 2 (7): 6 + 7 = 13.
    expect([first.code, first.points, first.childSum]).toEqual(['一(二)', 13, '13']);
    const birth = first.children[0]!;
    expect([birth.code, birth.points, birth.childSum]).toEqual(['一(二).1', 6, '6']);
    expect(birth.children[0]).toMatchObject({
      code: '一(二).1.(1)',
      key: 'sections[0].items[0].items[0]',
      path: ['sections', 0, 'items', 0, 'items', 0],
      points: 5,
      title: { zh: '人口出生率≤8‰' },
      problems: 0,
    });
  });

  it('counts the engine’s issues where they are, and finds an issue’s item', () => {
    const doc = baotou();
    const sections = doc['sections'] as Doc[];
    const items = sections[0]!['items'] as Doc[];
    items[0]!['points'] = 7; // two points-mismatch issues: the item's and the section's
    const rule = (items[0]!['items'] as Doc[])[0]!['rule'] as Doc;
    rule['target'] = null; // missing-number at the rule's target
    const issues = validateRuleSet(doc);
    const tree = outline(doc, issues);
    expect(tree[0]!.problems).toBe(issues.length);
    expect(tree[0]!.children[0]!.childSum).toBe('6'); // 5 + 1, beside the 7 declared
    const target = issues.find((i) => i.code === 'missing-number');
    expect(target?.path).toBe('sections[0].items[0].items[0].rule.target');
    expect(nodeOf(tree, target!.path)?.code).toBe('一(二).1.(1)');
    expect(nodeOf(tree, 'sections[0].points')?.code).toBe('一(二)');
    expect(nodeOf(tree, 'inputs[0].label')).toBeUndefined();
    // Sums are exact decimals: 0.1 + 0.2 is 0.3.
    (items[1]!['items'] as Doc[] | undefined)?.splice(0);
    items[1]!['items'] = [{ points: 0.1 }, { points: '0.2' }];
    expect(outline(doc, [])[0]!.children[1]!.childSum).toBe('0.3');
  });
});
