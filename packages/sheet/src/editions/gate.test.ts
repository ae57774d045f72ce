// The scoring decision the CLI's `score` and the task pane share, and the trust list's add and
// remove (`kaohe trust add`, the pane's key import).
import { describe, expect, it } from 'vitest';
import type { WorkbookEdition } from './edition.ts';
import { scoringGate } from './edition.ts';
import { createKey } from './keys.ts';
import { EMPTY_TRUST_FILE, parseTrustFile, trustAdd, trustRemove, trustRevoke } from './trust.ts';

const msg = { zh: '…', en: '…' };
const of = (status: WorkbookEdition['status']) => ({ status, message: msg }) as WorkbookEdition;

describe('scoringGate', () => {
  const checked = true;
  it('without a trust list nothing is verified and nothing refused: a draft, unchecked', () => {
    for (const status of ['unsigned', 'unknown-key', 'rules-altered'] as const)
      expect(scoringGate(of(status), { draft: false, checked: false }), status).toMatchObject({
        decision: 'draft',
        forced: false,
        unchecked: true,
      });
  });

  it('with one, a trusted edition is official; unsigned rules are refused unless a draft is asked', () => {
    expect(scoringGate(of('trusted'), { draft: false, checked }).decision).toBe('official');
    expect(scoringGate(of('unsigned'), { draft: false, checked })).toMatchObject({
      decision: 'refused',
      failed: 'edition',
    });
    expect(scoringGate(of('unsigned'), { draft: true, checked })).toMatchObject({
      decision: 'draft',
      forced: true,
      unchecked: false,
    });
  });

  it('every failed verification is refused, unless a draft is asked for (then forced)', () => {
    const failed = [
      'malformed',
      'unknown-key',
      'bad-signature',
      'revoked',
      'key-expired',
      'rules-altered',
      'identity-mismatch',
      'invalid-rules',
    ] as const;
    for (const status of failed) {
      expect(scoringGate(of(status), { draft: false, checked }).decision, status).toBe('refused');
      expect(scoringGate(of(status), { draft: true, checked }), status).toMatchObject({
        decision: 'draft',
        forced: true,
      });
    }
    // Asking for a draft never makes a trusted edition less than official.
    expect(scoringGate(of('trusted'), { draft: true, checked }).decision).toBe('official');
  });

  it('a trusted edition with a prefill that is not as issued is refused for the prefill', () => {
    const altered = { status: 'altered', message: { zh: '责任指标被改动', en: 'target changed' } };
    expect(scoringGate(of('trusted'), { draft: false, checked, prefill: altered })).toMatchObject({
      decision: 'refused',
      failed: 'prefill',
      why: altered.message,
    });
    for (const status of ['intact', 'none'])
      expect(
        scoringGate(of('trusted'), { draft: false, checked, prefill: { status, message: msg } })
          .decision,
      ).toBe('official');
  });
});

describe('scoringGate: a rules sheet made visible', () => {
  const checked = true;
  it('a trusted edition whose rules sheet was unhidden is refused for it, last; a draft when asked', () => {
    const gate = scoringGate(of('trusted'), { draft: false, checked, metaUnhidden: 'kaohe_meta' });
    expect(gate).toMatchObject({ decision: 'refused', failed: 'meta' });
    expect(gate.decision !== 'official' && gate.why.zh).toBe(
      '规则数据表 kaohe_meta 已被取消隐藏(原为深度隐藏),请核对表内规则和指标是否被改动',
    );
    expect(
      scoringGate(of('trusted'), { draft: true, checked, metaUnhidden: 'kaohe_meta' }),
    ).toMatchObject({ decision: 'draft', forced: true, failed: 'meta' });
    // The edition and the prefill are said first.
    const altered = { status: 'altered', message: msg };
    expect(
      scoringGate(of('trusted'), { draft: false, checked, prefill: altered, metaUnhidden: 'm' }),
    ).toMatchObject({ failed: 'prefill' });
    expect(
      scoringGate(of('rules-altered'), { draft: false, checked, metaUnhidden: 'm' }),
    ).toMatchObject({ failed: 'edition' });
    // Without a trust list nothing is verified and nothing refused, as for the rest.
    expect(
      scoringGate(of('trusted'), { draft: false, checked: false, metaUnhidden: 'm' }).decision,
    ).toBe('draft');
  });
});

