import { compileRuleSet, scoreCohort, scoreUnit } from '@kaohe/engine';
import { baotou2012, baotou2012SampleUnits } from '@kaohe/rulesets';
import { a1, a1Range, colLetters, RESULTS_SHEET, SHEET_NAMES } from '@kaohe/sheet';
import { describe, expect, it } from 'vitest';
import { createMemoryPort } from '../standalone/memory-port.ts';
import type { MemoryWorkbook } from '../standalone/memory-workbook.ts';
import { asGrids, filledTemplate, parsed } from '../testing/sample-workbook.ts';
import { createKernel } from './kernel.ts';
import { createSession } from './session.ts';
import type { Cell, SheetGrid } from './workbook-port.ts';

const ruleSet = parsed(baotou2012);
const [kdq, qsq, dhq] = baotou2012SampleUnits;

function book(grids: SheetGrid[]): MemoryWorkbook {
  return {
    sheets: grids.map((g) => ({
      name: g.name,
      state: g.name.startsWith(SHEET_NAMES.meta) ? 'veryHidden' : 'visible',
      values: g.values,
      numberFormats: g.numberFormats,
    })),
    active: SHEET_NAMES.scoring,
    charts: [],
    selection: null,
  };
}

function session(grids: SheetGrid[]) {
  // Standing in for Excel, which keeps the ranking chart.
  const port = createMemoryPort(book(grids), undefined, { charts: true });
  return { port, session: createSession(port, createKernel()) };
}

