// A published edition: the rule set's canonical text and a signed statement about it — id, title,
// issuer, level, year, edition, when, by which key, the SHA-256 of the text, and the hash of the
// previous edition's statement (a chain: history is tamper-evident without a server). Ed25519 in a
// DSSE envelope: the payload type is inside the signed bytes (PAE), so a signature cannot be
// moved to another kind of payload.
import { bytesToUtf8 } from '@noble/ciphers/utils.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';
import { parseRuleSet, type Msg, type RuleSet } from '@kaohe/engine';
import { z } from 'zod';
import { canonicalRuleSet, sha256Hex } from '../checksum.ts';
import { zh } from '../units.ts';
import { fromBase64, toBase64 } from './base64.ts';
import { fingerprintOf, type PublicKeyInfo } from './keys.ts';

const EDITION_PAYLOAD_TYPE = 'application/vnd.kaohe.edition+json';

export const Statement = z
  .object({
    type: z.literal('kaohe.edition/v1'),
    id: z.string(),
    title: z.string(),
    issuer: z.string(),
    level: z.string(),
    year: z.number().int(),
    edition: z.number().int(),
    issuedAt: z.string(),
    keyId: z.string(),
    ruleSetSha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** SHA-256 (hex) of the previous edition's statement payload; null for the first. */
    previous: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
  })
  .strict();
export type Statement = z.infer<typeof Statement>;

export const Envelope = z
  .object({
    payloadType: z.string(),
    payload: z.string(),
    signatures: z
      .array(z.object({ keyid: z.string().regex(/^[0-9a-f]{16}$/), sig: z.string() }).strict())
      .min(1),
  })
  .strict();
export type Envelope = z.infer<typeof Envelope>;

export const EditionFile = z
  .object({
    kaohe: z.literal('edition'),
    envelope: Envelope,
    /** The rule set's canonical JSON text (RFC 8785), as signed by its digest. */
    ruleSet: z.string(),
  })
  .strict();
export type EditionFile = z.infer<typeof EditionFile>;

