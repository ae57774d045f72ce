// What the assessing level carries into a unit's workbook from earlier rounds — the counts of the
// periods before (3 failures in a row → 约谈) and the certification history — signed with the
// prefill: a unit that edits them in kaohe_meta is caught at that cell, and the review goes by
// the signed counts and history, never the unit's edited ones.
import { parseRuleSet, type CertificationRecord, type RuleSet } from '@kaohe/engine';
import { grassrootsCertification } from '@kaohe/rulesets';
import { inspectionRuleSet } from '@kaohe/test-utils';
import { describe, expect, it } from 'vitest';
import { certificationMet, fill, signingKey } from '../__tests__/fixture.ts';
import { readSheet } from '../read/read-sheet.ts';
import { reviewReturns } from '../review/review.ts';
import { buildTemplate, type TemplateOptions } from '../template/build-template.ts';
import type { CellValue, SheetGrid } from '../types.ts';
import { publishEdition, type TrustStore } from './edition.ts';
import { signPrefill, verifyPrefill } from './prefill.ts';

const by = signingKey('某镇人民政府', [2012, 2013]);
const trust: TrustStore = { keys: [by.key], revoked: [] };
const parsed = (input: unknown): RuleSet => {
  const r = parseRuleSet(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};
const unit = { id: 'v01', name: '甲村' };

/** `rs` published, and 甲村's (empty) prefill signed with `signed` (the counts, the history). */
function signed(rs: RuleSet, carried: Pick<TemplateOptions, 'counters' | 'history'>) {
  const edition = publishEdition(rs, { ...by, issuedAt: '2012-01-05T00:00:00Z' });
  const prefillSignature = signPrefill(
    edition,
    unit,
    {},
    { ...by, issuedAt: '2012-10-01T00:00:00Z' },
    carried,
  );
  return { edition, prefill: {}, prefillSignature };
}

/** A signed workbook of `rs` for 甲村 carrying `carried` (counts, history), signed with them. */
function signedWorkbook(
  rs: RuleSet,
  carried: Pick<TemplateOptions, 'counters' | 'history'>,
  values: Record<string, CellValue>,
  evidence: Record<string, CellValue> = {},
): SheetGrid[] {
  return fill(buildTemplate(rs, unit, { ...signed(rs, carried), ...carried }), values, evidence);
}

/** Sets kaohe_meta's `key` row (the first) to `text`; its cell. */
function setMeta(grids: SheetGrid[], rowKey: string, text: string): string {
  const meta = grids.find((g) => g.name === 'kaohe_meta');
  const row = meta?.values.findIndex((r) => r[0] === rowKey) ?? -1;
  const cells = meta?.values[row];
  if (!cells) throw new Error(`no ${rowKey} row`);
  cells[1] = text;
  return `kaohe_meta!B${row + 1}`;
}

const check = (rs: RuleSet, grids: SheetGrid[]) => {
  const read = readSheet(grids, { ruleSet: rs, embedded: 'reviewer-wins' });
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return verifyPrefill(read.value, trust);
};

describe('counts carried from the periods before, signed', () => {
  const rs = parsed(inspectionRuleSet({ points: 100 }, { title: '村级季度考核' }));
  // Two failed quarters before this one: this third failure in a row gives 约谈 (2 + 1 = 3).
  const carried = { counters: { fail: { consecutive: 2, cumulative: 2 } } };
  const workbook = () => signedWorkbook(rs, carried, { passed: '否' });
  const interviews = (grids: SheetGrid[]) =>
    reviewReturns([{ file: '甲村.xlsx', grids }], rs, undefined, {
      trust,
    }).units[0]?.ranked.result.sanctions.map((s) => s.id);

  it('unchanged: intact, and the third failure in a row is interviewed', () => {
    expect(check(rs, workbook()).status).toBe('intact');
    expect(interviews(workbook())).toEqual(['talk']);
  });

  it('a count edited in kaohe_meta is named at its cell, and the signed counts are used', () => {
    const grids = workbook();
    // The unit sets its failures in a row back to none, to escape the interview.
    const at = setMeta(grids, 'counters', '{"fail":{"consecutive":0,"cumulative":2}}');
    const c = check(rs, grids);
    expect(c.status).toBe('altered');
    expect(c.changes).toEqual([
      { field: 'fail', column: 'consecutive', address: at, signed: 2, found: 0 },
    ]);
    expect(c.message.zh).toBe(`预填指标已被改动:检查不合格(上期连续次数) ${at} 签发为 2,现为 0`);
    expect(c.message.en).toBe(
      `prefill altered: counter fail (in a row before) at ${at} was issued as 2, now 0`,
    );
    // Scored with the counts as signed: 2 + 1 = 3 in a row, interviewed all the same.
    expect(interviews(grids)).toEqual(['talk']);
    const review = reviewReturns([{ file: '甲村.xlsx', grids }], rs, undefined, { trust });
    expect(review.findings.prefillUnverified).toBe(1);
    const differences = review.summary.sheets.find((s) => s.name === '差异');
    expect(
      differences?.values.some(
        (r) => String(r[2]).includes('检查不合格(上期连续次数)') && String(r[6]).startsWith(at),
      ),
    ).toBe(true);
  });

  it('counts carried without a signature are flagged as unsigned, naming the cell', () => {
    const t = buildTemplate(rs, unit, carried);
    const grids = fill(t, { passed: '否' });
    const read = readSheet(grids, { ruleSet: rs });
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const c = verifyPrefill(read.value, trust);
    expect(c.status).toBe('unsigned');
    expect(c.message.zh).toContain(`上期计数(${read.value.countersAt})`);
  });

  it('the template refuses a signature of other counts than it carries', () => {
    expect(() => buildTemplate(rs, unit, { ...signed(rs, {}), ...carried })).toThrow(
      /counts or history/,
    );
  });
});

describe('a certification history carried into the re-assessment, signed', () => {
  const rs = parsed(grassrootsCertification);
  const { MET, evidence } = certificationMet(rs);
  const failed: CertificationRecord = {
    unitId: unit.id,
    ruleSetId: rs.id,
    edition: rs.edition,
    assessedOn: '2012-11-20',
    attempt: 1,
    passed: false,
    failing: [],
    rectifyBy: '2012-12-20',
  };
  const workbook = () => signedWorkbook(rs, { history: [failed] }, MET, evidence);
  const certified = (grids: SheetGrid[]) =>
    reviewReturns([{ file: '甲村.xlsx', grids }], rs, undefined, {
      trust,
      assessedOn: '2012-12-18',
    }).certification?.units[0];

  it('unchanged: intact, and the re-assessment is the second', () => {
    expect(check(rs, workbook()).status).toBe('intact');
    expect(certified(workbook())?.outcome?.record).toMatchObject({ passed: true, attempt: 2 });
  });

  it('a record removed from kaohe_meta is named at its cell; the signed history is used', () => {
    const grids = workbook();
    // The unit drops its failed first assessment, to pass as a first assessment.
    const at = setMeta(grids, 'history', '[]');
    const c = check(rs, grids);
    expect(c.status).toBe('altered');
    expect(c.changes).toEqual([
      {
        field: '1',
        column: 'history',
        address: at,
        signed: '2012-11-20 第1次认定未通过(0项条款未达到,限2012-12-20前整改)',
        found: null,
        en: {
          signed:
            '2012-11-20 assessment 1: not certified (0 clause(s) not met; rectify by 2012-12-20)',
          found: null,
        },
      },
    ]);
    expect(c.message.zh).toContain(`第1次认定记录 ${at} 签发为 2012-11-20 第1次认定未通过`);
    expect(c.message.zh).toContain('现为 空白');
    expect(certified(grids)?.outcome?.record).toMatchObject({ passed: true, attempt: 2 });
  });
});
