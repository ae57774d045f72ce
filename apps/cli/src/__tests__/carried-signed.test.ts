// The counts carried from the periods before, signed (issue 16's left-over): the township makes
// each quarter's workbooks from its roster with its key and the previous quarter's summary
// (`template --roster --key --counters`): the counts travel in kaohe_meta and are signed with the
// prefill. A village that edits its counts in the returned .xlsx (through ExcelJS, as anyone
// could with the sheet unhidden) is flagged at that cell by `kaohe review --trust`, and the review
// goes by the signed counts, never the edited ones; an untouched workbook passes.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inspectionRuleSet } from '@kaohe/test-utils';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillWorkbook, sheetRows } from './fill-data.ts';
import { looksClean, publishWithKey, runCli, tempDir } from './run-cli.ts';

const env = { KAOHE_PASSPHRASE: '某镇计生办口令2012' };
let dir = '';
const run = (args: string[]) => runCli(args, dir, { env, timeoutMs: 60_000 });
const trust = ['--trust', 'town-trust.json'];
/** `kaohe review` of the workbooks in `folder` with the trust list, written to `out`. */
const review = (folder: string, out: string, ...more: string[]) =>
  run(['review', folder, '--rules', 'town-e.json', '--out', out, ...trust, ...more]);

/** Quarter q's signed workbooks (from the second on carrying the counts of the one before). */
async function templates(q: number): Promise<void> {
  const t = await run([
    'template',
    '--edition',
    'town-e.json',
    '--roster',
    'units.csv',
    '--key',
    'town.key',
    '--out',
    `t${q}`,
    ...trust,
    ...(q > 1 ? ['--counters', `q${q - 1}.xlsx`] : []),
  ]);
  expect(t.code, t.stderr).toBe(0);
}

/** Sets the first cell of kaohe_meta's counts in `file` to `json`; its address. */
async function editCounts(file: string, json: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const meta = book.getWorksheet('kaohe_meta');
  let at = '';
  meta?.eachRow((row, n) => {
    if (at || row.getCell(1).value !== 'counters') return;
    row.getCell(2).value = json;
    at = `kaohe_meta!B${n}`;
  });
  if (!at) throw new Error('no counts in the workbook');
  await book.xlsx.writeFile(file);
  return at;
}

