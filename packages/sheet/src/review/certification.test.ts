// The review of a certification: pass/fail per unit, the failing clauses with their reasons, the
// 整改通知书 of each failing unit, and the history carried into the unit's next workbook.
import { parseRuleSet, type RuleSet } from '@kaohe/engine';
import { associationGradeCertification, grassrootsCertification } from '@kaohe/rulesets';
import { describe, expect, it } from 'vitest';
import { certificationMet, fill } from '../__tests__/fixture.ts';
import { CERTIFICATION_SHEETS, readCertificationRecords } from '../certification/sheets.ts';
import { readSheet } from '../read/read-sheet.ts';
import { buildTemplate, type TemplateOptions } from '../template/build-template.ts';
import type { CellValue, SheetGrid, SheetLayout } from '../types.ts';
import { reviewReturns } from './review.ts';

const parsed = (input: unknown): RuleSet => {
  const r = parseRuleSet(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};
const rs = parsed(grassrootsCertification);
const graded = parsed(associationGradeCertification);

// Every clause met (members 420 of 4,800 = 8.75 % ≥ 8 %), with its evidence.
const { MET, evidence: ALL_EVIDENCE } = certificationMet(rs);

function workbook(
  ruleSet: RuleSet,
  id: string,
  name: string,
  values: Record<string, CellValue>,
  evidence: Record<string, CellValue>,
  history?: TemplateOptions['history'],
): SheetGrid[] {
  return fill(buildTemplate(ruleSet, { id, name }, history ? { history } : {}), values, evidence);
}

const sheetOf = (sheets: readonly SheetLayout[], name: string) =>
  sheets.find((s) => s.name === name);
/** A table's body rows as records by the first line of each header. */
function rowsOf(s: SheetLayout | undefined): Record<string, CellValue>[] {
  if (!s) throw new Error('no such sheet');
  const header = (s.values[1] ?? []).map((h) => String(h ?? '').split('\n')[0] ?? '');
  return s.values.slice(2).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? null])));
}

