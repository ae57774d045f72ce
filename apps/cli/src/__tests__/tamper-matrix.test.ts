// The tamper matrix of issue 15 ("Figures for your note"): every tamper tried on signed, prefilled
// workbooks — a threshold edited; the same with its checksum recomputed; a signature copied from
// another edition; the rules sheet deleted or unhidden; a target changed in the data sheet; another
// edition's rules sheet pasted in; an expired or revoked key — each detected by `kaohe verify` and
// by `kaohe review`, and no alarm on the untouched workbook. The counts are printed for the note.
// The rules and the tampers are @kaohe/test-utils' (the task pane's matrix tries the same ones),
// done here to the .xlsx files through ExcelJS.
import { createHash } from 'node:crypto';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyTamper,
  TAMPERS,
  tamperRules,
  type Tamper,
  type TamperContext,
  type TamperSheet,
} from '@kaohe/test-utils';
import { runCli, tempDir } from './run-cli.ts';

const env = { KAOHE_PASSPHRASE: '市计生委口令2013' };
let dir = '';

const unitName = (i: number) => `单位${i}`;

/** A sheet's cells as a grid (0-based), the values as ExcelJS holds them. */
function gridOf(ws: ExcelJS.Worksheet): unknown[][] {
  return Array.from({ length: ws.rowCount }, (_, r) =>
    Array.from({ length: ws.columnCount }, (_, c) => ws.getCell(r + 1, c + 1).value),
  );
}
const sheetsOf = (wb: ExcelJS.Workbook): TamperSheet[] =>
  wb.worksheets.map((ws) => ({ name: ws.name, state: ws.state, values: gridOf(ws) }));

/** A file with a tamper done to its sheets as grids, and only what it changed written back. */
async function tamperFile(file: string, tamper: Tamper, ctx: TamperContext): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets = sheetsOf(wb);
  applyTamper(tamper, sheets, ctx);
  for (const ws of [...wb.worksheets]) {
    const after = sheets.find((x) => x.name === ws.name);
    if (!after) {
      wb.removeWorksheet(ws.id);
      continue;
    }
    if (after.state && after.state !== ws.state) ws.state = after.state;
    const rows = Math.max(after.values.length, ws.rowCount);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(after.values[r]?.length ?? 0, ws.columnCount);
      for (let c = 0; c < cols; c++) {
        const cell = ws.getCell(r + 1, c + 1);
        const value = (after.values[r]?.[c] ?? null) as ExcelJS.CellValue;
        if (cell.value !== value) cell.value = value;
      }
    }
  }
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  dir = await tempDir();
  await writeFile(join(dir, 'rules1.json'), JSON.stringify(tamperRules(1)));
  await writeFile(join(dir, 'rules2.json'), JSON.stringify(tamperRules(2)));
  const made = await runCli(
    ['keys', 'new', '--issuer', '某市人口计生委', '--years', '2013-2014', '--out', 'k.key'],
    dir,
    { env },
  );
  expect(made.code, made.stderr).toBe(0);
  const line = made.stdout.split('\n').find((l) => l.startsWith('kaohe-ed25519')) ?? '';
  expect((await runCli(['trust', 'add', line, '--trust', 'trust.json'], dir)).code).toBe(0);
  // The same key, as a trust list that holds it for other years only (an expired key).
  await writeFile(
    join(dir, 'expired.json'),
    JSON.stringify({
      kaohe: 'trust',
      version: 1,
      keys: [line.replace('2013-2014', '2010-2012')],
      revoked: [],
    }),
  );
  const keyId = line.split(' ')[1] ?? '';
  await writeFile(
    join(dir, 'revoked.json'),
    JSON.stringify({
      kaohe: 'trust',
      version: 1,
      keys: [line],
      revoked: [{ keyId, reason: '私钥遗失' }],
    }),
  );
  for (const e of [1, 2]) {
    const p = await runCli(
      [
        'publish',
        `rules${e}.json`,
        '--key',
        'k.key',
        '--out',
        `e${e}.json`,
        '--trust',
        'trust.json',
      ],
      dir,
      { env },
    );
    expect(p.code, p.stderr).toBe(0);
  }
  const roster = [
    '单位代码,单位名称,出生人数控制指标',
    ...[0, ...TAMPERS.map((_, i) => i + 1)].map((i) => `u${i},${unitName(i)},${1000 + i}`),
  ].join('\n');
  await writeFile(join(dir, 'units.csv'), `\uFEFF${roster}\n`);
  for (const e of [1, 2]) {
    const t = await runCli(
      [
        'template',
        '--edition',
        `e${e}.json`,
        '--roster',
        'units.csv',
        '--key',
        'k.key',
        '--out',
        `out${e}`,
        '--trust',
        'trust.json',
      ],
      dir,
      { env },
    );
    expect(t.code, t.stderr).toBe(0);
  }
  await mkdir(join(dir, 'w'));
  const at = (i: number, e = 1) => join(dir, `out${e}`, `${unitName(i)}.xlsx`);
  const to = (i: number) => join(dir, 'w', `${unitName(i)}.xlsx`);
  for (let i = 0; i <= TAMPERS.length; i++) await writeFile(to(i), await readFile(at(i)));
  // The same unit's workbook of edition 2 (signed by the same key), for the copy-and-paste tampers.
  for (const [i, t] of TAMPERS.entries()) {
    const other = new ExcelJS.Workbook();
    await other.xlsx.readFile(at(i + 1, 2));
    await tamperFile(to(i + 1), t, {
      sheets: { meta: 'kaohe_meta', data: '基础数据' },
      otherEdition: sheetsOf(other),
      valueColumn: 4, // 基础数据's column E, 填报值
      sha256Hex: (text) => createHash('sha256').update(text).digest('hex'),
    });
  }
}, 300_000);

