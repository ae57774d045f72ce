import { parseRuleSet, type RuleSet } from '@kaohe/engine';
import { baotou2012 } from '@kaohe/rulesets';
import { describe, expect, it } from 'vitest';
import { diffReport } from './diff-report.ts';

const parsed = (json: unknown): RuleSet => {
  const r = parseRuleSet(json);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};

describe('diffReport', () => {
  it('names both editions and marks a tightened target', () => {
    const next = JSON.parse(JSON.stringify(baotou2012)) as {
      year: number;
      edition: number;
      sections: { items: { items: { rule: { target: number } }[] }[] }[];
    };
    next.year = 2013;
    next.edition = 2;
    next.sections[0]!.items[0]!.items[0]!.rule.target = 7.5; // 人口出生率 ≤ 8‰ → ≤ 7.5‰
    const report = diffReport(parsed(baotou2012), parsed(next));
    expect(report.heading.zh).toMatch(/^比较:.+\(2012年第 1 版\)→ .+\(2013年第 2 版\)$/);
    expect(report.otherRuleSet).toBeUndefined();
    const tightened = report.lines.filter((l) => l.change.direction === 'tightened');
    expect(tightened).toHaveLength(1);
    expect(tightened[0]!.text.zh).toMatch(/^▲ 收紧 {2}一\(二\)\.1\.\(1\)/);
    expect(tightened[0]!.text.en).toMatch(/^▲ tightened {2}/);
    const other = report.lines.filter((l) => l.change.direction === undefined);
    expect(other.every((l) => l.text.zh.startsWith('•  '))).toBe(true);
    expect(report.summary).toBe(report.diff.summary);
  });

  it('notes when the files are different rule sets', () => {
    const other = { ...baotou2012, id: 'other' };
    expect(diffReport(parsed(baotou2012), parsed(other)).otherRuleSet?.zh).toBe(
      '注意:两个文件是不同的考核办法(baotou-2012 与 other),逐项比较仍按编号进行',
    );
  });
});
