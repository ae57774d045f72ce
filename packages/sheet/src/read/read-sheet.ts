// Grids of a filled workbook → the unit's inputs for the engine, the rule set they were filled
// against, and where everything is (for planWrites). All or nothing: any error, no value.
import type {
  CaseRecord,
  CertificationRecord,
  InputValue,
  RuleSet,
  UnitInput,
} from '@kaohe/engine';
import { parseHistory } from '../certification/history.ts';
import { parseCounters } from './counters.ts';
import { sheetError, sheetWarning } from '../issue.ts';
import { ruleSetChecksum } from '../checksum.ts';
import { rowKeys } from '../template/row-keys.ts';
import type { SheetGrid, SheetIssue, SheetMap, SheetResult } from '../types.ts';
import { readData, type DataRead } from './read-data.ts';
import { casesInputs, readCases, type CasesRead } from '../cases/case-table.ts';
import { cellRef } from '../a1.ts';
import { zh } from '../units.ts';
import { readMeta } from './read-meta.ts';
import { readScoring, type Reported } from './read-scoring.ts';

export interface ReadOptions {
  /** The reviewer's own rule set: the sheet must be of the same id; if its checksum differs
   *  the reviewer's rules are used and a `rules-differ` warning says so. */
  ruleSet?: RuleSet;
  /** Meta sheet name, when not the default. */
  metaSheet?: string;
  /**
   * With `ruleSet`: 'reviewer-wins' reads a sheet whose embedded rules were altered (edited behind
   * their checksum, damaged, invalid) by the reviewer's rules, as long as its rule-set id and item
   * rows match them, with a `rules-altered` warning at the meta cell. Default 'strict': an error.
   */
  embedded?: 'strict' | 'reviewer-wins';
}

export interface SheetRead {
  unit: UnitInput;
  /** The rules to score by: the reviewer's when given, else the embedded ones. */
  ruleSet: RuleSet;
  /** Checksum of the rules embedded in the workbook. */
  embeddedChecksum: string;
  /** The embedded rules as read (absent when they were altered behind their checksum or damaged). */
  embeddedRules?: RuleSet;
  rulesDiffer: boolean;
  /** The embedded rules were altered (only with `embedded: 'reviewer-wins'`); implies rulesDiffer. */
  rulesAltered: boolean;
  map: SheetMap;
  reported: Reported;
  previous: Record<string, InputValue>;
  /** The embedded rules' text and signature, for `workbookEdition`. */
  embeddedText: string;
  embeddedSignature?: string;
  /** The unit's signed prefill envelope, for `verifyPrefill`. */
  embeddedPrefill?: string;
  /** The cells of the edition's signature and of the signed prefill, when the workbook has them. */
  signatureAt?: string;
  prefillAt?: string;
  /** The rules sheet was made visible (a very hidden sheet is unhidden only on purpose). */
  metaUnhidden: boolean;
  /** The unit's earlier certification records carried in the meta sheet (empty: none), and the
   *  cell they start at. */
  history: CertificationRecord[];
  historyAt?: string;
  /** The cell the counts of the periods before (unit.counters) start at, when carried. */
  countersAt?: string;
}

