// A unit's signed prefill (issue 15 point 3): its targets and baselines, its identity, bound to
// the edition its workbook carries. Untouched workbooks verify; each tamper is named at its cell.
import { describe, expect, it } from 'vitest';
import { fill, fixtureInput, goodValues, ruleSetOf, unit } from '../__tests__/fixture.ts';
import { readSheet } from '../read/read-sheet.ts';
import { reviewReturns } from '../review/review.ts';
import { buildTemplate } from '../template/build-template.ts';
import type { SheetGrid } from '../types.ts';
import { publishEdition, type TrustStore } from './edition.ts';
import { createKey, openKey } from './keys.ts';
import { signPrefill, verifyPrefill } from './prefill.ts';

const key = createKey('市计生委口令2012', {
  issuer: '测试市人民政府',
  validFrom: 2012,
  validTo: 2013,
  scryptN: 2 ** 10,
});
const opened = openKey(key.file, '市计生委口令2012');
if (!opened.ok) throw new Error('no key');
const secret = opened.value.secret;
const trust: TrustStore = { keys: [key.publicKey], revoked: [] };
const withTarget = (edition: number) =>
  ruleSetOf({
    ...fixtureInput,
    edition,
    inputs: fixtureInput.inputs.map((i) =>
      i.id === 'policy_rate' ? { ...i, source: 'assigned' as const } : i,
    ),
  });
const rs = withTarget(3);
const edition = publishEdition(rs, { secret, key: key.publicKey, issuedAt: 'x' });
const prefill = { values: { policy_rate: '92.5' }, previous: { pop: '48000' } };
const sign = (u: { id: string; name: string }, p = prefill, e = edition) =>
  signPrefill(e, u, p, { secret, key: key.publicKey, issuedAt: '2013-01-05T00:00:00Z' });
const envelope = sign(unit);
const template = buildTemplate(rs, unit, { edition, prefill, prefillSignature: envelope });
// The unit fills its own figures; its target stays as issued.
const { policy_rate: _target, ...own } = goodValues;
const filled = (): SheetGrid[] => fill(template, own);
const data = (g: SheetGrid[]) => g.find((s) => s.name === template.map.data.sheet);
const rowOf = (id: string) => template.map.data.rows.find((r) => r.id === id)?.row ?? -1;
const check = (grids: SheetGrid[], t: TrustStore = trust) => {
  const read = readSheet(grids, { ruleSet: rs, embedded: 'reviewer-wins' });
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return verifyPrefill(read.value, t);
};
const setMeta = (grids: SheetGrid[], key: string, value: string) => {
  const meta = grids.find((g) => g.name === template.map.meta.sheet);
  const row = meta?.values.find((r) => r[0] === key);
  if (!row) throw new Error(`no ${key}`);
  row[1] = value;
};

