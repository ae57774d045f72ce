// Signing keys without a PKI: an issuer makes an Ed25519 key pair once, keeps the secret key in a
// passphrase-protected file (scrypt + XChaCha20-Poly1305) and prints the public key as one line
// with a short fingerprint in its official notice. Pure JavaScript (@noble/*): Excel's webviews
// cannot be relied on for WebCrypto Ed25519.
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { scrypt } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { fromBase64, toBase64 } from './base64.ts';

/** A public key as the notice prints it: `kaohe-ed25519 <key id> <key> <from>-<to> <issuer>`. */
export interface PublicKeyInfo {
  keyId: string;
  /** 32 bytes, base64. */
  publicKey: string;
  issuer: string;
  /** Years the key may sign editions for, inclusive. */
  validFrom: number;
  validTo: number;
}

const PREFIX = 'kaohe-ed25519';

/** The key id: the first 16 hex digits of SHA-256 of the public key. */
const keyIdOf = (publicKey: Uint8Array): string => bytesToHex(sha256(publicKey)).slice(0, 16);

/** The fingerprint an official reads out or compares on paper: the key id in groups of four. */
export const fingerprintOf = (keyId: string): string =>
  (keyId.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');

export const formatPublicKey = (k: PublicKeyInfo): string =>
  `${PREFIX} ${k.keyId} ${k.publicKey} ${k.validFrom}-${k.validTo} ${k.issuer}`;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: { zh: string; en: string } };

/** Reads a public key line; the key id must be the key's own (a line edited by hand is refused). */
export function parsePublicKey(line: string): Parsed<PublicKeyInfo> {
  const m =
    /^\s*kaohe-ed25519\s+([0-9a-f]{16})\s+([A-Za-z0-9+/]{43}=)\s+(\d{4})-(\d{4})\s+(.+?)\s*$/.exec(
      line,
    );
  const bad = (zh: string, en: string): Parsed<PublicKeyInfo> => ({
    ok: false,
    message: { zh, en },
  });
  if (!m)
    return bad(
      '公钥格式不正确:应为“kaohe-ed25519 编号 公钥 起止年份 签发单位”一行',
      'not a public key line: expected "kaohe-ed25519 <key id> <key> <from>-<to> <issuer>"',
    );
  const [, keyId = '', publicKey = '', from = '', to = '', issuer = ''] = m;
  const bytes = fromBase64(publicKey);
  if (!bytes || bytes.length !== 32 || keyIdOf(bytes) !== keyId)
    return bad(
      '公钥与其编号不符(该行可能被改动)',
      'the key does not match its key id (the line may have been edited)',
    );
  if (!ed25519.utils.isValidPublicKey(bytes, false))
    return bad('公钥不是有效的 Ed25519 公钥', 'not a valid Ed25519 public key');
  if (Number(from) > Number(to))
    return bad('公钥的有效年份起止颠倒', 'the key’s valid years are reversed');
  return {
    ok: true,
    value: { keyId, publicKey, issuer, validFrom: Number(from), validTo: Number(to) },
  };
}

/** The secret key file (JSON): the public part in clear, the secret key sealed by the passphrase. */
export const SecretKeyFile = z
  .object({
    kaohe: z.literal('secret-key'),
    version: z.literal(1),
    keyId: z.string(),
    publicKey: z.string(),
    issuer: z.string(),
    validFrom: z.number().int(),
    validTo: z.number().int(),
    kdf: z
      .object({
        name: z.literal('scrypt'),
        N: z.number().int(),
        r: z.number().int(),
        p: z.number().int(),
        salt: z.string(),
      })
      .strict(),
    cipher: z.literal('xchacha20poly1305'),
    nonce: z.string(),
    sealed: z.string(),
  })
  .strict();
export type SecretKeyFile = z.infer<typeof SecretKeyFile>;

export interface NewKeyOptions {
  issuer: string;
  validFrom: number;
  validTo: number;
  /** scrypt cost, 2^15 by default (tests may lower it). */
  scryptN?: number;
}

const deriveKey = (passphrase: string, kdf: SecretKeyFile['kdf']): Uint8Array => {
  const salt = fromBase64(kdf.salt) ?? new Uint8Array();
  return scrypt(utf8ToBytes(passphrase.normalize('NFC')), salt, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    dkLen: 32,
  });
};

/** Makes a key pair; the secret key leaves only sealed by the passphrase. */
export function createKey(
  passphrase: string,
  options: NewKeyOptions,
): { file: SecretKeyFile; publicKey: PublicKeyInfo; line: string; fingerprint: string } {
  if (passphrase.length < 8) throw new RangeError('passphrase shorter than 8 characters');
  const secret = ed25519.utils.randomSecretKey();
  const pub = ed25519.getPublicKey(secret);
  const keyId = keyIdOf(pub);
  const kdf = {
    name: 'scrypt' as const,
    N: options.scryptN ?? 2 ** 15,
    r: 8,
    p: 1,
    salt: toBase64(randomBytes(16)),
  };
  const nonce = randomBytes(24);
  const publicKey: PublicKeyInfo = {
    keyId,
    publicKey: toBase64(pub),
    issuer: options.issuer,
    validFrom: options.validFrom,
    validTo: options.validTo,
  };
  // The public part is bound to the sealed key (associated data): a file whose clear part is
  // edited does not open.
  const sealed = xchacha20poly1305(
    deriveKey(passphrase, kdf),
    nonce,
    utf8ToBytes(formatPublicKey(publicKey)),
  ).encrypt(secret);
  const file: SecretKeyFile = {
    kaohe: 'secret-key',
    version: 1,
    ...publicKey,
    kdf,
    cipher: 'xchacha20poly1305',
    nonce: toBase64(nonce),
    sealed: toBase64(sealed),
  };
  return { file, publicKey, line: formatPublicKey(publicKey), fingerprint: fingerprintOf(keyId) };
}

/** Opens a secret key file with its passphrase. */
export function openKey(
  raw: unknown,
  passphrase: string,
): Parsed<{ secret: Uint8Array; publicKey: PublicKeyInfo }> {
  const parsed = SecretKeyFile.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      message: { zh: '不是考核系统的私钥文件', en: 'not a Kaohe secret key file' },
    };
  const f = parsed.data;
  const publicKey: PublicKeyInfo = {
    keyId: f.keyId,
    publicKey: f.publicKey,
    issuer: f.issuer,
    validFrom: f.validFrom,
    validTo: f.validTo,
  };
  try {
    const secret = xchacha20poly1305(
      deriveKey(passphrase, f.kdf),
      fromBase64(f.nonce) ?? new Uint8Array(),
      utf8ToBytes(formatPublicKey(publicKey)),
    ).decrypt(fromBase64(f.sealed) ?? new Uint8Array());
    if (toBase64(ed25519.getPublicKey(secret)) !== f.publicKey) throw new Error('key mismatch');
    return { ok: true, value: { secret, publicKey } };
  } catch {
    // The AEAD tag fails for a wrong passphrase and for a damaged or edited file alike.
    return {
      ok: false,
      message: {
        zh: '口令不正确,或私钥文件已损坏、被改动',
        en: 'wrong passphrase, or the key file is damaged or edited',
      },
    };
  }
}