describe('reviewReturns with a certification rule set', () => {
  const pass = workbook(rs, 'lj', '李家村', MET, ALL_EVIDENCE);
  // 360 ÷ 4800 = 7.5 % < 8 % → 一.5 not met
  const short = workbook(
    rs,
    'wj',
    '王家村',
    { ...MET, members: 360, liaison_households: 360 },
    ALL_EVIDENCE,
  );
  // 会员之家 blank: 三.1 cannot be judged — never a pass
  const blank = workbook(rs, 'zj', '张家村', { ...MET, member_home: null }, ALL_EVIDENCE);
  const review = reviewReturns(
    [
      { file: '李家村.xlsx', grids: pass },
      { file: '王家村.xlsx', grids: short },
      { file: '张家村.xlsx', grids: blank },
    ],
    rs,
    undefined,
    { assessedOn: '2012-11-20' },
  );

  it('certifies each unit: pass, a clause not met, a blank figure undecided and not passed', () => {
    const cr = review.certification;
    if (!cr) throw new Error('no certification');
    expect(cr.units.map((u) => [u.name, u.outcome?.record.passed, u.undecided])).toEqual([
      ['李家村', true, false],
      ['王家村', false, false],
      ['张家村', false, true],
    ]);
    expect(cr).toMatchObject({ passed: 1, failed: 2, undecided: 1, refused: 0 });
    expect(cr.units[1]?.outcome?.record.failing.map((f) => `${f.path}:${f.status}`)).toEqual([
      '一.5:not-met',
    ]);
    expect(cr.units[2]?.outcome?.record.failing.map((f) => `${f.path}:${f.status}`)).toEqual([
      '三.1:missing-input',
    ]);
  });

  it('puts 认定结果 in place of 排名 and 等级, a notice per failing unit, the records last and very hidden', () => {
    const names = review.summary.sheets.map((s) => s.name);
    expect(names[0]).toBe('认定结果');
    expect(names).not.toContain('排名');
    expect(names).not.toContain('等级');
    expect(names.slice(-3)).toEqual(['整改-王家村', '整改-张家村', 'kaohe_certification']);
    expect(review.summary.sheets.at(-1)?.state).toBe('veryHidden');
    const rows = rowsOf(sheetOf(review.summary.sheets, CERTIFICATION_SHEETS.result));
    expect(rows.map((r) => [r['单位'], r['认定结果'], r['整改期限'], r['认定单位']])).toEqual([
      ['李家村', '认定通过', '', '县计划生育协会'],
      // 2012-11-20 + 30 days = 2012-12-20
      ['王家村', '未通过', '2012-12-20', '县计划生育协会'],
      ['张家村', '未通过(有条款缺少数据、无法判定)', '2012-12-20', '县计划生育协会'],
    ]);
    expect(String(rows[1]?.['未达到的条款及原因'])).toMatch(/^一\.5 会员人数不低于总人口的8%:/);
  });

  it('writes a printable notice: what failed and why, by when, what to send, signed and stamped', () => {
    const n = sheetOf(review.summary.sheets, '整改-王家村');
    if (!n) throw new Error('no notice');
    expect(n).toMatchObject({ portrait: true, printArea: true, footer: '被通知单位:王家村' });
    const text = n.values.flat().filter((v) => typeof v === 'string');
    expect(text[0]).toBe('整改通知书');
    expect(text).toContain('王家村:');
    expect(text.some((t) => t.includes('于2012年12月20日前完成整改'))).toBe(true);
    const clause = n.values.find((r) => r[0] === '1');
    expect(clause?.[1]).toBe('一.5 会员人数不低于总人口的8%');
    // 一.5 reads members and population; members needs its evidence
    expect(clause?.[3]).toBe('会员人数及佐证材料、村(社区)总人口');
    expect(text).toContain('认定单位(盖章):县计划生育协会');
    expect(text).toContain('被通知单位签收人:');
    // The blank figure is said as such in what to send
    const z = sheetOf(review.summary.sheets, '整改-张家村');
    expect(z?.values.find((r) => r[0] === '1')?.[3]).toBe(
      '建立村级计生协「会员之家」活动场所(未填写)及佐证材料',
    );
  });

  it('carries the history into the next workbook; the re-assessment keeps it and passes', () => {
    const grids: SheetGrid[] = review.summary.sheets.map((s) => ({
      name: s.name,
      values: s.values,
      state: s.state,
    }));
    const records = readCertificationRecords(grids, rs);
    if (!records.ok) throw new Error(JSON.stringify(records.issues));
    expect([...records.value.keys()]).toEqual(['lj', 'wj', 'zj']);
    const wj = records.value.get('wj') ?? [];
    const next = workbook(
      rs,
      'wj',
      '王家村',
      { ...MET, members: 400, liaison_households: 400 },
      ALL_EVIDENCE,
      wj,
    );
    const read = readSheet(next, { ruleSet: rs });
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.value.history).toEqual(wj);
    const again = reviewReturns([{ file: '王家村2.xlsx', grids: next }], rs, undefined, {
      assessedOn: '2012-12-18',
    });
    const u = again.certification?.units[0];
    expect(u?.outcome?.record).toMatchObject({ passed: true, attempt: 2 });
    const row = rowsOf(sheetOf(again.summary.sheets, '认定结果'))[0];
    expect(row?.['认定次数']).toBe('第2次');
    expect(row?.['认定经过']).toBe(
      '2012-11-20 第1次认定未通过(1项条款未达到,限2012-12-20前整改)\n2012-12-18 第2次认定通过(整改后复评)',
    );
  });

  it('notes a re-assessment after the deadline; refuses one dated before the last (无法认定, why)', () => {
    const records = readCertificationRecords(
      review.summary.sheets.map((s) => ({ name: s.name, values: s.values })),
      rs,
    );
    if (!records.ok) throw new Error(JSON.stringify(records.issues));
    const next = workbook(rs, 'wj', '王家村', MET, ALL_EVIDENCE, records.value.get('wj'));
    // 2013-01-05 is after the deadline 2012-12-20: certified, with a note
    const late = reviewReturns([{ file: 'a.xlsx', grids: next }], rs, undefined, {
      assessedOn: '2013-01-05',
    });
    expect(late.certification?.units[0]?.outcome?.record.passed).toBe(true);
    const row = rowsOf(sheetOf(late.summary.sheets, '认定结果'))[0];
    expect(row?.['说明']).toBe('复评日期 2013-01-05 晚于整改期限 2012-12-20');
    // 2012-11-01 is before the first assessment (2012-11-20): not certified at all
    const early = reviewReturns([{ file: 'a.xlsx', grids: next }], rs, undefined, {
      assessedOn: '2012-11-01',
    });
    expect(early.certification).toMatchObject({ refused: 1, passed: 0, failed: 0 });
    const r = rowsOf(sheetOf(early.summary.sheets, '认定结果'))[0];
    expect([r?.['认定结果'], r?.['认定次数'], r?.['说明']]).toEqual([
      '无法认定',
      '第2次',
      '认定日期 2012-11-01 早于上次认定 2012-11-20',
    ]);
    // Its records are kept as they were, never lost
    const kept = readCertificationRecords(
      early.summary.sheets.map((s) => ({ name: s.name, values: s.values })),
      rs,
    );
    expect(kept.ok && kept.value.get('wj')).toEqual(records.value.get('wj'));
  });

  it('refuses a history that does not parse, at its cell', () => {
    const grids = workbook(rs, 'wj', '王家村', MET, ALL_EVIDENCE, [
      {
        unitId: 'wj',
        ruleSetId: rs.id,
        edition: 1,
        assessedOn: '2012-11-20',
        attempt: 1,
        passed: false,
        failing: [],
        rectifyBy: '2012-12-20',
      },
    ]);
    const meta = grids.find((g) => g.name === 'kaohe_meta');
    const row = meta?.values.find((r) => r[0] === 'history');
    if (!meta || !row) throw new Error('no history row');
    row[1] = String(row[1]).replace('"passed":false', '"passed":"no"');
    const at = `kaohe_meta!B${meta.values.indexOf(row) + 1}`;
    const read = readSheet(grids, { ruleSet: rs });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues[0]).toMatchObject({ code: 'meta-corrupt', address: at });
    expect(read.issues[0]?.message.zh).toContain('认定记录无法读取');
    expect(read.issues[0]?.message.zh).toContain('history[0].passed');
    // In a review, the file is not reviewed, with the cell named — never a first assessment.
    const r = reviewReturns([{ file: 'x.xlsx', grids }], rs, undefined, {
      assessedOn: '2012-12-18',
    });
    expect(r.units).toEqual([]);
    expect(r.rejected[0]?.message.zh).toContain(at);
  });

  it('refuses a history of another unit carried into a workbook', () => {
    const grids = workbook(rs, 'wj', '王家村', MET, ALL_EVIDENCE);
    const meta = grids.find((g) => g.name === 'kaohe_meta');
    meta?.values.push([
      'history',
      JSON.stringify([
        {
          unitId: 'lj',
          ruleSetId: rs.id,
          edition: 1,
          assessedOn: '2012-11-20',
          attempt: 1,
          passed: true,
          failing: [],
          rectifyBy: null,
        },
      ]),
    ]);
    const read = readSheet(grids, { ruleSet: rs });
    expect(read.ok ? [] : read.issues.map((i) => i.message.zh)).toEqual([
      expect.stringContaining('history[0] 是单位“lj”的记录,不是本单位“wj”的'),
    ]);
  });

  it('needs the assessment date', () => {
    expect(() => reviewReturns([{ file: 'a.xlsx', grids: pass }], rs)).toThrow(/assessedOn/);
  });
});

