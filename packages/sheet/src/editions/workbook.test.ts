// A signed edition inside a workbook (issue 15 point 4): the meta sheet carries the edition's
// envelope; whoever reads the workbook checks who issued its rules. Tampers with the sheet are
// caught; an untouched workbook verifies.
import { describe, expect, it } from 'vitest';
import { fill, goodValues, ruleSetOf, unit } from '../__tests__/fixture.ts';
import { fixtureInput } from '../__tests__/fixture.ts';
import { sha256Hex } from '../checksum.ts';
import { readSheet } from '../read/read-sheet.ts';
import { buildTemplate } from '../template/build-template.ts';
import type { SheetGrid } from '../types.ts';
import { publishEdition, workbookEdition, type TrustStore } from './edition.ts';
import { createKey, openKey } from './keys.ts';

const key = createKey('市计生委口令2012', {
  issuer: '测试市人民政府',
  validFrom: 2012,
  validTo: 2013,
  scryptN: 2 ** 10,
});
const opened = openKey(key.file, '市计生委口令2012');
if (!opened.ok) throw new Error('no key');
const trust: TrustStore = { keys: [key.publicKey], revoked: [] };
const sign = (edition: number) => {
  const rs = ruleSetOf({ ...fixtureInput, edition });
  return {
    rs,
    file: publishEdition(rs, { secret: opened.value.secret, key: key.publicKey, issuedAt: 'x' }),
  };
};
const { rs, file } = sign(3);
const template = buildTemplate(rs, unit, { edition: file });
const check = (grids: SheetGrid[]) => {
  const read = readSheet(grids, { ruleSet: rs, embedded: 'reviewer-wins' });
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return workbookEdition(read.value, trust).status;
};
const meta = (grids: SheetGrid[]) => grids.find((g) => g.name === template.map.meta.sheet);
const row = (grids: SheetGrid[], key: string) =>
  meta(grids)?.values.find((r) => r[0] === key) as unknown[];

describe('a signed edition in a workbook', () => {
  it('an untouched, filled workbook verifies', () => {
    expect(check(fill(template, goodValues))).toBe('trusted');
  });

  it('an unsigned template says so', () => {
    const plain = buildTemplate(rs, unit);
    expect(check(fill(plain, goodValues))).toBe('unsigned');
  });

  it('rules edited in the meta sheet with the checksum recomputed: altered', () => {
    const grids = fill(template, goodValues);
    const json = row(grids, 'json');
    const edited = String(json[1]).replace('"target":92', '"target":90');
    expect(edited).not.toBe(json[1]);
    json[1] = edited;
    const before = String(row(grids, 'checksum')[1]);
    const after = sha256Hex(edited);
    row(grids, 'checksum')[1] = after;
    // The checksum printed in the scoring sheet's header too: every check short of the
    // signature now agrees with the edited rules.
    const shown = (h: string) => (h.slice(0, 12).match(/.{4}/g) ?? []).join(' ');
    for (const g of grids)
      for (const r of g.values)
        r.forEach((v, i) => {
          if (v === shown(before)) r[i] = shown(after);
        });
    expect(check(grids)).toBe('rules-altered');
  });

  it("another edition's signature pasted in, or the signature row deleted, is caught", () => {
    const grids = fill(template, goodValues);
    row(grids, 'signature')[1] = JSON.stringify(sign(4).file.envelope);
    expect(check(grids)).toBe('rules-altered');
    const gone = fill(template, goodValues);
    const m = meta(gone);
    if (!m) throw new Error('no meta');
    m.values = m.values.filter((r) => r[0] !== 'signature');
    expect(check(gone)).toBe('unsigned');
  });

  it('refuses to build a workbook from rules other than the edition signs', () => {
    expect(() =>
      buildTemplate(ruleSetOf({ ...fixtureInput, edition: 9 }), unit, { edition: file }),
    ).toThrow();
  });
});
