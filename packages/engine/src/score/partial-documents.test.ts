// Partial documents (RULE-FORMS 50; issue 14 point 4): a declared points mismatch silences its
// own sum only, and a section whose items are not known yet is never scored around.
import { describe, expect, it } from 'vitest';
import { certify } from '../certify/certify.ts';
import { scoreCohort } from '../cohort/score-cohort.ts';
import { rankCohort } from '../fast/rank-cohort.ts';
import { parseRuleSet, validateRuleSet } from '../validate/parse.ts';
import { compileRuleSet } from './compile.ts';
import { scoreUnit } from './score-unit.ts';

type Item = Record<string, unknown>;
type Doc = Record<string, unknown> & { sections: (Item & { items: Item[] })[] };
const yes = (code: string, points: number, input = 'a') => ({
  code,
  title: `项目${code}`,
  points,
  rule: { kind: 'yesno' as const, input },
});
/** 一 (10: 6 + 4), 二 (10: 5 + 5), 三 (10, with a parent 1 of 6 = 3 + 3 and a 4): total 30. */
const doc = (): Doc =>
  ({
    schemaVersion: 1,
    id: 'partial',
    title: '残缺文件',
    issuer: '县',
    level: '乡镇',
    year: 2013,
    edition: 1,
    points: 30,
    rounding: { scores: { dp: 1, mode: 'half-up' } },
    inputs: [
      { id: 'a', label: '甲', unit: 'yesno' },
      { id: 'b', label: '乙', unit: 'yesno' },
    ],
    sections: [
      { code: '一', title: '组织', points: 10, items: [yes('1', 6), yes('2', 4)] },
      { code: '二', title: '经费', points: 10, items: [yes('1', 5), yes('2', 5, 'b')] },
      {
        code: '三',
        title: '服务',
        points: 10,
        items: [
          { code: '1', title: '父项', points: 6, items: [yes('(1)', 3), yes('(2)', 3)] },
          yes('2', 4),
        ],
      },
    ],
  }) as unknown as Doc;
const at = (json: unknown, severity: 'error' | 'warning' = 'error') =>
  validateRuleSet(json)
    .filter((i) => i.severity === severity)
    .map((i) => `${i.code}@${i.path}`);

describe('pointsMismatch where it is declared', () => {
  it('a cut-off section declared partial keeps a typo in another section an error', () => {
    const d = doc();
    // 一 is cut off in the copy: only its item 1 (6 of 10) survives.
    d.sections[0]!.items = [yes('1', 6)];
    d.sections[0]!.pointsMismatch = '原文件第一部分缺页,仅存第1项';
    // A typo in 二: 5 + 5 written as 5 + 6.
    (d.sections[1]!.items as { points: number }[])[1]!.points = 6;
    expect(at(d)).toEqual(['points-mismatch@sections[1].points']);
    expect(at(d, 'warning')).toEqual(['points-mismatch-declared@sections[0].pointsMismatch']);
    expect(validateRuleSet(d).find((i) => i.severity === 'warning')?.message).toEqual({
      zh: '第一部分 分值 10 与各项合计 6 不符,已声明:原文件第一部分缺页,仅存第1项',
      en: "section 一: points 10 differ from its items' total 6, as declared: 原文件第一部分缺页,仅存第1项",
    });
  });

  it("the rule set's own declaration silences the total only, not a section's sum", () => {
    const d = doc();
    d.points = 31; // the document's own total, declared
    d.pointsMismatch = '原文件总分31分';
    (d.sections[1]!.items as { points: number }[])[1]!.points = 6; // and a typo in 二
    // 31 against the sections' 10 + 10 + 10 = 30: declared. 二 says 10 but its items add up
    // to 5 + 6 = 11: that is still an error.
    expect(at(d)).toEqual(['points-mismatch@sections[1].points']);
    expect(at(d, 'warning')).toEqual(['points-mismatch-declared@pointsMismatch']);
    // Declared where the total does add up, it is said to be not needed.
    const agrees = doc();
    agrees.pointsMismatch = '以为不符';
    expect(at(agrees, 'warning')).toEqual(['points-mismatch-unneeded@pointsMismatch']);
  });

  it("a parent's declaration silences its own sum only, not its section's nor a sibling's", () => {
    const d = doc();
    const parent = d.sections[2]!.items[0]!;
    parent.items = [yes('(1)', 3), yes('(2)', 4)]; // 3 + 4 = 7 on a 6-point parent: declared
    parent.pointsMismatch = '原文件小项合计7分,大项6分';
    expect(at(d)).toEqual([]);
    // The same on a section that does not add up for its own reason: still found.
    (d.sections[2]!.items as { points: number }[])[1]!.points = 5; // 6 + 5 = 11 ≠ 10
    expect(at(d)).toEqual(['points-mismatch@sections[2].points']);
    // A section's declaration does not cover its parents' sums.
    const s = doc();
    s.sections[2]!.pointsMismatch = '原文件如此';
    const p = s.sections[2]!.items[0]!;
    p.items = [yes('(1)', 3), yes('(2)', 4)];
    expect(at(s)).toEqual(['points-mismatch@sections[2].items[0].points']);
  });

  it('a declaration with nothing to silence is said, not kept quiet', () => {
    const d = doc();
    d.sections[1]!.pointsMismatch = '以为不符';
    d.sections[0]!.items[1]!.pointsMismatch = '末级项';
    expect(at(d)).toEqual([]);
    expect(at(d, 'warning')).toEqual([
      'points-mismatch-unneeded@sections[0].items[1].pointsMismatch',
      'points-mismatch-unneeded@sections[1].pointsMismatch',
    ]);
  });

  it('class maxima are checked level by level too', () => {
    const d = doc();
    d.classes = [{ id: 'farm', label: '农场' }];
    // For farms 一.1 is worth 8: 一 adds up to 12 for farms, declared on 一 only.
    d.sections[0]!.items[0]!.pointsByClass = { farm: 8 };
    d.sections[0]!.pointsMismatch = '农场第一部分按原文件计10分';
    d.pointsByClass = { farm: 30 };
    expect(at(d)).toEqual([]);
    // Without the section's own declaration, the rule set's does not cover it.
    delete d.sections[0]!.pointsMismatch;
    d.pointsMismatch = '总分如此';
    expect(at(d)).toEqual(['points-mismatch@sections[0].points']);
  });
});

