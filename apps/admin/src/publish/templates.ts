// The unit templates for a roster as one .zip, made in the browser: the same workbook
// `kaohe template` writes (@kaohe/sheet's buildTemplate, @kaohe/xlsx's writer), one per unit.
// Loaded only when asked for: ExcelJS and JSZip stay out of the first load.
import type { RuleSet } from '@kaohe/engine';
import { buildTemplate, workbookFileName, type EditionFile, type UnitIdentity } from '@kaohe/sheet';
import { writeTemplateWorkbook } from '@kaohe/xlsx';
import JSZip from 'jszip';

export async function templatesZip(
  ruleSet: RuleSet,
  units: readonly UnitIdentity[],
  edition?: EditionFile,
): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const unit of units)
    zip.file(
      workbookFileName(unit.name),
      await writeTemplateWorkbook(buildTemplate(ruleSet, unit, edition ? { edition } : {})),
    );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
