// Signed editions (issue 15 points 1, 2, 4 in the engine of it): every tamper tried is caught,
// in the order the issue fixes (signature, digest, identity, then parse); untouched files pass.
import { describe, expect, it } from 'vitest';
import { baotou2012 } from '@kaohe/rulesets';
import { parseRuleSet, type RuleSet } from '@kaohe/engine';
import { bytesToUtf8, utf8ToBytes } from '@noble/ciphers/utils.js';
import { fromBase64, toBase64 } from './base64.ts';
import {
  checkChain,
  publishEdition,
  verifyEdition,
  type EditionFile,
  type TrustStore,
} from './edition.ts';
import { createKey, openKey, parsePublicKey } from './keys.ts';
import { sha256Hex } from '../checksum.ts';

const PASS = '包头市人口计生委2013';
// A low scrypt cost keeps the tests quick; files record their own cost.
const make = (issuer = '包头市人口和计划生育委员会', years: [number, number] = [2012, 2014]) =>
  createKey(PASS, { issuer, validFrom: years[0], validTo: years[1], scryptN: 2 ** 10 });
const rules = (edition = 1): RuleSet => {
  const p = parseRuleSet({ ...(baotou2012 as object), edition });
  if (!p.ok) throw new Error('baotou does not parse');
  return p.value;
};
const key = make();
const opened = openKey(key.file, PASS);
if (!opened.ok) throw new Error('key does not open');
const trust: TrustStore = { keys: [key.publicKey], revoked: [] };
const publish = (ruleSet: RuleSet, previous?: EditionFile) =>
  publishEdition(ruleSet, {
    secret: opened.value.secret,
    key: key.publicKey,
    issuedAt: '2013-01-15T08:00:00Z',
    ...(previous ? { previous } : {}),
  });
const e1 = publish(rules(1));
const clone = (f: EditionFile): EditionFile => JSON.parse(JSON.stringify(f)) as EditionFile;

describe('keys', () => {
  it('prints one public line with its fingerprint, and the line reads back', () => {
    expect(key.line).toMatch(
      /^kaohe-ed25519 [0-9a-f]{16} \S{44} 2012-2014 包头市人口和计划生育委员会$/,
    );
    expect(key.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
    const back = parsePublicKey(key.line);
    expect(back.ok && back.value).toEqual(key.publicKey);
  });

  it('refuses a line whose key was changed, a wrong passphrase and an edited key file', () => {
    const [head, id, pub, ...rest] = key.line.split(' ');
    const other = make().publicKey.publicKey;
    expect(parsePublicKey([head, id, other, ...rest].join(' ')).ok).toBe(false);
    expect(pub).toBeDefined();
    expect(openKey(key.file, 'wrong passphrase').ok).toBe(false);
    // The clear part is bound to the sealed key: a longer validity written in does not open.
    expect(openKey({ ...key.file, validTo: 2030 }, PASS).ok).toBe(false);
  });
});

describe('verifyEdition', () => {
  it('an untouched edition is trusted, with who signed it', () => {
    const v = verifyEdition(e1, trust);
    expect(v.status).toBe('trusted');
    expect(v.message.zh).toBe(
      `正式版本:由包头市人口和计划生育委员会签发(指纹 ${key.fingerprint}),2012年度第1版`,
    );
    expect(v.ruleSet?.id).toBe(rules().id);
  });

  it('survives a JSON round trip with other key order and spacing', () => {
    const f = JSON.parse(JSON.stringify(e1, null, 2)) as EditionFile;
    const reordered = { ruleSet: f.ruleSet, envelope: f.envelope, kaohe: f.kaohe };
    expect(verifyEdition(reordered, trust).status).toBe('trusted');
  });

  it('a threshold edited in the rules: altered', () => {
    const f = clone(e1);
    f.ruleSet = f.ruleSet.replace('"target":92', '"target":90');
    expect(f.ruleSet).not.toBe(e1.ruleSet);
    expect(verifyEdition(f, trust).status).toBe('rules-altered');
  });

  it('the same with the checksum recomputed in the statement: the signature fails', () => {
    const f = clone(e1);
    f.ruleSet = f.ruleSet.replace('"target":92', '"target":90');
    const body = JSON.parse(
      bytesToUtf8(fromBase64(f.envelope.payload) ?? new Uint8Array()),
    ) as Record<string, unknown>;
    body.ruleSetSha256 = sha256Hex(f.ruleSet);
    f.envelope.payload = toBase64(utf8ToBytes(JSON.stringify(body)));
    expect(verifyEdition(f, trust).status).toBe('bad-signature');
  });

  it('a signature copied from another edition fails', () => {
    const e2 = publish(rules(2), e1);
    const f = clone(e1);
    f.envelope.signatures = e2.envelope.signatures;
    expect(verifyEdition(f, trust).status).toBe('bad-signature');
    // Another edition's statement with this text: the digest does not match.
    const g = clone(e2);
    g.ruleSet = e1.ruleSet;
    expect(verifyEdition(g, trust).status).toBe('rules-altered');
  });

  it('an unknown key, a revoked key and a key outside its years are each said', () => {
    const stranger = make('某县');
    const o = openKey(stranger.file, PASS);
    if (!o.ok) throw new Error('no key');
    const forged = publishEdition(rules(), {
      secret: o.value.secret,
      key: stranger.publicKey,
      issuedAt: 'x',
    });
    expect(verifyEdition(forged, trust).status).toBe('unknown-key');
    expect(
      verifyEdition(e1, {
        ...trust,
        revoked: [{ keyId: key.publicKey.keyId, reason: '私钥遗失' }],
      }),
    ).toMatchObject({
      status: 'revoked',
      message: { zh: `签名密钥(指纹 ${key.fingerprint})已被吊销:私钥遗失` },
    });
    const late = make('包头市人口和计划生育委员会', [2015, 2016]);
    const lo = openKey(late.file, PASS);
    if (!lo.ok) throw new Error('no key');
    const old = publishEdition(rules(), {
      secret: lo.value.secret,
      key: late.publicKey,
      issuedAt: 'x',
    });
    expect(verifyEdition(old, { keys: [late.publicKey], revoked: [] }).status).toBe('key-expired');
  });

  it('a file that is not an edition is malformed, never parsed', () => {
    expect(verifyEdition({ kaohe: 'edition' }, trust).status).toBe('malformed');
    expect(verifyEdition(rules(), trust).status).toBe('malformed');
  });
});

describe('the chain of editions', () => {
  it('each edition names the one before; a replaced earlier edition breaks it', () => {
    const e2 = publish(rules(2), e1);
    const e3 = publish(rules(3), e2);
    expect(checkChain([e3, e1, e2])).toEqual({ ok: true, breaks: [] });
    const rewritten = publishEdition(rules(1), {
      secret: opened.value.secret,
      key: key.publicKey,
      issuedAt: '2013-02-01T00:00:00Z',
    });
    expect(checkChain([rewritten, e2, e3])).toEqual({ ok: false, breaks: [2] });
  });
});
