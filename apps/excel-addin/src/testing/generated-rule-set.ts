// A rule set of any size, for the round-trip budget: `n` indicators, each a rate against 90 %.
import type { RuleSetInput } from '@kaohe/engine';

export function generatedRuleSet(n: number): RuleSetInput {
  const ids = Array.from({ length: n }, (_, i) => `rate_${i + 1}`);
  return {
    schemaVersion: 1,
    id: `generated-${n}`,
    title: `生成的考核办法(${n}项)`,
    issuer: '测试',
    level: '旗县区',
    year: 2024,
    edition: 1,
    points: n,
    rounding: { scores: { dp: 2, mode: 'half-up' } },
    inputs: ids.map((id, i) => ({ id, label: `指标 ${i + 1} 完成率`, unit: '%' as const })),
    sections: [
      {
        code: '一',
        title: '全部指标',
        points: n,
        items: ids.map((id, i) => ({
          code: String(i + 1),
          title: `指标 ${i + 1}`,
          points: 1,
          rule: { kind: 'threshold' as const, value: id, op: '>=' as const, target: 90 },
        })),
      },
    ],
  };
}
