// The data sheet (基础数据表): one row per declared input, keyed by its id, with the value,
// last year's figure, the evidence and which items use it. One row per input (rather than
// one column per input) keeps the sheet printable on A4 whatever the number of inputs, and
// is the shape of the 基础数据表 officials already attach to their assessment forms.
import type { CarriedIn, CompiledRuleSet, InputValue, RuleSet } from '@kaohe/engine';
import { provenanceWords } from '@kaohe/engine/internal';
import { cellOf } from './cell-of.ts';
import { DATA_COLUMNS, SOURCE_LABELS, twoLines } from '../labels.ts';
import type { CellValue, DataColumn, SheetLayout, SheetMap } from '../types.ts';
import { formatOf, listOf, sheetTitle, unitDisplay, zh } from '../units.ts';
import { GridBuilder } from './grid-builder.ts';
import { addSignOff, unitFooter } from './sign-off.ts';

const COL = Object.fromEntries(DATA_COLUMNS.map((c, i) => [c.key, i])) as Record<
  DataColumn,
  number
>;

/** Figures the assessing level fills in before sending the sheet out. */
export interface Prefill {
  /** By input id: 责任指标 (source assigned: then locked), or any figure already known. */
  values?: Record<string, InputValue>;
  /** By input id: last year's figures for the 上年数据 column. */
  previous?: Record<string, InputValue>;
  /** By input id (`source: 'carried'`): where a value carried in from another assessment came
   *  from (`carriedInputs`), said in the note; a carried value given is locked. */
  carried?: Record<string, CarriedIn>;
}

/** The note of a figure rolled up from the children until `kaohe rollup` writes its provenance. */
export const ROLLED_UP_NOTE = '由下级单位的复核结果汇总填入(kaohe rollup),不手工填写';

/** The note cell of a rolled-up figure with its provenance (`rolledUpWords(r).zh`) in place of
 *  the placeholder, or of the provenance an earlier roll-up wrote; the notes before it stay. */
export function withRolledUpNote(existing: CellValue, words: string): string {
  const text = existing === null ? '' : String(existing);
  const at = [text.indexOf(ROLLED_UP_NOTE), text.indexOf(ROLLED_UP_MARK)].filter((i) => i >= 0);
  const kept = at.length ? text.slice(0, Math.min(...at)).replace(/;$/, '') : text;
  return kept ? `${kept};${words}` : words;
}
const ROLLED_UP_MARK = '下级汇总(';

/** A carried value's provenance for the note column (Chinese, as the sheet is). */
const carriedNote = (c: CarriedIn | undefined): string[] => (c ? [provenanceWords(c).zh] : []);

/** A sheet's first three rows across its width: the title, the unit, and how to fill it in. */
export function sheetHeading(
  g: GridBuilder,
  last: number,
  title: string,
  unitName: string | undefined,
  howTo: string,
): void {
  const rows: [string, 'title' | 'label'][] = [
    [title, 'title'],
    [unitName ? `被考核单位:${unitName}` : '被考核单位:见考核评分表', 'label'],
    [howTo, 'label'],
  ];
  for (const [text, kind] of rows) {
    const row = g.addRow([text]);
    g.merge(row, 0, row, last);
    g.hint({ row, col: 0, kind });
  }
}