describe('kernel over @kaohe/sheet and @kaohe/engine', () => {
  it('inspects a filled sheet: rule set, unit, state', async () => {
    const { session: s } = session(asGrids(filledTemplate(ruleSet, kdq!)));
    const state = await s.inspect();
    expect(state).toMatchObject({
      kind: 'assessment',
      unit: { id: 'kdq', name: '昆都仑区' },
      status: 'filled',
    });
    expect(state.kind === 'assessment' && state.ruleSet).toMatchObject({
      id: ruleSet.id,
      edition: ruleSet.edition,
      year: ruleSet.year,
      // Unsigned rules: their checksum matches, but anyone can recompute it (issue 15).
      integrity: 'unknown',
    });
  });

  it('scores the sheet like the engine does and writes the total back where the codec reads it', async () => {
    const { port, session: s } = session(asGrids(filledTemplate(ruleSet, kdq!)));
    const applied = await s.selfAssess();
    if (!applied.ok) throw new Error(JSON.stringify(applied));
    const direct = scoreUnit(compileRuleSet(ruleSet), kdq!);
    expect(applied.plan.result.total).toBe(direct.total);
    expect(applied.sheet).toMatchObject({ kind: 'assessment', status: 'scored' });
    const again = await createSession(port, createKernel()).inspect();
    expect(again).toMatchObject({ status: 'scored' });
  });

  it('lists a blank input and an unreadable value with their cells, and writes nothing else', async () => {
    const template = filledTemplate(ruleSet, qsq!, {
      policy_rate: null,
      birth_rate: '约8' as Cell,
    });
    const { map } = template;
    const rowOf = (id: string) => map.data.rows.find((r) => r.id === id)!.row + 1;
    const { session: s } = session(asGrids(template));
    const applied = await s.selfAssess();
    expect(applied.ok).toBe(false);
    const problems = applied.ok ? [] : applied.problems;
    const col = map.data.columns.value;
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'invalid-value',
        sheet: SHEET_NAMES.data,
        address: `${colLetters(col)}${rowOf('birth_rate')}`,
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'missing-input',
        sheet: SHEET_NAMES.data,
        address: `${colLetters(col)}${rowOf('policy_rate')}`,
      }),
    );
  });

  it('lists a figure out of its declared range as an invalid value at its cell, not as missing', async () => {
    // reform_mechanisms allows 0–6: 7 is refused by the engine, and 一(五).1 that uses it is unscored.
    const template = filledTemplate(ruleSet, qsq!, { reform_mechanisms: 7 });
    const { map } = template;
    const address = `${colLetters(map.data.columns.value)}${map.data.rows.find((r) => r.id === 'reform_mechanisms')!.row + 1}`;
    const { session: s } = session(asGrids(template));
    const applied = await s.selfAssess();
    if (!applied.ok) throw new Error(JSON.stringify(applied));
    const here = applied.plan.problems.filter((p) => p.address === address);
    expect(here.map((p) => [p.code, p.severity, p.message.zh])).toEqual([
      ['invalid-value', 'error', '7个 超出允许范围 0–6个,用到它的考核项目未能计分,请改正'],
    ]);
    expect(applied.plan.problems.some((p) => p.code === 'missing-input')).toBe(false);
  });

  it('reviews imported units with the reviewer rule set and summarises them with a chart', async () => {
    const reviewer = asGrids(filledTemplate(ruleSet, { id: '', name: '', values: {} }));
    const units = [qsq!, dhq!].flatMap((u, i) =>
      asGrids(filledTemplate(ruleSet, u), ` (${i + 2})`),
    );
    const { port, session: s } = session([...reviewer, ...units]);
    const reviewed = await s.review();
    if (!reviewed.ok) throw new Error(JSON.stringify(reviewed));
    expect(reviewed.plan.units.map((u) => [u.sheet, u.unit.name, u.rulesMatch]).sort()).toEqual([
      [`${SHEET_NAMES.scoring} (2)`, '青山区', true],
      [`${SHEET_NAMES.scoring} (3)`, '东河区', true],
    ]);
    const summary = await s.summarise();
    if (!summary.ok) throw new Error(JSON.stringify(summary));
    expect(summary.plan.rows.map((r) => r.unit.name).sort()).toEqual(['东河区', '青山区']);
    expect(port.workbook.charts).toHaveLength(1);
    expect(port.workbook.active).toBe('排名');
    // The chart takes the unit names and totals under the ranking's header row.
    const ranking = port.workbook.sheets.find((x) => x.name === '排名')!;
    expect(ranking.values[1]?.slice(2, 4).map((h) => String(h).split('\n')[0])).toEqual([
      '单位',
      '总分',
    ]);
    // Names and totals from the header row down, one row per unit.
    const unitCol = ranking.values[1]!.findIndex((h) => String(h).split('\n')[0] === '单位');
    expect(port.workbook.charts[0]?.dataAddress).toBe(
      a1Range(1, unitCol, 1 + summary.plan.rows.length, unitCol + 1),
    );
    expect(port.workbook.sheets.map((x) => x.name)).toEqual(
      expect.arrayContaining(['排名', '等级', '差异']),
    );
    // The results as data (kaohe_results, what combine reads) are very hidden, never a visible
    // sheet of JSON; the summary's own sheets are shown.
    const states = Object.fromEntries(
      port.workbook.sheets
        .filter((x) => summary.plan.sheets.includes(x.name))
        .map((x) => [x.name, x.state]),
    );
    expect(states[RESULTS_SHEET]).toBe('veryHidden');
    expect(Object.entries(states).filter(([, st]) => st !== 'visible')).toEqual([
      [RESULTS_SHEET, 'veryHidden'],
    ]);
  });

  it('ranks neither of two imports claiming one unit with other content, and names both', async () => {
    const reviewer = asGrids(filledTemplate(ruleSet, { id: '', name: '', values: {} }));
    const twin = { ...dhq!, id: qsq!.id, name: qsq!.name };
    const units = [qsq!, twin, kdq!].flatMap((u, i) =>
      asGrids(filledTemplate(ruleSet, u), ` (${i + 2})`),
    );
    const { session: s } = session([...reviewer, ...units]);
    const reviewed = await s.review();
    if (!reviewed.ok) throw new Error(JSON.stringify(reviewed));
    expect(reviewed.plan.units.map((u) => u.unit.name)).toEqual(['昆都仑区']);
    const named = reviewed.plan.unread.filter((p) => p.code === 'not-reviewed');
    expect(named.map((p) => p.sheet)).toEqual([
      `${SHEET_NAMES.scoring} (2)`,
      `${SHEET_NAMES.scoring} (3)`,
    ]);
    expect(named[0]?.message.zh).toContain(`${SHEET_NAMES.scoring} (3)`);
    expect(named[1]?.message.zh).toContain(`${SHEET_NAMES.scoring} (2)`);
  });

  it('counts a unit once when its workbook is both open and imported (青山区 is not ranked twice)', async () => {
    const own = asGrids(filledTemplate(ruleSet, qsq!));
    const units = [qsq!, dhq!].flatMap((u, i) =>
      asGrids(filledTemplate(ruleSet, u), ` (${i + 2})`),
    );
    const { session: s } = session([...own, ...units]);
    const summary = await s.summarise();
    if (!summary.ok) throw new Error(JSON.stringify(summary));
    expect(summary.plan.rows.map((r) => r.unit.name).sort()).toEqual(['东河区', '青山区']);
    const reviewed = await s.review();
    if (!reviewed.ok) throw new Error(JSON.stringify(reviewed));
    const qsqUnit = reviewed.plan.units.find((u) => u.unit.name === '青山区');
    expect(qsqUnit?.sameAs).toHaveLength(1);
    expect(qsqUnit?.problems).toContainEqual(expect.objectContaining({ code: 'duplicate-file' }));
    // Review scores go into both copies, so they stay one workbook.
    const sheets = new Set(reviewed.plan.writes.map((w) => w.sheet));
    expect(sheets).toContain(SHEET_NAMES.scoring);
    expect(sheets).toContain(`${SHEET_NAMES.scoring} (2)`);
  });

  it('ranks a unit whose embedded rules were altered, recomputed and flagged, as the CLI does', async () => {
    const reviewer = asGrids(filledTemplate(ruleSet, { id: '', name: '', values: {} }));
    const tampered = asGrids(filledTemplate(ruleSet, qsq!), ' (2)');
    const meta = tampered.find((g) => g.name === `${SHEET_NAMES.meta} (2)`)!;
    const json = meta.values.findIndex((r) => r[0] === 'json');
    meta.values[json] = [
      'json',
      String(meta.values[json]?.[1]).replace('"target":92', '"target":90'),
    ];
    const { session: s } = session([
      ...reviewer,
      ...tampered,
      ...asGrids(filledTemplate(ruleSet, dhq!), ' (3)'),
    ]);
    const reviewed = await s.review();
    if (!reviewed.ok) throw new Error(JSON.stringify(reviewed));
    const unit = reviewed.plan.units.find((u) => u.unit.name === '青山区');
    expect(unit).toMatchObject({ rules: 'altered', rulesMatch: false });
    expect(unit?.problems).toContainEqual(
      expect.objectContaining({ code: 'rules-altered', sheet: `${SHEET_NAMES.meta} (2)` }),
    );
    const direct = scoreCohort(compileRuleSet(ruleSet), [qsq!, dhq!]);
    expect(unit?.result.total).toBe(direct.units.find((u) => u.unitId === qsq!.id)?.total);
  });

  it('shows a blank template as an assessment sheet waiting to be filled', async () => {
    const { session: s } = session(
      asGrids(filledTemplate(ruleSet, { id: '', name: '', values: {} })),
    );
    expect(await s.inspect()).toMatchObject({
      kind: 'assessment',
      status: 'blank',
      ruleSet: { id: ruleSet.id },
    });
  });

  it('flags a reported total that the review does not confirm, at its cell', async () => {
    const reviewer = asGrids(filledTemplate(ruleSet, { id: '', name: '', values: {} }));
    const template = filledTemplate(ruleSet, qsq!);
    const total = template.map.scoring.rows.find((r) => r.kind === 'total')!;
    const scoring = template.sheets.find((x) => x.role === 'scoring')!;
    scoring.values[total.row]![template.map.scoring.columns.self] = 999;
    const { session: s } = session([...reviewer, ...asGrids(template, ' (2)')]);
    const reviewed = await s.review();
    if (!reviewed.ok) throw new Error(JSON.stringify(reviewed));
    const unit = reviewed.plan.units[0]!;
    expect(unit.reported).toBe('999');
    expect(unit.problems).toContainEqual(
      expect.objectContaining({
        code: 'score-differs',
        sheet: `${SHEET_NAMES.scoring} (2)`,
        address: a1(total.row, template.map.scoring.columns.self),
      }),
    );
    expect(reviewed.plan.writes.every((w) => w.sheet.endsWith(' (2)'))).toBe(true);
  });

  it('flags a sanction reported as holding that the review does not confirm, at its cell', async () => {
    const reviewer = asGrids(filledTemplate(ruleSet, { id: '', name: '', values: {} }));
    const template = filledTemplate(ruleSet, qsq!);
    const sanction = template.map.scoring.rows.find((r) => r.kind === 'sanction')!;
    const scoring = template.sheets.find((x) => x.role === 'scoring')!;
    scoring.values[sanction.row]![template.map.scoring.columns.self] = '是';
    const { session: s } = session([...reviewer, ...asGrids(template, ' (2)')]);
    const reviewed = await s.review();
    if (!reviewed.ok) throw new Error(JSON.stringify(reviewed));
    expect(reviewed.plan.units[0]!.result.sanctions.map((x) => `否决.${x.id}`)).not.toContain(
      sanction.key,
    );
    const differs = reviewed.plan.units[0]!.problems.filter((p) => p.code === 'score-differs');
    expect(differs).toContainEqual(
      expect.objectContaining({
        sheet: `${SHEET_NAMES.scoring} (2)`,
        address: a1(sanction.row, template.map.scoring.columns.self),
      }),
    );
    // Named as the official reads the row (its 序号 and reason), never by the sanction's id.
    const first = ruleSet.sanctions[0]!;
    const reason = typeof first.reason === 'string' ? first.reason : first.reason.zh;
    expect(differs.map((p) => p.message.zh)).toEqual([`否决.1「${reason}」:上报 是,复核 否`]);
  });

  it('reads an imported unit whose rules sheet did not come along, by the reviewer rules', async () => {
    const reviewer = asGrids(filledTemplate(ruleSet, { id: '', name: '', values: {} }));
    const imported = asGrids(filledTemplate(ruleSet, dhq!), ' (2)').filter(
      (g) => !g.name.startsWith(SHEET_NAMES.meta),
    );
    const { session: s } = session([...reviewer, ...imported]);
    const reviewed = await s.review();
    if (!reviewed.ok) throw new Error(JSON.stringify(reviewed.problems.slice(0, 3)));
    expect(reviewed.plan.units.map((u) => u.unit.name)).toEqual(['东河区']);
    expect(reviewed.plan.units[0]?.problems[0]).toMatchObject({
      code: 'rules-differ',
      sheet: `${SHEET_NAMES.scoring} (2)`,
      address: null,
    });
  });

  it('re-checks before writing: header fields and keyed rows must still be where they were', () => {
    const grids = asGrids(filledTemplate(ruleSet, kdq!));
    const snapshot = {
      active: grids[0]!,
      sheets: Object.fromEntries(grids.map((g) => [g.name, g])),
      sheetNames: grids.map((g) => g.name),
    };
    const planned = createKernel().selfAssess(snapshot);
    if (!planned.ok) throw new Error('does not plan');
    const { guard } = planned.value;
    const scoring = grids.find((g) => g.name === SHEET_NAMES.scoring)!;
    const now = () => scoring.values.map((row) => [...row]);
    expect(guard.holds(now())).toBe(true);
    const renamed = now();
    const unitCell = renamed.findIndex((row) => row.includes('昆都仑区'));
    expect(unitCell).toBeGreaterThanOrEqual(0);
    renamed[unitCell] = renamed[unitCell]!.map((v) => (v === '昆都仑区' ? '青山区' : v));
    expect(guard.holds(renamed)).toBe(false);
    const moved = now();
    const itemRow = moved.findIndex((row) => row[0] === '一(二).1');
    expect(itemRow).toBeGreaterThan(0);
    [moved[itemRow], moved[itemRow + 1]] = [moved[itemRow + 1]!, moved[itemRow]!];
    expect(guard.holds(moved)).toBe(false);
  });

  it('reads a sheet with review scores written as reviewed', async () => {
    const { session: s } = session(asGrids(filledTemplate(ruleSet, dhq!)));
    expect(await s.inspect()).toMatchObject({ status: 'filled' });
    const reviewed = await s.review();
    expect(reviewed.ok && reviewed.plan.units.map((u) => u.unit.name)).toEqual(['东河区']);
    expect(await s.inspect()).toMatchObject({ kind: 'assessment', status: 'reviewed' });
  });
});
