// `kaohe demo --cascade`, end to end: the demo run twice (once on screen in Chinese, once under
// --json) into two folders, its workbooks read back with ExcelJS and checked against figures
// worked out by hand from the figures its clerks type (src/commands/demo/cascade-figures.ts).
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetRows } from './fill-data.ts';
import { looksClean, runCli, tempDir, type CliRun } from './run-cli.ts';

let dir = '';
let shown: CliRun;
let json: CliRun;
const A = 'cascade-a';
const B = 'cascade-b';
const at = (...parts: string[]): string => join(dir, A, ...parts);

/** Every file under a folder, by its path inside it, sorted. */
async function files(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

/** The 填报值 (value) column of a workbook's 基础数据 sheet, by input id. */
async function dataValues(file: string): Promise<Record<string, unknown>> {
  const rows = await sheetRows(file, '基础数据');
  const header = rows.find((r) => String(r[0]).startsWith('代码')) ?? [];
  const col = header.findIndex((h) => String(h).startsWith('填报值'));
  return Object.fromEntries(
    rows.filter((r) => typeof r[0] === 'string' && col > 0).map((r) => [r[0], r[col]]),
  );
}

/** The 总分 row's self score of a workbook's 考核评分 sheet. */
async function selfTotal(file: string): Promise<unknown> {
  const rows = await sheetRows(file, '考核评分');
  const header = rows.find((r) => String(r[0]).startsWith('序号')) ?? [];
  const col = header.findIndex((h) => String(h).startsWith('自评得分'));
  return rows.find((r) => r[0] === '合计')?.[col];
}

beforeAll(async () => {
  dir = await tempDir('kaohe-demo-cascade-');
  [shown, json] = await Promise.all([
    runCli(['demo', '--cascade', '--out', A], dir),
    runCli(['demo', '--cascade', '--out', B, '--json'], dir),
  ]);
}, 240_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('kaohe demo --cascade', () => {
  it('runs every step, each printed in Chinese; --json gives one document with each command', () => {
    expect(shown.code, shown.stderr).toBe(0);
    expect(looksClean(shown.stderr)).toBe(true);
    for (const step of ['第一步', '第二步', '第三步', '第四步'])
      expect(shown.stdout).toContain(`== ${step}:`);
    expect(shown.stdout).toContain(`演示完成,全部考核表、汇总表和声明文件在:${A}`);

    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout) as {
      command: string;
      steps: { step: string; result: { command: string } }[];
    };
    expect(doc.command).toBe('demo');
    const commands = doc.steps.map((s) => `${s.step}:${s.result.command}`);
    // 2 certification rounds; 2 villages' rounds, the townships, 2 township and 1 county roll-up,
    // the county; 2 parts and their combination; 4 quarters and the year.
    expect(commands.filter((c) => c.endsWith(':review'))).toHaveLength(2 + 2 + 4);
    expect(commands.filter((c) => c === 'cascade:rollup')).toHaveLength(3);
    expect(commands.filter((c) => c.endsWith(':combine'))).toEqual([
      'composite:combine',
      'quarters:combine',
    ]);
  });

  it('北街村 fails certification, gets its 整改通知书, and passes on re-assessment with its history', async () => {
    // 360 members ÷ 4800 people = 7.5 % < 8 % (一.5) and no member home (三.1); 2012-11-20 + 30 days.
    expect(shown.stdout).toContain('北街村(v04):未通过,2 项条款未达到,请于 2012-12-20 前完成整改');
    const first = at('1-certification', '1-first', '4-summary.xlsx');
    const result = await sheetRows(first, '认定结果');
    expect(result.slice(2).map((r) => [r[1], r[3]])).toEqual([
      ['东关村', '认定通过'],
      ['北街村', '未通过'],
      ['南街村', '认定通过'],
      ['柳树村', '认定通过'],
      ['河湾村', '认定通过'],
      ['西关村', '认定通过'],
    ]);
    const notice = await sheetRows(first, '整改-北街村');
    expect(notice[0]?.[0]).toBe('整改通知书');
    const clauses = notice.filter((r) => r[0] === '1' || r[0] === '2').map((r) => r[1]);
    expect(clauses).toEqual(['一.5 会员人数不低于总人口的8%', '三.1 建立「会员之家」活动场所']);
    expect(notice.some((r) => r[0] === '整改期限:2012年12月20日前')).toBe(true);

    // 400 ÷ 4800 = 8.33 % and the member home built: every clause met on 2012-12-18.
    const again = await sheetRows(
      at('1-certification', '2-reassessment', '4-summary.xlsx'),
      '认定结果',
    );
    expect(again.slice(2).map((r) => [r[1], r[2], r[3], r[7]])).toEqual([
      [
        '北街村',
        '第2次',
        '认定通过',
        '2012-11-20 第1次认定未通过(2项条款未达到,限2012-12-20前整改)\n2012-12-18 第2次认定通过(整改后复评)',
      ],
    ]);
  });

  it('rolls the villages up into 城关镇 and the townships up into 平安县, as worked by hand', async () => {
    // 城关镇's villages: 100, 100, 90, 77 (北街村), 95, 100 → 5 of 6 at 85 or more = 83.33 %;
    // self-government qualified in 5 of 6 (not 南街村) = 83.33 %; 北街村 unsigned: −0.5.
    const township = at('2-cascade', '2-townships', '4-scored', '城关镇.xlsx');
    expect(await dataValues(township)).toMatchObject({
      villages_qualified: 0.8333,
      self_gov_share: 0.8333,
      unsigned_cut: -0.5,
      policy_rate: 0.931,
    });
    // 一.1 15 − (85 − 83.33) × 1 = 13.33; 一.2 0 (below 85 %); 一.3 10 − 0.5 = 9.5;
    // 二.1 93.1 % ≥ 92 %: 60. 13.33 + 0 + 9.5 + 60 = 82.83.
    expect(await selfTotal(township)).toBe(82.83);
    // 河西乡: 3 of 3 villages qualified: 15 + 15 + 10 + (60 − 5 × 1.8 = 51) = 91.
    expect(await selfTotal(at('2-cascade', '2-townships', '4-scored', '河西乡.xlsx'))).toBe(91);

    // The county: 82.83 and 91 both at 80 or more → 2 of 2 = 100 %; 一.1 at full points only in
    // 河西乡 (城关镇 has 13.33 of 15) → 1 of 2 = 50 %.
    const county = at('2-cascade', '3-county', '4-scored', '平安县.xlsx');
    expect(await dataValues(county)).toMatchObject({
      townships_qualified: 1,
      villages_mark_share: 0.5,
      policy_rate: 0.924,
    });
    // 一.1 100 % ≥ 80 %: 20; 一.2 50 % < 60 %: 0; 二.1 92.4 %: 60 → 80.
    expect(await selfTotal(county)).toBe(80);
    expect(shown.stdout).toContain('基础数据!E6 村级达标率达标的乡镇比例 = 50%');
  });

  it('combines association work at 20 % with the population score, as worked by hand', async () => {
    const rows = await sheetRows(at('3-composite', 'composite.xlsx'), '综合得分');
    const header = (rows[1] ?? []).map((h) => String(h).split('\n')[0]);
    const composite = header.indexOf('综合得分');
    // Population (Baotou 2012, of 150, the sample units' hand-worked totals) × 80 % scaled to
    // 100, plus association work (of 20) × 20 %: 80 × P ÷ 150 + A.
    // 昆都仑区 80 × 150 ÷ 150 + 20 = 100
    // 固阳县 80 × 147.5 ÷ 150 + (20 − 1 − 0.37) = 78.6667 + 18.63 = 97.2967 → 97.3
    // 九原区 80 × 144.4 ÷ 150 + (20 − 0.5) = 77.0133 + 19.5 = 96.5133 → 96.51
    // 达茂旗 80 × 143.8 ÷ 150 + (20 − 1) = 76.6933 + 19 = 95.6933 → 95.69
    expect(rows.slice(2).map((r) => [r[0], r[2], r[composite]])).toEqual([
      [1, '昆都仑区', 100],
      [2, '固阳县', 97.3],
      [3, '九原区', 96.51],
      [4, '达尔罕茂明安联合旗', 95.69],
    ]);
  });

  it('carries the counters from quarter to quarter and combines the four into the year', async () => {
    // 北街村 fails the inspection in Q1, Q2 and Q3: the third in a row is an interview.
    const q3 = at('4-quarters', 'q3', '4-summary.xlsx');
    const counts3 = await sheetRows(q3, '计数');
    expect(counts3.find((r) => r[1] === '北街村')?.slice(3)).toEqual(['是', 3, 3]);
    const sanctions = await sheetRows(q3, '否决');
    expect(sanctions.slice(2).map((r) => [r[1], r[2]])).toEqual([['北街村', '约谈']]);
    expect(shown.stdout).toContain(
      '北街村(v04):约谈——连续3个季度或累计5次季度检查不合格,约谈村党支部书记',
    );
    // Q4 passed: the row is broken, 3 failures in all carried on; 南街村 failed Q2 only.
    const counts4 = await sheetRows(at('4-quarters', 'q4', '4-summary.xlsx'), '计数');
    expect(counts4.find((r) => r[1] === '北街村')?.slice(3)).toEqual(['否', 0, 3]);
    expect(counts4.find((r) => r[1] === '南街村')?.slice(3)).toEqual(['否', 0, 1]);

    const rows = await sheetRows(at('4-quarters', 'year.xlsx'), '综合得分');
    const header = (rows[1] ?? []).map((h) => String(h).split('\n')[0]);
    const year = header.indexOf('综合得分');
    // Equal weights: (Q1 + Q2 + Q3 + Q4) ÷ 4, each quarter 40 (inspection) + 60 − 5 a point below 92 %.
    // 西关村 (100 + 100 + (40 + 60 − 5 × 0.2 = 99) + 100) ÷ 4 = 99.75
    // 河湾村 ((40 + 60 − 5 × 0.6 = 97) + 100 + 100 + 100) ÷ 4 = 99.25
    // 南街村 (100 + (0 + 60) + 100 + 100) ÷ 4 = 90
    // 北街村 ((0 + 60 − 10) + (0 + 60 − 5) + (0 + 60) + 100) ÷ 4 = (50 + 55 + 60 + 100) ÷ 4 = 66.25
    expect(rows.slice(2).map((r) => [r[0], r[2], r[year]])).toEqual([
      [1, '东关村', 100],
      [1, '柳树村', 100],
      [3, '西关村', 99.75],
      [4, '河湾村', 99.25],
      [5, '南街村', 90],
      [6, '北街村', 66.25],
    ]);
    // Printed, the tie is marked as the review's ranking marks one.
    expect(shown.stdout).toMatch(/^\s*=1\s+东关村\s+100\s*$/m);
    expect(shown.stdout).toMatch(/^\s*3\s+西关村\s+99\.75\s*$/m);
  });

  it('gives the same files, byte for byte, on another run (into another folder, under --json)', async () => {
    const a = await files(join(dir, A));
    const b = await files(join(dir, B));
    expect(a.length).toBeGreaterThan(150);
    expect(b).toEqual(a);
    const differ: string[] = [];
    for (const f of a) {
      const [x, y] = await Promise.all([readFile(join(dir, A, f)), readFile(join(dir, B, f))]);
      if (!x.equals(y)) differ.push(f);
    }
    expect(differ).toEqual([]);
  });

  it('refuses to write over an earlier run without --force', async () => {
    const again = await runCli(['demo', '--cascade', '--out', A], dir);
    expect(again.code).toBe(2);
    expect(looksClean(again.stderr)).toBe(true);
    expect(again.stderr).toContain('--force');
  });

  it('speaks English with --lang en; --force writes the same files over the earlier run', async () => {
    const en = await runCli(['demo', '--cascade', '--out', B, '--lang', 'en', '--force'], dir);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain('== Step 1: the 6 village associations of 城关镇 certified');
    expect(en.stdout).toContain(
      '北街村 (v04): not certified, 2 clause(s) not met; rectify by 2012-12-20',
    );
    expect(en.stdout).toContain(`Demo done; every workbook, summary and declaration is in: ${B}`);
    expect(en.stdout).not.toMatch(/第[一二三四]步|认定通过/);
    const a = await files(join(dir, A));
    expect(await files(join(dir, B))).toEqual(a);
    for (const f of a) {
      const [x, y] = await Promise.all([readFile(join(dir, A, f)), readFile(join(dir, B, f))]);
      expect(x.equals(y), f).toBe(true);
    }
  }, 180_000);
});
