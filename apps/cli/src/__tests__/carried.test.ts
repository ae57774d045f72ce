// A result carried into another scheme on the command line (form 42): the safety assessment's
// review writes what its sanctions carry (--carried-out), the composite assessment's template
// prefills and locks it (--carried), and its score quotes where it came from. Figures by hand:
// 乙镇 scores 50 in safety with a major accident — veto −10 and (60 − 50) × 0.5 = 5 below 60,
// −5 — so −15 lands on its composite, where 80 for its work gives 80 − 15 = 65.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRuleSet, type CarriedOut, type RuleSet, type UnitInput } from '@kaohe/engine';
import { buildTemplate, cellRef, fillWrites, readSheet } from '@kaohe/sheet';
import { readWorkbook, writeTemplateWorkbook } from '@kaohe/xlsx';
import { ruleSetHeader } from '@kaohe/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patchWorkbook } from '../io/workbook.ts';
import { looksClean, runCli } from './run-cli.ts';

const SAFETY = ruleSetHeader({
  id: 'safety',
  title: '安全生产考核',
  year: 2024,
  edition: 2,
  points: 100,
  inputs: [
    { id: 's', label: '安全工作得分', unit: 'number' },
    { id: 'major', label: '发生重大事故', unit: 'yesno' },
  ],
  sections: [
    {
      code: '一',
      title: '安全工作',
      points: 100,
      items: [{ code: '1', title: '安全工作', points: 100, rule: { kind: 'expr', score: 's' } }],
    },
  ],
  sanctions: [
    {
      id: 'major_veto',
      level: 'veto',
      when: 'major',
      reason: '发生重大安全事故',
      carries: { to: 'composite', input: 'safety_cut', amount: -10 },
    },
    {
      id: 'low',
      level: 'notice',
      when: 'total < 60',
      reason: '安全考核低于60分',
      carries: { to: 'composite', input: 'safety_cut', amount: '-(60 - total) * 0.5' },
    },
  ],
});
const COMPOSITE = ruleSetHeader({
  id: 'composite',
  title: '综合考核',
  year: 2024,
  edition: 1,
  points: 100,
  inputs: [
    { id: 'work', label: '工作得分', unit: 'number' },
    { id: 'safety_cut', label: '安全生产结转', unit: 'number', source: 'carried', from: 'safety' },
  ],
  sections: [
    {
      code: '一',
      title: '工作',
      points: 100,
      items: [{ code: '1', title: '工作', points: 100, rule: { kind: 'expr', score: 'work' } }],
    },
    {
      code: '二',
      title: '其他考核结转',
      points: 0,
      items: [
        {
          code: '1',
          title: '安全生产',
          points: 0,
          min: 'none',
          rule: { kind: 'expr', score: 'safety_cut' },
        },
      ],
    },
  ],
});

