import { describe, expect, it } from 'vitest';
import type { IndicatorResult, UnitResult } from '../model/result.ts';
import { Grades, Ranking } from '../schema/ruleset.ts';
import { rankAndGrade } from './rank-grade.ts';

function item(path: string, score: string | null): IndicatorResult {
  return {
    path,
    code: path,
    title: { zh: path, en: path },
    score,
    max: '10',
    status: 'met',
    adjustments: [],
    reason: { zh: '', en: '' },
    inputs: {},
    missingInputs: [],
    missingEvidence: [],
  };
}

function result(
  unitId: string,
  total: string,
  opts: { vetoed?: boolean; nc?: boolean; s1?: string; i21?: string | null } = {},
): UnitResult {
  return {
    unitId,
    name: `单位${unitId}`,
    ruleSetId: 'rs',
    edition: 1,
    total,
    max: '100',
    sections: [
      { code: '一', title: { zh: '一', en: '1' }, score: opts.s1 ?? '0', max: '50', items: [] },
      {
        code: '二',
        title: { zh: '二', en: '2' },
        score: '0',
        max: '50',
        items: [item('二.1', opts.i21 ?? null)],
      },
    ],
    bonus: { score: '0', uncapped: '0', cap: null, items: [] },
    sanctions: [],
    counters: [],
    vetoed: opts.vetoed ?? false,
    noCommendation: opts.nc ?? false,
    complete: true,
    issues: [],
  };
}

const ruleSet = (ranking: unknown, grades?: unknown) => ({
  id: 'rs',
  edition: 1,
  ranking: Ranking.parse(ranking),
  grades: grades === undefined ? undefined : Grades.parse(grades),
});

describe('rankAndGrade', () => {
  it('breaks ties by section, then indicator, then shares what remains', () => {
    const out = rankAndGrade(ruleSet({ tieBreak: ['section:一', 'indicator:二.1'] }), [
      result('d', '80'),
      result('c', '90', { s1: '40', i21: '5' }),
      result('b', '90', { s1: '40', i21: '5' }),
      result('a', '90', { s1: '45' }),
    ]);
    expect(out.units.map((u) => [u.unitId, u.rank, u.position])).toEqual([
      ['a', 1, 1],
      ['b', 2, 2],
      ['c', 2, 3],
      ['d', 4, 4],
    ]);
    expect(out.grades).toBeNull();
  });

  it('an input tie-break reads the unit values; :asc prefers the smaller', () => {
    const units = [
      { id: 'a', name: 'A', values: { births: '8.5' } },
      { id: 'b', name: 'B', values: { births: 7 } },
    ];
    const out = rankAndGrade(
      ruleSet({ tieBreak: ['input:births:asc'] }),
      [result('a', '90'), result('b', '90')],
      units,
    );
    expect(out.units.map((u) => u.unitId)).toEqual(['b', 'a']);
  });

  it('a veto never changes the score: only the rank and the grade', () => {
    const g = {
      bands: [
        { id: 'adv', label: '先进', min: 85 },
        { id: 'ok', label: '合格', min: 0 },
      ],
      vetoed: 'ok',
    };
    const out = rankAndGrade(ruleSet({}, g), [
      result('a', '99', { vetoed: true }),
      result('b', '86'),
    ]);
    expect(out.units.map((u) => [u.unitId, u.total, u.rank, u.grade])).toEqual([
      ['b', '86', 1, 'adv'],
      ['a', '99', 2, 'ok'],
    ]);
    expect(out.units[1]!.gradeNotes[0]!.zh).toContain('一票否决');
  });

  it('reports a tie-break naming what does not exist', () => {
    const rs = {
      ...ruleSet({ tieBreak: ['section:九', 'indicator:二.1', 'indicator:二.9', 'input:nope'] }),
      inputs: [],
    };
    const out = rankAndGrade(rs, [result('a', '90')]);
    expect(out.issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown-tie-break', 'ranking.tieBreak[0]'],
      ['unknown-tie-break', 'ranking.tieBreak[2]'],
      ['unknown-tie-break', 'ranking.tieBreak[3]'],
    ]);
  });

  it('reports a malformed tie-break and duplicate unit ids without losing a unit', () => {
    const out = rankAndGrade(ruleSet({ tieBreak: ['bogus'] }), [
      result('a', '90'),
      result('a', '80'),
    ]);
    expect(out.units).toHaveLength(2);
    expect(out.issues.map((i) => [i.code, i.path])).toEqual([
      ['bad-tie-break', 'ranking.tieBreak[0]'],
      ['duplicate-unit', 'units.a'],
    ]);
  });

  it('names units in issue text by name, with the id in brackets', () => {
    const g = { bands: [{ id: 'ok', label: '合格', min: 60 }] };
    const incomplete = { ...result('b', '50'), name: '和平村', complete: false };
    const out = rankAndGrade(ruleSet({}, g), [
      { ...result('a', '90'), name: '团结村' },
      { ...result('a', '80'), name: '红旗村' },
      incomplete,
      { ...result('c', '40'), name: '光明村' },
    ]);
    expect(out.issues.map((i) => [i.code, i.message.zh])).toEqual([
      ['duplicate-unit', '单位「红旗村」(a)的编号与「团结村」(a)重复'],
      ['incomplete-unit', '单位「和平村」(b)有未能判定的指标或否决条件,排名仅供参考,等次待定'],
      ['no-grade-band', '单位「光明村」(c)的总分低于所有等次下限'],
    ]);
    // The incomplete unit's grade is pending (待定), not judged by its partial total of 50.
    const pending = out.units.find((u) => u.unitId === 'b');
    expect([pending?.grade, pending?.gradeLabel?.zh]).toEqual([null, '待定']);
    expect(out.issues[0]!.message.en).toBe('unit "红旗村" (a) has the same id as "团结村" (a)');
    expect(out.issues[1]!.message.en).toBe(
      'unit "和平村" (b) has items or sanctions that could not be judged: its rank is provisional and its grade pending',
    );
  });
});