/** DSSE's pre-authentication encoding: what is signed. */
function pae(type: string, body: Uint8Array): Uint8Array {
  const head = utf8ToBytes(`DSSEv1 ${utf8ToBytes(type).length} ${type} ${body.length} `);
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

/** A signed payload read as a statement of the given shape: UTF-8 JSON of it, else undefined
 *  (an edition's statement, a unit's prefill). Read only after its signature holds, or to list a
 *  chain: bytes the issuer signed. */
export function readPayload<T>(body: Uint8Array, shape: z.ZodType<T>): T | undefined {
  let json: unknown;
  try {
    json = JSON.parse(bytesToUtf8(body));
  } catch (e) {
    if (e instanceof SyntaxError) return undefined;
    throw e;
  }
  const st = shape.safeParse(json);
  return st.success ? st.data : undefined;
}

const readStatement = (body: Uint8Array): Statement | undefined => readPayload(body, Statement);

/** The hash a later edition chains to: SHA-256 of this statement's payload bytes. */
export const statementHash = (file: EditionFile): string =>
  bytesToHex(sha256(fromBase64(file.envelope.payload) ?? new Uint8Array()));

export interface PublishOptions {
  secret: Uint8Array;
  key: PublicKeyInfo;
  /** ISO time of issue (the caller's clock; fixed in tests). */
  issuedAt: string;
  /** The previous edition, to chain to; absent for the first. */
  previous?: EditionFile;
}

/** Signs an edition of a parsed rule set (validate it first: publishing never fixes rules). */
export function publishEdition(ruleSet: RuleSet, options: PublishOptions): EditionFile {
  const text = canonicalRuleSet(ruleSet);
  const statement: Statement = {
    type: 'kaohe.edition/v1',
    id: ruleSet.id,
    title: zh(ruleSet.title),
    issuer: zh(ruleSet.issuer),
    level: zh(ruleSet.level),
    year: ruleSet.year,
    edition: ruleSet.edition,
    issuedAt: options.issuedAt,
    keyId: options.key.keyId,
    ruleSetSha256: sha256Hex(text),
    previous: options.previous ? statementHash(options.previous) : null,
  };
  const body = utf8ToBytes(canonicalize(statement) ?? '');
  return {
    kaohe: 'edition',
    envelope: signEnvelope(EDITION_PAYLOAD_TYPE, body, options.secret, options.key.keyId),
    ruleSet: text,
  };
}

/** The keys a reader trusts, and the key ids revoked by a later notice. */
export interface TrustStore {
  keys: readonly PublicKeyInfo[];
  revoked: readonly { keyId: string; reason?: string }[];
}

export type EditionStatus =
  | 'trusted'
  | 'malformed'
  | 'unknown-key'
  | 'bad-signature'
  | 'revoked'
  | 'key-expired'
  | 'rules-altered'
  | 'identity-mismatch'
  | 'invalid-rules';

export interface EditionCheck {
  status: EditionStatus;
  message: Msg;
  /** Who signed, when the signature could be read. */
  signer?: { keyId: string; fingerprint: string; issuer?: string };
  statement?: Statement;
  /** The rule set, only once everything before it holds. */
  ruleSet?: RuleSet;
}

const fail = (
  status: EditionStatus,
  message: Msg,
  rest: Partial<EditionCheck> = {},
): EditionCheck => ({
  status,
  message,
  ...rest,
});

/** Who signed, as read from a signature. */
export interface Signer {
  keyId: string;
  fingerprint: string;
  issuer?: string;
}

/** A DSSE envelope whose signature holds, by a trusted key not revoked: its payload and key. */
export type OpenedEnvelope =
  | { ok: true; body: Uint8Array; key: PublicKeyInfo; signer: Signer & { issuer: string } }
  | {
      ok: false;
      check: {
        status: 'malformed' | 'unknown-key' | 'bad-signature' | 'revoked';
        message: Msg;
        signer?: Signer;
      };
    };

/**
 * The one check of a signature (editions and prefills alike): the envelope's shape and payload
 * type, the key in the trust list, the signature (strict Ed25519 over DSSE's PAE), the key not
 * revoked. Nothing in the payload is read before this holds.
 */
export function openEnvelope(raw: unknown, payloadType: string, trust: TrustStore): OpenedEnvelope {
  const bad = (
    status: 'malformed' | 'unknown-key' | 'bad-signature' | 'revoked',
    message: Msg,
    signer?: Signer,
  ): OpenedEnvelope => ({ ok: false, check: { status, message, ...(signer ? { signer } : {}) } });
  const parsed = Envelope.safeParse(raw);
  const envelope = parsed.success ? parsed.data : undefined;
  const body = envelope && fromBase64(envelope.payload);
  const sigEntry = envelope?.signatures[0];
  const sig = sigEntry && fromBase64(sigEntry.sig);
  if (!envelope || !body || !sig || sig.length !== 64 || envelope.payloadType !== payloadType)
    return bad('malformed', {
      zh: '签名信封格式不正确',
      en: 'the signature envelope is malformed',
    });
  const keyId = sigEntry.keyid;
  const signer = { keyId, fingerprint: fingerprintOf(keyId) };
  const key = trust.keys.find((k) => k.keyId === keyId);
  if (!key)
    return bad(
      'unknown-key',
      {
        zh: `签名密钥(指纹 ${signer.fingerprint})不在信任列表中`,
        en: `the signing key (fingerprint ${signer.fingerprint}) is not trusted here`,
      },
      signer,
    );
  const who = { ...signer, issuer: key.issuer };
  const pub = fromBase64(key.publicKey) ?? new Uint8Array();
  let valid = false;
  try {
    // Strict (RFC 8032, not ZIP-215): one valid encoding of each signature.
    valid = ed25519.verify(sig, pae(envelope.payloadType, body), pub, { zip215: false });
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    valid = false; // a signature or key that is not a curve point: not valid, said below
  }
  if (!valid)
    return bad(
      'bad-signature',
      {
        zh: `签名无效(${key.issuer},指纹 ${who.fingerprint}):内容被改动或签名来自别处`,
        en: `bad signature (${key.issuer}, fingerprint ${who.fingerprint}): the content was changed or the signature belongs elsewhere`,
      },
      who,
    );
  const revoked = trust.revoked.find((r) => r.keyId === keyId);
  if (revoked)
    return bad(
      'revoked',
      {
        zh: `签名密钥(指纹 ${who.fingerprint})已被吊销${revoked.reason ? `:${revoked.reason}` : ''}`,
        en: `the signing key (fingerprint ${who.fingerprint}) is revoked${revoked.reason ? `: ${revoked.reason}` : ''}`,
      },
      who,
    );
  return { ok: true, body, key, signer: who };
}

/** Signs a payload of the given type with a DSSE envelope. */
export function signEnvelope(
  payloadType: string,
  body: Uint8Array,
  secret: Uint8Array,
  keyId: string,
): Envelope {
  const sig = ed25519.sign(pae(payloadType, body), secret);
  return {
    payloadType,
    payload: toBase64(body),
    signatures: [{ keyid: keyId, sig: toBase64(sig) }],
  };
}

/**
 * Verifies an edition file, in this order: the signature with a trusted key (known, not revoked,
 * valid for the year), then the digest of the embedded text, then id/year/edition of the text
 * against the statement, and only then parses the rule set. Nothing is parsed before it is known
 * to be what the issuer signed.
 */
export function verifyEdition(raw: unknown, trust: TrustStore): EditionCheck {
  const file = EditionFile.safeParse(raw);
  if (!file.success)
    return fail('malformed', {
      zh: '不是考核办法的发布文件(签名版本)',
      en: 'not a published (signed) edition file',
    });
  const { envelope, ruleSet: text } = file.data;
  const opened = openEnvelope(envelope, EDITION_PAYLOAD_TYPE, trust);
  if (!opened.ok) return opened.check;
  const { body, key, signer: who } = opened;
  const keyId = who.keyId;
  const statement = readStatement(body);
  if (!statement)
    return fail(
      'malformed',
      { zh: '签名内容无法读取或格式不正确', en: 'the signed statement cannot be read' },
      { signer: who },
    );
  if (statement.keyId !== keyId)
    return fail(
      'bad-signature',
      { zh: '签名内容中的密钥编号与签名不符', en: 'the statement names another key' },
      { signer: who },
    );
  if (statement.year < key.validFrom || statement.year > key.validTo)
    return fail(
      'key-expired',
      {
        zh: `签名密钥只适用于 ${key.validFrom}–${key.validTo} 年,不适用于 ${statement.year} 年度`,
        en: `the signing key is valid for ${key.validFrom}–${key.validTo}, not for ${statement.year}`,
      },
      { signer: who, statement },
    );
  if (sha256Hex(text) !== statement.ruleSetSha256)
    return fail(
      'rules-altered',
      {
        zh: '考核办法内容与签名不符(已被改动)',
        en: 'the rules differ from what was signed (altered)',
      },
      { signer: who, statement },
    );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    return fail(
      'invalid-rules',
      { zh: '考核办法不是有效的 JSON', en: 'the rules are not valid JSON' },
      { signer: who, statement },
    );
  }
  const ids = json as { id?: unknown; year?: unknown; edition?: unknown };
  if (
    ids?.id !== statement.id ||
    ids?.year !== statement.year ||
    ids?.edition !== statement.edition
  )
    return fail(
      'identity-mismatch',
      {
        zh: '考核办法的编号、年度或版次与签名内容不符',
        en: 'the rules’ id, year or edition differ from the statement',
      },
      { signer: who, statement },
    );
  const parsed = parseRuleSet(json);
  // Signed text that is not the canonical form of its rules would not be what a workbook embeds.
  if (parsed.ok && canonicalRuleSet(parsed.value) !== text)
    return fail(
      'invalid-rules',
      {
        zh: '签名的规则文本不是规范格式(RFC 8785),不能用作正式版本',
        en: 'the signed rules are not in canonical form (RFC 8785): not usable as an edition',
      },
      { signer: who, statement },
    );
  if (!parsed.ok)
    return fail(
      'invalid-rules',
      {
        zh: `考核办法有误:${parsed.issues[0]?.message.zh ?? ''}`,
        en: `the rules are invalid: ${parsed.issues[0]?.message.en ?? ''}`,
      },
      { signer: who, statement },
    );
  // The rules may name their issuer otherwise than the key does: both are said, never one alone.
  const named =
    statement.issuer === key.issuer
      ? { zh: '', en: '' }
      : {
          zh: `;规则写明的发布单位为“${statement.issuer}”`,
          en: `; the rules name "${statement.issuer}" as issuer`,
        };
  return {
    status: 'trusted',
    message: {
      zh: `正式版本:由${key.issuer}签发(指纹 ${who.fingerprint}),${statement.year}年度第${statement.edition}版${named.zh}`,
      en: `official edition: issued by ${key.issuer} (fingerprint ${who.fingerprint}), ${statement.year} edition ${statement.edition}${named.en}`,
    },
    signer: who,
    statement,
    ruleSet: parsed.value,
  };
}