interface Verified {
  files: {
    file: string;
    status: string;
    prefill?: { status: string };
    metaVisible?: boolean;
    sheet?: unknown;
  }[];
}
interface Reviewed {
  units: {
    name: string;
    edition?: { status: string };
    prefill?: { status: string };
    metaUnhidden?: boolean;
  }[];
  rejected: { file: string }[];
}

const verifyFlags = (v: Verified, name: string): boolean => {
  const f = v.files.find((x) => x.file.includes(name));
  if (!f) throw new Error(`${name} not verified`);
  const prefillOk = !f.prefill || ['intact', 'none'].includes(f.prefill.status);
  return f.status !== 'trusted' || !prefillOk || f.metaVisible === true || f.sheet !== undefined;
};
const reviewFlags = (r: Reviewed, name: string): boolean => {
  if (r.rejected.some((x) => x.file.includes(name))) return true;
  const u = r.units.find((x) => x.name === name);
  if (!u) throw new Error(`${name} not reviewed`);
  const prefillOk = !u.prefill || ['intact', 'none'].includes(u.prefill.status);
  return u.edition?.status !== 'trusted' || !prefillOk || u.metaUnhidden === true;
};

describe('the tamper matrix', () => {
  it('detects every tamper in verify and review; the untouched workbook passes', async () => {
    const verify = await runCli(['verify', 'w', '--trust', 'trust.json', '--json'], dir);
    expect(verify.code).toBe(1);
    const v = JSON.parse(verify.stdout) as Verified;
    const review = await runCli(
      ['review', 'w', '--rules', 'e1.json', '--out', 'sum.xlsx', '--trust', 'trust.json', '--json'],
      dir,
    );
    const r = JSON.parse(review.stdout) as Reviewed;
    const rows = TAMPERS.map((t, i) => ({
      tamper: t,
      verify: verifyFlags(v, unitName(i + 1)),
      review: reviewFlags(r, unitName(i + 1)),
    }));
    // Keys: the untouched workbook under a trust list where the key expired, or was revoked.
    for (const [tamper, list] of [
      ['key-expired', 'expired.json'],
      ['key-revoked', 'revoked.json'],
    ] as const) {
      const kv = JSON.parse(
        (await runCli(['verify', 'w', '--trust', list, '--json'], dir)).stdout,
      ) as Verified;
      const kr = JSON.parse(
        (
          await runCli(
            [
              'review',
              'w',
              '--rules',
              'rules1.json',
              '--out',
              `${tamper}.xlsx`,
              '--trust',
              list,
              '--json',
            ],
            dir,
          )
        ).stdout,
      ) as Reviewed;
      rows.push({
        tamper: tamper as never,
        verify: verifyFlags(kv, unitName(0)),
        review: reviewFlags(kr, unitName(0)),
      });
    }
    const clean = { verify: verifyFlags(v, unitName(0)), review: reviewFlags(r, unitName(0)) };
    console.log(
      `tamper matrix: verify ${rows.filter((x) => x.verify).length}/${rows.length}, review ${rows.filter((x) => x.review).length}/${rows.length}; untouched flagged: verify ${clean.verify}, review ${clean.review}\n` +
        rows
          .map(
            (x) =>
              `  ${x.tamper}: verify ${x.verify ? 'detected' : 'MISSED'}, review ${x.review ? 'detected' : 'MISSED'}`,
          )
          .join('\n'),
    );
    expect(rows.filter((x) => !x.verify || !x.review)).toEqual([]);
    expect(clean).toEqual({ verify: false, review: false });
    // What each says, for the ones a person reads: the changed target at its cell.
    expect(verify.code).toBe(1);
    const human = await runCli(
      ['verify', join('w', `${unitName(6)}.xlsx`), '--trust', 'trust.json'],
      dir,
    );
    expect(human.stdout).toMatch(
      /✗ 预填指标已被改动:出生人数控制指标\(人\) 基础数据!E\d+ 签发为 1006,现为 2000/,
    );
  }, 300_000);

  it('score checks the rules’ signature before it reads the workbook', async () => {
    // The threshold edited behind the checksum: refused for its signature, not as a damaged sheet.
    const run = await runCli(
      ['score', join('w', `${unitName(1)}.xlsx`), '--trust', 'trust.json', '--out', 't.xlsx'],
      dir,
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('内的规则未通过验证,不予计分:考核办法内容与签名不符(已被改动)');
  }, 60_000);

  it('score refuses the changed target unless --unsigned, then marks the sheet a draft', async () => {
    const file = join('w', `${unitName(6)}.xlsx`);
    const refused = await runCli(['score', file, '--trust', 'trust.json', '--out', 's.xlsx'], dir);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('的预填指标未通过验证,不予计分');
    const draft = await runCli(
      ['score', file, '--trust', 'trust.json', '--out', 's.xlsx', '--unsigned'],
      dir,
    );
    expect(draft.stdout).toContain('已在 考核评分!A1 标注');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 's.xlsx'));
    // Only the prefill failed (the rules are the issuer's): the mark says so, not "unverified rules".
    const title = String(wb.getWorksheet('考核评分')?.getCell('A1').value);
    expect(title).toContain('【草稿:预填指标未通过核验');
    expect(title).not.toContain('按未经验证的规则');
    expect(draft.stdout).toContain('标注“草稿:预填指标未通过核验”');
    const ok = await runCli(
      ['score', join('w', `${unitName(0)}.xlsx`), '--trust', 'trust.json', '--out', 'ok.xlsx'],
      dir,
    );
    expect(ok.stdout).toContain('预填指标完好');
  }, 120_000);

  it('score refuses a workbook whose rules sheet was unhidden, as verify fails it; a draft says so', async () => {
    // Unit 5: the meta sheet made visible, nothing else changed (rules and prefill as signed).
    const file = join('w', `${unitName(5)}.xlsx`);
    const refused = await runCli(['score', file, '--trust', 'trust.json', '--out', 'm.xlsx'], dir);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('规则数据表 kaohe_meta 已被取消隐藏(原为深度隐藏)');
    const draft = await runCli(
      ['score', file, '--trust', 'trust.json', '--out', 'm.xlsx', '--unsigned'],
      dir,
    );
    expect(draft.code, draft.stderr).not.toBe(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'm.xlsx'));
    expect(String(wb.getWorksheet('考核评分')?.getCell('A1').value)).toContain(
      '【草稿:规则数据表被取消隐藏,未经核验',
    );
  }, 120_000);
});
