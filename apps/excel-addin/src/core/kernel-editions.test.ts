// The pane reads a workbook's signed edition with @kaohe/sheet's workbookEdition and decides with
// its scoringGate, as `kaohe score` does: a trusted edition is official; unsigned rules are
// scored as a draft; rules that fail verification are refused — nothing written — unless a draft
// is asked for. Workbooks made as the CLI makes them (key, publish, template), tampers as a unit
// could do them.
import { baotou2012, baotou2012SampleUnits } from '@kaohe/rulesets';
import { SHEET_NAMES, type TrustStore } from '@kaohe/sheet';
import { describe, expect, it } from 'vitest';
import { createMemoryPort } from '../standalone/memory-port.ts';
import type { MemoryWorkbook } from '../standalone/memory-workbook.ts';
import { asGrids, filledTemplate, parsed } from '../testing/sample-workbook.ts';
import {
  alterRules,
  breakSignature,
  dropSignature,
  issuerKey,
  prefilledTemplate,
  signedTemplate,
} from '../testing/signed-workbook.ts';
import { createKernel } from './kernel.ts';
import { verificationLines } from '../pane/verification-lines.ts';
import { createSession } from './session.ts';
import type { SheetGrid } from './workbook-port.ts';

const ruleSet = parsed(baotou2012);
const kdq = baotou2012SampleUnits.find((u) => u.id === 'kdq')!;
const qsq = baotou2012SampleUnits.find((u) => u.id === 'qsq')!;
const dhq = baotou2012SampleUnits.find((u) => u.id === 'dhq')!;
const issuer = issuerKey('包头市人口和计划生育委员会');
const trusted: TrustStore = { keys: [issuer.publicKey], revoked: [] };

function session(grids: SheetGrid[], trust: TrustStore) {
  const book: MemoryWorkbook = {
    sheets: grids.map((g) => ({
      name: g.name,
      state: g.name.startsWith(SHEET_NAMES.meta) ? 'veryHidden' : 'visible',
      values: g.values,
      numberFormats: g.numberFormats,
    })),
    active: SHEET_NAMES.scoring,
    charts: [],
    selection: null,
  };
  const port = createMemoryPort(book);
  return { port, session: createSession(port, createKernel(), () => trust) };
}

const signed = () => signedTemplate(ruleSet, kdq, issuer);
const titleOf = (port: ReturnType<typeof createMemoryPort>) =>
  port.workbook.sheets.find((x) => x.name === SHEET_NAMES.scoring)?.values[0]?.[0];

async function editionOf(grids: SheetGrid[], trust: TrustStore) {
  const state = await session(grids, trust).session.inspect();
  if (state.kind !== 'assessment') throw new Error(`not read: ${state.kind}`);
  return state;
}

