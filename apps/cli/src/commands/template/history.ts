// `kaohe template --history <summary.xlsx>`: the units' certification records from the previous
// review's summary (its kaohe_certification sheet), carried into their new workbooks.
import { msgOf, type CertificationRecord, type RuleSet } from '@kaohe/engine';
import { readCertificationRecords } from '@kaohe/sheet';
import { CliError } from '../../errors.ts';
import { certificationText as T } from '../../i18n/certification.ts';
import { readSummaryFile } from '../../io/summary.ts';

/** Every unit's records in the summary, by unit id; records that do not parse: an input error at
 *  their cell. */
export async function loadHistory(
  path: string,
  shown: string,
  ruleSet: RuleSet,
): Promise<Map<string, CertificationRecord[]>> {
  if (ruleSet.kind !== 'certification')
    throw new CliError('usage', T.historyNotCertification(msgOf(ruleSet.title).zh));
  return readSummaryFile(
    path,
    shown,
    (grids) => readCertificationRecords(grids, ruleSet),
    T.historyUnusable(shown),
  );
}
