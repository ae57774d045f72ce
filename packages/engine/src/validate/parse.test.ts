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

  it('reports a blank inside tiers and a rank points list at its own path', () => {
    const issues = validateRuleSet(
      variant((rs) => {
        rs.sections[0]!.items[0]!.rule = {
          kind: 'tiers',
          value: 'rate',
          tiers: [
            { op: '>=', than: 95, points: null },
            { op: '>=', than: null, points: 3 },
          ],
        };
        rs.sections[0]!.items[1]!.rule = { kind: 'rank', value: 'n', points: [4, null, 2] };
      }),
    );
    expect(issues.map((i) => [i.code, i.path, i.message.zh])).toEqual([
      [
        'missing-number',
        'sections[0].items[0].rule.tiers[0].points',
        '一.1 rule.tiers[0].points缺少数值(空白不会按0处理)',
      ],
      [
        'missing-number',
        'sections[0].items[0].rule.tiers[1].than',
        '一.1 rule.tiers[1].than缺少数值(空白不会按0处理)',
      ],
      [
        'missing-number',
        'sections[0].items[1].rule.points[1]',
        '一.2 rule.points[1]缺少数值(空白不会按0处理)',
      ],
    ]);
  });
  it('reports every blank in one pass, and makes no sum over a blank', () => {
    // A blank target (the schema's) and a blank points (the checks') come together.
    const both = variant((rs) => {
      (rs.sections[0]!.items[0]!.rule as Record<string, unknown>).target = null;
      rs.sections[0]!.items[1]!.points = null;
    });
    expect(codes(both)).toEqual([
      'missing-number@sections[0].items[0].rule.target',
      'missing-number@sections[0].items[1].points',
    ]);
    // 10 declared over 6 + blank: not "10 differ from 6", only the blank.
    expect(codes(variant((rs) => (rs.sections[0]!.items[1]!.points = null)))).toEqual([
      'missing-number@sections[0].items[1].points',
    ]);
    const blankSection = variant((rs) => (rs.sections[0]!.points = null));
    expect(validateRuleSet(blankSection).map((i) => [i.code, i.path, i.message.en])).toEqual([
      [
        'missing-number',
        'sections[0].points',
        'section 一: points are blank (a blank is never taken as 0)',
      ],
    ]);
  });
  it('says a blank text field is blank, not a blank number; a blank year stays a number', () => {
    const said = (change: (rs: Mutable) => void) =>
      validateRuleSet(variant(change)).map((i) => [i.code, i.path, i.message.zh, i.message.en]);
    const level = said((rs) => (rs.level = null));
    expect(level.map(([code, path]) => [code, path])).toEqual([['missing-field', 'level']]);
    expect(level[0]![2]).toContain('为空白,须填写');
    expect(level[0]![2]).not.toContain('数值');
    expect(level[0]![3]).toContain('is blank and must be filled in');
    // A title is text in either form (a string or { zh, en }): a blank is a blank field.
    expect(said((rs) => (rs.sections[0]!.items[0]!.title = null)).map(([c, p]) => [c, p])).toEqual([
      ['missing-field', 'sections[0].items[0].title'],
    ]);
    expect(said((rs) => (rs.year = null)).map(([c, p]) => [c, p])).toEqual([
      ['missing-number', 'year'],
    ]);
  });
  it('words schema problems in Chinese, and in English', () => {
    const issues = validateRuleSet(
      variant((rs) => {
        rs.year = 'x';
        (rs.inputs as Record<string, unknown>[])[0]!.id = '1x';
        (rs.inputs as Record<string, unknown>[])[1]!.unit = 'kg';
        rs.sections[0]!.items[0]!.title = '';
        (rs.sections[0]!.items[0]!.rule as Record<string, unknown>).below = {
          per: '1x',
          points: true,
          steps: 'each',
        };
      }),
    );
    expect(issues.map((i) => [i.path, i.message.zh, i.message.en])).toEqual([
      [
        'inputs[0].id',
        'inputs[0].id:只能由字母、数字和下划线组成,且不能以数字开头',
        'inputs[0].id: may hold letters, digits and _ only, not starting with a digit',
      ],
      [
        'inputs[1].unit',
        'inputs[1].unit:应为以下之一:"%"、"‰"、"元"、"万元"、"人"、"户"、"个"、"次"、"天"、"月"、"count"、"number"、"yesno"、"choice"、"text"、"date"、"cases"',
        'inputs[1].unit: should be one of "%", "‰", "元", "万元", "人", "户", "个", "次", "天", "月", "count", "number", "yesno", "choice", "text", "date", "cases"',
      ],
      [
        'sections[0].items[0].rule.below.per',
        '一.1 rule.below.per:应为普通小数,如 "92" 或 "0.5"',
        '一.1 rule.below.per: should be a plain decimal such as "92" or "0.5"',
      ],
      [
        'sections[0].items[0].rule.below.points',
        '一.1 rule.below.points:应为数值或文本,而不是是非值 true',
        '一.1 rule.below.points: should be a number or text, not true',
      ],
      [
        'sections[0].items[0].rule.below.steps',
        '一.1 rule.below.steps:应为以下之一:"each-started"、"each-full"、"pro-rata"',
        '一.1 rule.below.steps: should be one of "each-started", "each-full", "pro-rata"',
      ],
      ['sections[0].items[0].title', '一.1 title:不能为空', '一.1 title: may not be empty'],
      ['year', 'year:应为数值,而不是文本「x」', 'year: should be a number, not text "x"'],
    ]);
    const noKind = validateRuleSet(
      variant((rs) => (rs.sections[0]!.items[0]!.rule = { value: 'rate' })),
    );
    expect(noKind.map((i) => i.message.zh)).toEqual([
      '一.1 rule.kind:缺少类型,可用:"threshold"、"band"、"reduction"、"ramp"、"proportional"、"tiers"、"yesno"、"rank"、"expr"、"piecewise"',
    ]);
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

  it('refuses a former code (lineage) that names another sibling or is claimed twice', () => {
    // Item 2 says it was 1, but 1 is still there: which old item it follows would be ambiguous.
    expect(codes(variant((rs) => (rs.sections[0]!.items[1]!.formerly = '1')))).toEqual([
      'formerly-clash@sections[0].items[1].formerly',
    ]);
    // Both items say they were 3: reported at the second.
    expect(
      codes(
        variant((rs) => {
          rs.sections[0]!.items[0]!.formerly = '3';
          rs.sections[0]!.items[1]!.formerly = '3';
        }),
      ),
    ).toEqual(['formerly-clash@sections[0].items[1].formerly']);
    expect(codes(variant((rs) => (rs.sections[0]!.formerly = '一')))).toEqual([]);
    expect(codes(variant((rs) => (rs.sections[0]!.items[1]!.formerly = '3')))).toEqual([]);
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
  it('places an expression error once, counted from 1, with its span; 0-based in the fields', () => {
    // `4 - nn * 2`: the unknown name nn is 0-based [4, 6), the 5th and 6th characters.
    const issues = validateRuleSet(
      variant(
        (rs) => ((rs.sections[0]!.items[1]!.rule as Record<string, unknown>).score = '4 - nn * 2'),
      ),
    );
    expect(issues).toEqual([
      {
        code: 'expr-unknown-identifier',
        path: 'sections[0].items[1].rule.score',
        severity: 'error',
        position: 4,
        end: 6,
        message: {
          zh: '一.2 rule.score:表达式第5–6个字符处:未知的输入项 nn',
          en: '一.2 rule.score: at characters 5–6: unknown input nn',
        },
      },
    ]);
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

  it('checks a share counted from the bottom: last band only, within 0–100 %, a rounding declared', () => {
    const withBands = (bands: unknown[]) =>
      variant((rs) => {
        rs.grades = { bands };
      });
    const back = (fromBottom: unknown, extra = {}) => ({
      id: 'c',
      label: '后进',
      min: null,
      fromBottom,
      ...extra,
    });
    // 后进 on the middle band: counted from the bottom belongs on the last band only.
    const middle = validateRuleSet(
      withBands([
        { id: 'a', label: '先进', min: 80 },
        { id: 'b', label: '后进', min: 60, fromBottom: { share: 10, rounding: 'round' } },
        { id: 'c', label: '不合格', min: null },
      ]),
    );
    expect(middle.map((i) => `${i.code}@${i.path}`)).toEqual([
      'bottom-quota-not-last@grades.bands[1].fromBottom',
    ]);
    expect(middle[0]!.message.zh).toContain('「后进」不是最低等次');
    expect(
      codes(
        withBands([{ id: 'a', label: '先进', min: 80 }, back({ share: 110, rounding: 'floor' })]),
      ),
    ).toEqual(['quota-range@grades.bands[1].fromBottom.share']);
    expect(
      codes(
        withBands([
          { id: 'a', label: '先进', min: 80 },
          back({ share: 20, rounding: 'ceil' }, { maxShare: 10 }),
        ]),
      ),
    ).toEqual(['quota-range@grades.bands[1].fromBottom.share']);
    // 先进 at least 95 % and the lowest-ranked 10 % cannot both hold: 105 % > 100 %.
    expect(
      codes(
        withBands([
          { id: 'a', label: '先进', min: 80, minShare: 95 },
          back({ share: 10, rounding: 'round' }),
        ]),
      ),
    ).toEqual(['quota-over-100@grades.bands']);
    // The rounding of the count is not guessed: it must be declared.
    const noRounding = codes(withBands([{ id: 'a', label: '先进', min: 80 }, back({ share: 10 })]));
    expect(noRounding).toHaveLength(1);
    expect(noRounding[0]).toMatch(/@grades\.bands\[1\]\.fromBottom\.rounding$/);
    expect(
      parseRuleSet(
        withBands([{ id: 'a', label: '先进', min: 80 }, back({ share: 10, rounding: 'round' })]),
      ).ok,
    ).toBe(true);
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

  it('refuses an increment without a schedule, which would be read as a flat amount a case', () => {
    // increment escalates the cases beyond a schedule; alone, every case cost `each` and the
    // escalation the document asks for (1, 2, 3…) was dropped without a word.
    const per = (extra: Record<string, unknown>) =>
      variant((rs) => {
        rs.sections[0]!.items[1]!.deductions = [
          { kind: 'per-case', input: 'n', each: 1, ...extra },
        ];
      });
    expect(codes(per({ increment: 1 }))).toContain(
      'increment-without-schedule@sections[0].items[1].deductions[0].increment',
    );
    const issue = validateRuleSet(per({ increment: 1 })).find(
      (i) => i.code === 'increment-without-schedule',
    );
    expect(issue?.message.zh).toMatch(/^一\.2.*schedule/);
    expect(codes(per({ increment: 1, schedule: [1, 2] }))).toEqual([]);
    expect(codes(per({}))).toEqual([]);
  });

  it('refuses a floor above the item’s own points (min 7 on a 5-point item)', () => {
    const floor = (min: number) =>
      variant((rs) => {
        rs.sections[0]!.items[0]!.min = min;
      });
    const points = Number(base().sections[0]!.items[0]!.points);
    expect(codes(floor(points + 2))).toContain('min-above-points@sections[0].items[0].min');
    expect(codes(floor(points))).toEqual([]);
    expect(codes(floor(-3))).toEqual([]);
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
