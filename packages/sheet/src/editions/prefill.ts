// A unit's prefill, signed: the figures the assessing level wrote into one unit's workbook before
// sending it out (责任指标 and last year's figures), with the unit's id, name and class, bound to
// the edition the workbook carries (the hash of its signed statement). The issuer signs it with
// the same Ed25519/DSSE machinery as an edition, under its own payload type, so neither signature
// can pass for the other. A unit that lowers its own target is caught at the cell. What the level
// carried into the workbook from earlier rounds — the counts of the periods before (约谈 at 3 in a
// row) and the certification history — is signed with them: a unit that edits its counts in
// kaohe_meta is caught at that cell too, and the review goes by the signed counts.
import { utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';
import type {
  CertificationRecord,
  InputValue,
  Msg,
  PeriodCounts,
  RuleSet,
  UnitInput,
} from '@kaohe/engine';
import { q } from '@kaohe/engine/internal';
import { z } from 'zod';
import { cellRef } from '../a1.ts';
import { HistorySchema } from '../certification/history.ts';
import { CountersSchema } from '../read/counters.ts';
import { recordText } from '../review/certification.ts';
import type { Prefill } from '../template/data-sheet.ts';
import type { UnitIdentity } from '../template/scoring-sheet.ts';
import type { SheetMap } from '../types.ts';
import { inputCaption, zh } from '../units.ts';
import {
  EditionFile,
  openEnvelope,
  readPayload,
  signEnvelope,
  statementHash,
  type Envelope,
  type Signer,
  type TrustStore,
} from './edition.ts';
import type { PublicKeyInfo } from './keys.ts';
import { fromBase64 } from './base64.ts';

export const PREFILL_PAYLOAD_TYPE = 'application/vnd.kaohe.prefill+json';

const Value = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const PrefillStatement = z
  .object({
    type: z.literal('kaohe.prefill/v1'),
    /** SHA-256 (hex) of the edition's statement payload: the rules these figures go with. */
    edition: z.string().regex(/^[0-9a-f]{64}$/),
    ruleSetId: z.string(),
    year: z.number().int(),
    unit: z.object({ id: z.string(), name: z.string(), class: z.string().optional() }).strict(),
    values: z.record(z.string(), Value),
    previous: z.record(z.string(), Value),
    /** The counts of the periods before carried into the workbook (absent: none carried). */
    counters: CountersSchema.optional(),
    /** The certification records carried into the workbook (absent: none). */
    history: HistorySchema.optional(),
    keyId: z.string(),
    issuedAt: z.string(),
  })
  .strict();
export type PrefillStatement = z.infer<typeof PrefillStatement>;

export interface SignPrefillOptions {
  secret: Uint8Array;
  key: PublicKeyInfo;
  /** ISO time of issue (the caller's clock; fixed in tests). */
  issuedAt: string;
}

/** What the assessing level carries into a unit's workbook from earlier rounds (buildTemplate's
 *  `counters` and `history`): signed with the prefill when given. */
export interface CarriedRecords {
  counters?: Readonly<Record<string, PeriodCounts>> | undefined;
  history?: readonly CertificationRecord[] | undefined;
}

/** Signs one unit's prefill for the workbook of a published edition, with the counts and the
 *  history carried into it (`carried`: exactly what buildTemplate is given). */
export function signPrefill(
  edition: EditionFile,
  unit: UnitIdentity,
  prefill: Prefill,
  options: SignPrefillOptions,
  carried: CarriedRecords = {},
): Envelope {
  const rules = JSON.parse(edition.ruleSet) as { id: string; year: number };
  const statement: PrefillStatement = {
    type: 'kaohe.prefill/v1',
    edition: statementHash(edition),
    ruleSetId: rules.id,
    year: rules.year,
    unit: { id: unit.id, name: unit.name, ...(unit.class ? { class: unit.class } : {}) },
    values: { ...prefill.values },
    previous: { ...prefill.previous },
    ...(carried.counters ? { counters: { ...carried.counters } } : {}),
    ...(carried.history && carried.history.length > 0
      ? { history: [...carried.history] as NonNullable<PrefillStatement['history']> }
      : {}),
    keyId: options.key.keyId,
    issuedAt: options.issuedAt,
  };
  const body = utf8ToBytes(canonicalize(statement) ?? '');
  return signEnvelope(PREFILL_PAYLOAD_TYPE, body, options.secret, options.key.keyId);
}

const readPrefillStatement = (body: Uint8Array): PrefillStatement | undefined =>
  readPayload(body, PrefillStatement);

/** The statement inside a prefill envelope, read without checking it (to build a workbook). */
export function prefillStatementOf(envelope: Envelope): PrefillStatement | undefined {
  const body = fromBase64(envelope.payload);
  if (!body) return undefined;
  return readPrefillStatement(body);
}

export type PrefillStatus =
  | 'intact'
  | 'none'
  | 'unsigned'
  | 'altered'
  | 'other-edition'
  | 'malformed'
  | 'unknown-key'
  | 'bad-signature'
  | 'revoked'
  | 'key-expired';

/** One prefilled figure (or the unit's identity, or what was carried from earlier rounds) that
 *  is not what was signed. */
export interface PrefillChange {
  /** The input id; unitId / unitName / unitClass; the counter id (consecutive, cumulative); the
   *  attempt number (history). */
  field: string;
  /** 'value' (填报值), 'previous' (上年数据), 'unit' (the scoring sheet's header), the counts of
   *  the periods before ('consecutive' 连续次数, 'cumulative' 累计次数) or a certification record
   *  ('history'): these last in kaohe_meta. */
  column: 'value' | 'previous' | 'unit' | 'consecutive' | 'cumulative' | 'history';
  /** The cell ('' when its column or row is gone, or nothing is carried in the workbook). */
  address: string;
  signed: InputValue;
  found: InputValue;
  /** A history record's words (signed / found hold the Chinese): for the English line. */
  en?: { signed: InputValue; found: InputValue };
}

export interface PrefillCheck {
  status: PrefillStatus;
  message: Msg;
  signer?: Signer;
  statement?: PrefillStatement;
  changes: PrefillChange[];
}

/** What verifyPrefill reads of a workbook: readSheet's value has it all. */
export interface PrefillRead {
  unit: UnitInput;
  ruleSet: RuleSet;
  previous: Record<string, InputValue>;
  map: SheetMap;
  embeddedSignature?: string;
  embeddedPrefill?: string;
  /** The certification records the workbook carries, and their first cell. */
  history: readonly CertificationRecord[];
  historyAt?: string;
  /** The first cell of the counts the workbook carries (unit.counters), when it does. */
  countersAt?: string;
}

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** Same figure: decimals by value (92.50 is 92.5), anything else as it is. The one test of
 *  whether a sheet holds the figure it was given (signed prefill, roster, carried results). */
export function sameFigure(a: InputValue | undefined, b: InputValue | undefined): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (x === y) return true;
  if (
    (typeof x === 'string' || typeof x === 'number') &&
    (typeof y === 'string' || typeof y === 'number')
  ) {
    const [sx, sy] = [String(x).trim(), String(y).trim()];
    if (DECIMAL.test(sx) && DECIMAL.test(sy)) {
      return q(sx).compare(q(sy)) === 0;
    }
  }
  return false;
}

