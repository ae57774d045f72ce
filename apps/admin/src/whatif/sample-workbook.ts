// For the tests: a unit's workbook of baotou-2012 as sent down and filled in — built by
// @kaohe/sheet's template code and @kaohe/xlsx's writer, the figures written through the codec's
// map (fillWrites), as `kaohe demo` fills them.
import { parseRuleSet, type RuleSet, type UnitInput } from '@kaohe/engine';
import { baotou2012, baotou2012SampleUnits } from '@kaohe/rulesets';
import { a1, buildTemplate, cellRef, fillWrites, type RangeWrite } from '@kaohe/sheet';
import { applyWrites, writeTemplateWorkbook } from '@kaohe/xlsx';

export const base = (): RuleSet => {
  const r = parseRuleSet(baotou2012);
  if (!r.ok) throw new Error('baotou-2012 does not parse');
  return r.value;
};

export const sample = baotou2012SampleUnits[1]!; // 青山区: exactly on the boundaries (8 ‰ among them)

/** The unit's workbook as sent down (last edition) and filled in with its figures; `extra`
 *  writes after the figures (what a unit might type instead). */
export async function filled(
  extra: (t: ReturnType<typeof buildTemplate>) => RangeWrite[] = () => [],
  unit: UnitInput = sample,
) {
  const rules = base();
  const template = buildTemplate(rules, { id: unit.id, name: unit.name });
  const blank = await writeTemplateWorkbook(template);
  return applyWrites(blank, [...fillWrites(rules, template.map.data, unit), ...extra(template)]);
}

/** The unit's workbook filled in, then `typed` written into the value cells of those inputs
 *  (what a unit might type instead: '' leaves a figure blank); `cells`: each one's address. */
export async function typedInto(
  typed: Record<string, string>,
  unit: UnitInput = sample,
): Promise<{ bytes: Uint8Array; cells: Record<string, string> }> {
  const cells: Record<string, string> = {};
  const bytes = await filled(
    (t) =>
      Object.entries(typed).map(([id, text]) => {
        const row = t.map.data.rows.find((r) => r.id === id)?.row;
        if (row === undefined) throw new Error(`no input ${id} on the sheet`);
        cells[id] = cellRef(t.map.data.sheet, row, t.map.data.columns.value);
        return {
          sheet: t.map.data.sheet,
          address: a1(row, t.map.data.columns.value),
          values: [[text]],
        };
      }),
    unit,
  );
  return { bytes, cells };
}

export const ab = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
