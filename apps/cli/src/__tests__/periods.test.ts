// Periods, end to end on real files: a township scores its villages each quarter. Each quarter's
// workbooks are made by the CLI (from the second on with --counters, the previous quarter's
// summary), filled through ExcelJS, reviewed; the counters across periods travel in the files
// (3 failed inspections in a row → interview); the quarters are combined into the year 4:3:3.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ruleSetHeader } from '@kaohe/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillWorkbook, sheetRows, type Figures } from './fill-data.ts';
import { looksClean, runCli, tempDir } from './run-cli.ts';

// 一.1 the quarter's inspection passed → 60; 一.2 40 − 5 × cases. A failed inspection counts.
const quarterly = ruleSetHeader({
  id: 'cli-quarterly',
  title: '村级计生工作季度考核',
  year: 2012,
  points: 100,
  rounding: { scores: { dp: 1, mode: 'half-up' } },
  inputs: [
    { id: 'passed', label: '本季度检查合格', unit: 'yesno' },
    { id: 'cases', label: '违法生育件数', unit: 'count' },
  ],
  sections: [
    {
      code: '一',
      title: '季度工作',
      points: 100,
      items: [
        { code: '1', title: '季度检查', points: 60, rule: { kind: 'yesno', input: 'passed' } },
        {
          code: '2',
          title: '违法生育',
          points: 40,
          rule: { kind: 'expr', score: '40 - 5 * cases' },
        },
      ],
    },
  ],
  counters: [{ id: 'fail', label: '季度检查不合格', when: "!met('一.1')" }],
  sanctions: [
    {
      id: 'talk',
      level: 'interview',
      when: "consecutive('fail') >= 3 || cumulative('fail') >= 5",
      reason: '连续3次或累计5次季度检查不合格,约谈',
    },
  ],
});

const UNITS = { v01: '甲村', v02: '乙村' };
// 甲村 fails every inspection: 40, 30, 35. 乙村 passes, fails, passes: 100, 40, 80.
const FIGURES: Record<string, Figures>[] = [
  { v01: { passed: '否', cases: 0 }, v02: { passed: '是', cases: 0 } },
  { v01: { passed: '否', cases: 2 }, v02: { passed: '否', cases: 0 } },
  { v01: { passed: '否', cases: 1 }, v02: { passed: '是', cases: 4 } },
];

let dir = '';
const run = (args: string[]) => runCli(args, dir);
const unitArgs = Object.entries(UNITS).flatMap(([id, n]) => ['--unit', `${id}=${n}`]);

/** Quarter q's workbooks (carrying the counts of the quarter before), filled, reviewed. */
async function quarter(q: number): Promise<void> {
  const t = await run([
    'template',
    'rules.json',
    ...unitArgs,
    '--out',
    `t${q}`,
    ...(q > 1 ? ['--counters', join('summaries', `q${q - 1}.xlsx`)] : []),
  ]);
  expect(t.code, t.stderr).toBe(0);
  if (q > 1)
    expect(t.stdout).toContain(`已带入上期计数(${join('summaries', `q${q - 1}.xlsx`)}):2 个单位`);
  await mkdir(join(dir, `r${q}`), { recursive: true });
  for (const [id, n] of Object.entries(UNITS))
    await fillWorkbook(
      join(dir, `t${q}`, `${n}.xlsx`),
      join(dir, `r${q}`, `${n}.xlsx`),
      FIGURES[q - 1]?.[id] ?? {},
    );
  const r = await run([
    'review',
    `r${q}`,
    '--rules',
    'rules.json',
    '--out',
    join('summaries', `q${q}.xlsx`),
  ]);
  // Not self-scored (未自评): a finding, the summary written all the same.
  expect(r.code, r.stderr).toBe(1);
}

