// kaohe score <filled.xlsx> [--as self|review|final] [--out <file>] [--in-place]
import { basename, dirname, join, resolve } from 'node:path';
import type { Output } from '../../io/output.ts';
import {
  draftMark,
  draftMarkWords,
  embeddedEdition,
  prefillOk,
  resultProblems,
  scoringGate,
  verifyPrefill,
  workbookEdition,
  type Stage,
} from '@kaohe/sheet';
import { editionText } from '../../i18n/editions.ts';
import { trustIfAny } from '../../io/trust.ts';
import { CliError, type CommandStatus } from '../../errors.ts';
import { common } from '../../i18n/common.ts';
import { scoreText } from '../../i18n/score.ts';
import { writeAll, type PendingFile } from '../../io/files.ts';
import { freeName, refuseExisting } from '../../io/output-policy.ts';
import { resolveInput } from '../../io/paths.ts';
import { decodeWorkbook, readWorkbookFile } from '../../io/workbook.ts';
import { carriedOutFile, carriedSummary, readCarried } from '../../io/carried.ts';
import { printUnitResult } from './print.ts';
import { readGrids, scoreRead } from './score-workbook.ts';

export interface ScoreOptions {
  as: Stage;
  out?: string;
  inPlace?: boolean;
  force?: boolean;
  /** Score by rules that fail verification (drafts), saying so. */
  unsigned?: boolean;
  trust?: string;
  /** Carried-results files of other assessments (their review's --carried-out). */
  carried?: string[];
  /** Also write what this unit's sanctions carry into other schemes (carriedOut) to this file. */
  carriedOut?: string;
}

/** "x.xlsx" → "x" + suffix, in the input's folder (as typed, for messages). */
export function besideInput(shown: string, suffix: string): string {
  return join(dirname(shown), `${basename(shown).replace(/\.xlsx$/i, '')}${suffix}`);
}