const shown = (v: InputValue): string =>
  v === null ? '空白' : typeof v === 'boolean' ? (v ? '是' : '否') : String(v);
const shownEn = (v: InputValue): string =>
  v === null ? 'blank' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);

const parseJson = (text: string | undefined): unknown => {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    if (e instanceof SyntaxError) return null;
    throw e;
  }
};

/**
 * Checks a workbook's prefill against its signature, in the order editions are checked: the
 * signature with a trusted key, the key's years, the binding to the workbook's own edition, and
 * only then each signed figure against the cell that holds it now. Pure: the pane and the CLI
 * call it on what readSheet read. `none`: nothing was prefilled and no target is in the sheet.
 */
export function verifyPrefill(read: PrefillRead, trust: TrustStore): PrefillCheck {
  const fail = (
    status: PrefillStatus,
    message: Msg,
    rest: Partial<PrefillCheck> = {},
  ): PrefillCheck => ({ status, message, changes: [], ...rest });
  if (read.embeddedPrefill === undefined) {
    const targets = read.ruleSet.inputs.filter(
      (d) => d.source === 'assigned' && (read.unit.values[d.id] ?? null) !== null,
    );
    if (targets.length > 0)
      return fail('unsigned', {
        zh: `责任指标未签名:表中有考核方下达的指标(${targets.map(inputCaption).join('、')}),但没有签名,无法确认未被改动`,
        en: `the assigned targets are unsigned: the sheet holds targets (${targets.map((d) => d.id).join(', ')}) with no signature, so they cannot be known unchanged`,
      });
    const carried = carriedWords(read);
    return carried
      ? fail('unsigned', {
          zh: `结转记录未签名:表中有考核方结转的${carried.zh}(${carried.at}),但没有签名,无法确认未被改动`,
          en: `the carried records are unsigned: the sheet holds ${carried.en} carried by the assessing level (${carried.at}) with no signature, so they cannot be known unchanged`,
        })
      : fail('none', { zh: '未预填指标', en: 'nothing prefilled' });
  }
  const opened = openEnvelope(parseJson(read.embeddedPrefill), PREFILL_PAYLOAD_TYPE, trust);
  if (!opened.ok)
    return fail(
      opened.check.status,
      {
        zh: `预填指标的${opened.check.message.zh}`,
        en: `the prefill: ${opened.check.message.en}`,
      },
      opened.check.signer ? { signer: opened.check.signer } : {},
    );
  const { key, signer } = opened;
  const statement = readPrefillStatement(opened.body);
  if (!statement || statement.keyId !== signer.keyId)
    return fail(
      'malformed',
      { zh: '预填指标的签名内容无法读取', en: 'the signed prefill cannot be read' },
      { signer },
    );
  if (statement.year < key.validFrom || statement.year > key.validTo)
    return fail(
      'key-expired',
      {
        zh: `预填指标的签名密钥只适用于 ${key.validFrom}–${key.validTo} 年,不适用于 ${statement.year} 年度`,
        en: `the prefill's signing key is valid for ${key.validFrom}–${key.validTo}, not for ${statement.year}`,
      },
      { signer, statement },
    );
  // Bound to the workbook's own edition: a prefill copied in from another edition's workbook,
  // or a workbook whose edition was swapped, does not go with these rules.
  const edition = EditionFile.safeParse({
    kaohe: 'edition',
    envelope: parseJson(read.embeddedSignature),
    ruleSet: '',
  });
  if (
    !edition.success ||
    statementHash(edition.data) !== statement.edition ||
    statement.ruleSetId !== read.ruleSet.id
  )
    return fail(
      'other-edition',
      {
        zh: '预填指标的签名属于另一版本的考核办法(可能从别的表格粘贴而来)',
        en: 'the prefill is signed for another edition of the rules (pasted from another workbook?)',
      },
      { signer, statement },
    );
  const changes = [...prefillChanges(read, statement), ...carriedChanges(read, statement)];
  const n = Object.keys(statement.values).length + Object.keys(statement.previous).length;
  if (changes.length === 0)
    return {
      status: 'intact',
      message: {
        zh: `预填指标完好:由${key.issuer}签发(指纹 ${signer.fingerprint}),共 ${n} 项`,
        en: `prefill intact: signed by ${key.issuer} (fingerprint ${signer.fingerprint}), ${n} figure(s)`,
      },
      signer,
      statement,
      changes,
    };
  const text = changesText(read.ruleSet, changes, SIGNED);
  return {
    status: 'altered',
    message: { zh: `预填指标已被改动:${text.zh}`, en: `prefill altered: ${text.en}` },
    signer,
    statement,
    changes,
  };
}

