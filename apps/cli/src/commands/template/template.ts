// kaohe template <rules.json> --unit <name> [--unit …] --out <file|dir>: one workbook per unit.
import { basename, join } from 'node:path';
import { msgOf } from '@kaohe/engine';
import { buildTemplate } from '@kaohe/sheet';
import { writeTemplateWorkbook } from '@kaohe/xlsx';
import { CliError, type CommandStatus } from '../../errors.ts';
import { common } from '../../i18n/common.ts';
import { templateText } from '../../i18n/template.ts';
import { writeAll, type PendingFile } from '../../io/files.ts';
import type { Output } from '../../io/output.ts';
import { exists, refuseExisting } from '../../io/output-policy.ts';
import { resolveInput } from '../../io/paths.ts';
import { loadRuleSet, type LoadedRuleSet } from '../../io/rule-set.ts';
import { fileNameFor, parseUnitSpecs } from './units.ts';
import { carriedFor, carriedPrefill, readCarried, type CarriedForUnits } from '../../io/carried.ts';

export interface TemplateOptions {
  unit: string[];
  out: string;
  force?: boolean;
  /** The trust list for a published edition given as the rules. */
  trust?: string;
  /** Carried-results files of other assessments: their values prefilled and locked. */
  carried?: string[];
}

/** Workbooks for the units, in memory: nothing is written here. */
export async function templateFiles(
  loaded: LoadedRuleSet,
  specs: readonly string[],
  outPath: string,
  outShown: string,
  carried?: CarriedForUnits,
): Promise<PendingFile[]> {
  const units = parseUnitSpecs(specs, loaded.ruleSet);
  const asFile = /\.xlsx$/i.test(outPath) && (await exists(outPath)) !== 'dir';
  if (asFile && units.length > 1)
    throw new CliError('usage', templateText.outFileForMany(outShown, units.length));
  const files: PendingFile[] = [];
  for (const unit of units) {
    const data = await writeTemplateWorkbook(
      buildTemplate(loaded.ruleSet, unit, {
        ...(loaded.edition ? { edition: loaded.edition } : {}),
        ...carriedPrefill(carried, unit.id),
      }),
    );
    const path = asFile ? outPath : join(outPath, fileNameFor(unit.name));
    const shown = asFile ? outShown : join(outShown, basename(path));
    files.push({ path, shown, data });
  }
  return files;
}

export async function runTemplate(
  rulesFile: string,
  options: TemplateOptions,
  out: Output,
): Promise<CommandStatus> {
  const loaded = await loadRuleSet(resolveInput(out, rulesFile), rulesFile, options.trust);
  const sent = await readCarried(
    (options.carried ?? []).map((f) => ({ path: resolveInput(out, f), shown: f })),
  );
  const files = await templateFiles(
    loaded,
    options.unit,
    resolveInput(out, options.out),
    options.out,
    sent.length ? carriedFor(sent, loaded.ruleSet) : undefined,
  );
  await refuseExisting(files, options.force);
  await writeAll(files);
  out.line(templateText.made(files.length, out.text(msgOf(loaded.ruleSet.title))));
  for (const f of files) out.line(`  ${out.text(common.wrote(f.shown))}`);
  out.result({
    command: 'template',
    ruleSet: { id: loaded.ruleSet.id, edition: loaded.ruleSet.edition },
    files: files.map((f) => f.shown),
  });
  return 'ok';
}