let dir: string;
const parsed = (json: unknown): RuleSet => {
  const p = parseRuleSet(json);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.value;
};
/** A unit's workbook of `rules`, filled with its figures, written to `file`. */
async function filled(rules: RuleSet, unit: UnitInput, file: string): Promise<void> {
  const template = buildTemplate(rules, { id: unit.id, name: unit.name });
  const blank = await writeTemplateWorkbook(template);
  const bytes = await patchWorkbook(blank, fillWrites(rules, template.map.data, unit), file);
  await writeFile(join(dir, file), bytes);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kaohe-carried-'));
  await writeFile(join(dir, 'safety.json'), JSON.stringify(SAFETY));
  await writeFile(join(dir, 'composite.json'), JSON.stringify(COMPOSITE));
  await mkdir(join(dir, 'safety'));
  const safety = parsed(SAFETY);
  await filled(
    safety,
    { id: 'A', name: '甲镇', values: { s: 90, major: false } },
    'safety/甲镇.xlsx',
  );
  await filled(
    safety,
    { id: 'B', name: '乙镇', values: { s: 50, major: true } },
    'safety/乙镇.xlsx',
  );
});
/** The safety review of both towns, writing what it carries to `carried` (its summary beside). */
const sendCarried = (carried: string) =>
  runCli(
    [
      'review',
      'safety',
      '--rules',
      'safety.json',
      '--out',
      `sum-${carried}.xlsx`,
      '--carried-out',
      carried,
    ],
    dir,
  );

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('carried results between two schemes', () => {
  it('review --carried-out, template --carried (prefilled, locked, its provenance), score --carried', async () => {
    const review = await sendCarried('carried.json');
    expect(looksClean(review.stdout + review.stderr)).toBe(true);
    expect(review.stdout).toContain('结转数据:2 个单位,2 项结转');
    const sent = JSON.parse(await readFile(join(dir, 'carried.json'), 'utf8')) as CarriedOut;
    expect(sent.units.map((u) => [u.unitId, u.complete, u.carried.map((c) => c.amount)])).toEqual([
      ['A', true, []],
      ['B', true, ['-10', '-5']],
    ]);

    const template = await runCli(
      [
        'template',
        'composite.json',
        '--unit',
        'B=乙镇',
        '--out',
        'c.xlsx',
        '--carried',
        'carried.json',
      ],
      dir,
    );
    expect(template.code).toBe(0);
    const grids = (await readWorkbook(await readFile(join(dir, 'c.xlsx')))).sheets;
    const read = readSheet(grids);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.value.unit.values.safety_cut).toBe('-15');
    const data = read.value.map.data;
    const row = data.rows.find((r) => r.id === 'safety_cut')?.row ?? -1;
    const grid = grids.find((s) => s.name === data.sheet);
    expect(grid?.values[row]?.[data.columns.note]).toBe(
      '另一考核(「安全生产考核」2024年度第2版)否决事项「发生重大安全事故」结转:扣10分,通报事项「安全考核低于60分」结转:扣5分',
    );

    // The unit fills its own figure; its score quotes where the −15 came from.
    await filled(
      parsed(COMPOSITE),
      { id: 'B', name: '乙镇', values: { work: 80, safety_cut: '-15' } },
      'c-filled.xlsx',
    );
    const score = await runCli(
      ['score', 'c-filled.xlsx', '--carried', 'carried.json', '--json'],
      dir,
    );
    expect(score.code).toBe(0);
    const doc = JSON.parse(score.stdout) as {
      result: { total: string; sections: { items: { reason: { zh: string } }[] }[] };
    };
    expect(doc.result.total).toBe('65');
    expect(doc.result.sections[1]?.items[0]?.reason.zh).toContain(
      ';另一考核(「安全生产考核」2024年度第2版)否决事项「发生重大安全事故」结转:扣10分,通报事项「安全考核低于60分」结转:扣5分',
    );
  }, 120_000);

  it('review --carried: recomputed with the sending scheme’s record, a figure the unit changed flagged at its cell', async () => {
    const sent = await sendCarried('carried-r.json');
    expect(sent.code, sent.stderr).not.toBe(2);
    const composite = parsed(COMPOSITE);
    await mkdir(join(dir, 'composite'));
    // 乙镇 types −5 over the −15 carried to it; 甲镇 leaves the carried cell blank (its −0).
    await filled(
      composite,
      { id: 'B', name: '乙镇', values: { work: 80, safety_cut: '-5' } },
      'composite/乙镇.xlsx',
    );
    await filled(composite, { id: 'A', name: '甲镇', values: { work: 70 } }, 'composite/甲镇.xlsx');
    // 丙镇 was not assessed in safety: its carried figure is pending, not its own −0.
    await filled(
      composite,
      { id: 'C', name: '丙镇', values: { work: 60, safety_cut: '0' } },
      'composite/丙镇.xlsx',
    );
    const args = ['review', 'composite', '--rules', 'composite.json', '--json'];
    const without = await runCli([...args, '--out', 'c-own.xlsx'], dir);
    const own = JSON.parse(without.stdout) as { ranking: { unitId: string; total: string }[] };
    // By its own sheet 乙镇 would have 80 − 5 = 75.
    expect(own.ranking.find((u) => u.unitId === 'B')?.total).toBe('75');

    const run = await runCli([...args, '--out', 'c-sum.xlsx', '--carried', 'carried-r.json'], dir);
    expect(looksClean(run.stdout + run.stderr)).toBe(true);
    expect(run.code, run.stderr).toBe(1);
    const doc = JSON.parse(run.stdout) as {
      ranking: { unitId: string; total: string; complete: boolean }[];
      units: { unitId: string; record?: { message?: { zh: string } } }[];
    };
    // 乙镇: 80 − 15 = 65 (veto −10, (60 − 50) × 0.5 = 5 below 60: −5); 甲镇: 70 + 0 = 70
    // (nothing carried: 0, said so); 丙镇: 60 with its carried item missing (incomplete).
    expect(doc.ranking.map((u) => [u.unitId, u.total, u.complete])).toEqual([
      ['A', '70', true],
      ['B', '65', true],
      ['C', '60', false],
    ]);
    const template = buildTemplate(composite, { id: 'B', name: '乙镇' }).map.data;
    const row = template.rows.find((r) => r.id === 'safety_cut')?.row ?? -1;
    const at = cellRef(template.sheet, row, template.columns.value);
    const note = (id: string) => doc.units.find((u) => u.unitId === id)?.record?.message?.zh;
    expect(note('B')).toBe(
      `与结转数据不符,已按结转数据计:安全生产结转 ${at} 结转数据为 -15,表中为 -5`,
    );
    expect(note('A')).toBeUndefined();
    expect(note('C')).toBe(
      '结转数据(carried-r.json)中没有单位“C”:安全生产结转按空白计(待定,不按表中所填)',
    );

    const book = await readWorkbook(await readFile(join(dir, 'c-sum.xlsx')));
    const diffs = book.sheets.find((s) => s.name === '差异')?.values ?? [];
    expect(diffs.find((d) => d[0] === 'B')?.slice(2, 7)).toEqual([
      '与结转数据不符 / differs from the carried results: 安全生产结转',
      -5,
      -15,
      null,
      `${at}:已按结转数据计 / scored by the carried results`,
    ]);
  }, 120_000);

  it('score --carried: a unit missing from the carried file has its carried figure blank, as review --carried', async () => {
    const sent = await sendCarried('carried-m.json');
    expect(sent.code, sent.stderr).not.toBe(2);
    // 丁镇 was not assessed in safety; it types 0 into its carried cell: not its to claim.
    await filled(
      parsed(COMPOSITE),
      { id: 'D', name: '丁镇', values: { work: 60, safety_cut: '0' } },
      'd-filled.xlsx',
    );
    const score = await runCli(
      ['score', 'd-filled.xlsx', '--out', 'd.scored.xlsx', '--carried', 'carried-m.json', '--json'],
      dir,
    );
    expect(score.code, score.stderr).not.toBe(2);
    const doc = JSON.parse(score.stdout) as {
      result: { complete: boolean; sections: { items: { status: string }[] }[] };
    };
    // The carried item cannot be judged (its figure blank, pending), so the total is incomplete:
    // never 60 + 0 from the unit's own 0.
    expect(doc.result.sections[1]?.items[0]?.status).toBe('missing-input');
    expect(doc.result.complete).toBe(false);
    const text = await runCli(
      ['score', 'd-filled.xlsx', '--out', 'd2.scored.xlsx', '--carried', 'carried-m.json'],
      dir,
    );
    expect(text.stdout).toContain(
      '结转数据(carried-m.json)中没有单位“D”:安全生产结转按空白计(待定,不按表中所填)',
    );
  }, 120_000);

  it('score --carried-out writes one unit’s record', async () => {
    const run = await runCli(
      ['score', 'safety/乙镇.xlsx', '--out', 'b.scored.xlsx', '--carried-out', 'one.json'],
      dir,
    );
    expect(looksClean(run.stdout + run.stderr)).toBe(true);
    const sent = JSON.parse(await readFile(join(dir, 'one.json'), 'utf8')) as CarriedOut;
    expect(sent.units.map((u) => [u.unitId, u.complete, u.carried.map((c) => c.amount)])).toEqual([
      ['B', true, ['-10', '-5']],
    ]);
  });

  it('refuses a carried file whose amounts this rule set would lose, naming them', async () => {
    const lost = { ...COMPOSITE, inputs: [COMPOSITE.inputs[0]], sections: [COMPOSITE.sections[0]] };
    await writeFile(join(dir, 'lost.json'), JSON.stringify({ ...lost, points: 100 }));
    await writeFile(
      join(dir, 'carried-lost.json'),
      JSON.stringify({
        from: {
          ruleSetId: 'safety',
          title: { zh: '安全生产考核', en: 'safety' },
          year: 2024,
          edition: 2,
        },
        carries: [{ sanctionId: 'major_veto', to: 'composite', input: 'safety_cut' }],
        units: [],
      }),
    );
    const run = await runCli(
      [
        'template',
        'lost.json',
        '--unit',
        '乙镇',
        '--out',
        'lost.xlsx',
        '--carried',
        'carried-lost.json',
      ],
      dir,
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('carried-unread');
    expect(run.stderr).toContain('结转分值会丢失');
  });
});