beforeAll(async () => {
  dir = await tempDir('kaohe-periods-');
  await mkdir(join(dir, 'summaries'), { recursive: true });
  await writeFile(join(dir, 'rules.json'), JSON.stringify(quarterly));
  for (const q of [1, 2, 3]) await quarter(q);
}, 240_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('quarters: counters carried across periods, combined into the year', () => {
  it('the third failed quarter in a row is an interview; the counts are in the summary', async () => {
    const counts = await sheetRows(join(dir, 'summaries', 'q3.xlsx'), '计数');
    // 甲村: failed Q1, Q2, Q3 → 3 in a row, 3 in all. 乙村: failed Q2 only → 0 in a row, 1 in all.
    expect(counts.slice(2)).toEqual([
      ['v02', '乙村', '季度检查不合格', '否', 0, 1],
      ['v01', '甲村', '季度检查不合格', '是', 3, 3],
    ]);
    const vetoes = await sheetRows(join(dir, 'summaries', 'q3.xlsx'), '否决');
    expect(vetoes.slice(2).map((r) => r.slice(0, 4))).toEqual([
      ['v01', '甲村', '约谈', '连续3次或累计5次季度检查不合格,约谈'],
    ]);
    // Q2: 甲村 two in a row, no interview yet.
    const q2 = await sheetRows(join(dir, 'summaries', 'q2.xlsx'), '否决');
    expect(q2.slice(2)).toEqual([]);
  }, 30_000);

  it('four-three-three: the quarters combined into the year', async () => {
    await writeFile(
      join(dir, 'summaries', 'year.json'),
      JSON.stringify({
        kind: 'combination',
        id: 'quarters',
        title: '村级计生工作年度考核(按季度)',
        weights: 'ratio',
        rounding: { dp: 1, mode: 'half-up' },
        parts: ['一', '二', '三'].map((n, i) => ({
          id: `q${i + 1}`,
          label: `第${n}季度`,
          summary: `q${i + 1}.xlsx`,
          ruleSet: 'cli-quarterly',
          weight: [4, 3, 3][i],
        })),
      }),
    );
    const r = await run(['combine', join('summaries', 'year.json'), '--out', 'year.xlsx']);
    expect(r.code, r.stderr).toBe(0);
    expect(looksClean(r.stderr)).toBe(true);
    const rows = await sheetRows(join(dir, 'year.xlsx'), '综合得分');
    // 乙村: (4 × 100 + 3 × 40 + 3 × 80) / 10 = (400 + 120 + 240) / 10 = 76
    // 甲村: (4 × 40 + 3 × 30 + 3 × 35) / 10 = (160 + 90 + 105) / 10 = 35.5
    // The quarters have no grades: each part shows 得分, 满分 and 折合, no 等级 column.
    const header = (rows[1] ?? []).map(String);
    expect(header.slice(3, 6)).toEqual([
      '第一季度\n得分',
      '第一季度\n满分',
      '第一季度\n折合(权重40%)',
    ]);
    const composite = header.indexOf('综合得分\nComposite');
    expect(composite).toBe(12);
    expect(rows.slice(2).map((row) => [row[0], row[2], row[composite]])).toEqual([
      [1, '乙村', 76],
      [2, '甲村', 35.5],
    ]);

    // The year's quarters as the routine part (40 %), the last quarter's review standing in for
    // the year-end one (60 %): a composite is itself a part.
    await writeFile(
      join(dir, 'year-end.json'),
      JSON.stringify({
        kind: 'combination',
        title: '村级计生工作年度综合得分',
        weights: 'percent',
        rounding: { dp: 1, mode: 'half-up' },
        parts: [
          {
            id: 'routine',
            label: '日常考核',
            summary: 'year.xlsx',
            ruleSet: 'quarters',
            weight: 40,
          },
          {
            id: 'year_end',
            label: '年终考核',
            summary: join('summaries', 'q3.xlsx'),
            weight: 60,
          },
        ],
      }),
    );
    const y = await run(['combine', 'year-end.json', '--out', 'year-end.xlsx']);
    expect(y.code, y.stderr).toBe(0);
    const total = await sheetRows(join(dir, 'year-end.xlsx'), '综合得分');
    // 乙村: 0.4 × 76 + 0.6 × 80 = 30.4 + 48 = 78.4; 甲村: 0.4 × 35.5 + 0.6 × 35 = 14.2 + 21 = 35.2
    const totalHeader = (total[1] ?? []).map(String);
    const [routine, yearEnd, sum] = ['日常考核\n得分', '年终考核\n得分', '综合得分\nComposite'].map(
      (h) => totalHeader.indexOf(h),
    );
    expect(
      total
        .slice(2)
        .map((row) => [row[0], row[2], row[routine ?? -1], row[yearEnd ?? -1], row[sum ?? -1]]),
    ).toEqual([
      [1, '乙村', 76, 80, 78.4],
      [2, '甲村', 35.5, 35, 35.2],
    ]);
  }, 60_000);

  it('a previous summary without one of the units, or rules without counters: refused', async () => {
    await writeFile(
      join(dir, 'plain.json'),
      JSON.stringify({ ...quarterly, id: 'cli-plain', counters: undefined, sanctions: [] }),
    );
    const plain = await run([
      'template',
      'plain.json',
      ...unitArgs,
      '--out',
      'tp',
      '--counters',
      join('summaries', 'q1.xlsx'),
    ]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('--counters 只用于声明了跨期计数器的规则集');
    const more = await run([
      'template',
      'rules.json',
      ...unitArgs,
      '--unit',
      'v03=丙村',
      '--out',
      'tm',
      '--counters',
      join('summaries', 'q1.xlsx'),
    ]);
    expect(more.code).toBe(3);
    expect(looksClean(more.stderr)).toBe(true);
    expect(more.stderr).toContain(`上期汇总表 ${join('summaries', 'q1.xlsx')} 中没有单位 v03`);
  }, 30_000);
});
