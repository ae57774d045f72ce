// `kaohe review` of a certification (评估认定), end to end on real files: templates made by the
// CLI, filled through ExcelJS as a clerk would, self-scored, reviewed; a failing unit's next
// workbook made with --history from the summary and re-assessed.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { associationGradeCertification, grassrootsCertification } from '@kaohe/rulesets';
import { readWorkbook } from '@kaohe/xlsx';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '@kaohe/sheet';
import { looksClean, runCli, tempDir } from './run-cli.ts';

type Figures = Record<string, string | number | null>;

const YESNO = grassrootsCertification.inputs.filter((i) => i.unit === 'yesno').map((i) => i.id);
const MET: Figures = {
  ...Object.fromEntries(YESNO.map((id) => [id, '是'])),
  member_groups: 12,
  members: 420,
  population: 4800,
  liaison_households: 420,
};

const EVIDENCE = new Set(
  [...grassrootsCertification.inputs, ...associationGradeCertification.inputs]
    .filter((i) => i.evidence)
    .map((i) => i.id),
);

/** Types the figures into 基础数据 (填报值, and 佐证材料 是 where the rules ask for it), as a clerk would. */
async function fillWorkbook(from: string, to: string, figures: Figures): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(from);
  const ws = book.getWorksheet('基础数据');
  if (!ws) throw new Error('no data sheet');
  let valueCol = 0;
  let evidenceCol = 0;
  ws.eachRow((row) => {
    row.eachCell((cell, col) => {
      const t = typeof cell.value === 'string' ? cell.value : '';
      if (t.startsWith('填报值')) valueCol = col;
      if (t.startsWith('佐证材料')) evidenceCol = col;
    });
    const id = row.getCell(1).value;
    if (typeof id !== 'string' || !(id in figures) || !valueCol) return;
    row.getCell(valueCol).value = figures[id] ?? null;
    if (EVIDENCE.has(id)) row.getCell(evidenceCol).value = '是';
  });
  await book.xlsx.writeFile(to);
}

let dir = '';
const run = (args: string[]) => runCli(args, dir);

async function fillAndScore(template: string, name: string, figures: Figures, folder: string) {
  await mkdir(join(dir, 'filled', folder), { recursive: true });
  await mkdir(join(dir, folder), { recursive: true });
  const filled = join('filled', folder, name);
  await fillWorkbook(join(dir, template), join(dir, filled), figures);
  const scored = await run(['score', filled, '--out', join(folder, name)]);
  expect(scored.code, scored.stderr).not.toBe(2);
}