export async function runScore(
  file: string,
  options: ScoreOptions,
  out: Output,
): Promise<CommandStatus> {
  if (options.inPlace && options.out !== undefined)
    throw new CliError('usage', scoreText.outWithInPlace);
  const inputPath = resolveInput(out, file);
  const outShown = options.inPlace ? file : (options.out ?? besideInput(file, '.scored.xlsx'));
  const outPath = resolveInput(out, outShown);
  if (!options.inPlace && resolve(outPath) === resolve(inputPath))
    throw new CliError('usage', scoreText.sameAsInput(outShown));

  const original = await readWorkbookFile(inputPath, file);
  const grids = await decodeWorkbook(original, file);
  // Who issued the rules inside, checked before anything in the workbook is parsed (signature,
  // digest, id/year/edition): rules that fail are never scored by, unless --unsigned.
  const trust = await trustIfAny(options.trust);
  const store = trust ?? { keys: [], revoked: [] };
  const texts = embeddedEdition(grids);
  if (!texts) {
    readGrids(grids, file); // no rules sheet: refused at its cell
    throw new Error('a workbook without its rules sheet was read');
  }
  const edition = workbookEdition(texts, store);
  // The decision is @kaohe/sheet's (the task pane makes the same one). No trust list at all:
  // nothing can be verified and nothing is refused for it (as in review); the output says the
  // signatures were not checked. With one, unsigned rules could be anyone's.
  const checked = trust !== undefined;
  const draftAsked = options.unsigned === true;
  const refused = (gate: ReturnType<typeof scoringGate>): never => {
    throw new CliError(
      'input-invalid',
      gate.decision !== 'official' && gate.failed === 'prefill'
        ? editionText.prefillRefused(file, gate.why)
        : gate.decision !== 'official' && gate.failed === 'meta'
          ? editionText.metaRefused(file, gate.why)
          : edition.status === 'unsigned'
            ? editionText.unsignedRefused(file, edition.message)
            : editionText.workbookRefused(file, edition.message),
    );
  };
  const early = scoringGate(edition, { checked, draft: draftAsked });
  if (early.decision === 'refused') refused(early);
  const read = readGrids(grids, file);
  // The unit's targets and baselines as the issuer signed them.
  const prefill = verifyPrefill(read.read, store);
  // A rules sheet made visible is refused too, as verify fails it (LibreOffice's hidden is none).
  const gate = scoringGate(edition, {
    checked,
    draft: draftAsked,
    prefill,
    ...(read.read.metaUnhidden ? { metaUnhidden: read.read.map.meta.sheet } : {}),
  });
  if (gate.decision === 'refused') refused(gate);
  const prefillBad = !prefillOk(prefill);
  // Scored under --unsigned: the sheet itself says so, where everyone sees it.
  // The mark says what failed: the rules, or only the prefilled figures.
  const draft =
    gate.decision === 'draft' && gate.forced && gate.failed
      ? {
          failed: gate.failed,
          write: draftMark(grids, read.read.map, { failed: gate.failed, why: gate.why }),
        }
      : undefined;
  const carried = await readCarried(
    (options.carried ?? []).map((f) => ({ path: resolveInput(out, f), shown: f })),
  );
  const scored = await scoreRead(
    original,
    read,
    file,
    options.as,
    draft?.write ? [draft.write] : [],
    carried,
  );
  const files: PendingFile[] = [];
  if (options.inPlace) {
    // Never over an earlier backup: x.bak.xlsx, then x.bak-2.xlsx, …
    const backup = await freeName(
      (n) => besideInput(file, n === 1 ? '.bak.xlsx' : `.bak-${n}.xlsx`),
      (shown) => resolveInput(out, shown),
    );
    files.push({ path: resolveInput(out, backup), shown: backup, data: original });
  }
  const target: PendingFile = { path: outPath, shown: outShown, data: scored.bytes };
  // --in-place rewrites the input on purpose; any other output that exists needs --force.
  if (!options.inPlace) await refuseExisting([target], options.force);
  files.push(target);
  const carriedOut = options.carriedOut
    ? carriedOutFile(scored.read.ruleSet, [scored.result], {
        path: resolveInput(out, options.carriedOut),
        shown: options.carriedOut,
      })
    : undefined;
  if (carriedOut) {
    await refuseExisting([carriedOut.file], options.force);
    files.push(carriedOut.file);
  }
  await writeAll(files);

  printUnitResult(scored.result, options.as, scored.warnings, out, scored.read);
  for (const n of scored.carriedNotes) out.line(n);
  if (carriedOut) {
    out.line(carriedSummary(carriedOut.record));
    out.note(common.wrote(carriedOut.file.shown));
  }
  if (!trust && edition.status !== 'unsigned') out.note(editionText.notChecked);
  else if (edition.status === 'trusted') out.line(edition.message);
  // A draft is said on screen whenever a trust list is set (its rules could be anyone's).
  else if (edition.status === 'unsigned' && trust)
    out.line(editionText.unsignedWithTrust(edition.message));
  else if (edition.status === 'unsigned') out.note(edition.message);
  else out.line(editionText.workbookUnverified(edition.message));
  if (prefill.status !== 'none' && trust)
    out.line(prefillBad ? editionText.prefillUnverified(prefill.message) : prefill.message);
  if (draft?.write)
    out.line(editionText.draftMarked(draft.write.sheet, draftMarkWords(draft.failed)));
  if (options.inPlace) out.note(scoreText.backup(files[0]?.shown ?? ''));
  out.note(common.wrote(outShown));
  out.result({
    command: 'score',
    file,
    out: outShown,
    backup: options.inPlace ? files[0]?.shown : undefined,
    as: options.as,
    result: scored.result,
    warnings: scored.warnings,
    problems: resultProblems(scored.result, scored.read),
    edition: {
      status: edition.status,
      message: edition.message,
      ...('signer' in edition && edition.signer ? { fingerprint: edition.signer.fingerprint } : {}),
    },
    prefill: { status: prefill.status, message: prefill.message, changes: prefill.changes },
    draft: draft?.write !== undefined,
  });
  return scored.result.complete ? 'ok' : 'findings';
}