/** Whether each edition chains to the one before it (files in any order, by edition number). */
export function checkChain(files: readonly EditionFile[]): { ok: boolean; breaks: number[] } {
  // One chain per rule set: editions of another rule set are not its history.
  const byId = new Map<string, EditionFile[]>();
  for (const f of files) {
    const body = fromBase64(f.envelope.payload);
    const id = (body && readStatement(body)?.id) ?? '';
    (byId.get(id) ?? byId.set(id, []).get(id))?.push(f);
  }
  const breaks = [...byId.values()].flatMap((group) => chainOf(group).breaks);
  return { ok: breaks.length === 0, breaks };
}

function chainOf(files: readonly EditionFile[]): { ok: boolean; breaks: number[] } {
  const withStatement = files
    .map((f) => {
      const body = fromBase64(f.envelope.payload);
      const s = body && readStatement(body);
      return s ? { f, s } : undefined;
    })
    .filter((x): x is { f: EditionFile; s: Statement } => x !== undefined)
    .sort((a, b) => a.s.edition - b.s.edition);
  const breaks: number[] = [];
  withStatement.forEach((x, i) => {
    const prev = withStatement[i - 1];
    if (prev && x.s.previous !== statementHash(prev.f)) breaks.push(x.s.edition);
  });
  return { ok: breaks.length === 0, breaks };
}

