// What the reviewer holds besides the returned files: the roster (--roster), the results carried
// in from another scheme (--carried), the previous period's summary for the counts carried
// across periods (--counters) and a certification's previous summary (--history). Read
// here; what they decide (the record wins, each difference flagged) is @kaohe/sheet's.
import { msgOf, type CertificationRecord, type RuleSet } from '@kaohe/engine';
import type { ReviewerRecord } from '@kaohe/sheet';
import { CliError } from '../../errors.ts';
import { reviewText } from '../../i18n/review.ts';
import { rosterText } from '../../i18n/roster.ts';
import { carriedFor, readCarried } from '../../io/carried.ts';
import type { Output } from '../../io/output.ts';
import { resolveInput } from '../../io/paths.ts';
import { readRosterFile } from '../../io/roster.ts';
import { loadHistory } from '../template/history.ts';
import { readCounters } from '../template/counters.ts';

export interface RecordOptions {
  roster?: string;
  carried?: string[];
  history?: string;
  counters?: string;
}

/** The roster and the carried results, read and checked; undefined when neither is given. A
 *  roster with an error is refused, every error at its cell (as `kaohe roster check`). */
export async function loadRecord(
  ruleSet: RuleSet,
  options: RecordOptions,
  out: Output,
): Promise<ReviewerRecord | undefined> {
  const record: ReviewerRecord = {};
  if (options.roster !== undefined) {
    const { read, notes } = await readRosterFile(
      resolveInput(out, options.roster),
      options.roster,
      ruleSet,
    );
    for (const n of notes) out.note(n);
    const errors = read.issues.filter((i) => i.severity === 'error');
    if (errors.length > 0)
      throw new CliError(
        'input-invalid',
        rosterText.refused(options.roster, errors.length),
        errors.map((i) => ({ code: i.code, where: i.address, message: i.message })),
      );
    record.roster = read;
    out.note(reviewText.rosterRead(options.roster, read.units.length));
  }
  const sent = await readCarried(
    (options.carried ?? []).map((f) => ({ path: resolveInput(out, f), shown: f })),
  );
  if (sent.length > 0) {
    const { issues, ...carried } = carriedFor(sent, ruleSet);
    for (const i of issues) out.note(i.message);
    record.carried = carried;
    out.note(
      reviewText.carriedRead(
        carried.units.size,
        ruleSet.inputs
          .filter((d) => carried.inputs.includes(d.id))
          .map((d) => `「${out.text(msgOf(d.label))}」`)
          .join('、'),
      ),
    );
  }
  if (options.counters !== undefined) {
    const units = await readCounters(
      resolveInput(out, options.counters),
      options.counters,
      ruleSet,
    );
    record.counters = { file: options.counters, units };
    out.note(reviewText.countersRead(options.counters, units.size));
  }
  return record.roster || record.carried || record.counters ? record : undefined;
}

/** A certification's earlier records from the reviewer's previous summary (--history). */
export async function loadReviewHistory(
  ruleSet: RuleSet,
  file: string | undefined,
  out: Output,
): Promise<Map<string, CertificationRecord[]> | undefined> {
  return file === undefined ? undefined : loadHistory(resolveInput(out, file), file, ruleSet);
}
