// `kaohe combine`, end to end on real files: two schemes' templates made by the CLI, filled
// through ExcelJS as a clerk would, self-scored and reviewed by the CLI; their summaries combined
// as a declaration says (association work 20 % of the population score), the composite read back
// with ExcelJS and checked by hand-worked arithmetic.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ruleSetHeader } from '@kaohe/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillWorkbook, sheetRows, type Figures } from './fill-data.ts';
import { looksClean, runCli, tempDir } from './run-cli.ts';

// Population targets, 100 points: 一.1 rate ≥ 90 % → 60 (else 0); 一.2 40 − 5 × cases.
const population = ruleSetHeader({
  id: 'cli-population',
  title: '人口计生目标考核',
  year: 2012,
  points: 100,
  inputs: [
    { id: 'rate', label: '政策符合率', unit: '%' },
    { id: 'cases', label: '违法生育件数', unit: 'count' },
  ],
  sections: [
    {
      code: '一',
      title: '目标',
      points: 100,
      items: [
        {
          code: '1',
          title: '政策符合率',
          points: 60,
          rule: { kind: 'threshold', value: 'rate', op: '>=', target: 90 },
        },
        {
          code: '2',
          title: '违法生育',
          points: 40,
          rule: { kind: 'expr', score: '40 - 5 * cases' },
        },
      ],
    },
  ],
});

// Association work, 20 points: 20 − 2 × lagging tasks; 先进 ≥ 15, else 后进.
const association = ruleSetHeader({
  id: 'cli-association',
  title: '计生协会工作考核',
  year: 2012,
  points: 20,
  inputs: [{ id: 'lag', label: '未完成任务数', unit: 'count' }],
  sections: [
    {
      code: '一',
      title: '协会工作',
      points: 20,
      items: [
        { code: '1', title: '任务完成', points: 20, rule: { kind: 'expr', score: '20 - 2 * lag' } },
      ],
    },
  ],
  grades: {
    bands: [
      { id: 'advanced', label: '先进', min: 15 },
      { id: 'backward', label: '后进', min: null },
    ],
  },
});

let dir = '';
const run = (args: string[]) => runCli(args, dir);

/** Templates for `units`, filled with `figures` (by unit id), self-scored, reviewed. */
async function scheme(
  name: string,
  rules: object,
  units: Record<string, string>,
  figures: Record<string, Figures>,
): Promise<void> {
  await writeFile(join(dir, `${name}.json`), JSON.stringify(rules));
  const unitArgs = Object.entries(units).flatMap(([id, n]) => ['--unit', `${id}=${n}`]);
  const t = await run(['template', `${name}.json`, ...unitArgs, '--out', `${name}-t`]);
  expect(t.code, t.stderr).toBe(0);
  await mkdir(join(dir, `${name}-filled`), { recursive: true });
  await mkdir(join(dir, `${name}-scored`), { recursive: true });
  for (const [id, n] of Object.entries(units)) {
    const filled = join(`${name}-filled`, `${n}.xlsx`);
    await fillWorkbook(join(dir, `${name}-t`, `${n}.xlsx`), join(dir, filled), figures[id] ?? {});
    const s = await run(['score', filled, '--out', join(`${name}-scored`, `${n}.xlsx`)]);
    expect(s.code, s.stderr).not.toBe(2);
  }
  const r = await run([
    'review',
    `${name}-scored`,
    '--rules',
    `${name}.json`,
    '--out',
    join('summaries', `${name}.xlsx`),
  ]);
  expect([0, 1], r.stderr).toContain(r.code);
}

const declaration = {
  kind: 'combination',
  title: '人口和计划生育目标管理责任制考核综合得分',
  weights: 'percent',
  outOf: 100,
  rounding: { dp: 2, mode: 'half-up' },
  parts: [
    {
      id: 'population',
      label: '人口计生工作',
      summary: 'population.xlsx',
      ruleSet: 'cli-population',
      weight: 80,
    },
    {
      id: 'association',
      label: '计生协会工作',
      summary: 'association.xlsx',
      ruleSet: 'cli-association',
      weight: 20,
      noCommendationGrades: ['backward'],
    },
  ],
};

