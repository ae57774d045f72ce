// The tamper matrix of issue 15 ("Figures for your note"): every tamper tried on signed, prefilled
// workbooks — a threshold edited; the same with its checksum recomputed; a signature copied from
// another edition; the rules sheet deleted or unhidden; a target changed in the data sheet; another
// edition's rules sheet pasted in; an expired or revoked key — each detected by `kaohe verify` and
// by `kaohe review`, and no alarm on the untouched workbook. The counts are printed for the note.
import { createHash } from 'node:crypto';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli.ts';

const env = { KAOHE_PASSPHRASE: '市计生委口令2013' };
let dir = '';

/** Rules with an assigned target (责任指标) and a threshold to edit. */
const rules = (edition: number) => ({
  schemaVersion: 1,
  id: 'tamper',
  title: '人口计生目标管理责任制考核',
  issuer: '某市人民政府',
  level: '县',
  year: 2013,
  edition,
  rounding: { scores: { dp: 2, mode: 'half-up' } },
  points: 10,
  inputs: [
    { id: 'target', label: '出生人数控制指标', unit: '人', source: 'assigned' },
    { id: 'births', label: '出生人数', unit: '人' },
    { id: 'rate', label: '符合政策生育率', unit: '%' },
  ],
  sections: [
    {
      code: '一',
      title: '人口控制',
      points: 10,
      items: [
        {
          code: '1',
          title: '出生人数',
          points: 5,
          rule: { kind: 'expr', score: 'births <= target ? 5 : 0' },
        },
        {
          code: '2',
          title: '符合政策生育率',
          points: 5,
          rule: { kind: 'threshold', value: 'rate', op: '>=', target: 90 },
        },
      ],
    },
  ],
});

// One unit per tamper (a review ranks them all at once); u0 stays untouched.
const TAMPERS = [
  'threshold',
  'threshold+checksum',
  'signature-from-other-edition',
  'meta-deleted',
  'meta-unhidden',
  'target-changed',
  'other-edition-meta',
] as const;
const unitName = (i: number) => `单位${i}`;

async function edit(file: string, change: (wb: ExcelJS.Workbook) => void | Promise<void>) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  await change(wb);
  await wb.xlsx.writeFile(file);
}
const metaOf = (wb: ExcelJS.Workbook) => {
  const ws = wb.getWorksheet('kaohe_meta');
  if (!ws) throw new Error('no meta');
  return ws;
};
const rowWith = (ws: ExcelJS.Worksheet, key: string) => {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((r) => {
    if (!found && r.getCell(1).value === key) found = r;
  });
  if (!found) throw new Error(`no ${key}`);
  return found;
};
const jsonRow = (ws: ExcelJS.Worksheet) => rowWith(ws, 'json');

beforeAll(async () => {
  dir = await tempDir();
  await writeFile(join(dir, 'rules1.json'), JSON.stringify(rules(1)));
  await writeFile(join(dir, 'rules2.json'), JSON.stringify(rules(2)));
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
  const other2 = new ExcelJS.Workbook();
  await other2.xlsx.readFile(at(3, 2));
  const other7 = new ExcelJS.Workbook();
  await other7.xlsx.readFile(at(7, 2));
  const apply: Record<(typeof TAMPERS)[number], (wb: ExcelJS.Workbook) => void> = {
    threshold: (wb) => {
      const c = jsonRow(metaOf(wb)).getCell(2);
      c.value = String(c.value).replace('"target":90', '"target":80');
    },
    'threshold+checksum': (wb) => {
      const meta = metaOf(wb);
      const c = jsonRow(meta).getCell(2);
      const edited = String(c.value).replace('"target":90', '"target":80');
      c.value = edited;
      const sum = rowWith(meta, 'checksum').getCell(2);
      const old = String(sum.value);
      const fresh = createHash('sha256').update(edited).digest('hex');
      sum.value = fresh;
      // And the checksum printed in the scoring sheet's header, as a careful forger would.
      const fp = (h: string) => (h.slice(0, 12).match(/.{4}/g) ?? []).join(' ');
      wb.getWorksheet('考核评分')?.eachRow((r) =>
        r.eachCell((cell) => {
          if (cell.value === fp(old)) cell.value = fp(fresh);
        }),
      );
    },
    'signature-from-other-edition': (wb) => {
      rowWith(metaOf(wb), 'signature').getCell(2).value = rowWith(
        metaOf(other2),
        'signature',
      ).getCell(2).value;
    },
    'meta-deleted': (wb) => {
      wb.removeWorksheet(metaOf(wb).id);
    },
    'meta-unhidden': (wb) => {
      metaOf(wb).state = 'visible';
    },
    'target-changed': (wb) => {
      const data = wb.getWorksheet('基础数据');
      data?.eachRow((r) => {
        if (r.getCell(1).value === 'target') r.getCell(5).value = 2000; // raised: more births allowed
      });
    },
    'other-edition-meta': (wb) => {
      const meta = metaOf(wb);
      const src = metaOf(other7);
      src.eachRow({ includeEmpty: true }, (r, n) => {
        r.eachCell({ includeEmpty: true }, (c, col) => {
          meta.getRow(n).getCell(col).value = c.value;
        });
      });
    },
  };
  for (const [i, t] of TAMPERS.entries()) await edit(to(i + 1), apply[t]);
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
});
