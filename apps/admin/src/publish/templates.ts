// The unit templates for a roster as one .zip, made in the browser: the same workbook
// `kaohe template` writes (@kaohe/sheet's buildTemplate, @kaohe/xlsx's writer), one per unit,
// prefilled with what a roster workbook gives (assigned targets, last year's figures).
// Loaded only when asked for: ExcelJS and JSZip stay out of the first load.
import type { Msg, RuleSet } from '@kaohe/engine';
import {
  buildTemplate,
  readRoster,
  workbookFileName,
  type EditionFile,
  type Prefill,
  type UnitIdentity,
} from '@kaohe/sheet';
import { readWorkbook, writeTemplateWorkbook } from '@kaohe/xlsx';
import JSZip from 'jszip';

export type RosterEntry = UnitIdentity & { prefill?: Prefill };

export async function templatesZip(
  ruleSet: RuleSet,
  units: readonly RosterEntry[],
  edition?: EditionFile,
): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const { prefill, ...unit } of units)
    zip.file(
      workbookFileName(unit.name),
      await writeTemplateWorkbook(
        buildTemplate(ruleSet, unit, {
          ...(edition ? { edition } : {}),
          ...(prefill ? { prefill } : {}),
        }),
      ),
    );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A roster workbook (考核单位名单: 单位代码, 单位名称, 单位类别, figures to prefill), read by
 *  @kaohe/sheet's readRoster against the rules published. Any error: the roster is refused,
 *  its first error named at its cell (file first); nothing is dropped silently. */
export async function rosterFromWorkbook(
  bytes: Uint8Array,
  fileName: string,
  ruleSet: RuleSet,
): Promise<{ ok: true; units: RosterEntry[] } | { ok: false; message: Msg }> {
  const grids = await readWorkbook(bytes);
  const grid = grids.sheets.find((s) => s.values.length > 0) ?? grids.sheets[0];
  if (!grid)
    return {
      ok: false,
      message: { zh: `${fileName} 中没有工作表`, en: `${fileName} has no sheet` },
    };
  const read = readRoster(grid, ruleSet, undefined);
  const error = read.issues.find((i) => i.severity === 'error');
  if (error)
    return {
      ok: false,
      message: {
        zh: `${fileName} ${error.address}:${error.message.zh}`,
        en: `${fileName} ${error.address}: ${error.message.en}`,
      },
    };
  return {
    ok: true,
    units: read.units.map((u) => ({
      id: u.id,
      name: u.name,
      ...(u.class ? { class: u.class } : {}),
      prefill: u.prefill,
    })),
  };
}
