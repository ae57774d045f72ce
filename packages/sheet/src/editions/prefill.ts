// A unit's prefill, signed: the figures the assessing level wrote into one unit's workbook before
// sending it out (责任指标 and last year's figures), with the unit's id, name and class, bound to
// the edition the workbook carries (the hash of its signed statement). The issuer signs it with
// the same Ed25519/DSSE machinery as an edition, under its own payload type, so neither signature
// can pass for the other. A unit that lowers its own target is caught at the cell.
import { utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';
import type { InputValue, Msg, RuleSet, UnitInput } from '@kaohe/engine';
import { q } from '@kaohe/engine/internal';
import { z } from 'zod';
import { cellRef } from '../a1.ts';
import type { Prefill } from '../template/data-sheet.ts';
import type { UnitIdentity } from '../template/scoring-sheet.ts';
import type { SheetMap } from '../types.ts';
import { inputCaption } from '../units.ts';
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

/** Signs one unit's prefill for the workbook of a published edition. */
export function signPrefill(
  edition: EditionFile,
  unit: UnitIdentity,
  prefill: Prefill,
  options: SignPrefillOptions,
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

/** One prefilled figure (or the unit's identity) that is not what was signed. */
export interface PrefillChange {
  /** The input id, or unitId / unitName / unitClass. */
  field: string;
  /** 'value' (填报值), 'previous' (上年数据) or 'unit' (the scoring sheet's header). */
  column: 'value' | 'previous' | 'unit';
  /** The cell ('' when its column or row is gone). */
  address: string;
  signed: InputValue;
  found: InputValue;
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
}

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** Same figure: decimals by value (92.50 is 92.5), anything else as it is. */
function sameValue(a: InputValue | undefined, b: InputValue | undefined): boolean {
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
    return targets.length === 0
      ? fail('none', { zh: '未预填指标', en: 'nothing prefilled' })
      : fail('unsigned', {
          zh: `责任指标未签名:表中有考核方下达的指标(${targets.map(inputCaption).join('、')}),但没有签名,无法确认未被改动`,
          en: `the assigned targets are unsigned: the sheet holds targets (${targets.map((d) => d.id).join(', ')}) with no signature, so they cannot be known unchanged`,
        });
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
  const changes = prefillChanges(read, statement);
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
    if (!sameValue(signed, found))
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
    if (!sameValue(signed, read.unit.values[id]))
      changes.push({
        field: id,
        column: 'value',
        address: at(id, read.map.data.columns.value),
        signed,
        found: read.unit.values[id] ?? null,
      });
  for (const [id, signed] of Object.entries(expected.previous))
    if (!sameValue(signed, read.previous[id]))
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

/** The changes in words, each with its cell: 出生人数控制指标(人) 数据!D5 签发为 1200,现为 1000. */
export function changesText(
  ruleSet: RuleSet,
  changes: readonly PrefillChange[],
  words: ChangeWords,
): Msg {
  const labels = new Map(ruleSet.inputs.map((d) => [d.id, inputCaption(d)]));
  const name = (c: PrefillChange): Msg =>
    UNIT_FIELD_NAMES[c.field] ??
    (c.column === 'previous'
      ? { zh: `${labels.get(c.field) ?? c.field}(上年数据)`, en: `${c.field} (last year)` }
      : { zh: labels.get(c.field) ?? c.field, en: c.field });
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
          `${name(c).en} at ${c.address || '(cell deleted)'} ${words.expected.en} ${shownEn(c.signed)}, ${words.found.en} ${shownEn(c.found)}`,
      )
      .join('; '),
  };
}