/** The counts and the history a workbook carries, in words with their cell; undefined: none. */
function carriedWords(read: PrefillRead): { zh: string; en: string; at: string } | undefined {
  const counts = read.unit.counters !== undefined && Object.keys(read.unit.counters).length > 0;
  const history = read.history.length > 0;
  if (!counts && !history) return undefined;
  const parts = [
    ...(counts
      ? [{ zh: '上期计数', en: 'counts of the periods before', at: read.countersAt }]
      : []),
    ...(history ? [{ zh: '认定记录', en: 'certification history', at: read.historyAt }] : []),
  ];
  return {
    zh: parts.map((p) => p.zh).join('和'),
    en: parts.map((p) => p.en).join(' and '),
    at: parts.flatMap((p) => (p.at ? [p.at] : [])).join('、'),
  };
}

/** The counts of the periods before and the certification records the workbook carries that are
 *  not those signed, at their kaohe_meta cell: a count by counter and column, a record by attempt
 *  (a record missing from the sheet, or one the signature does not have, with blank beside it). */
export function carriedChanges(
  read: PrefillRead,
  signed: Pick<PrefillStatement, 'counters' | 'history'>,
): PrefillChange[] {
  const changes: PrefillChange[] = [];
  const mine = signed.counters ?? {};
  const theirs = read.unit.counters ?? {};
  for (const id of [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].sort())
    for (const column of ['consecutive', 'cumulative'] as const) {
      const a = mine[id]?.[column] ?? null;
      const b = theirs[id]?.[column] ?? null;
      if (a !== b)
        changes.push({ field: id, column, address: read.countersAt ?? '', signed: a, found: b });
    }
  const issued = (signed.history ?? []) as readonly CertificationRecord[];
  const carried = read.history;
  for (let i = 0; i < Math.max(issued.length, carried.length); i++) {
    const a = issued[i];
    const b = carried[i];
    if (a && b && canonicalize(a) === canonicalize(b)) continue;
    const [wa, wb] = [a && recordText(a, issued[i - 1]), b && recordText(b, carried[i - 1])];
    changes.push({
      field: String(i + 1),
      column: 'history',
      address: read.historyAt ?? '',
      signed: wa?.zh ?? null,
      found: wb?.zh ?? null,
      en: { signed: wa?.en ?? null, found: wb?.en ?? null },
    });
  }
  return changes;
}

