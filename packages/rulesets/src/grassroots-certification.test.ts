// Golden tests: grassroots-certification.json — one clause fails all (一条否决), 30 days to rectify.
import { certify, scoreUnit, type InputValue, type UnitInput } from '@kaohe/engine';
import { describe, expect, it } from 'vitest';
import { compiled, item } from './__tests__/helpers.ts';
import { grassrootsCertification } from './index.ts';

const rules = compiled(grassrootsCertification);
const EVIDENCE = grassrootsCertification.inputs.filter((i) => i.evidence).map((i) => i.id);
const MET: Record<string, InputValue> = {
  president_is_secretary: true,
  exec_vp_five_elders: true,
  secgen_is_fp_staff: true,
  member_groups: '12',
  members: '420',
  population: '4800',
  liaison_households: '420',
  charter: true,
  admission_docs: true,
  member_roster: true,
  liaison_roster: true,
  council_roster: true,
  activity_log: true,
  duties_defined: true,
  member_home: true,
  self_check_application: true,
};
const village = (
  id: string,
  changes: Record<string, InputValue>,
  missingEvidence: string[] = [],
): UnitInput => ({
  id,
  name: id === 'lj' ? '李家村计生协' : `${id}村计生协`,
  values: { ...MET, ...changes },
  evidence: Object.fromEntries(EVIDENCE.map((e) => [e, !missingEvidence.includes(e)])),
});

describe('grassroots-certification golden results', () => {
  it('declares 15 evidence-backed inputs and one clause per item', () => {
    expect(EVIDENCE).toHaveLength(15);
    expect(grassrootsCertification.sections.flatMap((s) => s.items)).toHaveLength(15);
  });

  it('certifies a village meeting every clause, 8 % and one household per member exactly', () => {
    // 384 ÷ 4800 = 8.00 % ≥ 8; 384 households for 384 members
    const outcome = certify(rules, village('lj', { members: '384', liaison_households: '384' }), {
      assessedOn: '2012-11-20',
    });
    if (!outcome.ok) throw new Error(outcome.issues.map((i) => i.message.en).join('; '));
    expect(outcome.value.record).toMatchObject({
      passed: true,
      failing: [],
      rectifyBy: null,
      attempt: 1,
    });
    // 15 clauses × 1 = 15
    expect(outcome.value.result.total).toBe('15');
  });

  it('lists every failing clause and sets the rectification date 30 days on', () => {
    // 360 ÷ 4800 = 7.5 % < 8 → 一.5 fails; no activity book → 二.6; no evidence for the member home → 三.1
    const u = village('wj', { members: '360', liaison_households: '360', activity_log: false }, [
      'member_home',
    ]);
    const outcome = certify(rules, u, { assessedOn: '2012-11-20' });
    if (!outcome.ok) throw new Error(outcome.issues.map((i) => i.message.en).join('; '));
    const { record } = outcome.value;
    expect(record.passed).toBe(false);
    expect(record.failing.map((f) => `${f.path}:${f.status}`)).toEqual([
      '一.5:not-met',
      '二.6:not-met',
      '三.1:missing-evidence',
    ]);
    // 2012-11-20 + 30 days = 2012-12-20
    expect(record.rectifyBy).toBe('2012-12-20');
    // 15 − 3 = 12
    expect(outcome.value.result.total).toBe('12');

    const again = certify(rules, village('wj', { members: '400', liaison_households: '400' }), {
      assessedOn: '2012-12-18',
      history: outcome.value.history,
    });
    if (!again.ok) throw new Error(again.issues.map((i) => i.message.en).join('; '));
    expect(again.value.record).toMatchObject({ attempt: 2, passed: true });
    expect(again.value.history).toHaveLength(2);
  });

  it('a blank member count leaves the clause undecided rather than failed as 0', () => {
    const r = scoreUnit(rules, village('zj', { members: null }));
    // 一.5 and 一.6 both read the member count
    expect(item(r, '一.5')).toMatchObject({ status: 'missing-input', missingInputs: ['members'] });
    expect(item(r, '一.6').status).toBe('missing-input');
    expect(r.complete).toBe(false);
  });
});