/** What a workbook's rules are: a verified edition, one that fails (with why), or unsigned. */
export type WorkbookEdition = EditionCheck | { status: 'unsigned'; message: Msg };

/** Verifies the rules a workbook carries (meta sheet text and signature) as an edition file. */
export function workbookEdition(
  read: { embeddedText: string; embeddedSignature?: string },
  trust: TrustStore,
): WorkbookEdition {
  if (read.embeddedSignature === undefined)
    return {
      status: 'unsigned',
      message: {
        zh: '规则未签名(草稿,非正式版本)',
        en: 'the rules are unsigned (a draft, not an official edition)',
      },
    };
  let envelope: unknown;
  try {
    envelope = JSON.parse(read.embeddedSignature);
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    envelope = undefined;
  }
  return verifyEdition({ kaohe: 'edition', envelope, ruleSet: read.embeddedText }, trust);
}

/** Does the user keep a trust list (a key imported or revoked)? The pane's stand-in for the
 *  CLI's trust file: until then nothing can be verified, and nothing is refused for it. */
export const trustIsSet = (trust: TrustStore): boolean =>
  trust.keys.length > 0 || trust.revoked.length > 0;

/** A prefill that needs no look: as signed, or nothing prefilled at all. */
export const prefillOk = (p: { status: string }): boolean =>
  p.status === 'intact' || p.status === 'none';

/** The words for a rules sheet made visible: very hidden, it is unhidden only on purpose (other
 *  programs, LibreOffice among them, save it merely hidden, which is no alarm). */
export const metaUnhiddenMessage = (sheet: string): Msg => ({
  zh: `规则数据表 ${sheet} 已被取消隐藏(原为深度隐藏),请核对表内规则和指标是否被改动`,
  en: `the rules sheet ${sheet} was unhidden (it was very hidden): check whether its rules or targets were changed`,
});

/**
 * May a workbook be scored by its rules? The one decision for `kaohe score` and the task pane.
 * `checked`: the user keeps a trust list (the CLI's trust file, keys imported in the pane). Without
 * one nothing can be verified and nothing is refused for it: a `draft`, `unchecked`. With one:
 * `official` — a trusted edition whose prefill (the unit's targets and baselines, when given) is
 * intact; otherwise — unsigned rules, a failed verification (unknown key, bad signature, rules
 * altered, revoked or expired key, …) or a prefill that is not as issued — `refused` (not scored,
 * nothing written), or a `draft` when the user asked for one (`forced`: the CLI's `--unsigned`, the
 * pane's 按草稿计分). `why` is what failed: the edition's message, else the prefill's. A rules
 * sheet made visible (`metaUnhidden`, the sheet's name; `kaohe verify` fails it too) is refused
 * the same way, last: `failed` 'meta'.
 */
export type ScoringGate =
  | { decision: 'official'; edition: EditionCheck }
  | {
      decision: 'draft';
      edition: WorkbookEdition;
      forced: boolean;
      unchecked: boolean;
      failed: 'edition' | 'prefill' | 'meta' | null;
      why: Msg;
    }
  | {
      decision: 'refused';
      edition: WorkbookEdition;
      failed: 'edition' | 'prefill' | 'meta';
      why: Msg;
    };

export function scoringGate(
  edition: WorkbookEdition,
  options: {
    draft: boolean;
    checked: boolean;
    prefill?: { status: string; message: Msg };
    /** The rules sheet's name when it was made visible (read.metaUnhidden). */
    metaUnhidden?: string;
  },
): ScoringGate {
  if (!options.checked)
    return {
      decision: 'draft',
      edition,
      forced: false,
      unchecked: true,
      failed: null,
      why: edition.message,
    };
  const prefillBad = options.prefill !== undefined && !prefillOk(options.prefill);
  const failed =
    edition.status !== 'trusted'
      ? 'edition'
      : prefillBad
        ? 'prefill'
        : options.metaUnhidden !== undefined
          ? 'meta'
          : null;
  if (edition.status === 'trusted' && failed === null) return { decision: 'official', edition };
  const why =
    failed === 'prefill' && options.prefill
      ? options.prefill.message
      : failed === 'meta' && options.metaUnhidden !== undefined
        ? metaUnhiddenMessage(options.metaUnhidden)
        : edition.message;
  const what = failed ?? 'edition';
  return options.draft
    ? { decision: 'draft', edition, forced: true, unchecked: false, failed: what, why }
    : { decision: 'refused', edition, failed: what, why };
}
