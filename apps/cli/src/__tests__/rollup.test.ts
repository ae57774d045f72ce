// Cascades on the command line (issue 16 point 2): six villages' workbooks are reviewed by their
// township, `kaohe rollup` fills the township's rolled-up figures in its workbook (locked, the
// files named in the note), the township types its own figure and `kaohe score` scores it.
// Rule sets: packages/rulesets cascade-village.json and cascade-township.json; the villages and
// their township's figures, worked by hand: VILLAGES and ROLLED_UP in @kaohe/test-utils.
// The township, by hand:
//   一.1: 83.33 < 85 by 1.67, 1 a point pro rata → 15 − 1.67 = 13.33
//   一.2: 66.67 < 85 → 0;  一.3: 10 + (−1) = 9;  二.1: its own rate 93 ≥ 92 → 60
//   total 13.33 + 0 + 9 + 60 = 82.33
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseRuleSet, type RuleSet, type UnitInput } from '@kaohe/engine';
import { cascadeCounty, cascadeTownship, cascadeVillage } from '@kaohe/rulesets';
import { ROLLED_UP, rosterRows, VILLAGES } from '@kaohe/test-utils';
import { buildTemplate, fillWrites, readSheet } from '@kaohe/sheet';
import { readWorkbook, writeTemplateWorkbook } from '@kaohe/xlsx';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patchWorkbook } from '../io/workbook.ts';
import { looksClean, publishWithKey, runCli, tempDir } from './run-cli.ts';

const parsed = (json: unknown): RuleSet => {
  const p = parseRuleSet(json);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.value;
};
const village = parsed(cascadeVillage);
const township = parsed(cascadeTownship);

let dir: string;

/** Rows as a CSV file's text. */
const csv = (rows: readonly (readonly string[])[]): string =>
  rows.map((r) => r.join(',')).join('\n');

/** A unit's workbook of `rules`, filled with its figures, written to `file`. */
async function filled(rules: RuleSet, unit: UnitInput, file: string): Promise<void> {
  const template = buildTemplate(rules, { id: unit.id, name: unit.name });
  const blank = await writeTemplateWorkbook(template);
  const bytes = await patchWorkbook(blank, fillWrites(rules, template.map.data, unit), file);
  await writeFile(join(dir, file), bytes);
}

/** The unit types its own figure into the rolled-up workbook (the rest stays as written). */
async function typeOwnFigure(from: string, to: string, rate = 93, rules = township): Promise<void> {
  const bytes = new Uint8Array(await readFile(join(dir, from)));
  const read = readSheet((await readWorkbook(bytes)).sheets);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  const own = { id: read.value.unit.id, name: read.value.unit.name, values: { policy_rate: rate } };
  await writeFile(
    join(dir, to),
    await patchWorkbook(bytes, fillWrites(rules, read.value.map.data, own), to),
  );
}

/** `kaohe rollup` of the workbooks in `children` into `into`, written to `out` (none: beside
 *  `into`), by the villages' rules and roster unless told; `flags`: more options. */
const rollup = (
  children: string,
  into: string,
  out?: string,
  { roster = 'villages.csv', rules = 'village.json', flags = [] as string[] } = {},
) =>
  runCli(
    [
      'rollup',
      children,
      '--rules',
      rules,
      '--children',
      roster,
      '--into',
      into,
      ...(out === undefined ? [] : ['--out', out]),
      ...flags,
    ],
    dir,
    { timeoutMs: 60_000 },
  );

/** Copies of the villages' workbooks (all, unless told) in a new folder `folder`. */
async function villagesIn(folder: string, villages = VILLAGES): Promise<void> {
  await mkdir(join(dir, folder));
  for (const v of villages)
    await copyFile(join(dir, `villages/${v.name}.xlsx`), join(dir, `${folder}/${v.name}.xlsx`));
}

interface Scored {
  total: string;
  complete: boolean;
  sections: { items: { score: string | null; status: string }[] }[];
}

