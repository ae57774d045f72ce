// kaohe combine <combination.json> --out <composite.xlsx> [--force]
// The declaration names each part's review summary (relative to its own folder), its weight and
// what carries; the parts' results are read from their summaries' kaohe_results sheet, combined
// by the engine (combineResults) and laid out by the codec (compositeSheets).
import { dirname, resolve } from 'node:path';
import {
  combineResults,
  msgOf,
  parseCombination,
  type Combination,
  type CompositeResult,
  type Issue,
  type Msg,
} from '@kaohe/engine';
import { compositeSheets, readSummaryResults, type SummaryResults } from '@kaohe/sheet';
import { CliError, type CommandStatus, type ErrorDetail } from '../../errors.ts';
import { common } from '../../i18n/common.ts';
import { combineText as T } from '../../i18n/combine.ts';
import { readJson, writeAll } from '../../io/files.ts';
import type { Output } from '../../io/output.ts';
import { refuseExisting } from '../../io/output-policy.ts';
import { resolveInput } from '../../io/paths.ts';
import { readSummaryFile } from '../../io/summary.ts';
import { encodeSummary } from '../../io/workbook.ts';
import { formatTable } from '../../report/table.ts';

export interface CombineOptions {
  out: string;
  force?: boolean;
}

const detail = (i: Issue): ErrorDetail => ({ code: i.code, where: i.path, message: i.message });

/** The declaration, checked: errors at their paths. */
async function loadDeclaration(path: string, shown: string): Promise<Combination> {
  const parsed = parseCombination(await readJson(path, shown));
  if (!parsed.ok) {
    const errors = parsed.issues.filter((i) => i.severity === 'error');
    throw new CliError(
      'input-invalid',
      T.declarationInvalid(shown, errors.length),
      errors.map(detail),
    );
  }
  return parsed.value;
}

/** A part's summary read back: its results, or an input error naming the file and the cell. */
const loadPart = (path: string, shown: string, label: Msg): Promise<SummaryResults> =>
  readSummaryFile(path, shown, readSummaryResults, T.partUnusable(label.zh, shown));

function printComposite(r: CompositeResult, out: Output): void {
  const parts = r.parts.map((p) => `${out.text(p.label)} ${p.weightShown}`).join(' + ');
  out.line(T.heading(out.text(r.title), r.year, parts, r.units.length));
  out.line('');
  const graded = r.grades !== null;
  const c = T.columns;
  out.line(
    formatTable(
      [
        { header: out.text(c.rank), align: 'right' },
        { header: out.text(c.unit) },
        { header: out.text(c.composite), align: 'right' },
        ...(graded ? [{ header: out.text(c.grade) }] : []),
        { header: out.text(c.notes) },
      ],
      r.units.map((u) => [
        // Tied units marked =1, as kaohe review's ranking marks them.
        u.rank === null ? '—' : u.tied ? `=${u.rank}` : String(u.rank),
        u.name,
        u.value ?? out.text(T.notComputedCell),
        ...(graded ? [u.gradeLabel ? out.text(u.gradeLabel) : ''] : []),
        [
          ...(u.vetoed ? [out.text(T.vetoed)] : []),
          ...(u.noCommendation ? [out.text(T.noCommendation)] : []),
        ].join(out.lang === 'zh' ? '、' : ', '),
      ]),
    ),
  );
  out.line('');
  for (const u of r.units) {
    for (const m of u.notComputed) out.line(T.notComputed(m));
    for (const m of u.carried) out.line(`${u.name}:${out.text(m.reason)}`);
  }
  for (const i of r.issues) out.line(i.message);
  out.line(T.count(r.units.filter((u) => u.value === null).length));
}

export async function runCombine(
  file: string,
  options: CombineOptions,
  out: Output,
): Promise<CommandStatus> {
  const declPath = resolveInput(out, file);
  const target = { path: resolveInput(out, options.out), shown: options.out, data: '' };
  const declared = await loadDeclaration(declPath, file);
  const base = dirname(declPath);
  const partFiles = declared.parts.map((p) => ({
    path: resolve(base, p.summary),
    shown: p.summary,
    label: msgOf(p.label),
  }));
  const clash = partFiles.find((p) => p.path === target.path);
  if (clash) throw new CliError('usage', T.outIsPart(clash.shown));
  await refuseExisting([target], options.force);

  const parts: SummaryResults[] = [];
  for (const p of partFiles) parts.push(await loadPart(p.path, p.shown, p.label));
  const combined = combineResults(declared, parts);
  if (!combined.ok)
    throw new CliError(
      'input-invalid',
      T.refused(file, combined.issues.length),
      combined.issues.map(detail),
    );
  const r = combined.value;
  const sheets = compositeSheets(r, declared);
  await writeAll([{ ...target, data: await encodeSummary(sheets) }]);

  printComposite(r, out);
  out.note(common.wrote(options.out));
  out.result({
    command: 'combine',
    out: options.out,
    title: r.title,
    year: r.year,
    outOf: r.outOf,
    parts: r.parts,
    units: r.units,
    grades: r.grades,
    issues: r.issues,
  });
  return r.units.some((u) => u.value === null) ? 'findings' : 'ok';
}
