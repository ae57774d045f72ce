// 汇总 of parts (kaohe combine in the pane): the declaration read by the engine's
// parseCombination, each part's reviewed summary by @kaohe/sheet's readSummaryResults (its very
// hidden kaohe_results sheet), the composite by combineResults and laid out by compositeSheets —
// the CLI's functions, one each. The pane only matches the declared summaries to the files the
// user chose (by file name: a browser gives no folders) and writes the sheets.
import { combineResults, msgOf, parseCombination, type Msg } from '@kaohe/engine';
import { compositeSheets, readSummaryResults, type SummaryResults } from '@kaohe/sheet';
import { fromSheetIssue } from './kernel-problems.ts';
import { sheetWrite } from './kernel-summary.ts';
import type { CombinePlan, Outcome, Problem } from './kernel.types.ts';
import type { SheetGrid } from './workbook-port.ts';

/** A chosen file: its name and its sheets (decoded). */
export interface ChosenFile {
  name: string;
  grids: SheetGrid[];
}

const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

const problem = (
  sheet: string,
  message: Msg,
  code: Problem['code'] = 'summary-unusable',
): Problem => ({
  code,
  severity: 'error',
  sheet,
  address: null,
  message,
});

export function combinePlan(
  declaration: { name: string; text: string },
  files: readonly ChosenFile[],
): Outcome<CombinePlan> {
  let json: unknown;
  try {
    json = JSON.parse(declaration.text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      problems: [
        problem(
          declaration.name,
          {
            zh: `合成声明 ${declaration.name} 不是有效的JSON:${why}`,
            en: `the combination declaration ${declaration.name} is not JSON: ${why}`,
          },
          'invalid-value',
        ),
      ],
    };
  }
  const parsed = parseCombination(json);
  if (!parsed.ok)
    return {
      ok: false,
      problems: parsed.issues
        .filter((i) => i.severity === 'error')
        .map((i) => ({
          code: 'invalid-value' as const,
          severity: 'error' as const,
          sheet: declaration.name,
          address: null,
          message: {
            zh: `合成声明 ${declaration.name} ${i.path}:${i.message.zh}`,
            en: `combination declaration ${declaration.name} ${i.path}: ${i.message.en}`,
          },
        })),
    };
  const declared = parsed.value;
  const byName = new Map<string, ChosenFile[]>();
  for (const f of files) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
  const problems: Problem[] = [];
  const parts: SummaryResults[] = [];
  const used = new Set<string>();
  for (const p of declared.parts) {
    const label = msgOf(p.label);
    const name = baseName(p.summary);
    const found = byName.get(name) ?? [];
    used.add(name);
    if (found.length !== 1) {
      problems.push(
        problem(
          name,
          found.length === 0
            ? {
                zh: `组成部分「${label.zh}」的汇总表 ${p.summary} 没有选中:请一并选择该文件`,
                en: `the summary of part "${label.en}", ${p.summary}, was not chosen: choose it too`,
              }
            : {
                zh: `选中了 ${found.length} 个名为 ${name} 的文件,无法确定哪一个是组成部分「${label.zh}」的汇总表`,
                en: `${found.length} files named ${name} were chosen: which is the summary of part "${label.en}" cannot be told`,
              },
        ),
      );
      continue;
    }
    const read = readSummaryResults(found[0]!.grids);
    if (!read.ok) {
      problems.push(
        problem(name, {
          zh: `组成部分「${label.zh}」的汇总表 ${name} 无法使用`,
          en: `the summary of part "${label.en}", ${name}, cannot be used`,
        }),
        ...read.issues.map((i) => ({
          ...fromSheetIssue(i, { suffix: '', actual: new Map() }),
          message: { zh: `${name}:${i.message.zh}`, en: `${name}: ${i.message.en}` },
        })),
      );
      continue;
    }
    parts.push(read.value);
  }
  for (const f of files)
    if (!used.has(f.name))
      problems.push({
        ...problem(f.name, {
          zh: `${f.name} 不是合成声明列出的汇总表,未使用`,
          en: `${f.name} is not a summary the declaration lists; not used`,
        }),
        severity: 'warning',
      });
  if (problems.some((p) => p.severity === 'error')) return { ok: false, problems };
  const combined = combineResults(declared, parts);
  if (!combined.ok)
    return {
      ok: false,
      problems: [
        ...problems,
        ...combined.issues.map((i) =>
          problem(declaration.name, {
            zh: `${i.path}:${i.message.zh}`,
            en: `${i.path}: ${i.message.en}`,
          }),
        ),
      ],
    };
  const r = combined.value;
  const sheets = compositeSheets(r, declared);
  const first = sheets[0];
  if (!first) throw new Error('compositeSheets returned no sheet');
  return {
    ok: true,
    value: {
      title: r.title,
      year: r.year,
      outOf: r.outOf,
      parts: r.parts.map((p) => ({ label: p.label, weightShown: p.weightShown })),
      units: r.units.map((u) => ({
        rank: u.rank,
        unit: { id: u.unitId, name: u.name },
        value: u.value,
        grade: u.gradeLabel,
        vetoed: u.vetoed,
        noCommendation: u.noCommendation,
        notes: [...u.notComputed, ...u.carried.map((c) => c.reason), ...u.gradeNotes],
      })),
      issues: [...problems.map((p) => p.message), ...r.issues.map((i) => i.message)],
      sheet: first.name,
      sheets: sheets.map((s) => s.name),
      printable: sheets,
      writes: sheets.map(sheetWrite),
      layouts: sheets.map((s) => ({
        sheet: s.name,
        widths: s.widths,
        wrap: s.wrap,
        freezeRows: s.freeze?.rows ?? 0,
      })),
    },
  };
}