describe('a section whose items are not known yet', () => {
  const pendingDoc = (): Doc => {
    const d = doc();
    d.sections[2] = {
      code: '三',
      title: '服务',
      points: 10,
      items: [],
      itemsPending: { zh: '细则另行下发', en: 'details to follow' },
    };
    d.sanctions = [{ id: 'low', level: 'veto', when: 'total < 15', reason: '总分低于15分' }];
    d.grades = {
      bands: [
        { id: 'good', label: '好', min: 25 },
        { id: 'rest', label: '差', min: null },
      ],
    };
    return d;
  };

  it('is declared with its reason, and validated', () => {
    expect(at(pendingDoc())).toEqual([]);
    const warnings = validateRuleSet(pendingDoc()).filter((i) => i.severity === 'warning');
    expect(warnings.map((i) => [i.code, i.path, i.message.zh])).toEqual([
      [
        'section-pending',
        'sections[2].itemsPending',
        '第三部分考核项目待定(细则另行下发):该部分不计分,各单位总分不完整,等次待定',
      ],
    ]);
    const none = pendingDoc();
    delete none.sections[2]!.itemsPending;
    expect(at(none)).toEqual(['no-items@sections[2].items']);
    const both = pendingDoc();
    both.sections[2]!.items = [yes('1', 10)];
    expect(at(both)).toEqual(['items-pending-with-items@sections[2].itemsPending']);
    const tie = pendingDoc();
    tie.ranking = { tieBreak: ['section:三'] };
    expect(at(tie)).toEqual(['bad-tie-break@ranking.tieBreak[0]']);
  });

  it('is never scored: no score, the total incomplete, sanctions on it undecided, no grade', () => {
    const parsed = parseRuleSet(pendingDoc());
    if (!parsed.ok) throw new Error('rule set refused');
    const rs = compileRuleSet(parsed.value);
    const unit = { id: 'x', name: '某镇', values: { a: true, b: false } };
    const r = scoreUnit(rs, unit);
    // 一 6 + 4 = 10, 二 5 + 0 = 5; 三 not scored (neither 0 nor 10): 15 so far, incomplete.
    expect(r.sections.map((s) => [s.code, s.score, s.max])).toEqual([
      ['一', '10', '10'],
      ['二', '5', '10'],
      ['三', null, '10'],
    ]);
    expect(r.sections[2]!.pending).toEqual({ zh: '细则另行下发', en: 'details to follow' });
    expect(r).toMatchObject({ total: '15', max: '30', complete: false, vetoed: false });
    expect(r.issues.map((i) => `${i.code}@${i.path}`)).toEqual([
      'section-pending@三',
      'sanction-undecided@low',
    ]);
    expect(r.issues[0]!.message.zh).toBe(
      '第三部分考核项目待定(细则另行下发),未计分(满分10分);总分不完整',
    );
    const units = [unit, { id: 'y', name: '另一镇', values: { a: true, b: true } }];
    const cohort = scoreCohort(rs, units);
    expect(cohort.units.map((u) => [u.unitId, u.grade, u.gradeLabel?.zh, u.complete])).toEqual([
      ['y', null, '待定', false],
      ['x', null, '待定', false],
    ]);
    expect(cohort.grades?.graded).toBe(0);
    // The integer path says the same.
    const fast = rankCohort(rs, units);
    expect(fast.units.map((u) => [u.unitId, u.total, u.grade, u.complete])).toEqual([
      ['y', '20', null, false],
      ['x', '15', null, false],
    ]);
    // Its sections as scoreUnit has them: the pending one has no score (null), never 0.
    expect(fast.units.map((u) => u.sections.map((s) => (s === null ? null : s / 10)))).toEqual(
      cohort.units.map((u) =>
        u.result.sections.map((s) => (s.score === null ? null : Number(s.score))),
      ),
    );
    expect(fast.units[0]?.sections[2]).toBeNull();
  });

  it('certifies nobody on it', () => {
    const d = pendingDoc();
    d.kind = 'certification';
    d.rectificationDays = 30;
    delete d.grades;
    d.sanctions = [];
    const parsed = parseRuleSet(d);
    if (!parsed.ok) throw new Error('rule set refused');
    const out = certify(
      compileRuleSet(parsed.value),
      { id: 'x', name: '某村', values: { a: true, b: true } },
      {
        assessedOn: '2013-12-01',
      },
    );
    expect(out.ok && out.value.record.passed).toBe(false);
    expect(out.ok && out.value.record.failing.map((f) => [f.path, f.status, f.reason.zh])).toEqual([
      ['sections.三', 'undecided', '第三部分条款待定(细则另行下发),无法认定'],
    ]);
  });
});
