// The meta sheet back to a rule set, checked against its own checksum.
import { parseRuleSet, type RuleSet } from '@kaohe/engine';
import { cellRef } from '../a1.ts';
import { canonicalRuleSet, ruleSetChecksum, sha256Hex } from '../checksum.ts';
import { sheetError, sheetWarning } from '../issue.ts';
import { LAYOUT_VERSION, META_MARKER, SHEET_NAMES } from '../labels.ts';
import type { SheetGrid, SheetIssue, SheetResult } from '../types.ts';
import { cellAt, findSheet } from './locate.ts';

export interface MetaRead {
  sheet: string;
  /** Absent only when `altered` (lenient reading). */
  ruleSet?: RuleSet;
  /** The checksum field as stored ('' when it is gone). */
  checksum: string;
  /** The `ruleSetId` field as stored. */
  ruleSetId: string;
  /** Lenient reading: why the embedded rules cannot be trusted (a `rules-altered` warning). */
  altered?: SheetIssue;
  scoringSheet: string;
  dataSheet: string;
  /** The case table's name (absent in workbooks without `cases` inputs: the default then). */
  casesSheet: string;
  /** The embedded rules' text as stored (the chunks joined), and the signed edition's envelope
   *  when the workbook carries one: what `workbookEdition` verifies. */
  text: string;
  signature?: string;
  /** The unit's signed prefill envelope (JSON), when the workbook was prefilled from a roster. */
  prefill?: string;
  /** The cells of the two signatures, when there. */
  signatureAt?: string;
  prefillAt?: string;
  /** The meta sheet was made visible (unhidden on purpose: LibreOffice leaves it merely hidden). */
  unhidden: boolean;
  /** The certification history rows (joined) and the cell of the first, when there are any. */
  history?: { text: string; address: string };
  /** The counts of the periods before (rows joined) and the cell of the first, when carried. */
  counters?: { text: string; address: string };
}

/** Column A keys → column B values (the first of each key), the rules' chunks in order, and the
 *  certification history rows (joined by the reader) with the row of the first. */
function metaFields(meta: SheetGrid): {
  fields: Map<string, { value: string; row: number }>;
  chunks: string[];
  history: string[];
  historyRow: number;
  counters: string[];
  countersRow: number;
} {
  const fields = new Map<string, { value: string; row: number }>();
  const chunks: string[] = [];
  const history: string[] = [];
  let historyRow = -1;
  const counters: string[] = [];
  let countersRow = -1;
  meta.values.forEach((r, row) => {
    const key = r[0];
    const value = r[1] === null || r[1] === undefined ? '' : String(r[1]);
    if (key === 'json') chunks.push(value);
    else if (key === 'history') {
      if (historyRow < 0) historyRow = row;
      history.push(value);
    } else if (key === 'counters') {
      if (countersRow < 0) countersRow = row;
      counters.push(value);
    } else if (typeof key === 'string' && !fields.has(key)) fields.set(key, { value, row });
  });
  return { fields, chunks, history, historyRow, counters, countersRow };
}

/**
 * The embedded rules' text and the edition's signature as stored, nothing parsed: what
 * `workbookEdition` verifies before anything in the workbook is read (undefined: no meta sheet).
 */
export function embeddedEdition(
  sheets: readonly SheetGrid[],
  metaName: string = SHEET_NAMES.meta,
): { embeddedText: string; embeddedSignature?: string } | undefined {
  const meta = findSheet(sheets, metaName, (s) => cellAt(s.values, 0, 0) === META_MARKER);
  if (!meta) return undefined;
  const { fields, chunks } = metaFields(meta);
  const signature = fields.get('signature')?.value;
  return { embeddedText: chunks.join(''), ...(signature ? { embeddedSignature: signature } : {}) };
}

/**
 * `known`: a rule set the caller holds (the reviewer's); when the embedded text hashes to its
 * checksum it is the same rule set, and the embedded JSON need not be parsed again.
 * `lenient`: embedded rules that are damaged, invalid or edited behind their checksum are not an
 * error but `altered` (the caller then reads the sheet with its own rules).
 */
