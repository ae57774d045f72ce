// The pane's review of a certification (评估认定): @kaohe/sheet's certifyUnits, the decisions
// `kaohe review` prints, on the grassroots certification rules; and a returned unit whose rules
// sheet was made visible, flagged as the CLI's review flags it.
import { grassrootsCertification } from '@kaohe/rulesets';
import { SHEET_NAMES } from '@kaohe/sheet';
import { describe, expect, it } from 'vitest';
import { createMemoryPort } from '../standalone/memory-port.ts';
import { asGrids, filledTemplate, memoryBook, parsed } from '../testing/sample-workbook.ts';
import { createKernel } from './kernel.ts';
import { createSession } from './session.ts';
import type { Cell, SheetGrid } from './workbook-port.ts';

const ruleSet = parsed(grassrootsCertification);
const YESNO = ruleSet.inputs.filter((i) => i.unit === 'yesno').map((i) => i.id);
const MET: Record<string, string | boolean> = {
  ...Object.fromEntries(YESNO.map((id) => [id, true])),
  member_groups: '12',
  members: '420',
  population: '4800',
  liaison_households: '420',
};
const evidence = Object.fromEntries(
  ruleSet.inputs.filter((i) => i.evidence).map((i) => [i.id, true]),
);
const unit = (id: string, name: string, values: Record<string, string | boolean | null>) =>
  ({ id, name, values: { ...MET, ...values }, evidence }) as Parameters<typeof filledTemplate>[1];

const TRUST = { keys: [], revoked: [] };

function cohort(edit?: (grids: SheetGrid[]) => void) {
  const reviewer = asGrids(filledTemplate(ruleSet, { id: '', name: '', values: {} }));
  const returned = [
    unit('lj', '李家村', {}),
    // 360 ÷ 4800 = 7.5 % < 8 %: 一.5 not met
    unit('wj', '王家村', { members: '360', liaison_households: '360' }),
    // 会员之家 left blank: 三.1 cannot be judged
    unit('zj', '张家村', { member_home: null }),
  ].flatMap((u, i) => asGrids(filledTemplate(ruleSet, u), ` (${i + 2})`));
  edit?.(returned);
  const port = createMemoryPort(memoryBook([...reviewer, ...returned]));
  return { port, session: createSession(port, createKernel(), () => TRUST) };
}

describe('the pane’s review of a certification', () => {
  it('gives pass/fail per unit, the failing clauses with reasons, who certifies and the deadline', async () => {
    const { session } = cohort();
    const state = await session.inspect();
    expect(state.kind === 'assessment' && state.ruleSet.kind).toBe('certification');
    const reviewed = await session.review({ assessedOn: '2012-11-20' });
    if (!reviewed.ok) throw new Error(JSON.stringify(reviewed.problems.slice(0, 3)));
    const cr = reviewed.plan.certification;
    expect(cr).toMatchObject({ assessedOn: '2012-11-20', passed: 1, failed: 2, undecided: 1 });
    const byId = new Map(cr!.units.map((u) => [u.unit.id, u]));
    expect(byId.get('lj')).toMatchObject({
      passed: true,
      result: { zh: '认定通过' },
      certifier: { zh: '县计划生育协会' },
      rectifyBy: null,
      failing: [],
    });
    const wj = byId.get('wj')!;
    // 2012-11-20 + 30 days (the rules' rectificationDays) = 2012-12-20
    expect(wj).toMatchObject({ passed: false, result: { zh: '未通过' }, rectifyBy: '2012-12-20' });
    expect(wj.sheet).toBe(`${SHEET_NAMES.scoring} (3)`);
    expect(wj.failing.map((f) => [f.caption.zh, f.cannotJudge])).toEqual([
      ['一.5 会员人数不低于总人口的8%', false],
    ]);
    expect(wj.failing[0]?.reason.zh).toContain('7.5');
    const zj = byId.get('zj')!;
    expect(zj.result.zh).toBe('未通过(有条款缺少数据、无法判定)');
    expect(zj.failing.map((f) => f.cannotJudge)).toEqual([true]);
  });

  it('makes the certification’s summary (认定结果, a 整改通知书 per failing unit), no ranking', async () => {
    const { port, session } = cohort();
    const summary = await session.summarise({ assessedOn: '2012-11-20' });
    if (!summary.ok) throw new Error(JSON.stringify(summary.problems.slice(0, 3)));
    expect(summary.plan.sheets[0]).toBe('认定结果');
    expect(summary.plan.sheets).toEqual(expect.arrayContaining(['整改-王家村', '整改-张家村']));
    expect(summary.plan.sheets).not.toContain('整改-李家村');
    expect(summary.plan.sheets).not.toContain('排名');
    // The records and the results as data are very hidden.
    const hidden = port.workbook.sheets.filter((s) => s.state !== 'visible').map((s) => s.name);
    expect(hidden).toEqual(expect.arrayContaining(['kaohe_certification', 'kaohe_results']));
  });

  it('refuses a certification without a valid assessment date, saying so', async () => {
    const { session } = cohort();
    for (const assessedOn of [undefined, '2012-02-30', '20121120']) {
      const reviewed = await session.review(assessedOn ? { assessedOn } : {});
      expect(reviewed.ok).toBe(false);
      if (!reviewed.ok) expect(reviewed.problems[0]?.message.zh).toContain('认定日期');
    }
  });

  it('flags a returned unit whose rules sheet was made visible (规则数据表被取消隐藏)', async () => {
    const meta = `${SHEET_NAMES.meta} (3)`;
    const { session } = cohort((grids) => {
      const g = grids.find((x) => x.name === meta);
      if (!g) throw new Error('fixture: no meta sheet');
      g.state = 'visible';
    });
    const reviewed = await session.review({ assessedOn: '2012-11-20' });
    if (!reviewed.ok) throw new Error(JSON.stringify(reviewed.problems.slice(0, 3)));
    const flagged = reviewed.plan.units.filter((u) => u.metaUnhidden).map((u) => u.unit.id);
    expect(flagged).toEqual(['wj']);
    const wj = reviewed.plan.units.find((u) => u.unit.id === 'wj')!;
    const p = wj.problems.find((x) => x.code === 'meta-unhidden');
    expect(p).toMatchObject({ sheet: meta, severity: 'warning' });
    expect(p?.message.zh).toContain('取消隐藏');
    // Merely hidden, as LibreOffice saves a very hidden sheet: no alarm.
    const { session: saved } = cohort((grids) => {
      grids.find((x) => x.name === meta)!.state = 'hidden';
    });
    const again = await saved.review({ assessedOn: '2012-11-20' });
    if (!again.ok) throw new Error('does not review');
    expect(again.plan.units.some((u) => u.problems.some((x) => x.code === 'meta-unhidden'))).toBe(
      false,
    );
  });
});

export type { Cell };
