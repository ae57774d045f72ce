// Filled assessment workbooks for tests: the codec's template for a unit, with the unit's
// figures typed into the data sheet the way an official would (numbers as numbers, 是/否).
import {
  parseRuleSet,
  type InputValue,
  type RuleSet,
  type RuleSetInput,
  type UnitInput,
} from '@kaohe/engine';
import {
  buildTemplate,
  SHEET_NAMES,
  type EditionFile,
  type Template,
  type TemplateOptions,
} from '@kaohe/sheet';
import type { Cell, SheetGrid } from '../core/workbook-port.ts';
import type { MemoryWorkbook } from '../standalone/memory-workbook.ts';

export function parsed(input: RuleSetInput): RuleSet {
  const result = parseRuleSet(input);
  if (!result.ok)
    throw new Error(
      `rule set ${input.id} does not parse: ${result.issues.map((i) => i.path).join(', ')}`,
    );
  return result.value;
}

// A % figure is typed with its sign: the template formats those cells as percentages, where a
// bare 95.8 would be 9580 %.
const typed = (v: InputValue | undefined, unit: string | undefined): Cell => {
  if (v === undefined) return null;
  if (unit === '%' && v !== null && typeof v !== 'boolean') return `${v}%`;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v;
};

/**
 * The template's grids with `unit`'s values (overridden by `edits`, null = left blank) filled in;
 * carrying `edition` (the signed edition of `ruleSet`) when given, as `kaohe template` makes it.
 */
export function filledTemplate(
  ruleSet: RuleSet,
  unit: UnitInput,
  edits: Record<string, Cell> = {},
  edition?: EditionFile,
  /** What the assessing level prefilled (and signed): `buildTemplate`'s options. */
  prefilled: Pick<TemplateOptions, 'prefill' | 'prefillSignature'> = {},
): Template {
  const template = buildTemplate(
    ruleSet,
    {
      id: unit.id,
      name: unit.name,
      ...(unit.class ? { class: unit.class } : {}),
    },
    { ...(edition ? { edition } : {}), ...prefilled },
  );
  const data = template.sheets.find((s) => s.role === 'data');
  if (!data) throw new Error('template without a data sheet');
  const { columns, rows } = template.map.data;
  const units = new Map(ruleSet.inputs.map((i) => [i.id, i.unit]));
  for (const { id, row } of rows) {
    const line = data.values[row];
    if (!line) continue;
    line[columns.value] = id in edits ? (edits[id] ?? null) : typed(unit.values[id], units.get(id));
    const evidence = unit.evidence?.[id];
    if (evidence !== undefined)
      line[columns.evidence] = evidence === true ? '是' : evidence === false ? null : evidence;
  }
  return template;
}

/** The template as the ports read sheets: used ranges from A1, number formats all General. */
export function asGrids(template: Template, suffix = ''): SheetGrid[] {
  return template.sheets.map((s) => {
    const width = Math.max(...s.values.map((r) => r.length));
    const values = s.values.map((r) =>
      Array.from({ length: width }, (_, c) => (r[c] === undefined ? null : r[c])),
    );
    return {
      name: `${s.name}${suffix}`,
      top: 0,
      left: 0,
      values,
      numberFormats: values.map((r) => r.map(() => 'General')),
      ...(s.state ? { state: s.state } : {}),
    };
  });
}

/** The grids as a workbook open in the pane (browser mode), the scoring sheet active; each sheet
 *  shown as its grid says (visible when it does not say), its rows copied. */
export function memoryBook(grids: readonly SheetGrid[]): MemoryWorkbook {
  return {
    sheets: grids.map((g) => ({
      name: g.name,
      state: g.state ?? 'visible',
      values: g.values.map((r) => [...r]),
      numberFormats: g.numberFormats,
    })),
    active: SHEET_NAMES.scoring,
    charts: [],
    selection: null,
  };
}
