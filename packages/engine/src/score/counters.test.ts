import { inspectionRuleSet, ruleSetHeader } from '@kaohe/test-utils';
import { describe, expect, it } from 'vitest';
import { createLeanScorer } from '../fast/score-lean.ts';
import { rankCohort } from '../fast/rank-cohort.ts';
import type { UnitInput } from '../model/result.ts';
import type { RuleSetInput } from '../schema/ruleset.ts';
import { parseRuleSet } from '../validate/parse.ts';
import { compileRuleSet } from './compile.ts';
import { carryCounters } from './counters.ts';
import { scoreUnit } from './score-unit.ts';

// A quarterly inspection: 3 failures in a row or 5 in all → interview (约谈); a failure is the
// input itself being 否 (the counter reads the input, not the item).
const json: RuleSetInput = inspectionRuleSet({ when: '!passed' });
const parsed = parseRuleSet(json);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const rs = compileRuleSet(parsed.value);
const unit = (passed: boolean | null, counters?: UnitInput['counters']): UnitInput => ({
  id: 'x',
  name: '某镇',
  values: { passed },
  ...(counters ? { counters } : {}),
});

describe('counters across periods', () => {
  it('adds this period to the counts the unit brought, and sanctions read them', () => {
    const cases: [boolean, UnitInput['counters'], [number, number], boolean][] = [
      [false, { fail: { consecutive: 2, cumulative: 2 } }, [3, 3], true], // third in a row
      [false, { fail: { consecutive: 0, cumulative: 4 } }, [1, 5], true], // fifth in all
      [true, { fail: { consecutive: 2, cumulative: 4 } }, [0, 4], false], // a pass ends the run
      [false, undefined, [1, 1], false], // the first period
    ];
    for (const [passed, before, [consecutive, cumulative], interview] of cases) {
      const r = scoreUnit(rs, unit(passed, before));
      expect(r.counters).toEqual([
        {
          id: 'fail',
          label: { zh: '检查不合格', en: '检查不合格' },
          counts: !passed,
          consecutive,
          cumulative,
        },
      ]);
      expect(r.sanctions.map((s) => s.id)).toEqual(interview ? ['talk'] : []);
    }
  });

  it('rolls forward period by period: fail, fail, pass, fail, fail, fail → interview in the sixth', () => {
    let counters: UnitInput['counters'];
    const talks: boolean[] = [];
    for (const passed of [false, false, true, false, false, false]) {
      const r = scoreUnit(rs, unit(passed, counters));
      talks.push(r.sanctions.some((s) => s.id === 'talk'));
      counters = carryCounters(r);
    }
    expect(talks).toEqual([false, false, false, false, false, true]);
    expect(counters).toEqual({ fail: { consecutive: 3, cumulative: 5 } });
  });

  it('carries the counts over when this period cannot be decided, and says why', () => {
    const r = scoreUnit(rs, unit(null, { fail: { consecutive: 2, cumulative: 2 } }));
    expect(r.counters[0]).toMatchObject({ counts: null, consecutive: 2, cumulative: 2 });
    expect(r.issues).toContainEqual(
      expect.objectContaining({
        code: 'counter-undecided',
        path: 'counters.fail',
        inputId: 'passed',
      }),
    );
    // The figure is named as the official knows it, never by its id.
    expect(r.issues.find((i) => i.code === 'counter-undecided')?.message.zh).toContain(
      '缺少「本季度检查合格」',
    );
    // Two failures in a row before; this month may be the third: the interview is undecided
    // (待定), never "not held" on the carried-over count of 2.
    expect(r.issues).toContainEqual(
      expect.objectContaining({ code: 'sanction-undecided', path: 'talk' }),
    );
    expect(r.sanctions).toEqual([]);
  });

  it('reports counts brought in that cannot be counts, and reads them as none', () => {
    const r = scoreUnit(rs, unit(false, { fail: { consecutive: 3, cumulative: 1 } }));
    expect(r.issues).toContainEqual(
      expect.objectContaining({ code: 'bad-counter', path: 'counters.fail', severity: 'error' }),
    );
    expect(r.counters[0]).toMatchObject({ consecutive: 1, cumulative: 1 });
  });

  it('reads counts brought as null, or as no object, as none, with an error, on both paths', () => {
    for (const raw of [null, 3, 'two']) {
      const u = unit(false, { fail: raw as never });
      const r = scoreUnit(rs, u);
      expect(r.issues).toContainEqual(
        expect.objectContaining({ code: 'bad-counter', path: 'counters.fail', severity: 'error' }),
      );
      expect(r.counters[0]).toMatchObject({ consecutive: 1, cumulative: 1 });
      expect(rankCohort(rs, [u]).units[0]?.sanctions).toEqual(r.sanctions.map((s) => s.id));
    }
  });

  it('gives the cohort fast path the same sanctions', () => {
    const lean = createLeanScorer(rs);
    for (const [passed, consecutive, cumulative] of [
      [false, 2, 2],
      [false, 0, 4],
      [true, 2, 4],
      [false, 0, 0],
      [null, 2, 4],
    ] as const) {
      const u = unit(passed, { fail: { consecutive, cumulative } });
      expect(lean(u).sanctions).toEqual(scoreUnit(rs, u).sanctions.map((s) => s.id));
      expect(lean(u).complete).toBe(scoreUnit(rs, u).complete);
    }
  });

  it('decides the sanctions on counters on the integers in rankCohort, as scoreUnit does', () => {
    // Every period outcome (passed, failed, blank) against counts brought in: none, runs about
    // to reach 3 in a row or 5 in all, and counts that cannot be counts (read as none).
    const before: (UnitInput['counters'] | undefined)[] = [
      undefined,
      { fail: { consecutive: 2, cumulative: 2 } },
      { fail: { consecutive: 0, cumulative: 4 } },
      { fail: { consecutive: 2, cumulative: 4 } },
      { fail: { consecutive: 1, cumulative: 1 } },
      { fail: { consecutive: 3, cumulative: 1 } },
      { fail: { consecutive: -1, cumulative: 4 } },
      { fail: { consecutive: 2.5, cumulative: 4 } },
      { other: { consecutive: 2, cumulative: 4 } },
    ];
    for (const when of ['!passed', "!met('一.1')", "score('一.1') < 10 && total < 10"]) {
      const p = parseRuleSet(inspectionRuleSet({ when }));
      if (!p.ok) throw new Error(JSON.stringify(p.issues));
      const rules = compileRuleSet(p.value);
      const units = before.flatMap((counters, k) =>
        ([true, false, null] as const).map((passed, j) => ({
          ...unit(passed, counters),
          id: `u${k}-${j}`,
        })),
      );
      const ranked = rankCohort(rules, units);
      const got = ranked.units.map((u) => [u.unitId, u.complete, [...u.sanctions]]);
      const want = units.map((u) => {
        const r = scoreUnit(rules, u);
        return [u.id, r.complete, r.sanctions.map((s) => s.id)];
      });
      expect(new Map(got.map((g) => [g[0], g]))).toEqual(new Map(want.map((w) => [w[0], w])));
      // Interviews held and undecided both occur, so the comparison can fail either way.
      expect(want.some((w) => (w[2] as string[]).length > 0)).toBe(true);
      expect(want.some((w) => w[1] === false)).toBe(true);
      // Every sanction was decided on the integers, none handed to the exact evaluator.
      expect(ranked.routes).toMatchObject({ sanctionsFast: units.length, sanctionsExact: 0 });
    }
  });

  it('decides sanctions on status() in rankCohort on the integers, as scoreUnit does', () => {
    // A floor on a rate (met, partly met at 0.5 a point below, not met far below, blank) and an
    // item not assessed for towns; sanctions on each status by name.
    const p = parseRuleSet(
      ruleSetHeader({
        points: 10,
        classes: [
          { id: 'town', label: '镇' },
          { id: 'farm', label: '农场' },
        ],
        inputs: [
          { id: 'rate', label: '比率', unit: '%' },
          { id: 'done', label: '已完成', unit: 'yesno' },
        ],
        sections: [
          {
            code: '一',
            title: '甲',
            points: 10,
            items: [
              {
                code: '1',
                title: '比率',
                points: 6,
                rule: {
                  kind: 'threshold',
                  value: 'rate',
                  op: '>=',
                  target: 90,
                  below: { per: 1, points: 0.5, steps: 'pro-rata' },
                },
              },
              {
                code: '2',
                title: '完成',
                points: 4,
                applicable: "class == 'town'",
                rule: { kind: 'yesno', input: 'done' },
              },
            ],
          },
        ],
        sanctions: [
          { id: 'm', level: 'notice', when: "status('一.1') == 'met'", reason: '达标' },
          { id: 'p', level: 'notice', when: "status('一.1') == 'partly-met'", reason: '部分' },
          { id: 'n', level: 'notice', when: "status('一.1') != 'not-met'", reason: '非不达标' },
          { id: 'x', level: 'notice', when: "status('一.1') == 'missing-input'", reason: '缺' },
          {
            id: 'a',
            level: 'notice',
            when: "status('一.2') == 'not-applicable'",
            reason: '不考核',
          },
        ],
      }),
    );
    if (!p.ok) throw new Error(JSON.stringify(p.issues.map((i) => `${i.path}: ${i.message.en}`)));
    const rules = compileRuleSet(p.value);
    const units: UnitInput[] = ['95', '88', '70', null].flatMap((rate, i) =>
      (['town', 'farm'] as const).map((cls) => ({
        id: `u${i}-${cls}`,
        name: 'u',
        class: cls,
        values: { rate, done: true },
      })),
    );
    const ranked = rankCohort(rules, units);
    const got = new Map(ranked.units.map((u) => [u.unitId, [...u.sanctions]]));
    const want = new Map(units.map((u) => [u.id, scoreUnit(rules, u).sanctions.map((x) => x.id)]));
    expect(got).toEqual(want);
    // Every status met with: met, partly met, not met, missing, not applicable.
    expect(new Set([...want.values()].flat())).toEqual(new Set(['m', 'p', 'n', 'x', 'a']));
    expect(ranked.routes).toMatchObject({ sanctionsFast: 5 * units.length, sanctionsExact: 0 });
  });

  it('leaves rule sets without counters as they were (no field added, so earlier checksums hold)', () => {
    const { counters: _counters, sanctions: _sanctions, ...without } = json;
    const p = parseRuleSet(without);
    expect(p.ok && 'counters' in p.value).toBe(false);
    expect(p.ok && scoreUnit(compileRuleSet(p.value), unit(false)).counters).toEqual([]);
  });

  it('refuses counters read outside sanctions, unknown counters and repeated ids, naming the place', () => {
    const bad = parseRuleSet({
      ...json,
      counters: [...(json.counters ?? []), { id: 'fail', label: '重复', when: 'passed' }],
      sections: [
        {
          code: '一',
          title: '检查',
          points: 10,
          items: [
            {
              code: '1',
              title: '本月检查',
              points: 10,
              rule: { kind: 'expr', score: "10 - consecutive('fail')" },
            },
          ],
        },
      ],
      sanctions: [
        { id: 'talk', level: 'interview', when: "cumulative('nope') >= 5", reason: '约谈' },
      ],
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => `${i.code}@${i.path}`)).toEqual(
      expect.arrayContaining([
        'counter-misplaced@sections[0].items[0].rule.score',
        'unknown-counter@sanctions[0].when',
        'duplicate-id@counters[1].id',
      ]),
    );
  });
});
