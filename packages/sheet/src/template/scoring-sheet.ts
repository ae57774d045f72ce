// The scoring sheet (考核评分表): a header block, the table header, one row per section,
// item and sub-item, the bonus block, the sanctions block (是/否 per condition) and the total.
import { type CompiledRuleSet, type Msg, type RuleSet } from '@kaohe/engine';
import { fmt, piecewiseItemCriteria, poolCriteria, type CIndicator } from '@kaohe/engine/internal';
import { HEADER_FIELDS, ROW_KEYS, SANCTION_LEVELS, SCORING_COLUMNS, twoLines } from '../labels.ts';
import type { HeaderField, RowKind, ScoringColumn, SheetLayout, SheetMap } from '../types.ts';
import { inputCaption, sheetTitle, zh } from '../units.ts';
import { fingerprint } from '../checksum.ts';
import { GridBuilder } from './grid-builder.ts';
import { declaredPoints, sanctionCell } from './row-keys.ts';
import { addSignOff, unitFooter } from './sign-off.ts';

export interface UnitIdentity {
  id: string;
  name: string;
  class?: string;
}

const COL = Object.fromEntries(SCORING_COLUMNS.map((c, i) => [c.key, i])) as Record<
  ScoringColumn,
  number
>;
const SCORE_COLS = [COL.self, COL.review, COL.final];
/** Header fields: label in 序号's column, value in 自评得分's (neither may be deleted). */
const FIELD_LABEL_COL = COL.code;
const FIELD_VALUE_COL = COL.self;

/** The styling kind of a keyed row's score cells (a subtotal or total is banded like its row);
 *  its reason cell is always 'reason'. */
export function scoreCellKind(kind: RowKind): 'score' | 'total' {
  return kind === 'item' || kind === 'bonus-item' || kind === 'sanction' ? 'score' : 'total';
}

/** The header fields in their order, one a row below the title. */
export function headerFieldKeys(ruleSet: Pick<RuleSet, 'classes'>): HeaderField[] {
  return [
    'issuer',
    'unitName',
    'unitId',
    ...(ruleSet.classes?.length ? (['unitClass'] as const) : []),
    'year',
    'ruleSetId',
    'edition',
    'checksum',
  ];
}

/** What an item's row says of its bounds beside its criteria: no floor, no cap, the points kept
 *  without evidence. */
function boundNotes(item: CIndicator): string[] {
  const notes: string[] = [];
  // No points of its own (分值 —): its section's criteria say where its deductions go.
  if (item.pool) return notes;
  if (item.min === undefined) notes.push('该项可负分');
  if (item.uncapped) notes.push('不设上限');
  if (item.evidence.policy === 'keep')
    notes.push(`缺少佐证材料的最多得${fmt(item.evidence.keep)}分`);
  return notes;
}

