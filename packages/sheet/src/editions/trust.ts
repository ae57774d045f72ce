// The trust list as a file: the public key lines a reader imported and the key ids revoked by a
// later notice. Read strictly: a list that is not exactly this shape is refused, naming the entry.
import { z } from 'zod';
import type { TrustStore } from './edition.ts';
import { formatPublicKey, parsePublicKey, type Parsed, type PublicKeyInfo } from './keys.ts';

const KEY_ID = /^[0-9a-f]{16}$/;

const TrustFileSchema = z
  .object({
    kaohe: z.literal('trust'),
    version: z.literal(1),
    keys: z.array(z.string()),
    revoked: z.array(
      z.object({ keyId: z.string().regex(KEY_ID), reason: z.string().optional() }).strict(),
    ),
  })
  .strict();
export type TrustFile = z.infer<typeof TrustFileSchema>;

export const EMPTY_TRUST_FILE: TrustFile = Object.freeze({
  kaohe: 'trust',
  version: 1,
  keys: [],
  revoked: [],
});

/** A trust list file's JSON, checked; the first problem named by where it is. */
export function parseTrustFile(json: unknown): Parsed<{ file: TrustFile; store: TrustStore }> {
  const parsed = TrustFileSchema.safeParse(json);
  if (!parsed.success) {
    const at = parsed.error.issues[0]?.path.join('.') || '(root)';
    return {
      ok: false,
      message: { zh: `信任列表格式不正确(${at})`, en: `the trust list is malformed (at ${at})` },
    };
  }
  const keys: PublicKeyInfo[] = [];
  for (const [i, line] of parsed.data.keys.entries()) {
    const k = parsePublicKey(line);
    if (!k.ok)
      return {
        ok: false,
        message: {
          zh: `信任列表第 ${i + 1} 个公钥有误:${k.message.zh}`,
          en: `key ${i + 1} of the trust list: ${k.message.en}`,
        },
      };
    keys.push(k.value);
  }
  return { ok: true, value: { file: parsed.data, store: { keys, revoked: parsed.data.revoked } } };
}

/** A key id as typed: the 16 hex digits, or the fingerprint read off a notice ("9C32 116E …"). */
export function normalizeKeyId(text: string): string | undefined {
  const id = text.replace(/\s+/g, '').toLowerCase();
  return KEY_ID.test(id) ? id : undefined;
}

/**
 * A public key line added to a trust list (`kaohe trust add`, the pane's key import): the line is
 * read strictly, written back in its own form; a key already there is not added twice.
 */
export function trustAdd(
  file: TrustFile,
  line: string,
): Parsed<{ file: TrustFile; key: PublicKeyInfo; already: boolean }> {
  const key = parsePublicKey(line);
  if (!key.ok) return key;
  const had = file.keys.some((l) => {
    const k = parsePublicKey(l);
    return k.ok && k.value.keyId === key.value.keyId;
  });
  return {
    ok: true,
    value: {
      file: had ? file : { ...file, keys: [...file.keys, formatPublicKey(key.value)] },
      key: key.value,
      already: had,
    },
  };
}

/** The trust list without a key (its revocation, if any, stays: a revoked key is never unrevoked). */
export function trustRemove(file: TrustFile, keyId: string): TrustFile {
  return {
    ...file,
    keys: file.keys.filter((l) => {
      const k = parsePublicKey(l);
      return !(k.ok && k.value.keyId === keyId);
    }),
  };
}

/**
 * A key revoked by a later notice (`kaohe trust revoke`, the pane's key panel): the key id as the
 * notice prints it — its 16 hex digits or the fingerprint ("9C32 116E …") — recorded once with the
 * notice's reason (a second revocation of the same key replaces the first's reason). A key not in
 * the list is revoked all the same (`known` false: the caller says so); a revoked key is never
 * trusted again, even when it is imported later.
 */
export function trustRevoke(
  file: TrustFile,
  typed: string,
  reason?: string,
): Parsed<{ file: TrustFile; keyId: string; key?: PublicKeyInfo }> {
  const keyId = normalizeKeyId(typed);
  if (!keyId)
    return {
      ok: false,
      message: {
        zh: `「${typed.trim()}」不是密钥编号(16 位十六进制)或指纹`,
        en: `"${typed.trim()}" is not a key id (16 hex digits) or a fingerprint`,
      },
    };
  const key = file.keys.map((l) => parsePublicKey(l)).find((k) => k.ok && k.value.keyId === keyId);
  const why = reason?.trim();
  return {
    ok: true,
    value: {
      file: {
        ...file,
        revoked: [
          ...file.revoked.filter((r) => r.keyId !== keyId),
          { keyId, ...(why ? { reason: why } : {}) },
        ],
      },
      keyId,
      ...(key?.ok ? { key: key.value } : {}),
    },
  };
}
