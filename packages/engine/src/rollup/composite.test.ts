import { describe, expect, it } from 'vitest';
import {
  combineResults,
  parseCombination,
  type CombinationInput,
  type PartResults,
  type PartUnit,
} from './composite.ts';

const unit = (
  unitId: string,
  name: string,
  total: string | null,
  extra: Partial<PartUnit> = {},
) => ({
  unitId,
  name,
  total,
  max: '100',
  complete: true,
  vetoed: false,
  noCommendation: false,
  grade: null,
  gradeLabel: null,
  sanctions: [],
  ...extra,
});

const part = (ruleSetId: string, units: PartUnit[], extra: Partial<PartResults> = {}) => ({
  ruleSetId,
  kind: 'scored' as const,
  title: { zh: ruleSetId, en: ruleSetId },
  year: 2012,
  edition: 1,
  gradeIds: ['advanced', 'backward'],
  units,
  ...extra,
});

const declaration = (extra: Partial<CombinationInput> = {}): CombinationInput => ({
  kind: 'combination',
  title: '2012年度人口计生目标管理责任制考核综合得分',
  weights: 'percent',
  outOf: 100,
  rounding: { dp: 2, mode: 'half-up' },
  parts: [
    {
      id: 'population',
      label: '人口计生工作',
      summary: 'population.xlsx',
      ruleSet: 'population',
      weight: 80,
    },
    {
      id: 'association',
      label: '计生协会工作',
      summary: 'association.xlsx',
      ruleSet: 'association',
      weight: 20,
    },
  ],
  ...extra,
});

function parsed(extra: Partial<CombinationInput> = {}) {
  const r = parseCombination(declaration(extra));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('parseCombination', () => {
  it('reads a declaration with its defaults', () => {
    const c = parsed();
    expect(c.parts.map((p) => [p.vetoes, p.noCommendation])).toEqual([
      ['carry', 'carry'],
      ['carry', 'carry'],
    ]);
    expect(c.ranking).toEqual({ ties: 'shared', vetoedLast: true });
  });

  it('weights that do not add up are an error at parts', () => {
    const r = parseCombination(
      declaration({
        parts: [
          { id: 'a', label: 'A', summary: 'a.xlsx', weight: 80 },
          { id: 'b', label: 'B', summary: 'b.xlsx', weight: 30 },
        ],
      }),
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => [i.code, i.path, i.message.zh])).toEqual([
      ['weights-do-not-add-up', 'parts', '权重合计为 110%,应为 100%'],
    ]);
  });

  it('a wrong field, a blank weight and a part listed twice are named at their paths', () => {
    const r = parseCombination({
      ...declaration(),
      parts: [
        { id: 'a', label: 'A', summary: 'a.xlsx', weight: 50, veto: 'carry' },
        { id: 'b', label: 'B', summary: 'b.xlsx', weight: null },
      ],
    });
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(['parts[0]', 'parts[1].weight']);
    const twice = parseCombination(
      declaration({
        parts: [
          { id: 'a', label: 'A', summary: 'a.xlsx', weight: 50 },
          { id: 'a', label: 'B', summary: 'a.xlsx', weight: 50 },
        ],
      }),
    );
    expect(!twice.ok && twice.issues.map((i) => [i.code, i.path])).toEqual([
      ['duplicate-part', 'parts[1].id'],
      ['duplicate-summary', 'parts[1].summary'],
    ]);
  });

  it('grades of the composite are checked as a rule set’s are', () => {
    const r = parseCombination(
      declaration({
        grades: {
          bands: [
            { id: 'good', label: '好', min: 80 },
            { id: 'fair', label: '中', min: 85 },
          ],
        },
      }),
    );
    expect(!r.ok && r.issues.map((i) => [i.code, i.path])).toEqual([
      ['grade-overlap', 'grades.bands[1].min'],
    ]);
  });
});

