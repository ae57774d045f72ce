import { describe, expect, it } from 'vitest';
import { RuleSet, type RuleSetInput } from '../schema/ruleset.ts';
import { Slope } from '../schema/rules.ts';
import { diffRuleSets } from './diff.ts';
import { compareSlope } from './slopes.ts';

// Changes from a default to an explicit value: compared by the value in effect, so the
// default written out is no change and the default changed is one.
const base: RuleSetInput = {
  schemaVersion: 1,
  id: 'town',
  title: '苏木乡镇考核',
  issuer: '旗人口计生局',
  level: '苏木乡镇',
  year: 2026,
  edition: 1,
  points: 20,
  rounding: { scores: { dp: 2, mode: 'half-up' } },
  inputs: [
    { id: 'has_office', label: '有办公室', unit: 'yesno' },
    { id: 'rate', label: '符合政策生育率', unit: '%' },
  ],
  sections: [
    {
      code: '一',
      title: '基础工作',
      points: 20,
      items: [
        { code: '1', title: '办公场所', points: 5, rule: { kind: 'yesno', input: 'has_office' } },
        {
          code: '2',
          title: '生育率分档',
          points: 5,
          rule: { kind: 'tiers', value: 'rate', tiers: [{ op: '>=', than: 95, points: 5 }] },
        },
        {
          code: '3',
          title: '生育率名次',
          points: 10,
          rule: { kind: 'rank', value: 'rate', points: [10, 8] },
        },
      ],
    },
  ],
};
type Loose = Record<string, unknown>;
function edition(fn: (items: Loose[], r: Loose) => void = () => undefined): RuleSet {
  const copy = structuredClone(base) as unknown as Loose & { sections: { items: Loose[] }[] };
  fn(copy.sections[0]!.items, copy);
  return RuleSet.parse(copy);
}
const rule = (items: Loose[], i: number): Loose => items[i]!.rule as Loose;
const zh = (a: RuleSet, b: RuleSet) =>
  diffRuleSets(a, b).changes.map((c) => [c.message.zh, c.direction ?? '-']);

describe('diff: defaults against explicit values', () => {
  it('yes/no: "yes" from the default (full points) to 4 tightens; written out as 5 is no change', () => {
    const old = edition();
    expect(
      zh(
        old,
        edition((items) => (rule(items, 0).yes = 4)),
      ),
    ).toEqual([['一.1 办公场所:“有”得分由 5分 降低到 4分(收紧)', 'tightened']]);
    expect(
      zh(
        edition((items) => (rule(items, 0).yes = 4)),
        old,
      ),
    ).toEqual([['一.1 办公场所:“有”得分由 4分 提高到 5分(放宽)', 'loosened']]);
    expect(
      zh(
        old,
        edition((items) => (rule(items, 0).yes = '5.0')),
      ),
    ).toEqual([]);
    expect(
      zh(
        old,
        edition((items) => (rule(items, 0).no = 1)),
      ),
    ).toEqual([['一.1 办公场所:“无”得分由 0分 提高到 1分(放宽)', 'loosened']]);
    expect(
      zh(
        old,
        edition((items) => (rule(items, 0).no = 0)),
      ),
    ).toEqual([]);
  });

  it('yes/no left at full points follows the item points without a second line', () => {
    expect(
      zh(
        edition(),
        edition((items) => (items[0]!.points = 6)),
      ),
    ).toEqual([['一.1 办公场所:分值由 5分 提高到 6分', '-']]);
  });

  it('tiers and rank: "otherwise" from the default 0', () => {
    const old = edition();
    expect(
      zh(
        old,
        edition((items) => (rule(items, 1).otherwise = 1)),
      ),
    ).toEqual([['一.2 生育率分档:其余情形得分由 0分 提高到 1分(放宽)', 'loosened']]);
    expect(
      zh(
        old,
        edition((items) => (rule(items, 1).otherwise = '0')),
      ),
    ).toEqual([]);
    expect(
      zh(
        old,
        edition((items) => (rule(items, 2).otherwise = 2)),
      ),
    ).toEqual([['一.3 生育率名次:名次以外得分由 0分 提高到 2分(放宽)', 'loosened']]);
    expect(
      zh(
        old,
        edition((items) => (rule(items, 2).otherwise = 0)),
      ),
    ).toEqual([]);
    expect(
      zh(
        old,
        edition((items) => (rule(items, 2).order = 'desc')),
      ),
    ).toEqual([]);
  });

  it('item min from the default 0', () => {
    const old = edition();
    expect(
      zh(
        old,
        edition((items) => (items[0]!.min = 0)),
      ),
    ).toEqual([]);
    expect(
      zh(
        old,
        edition((items) => (items[0]!.min = -2)),
      ),
    ).toEqual([['一.1 办公场所:最低得分由 0分 降低到 -2分(收紧)', 'tightened']]);
  });

  it('a rule set as written (defaults left out) against the same one parsed: no change', () => {
    const parsed = edition();
    const written = structuredClone(parsed) as Loose & { sections: Loose[] };
    delete written.evidencePolicy;
    delete written.sections[0]!.notApplicable;
    expect(zh(parsed, written as unknown as RuleSet)).toEqual([]);
    expect(
      zh(
        written as unknown as RuleSet,
        edition((_, r) => (r.evidencePolicy = 'flag')),
      ),
    ).toEqual([
      ['考核办法:缺少佐证材料的处理由「该项不得分」改为「保留得分并标记」(放宽)', 'loosened'],
    ]);
    expect(
      zh(
        written as unknown as RuleSet,
        edition((_, r) => ((r.sections as Loose[])[0]!.notApplicable = 'rescale')),
      ).map(([m]) => m),
    ).toEqual(['一 基础工作:不适用项处理由「shrink」改为「rescale」']);
  });

  it('slopes: a gap left out is absolute; a step written 1 or "1.0" is the same step; a cap compares by value', () => {
    const where = { path: '二.1', label: { zh: '二.1 符合政策生育率', en: '二.1 policy births' } };
    const name = { zh: '未达标扣分', en: 'deduction below target' };
    const parsed = Slope.parse({ per: 1, points: '0.5', steps: 'each-started', cap: 2 });
    const { gap: _gap, ...written } = parsed;
    const msgs = (a: Slope, b: Slope) =>
      compareSlope(where, name, a, b, 'deduct', '%').map((c) => c.message.zh);
    expect(msgs(written as Slope, parsed)).toEqual([]);
    expect(msgs(written as Slope, { ...parsed, gap: 'relative' })).toEqual([
      '二.1 符合政策生育率:未达标扣分差距口径由「百分点」改为「相对目标的百分比」',
    ]);
    expect(msgs(parsed, { ...parsed, per: '1.0', cap: '2.00' })).toEqual([]);
    expect(msgs(parsed, { ...parsed, cap: 3 })).toEqual([
      '二.1 符合政策生育率:未达标扣分上限由 2分 提高到 3分(收紧)',
    ]);
  });
});