export function readSheet(
  grids: readonly SheetGrid[],
  options: ReadOptions = {},
): SheetResult<SheetRead> {
  const lenient = options.embedded === 'reviewer-wins' && options.ruleSet !== undefined;
  const meta = readMeta(grids, options.metaSheet, options.ruleSet, lenient);
  if (!meta.ok) return meta;
  const warnings: SheetIssue[] = [...meta.warnings];
  const altered = meta.value.altered;
  // Altered rules cannot say which rows were filled: the reviewer's (same id) stand in for them.
  const embedded = meta.value.ruleSet ?? options.ruleSet;
  if (!embedded) throw new Error('readMeta gave neither rules nor a strict error');
  let ruleSet = embedded;
  let rulesDiffer = false;
  if (options.ruleSet) {
    const at = `${meta.value.sheet}!B2`;
    const id = meta.value.ruleSet?.id ?? meta.value.ruleSetId;
    if (options.ruleSet.id !== id) {
      return { ok: false, issues: [sheetError('ruleset-mismatch', at, [id, options.ruleSet.id])] };
    }
    const theirs = ruleSetChecksum(options.ruleSet);
    if (altered) {
      warnings.push(altered);
      ruleSet = options.ruleSet;
      rulesDiffer = true;
    } else if (theirs !== meta.value.checksum) {
      warnings.push(
        sheetWarning('rules-differ', `${meta.value.sheet}!B4`, [meta.value.checksum, theirs]),
      );
      ruleSet = options.ruleSet;
      rulesDiffer = true;
    }
  }
  const scoringSheet = grids.find((g) => g.name === meta.value.scoringSheet);
  const dataSheet = grids.find((g) => g.name === meta.value.dataSheet);
  const missing = [
    ...(scoringSheet
      ? []
      : [sheetError('sheet-missing', `${meta.value.scoringSheet}!A1`, [meta.value.scoringSheet])]),
    ...(dataSheet
      ? []
      : [sheetError('sheet-missing', `${meta.value.dataSheet}!A1`, [meta.value.dataSheet])]),
  ];
  if (!scoringSheet || !dataSheet) return { ok: false, issues: missing };

  // The rows are those of the embedded rules: that is what the official filled.
  // Altered rules: the header's edition and checksum are not compared (the warning covers them).
  const scoring = readScoring(
    scoringSheet,
    embedded,
    altered ? undefined : meta.value.checksum,
    rowKeys(embedded),
  );
  const data = readData(dataSheet, ruleSet);
  const errors = [...scoring.errors, ...data.errors];
  warnings.push(...scoring.warnings, ...data.warnings);
  // The case table, when the rules declare lists of cases.
  const hasCases = casesInputs(ruleSet).length > 0;
  const casesSheet = hasCases ? grids.find((g) => g.name === meta.value.casesSheet) : undefined;
  if (hasCases && !casesSheet)
    errors.push(
      sheetError('sheet-missing', `${meta.value.casesSheet}!A1`, [meta.value.casesSheet]),
    );
  const cases = casesSheet ? readCases(casesSheet, ruleSet) : undefined;
  if (cases) {
    errors.push(...cases.errors);
    warnings.push(...cases.warnings);
  }
  if (errors.length || !scoring.value || !data.value || (hasCases && !cases?.value))
    return { ok: false, issues: [...errors, ...warnings] };
  const records = casesRecords(ruleSet, data.value, cases?.value, errors, warnings);
  if (errors.length) return { ok: false, issues: [...errors, ...warnings] };
  const unit: UnitInput = {
    ...scoring.value.unit,
    values: data.value.values,
    ...(records ? { records } : {}),
    evidence: data.value.evidence,
  };
  // History that does not parse is an error at its cell: never a first assessment by accident.
  const carried = meta.value.history;
  const history = carried
    ? parseHistory(carried.text, carried.address, { unitId: unit.id, ruleSetId: ruleSet.id })
    : { ok: true as const, value: [] };
  if (!history.ok) return { ok: false, issues: [history.issue, ...warnings] };
  // The counts of the periods before: the same, never zero by accident.
  const counts = meta.value.counters;
  if (counts) {
    const parsed = parseCounters(counts.text, counts.address, ruleSet);
    if (!parsed.ok) return { ok: false, issues: [parsed.issue, ...warnings] };
    unit.counters = parsed.value;
  }
  return {
    ok: true,
    value: {
      unit,
      ruleSet,
      embeddedChecksum: meta.value.checksum,
      ...(meta.value.ruleSet ? { embeddedRules: meta.value.ruleSet } : {}),
      rulesDiffer,
      rulesAltered: altered !== undefined,
      map: {
        scoring: scoring.value.map,
        data: data.value.map,
        meta: { sheet: meta.value.sheet },
        ...(cases?.value ? { cases: cases.value.map } : {}),
      },
      reported: scoring.value.reported,
      previous: data.value.previous,
      embeddedText: meta.value.text,
      ...(meta.value.signature ? { embeddedSignature: meta.value.signature } : {}),
      ...(meta.value.prefill ? { embeddedPrefill: meta.value.prefill } : {}),
      ...(meta.value.signatureAt ? { signatureAt: meta.value.signatureAt } : {}),
      ...(meta.value.prefillAt ? { prefillAt: meta.value.prefillAt } : {}),
      metaUnhidden: meta.value.unhidden,
      history: history.value,
      ...(carried ? { historyAt: carried.address } : {}),
      ...(counts ? { countersAt: counts.address } : {}),
    },
    warnings,
  };
}

/**
 * The unit's lists of cases: the table's rows; an empty table is no cases when the data sheet
 * says 无 (or the input declares blankMeans 0), else left out — missing, with a warning — never a
 * silent "none". 无 beside listed cases is an error at the 填报值 cell.
 */
function casesRecords(
  ruleSet: RuleSet,
  data: DataRead,
  cases: CasesRead | undefined,
  errors: SheetIssue[],
  warnings: SheetIssue[],
): Record<string, CaseRecord[]> | undefined {
  if (!cases) return undefined;
  const out: Record<string, CaseRecord[]> = {};
  for (const def of casesInputs(ruleSet)) {
    const list = cases.records[def.id] ?? [];
    const row = data.map.rows.find((r) => r.id === def.id)?.row;
    const valueCell =
      row === undefined ? undefined : cellRef(data.map.sheet, row, data.map.columns.value);
    const none = data.noCases.has(def.id);
    if (list.length > 0) {
      if (none && valueCell)
        errors.push(
          sheetError('cases-conflict', valueCell, [zh(def.label), String(list.length)], def.id),
        );
      out[def.id] = list;
    } else if (none || def.blankMeans !== undefined) out[def.id] = [];
    else {
      const block = cases.map.blocks.find((b) => b.id === def.id);
      const at = block ? cellRef(cases.map.sheet, block.keyRow, 0) : (valueCell ?? cases.map.sheet);
      warnings.push(sheetWarning('cases-empty', at, [zh(def.label)], def.id));
    }
  }
  return out;
}
