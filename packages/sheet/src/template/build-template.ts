// Rule set + unit → the workbook's grids and the layout hints for styling.
import { compileRuleSet, type CertificationRecord, type RuleSet } from '@kaohe/engine';
import { historyJson } from '../certification/history.ts';
import { canonicalRuleSet, ruleSetChecksum } from '../checksum.ts';
import { SHEET_NAMES } from '../labels.ts';
import type { Template } from '../types.ts';
import { buildDataSheet, type Prefill } from './data-sheet.ts';
import type { EditionFile } from '../editions/edition.ts';
import { buildMetaSheet } from './meta-sheet.ts';
import { placeLists } from './lists.ts';
import { buildScoringSheet, type UnitIdentity } from './scoring-sheet.ts';

export interface TemplateOptions {
  /** Sheet names; the defaults are 考核评分, 基础数据 and kaohe_meta. */
  sheetNames?: Partial<Record<'scoring' | 'data' | 'meta', string>>;
  /** Figures filled in before the sheet goes out (assigned targets are then locked). */
  prefill?: Prefill;
  /** The signed edition these rules were published as: its envelope goes into the meta sheet,
   *  so whoever opens the workbook can check who issued the rules inside. */
  edition?: EditionFile;
  /** The unit's certification records so far (a re-assessment's workbook carries them): written
   *  into the meta sheet's `history` rows, read back by `readSheet` as `history`. */
  history?: readonly CertificationRecord[];
}

/**
 * Builds the assessment workbook for one unit (or a blank one when `unit` is absent: the
 * unit's name and id are then cells to fill). `ruleSet` is a parsed rule set.
 */
export function buildTemplate(
  ruleSet: RuleSet,
  unit?: UnitIdentity,
  options: TemplateOptions = {},
): Template {
  const names = { ...SHEET_NAMES, ...options.sheetNames };
  const compiled = compileRuleSet(ruleSet);
  const json = canonicalRuleSet(ruleSet);
  if (options.edition && options.edition.ruleSet !== json)
    throw new Error('buildTemplate: the edition signs other rules than the ones given');
  const strange = options.history?.find(
    (r) => r.ruleSetId !== ruleSet.id || unit === undefined || r.unitId !== unit.id,
  );
  if (strange)
    throw new Error(
      `buildTemplate: a history record of ${strange.unitId} under ${strange.ruleSetId} is not this unit's`,
    );
  const checksum = ruleSetChecksum(ruleSet);
  const scoring = buildScoringSheet(names.scoring, ruleSet, compiled, unit, checksum);
  const data = buildDataSheet(names.data, ruleSet, compiled, unit?.name, options.prefill);
  const meta = buildMetaSheet(
    names.meta,
    {
      ruleSetId: ruleSet.id,
      edition: ruleSet.edition,
      checksum,
      scoringSheet: names.scoring,
      dataSheet: names.data,
    },
    json,
    options.edition && JSON.stringify(options.edition.envelope),
    options.history && options.history.length > 0 ? historyJson(options.history) : undefined,
  );
  placeLists([scoring.layout, data.layout], meta);
  return {
    sheets: [scoring.layout, data.layout, meta],
    map: { scoring: scoring.map, data: data.map, meta: { sheet: names.meta } },
    checksum,
  };
}
