// The pane's trust list: the public keys this browser trusts, kept as the CLI keeps its trust
// list (the same JSON, read by @kaohe/sheet's parseTrustFile; keys added and removed by its
// trustAdd / trustRemove; revocations by a later notice's key id by its trustRevoke, as
// `kaohe trust revoke`). Part of the lazily loaded kernel: key parsing needs the curve code.
import {
  EMPTY_TRUST_FILE,
  fingerprintOf,
  parsePublicKey,
  parseTrustFile,
  trustAdd,
  trustRemove,
  trustRevoke,
  type PublicKeyInfo,
  type TrustFile,
  type TrustStore,
} from '@kaohe/sheet';
import type { Msg } from '@kaohe/engine';

/** A key as the pane shows it for confirmation: issuer, fingerprint, valid years. */
export interface KeyInfo {
  keyId: string;
  issuer: string;
  fingerprint: string;
  validFrom: number;
  validTo: number;
  /** Revoked by the list (with the notice's reason, possibly ''), else undefined. */
  revoked?: string;
}

/** A key id revoked by a later notice: who it was (when the key is imported here), and why. */
export interface RevokedInfo {
  keyId: string;
  fingerprint: string;
  /** The issuer of the key when this list holds it; null for a key never imported here. */
  issuer: string | null;
  reason: string;
}

export interface TrustRead {
  file: TrustFile;
  store: TrustStore;
  keys: KeyInfo[];
  /** Every revocation the list records, imported keys or not (a revocation is never dropped). */
  revoked: RevokedInfo[];
  /** Why the stored list could not be read (it is then empty here, and said so; never silently). */
  problem: Msg | null;
}

export type KeyOutcome<T> = { ok: true; value: T } | { ok: false; message: Msg };

const info = (k: PublicKeyInfo, store?: TrustStore): KeyInfo => {
  const r = store?.revoked.find((x) => x.keyId === k.keyId);
  return {
    keyId: k.keyId,
    issuer: k.issuer,
    fingerprint: fingerprintOf(k.keyId),
    validFrom: k.validFrom,
    validTo: k.validTo,
    ...(r ? { revoked: r.reason ?? '' } : {}),
  };
};

const EMPTY: TrustStore = { keys: [], revoked: [] };

const revokedInfo = (store: TrustStore): RevokedInfo[] =>
  store.revoked.map((r) => ({
    keyId: r.keyId,
    fingerprint: fingerprintOf(r.keyId),
    issuer: store.keys.find((k) => k.keyId === r.keyId)?.issuer ?? null,
    reason: r.reason ?? '',
  }));

/** The stored text (null: nothing stored yet) as a trust list. */
export function readTrustText(text: string | null): TrustRead {
  if (text === null)
    return { file: EMPTY_TRUST_FILE, store: EMPTY, keys: [], revoked: [], problem: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    json = undefined;
  }
  const parsed = parseTrustFile(json);
  if (!parsed.ok)
    return {
      file: EMPTY_TRUST_FILE,
      store: EMPTY,
      keys: [],
      revoked: [],
      problem: parsed.message,
    };
  const { file, store } = parsed.value;
  return {
    file,
    store,
    keys: store.keys.map((k) => info(k, store)),
    revoked: revokedInfo(store),
    problem: null,
  };
}

/** A pasted line, read for confirmation before anything is kept. */
export function previewKey(line: string): KeyOutcome<KeyInfo> {
  const k = parsePublicKey(line);
  return k.ok ? { ok: true, value: info(k.value) } : k;
}

/** The list with the pasted key added (once): the text to keep. */
export function addKey(
  file: TrustFile,
  line: string,
): KeyOutcome<{ text: string; key: KeyInfo; already: boolean }> {
  const added = trustAdd(file, line);
  if (!added.ok) return added;
  return {
    ok: true,
    value: {
      text: trustText(added.value.file),
      key: info(added.value.key),
      already: added.value.already,
    },
  };
}

/** The list without the key: the text to keep. */
export const removeKey = (file: TrustFile, keyId: string): string =>
  trustText(trustRemove(file, keyId));

/**
 * The list with a key revoked by a later notice (its key id or fingerprint as printed, and the
 * notice's reason): the text to keep, and which key it is. Also the panel's preview before
 * anything is kept (the text then unused).
 */
export function revokeKey(
  file: TrustFile,
  typed: string,
  reason?: string,
): KeyOutcome<{ text: string; revoked: RevokedInfo }> {
  const done = trustRevoke(file, typed, reason);
  if (!done.ok) return done;
  const { keyId, key } = done.value;
  const entry = done.value.file.revoked.find((r) => r.keyId === keyId);
  return {
    ok: true,
    value: {
      text: trustText(done.value.file),
      revoked: {
        keyId,
        fingerprint: fingerprintOf(keyId),
        issuer: key?.issuer ?? null,
        reason: entry?.reason ?? '',
      },
    },
  };
}

const trustText = (file: TrustFile): string => `${JSON.stringify(file, null, 2)}\n`;