export function buildDataSheet(
  name: string,
  ruleSet: RuleSet,
  compiled: CompiledRuleSet,
  unitName: string | undefined,
  prefill: Prefill = {},
): { layout: SheetLayout; map: SheetMap['data'] } {
  const g = new GridBuilder(DATA_COLUMNS.length);
  const last = DATA_COLUMNS.length - 1;
  sheetHeading(
    g,
    last,
    `${sheetTitle(ruleSet)} 基础数据表`,
    unitName,
    '蓝色单元格为填报项;空白表示缺数据(不按0计);百分比可填92%或92,千分比填8‰或8;是/否项填“是”或“否”。',
  );
  const headerRow = g.addRow(DATA_COLUMNS.map((c) => twoLines(c.label)));
  DATA_COLUMNS.forEach((_, col) => g.hint({ row: headerRow, col, kind: 'header' }));

  const usedBy = new Map<string, string[]>();
  for (const [path, item] of compiled.byPath) {
    if (item.children.length) continue;
    for (const id of item.inputsUsed) usedBy.set(id, [...(usedBy.get(id) ?? []), path]);
  }
  // A date a deadline judges: the official sees the deadline, and what a blank means there.
  const deadlines = new Map<string, string[]>();
  for (const item of compiled.byPath.values())
    for (const { stream, due } of item.streams) {
      if (stream.kind !== 'deadline' || !due) continue;
      const said = `截止日期${due.iso}${due.label ? `(${zh(due.label)})` : ''}${
        stream.missing === 'missing-input' ? '' : ',空白视为未报送'
      }`;
      const list = deadlines.get(stream.input) ?? [];
      if (!list.includes(said)) deadlines.set(stream.input, [...list, said]);
    }
  const rows: SheetMap['data']['rows'] = [];
  for (const def of ruleSet.inputs) {
    const row = g.addRow();
    g.set(row, COL.id, def.id);
    g.set(row, COL.label, zh(def.label));
    g.set(row, COL.unit, unitDisplay(def.unit));
    g.set(row, COL.source, SOURCE_LABELS[def.source]);
    g.set(row, COL.usedBy, (usedBy.get(def.id) ?? []).join('、'));
    const notes = [
      def.note ? zh(def.note) : '',
      def.blankMeans !== undefined && def.unit !== 'cases' ? `空白按${def.blankMeans}计` : '',
      def.unit === 'date'
        ? `填日期,如${ruleSet.year}-03-31或${ruleSet.year}年3月31日${
            def.defaultYear !== undefined ? `;只写月日的按${def.defaultYear}年计` : ''
          }`
        : '',
      ...(deadlines.get(def.id) ?? []),
      def.unit === 'cases'
        ? `逐件填入“案件明细”表;没有案件的本格填“无”${def.blankMeans !== undefined ? '(空表亦按无案件计)' : ''}`
        : '',
      ...carriedNote(prefill.carried?.[def.id]),
      def.source === 'children' ? ROLLED_UP_NOTE : '',
    ];
    g.set(row, COL.note, notes.filter(Boolean).join(';') || null);
    for (const col of [COL.id, COL.label, COL.unit, COL.source, COL.usedBy])
      g.hint({ row, col, kind: 'item' });
    const format = formatOf(def.unit);
    const list = listOf(def);
    const given = prefill.values?.[def.id];
    g.set(row, COL.value, cellOf(def, given));
    g.set(row, COL.previous, cellOf(def, prefill.previous?.[def.id]));
    // A target the assessing level set is not the unit's to change.
    // Nor a value carried in from another assessment (its note says where from). A figure
    // rolled up from the children is never typed: `kaohe rollup` writes it, with its provenance.
    const locked =
      def.source === 'children' ||
      ((def.source === 'assigned' || def.source === 'carried') &&
        given !== undefined &&
        given !== null);
    g.hint({
      row,
      col: COL.value,
      kind: locked ? 'item' : 'input',
      format,
      required: def.blankMeans === undefined && def.unit !== 'cases',
      ...(list && !locked ? { list } : {}),
    });
    g.hint({ row, col: COL.previous, kind: 'input', format, ...(list ? { list } : {}) });
    g.hint({ row, col: COL.evidence, kind: 'input', format: 'text', required: def.evidence });
    g.hint({ row, col: COL.note, kind: 'input', format: 'text' });
    rows.push({ id: def.id, row });
  }
  const tallRows = addSignOff(
    g,
    { label: COL.label, from: COL.unit, to: COL.value },
    { label: COL.previous, from: COL.evidence, to: COL.usedBy },
    unitName,
  );
  const layout: SheetLayout = {
    name,
    role: 'data',
    state: 'visible',
    values: g.values,
    widths: DATA_COLUMNS.map((c) => c.width),
    wrap: DATA_COLUMNS.flatMap((c, i) => (c.wrap ? [i] : [])),
    printTitleRows: [headerRow, headerRow],
    footer: unitFooter(unitName),
    tallRows,
    freeze: { rows: headerRow + 1, cols: 2 },
    merges: g.merges,
    cells: g.cells,
  };
  return { layout, map: { sheet: name, headerRow, columns: { ...COL }, rows } };
}
