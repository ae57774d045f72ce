// The pane's trust list: the CLI's trust list format, read strictly; a list that cannot be read is
// said (and treated as empty), never silently dropped.
import { describe, expect, it } from 'vitest';
import { issuerKey } from '../testing/signed-workbook.ts';
import { addKey, previewKey, readTrustText, removeKey } from './trust.ts';

const a = issuerKey('包头市人口和计划生育委员会');
const b = issuerKey('呼和浩特市卫生健康委员会');

describe('the trust list kept in the browser', () => {
  it('nothing stored: an empty list, no problem', () => {
    expect(readTrustText(null)).toMatchObject({ keys: [], problem: null });
  });

  it('a pasted line previews as issuer, fingerprint and years; a bad one says why', () => {
    expect(previewKey(a.line)).toEqual({
      ok: true,
      value: {
        keyId: a.publicKey.keyId,
        issuer: '包头市人口和计划生育委员会',
        fingerprint: a.fingerprint,
        validFrom: 2012,
        validTo: 2014,
      },
    });
    const bad = previewKey('kaohe-ed25519 0123 xyz');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message.zh).toContain('公钥格式不正确');
  });

  it('adds keys once, reads them back, removes one', () => {
    const one = addKey(readTrustText(null).file, a.line);
    if (!one.ok) throw new Error(one.message.en);
    const two = addKey(readTrustText(one.value.text).file, b.line);
    if (!two.ok) throw new Error(two.message.en);
    const read = readTrustText(two.value.text);
    expect(read.keys.map((k) => k.issuer)).toEqual([
      '包头市人口和计划生育委员会',
      '呼和浩特市卫生健康委员会',
    ]);
    expect(read.store.keys).toEqual([a.publicKey, b.publicKey]);
    const again = addKey(read.file, a.line);
    expect(again.ok && again.value.already).toBe(true);
    const left = readTrustText(removeKey(read.file, a.publicKey.keyId));
    expect(left.keys.map((k) => k.fingerprint)).toEqual([b.fingerprint]);
  });

  it('a stored list that is not JSON or not a trust list is said, and treated as empty', () => {
    for (const text of ['{not json', JSON.stringify({ kaohe: 'trust', version: 1, keys: [1] })]) {
      const read = readTrustText(text);
      expect(read.keys).toEqual([]);
      expect(read.problem?.zh).toMatch(/^信任列表/);
    }
  });

  it('shows a revoked key as revoked, with the reason', () => {
    const text = JSON.stringify({
      kaohe: 'trust',
      version: 1,
      keys: [a.line],
      revoked: [{ keyId: a.publicKey.keyId, reason: '私钥遗失' }],
    });
    expect(readTrustText(text).keys[0]).toMatchObject({ revoked: '私钥遗失' });
  });
});