describe('combineResults', () => {
  it('association work counts 20 % of the population score', () => {
    const c = parsed();
    const r = combineResults(c, [
      part('population', [unit('v01', '甲村', '85'), unit('v02', '乙村', '90')]),
      part('association', [
        unit('v01', '甲村', '16', { max: '20' }),
        unit('v02', '乙村', '10', { max: '20' }),
      ]),
    ]);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    // 甲村: 0.8 × 85 + 0.2 × 16/20 × 100 = 68 + 16 = 84
    // 乙村: 0.8 × 90 + 0.2 × 10/20 × 100 = 72 + 10 = 82
    expect(r.value.units.map((u) => [u.position, u.rank, u.name, u.value])).toEqual([
      [1, 1, '甲村', '84'],
      [2, 2, '乙村', '82'],
    ]);
    expect(r.value.units[0]?.parts.map((p) => p?.contribution)).toEqual(['68', '16']);
    expect(r.value.parts.map((p) => p.weight)).toEqual(['0.8', '0.2']);
    expect(r.value.outOf).toBe('100');
  });

  it('parts of different maxima without a declared outOf: refused at outOf', () => {
    const { outOf: _, ...rest } = declaration();
    const c = parseCombination(rest);
    if (!c.ok) throw new Error(JSON.stringify(c.issues));
    const r = combineResults(c.value, [
      part('population', [unit('v01', '甲村', '85')]),
      part('association', [unit('v01', '甲村', '16', { max: '20' })]),
    ]);
    expect(!r.ok && r.issues.map((i) => [i.code, i.path, i.message.zh])).toEqual([
      [
        'no-out-of',
        'outOf',
        '各部分满分不同(population.xlsx 100;association.xlsx 20),须在合成声明中写明合成后的满分(outOf)',
      ],
    ]);
  });

  it('lines 6:4: party–government 80 and family planning 90 make 84', () => {
    const c = parsed({
      weights: 'ratio',
      parts: [
        { id: 'party', label: '党政线', summary: 'party.xlsx', weight: 6 },
        { id: 'fp', label: '计生线', summary: 'fp.xlsx', weight: 4 },
      ],
    });
    const r = combineResults(c, [
      part('party', [unit('t1', '甲镇', '80')]),
      part('fp', [unit('t1', '甲镇', '90')]),
    ]);
    // (6 × 80 + 4 × 90) / 10 = (480 + 360) / 10 = 84
    expect(r.ok && r.value.units[0]?.value).toBe('84');
    expect(r.ok && r.value.parts.map((p) => p.weight)).toEqual(['0.6', '0.4']);
  });

  it('a unit missing from a part, or not judged in one, has no composite and says why', () => {
    const r = combineResults(parsed(), [
      part('population', [
        unit('v01', '甲村', '85'),
        unit('v02', '乙村', '90'),
        unit('v03', '丙村', '70', { complete: false }),
      ]),
      part('association', [
        unit('v01', '甲村', '16', { max: '20' }),
        unit('v03', '丙村', '10', { max: '20' }),
      ]),
    ]);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(
      r.value.units.map((u) => [u.name, u.rank, u.value, u.notComputed.map((m) => m.zh)]),
    ).toEqual([
      ['甲村', 1, '84', []],
      ['乙村', null, null, ['“乙村”(v02)不在「计生协会工作」(association.xlsx)中,综合得分未计算']],
      [
        '丙村',
        null,
        null,
        [
          '“丙村”在「人口计生工作」(population.xlsx)中的得分无法判定(数据不完整,总分暂定 70),综合得分未计算',
        ],
      ],
    ]);
    // Never a zero: the part's contribution is blank too.
    expect(r.value.units[1]?.parts.map((p) => p?.contribution ?? null)).toEqual([null, null]);
  });

  it('a part with no score for a unit (a composite not computed there) gives it none', () => {
    const r = combineResults(parsed(), [
      part('population', [unit('v01', '甲村', '85'), unit('v02', '乙村', '90')]),
      part('association', [
        unit('v01', '甲村', '16', { max: '20' }),
        unit('v02', '乙村', null, { max: '20', complete: false }),
      ]),
    ]);
    expect(
      r.ok && r.value.units.map((u) => [u.name, u.value, u.notComputed.map((m) => m.zh)]),
    ).toEqual([
      ['甲村', '84', []],
      [
        '乙村',
        null,
        ['“乙村”在「计生协会工作」(association.xlsx)中没有得分(该部分未计算),综合得分未计算'],
      ],
    ]);
  });

  it('parts of different years, another rule set, mismatched unit ids: refused', () => {
    const year = combineResults(parsed(), [
      part('population', [unit('v01', '甲村', '85')]),
      part('association', [unit('v01', '甲村', '16', { max: '20' })], { year: 2013 }),
    ]);
    expect(!year.ok && year.issues.map((i) => [i.code, i.path])).toEqual([
      ['part-year', 'parts[0].summary'],
      ['part-year', 'parts[1].summary'],
    ]);
    expect(!year.ok && year.issues[1]?.message.zh).toBe(
      '「计生协会工作」(association.xlsx)是2013年度的考核,其他部分有2012年度的;各部分须为同一年度',
    );
    const declaredYear = combineResults(parsed({ year: 2013 }), [
      part('population', [unit('v01', '甲村', '85')], { year: 2013 }),
      part('association', [unit('v01', '甲村', '16', { max: '20' })]),
    ]);
    expect(!declaredYear.ok && declaredYear.issues.map((i) => i.message.zh)).toEqual([
      '「计生协会工作」(association.xlsx)是2012年度的考核,合成声明为2013年度',
    ]);
    const other = combineResults(parsed(), [
      part('population', [unit('v01', '甲村', '85')]),
      part('baotou', [unit('v01', '甲村', '16', { max: '20' })]),
    ]);
    expect(!other.ok && other.issues.map((i) => [i.code, i.path])).toEqual([
      ['part-rule-set', 'parts[1].ruleSet'],
    ]);
    const ids = combineResults(parsed(), [
      part('population', [unit('v01', '甲村', '85'), unit('v02', '乙村', '80')]),
      part('association', [unit('v01', '乙村', '16', { max: '20' })]),
    ]);
    expect(!ids.ok && ids.issues.map((i) => i.message.zh)).toEqual([
      '单位代码 v01 在「人口计生工作」(population.xlsx)中是“甲村”,在「计生协会工作」(association.xlsx)中是“乙村”:各部分的单位代码须一致',
      '单位“乙村”在「人口计生工作」(population.xlsx)中的代码是 v02,在「计生协会工作」(association.xlsx)中是 v01:各部分的单位代码须一致',
    ]);
    const none = combineResults(parsed(), [
      part('population', [unit('v01', '甲村', '85')]),
      part('association', [unit('t9', '某镇', '16', { max: '20' })]),
    ]);
    expect(!none.ok && none.issues.map((i) => i.code)).toEqual(['no-common-units']);
  });

  it('vetoes and no commendation carry as declared; a backward association bars commendation', () => {
    const c = parsed({
      parts: [
        { id: 'population', label: '人口计生工作', summary: 'population.xlsx', weight: 80 },
        {
          id: 'association',
          label: '计生协会工作',
          summary: 'association.xlsx',
          weight: 20,
          noCommendationGrades: ['backward'],
        },
      ],
      grades: {
        bands: [
          { id: 'advanced', label: '先进', min: 80 },
          { id: 'other', label: '合格', min: null },
        ],
        vetoed: 'other',
        noCommendationCap: 'other',
      },
    });
    const r = combineResults(c, [
      part('population', [
        unit('v01', '甲村', '95'),
        unit('v02', '乙村', '90'),
        unit('v03', '丙村', '88'),
      ]),
      part('association', [
        unit('v01', '甲村', '20', {
          max: '20',
          vetoed: true,
          sanctions: [{ level: 'veto', reason: { zh: '领导协会工作不力', en: 'poor leadership' } }],
        }),
        unit('v02', '乙村', '8', {
          max: '20',
          grade: 'backward',
          gradeLabel: { zh: '后进', en: 'backward' },
        }),
        unit('v03', '丙村', '15', { max: '20' }),
      ]),
    ]);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    // 甲村 0.8 × 95 + 0.2 × 100 = 96 (vetoed: ranked last); 乙村 72 + 8 = 80; 丙村 70.4 + 15 = 85.4
    expect(
      r.value.units.map((u) => [u.name, u.rank, u.value, u.vetoed, u.noCommendation, u.grade]),
    ).toEqual([
      ['丙村', 1, '85.4', false, false, 'advanced'],
      ['乙村', 2, '80', false, true, 'other'],
      ['甲村', 3, '96', true, false, 'other'],
    ]);
    expect(r.value.units.map((u) => u.carried.map((m) => m.reason.zh))).toEqual([
      [],
      ['「计生协会工作」(association.xlsx)等次为「后进」,不予评先'],
      ['「计生协会工作」(association.xlsx)一票否决:领导协会工作不力'],
    ]);
    // Declared ignore: the association's veto does not carry.
    const ignore = combineResults(
      parsed({
        parts: [
          { id: 'population', label: '人口计生工作', summary: 'population.xlsx', weight: 80 },
          {
            id: 'association',
            label: '计生协会工作',
            summary: 'association.xlsx',
            weight: 20,
            vetoes: 'ignore',
          },
        ],
      }),
      [
        part('population', [unit('v01', '甲村', '95')]),
        part('association', [unit('v01', '甲村', '20', { max: '20', vetoed: true })]),
      ],
    );
    expect(ignore.ok && ignore.value.units[0]?.vetoed).toBe(false);
  });

  it('a grade the part’s rule set does not have is an error at its path', () => {
    const c = parsed({
      parts: [
        { id: 'population', label: '人口计生工作', summary: 'population.xlsx', weight: 80 },
        {
          id: 'association',
          label: '计生协会工作',
          summary: 'association.xlsx',
          weight: 20,
          noCommendationGrades: ['lagging'],
        },
      ],
    });
    const r = combineResults(c, [
      part('population', [unit('v01', '甲村', '95')]),
      part('association', [unit('v01', '甲村', '20', { max: '20' })]),
    ]);
    expect(!r.ok && r.issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown-grade', 'parts[1].noCommendationGrades[0]'],
    ]);
  });

  it('quarters 4:3:3 rounded as declared', () => {
    const c = parsed({
      weights: 'ratio',
      rounding: { dp: 1, mode: 'half-up' },
      parts: [
        { id: 'q1', label: '一季度', summary: 'q1.xlsx', weight: 4 },
        { id: 'q2', label: '二季度', summary: 'q2.xlsx', weight: 3 },
        { id: 'q3', label: '三季度', summary: 'q3.xlsx', weight: 3 },
      ],
    });
    const r = combineResults(c, [
      part('q', [unit('v01', '甲村', '81')]),
      part('q', [unit('v01', '甲村', '77')]),
      part('q', [unit('v01', '甲村', '90.5')]),
    ]);
    // (4 × 81 + 3 × 77 + 3 × 90.5) / 10 = (324 + 231 + 271.5) / 10 = 82.65 → 82.7 (half up)
    expect(r.ok && [r.value.units[0]?.exact, r.value.units[0]?.value]).toEqual(['82.65', '82.7']);
  });
});