describe('a graded certification (合格 by the township, 一流 by the county)', () => {
  const values: Record<string, CellValue> = {
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
  const evidence = Object.fromEntries(
    graded.inputs.filter((i) => i.evidence).map((i) => [i.id, '是']),
  );

  it('shows the total, the grade sought, reached and certified; a veto fails whatever the total', () => {
    const review = reviewReturns(
      [
        { file: 'a.xlsx', grids: workbook(graded, 'a', '甲村', values, evidence) },
        {
          file: 'b.xlsx',
          grids: workbook(graded, 'b', '乙村', { ...values, violation: '是' }, evidence),
        },
      ],
      graded,
      undefined,
      { assessedOn: '2013-11-10' },
    );
    const rows = rowsOf(sheetOf(review.summary.sheets, '认定结果'));
    expect(
      rows.map((r) => [
        r['单位'],
        r['认定结果'],
        r['申报等次'],
        r['分数达到'],
        r['认定等次'],
        r['认定单位'],
      ]),
    ).toEqual([
      ['甲村', '认定通过「一流」', '一流', '一流', '一流', '县计生协'],
      ['乙村', '未通过', '一流', '一流', '', '县计生协'],
    ]);
    const veto = review.certification?.units[1]?.outcome?.record.failing;
    expect(veto?.map((f) => `${f.path}:${f.status}`)).toEqual(['sanctions.violation:vetoed']);
    const n = sheetOf(review.summary.sheets, '整改-乙村');
    const clause = n?.values.find((r) => r[0] === '1');
    expect(clause?.[1]).toBe('否决.1「发生违法生育或弄虚作假」');
    expect(clause?.[3]).toBe('发生违法生育或弄虚作假,整改情况说明');
  });
});