/** The figures a unit's workbook must hold as the assessing level gave them: its identity, the
 *  prefilled values and last year's figures (by input id; null: the level gave a blank). */
export interface PrefillFigures {
  unit: { id: string; name: string; class?: string | undefined };
  values: Readonly<Record<string, InputValue>>;
  previous: Readonly<Record<string, InputValue>>;
}

/**
 * Each of `expected`'s figures (and the unit's id, name and class) that the workbook does not hold
 * now, at its cell: the one comparison of a unit's sheet against what the assessing level gave it,
 * whether signed (verifyPrefill) or on the reviewer's own record (a roster, carried results).
 */
export function prefillChanges(read: PrefillRead, expected: PrefillFigures): PrefillChange[] {
  const changes: PrefillChange[] = [];
  const header = read.map.scoring.header;
  const headerAt = (f: 'unitId' | 'unitName' | 'unitClass'): string => {
    const p = header[f];
    return p ? cellRef(read.map.scoring.sheet, p.row, p.col) : '';
  };
  for (const [field, signed, found] of [
    ['unitId', expected.unit.id, read.unit.id],
    ['unitName', expected.unit.name, read.unit.name],
    ['unitClass', expected.unit.class ?? null, read.unit.class ?? null],
  ] as const)
    if (!sameFigure(signed, found))
      changes.push({
        field,
        column: 'unit',
        address: headerAt(field),
        signed,
        found,
      });
  const rowOf = new Map(read.map.data.rows.map((r) => [r.id, r.row]));
  const at = (id: string, col: number): string => {
    const row = rowOf.get(id);
    return row === undefined || col < 0 ? '' : cellRef(read.map.data.sheet, row, col);
  };
  for (const [id, signed] of Object.entries(expected.values))
    if (!sameFigure(signed, read.unit.values[id]))
      changes.push({
        field: id,
        column: 'value',
        address: at(id, read.map.data.columns.value),
        signed,
        found: read.unit.values[id] ?? null,
      });
  for (const [id, signed] of Object.entries(expected.previous))
    if (!sameFigure(signed, read.previous[id]))
      changes.push({
        field: id,
        column: 'previous',
        address: at(id, read.map.data.columns.previous),
        signed,
        found: read.previous[id] ?? null,
      });
  return changes;
}

