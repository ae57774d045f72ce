import { smallRuleSet as sharedSmallRuleSet } from '@kaohe/test-utils';

// A small, sound rule set for tests that need one that is not the Baotou example.
export function smallRuleSet(): Record<string, unknown> {
  return sharedSmallRuleSet({
    id: 'cli-small',
    title: { zh: '测试考核', en: 'Test assessment' },
    issuer: '某市',
  });
}

/** The same rule set, one edition later: a threshold tightened, points moved, an item added. */
export function smallRuleSetNext(): Record<string, unknown> {
  const next = smallRuleSet() as {
    edition: number;
    sections: { items: Record<string, unknown>[] }[];
  };
  next.edition = 2;
  const items = next.sections[0]!.items;
  items[0] = {
    ...items[0],
    points: 5,
    rule: { kind: 'threshold', value: 'rate', op: '>=', target: 92 },
  };
  items.push({
    code: '3',
    title: '新增',
    points: 1,
    rule: { kind: 'expr', score: 'n > 0 ? 0 : 1' },
  });
  return next;
}