beforeAll(async () => {
  dir = await tempDir('kaohe-carried-signed-');
  await writeFile(join(dir, 'rules.json'), JSON.stringify(inspectionRuleSet()));
  await publishWithKey(dir, env, 'town', '2012-2013', 'rules.json');
  await writeFile(join(dir, 'units.csv'), '\uFEFF单位代码,单位名称\nv01,甲村\nv02,乙村\n');
  // Quarter 1: 甲村 fails its inspection, 乙村 passes.
  await templates(1);
  await mkdir(join(dir, 'r1'));
  await fillWorkbook(join(dir, 't1/甲村.xlsx'), join(dir, 'r1/甲村.xlsx'), { passed: '否' });
  await fillWorkbook(join(dir, 't1/乙村.xlsx'), join(dir, 'r1/乙村.xlsx'), { passed: '是' });
  const r = await review('r1', 'q1.xlsx');
  expect(r.code, r.stderr).toBe(1); // not self-scored (未自评): a finding
  // Quarter 2: the workbooks carry the counts (甲村 1 in a row), signed; both fail this time.
  await templates(2);
  await mkdir(join(dir, 'r2'));
  for (const n of ['甲村', '乙村'])
    await fillWorkbook(join(dir, `t2/${n}.xlsx`), join(dir, `r2/${n}.xlsx`), { passed: '否' });
}, 240_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Reviewed {
  units: {
    name: string;
    prefill?: {
      status: string;
      message: { zh: string; en: string };
      changes: {
        field: string;
        column: string;
        address: string;
        signed: unknown;
        found: unknown;
      }[];
    };
  }[];
  findings: { prefillUnverified: number };
}

describe('counts carried in a signed workbook', () => {
  it('untouched: they verify, and the review counts on from them', async () => {
    const r = await review('r2', 'q2.xlsx', '--json');
    const doc = JSON.parse(r.stdout) as Reviewed;
    expect(doc.units.map((u) => [u.name, u.prefill?.status])).toEqual([
      ['甲村', 'intact'],
      ['乙村', 'intact'],
    ]);
    expect(doc.findings.prefillUnverified).toBe(0);
    // 甲村: 1 in a row before + this quarter = 2; 乙村: 0 + 1 = 1.
    const counts = await sheetRows(join(dir, 'q2.xlsx'), '计数');
    expect(counts.slice(2).map((row) => [row[1], row[4], row[5]])).toEqual([
      ['甲村', 2, 2],
      ['乙村', 1, 1],
    ]);
  }, 60_000);

  it('a count edited in the returned workbook is flagged at its cell; the signed one is used', async () => {
    await mkdir(join(dir, 'edited'));
    for (const n of ['甲村', '乙村'])
      await fillWorkbook(join(dir, `r2/${n}.xlsx`), join(dir, `edited/${n}.xlsx`), {});
    // 甲村 wipes its failure of the quarter before.
    const at = await editCounts(
      join(dir, 'edited/甲村.xlsx'),
      '{"fail":{"consecutive":0,"cumulative":0}}',
    );
    const human = await review('edited', 'q2e.xlsx');
    expect(looksClean(human.stdout + human.stderr)).toBe(true);
    expect(human.stdout).toContain(
      `预填指标未通过验证:甲村(${join('edited', '甲村.xlsx')}):预填指标已被改动:检查不合格(上期连续次数) ${at} 签发为 1,现为 0;检查不合格(上期累计次数) ${at} 签发为 1,现为 0`,
    );
    const json = await review('edited', 'q2e.xlsx', '--force', '--json');
    const doc = JSON.parse(json.stdout) as Reviewed;
    const jia = doc.units.find((u) => u.name === '甲村');
    expect(jia?.prefill?.changes).toEqual([
      { field: 'fail', column: 'consecutive', address: at, signed: 1, found: 0 },
      { field: 'fail', column: 'cumulative', address: at, signed: 1, found: 0 },
    ]);
    expect(jia?.prefill?.message.en).toBe(
      `prefill altered: counter fail (in a row before) at ${at} was issued as 1, now 0; counter fail (in all before) at ${at} was issued as 1, now 0`,
    );
    expect(doc.units.find((u) => u.name === '乙村')?.prefill?.status).toBe('intact');
    expect(doc.findings.prefillUnverified).toBe(1);
    // Counted on from the signed 1, not the edited 0: 甲村 2 in a row, as untouched.
    const counts = await sheetRows(join(dir, 'q2e.xlsx'), '计数');
    expect(counts.slice(2).map((row) => [row[1], row[4], row[5]])).toEqual([
      ['甲村', 2, 2],
      ['乙村', 1, 1],
    ]);
    // The 差异 sheet names the cell.
    const diffs = await sheetRows(join(dir, 'q2e.xlsx'), '差异');
    expect(diffs.some((row) => String(row[6]).startsWith(`${at}:`))).toBe(true);
  }, 60_000);

  it('review --counters: the previous summary’s counts win, signed or not, each differing one flagged', async () => {
    // 甲村 wipes its failure of the quarter before and its prefill's signature with it: the
    // review flags the workbook (its prefill unsigned) but has no signed counts to go by, so
    // without --counters the wiped failure would count (1 in a row, not 2).
    await mkdir(join(dir, 'stripped'));
    for (const n of ['甲村', '乙村'])
      await fillWorkbook(join(dir, `edited/${n}.xlsx`), join(dir, `stripped/${n}.xlsx`), {});
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'stripped/甲村.xlsx'));
    book.getWorksheet('kaohe_meta')?.eachRow((row) => {
      if (row.getCell(1).value === 'prefill') row.getCell(2).value = null;
    });
    await book.xlsx.writeFile(join(dir, 'stripped/甲村.xlsx'));
    const plain = await review('stripped', 'q2p.xlsx');
    expect(plain.code, plain.stderr).toBe(1);
    const unchecked = await sheetRows(join(dir, 'q2p.xlsx'), '计数');
    expect(unchecked.slice(2).map((row) => [row[1], row[4]])).toEqual([
      ['甲村', 1],
      ['乙村', 1],
    ]);

    const human = await review('stripped', 'q2c.xlsx', '--counters', 'q1.xlsx');
    expect(looksClean(human.stdout + human.stderr)).toBe(true);
    expect(human.stderr + human.stdout).toContain('上期计数按上期汇总表 q1.xlsx 计(2 个单位)');
    const at = (await sheetRows(join(dir, 'q2c.xlsx'), '差异'))
      .map((row) => String(row[6]))
      .find((t) => t.includes('已按上期汇总表计'))
      ?.split(':')[0];
    expect(at).toMatch(/^kaohe_meta!B\d+$/);
    expect(human.stdout).toContain(
      `甲村(${join('stripped', '甲村.xlsx')}):上期计数与上期汇总表不符,已按汇总表计:检查不合格(上期连续次数) ${at} 上期汇总表为 1,表中为 0`,
    );
    // Counted on from the summary's 1: 甲村 2 in a row, as if untouched.
    const counts = await sheetRows(join(dir, 'q2c.xlsx'), '计数');
    expect(counts.slice(2).map((row) => [row[1], row[4], row[5]])).toEqual([
      ['甲村', 2, 2],
      ['乙村', 1, 1],
    ]);
    const json = await review('stripped', 'q2c.xlsx', '--counters', 'q1.xlsx', '--force', '--json');
    const doc = JSON.parse(json.stdout) as {
      units: { name: string; record?: { changes: { source: string; column: string }[] } }[];
    };
    expect(
      doc.units.map((u) => [
        u.name,
        (u.record?.changes ?? []).map((c) => `${c.source}:${c.column}`),
      ]),
    ).toEqual([
      ['甲村', ['counters:consecutive', 'counters:cumulative']],
      ['乙村', []],
    ]);
  }, 90_000);

  it('review --counters: a unit the previous summary does not list goes by its signed counts, flagged', async () => {
    // A previous summary of 乙村 alone: 甲村 (whose edited counts the signature still covers)
    // cannot be checked against it, so the signed counts decide, as without --counters.
    await mkdir(join(dir, 'r1b'));
    await fillWorkbook(join(dir, 'r1/乙村.xlsx'), join(dir, 'r1b/乙村.xlsx'), {});
    await review('r1b', 'q1b.xlsx');
    const r = await review('edited', 'q2b.xlsx', '--counters', 'q1b.xlsx');
    expect(looksClean(r.stdout + r.stderr)).toBe(true);
    expect(r.stdout).toContain('上期汇总表(q1b.xlsx)中没有单位“v01”:上期计数无从按汇总表核对');
    const counts = await sheetRows(join(dir, 'q2b.xlsx'), '计数');
    expect(counts.slice(2).map((row) => [row[1], row[4]])).toEqual([
      ['甲村', 2],
      ['乙村', 1],
    ]);
  }, 90_000);
});