/** `kaohe score --json` of `file`: its exit code and result. */
async function score(file: string): Promise<{ code: number | null; result: Scored }> {
  const run = await runCli(['score', file, '--json'], dir, { timeoutMs: 60_000 });
  return { code: run.code, result: (JSON.parse(run.stdout) as { result: Scored }).result };
}

interface Doc {
  figures: { input: string; cell: string; value: string | null; issues: { code: string }[] }[];
  children: { unusable: { unitId: string }[] };
}

beforeAll(async () => {
  dir = await tempDir('kaohe-rollup-');
  await writeFile(join(dir, 'village.json'), JSON.stringify(cascadeVillage));
  await writeFile(join(dir, 'township.json'), JSON.stringify(cascadeTownship));
  await writeFile(join(dir, 'villages.csv'), csv(rosterRows()));
  await mkdir(join(dir, 'villages'));
  for (const v of VILLAGES) await filled(village, v, `villages/${v.name}.xlsx`);
  const t = await runCli(
    ['template', 'township.json', '--unit', 't1=某镇', '--out', 'township.xlsx'],
    dir,
  );
  if (t.code !== 0) throw new Error(t.stderr);
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('kaohe rollup', () => {
  it('reviews the villages, fills the township’s figures, and the township scores by hand', async () => {
    const review = await runCli(
      ['review', 'villages', '--rules', 'village.json', '--out', 'summary.xlsx'],
      dir,
    );
    expect(looksClean(review.stdout + review.stderr)).toBe(true);
    const run = await rollup('villages', 'township.xlsx', 'township.rolled.xlsx');
    expect(looksClean(run.stdout + run.stderr)).toBe(true);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '下级汇总:某镇(「乡镇计划生育工作年终考核(含村级汇总)」),下级 6 个单位',
    );
    expect(run.stdout).toContain('基础数据!E5 达标村比例 = 83.33%');
    expect(run.stdout).toContain('基础数据!E6 村(居)民自治合格比例 = 66.67%');
    expect(run.stdout).toContain('基础数据!E7 未签责任书的村扣分 = -1');

    // In the sheet: the figures, 下级汇总, locked, and the files in the note.
    const bytes = new Uint8Array(await readFile(join(dir, 'township.rolled.xlsx')));
    const grids = (await readWorkbook(bytes)).sheets;
    const read = readSheet(grids);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.value.unit.values).toMatchObject(ROLLED_UP);
    const data = read.value.map.data;
    const row = (id: string) => data.rows.find((r) => r.id === id)?.row ?? -1;
    const grid = grids.find((g) => g.name === data.sheet);
    expect(grid?.values[row('villages_qualified')]?.[data.columns.source]).toBe('下级汇总');
    expect(grid?.values[row('unsigned_cut')]?.[data.columns.note]).toBe(
      '下级汇总(按「村(居)计划生育工作年终考核」2015年度第1版考核的6个单位):未签订目标管理责任书的村:2个(三村、五村),每个扣0.5分,共扣1分;来自:villages/一村.xlsx、villages/二村.xlsx、villages/三村.xlsx、villages/四村.xlsx、villages/五村.xlsx、villages/六村.xlsx',
    );
    expect(grid?.values[row('villages_qualified')]?.[data.columns.note]).toContain(
      '6个单位中5个达标,占 83.33%;未达标:二村(总分 80 低于 85)',
    );
    expect(grid?.values[row('self_gov_share')]?.[data.columns.note]).toContain(
      '6个单位中4个达标,占 66.67%;未达标:二村(「一.2 计划生育村(居)民自治」未达标)、六村(「一.2 计划生育村(居)民自治」未达标)',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = book.getWorksheet(data.sheet);
    const value = ws?.getCell(row('villages_qualified') + 1, data.columns.value + 1);
    expect(value?.protection?.locked).not.toBe(false);
    expect(ws?.getCell(row('policy_rate') + 1, data.columns.value + 1).protection?.locked).toBe(
      false,
    );

    // Same input → same bytes.
    const again = await rollup('villages', 'township.xlsx', 'township.rolled-2.xlsx');
    expect(again.code).toBe(0);
    expect(await readFile(join(dir, 'township.rolled-2.xlsx'))).toEqual(Buffer.from(bytes));

    await typeOwnFigure('township.rolled.xlsx', 'township.filled.xlsx');
    const scored = await score('township.filled.xlsx');
    expect(scored.code).toBe(0);
    expect(scored.result.total).toBe('82.33');
    expect(scored.result.sections.map((s) => s.items.map((i) => i.score))).toEqual([
      ['13.33', '0', '9'],
      ['60'],
    ]);
  }, 120_000);

  it('a village not returned leaves every figure blank, naming it and the cell', async () => {
    await villagesIn('five', VILLAGES.slice(0, 5));
    const run = await rollup('five', 'township.xlsx', 'township.five.xlsx', { flags: ['--json'] });
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as Doc;
    expect(doc.figures.map((f) => [f.cell, f.value, f.issues.map((i) => i.code)])).toEqual([
      ['基础数据!E5', null, ['child-unusable']],
      ['基础数据!E6', null, ['child-unusable']],
      ['基础数据!E7', null, ['child-unusable']],
    ]);
    const human = await rollup('five', 'township.xlsx', 'township.five.xlsx', {
      flags: ['--force'],
    });
    expect(human.stdout).toContain('基础数据!E5 达标村比例:未填(不按0计)');
    expect(human.stdout).toContain(
      '原因:「达标村比例」未汇总:下级单位「六村」未上报(所给文件中没有其考核表)',
    );
    expect(human.stdout).toContain('3 项下级汇总未填');
    // Into the workbook rolled up before: its figures are cleared, and said so.
    const pre = await rollup('villages', 'township.xlsx', 'township.pre.xlsx');
    expect(pre.code).toBe(0);
    const over = await rollup('five', 'township.pre.xlsx', 'township.over.xlsx');
    expect(over.stdout).toContain(
      '基础数据!E5 达标村比例:考核表中原为 83.33,按下级汇总清空(未汇总)',
    );
    const overRead = readSheet(
      (await readWorkbook(await readFile(join(dir, 'township.over.xlsx')))).sheets,
    );
    expect(overRead.ok && overRead.value.unit.values.villages_qualified).toBeNull();
    // Scored, the township is missing those figures: never a 0.
    await typeOwnFigure('township.five.xlsx', 'township.five.filled.xlsx');
    const { result } = await score('township.five.filled.xlsx');
    expect([result.complete, result.sections[0]?.items.map((i) => i.status)]).toEqual([
      false,
      ['missing-input', 'missing-input', 'missing-input'],
    ]);
  }, 120_000);

  it('a village whose rules were altered behind their checksum is named at every figure', async () => {
    await villagesIn('bad');
    // 二村's embedded rules edited behind their checksum (the 92 % target lowered to 90).
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'bad/二村.xlsx'));
    const meta = book.worksheets.find((w) => w.getCell('A1').value === 'kaohe-meta');
    let edited = 0;
    meta?.eachRow((r) => {
      const json = r.getCell(2).value;
      if (typeof json === 'string' && json.includes('"target":92') && edited === 0) {
        r.getCell(2).value = json.replace('"target":92', '"target":90');
        edited++;
      }
    });
    expect(edited).toBe(1);
    await book.xlsx.writeFile(join(dir, 'bad/二村.xlsx'));

    const run = await rollup('bad', 'township.xlsx', 'township.bad.xlsx');
    expect(looksClean(run.stdout + run.stderr)).toBe(true);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /原因:「未签责任书的村扣分」未汇总:下级单位「二村」\(bad\/二村\.xlsx\)考核表中的规则被改动\(kaohe_meta!B\d+\),未通过核验/,
    );
    expect(run.stdout).not.toContain(' = ');
    expect(run.stdout).toContain('3 项下级汇总未填');
  }, 120_000);

  it('a village that cannot be judged blanks the figure that needs it, and only that', async () => {
    await villagesIn('unjudged', VILLAGES.slice(1));
    // 一村 left its members' share blank: its total is incomplete (三.1 not scored), while its
    // self-government item (一.2) and its signed document are judged.
    const [v1] = VILLAGES;
    if (!v1) throw new Error('fixture');
    await filled(
      village,
      { ...v1, values: { ...v1.values, members_share: null } },
      'unjudged/一村.xlsx',
    );
    const run = await rollup('unjudged', 'township.xlsx', 'township.unjudged.xlsx', {
      flags: ['--json'],
    });
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as Doc & {
      figures: { issues: { message: { zh: string } }[] }[];
    };
    expect(doc.figures.map((f) => [f.cell, f.value, f.issues.map((i) => i.code)])).toEqual([
      ['基础数据!E5', null, ['child-cannot-be-judged']],
      ['基础数据!E6', '66.67', []],
      ['基础数据!E7', '-1', []],
    ]);
    expect(doc.figures[0]?.issues[0]?.message.zh).toBe(
      '「达标村比例」未汇总:下级单位「一村」无法判定是否达标:总分不完整(有指标未计分或事项待定)',
    );
  }, 120_000);

  it('refuses a review summary, and a parent with nothing from these children', async () => {
    const summary = await rollup('summary.xlsx', 'township.xlsx');
    expect(summary.code).toBe(2);
    expect(summary.stderr).toContain('summary.xlsx 是复核汇总表');
    const wrong = await rollup('villages', 'villages/一村.xlsx', 'x.xlsx');
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain('没有由按「村(居)计划生育工作年终考核」考核的下级汇总的数据项');
  }, 120_000);
});

