// Rule set + unit → the workbook's grids and the layout hints for styling.
import {
  compileRuleSet,
  type CertificationRecord,
  type PeriodCounts,
  type RuleSet,
} from '@kaohe/engine';
import { historyJson } from '../certification/history.ts';
import { countersJson, unknownCounters } from '../read/counters.ts';
import { canonicalRuleSet, ruleSetChecksum } from '../checksum.ts';
import { META_CHUNK, SHEET_NAMES } from '../labels.ts';
import type { Template } from '../types.ts';
import { buildDataSheet, type Prefill } from './data-sheet.ts';
import { statementHash, type EditionFile, type Envelope } from '../editions/edition.ts';
import { prefillStatementOf } from '../editions/prefill.ts';
import canonicalize from 'canonicalize';
import { buildMetaSheet } from './meta-sheet.ts';
import { buildCasesSheet } from '../cases/case-table.ts';
import { placeLists } from './lists.ts';
import { buildScoringSheet, type UnitIdentity } from './scoring-sheet.ts';

export interface TemplateOptions {
  /** Sheet names; the defaults are 考核评分, 基础数据 and kaohe_meta. */
  sheetNames?: Partial<Record<'scoring' | 'data' | 'meta' | 'cases', string>>;
  /** Figures filled in before the sheet goes out (assigned targets are then locked). */
  prefill?: Prefill;
  /** The signed edition these rules were published as: its envelope goes into the meta sheet,
   *  so whoever opens the workbook can check who issued the rules inside. */
  edition?: EditionFile;
  /** The unit's prefill signed by the issuer (`signPrefill`): it must sign exactly `prefill`,
   *  `counters` and `history`, this unit and `edition`; it goes into the meta sheet, so a changed target is caught. */
  prefillSignature?: Envelope;
  /** The unit's certification records so far (a re-assessment's workbook carries them): written
   *  into the meta sheet's `history` rows, read back by `readSheet` as `history`. */
  history?: readonly CertificationRecord[];
  /** The unit's counts of the periods before (the previous period's summary): written into the
   *  meta sheet's `counters` rows, read back by `readSheet` as the unit's `counters`. */
  counters?: Readonly<Record<string, PeriodCounts>>;
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
  if (options.prefillSignature) {
    const st = prefillStatementOf(options.prefillSignature);
    const said = (x: unknown): string | undefined => canonicalize(x);
    const ok =
      st !== undefined &&
      options.edition !== undefined &&
      st.edition === statementHash(options.edition) &&
      said(st.unit) ===
        said({ id: unit?.id, name: unit?.name, ...(unit?.class ? { class: unit.class } : {}) }) &&
      said(st.values) === said(options.prefill?.values ?? {}) &&
      said(st.previous) === said(options.prefill?.previous ?? {}) &&
      said(st.counters) === said(options.counters) &&
      said(st.history ?? []) === said(options.history ?? []);
    if (!ok)
      throw new Error(
        'buildTemplate: the prefill signature signs another unit, edition, figures, counts or history',
      );
    // One cell of the meta sheet holds it: Excel cuts a cell at 32,767 characters.
    if (JSON.stringify(options.prefillSignature).length > META_CHUNK)
      throw new Error('buildTemplate: the signed prefill is too long for one cell');
  }
  const strange = options.history?.find(
    (r) => r.ruleSetId !== ruleSet.id || unit === undefined || r.unitId !== unit.id,
  );
  if (strange)
    throw new Error(
      `buildTemplate: a history record of ${strange.unitId} under ${strange.ruleSetId} is not this unit's`,
    );
  const strangeCounters = options.counters ? unknownCounters(options.counters, ruleSet) : [];
  if (strangeCounters.length > 0)
    throw new Error(`buildTemplate: the rules declare no counter ${strangeCounters.join(', ')}`);
  const checksum = ruleSetChecksum(ruleSet);
  const scoring = buildScoringSheet(names.scoring, ruleSet, compiled, unit, checksum);
  const data = buildDataSheet(names.data, ruleSet, compiled, unit?.name, options.prefill);
  const cases = buildCasesSheet(names.cases, ruleSet, unit?.name);
  const meta = buildMetaSheet(
    names.meta,
    {
      ruleSetId: ruleSet.id,
      edition: ruleSet.edition,
      checksum,
      scoringSheet: names.scoring,
      dataSheet: names.data,
      ...(cases ? { casesSheet: names.cases } : {}),
    },
    json,
    options.edition && JSON.stringify(options.edition.envelope),
    options.prefillSignature && JSON.stringify(options.prefillSignature),
    options.history && options.history.length > 0 ? historyJson(options.history) : undefined,
    options.counters ? countersJson(options.counters) : undefined,
  );
  placeLists(
    cases ? [scoring.layout, data.layout, cases.layout] : [scoring.layout, data.layout],
    meta,
  );
  return {
    sheets: cases
      ? [scoring.layout, data.layout, cases.layout, meta]
      : [scoring.layout, data.layout, meta],
    map: {
      scoring: scoring.map,
      data: data.map,
      meta: { sheet: names.meta },
      ...(cases ? { cases: cases.map } : {}),
    },
    checksum,
  };
}