describe('the pane verifies the edition a workbook carries', () => {
  it('trusted: 正式版本, by whom, with the fingerprint; integrity intact; scored officially', async () => {
    const state = await editionOf(asGrids(signed()), trusted);
    expect(state.edition).toMatchObject({
      status: 'trusted',
      gate: 'official',
      signer: { fingerprint: issuer.fingerprint, issuer: '包头市人口和计划生育委员会' },
    });
    expect(state.edition.message.zh).toContain(
      `正式版本:由包头市人口和计划生育委员会签发(指纹 ${issuer.fingerprint})`,
    );
    expect(state.ruleSet.integrity).toBe('intact');
    const { port, session: s } = session(asGrids(signed()), trusted);
    const applied = await s.selfAssess();
    if (!applied.ok) throw new Error(JSON.stringify(applied));
    expect(applied.plan.scoredAs).toEqual({ decision: 'official' });
    expect(port.journal).toHaveLength(1);
  });

  it('each failure its own status; the checksum alone never says intact', async () => {
    const otherKey = issuerKey('某单位自己的密钥');
    const expired = issuerKey('包头市人口和计划生育委员会', [2008, 2010]);
    const cases = [
      ['unsigned', asGrids(filledTemplate(ruleSet, kdq)), trusted, 'unknown'],
      ['unsigned', asGrids(dropSignature(signed())), trusted, 'unknown'],
      ['unknown-key', asGrids(signed()), { keys: [], revoked: [] }, 'unknown'],
      [
        'unknown-key',
        asGrids(signedTemplate(ruleSet, kdq, otherKey)),
        trusted, // another key than the one imported
        'unknown',
      ],
      ['bad-signature', asGrids(breakSignature(signed())), trusted, 'unknown'],
      ['rules-altered', asGrids(alterRules(signed())), trusted, 'altered'],
      [
        'revoked',
        asGrids(signed()),
        {
          keys: [issuer.publicKey],
          revoked: [{ keyId: issuer.publicKey.keyId, reason: '私钥遗失' }],
        },
        'unknown',
      ],
      [
        'key-expired',
        asGrids(signedTemplate(ruleSet, kdq, expired)),
        { keys: [expired.publicKey], revoked: [] },
        'unknown',
      ],
    ] as const;
    for (const [status, grids, trust, integrity] of cases) {
      const state = await editionOf(grids as SheetGrid[], trust as TrustStore);
      expect(state.edition.status, status).toBe(status);
      // With a trust list (a key imported) anything but a trusted edition is refused; with none
      // nothing can be verified and nothing is refused for it (as kaohe score without a trust file).
      const listed = trust.keys.length + trust.revoked.length > 0;
      expect(state.edition.gate, status).toBe(listed ? 'refused' : 'draft');
      expect(state.ruleSet.integrity, status).toBe(integrity);
    }
  });

  it('checks the prefill as kaohe score does: a baseline the unit changed is refused, named', async () => {
    // The assessing level issued 上年出生人口性别比 as the roster has it; the unit raised it.
    const issued = { sex_ratio_prev: kdq.values.sex_ratio_prev ?? null };
    const intact = session(asGrids(prefilledTemplate(ruleSet, kdq, issuer, issued)), trusted);
    const ok = await intact.session.selfAssess();
    if (!ok.ok) throw new Error(JSON.stringify(ok));
    expect(ok.plan.scoredAs).toEqual({ decision: 'official' });
    const changed = prefilledTemplate(ruleSet, kdq, issuer, issued, { sex_ratio_prev: '126.1' });
    // Said when the sheet is read, before anything is scored: a line of its own in the pane.
    const shown = await editionOf(asGrids(changed), trusted);
    expect(shown.edition).toMatchObject({ status: 'trusted', gate: 'refused' });
    expect(shown.edition.prefill?.status).toBe('failed');
    expect(verificationLines(shown).map((l) => [l.id, l.tone, l.title])).toEqual([
      ['edition', 'success', 'verify.official'],
      ['prefill', 'error', 'verify.prefillBad'],
    ]);
    expect(verificationLines(shown)[1]?.detail.zh).toContain('126.1');
    const asIssued = await editionOf(
      asGrids(prefilledTemplate(ruleSet, kdq, issuer, issued)),
      trusted,
    );
    expect(verificationLines(asIssued).map((l) => [l.id, l.tone])).toEqual([
      ['edition', 'success'],
      ['prefill', 'success'],
    ]);
    // No trust list kept: nothing verified, no prefill line (as kaohe score without one).
    const none = await editionOf(asGrids(changed), { keys: [], revoked: [] });
    expect(none.edition.prefill).toBeUndefined();
    const { port, session: s } = session(asGrids(changed), trusted);
    const applied = await s.selfAssess();
    expect(applied.ok).toBe(false);
    if (applied.ok || 'headerChanged' in applied) throw new Error('scored');
    expect(applied.problems.map((p) => p.code)).toEqual(['rules-unverified']);
    expect(applied.problems[0]?.message.zh).toContain('126.1');
    expect(port.journal).toEqual([]);
    // Asked for a draft, it is scored as one, the prefill's problem said.
    const draft = await s.selfAssess({ draft: true });
    if (!draft.ok) throw new Error(JSON.stringify(draft));
    expect(draft.plan.scoredAs).toMatchObject({ decision: 'draft', forced: true });
    // The scoring sheet's title says it is a draft, for what failed: the prefill, not the rules.
    const title = String(titleOf(port));
    expect(title).toContain('【草稿:预填指标未通过核验,非正式考核结果');
    expect(title).not.toContain('按未经验证的规则');
    expect(title).toContain('126.1');
  });

  it('refuses to score by rules that fail verification: nothing written, the reason named', async () => {
    const { port, session: s } = session(asGrids(alterRules(signed())), trusted);
    const applied = await s.selfAssess();
    expect(applied.ok).toBe(false);
    if (applied.ok || 'headerChanged' in applied) throw new Error('scored');
    expect(applied.problems).toEqual([
      expect.objectContaining({
        code: 'rules-unverified',
        severity: 'error',
        message: expect.objectContaining({
          zh: '考核规则未通过验证,不予计分:考核办法内容与签名不符(已被改动)',
        }),
      }),
    ]);
    expect(port.journal).toEqual([]);
  });

  it('scores them as a draft when asked (kaohe score --unsigned), saying so', async () => {
    const { port, session: s } = session(asGrids(alterRules(signed())), trusted);
    const applied = await s.selfAssess({ draft: true });
    if (!applied.ok) throw new Error(JSON.stringify(applied));
    expect(applied.plan.scoredAs).toMatchObject({ decision: 'draft', forced: true });
    expect(port.journal).toHaveLength(1);
    // Marked in the sheet, as kaohe score --unsigned marks it: the rules are what failed.
    expect(String(titleOf(port))).toContain(
      '【草稿:按未经验证的规则计分,非正式考核结果 / draft: scored by unverified rules】(考核办法内容与签名不符(已被改动))',
    );
    // Scored again: marked once.
    await s.selfAssess({ draft: true });
    expect(String(titleOf(port)).split('【草稿').length).toBe(2);
  });

  it('unsigned rules: refused once a key is imported (as kaohe score with a trust list), a draft before', async () => {
    const { session: s } = session(asGrids(filledTemplate(ruleSet, kdq)), trusted);
    const refused = await s.selfAssess();
    expect(refused.ok).toBe(false);
    const { session: none } = session(asGrids(filledTemplate(ruleSet, kdq)), {
      keys: [],
      revoked: [],
    });
    const applied = await none.selfAssess();
    if (!applied.ok) throw new Error(JSON.stringify(applied));
    expect(applied.plan.scoredAs).toMatchObject({
      decision: 'draft',
      forced: false,
      message: { zh: '规则未签名(草稿,非正式版本)' },
    });
  });

  it('verifies against the trust list as it is at each action (a key imported later counts)', async () => {
    let trust: TrustStore = { keys: [], revoked: [] };
    const port = createMemoryPort({
      sheets: asGrids(signed()).map((g) => ({
        name: g.name,
        state: g.name === SHEET_NAMES.meta ? 'veryHidden' : 'visible',
        values: g.values,
        numberFormats: g.numberFormats,
      })),
      active: SHEET_NAMES.scoring,
      charts: [],
      selection: null,
    });
    const s = createSession(port, createKernel(), () => trust);
    expect(await s.inspect()).toMatchObject({ edition: { status: 'unknown-key' } });
    trust = trusted;
    expect(await s.inspect()).toMatchObject({ edition: { status: 'trusted' } });
  });

  it('review flags each returned unit whose rules are not a trusted edition, as kaohe review --trust', async () => {
    const reviewer = asGrids(filledTemplate(ruleSet, { id: '', name: '', values: {} }));
    const units = [
      ...asGrids(signedTemplate(ruleSet, qsq, issuer), ' (2)'),
      ...asGrids(filledTemplate(ruleSet, dhq), ' (3)'),
    ];
    const reviewed = await session([...reviewer, ...units], trusted).session.review();
    if (!reviewed.ok) throw new Error(JSON.stringify(reviewed));
    const flagged = Object.fromEntries(
      reviewed.plan.units.map((u) => [
        u.unit.name,
        u.problems.filter((p) => p.code === 'rules-unverified').map((p) => p.message.zh),
      ]),
    );
    expect(flagged).toEqual({
      青山区: [],
      东河区: ['规则不是可信的正式版本:规则未签名(草稿,非正式版本)'],
    });
  });
});