// With a trust list: the township publishes the villages' rules and makes their workbooks from
// its roster with its key (`template --edition --roster --key`), so each carries the signed
// edition and its signed prefill (the unit's identity). A village whose rules are signed by a key
// the township does not trust, or whose prefill is not as signed, is not counted: every figure
// blank, the reason naming the file and the cell.
describe('kaohe rollup --trust', () => {
  const env = { KAOHE_PASSPHRASE: '某镇计生办口令2015' };
  const cli = (args: string[]) => runCli(args, dir, { env, timeoutMs: 60_000 });
  const trust = ['--trust', 'trust.json'];

  /** Signed workbooks of `villages` from the roster `roster`, by the key and edition `by`. */
  async function signedVillages(
    by: string,
    roster: string,
    villages: typeof VILLAGES,
    out: string,
  ) {
    const t = await cli([
      'template',
      '--edition',
      `${by}-e.json`,
      '--roster',
      roster,
      '--key',
      `${by}.key`,
      '--out',
      `${out}-t`,
      '--trust',
      `${by}-trust.json`,
    ]);
    expect(t.code, t.stderr).toBe(0);
    await mkdir(join(dir, out), { recursive: true });
    for (const v of villages) {
      const from = join(dir, `${out}-t`, `${v.name}.xlsx`);
      const bytes = new Uint8Array(await readFile(from));
      const read = readSheet((await readWorkbook(bytes)).sheets);
      if (!read.ok) throw new Error(JSON.stringify(read.issues));
      await writeFile(
        join(dir, out, `${v.name}.xlsx`),
        await patchWorkbook(bytes, fillWrites(village, read.value.map.data, v), v.name),
      );
    }
  }

  beforeAll(async () => {
    for (const name of ['某镇', '某乡'])
      await publishWithKey(dir, env, name, '2015-2016', 'village.json');
    await copyFile(join(dir, '某镇-trust.json'), join(dir, 'trust.json'));
    await signedVillages('某镇', 'villages.csv', VILLAGES, 'signed');
    // 二村's workbook made by 某乡, whose key the township does not trust.
    await writeFile(join(dir, 'v2.csv'), csv(rosterRows(VILLAGES.filter((v) => v.id === 'v2'))));
    await signedVillages(
      '某乡',
      'v2.csv',
      VILLAGES.filter((v) => v.id === 'v2'),
      'stranger',
    );
  }, 240_000);

  it('counts the villages whose workbooks verify', async () => {
    const run = await rollup('signed', 'township.xlsx', 'township.signed.xlsx', {
      rules: '某镇-e.json',
      flags: trust,
    });
    expect(looksClean(run.stdout + run.stderr)).toBe(true);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('基础数据!E5 达标村比例 = 83.33%');
  }, 120_000);

  it('a village whose rules are signed by a key not trusted: not counted, naming its file and the cell', async () => {
    await mkdir(join(dir, 'untrusted'));
    for (const v of VILLAGES)
      await copyFile(
        join(dir, v.id === 'v2' ? 'stranger' : 'signed', `${v.name}.xlsx`),
        join(dir, 'untrusted', `${v.name}.xlsx`),
      );
    const run = await rollup('untrusted', 'township.xlsx', 'township.untrusted.xlsx', {
      rules: '某镇-e.json',
      flags: trust,
    });
    expect(looksClean(run.stdout + run.stderr)).toBe(true);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /原因:「达标村比例」未汇总:下级单位「二村」\(untrusted\/二村\.xlsx\)规则签名未通过核验\(kaohe_meta!B\d+\):/,
    );
    expect(run.stdout).not.toContain(' = ');
    expect(run.stdout).toContain('3 项下级汇总未填');
  }, 120_000);

  it('a village whose signed prefill was changed: not counted, naming its file and the cell', async () => {
    await mkdir(join(dir, 'renamed'));
    for (const v of VILLAGES)
      await copyFile(join(dir, 'signed', `${v.name}.xlsx`), join(dir, 'renamed', `${v.name}.xlsx`));
    // 四村 renames itself in its scoring sheet's header (its signed identity).
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'renamed/四村.xlsx'));
    let cell = '';
    book.getWorksheet('考核评分')?.eachRow((row, n) =>
      row.eachCell((c, col) => {
        if (c.value === '四村' && !cell) {
          c.value = '四村村委会';
          cell = `考核评分!${String.fromCharCode(64 + col)}${n}`;
        }
      }),
    );
    expect(cell).not.toBe('');
    await book.xlsx.writeFile(join(dir, 'renamed/四村.xlsx'));
    const run = await rollup('renamed', 'township.xlsx', 'township.renamed.xlsx', {
      rules: '某镇-e.json',
      flags: [...trust, '--json'],
    });
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as {
      figures: Doc['figures'];
      children: { unusable: { unitId: string; why: { zh: string; en: string } }[] };
    };
    expect(doc.children.unusable.map((u) => [u.unitId, u.why.zh])).toEqual([
      [
        'v4',
        `(${join('renamed', '四村.xlsx')})预填指标未通过核验:预填指标已被改动:被考核单位 ${cell} 签发为 四村,现为 四村村委会`,
      ],
    ]);
    expect(doc.children.unusable[0]?.why.en).toBe(
      `${join('renamed', '四村.xlsx')}: its prefilled figures failed verification: prefill altered: unit name at ${cell} was issued as 四村, now 四村村委会`,
    );
    expect(doc.figures.map((f) => f.value)).toEqual([null, null, null]);
  }, 120_000);
});