beforeAll(async () => {
  dir = await tempDir('kaohe-combine-');
  await mkdir(join(dir, 'summaries'), { recursive: true });
  await scheme(
    'population',
    population,
    { v01: '甲村', v02: '乙村', v03: '丙村' },
    {
      v01: { rate: 0.95, cases: 1 }, // 95 % (a percent cell): 60 + 40 − 5 = 95
      v02: { rate: 0.85, cases: 0 }, // 85 %: 0 + 40 = 40
      v03: { rate: null, cases: 0 }, // rate blank: the total is provisional
    },
  );
  await scheme(
    'association',
    association,
    { v01: '甲村', v02: '乙村', v03: '丙村', v04: '丁村' },
    {
      v01: { lag: 2 }, // 20 − 4 = 16, 先进
      v02: { lag: 5 }, // 20 − 10 = 10, 后进
      v03: { lag: 0 }, // 20
      v04: { lag: 1 }, // 18 — but 丁村 is not in the population review
    },
  );
  await writeFile(join(dir, 'summaries', 'combination.json'), JSON.stringify(declaration));
}, 180_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('kaohe combine', () => {
  it('writes each part, its weight and the composite; units it cannot combine are said, never 0', async () => {
    const r = await run([
      'combine',
      join('summaries', 'combination.json'),
      '--out',
      'composite.xlsx',
    ]);
    // Two units have no composite: a finding (exit 1), the file written all the same.
    expect(r.code, r.stderr).toBe(1);
    expect(looksClean(r.stderr)).toBe(true);
    expect(r.stdout).toContain(
      '合成:2012年度 人口和计划生育目标管理责任制考核综合得分(人口计生工作 80% + 计生协会工作 20%),4 个单位',
    );
    expect(r.stdout).toContain(
      '未计算:“丙村”在「人口计生工作」(population.xlsx)中的得分无法判定(数据不完整,总分暂定 40),综合得分未计算',
    );
    expect(r.stdout).toContain(
      '未计算:“丁村”(v04)不在「人口计生工作」(population.xlsx)中,综合得分未计算',
    );
    expect(r.stdout).toContain('2 个单位未计算综合得分');

    const rows = await sheetRows(join(dir, 'composite.xlsx'), '综合得分');
    expect(rows[0]?.[0]).toBe(
      '2012年度 人口和计划生育目标管理责任制考核综合得分 综合得分(满分100)',
    );
    const header = (rows[1] ?? []).map((h) => String(h).split('\n')[0]);
    expect(header).toEqual([
      '名次',
      '单位代码',
      '单位',
      // The population part has no grades: no 等级 column for it.
      '人口计生工作',
      '人口计生工作',
      '人口计生工作',
      '计生协会工作',
      '计生协会工作',
      '计生协会工作',
      '计生协会工作',
      '综合得分',
      '一票否决',
      '不予评先',
      '说明',
      '计算过程',
    ]);
    expect(String(rows[1]?.[5])).toBe('人口计生工作\n折合(权重80%)');
    expect(String(rows[1]?.[8])).toBe('计生协会工作\n等级');
    // 甲村: 0.8 × 95 = 76; 0.2 × 16/20 × 100 = 16; 76 + 16 = 92.
    // 乙村: 0.8 × 40 = 32; 0.2 × 10/20 × 100 = 10; 32 + 10 = 42, no commendation (协会后进).
    expect(rows.slice(2).map((row) => row.slice(0, 13))).toEqual([
      [1, 'v01', '甲村', 95, 100, 76, 16, 20, '先进', 16, 92, '否', '否'],
      [2, 'v02', '乙村', 40, 100, 32, 10, 20, '后进', 10, 42, '否', '是'],
      ['—', 'v03', '丙村', 40, 100, '未计算', 20, 20, '先进', '未计算', '未计算', '否', '否'],
      [
        '—',
        'v04',
        '丁村',
        '未列入',
        null,
        '未计算',
        18,
        20,
        '先进',
        '未计算',
        '未计算',
        '否',
        '否',
      ],
    ]);
    expect(rows[3]?.[13]).toBe('「计生协会工作」(association.xlsx)等次为「后进」,不予评先');
    expect(rows[2]?.[14]).toBe(
      '(人口计生工作 95/100 × 80% + 计生协会工作 16/20 × 20%) × 100 = 92分(满分100)',
    );

    const decl = await sheetRows(join(dir, 'composite.xlsx'), '合成说明');
    expect(decl.slice(2).map((row) => row.slice(0, 5))).toEqual([
      ['population', '人口计生工作', 'population.xlsx', '人口计生目标考核(cli-population)', '80%'],
      [
        'association',
        '计生协会工作',
        'association.xlsx',
        '计生协会工作考核(cli-association)',
        '20%',
      ],
    ]);
    const missing = await sheetRows(join(dir, 'composite.xlsx'), '未计算');
    expect(missing.slice(2).map((row) => row.slice(0, 2))).toEqual([
      ['v03', '丙村'],
      ['v04', '丁村'],
    ]);

    // The same input, the same bytes.
    const again = await run([
      'combine',
      join('summaries', 'combination.json'),
      '--out',
      'composite-2.xlsx',
    ]);
    expect(again.code, again.stderr).toBe(1);
    expect(
      Buffer.compare(
        await readFile(join(dir, 'composite.xlsx')),
        await readFile(join(dir, 'composite-2.xlsx')),
      ),
    ).toBe(0);
  }, 60_000);

  it('a declaration error is named at its path, and nothing is written', async () => {
    await writeFile(
      join(dir, 'summaries', 'bad.json'),
      JSON.stringify({
        ...declaration,
        parts: [{ ...declaration.parts[0], weight: 70 }, declaration.parts[1]],
      }),
    );
    const r = await run(['combine', join('summaries', 'bad.json'), '--out', 'bad.xlsx']);
    expect(r.code).toBe(3);
    expect(looksClean(r.stderr)).toBe(true);
    expect(r.stderr).toContain('parts');
    expect(r.stderr).toContain('权重合计为 90%,应为 100%');
    await expect(readFile(join(dir, 'bad.xlsx'))).rejects.toThrow();
  }, 30_000);

  it('parts of different years or of another rule set than declared: refused, naming the part', async () => {
    // The population rules of 2013 reviewed into a summary of their own.
    await scheme(
      'population2013',
      { ...population, year: 2013 },
      { v01: '甲村' },
      { v01: { rate: 0.95, cases: 0 } },
    );
    await writeFile(
      join(dir, 'summaries', 'years.json'),
      JSON.stringify({
        ...declaration,
        parts: [
          { ...declaration.parts[0], summary: 'population2013.xlsx', ruleSet: undefined },
          declaration.parts[1],
        ],
      }),
    );
    const r = await run(['combine', join('summaries', 'years.json'), '--out', 'years.xlsx']);
    expect(r.code).toBe(3);
    expect(looksClean(r.stderr)).toBe(true);
    expect(r.stderr).toContain(
      '「人口计生工作」(population2013.xlsx)是2013年度的考核,其他部分有2012年度的;各部分须为同一年度',
    );
    await writeFile(
      join(dir, 'summaries', 'swapped.json'),
      JSON.stringify({
        ...declaration,
        parts: [
          { ...declaration.parts[0], summary: 'association.xlsx', weight: 20 },
          { ...declaration.parts[1], summary: 'population.xlsx', weight: 80 },
        ],
      }),
    );
    const s = await run(['combine', join('summaries', 'swapped.json'), '--out', 'swapped.xlsx']);
    expect(s.code).toBe(3);
    expect(s.stderr).toContain(
      '「人口计生工作」(association.xlsx)是规则集“cli-association”的复核结果,声明应为“cli-population”',
    );
  }, 90_000);

  it('a workbook that is not a review summary is named with its cell', async () => {
    await writeFile(
      join(dir, 'summaries', 'not-summary.json'),
      JSON.stringify({
        ...declaration,
        parts: [
          { ...declaration.parts[0], summary: join('..', 'population-t', '甲村.xlsx') },
          declaration.parts[1],
        ],
      }),
    );
    const r = await run(['combine', join('summaries', 'not-summary.json'), '--out', 'x.xlsx']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('kaohe_results!A1');
    expect(r.stderr).toContain('不是复核汇总表');
  }, 30_000);
});