/** How a list of changes says where the expected figure came from. */
export interface ChangeWords {
  /** 签发为 / was issued as */
  expected: Msg;
  /** 现为 / now */
  found: Msg;
}

const SIGNED: ChangeWords = {
  expected: { zh: '签发为', en: 'was issued as' },
  found: { zh: '现为', en: 'now' },
};

const UNIT_FIELD_NAMES: Record<string, Msg> = {
  unitId: { zh: '单位代码', en: 'unit id' },
  unitName: { zh: '被考核单位', en: 'unit name' },
  unitClass: { zh: '单位类别', en: 'unit class' },
};

/** What a change is of, in words: 出生人数控制指标(人), 检查不合格(上期连续次数), 第2次认定记录. */
export function changedName(
  ruleSet: RuleSet,
  c: PrefillChange,
  labels: ReadonlyMap<string, string> = new Map(ruleSet.inputs.map((d) => [d.id, inputCaption(d)])),
): Msg {
  const counter = (): string => {
    const def = (ruleSet.counters ?? []).find((x) => x.id === c.field);
    return def ? zh(def.label) : c.field;
  };
  switch (c.column) {
    case 'consecutive':
      return { zh: `${counter()}(上期连续次数)`, en: `counter ${c.field} (in a row before)` };
    case 'cumulative':
      return { zh: `${counter()}(上期累计次数)`, en: `counter ${c.field} (in all before)` };
    case 'history':
      return { zh: `第${c.field}次认定记录`, en: `certification record ${c.field}` };
    case 'previous':
      return { zh: `${labels.get(c.field) ?? c.field}(上年数据)`, en: `${c.field} (last year)` };
    default:
      return UNIT_FIELD_NAMES[c.field] ?? { zh: labels.get(c.field) ?? c.field, en: c.field };
  }
}

/** The changes in words, each with its cell: 出生人数控制指标(人) 数据!D5 签发为 1200,现为 1000. */
export function changesText(
  ruleSet: RuleSet,
  changes: readonly PrefillChange[],
  words: ChangeWords,
): Msg {
  const labels = new Map(ruleSet.inputs.map((d) => [d.id, inputCaption(d)]));
  const name = (c: PrefillChange): Msg => changedName(ruleSet, c, labels);
  return {
    zh: changes
      .map(
        (c) =>
          `${name(c).zh} ${c.address || '(单元格已删除)'} ${words.expected.zh} ${shown(c.signed)},${words.found.zh} ${shown(c.found)}`,
      )
      .join(';'),
    en: changes
      .map(
        (c) =>
          `${name(c).en} at ${c.address || '(cell deleted)'} ${words.expected.en} ${shownEn(c.en?.signed ?? c.signed)}, ${words.found.en} ${shownEn(c.en?.found ?? c.found)}`,
      )
      .join('; '),
  };
}