describe('a village saved by LibreOffice', () => {
  it('is read and rolled up like the others', async () => {
    await mkdir(join(dir, 'lo-in'));
    await mkdir(join(dir, 'lo'));
    for (const v of VILLAGES) {
      const src = join(dir, `villages/${v.name}.xlsx`);
      if (v.id === 'v3') await copyFile(src, join(dir, 'lo-in/三村.xlsx'));
      else await copyFile(src, join(dir, `lo/${v.name}.xlsx`));
    }
    const profile = pathToFileURL(join(dir, 'profile')).href;
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'xlsx',
        '--outdir',
        join(dir, 'lo'),
        join(dir, 'lo-in/三村.xlsx'),
      ],
      { stdio: 'pipe', timeout: 90_000 },
    );
    const run = await rollup('lo', 'township.xlsx', 'township.lo.xlsx');
    expect(looksClean(run.stdout + run.stderr)).toBe(true);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('达标村比例 = 83.33%');
    expect(run.stdout).toContain('未签责任书的村扣分 = -1');
  }, 150_000);
});

// Two levels: three townships roll up their villages, the county rolls up the townships.
//   甲镇 all six villages, its own rate 93: 82.33 (above); 一.1 13.33 of 15, not met.
//   乙镇 v1 v3 v4: 3 of 3 qualified → 100 %, self-government 3 of 3 → 100 %, 三村 unsigned → −0.5;
//        own rate 92 → 60: 15 + 15 + 9.5 + 60 = 99.5.
//   丙镇 v1 v4 v5: 100 %, 100 %, 五村 unsigned → −0.5; own rate 90 → 60 − 2 × 5 = 50:
//        15 + 15 + 9.5 + 50 = 89.5.
// County: townships ≥ 80: 3 of 3 = 100 % ≥ 80 → 20; 一.1 met: 乙镇 丙镇 = 2 of 3 = 66.67 % ≥ 60 →
//   20; its own rate 91 → 60 − 5 = 55; total 95.
describe('a county over its townships', () => {
  it('rolls up the townships’ reviewed workbooks, each rolled up from its villages', async () => {
    await writeFile(join(dir, 'county.json'), JSON.stringify(cascadeCounty));
    await mkdir(join(dir, 'tw'));
    await mkdir(join(dir, 'townships'));
    const t = await runCli(
      [
        'template',
        'township.json',
        '--unit',
        't1=甲镇',
        '--unit',
        't2=乙镇',
        '--unit',
        't3=丙镇',
        '--out',
        'tw',
      ],
      dir,
    );
    expect(t.code).toBe(0);
    const rosters: [string, string[], number][] = [
      ['甲镇', ['v1', 'v2', 'v3', 'v4', 'v5', 'v6'], 93],
      ['乙镇', ['v1', 'v3', 'v4'], 92],
      ['丙镇', ['v1', 'v4', 'v5'], 90],
    ];
    for (const [name, ids, rate] of rosters) {
      const units = VILLAGES.filter((v) => ids.includes(v.id));
      await writeFile(join(dir, `${name}-villages.csv`), csv(rosterRows(units)));
      await villagesIn(`${name}-villages`, units);
      const run = await rollup(`${name}-villages`, `tw/${name}.xlsx`, `tw/${name}.rolled.xlsx`, {
        roster: `${name}-villages.csv`,
      });
      expect(run.code).toBe(0);
      await typeOwnFigure(`tw/${name}.rolled.xlsx`, `townships/${name}.xlsx`, rate);
    }
    await writeFile(join(dir, 'townships.csv'), '单位代码,单位名称\nt1,甲镇\nt2,乙镇\nt3,丙镇\n');
    const c = await runCli(
      ['template', 'county.json', '--unit', 'c1=某县', '--out', 'county.xlsx'],
      dir,
    );
    expect(c.code).toBe(0);
    const run = await rollup('townships', 'county.xlsx', 'county.rolled.xlsx', {
      roster: 'townships.csv',
      rules: 'township.json',
    });
    expect(looksClean(run.stdout + run.stderr)).toBe(true);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('乡镇考核合格比例 = 100%');
    expect(run.stdout).toContain('村级达标率达标的乡镇比例 = 66.67%');
    expect(run.stdout).toContain('未达标:甲镇(「一.1 达标村比例≥85%」部分达标)');
    await typeOwnFigure('county.rolled.xlsx', 'county.filled.xlsx', 91, parsed(cascadeCounty));
    const scored = await score('county.filled.xlsx');
    expect(scored.code).toBe(0);
    expect(scored.result.sections.map((s) => s.items.map((i) => i.score))).toEqual([
      ['20', '20'],
      ['55'],
    ]);
    expect(scored.result.total).toBe('95');
  }, 240_000);
});