describe('trustAdd / trustRemove / trustRevoke', () => {
  const a = createKey('口令口令口令口令', {
    issuer: '某市人民政府',
    validFrom: 2012,
    validTo: 2014,
    scryptN: 2 ** 10,
  });
  const b = createKey('口令口令口令口令', {
    issuer: '某县人民政府',
    validFrom: 2012,
    validTo: 2014,
    scryptN: 2 ** 10,
  });

  it('adds a line once, in its own form, and the list reads back with the key', () => {
    const added = trustAdd(EMPTY_TRUST_FILE, `  ${a.line}  `);
    if (!added.ok) throw new Error(added.message.en);
    expect(added.value).toMatchObject({ already: false, key: a.publicKey });
    expect(added.value.file.keys).toEqual([a.line]);
    const again = trustAdd(added.value.file, a.line);
    expect(again.ok && again.value.already).toBe(true);
    expect(again.ok && again.value.file.keys).toEqual([a.line]);
    const read = parseTrustFile(added.value.file);
    expect(read.ok && read.value.store.keys).toEqual([a.publicKey]);
  });

  it('refuses a line that is not a key, saying why', () => {
    const bad = trustAdd(EMPTY_TRUST_FILE, a.line.replace(/ \S{43}= /, ' AAAA '));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message.zh).toContain('公钥格式不正确');
  });

  it('removes one key, keeping the others and the revocations', () => {
    const file = {
      ...EMPTY_TRUST_FILE,
      keys: [a.line, b.line],
      revoked: [{ keyId: a.publicKey.keyId }],
    };
    expect(trustRemove(file, a.publicKey.keyId)).toEqual({ ...file, keys: [b.line] });
  });

  it('revokes by the fingerprint as a notice prints it, once, with the reason; the key stays listed', () => {
    const file = { ...EMPTY_TRUST_FILE, keys: [a.line, b.line] };
    const revoked = trustRevoke(file, ` ${a.fingerprint.toLowerCase()} `, ' 私钥遗失 ');
    if (!revoked.ok) throw new Error(revoked.message.en);
    expect(revoked.value.keyId).toBe(a.publicKey.keyId);
    expect(revoked.value.key).toEqual(a.publicKey);
    expect(revoked.value.file).toEqual({
      ...file,
      revoked: [{ keyId: a.publicKey.keyId, reason: '私钥遗失' }],
    });
    // Read back, the store revokes it (edition.ts's openEnvelope then says 已被吊销).
    const read = parseTrustFile(revoked.value.file);
    expect(read.ok && read.value.store.revoked).toEqual([
      { keyId: a.publicKey.keyId, reason: '私钥遗失' },
    ]);
    // Again by its key id: one entry, the later reason.
    const again = trustRevoke(revoked.value.file, a.publicKey.keyId);
    expect(again.ok && again.value.file.revoked).toEqual([{ keyId: a.publicKey.keyId }]);
  });

  it('a key not in the list is revoked all the same (no key said); a typo is refused, named', () => {
    const other = trustRevoke(EMPTY_TRUST_FILE, b.publicKey.keyId);
    expect(other.ok && other.value.key).toBeUndefined();
    expect(other.ok && other.value.file.revoked).toEqual([{ keyId: b.publicKey.keyId }]);
    const bad = trustRevoke(EMPTY_TRUST_FILE, '9C32 116E');
    expect(bad).toEqual({
      ok: false,
      message: {
        zh: '「9C32 116E」不是密钥编号(16 位十六进制)或指纹',
        en: '"9C32 116E" is not a key id (16 hex digits) or a fingerprint',
      },
    });
  });
});
