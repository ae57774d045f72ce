// Embedded rules altered behind the workbook's back: an error by default (scoring by them would
// be scoring by whatever someone typed), read by the reviewer's rules under 'reviewer-wins'.
import { describe, expect, it } from 'vitest';
import type { RuleSetInput } from '@kaohe/engine';
import { sha256Hex } from '../checksum.ts';
import { buildTemplate } from '../template/build-template.ts';
import { fill, fixtureInput, goodValues, ruleSetOf, unit } from '../__tests__/fixture.ts';
import type { SheetGrid } from '../types.ts';
import { readSheet } from './read-sheet.ts';

const rs = ruleSetOf();
const t = buildTemplate(rs, unit);

/** The filled grids with the meta sheet's json and checksum rows changed by `edit`. */
function altered(edit: (json: string, checksum: string) => [string, string]): {
  grids: SheetGrid[];
  checksumRow: number;
} {
  const grids = fill(t, goodValues);
  const meta = grids.find((g) => g.name === 'kaohe_meta');
  if (!meta) throw new Error('fixture: no meta sheet');
  const jsonRow = meta.values.findIndex((r) => r[0] === 'json');
  const checksumRow = meta.values.findIndex((r) => r[0] === 'checksum');
  const [json, sum] = edit(
    String(meta.values[jsonRow]?.[1]),
    String(meta.values[checksumRow]?.[1]),
  );
  meta.values[jsonRow] = ['json', json];
  meta.values[checksumRow] = ['checksum', sum];
  return { grids, checksumRow };
}

const pointsRaised = (): ReturnType<typeof altered> =>
  altered((json, sum) => [json.replace('"points":4', '"points":9'), sum]);

describe('readSheet with altered embedded rules', () => {
  it('is an error by default and without the reviewer’s rules (what `kaohe score` does)', () => {
    const { grids } = pointsRaised();
    expect(readSheet(grids)).toMatchObject({ ok: false, issues: [{ code: 'meta-tampered' }] });
    expect(readSheet(grids, { embedded: 'reviewer-wins' })).toMatchObject({
      ok: false,
      issues: [{ code: 'meta-tampered' }],
    });
    expect(readSheet(grids, { ruleSet: rs })).toMatchObject({
      ok: false,
      issues: [{ code: 'meta-tampered' }],
    });
  });

  it('reviewer-wins: reads the figures by the reviewer’s rules, with a warning at the checksum cell', () => {
    const { grids, checksumRow } = pointsRaised();
    const r = readSheet(grids, { ruleSet: rs, embedded: 'reviewer-wins' });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const clean = readSheet(fill(t, goodValues));
    if (!clean.ok) throw new Error('fixture does not read');
    expect(r.value.unit).toEqual(clean.value.unit);
    expect(r.value.ruleSet).toBe(rs);
    expect(r.value).toMatchObject({
      rulesAltered: true,
      rulesDiffer: true,
      embeddedChecksum: clean.value.embeddedChecksum,
    });
    const w = r.warnings.find((x) => x.code === 'rules-altered');
    expect(w).toMatchObject({ severity: 'warning', address: `kaohe_meta!B${checksumRow + 1}` });
    expect(w?.message.zh).toContain('表内规则已被改动');
    expect(w?.message.en).toContain('embedded rules were altered');
    expect(r.warnings.map((x) => x.code)).not.toContain('rules-differ');
  });

  it('reviewer-wins: unparseable rules (checksum recomputed over the damage) are altered too', () => {
    const { grids } = altered(() => ['{"id":', sha256Hex('{"id":')]);
    const r = readSheet(grids, { ruleSet: rs, embedded: 'reviewer-wins' });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.rulesAltered).toBe(true);
    expect(r.warnings.find((x) => x.code === 'rules-altered')?.message.en).toContain('damaged');
  });

  it('reviewer-wins: intact rules of another edition stay `rules-differ`, not altered', () => {
    const r = readSheet(fill(t, goodValues), {
      ruleSet: ruleSetOf({ ...fixtureInput, edition: 4 }),
      embedded: 'reviewer-wins',
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value).toMatchObject({ rulesAltered: false, rulesDiffer: true });
    expect(r.warnings.map((x) => x.code)).toContain('rules-differ');
  });

  it('reviewer-wins: another rule-set id is still an error', () => {
    const { grids } = pointsRaised();
    const other = ruleSetOf({ ...fixtureInput, id: 'other-set' });
    const r = readSheet(grids, { ruleSet: other, embedded: 'reviewer-wins' });
    expect(r).toMatchObject({
      ok: false,
      issues: [{ code: 'ruleset-mismatch', address: 'kaohe_meta!B2' }],
    });
  });

  it('reviewer-wins: item rows that do not match the reviewer’s rules are an error', () => {
    const { grids } = pointsRaised();
    // Section 二's 13 points split over its item and a new one: a row the sheet does not have.
    const more = JSON.parse(JSON.stringify(fixtureInput)) as RuleSetInput;
    const second = more.sections[1];
    if (!second?.items[0]) throw new Error('fixture: no second section');
    second.items[0] = { ...second.items[0], points: 12 };
    second.items.push({
      code: '2',
      title: '新增',
      points: 1,
      rule: { kind: 'yesno', input: 'group' },
    });
    const r = readSheet(grids, { ruleSet: ruleSetOf(more), embedded: 'reviewer-wins' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toContain(
        'row-missing',
      );
  });
});