export function readMeta(
  sheets: readonly SheetGrid[],
  metaName: string = SHEET_NAMES.meta,
  known?: RuleSet,
  lenient = false,
): SheetResult<MetaRead> {
  const meta = findSheet(sheets, metaName, (s) => cellAt(s.values, 0, 0) === META_MARKER);
  if (!meta) return { ok: false, issues: [sheetError('meta-missing', `${metaName}!A1`, [])] };
  const at = (row: number, col = 1): string => cellRef(meta.name, row, col);
  const warnings: SheetIssue[] = [];
  if (meta.state && meta.state !== 'veryHidden')
    warnings.push(sheetWarning('meta-not-very-hidden', at(0, 0), []));
  const { fields, chunks, history, historyRow, counters, countersRow } = metaFields(meta);
  const version = fields.get(META_MARKER);
  if (!version)
    return { ok: false, issues: [sheetError('meta-corrupt', at(0, 0), ['kaohe-meta marker'])] };
  if (version.value !== String(LAYOUT_VERSION))
    return { ok: false, issues: [sheetError('meta-version', at(0), [version.value])] };
  const checksum = fields.get('checksum')?.value ?? '';
  const count = fields.get('chunks')?.value ?? '';
  const signature = fields.get('signature')?.value;
  const prefill = fields.get('prefill')?.value;
  const names = {
    text: chunks.join(''),
    ...(signature ? { signature } : {}),
    ...(prefill ? { prefill } : {}),
    ...(signature ? { signatureAt: at(fields.get('signature')?.row ?? 0) } : {}),
    ...(prefill ? { prefillAt: at(fields.get('prefill')?.row ?? 0) } : {}),
    unhidden: meta.state === 'visible',
    ...(historyRow >= 0 ? { history: { text: history.join(''), address: at(historyRow) } } : {}),
    ...(countersRow >= 0
      ? { counters: { text: counters.join(''), address: at(countersRow) } }
      : {}),
    sheet: meta.name,
    checksum,
    ruleSetId: fields.get('ruleSetId')?.value ?? '',
    scoringSheet: fields.get('scoringSheet')?.value || SHEET_NAMES.scoring,
    dataSheet: fields.get('dataSheet')?.value || SHEET_NAMES.data,
    casesSheet: fields.get('casesSheet')?.value || SHEET_NAMES.cases,
  };
  // Past the marker and the version, whatever is wrong with the rules themselves is fatal,
  // unless the caller reads leniently: then it is the one `altered` warning, at the same cell.
  const fail = (issue: SheetIssue): SheetResult<MetaRead> =>
    lenient
      ? {
          ok: true,
          value: {
            ...names,
            altered: sheetWarning('rules-altered', issue.address, [
              issue.message.zh,
              issue.message.en,
            ]),
          },
          warnings,
        }
      : { ok: false, issues: [issue] };
  if (!checksum) return fail(sheetError('meta-corrupt', at(0, 0), ['checksum']));
  if (!count) return fail(sheetError('meta-corrupt', at(0, 0), ['chunks']));
  if (Number(count) !== chunks.length) {
    return fail(
      sheetError('meta-corrupt', at(fields.get('chunks')?.row ?? 0), [
        `${chunks.length}/${count} parts`,
      ]),
    );
  }
  const json = chunks.join('');
  if (sha256Hex(json) !== checksum)
    return fail(sheetError('meta-tampered', at(fields.get('checksum')?.row ?? 0), []));
  // The ruleSetId cell must name the rules embedded: a rules sheet that contradicts itself on
  // which rule set it holds cannot be matched to anyone's rules, leniently or not.
  const idRow = fields.get('ruleSetId')?.row ?? 1;
  const idMismatch = (id: string): SheetIssue | undefined =>
    names.ruleSetId === id
      ? undefined
      : sheetError('meta-id-mismatch', at(idRow), [at(idRow), names.ruleSetId, id]);
  if (known && ruleSetChecksum(known) === checksum) {
    const wrong = idMismatch(known.id);
    if (wrong) return { ok: false, issues: [wrong] };
    return { ok: true, value: { ...names, ruleSet: known }, warnings };
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return fail(sheetError('meta-corrupt', at(7), [e instanceof Error ? e.message : String(e)]));
  }
  const parsed = parseRuleSet(data);
  if (!parsed.ok) {
    const detail = parsed.issues
      .slice(0, 3)
      .map((i) => `${i.path}: ${i.message.zh}`)
      .join(';');
    return fail(sheetError('ruleset-invalid', at(7), [detail]));
  }
  if (canonicalRuleSet(parsed.value) !== json) return fail(sheetError('meta-tampered', at(7), []));
  const wrong = idMismatch(parsed.value.id);
  if (wrong) return { ok: false, issues: [wrong] };
  return { ok: true, value: { ...names, ruleSet: parsed.value }, warnings };
}
