// Sheet issues (cell address + message) → the CLI's error, naming the file and each cell.
import type { SheetIssue } from '@kaohe/sheet';
import { CliError, type ErrorDetail } from '../errors.ts';
import { workbookText } from '../i18n/workbook.ts';

function sheetDetail(issue: SheetIssue): ErrorDetail {
  return { code: issue.code, where: issue.address, message: issue.message };
}

/** readSheet failed: another rule set, or a workbook that is not (or no longer) a Kaohe sheet. */
export function sheetFailure(shown: string, issues: readonly SheetIssue[]): CliError {
  const errors = issues.filter((i) => i.severity === 'error');
  const details = (errors.length ? errors : issues).map(sheetDetail);
  if (errors.some((i) => i.code === 'ruleset-mismatch'))
    return new CliError('wrong-rule-set', workbookText.otherRuleSet(shown), details);
  return new CliError('input-corrupt', workbookText.notKaohe(shown), details);
}
