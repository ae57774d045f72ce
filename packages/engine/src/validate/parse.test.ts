import { describe, expect, it } from 'vitest';
import { parseRuleSet, validateRuleSet } from './parse.ts';
import type { RuleSetInput } from '../schema/ruleset.ts';
import { smallRuleSet } from '@kaohe/test-utils';

const base = (): RuleSetInput => smallRuleSet();

type Mutable = Record<string, unknown> & {
  sections: Array<Record<string, unknown> & { items: Array<Record<string, unknown>> }>;
};
function variant(change: (rs: Mutable) => void): unknown {
  const rs = structuredClone(base()) as unknown as Mutable;
  change(rs);
  return rs;
}
const codes = (json: unknown) => validateRuleSet(json).map((i) => `${i.code}@${i.path}`);

describe('parseRuleSet', () => {
  it('accepts a sound rule set with no warnings', () => {
    const r = parseRuleSet(base());
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('reports a blanked threshold as a missing number at its path, never as 0', () => {
    const issues = validateRuleSet(
      variant((rs) => ((rs.sections[0]!.items[0]!.rule as Record<string, unknown>).target = null)),
    );
    expect(issues[0]?.code).toBe('missing-number');
    expect(issues[0]?.path).toBe('sections[0].items[0].rule.target');
    expect(issues[0]?.message.zh).toContain('一.1');
    expect(issues[0]?.message.zh).toContain('空白');
  });

  it('reports blank points and points that do not add up', () => {
    expect(codes(variant((rs) => (rs.sections[0]!.items[1]!.points = null)))).toContain(
      'missing-number@sections[0].items[1].points',
    );
    expect(codes(variant((rs) => (rs.sections[0]!.items[1]!.points = 5)))).toEqual(
      expect.arrayContaining(['points-mismatch@sections[0].points']),
    );
    const declared = parseRuleSet(
      variant((rs) => {
        rs.points = 12;
        rs.pointsMismatch = '原文件总分如此';
      }),
    );
    expect(declared.ok).toBe(true);
    expect(declared.ok && declared.warnings.map((w) => w.code)).toEqual([
      'points-mismatch-declared',
    ]);
  });

  it('finds duplicate codes and inputs, and unknown inputs', () => {
    expect(codes(variant((rs) => (rs.sections[0]!.items[1]!.code = '1')))).toContain(
      'duplicate-code@sections[0].items[1].code',
    );
    expect(
      codes(variant((rs) => (rs.inputs as unknown[]).push({ id: 'rate', label: 'x', unit: '%' }))),
    ).toContain('duplicate-input@inputs[2].id');
    expect(
      codes(
        variant(
          (rs) => ((rs.sections[0]!.items[0]!.rule as Record<string, unknown>).value = 'ratee'),
        ),
      ),
    ).toContain('expr-unknown-identifier@sections[0].items[0].rule.value');
  });

  it('gives the position of an expression error', () => {
    const issues = validateRuleSet(
      variant(
        (rs) => ((rs.sections[0]!.items[1]!.rule as Record<string, unknown>).score = '4 - n *'),
      ),
    );
    expect(issues[0]?.code).toBe('expr-syntax');
    expect(issues[0]?.position).toBeGreaterThanOrEqual(6);
  });

  it('finds cycles between items and references to items that do not exist', () => {
    const cyc = variant((rs) => {
      (rs.sections[0]!.items[0]!.rule as Record<string, unknown>) = {
        kind: 'expr',
        score: "score('一.2')",
      };
      (rs.sections[0]!.items[1]!.rule as Record<string, unknown>) = {
        kind: 'expr',
        score: "score('一.1')",
      };
    });
    expect(codes(cyc).some((c) => c.startsWith('cycle@'))).toBe(true);
    const dangling = variant(
      (rs) => ((rs.sections[0]!.items[1]!.rule as Record<string, unknown>).score = "score('九.9')"),
    );
    expect(codes(dangling)).toContain('unknown-item@一.2');
  });

  it('rejects an inverted band, overlapping grades and quotas over 100 %', () => {
    const band = variant(
      (rs) =>
        ((rs.sections[0]!.items[0]!.rule as unknown) = {
          kind: 'band',
          value: 'rate',
          low: 107,
          high: 103,
        }),
    );
    expect(codes(band)).toContain('band-inverted@sections[0].items[0].rule.low');
    const grades = variant((rs) => {
      rs.grades = {
        bands: [
          { id: 'a', label: '先进', min: 80, minShare: 60 },
          { id: 'b', label: '合格', min: 80, minShare: 50 },
          { id: 'c', label: '后进', min: 0, maxShare: 120 },
        ],
      };
    });
    expect(codes(grades)).toEqual(
      expect.arrayContaining([
        'grade-overlap@grades.bands[1].min',
        'quota-range@grades.bands[2].maxShare',
        'quota-over-100@grades.bands',
      ]),
    );
  });

  it('names an unknown rule kind and unknown fields', () => {
    expect(
      codes(
        variant(
          (rs) => ((rs.sections[0]!.items[0]!.rule as Record<string, unknown>).kind = 'magic'),
        ),
      ),
    ).toContain('unknown-kind@sections[0].items[0].rule.kind');
    expect(codes(variant((rs) => (rs.sections[0]!.items[0]!.pointz = 3)))).toContain(
      'unknown-field@sections[0].items[0]',
    );
  });

  it('never throws on garbage', () => {
    for (const junk of [null, 42, 'x', [], { schemaVersion: 2 }, { sections: 'no' }]) {
      expect(parseRuleSet(junk).ok).toBe(false);
    }
  });

  it('catches typos that would mis-score silently', () => {
    const typo = variant((rs) => {
      (rs.inputs as unknown[]).push({
        id: 'st',
        label: '状态',
        unit: 'choice',
        choices: [{ value: 'late', label: '逾期' }],
      });
      (rs.inputs as unknown[]).push({ id: 'yes', label: '是否', unit: 'yesno', blankMeans: 0 });
      rs.sections[0]!.items[1]!.deductions = [{ kind: 'state', input: 'st', amounts: { Late: 1 } }];
      (rs.sections[0]!.items[0]!.rule as unknown) = {
        kind: 'tiers',
        value: 'rate',
        tiers: [{ equals: 'high', points: 6 }],
      };
      rs.ranking = { tieBreak: ['section:九', 'input:rate'] };
    });
    expect(codes(typo)).toEqual(
      expect.arrayContaining([
        'unknown-state@sections[0].items[1].deductions[0].amounts.Late',
        'tier-type@sections[0].items[0].rule.tiers[0].equals',
        'blank-means@inputs[3].blankMeans',
        'bad-tie-break@ranking.tieBreak[0]',
      ]),
    );
    expect(codes(typo)).not.toContain('bad-tie-break@ranking.tieBreak[1]');
  });

  it('keeps points on the score grid', () => {
    const off = variant((rs) => {
      rs.rounding = { scores: { dp: 0, mode: 'half-up' } };
      rs.sections[0]!.items[0]!.points = 5.5;
      rs.sections[0]!.items[1]!.points = 4.5;
    });
    expect(codes(off)).toEqual(
      expect.arrayContaining(['points-precision@一.1', 'points-precision@一.2']),
    );
  });
});