beforeAll(async () => {
  dir = await tempDir('kaohe-certify-');
  await writeFile(join(dir, 'rules.json'), JSON.stringify(grassrootsCertification));
  await writeFile(join(dir, 'graded.json'), JSON.stringify(associationGradeCertification));
  const t = await run([
    'template',
    'rules.json',
    '--unit',
    'lj=李家村',
    '--unit',
    'wj=王家村',
    '--unit',
    'zj=张家村',
    '--out',
    't1',
  ]);
  expect(t.code, t.stderr).toBe(0);
  await fillAndScore('t1/李家村.xlsx', '李家村.xlsx', MET, 'r1');
  // 360 ÷ 4800 = 7.5 % < 8 %: 一.5 not met
  await fillAndScore(
    't1/王家村.xlsx',
    '王家村.xlsx',
    { ...MET, members: 360, liaison_households: 360 },
    'r1',
  );
  // 会员之家 left blank: 三.1 cannot be judged
  await fillAndScore('t1/张家村.xlsx', '张家村.xlsx', { ...MET, member_home: null }, 'r1');
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('kaohe review of a certification', () => {
  it('gives pass/fail per unit, the failing clauses with reasons, who certifies and the deadline', async () => {
    const r = await run([
      'review',
      'r1',
      '--rules',
      'rules.json',
      '--out',
      's1.xlsx',
      '--assessed-on',
      '2012-11-20',
    ]);
    expect(r.code, r.stderr).toBe(1);
    expect(looksClean(r.stderr)).toBe(true);
    const out = r.stdout;
    expect(out).toContain('评估认定:村(社区)计划生育协会评估认定标准,3 个单位,认定日期 2012-11-20');
    expect(out).toContain('李家村(lj):认定通过(认定单位:县计划生育协会)');
    // 2012-11-20 + 30 days = 2012-12-20
    expect(out).toContain('王家村(wj):未通过,1 项条款未达到,请于 2012-12-20 前完成整改');
    expect(out).toMatch(/ {4}一\.5 会员人数不低于总人口的8%:.*7\.5/);
    expect(out).toContain('张家村(zj):未通过(有条款缺少数据、无法判定),1 项条款未达到');
    expect(out).toContain(
      '认定通过 1 个,未通过 2 个(其中 1 个有条款缺少数据、无法判定),无法认定 0 个;汇总表含 2 份整改通知书。',
    );
    expect(out).not.toContain('名次');

    const book = await readWorkbook(await readFile(join(dir, 's1.xlsx')));
    const names = book.sheets.map((s) => s.name);
    expect(names[0]).toBe('认定结果');
    expect(names).toContain('整改-王家村');
    expect(names).toContain('整改-张家村');
    expect(names).not.toContain('整改-李家村');
    expect(names).not.toContain('排名');
    const result = book.sheets[0]?.values ?? [];
    // In the order the files were read (a folder's entries sorted by name).
    expect(result.slice(2).map((row) => [row[1], row[3]])).toEqual([
      ['张家村', '未通过(有条款缺少数据、无法判定)'],
      ['李家村', '认定通过'],
      ['王家村', '未通过'],
    ]);
  });

  it('says so in English on request, and in --json gives each record', async () => {
    const r = await run([
      'review',
      'r1',
      '--rules',
      'rules.json',
      '--out',
      's1en.xlsx',
      '--assessed-on',
      '2012-11-20',
      '--lang',
      'en',
    ]);
    expect(r.stdout).toContain('wj): not certified, 1 clause(s) not met; rectify by 2012-12-20');
    const j = await run([
      'review',
      'r1',
      '--rules',
      'rules.json',
      '--out',
      's1j.xlsx',
      '--assessed-on',
      '2012-11-20',
      '--json',
    ]);
    const doc = JSON.parse(j.stdout) as {
      certification: {
        units: {
          unitId: string;
          record: { passed: boolean; failing: { path: string; status: string }[] };
        }[];
      };
    };
    expect(
      doc.certification.units.map((u) => [
        u.unitId,
        u.record.passed,
        u.record.failing.map((f) => `${f.path}:${f.status}`),
      ]),
    ).toEqual([
      ['zj', false, ['三.1:missing-input']],
      ['lj', true, []],
      ['wj', false, ['一.5:not-met']],
    ]);
  });

  it('takes today’s date from the clock when none is given, and says so; refuses a date that is none', async () => {
    const before = localDate(new Date());
    const r = await run(['review', 'r1', '--rules', 'rules.json', '--out', 's-today.xlsx']);
    const after = localDate(new Date());
    const date = /认定日期:(\d{4}-\d{2}-\d{2})/.exec(r.stderr)?.[1];
    expect([before, after]).toContain(date);
    expect(r.stderr).toContain(`认定日期:${date ?? ''}(未指定 --assessed-on,取本机今天的日期)`);
    expect(r.stdout).toContain(`认定日期 ${date ?? ''}`);
    const bad = await run([
      'review',
      'r1',
      '--rules',
      'rules.json',
      '--out',
      's-bad.xlsx',
      '--assessed-on',
      '2012-02-30',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('不是有效日期');
  });

  it('re-assesses a failing unit from its next workbook: the history kept, first failed then passed', async () => {
    const first = await run([
      'review',
      'r1',
      '--rules',
      'rules.json',
      '--out',
      'base.xlsx',
      '--assessed-on',
      '2012-11-20',
    ]);
    expect(first.code).toBe(1);
    const t = await run([
      'template',
      'rules.json',
      '--unit',
      'wj=王家村',
      '--history',
      'base.xlsx',
      '--out',
      't2',
    ]);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toContain('已从 base.xlsx 带入 1 个单位的认定记录');
    await fillAndScore(
      't2/王家村.xlsx',
      '王家村.xlsx',
      { ...MET, members: 400, liaison_households: 400 },
      'r2',
    );
    const again = await run([
      'review',
      'r2',
      '--rules',
      'rules.json',
      '--out',
      's2.xlsx',
      '--assessed-on',
      '2012-12-18',
    ]);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toContain('王家村(wj):认定通过');
    expect(again.stdout).toContain(
      '认定经过:2012-11-20 第1次认定未通过(1项条款未达到,限2012-12-20前整改);2012-12-18 第2次认定通过(整改后复评)',
    );
    const book = await readWorkbook(await readFile(join(dir, 's2.xlsx')));
    const row = book.sheets[0]?.values[2];
    expect(row?.[2]).toBe('第2次');
    expect(row?.[7]).toBe(
      '2012-11-20 第1次认定未通过(1项条款未达到,限2012-12-20前整改)\n2012-12-18 第2次认定通过(整改后复评)',
    );

    // A history edited into nonsense is refused at its cell, never taken for a first assessment.
    const book2 = new ExcelJS.Workbook();
    await book2.xlsx.readFile(join(dir, 'r2/王家村.xlsx'));
    const meta = book2.getWorksheet('kaohe_meta');
    let cell = '';
    meta?.eachRow((r, n) => {
      if (r.getCell(1).value === 'history') {
        r.getCell(2).value = String(r.getCell(2).value).replace('"attempt":1', '"attempt":3');
        cell = `kaohe_meta!B${n}`;
      }
    });
    expect(cell).not.toBe('');
    await mkdir(join(dir, 'r3'));
    await book2.xlsx.writeFile(join(dir, 'r3/王家村.xlsx'));
    const broken = await run([
      'review',
      'r3',
      '--rules',
      'rules.json',
      '--out',
      's3.xlsx',
      '--assessed-on',
      '2012-12-18',
    ]);
    expect(broken.code).toBe(3);
    expect(broken.stderr).toContain(cell);
    expect(broken.stderr).toContain('认定记录无法读取');
  }, 120_000);

  it('review --history: a history the unit edited or deleted is flagged, naming the record, and the reviewer’s record used', async () => {
    const first = await run([
      'review',
      'r1',
      '--rules',
      'rules.json',
      '--out',
      'h-base.xlsx',
      '--assessed-on',
      '2012-11-20',
    ]);
    expect(first.code).toBe(1);
    const t = await run([
      'template',
      'rules.json',
      '--unit',
      'wj=王家村',
      '--history',
      'h-base.xlsx',
      '--out',
      'h-t',
    ]);
    expect(t.code, t.stderr).toBe(0);
    await fillAndScore(
      'h-t/王家村.xlsx',
      '王家村.xlsx',
      { ...MET, members: 400, liaison_households: 400 },
      'h-ok',
    );
    /** The unit's workbook with its kaohe_meta history rows changed by `edit` (null: deleted). */
    async function forged(folder: string, edit: (text: string) => string | null): Promise<string> {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(join(dir, 'h-ok/王家村.xlsx'));
      let cell = '';
      book.getWorksheet('kaohe_meta')?.eachRow((r, n) => {
        if (r.getCell(1).value !== 'history') return;
        cell ||= `kaohe_meta!B${n}`;
        const next = edit(String(r.getCell(2).value));
        if (next === null) {
          r.getCell(1).value = null;
          r.getCell(2).value = null;
        } else r.getCell(2).value = next;
      });
      expect(cell).not.toBe('');
      await mkdir(join(dir, folder));
      await book.xlsx.writeFile(join(dir, folder, '王家村.xlsx'));
      return cell;
    }
    const review = (folder: string, history = true) =>
      run([
        'review',
        folder,
        '--rules',
        'rules.json',
        '--out',
        `${folder}${history ? '' : '-unchecked'}.xlsx`,
        '--assessed-on',
        '2012-12-18',
        ...(history ? ['--history', 'h-base.xlsx'] : []),
      ]);
    const earlier = '2012-11-20 第1次认定未通过(1项条款未达到,限2012-12-20前整改)';

    // The unit turns its first failure into a pass.
    const cell = await forged('h-edited', (text) =>
      text.replace('"passed":false', '"passed":true'),
    );
    const unchecked = await review('h-edited', false);
    expect(unchecked.stdout).not.toContain('历史记录与上次认定不符');
    const edited = await review('h-edited');
    expect(edited.code, edited.stderr).toBe(1);
    expect(edited.stdout).toContain(
      `历史记录与上次认定不符(${cell}):第1次认定记录:上次认定为“${earlier}”,表中为“2012-11-20 第1次认定通过”;已按上次认定的记录认定`,
    );
    // Certified on the reviewer's record: re-assessed after the failure, not a second pass.
    expect(edited.stdout).toContain(`认定经过:${earlier};2012-12-18 第2次认定通过(整改后复评)`);
    const book = await readWorkbook(await readFile(join(dir, 'h-edited.xlsx')));
    const row = book.sheets[0]?.values[2];
    expect(String(row?.[8])).toContain('历史记录与上次认定不符');

    // The unit deletes its history to pass for a first assessment.
    await forged('h-deleted', () => null);
    const deleted = await review('h-deleted');
    expect(deleted.code, deleted.stderr).toBe(1);
    expect(deleted.stdout).toContain(
      `历史记录与上次认定不符:第1次认定记录“${earlier}”在表中缺失;已按上次认定的记录认定`,
    );
    const again = await readWorkbook(await readFile(join(dir, 'h-deleted.xlsx')));
    expect(again.sheets[0]?.values[2]?.[2]).toBe('第2次');

    // Untouched: no flag, nothing to act on.
    const clean = await review('h-ok');
    expect(clean.code, clean.stdout).toBe(0);
    expect(clean.stdout).not.toContain('历史记录与上次认定不符');

    // With the roster: 李家村 returned nothing this round, listed 未上报 in 认定结果 (not certified).
    await writeFile(join(dir, 'villages.csv'), '单位代码,单位名称\nwj,王家村\nlj,李家村\n');
    const listed = await run([
      'review',
      'h-ok',
      '--rules',
      'rules.json',
      '--out',
      'h-roster.xlsx',
      '--assessed-on',
      '2012-12-18',
      '--history',
      'h-base.xlsx',
      '--roster',
      'villages.csv',
    ]);
    expect(listed.code, listed.stderr).toBe(1);
    expect(listed.stdout).toContain('未上报:李家村(lj,名册 villages.csv A3)没有交回考核表');
    const result = (await readWorkbook(await readFile(join(dir, 'h-roster.xlsx')))).sheets[0];
    expect(result?.values.slice(2).map((r) => [r[0], r[3]])).toEqual([
      ['wj', '认定通过'],
      ['lj', '未上报'],
    ]);
  }, 180_000);

  it('refuses --history from a summary that carries no records, naming the cell', async () => {
    const r = await run([
      'template',
      'rules.json',
      '--unit',
      'wj=王家村',
      '--history',
      'r1/王家村.xlsx',
      '--out',
      't-bad',
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('kaohe_certification!A1');
  });

  it('a graded certification: the grade certified, a veto fails whatever the total', async () => {
    const t = await run([
      'template',
      'graded.json',
      '--unit',
      'a=甲村',
      '--unit',
      'b=乙村',
      '--out',
      'g1',
    ]);
    expect(t.code, t.stderr).toBe(0);
    const figures: Figures = {
      grade_sought: '一流',
      president_is_secretary: '是',
      members: 420,
      population: 4800,
      liaison_households: 420,
      charter: '是',
      rosters: '是',
      activity_log: '是',
      member_home: '是',
      self_check_date: '2013-10-20',
      violation: '否',
    };
    await mkdir(join(dir, 'gr'));
    await fillWorkbook(join(dir, 'g1/甲村.xlsx'), join(dir, 'gr/甲村.xlsx'), figures);
    await fillWorkbook(join(dir, 'g1/乙村.xlsx'), join(dir, 'gr/乙村.xlsx'), {
      ...figures,
      violation: '是',
    });
    const r = await run([
      'review',
      'gr',
      '--rules',
      'graded.json',
      '--out',
      'gs.xlsx',
      '--assessed-on',
      '2013-11-10',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('甲村(a):认定通过「一流」(认定单位:县计生协)');
    expect(r.stdout).toContain(
      '乙村(b):未通过,1 项条款未达到,请于 2013-12-10 前完成整改(认定单位:县计生协)',
    );
    expect(r.stdout).toContain('否决.1「发生违法生育或弄虚作假」:一票否决:发生违法生育或弄虚作假');
  });
});