export function buildScoringSheet(
  name: string,
  ruleSet: RuleSet,
  compiled: CompiledRuleSet,
  unit: UnitIdentity | undefined,
  checksum: string,
): { layout: SheetLayout; map: SheetMap['scoring'] } {
  const g = new GridBuilder(SCORING_COLUMNS.length);
  const last = SCORING_COLUMNS.length - 1;
  const header: SheetMap['scoring']['header'] = {};

  const title = g.addRow([sheetTitle(ruleSet)]);
  g.merge(title, 0, title, last);
  g.hint({ row: title, col: 0, kind: 'title' });

  const field = (
    row: number,
    col: number,
    key: HeaderField,
    value: string | number | null,
    input = false,
    list?: string[],
  ): void => {
    g.set(row, col, twoLines(HEADER_FIELDS[key]));
    g.hint({ row, col, kind: 'label' });
    g.set(row, FIELD_VALUE_COL, value);
    g.hint({
      row,
      col: FIELD_VALUE_COL,
      kind: input ? 'input' : 'value',
      required: input,
      ...(list ? { list } : {}),
    });
    header[key] = { row, col: FIELD_VALUE_COL };
  };
  // One field a row: the label over the descriptive columns (序号 … 数据项), the value from 自评得分
  // on. Both start in a column that may not be deleted (序号, 自评得分), so deleting 考核项目,
  // 考核内容及评分标准, 分值, 数据项 or 备注 only narrows the merges and loses no field.
  const classLabel = ruleSet.classes?.find((c) => c.id === unit?.class)?.label;
  const values: Record<HeaderField, string | number | null> = {
    issuer: zh(ruleSet.issuer),
    unitName: unit?.name ?? null,
    unitId: unit?.id ?? null,
    unitClass: classLabel ? zh(classLabel) : null,
    year: ruleSet.year,
    ruleSetId: ruleSet.id,
    edition: ruleSet.edition,
    // The checksum prints as its short fingerprint; the full SHA-256 is in the meta sheet.
    checksum: fingerprint(checksum),
  };
  for (const key of headerFieldKeys(ruleSet)) {
    const r = g.addRow();
    const value = values[key];
    const input = key === 'unitClass' || ((key === 'unitName' || key === 'unitId') && !unit);
    const list = key === 'unitClass' ? ruleSet.classes?.map((c) => zh(c.label)) : undefined;
    field(r, FIELD_LABEL_COL, key, value, input, list);
    g.merge(r, FIELD_LABEL_COL, r, FIELD_VALUE_COL - 1);
    g.merge(r, FIELD_VALUE_COL, r, last);
  }
  g.addRow();

  const headerRow = g.addRow(SCORING_COLUMNS.map((c) => twoLines(c.label)));
  SCORING_COLUMNS.forEach((_, col) => g.hint({ row: headerRow, col, kind: 'header' }));

  const points = declaredPoints(ruleSet, compiled);
  const rows: SheetMap['scoring']['rows'] = [];
  const addKeyed = (
    key: string,
    kind: RowKind,
    cells: Partial<Record<ScoringColumn, string | number | null>>,
    cell = key,
  ): number => {
    const row = g.addRow();
    g.set(row, COL.code, cell);
    for (const [col, value] of Object.entries(cells))
      g.set(row, COL[col as ScoringColumn], value ?? null);
    const band =
      kind === 'item' || kind === 'bonus-item' || kind === 'sanction' ? 'item' : 'section';
    for (const col of [COL.code, COL.title, COL.criteria, COL.points, COL.inputs])
      g.hint({ row, col, kind: band });
    for (const col of SCORE_COLS)
      g.hint({
        row,
        col,
        kind: scoreCellKind(kind),
        format: kind === 'sanction' ? 'text' : 'score',
      });
    g.hint({ row, col: COL.reason, kind: 'reason' });
    g.hint({ row, col: COL.note, kind: 'input' });
    rows.push({ key, kind, row, ...(cell === key ? {} : { cell }) });
    return row;
  };
  // Inputs in their declared order, as the data sheet lists them.
  const caption = (item: CIndicator): string =>
    ruleSet.inputs
      .filter((d) => item.inputsUsed.includes(d.id))
      .map(inputCaption)
      .join('\n');
  const text = (m: Msg | undefined): string | null => m?.zh ?? null;
  /** The criteria as printed: the document's text, then what the rule set declares about the
   *  item's bounds where a unit must know it (该项可负分; 缺少佐证材料的最多得1分). */
  const criteria = (item: CIndicator): string | null => {
    const notes = boundNotes(item);
    // The document's criteria; a piecewise item without them shows its breakpoints.
    const own = text(item.criteria ?? piecewiseItemCriteria(item));
    return notes.length === 0 ? own : [...(own ? [own] : []), ...notes].join(';');
  };
  const items = (list: readonly CIndicator[], kind: 'item' | 'bonus-item'): void => {
    for (const item of list) {
      addKeyed(item.path, kind, {
        title: item.title.zh,
        criteria: criteria(item),
        points: points.get(item.path) ?? null,
        inputs: caption(item),
      });
      items(item.children, kind);
    }
  };

  for (const section of compiled.sections) {
    addKeyed(section.code, 'section', {
      title: section.title.zh,
      // A pool: its items (分值 —) deduct from its points, as the criteria say.
      ...(section.pool ? { criteria: poolCriteria(section.pool) } : {}),
      points: points.get(section.code) ?? null,
    });
    items(section.items, 'item');
  }
  if (compiled.bonus) {
    const cap = ruleSet.bonus?.cap;
    addKeyed(ROW_KEYS.bonus, 'bonus', {
      title: compiled.bonus.title.zh,
      criteria:
        cap === undefined ? null : cap === 'none' ? '加分合计不设上限' : `加分合计最多${cap}分`,
      points: points.get(ROW_KEYS.bonus) ?? null,
    });
    items(compiled.bonus.items, 'bonus-item');
  }
  if (compiled.sanctions.length) {
    addKeyed(ROW_KEYS.sanctions, 'sanctions', {
      title: '否决及处理事项',
      criteria: '“是”表示该情形成立,不影响得分',
    });
    // A sanction's row is keyed by its id, but its 序号 reads 否决.1, 否决.2… (ids are not for people).
    compiled.sanctions.forEach((s, i) => {
      addKeyed(
        `${ROW_KEYS.sanctions}.${s.sanction.id}`,
        'sanction',
        {
          title: SANCTION_LEVELS[s.sanction.level],
          criteria: s.consequence ? `${s.reason.zh}(${s.consequence.zh})` : s.reason.zh,
        },
        sanctionCell(i),
      );
    });
  }
  addKeyed(ROW_KEYS.total, 'total', { title: '总分', points: points.get(ROW_KEYS.total) ?? null });
  const tallRows = addSignOff(
    g,
    { label: COL.title, from: COL.criteria, to: COL.criteria },
    { label: COL.inputs, from: COL.self, to: COL.reason },
    unit?.name,
  );

  const layout: SheetLayout = {
    name,
    role: 'scoring',
    state: 'visible',
    values: g.values,
    widths: SCORING_COLUMNS.map((c) => c.width),
    wrap: SCORING_COLUMNS.flatMap((c, i) => (c.wrap ? [i] : [])),
    printTitleRows: [headerRow, headerRow],
    footer: unitFooter(unit?.name),
    tallRows,
    freeze: { rows: headerRow + 1, cols: 2 },
    merges: g.merges,
    cells: g.cells,
  };
  return { layout, map: { sheet: name, headerRow, columns: { ...COL }, rows, header } };
}