describe('a signed prefill', () => {
  it('an untouched, filled workbook is intact', () => {
    const c = check(filled());
    expect(c.status).toBe('intact');
    expect(c.message.zh).toMatch(/^预填指标完好:由测试市人民政府签发\(指纹 [0-9A-F ]+\),共 2 项$/);
  });

  it('a lowered target is named at its cell, with what was issued', () => {
    const g = filled();
    const cells = data(g)?.values[rowOf('policy_rate')];
    if (!cells) throw new Error('no row');
    cells[template.map.data.columns.value] = 0.85; // a percent cell: 85 %
    const c = check(g);
    expect(c.status).toBe('altered');
    expect(c.changes).toEqual([
      {
        field: 'policy_rate',
        column: 'value',
        address: `基础数据!E${rowOf('policy_rate') + 1}`,
        signed: '92.5',
        found: '85',
      },
    ]);
    expect(c.message.zh).toContain('符合政策生育率(%) 基础数据!E');
    expect(c.message.zh).toContain('签发为 92.5,现为 85');
  });

  it('a baseline (上年数据) changed and a unit renamed are caught too', () => {
    const g = filled();
    const cells = data(g)?.values[rowOf('pop')];
    if (!cells) throw new Error('no row');
    cells[template.map.data.columns.previous] = 60000;
    const scoring = g.find((s) => s.name === template.map.scoring.sheet);
    const at = template.map.scoring.header.unitName;
    if (!scoring || !at) throw new Error('no header');
    (scoring.values[at.row] ?? [])[at.col] = '青山区';
    expect(check(g).changes.map((c) => [c.field, c.column, c.signed, c.found])).toEqual([
      ['unitName', 'unit', '昆都仑区', '青山区'],
      ['pop', 'previous', '48000', '60000'],
    ]);
  });

  it('another unit’s signed prefill pasted in is another unit; another edition’s is refused', () => {
    const g = filled();
    setMeta(g, 'prefill', JSON.stringify(sign({ id: 'qs', name: '青山区' })));
    expect(check(g).changes.map((c) => c.field)).toEqual(['unitId', 'unitName']);
    const other = publishEdition(withTarget(4), { secret, key: key.publicKey, issuedAt: 'x' });
    const h = filled();
    setMeta(h, 'prefill', JSON.stringify(sign(unit, prefill, other)));
    expect(check(h).status).toBe('other-edition');
  });

  it('an edited signed statement, an unknown, revoked or expired key are refused', () => {
    const g = filled();
    const edited = { ...envelope, payload: btoa(atob(envelope.payload).replace('92.5', '80')) };
    setMeta(g, 'prefill', JSON.stringify(edited));
    expect(check(g).status).toBe('bad-signature');
    expect(check(filled(), { keys: [], revoked: [] }).status).toBe('unknown-key');
    expect(check(filled(), { ...trust, revoked: [{ keyId: key.publicKey.keyId }] }).status).toBe(
      'revoked',
    );
    const old = { ...key.publicKey, validFrom: 2010, validTo: 2011 };
    expect(check(filled(), { keys: [old], revoked: [] }).status).toBe('key-expired');
  });

  it('targets without a signature are unsigned; nothing prefilled is none', () => {
    const plain = buildTemplate(rs, unit, { edition, prefill });
    const read = readSheet(fill(plain, own), { ruleSet: rs });
    if (!read.ok) throw new Error('unread');
    expect(verifyPrefill(read.value, trust).status).toBe('unsigned');
    const blank = readSheet(fill(buildTemplate(rs, unit, { edition }), {}), { ruleSet: rs });
    if (!blank.ok) throw new Error('unread');
    expect(verifyPrefill(blank.value, trust).status).toBe('none');
  });

  it('buildTemplate refuses a signature of other figures than the ones it writes', () => {
    expect(() =>
      buildTemplate(rs, unit, {
        edition,
        prefill: { values: { policy_rate: '80' }, previous: prefill.previous },
        prefillSignature: envelope,
      }),
    ).toThrow(/prefill signature/);
  });

  it('review flags the unit in its findings, the 排名 notes and the 差异 sheet', () => {
    const g = filled();
    const cells = data(g)?.values[rowOf('policy_rate')];
    if (!cells) throw new Error('no row');
    cells[template.map.data.columns.value] = 0.85;
    const r = reviewReturns([{ file: 'kdq.xlsx', grids: g }], rs, undefined, { trust });
    expect(r.findings.prefillUnverified).toBe(1);
    expect(r.units[0]?.prefill?.status).toBe('altered');
    const ranking = r.summary.sheets.find((s) => s.name === '排名');
    expect(JSON.stringify(ranking?.values)).toContain('预填指标被改动');
    const diff = r.summary.sheets.find((s) => s.name === '差异');
    const row = diff?.values.find((v) => String(v[2]).startsWith('预填指标被改动'));
    expect(row?.slice(0, 5)).toEqual([
      'kdq',
      '昆都仑区',
      '预填指标被改动 / prefill altered: 符合政策生育率(%)',
      '92.5',
      '85',
    ]);
    const clean = reviewReturns([{ file: 'kdq.xlsx', grids: filled() }], rs, undefined, { trust });
    expect(clean.findings.prefillUnverified).toBe(0);
  });
});
