// The whole-rule-set checks that compiling runs once everything is resolved: cycles between
// items, grade bands and quotas, points on the score grid, tie-break targets.
import { q, ZERO, type Q } from '../exact/exact.ts';
import type { Issue } from '../model/result.ts';
import { msgOf } from '../messages/text.ts';
import type { InputDef, RuleSet } from '../schema/ruleset.ts';
import { error } from '../validate/issues.ts';
import type { CIndicator, CompiledRuleSet, CSection } from './compile.ts';

export function findCycle(byPath: ReadonlyMap<string, CIndicator>): string[] | undefined {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (path: string): string[] | undefined => {
    const s = state.get(path);
    if (s === 2) return undefined;
    if (s === 1) return [...stack.slice(stack.indexOf(path)), path];
    state.set(path, 1);
    stack.push(path);
    for (const dep of byPath.get(path)?.dependsOn ?? []) {
      const found = visit(dep);
      if (found) return found;
    }
    stack.pop();
    state.set(path, 2);
    return undefined;
  };
  for (const path of byPath.keys()) {
    const found = visit(path);
    if (found) return found;
  }
  return undefined;
}

export function checkGrades(ruleSet: RuleSet, issues: Issue[]): void {
  const grades = ruleSet.grades;
  if (!grades) return;
  let previous: Q | undefined;
  let minShares = ZERO;
  const ids = new Set<string>();
  grades.bands.forEach((band, i) => {
    const bp = `grades.bands[${i}]`;
    if (ids.has(band.id))
      issues.push(
        error('duplicate-id', `${bp}.id`, {
          zh: `等次编号「${band.id}」重复`,
          en: `grade id "${band.id}" is used twice`,
        }),
      );
    ids.add(band.id);
    if (band.min === null) {
      if (i !== grades.bands.length - 1) {
        issues.push(
          error('missing-number', `${bp}.min`, {
            zh: `等次「${msgOf(band.label).zh}」的分数下限空白`,
            en: `grade "${msgOf(band.label).en}": lower bound is blank`,
          }),
        );
      }
    } else {
      const min = q(band.min);
      if (previous && min.compare(previous) >= 0) {
        issues.push(
          error('grade-overlap', `${bp}.min`, {
            zh: `等次「${msgOf(band.label).zh}」的分数段与上一等次重叠(下限应低于 ${previous.toString()})`,
            en: `grade "${msgOf(band.label).en}" overlaps the grade above (its lower bound must be below ${previous.toString()})`,
          }),
        );
      }
      previous = min;
    }
    for (const key of ['maxShare', 'minShare'] as const) {
      const v = band[key];
      if (v === undefined) continue;
      const share = q(v);
      if (share.compare(0) < 0 || share.compare(100) > 0) {
        issues.push(
          error('quota-range', `${bp}.${key}`, {
            zh: `等次比例须在0–100%之间`,
            en: `a grade quota must lie within 0–100%`,
          }),
        );
      }
      if (key === 'minShare') minShares = minShares.add(share);
    }
    if (
      band.maxShare !== undefined &&
      band.minShare !== undefined &&
      q(band.minShare).compare(q(band.maxShare)) > 0
    ) {
      issues.push(
        error('quota-range', `${bp}.minShare`, {
          zh: '最低比例高于最高比例',
          en: 'minShare is above maxShare',
        }),
      );
    }
  });
  if (minShares.compare(100) > 0) {
    issues.push(
      error('quota-over-100', 'grades.bands', {
        zh: `各等次最低比例合计 ${minShares.toString()}% 超过100%`,
        en: `grade minimum shares add up to ${minShares.toString()}%, over 100%`,
      }),
    );
  }
  for (const key of ['vetoed', 'noCommendationCap'] as const) {
    const id = grades[key];
    if (id !== undefined && !ids.has(id)) {
      issues.push(
        error('unknown-grade', `grades.${key}`, {
          zh: `未定义的等次「${id}」`,
          en: `grade "${id}" is not defined`,
        }),
      );
    }
  }
}

/** Points must sit on the score grid (an item worth 2.5 cannot be scored to whole points). */
export function checkPrecision(
  ruleSet: RuleSet,
  sections: readonly CSection[],
  bonus: CompiledRuleSet['bonus'],
  issues: Issue[],
): void {
  const dp = ruleSet.rounding.scores.dp;
  const scale = q(10n ** BigInt(dp));
  const off = (v: Q): boolean => v.mul(scale).d !== 1n;
  const report = (path: string, where: string, v: Q): void => {
    issues.push(
      error('points-precision', path, {
        zh: `${where} 的分值 ${v.toString()} 超出得分保留的 ${dp} 位小数(rounding.scores)`,
        en: `${where}: points ${v.toString()} have more places than the ${dp} kept for scores (rounding.scores)`,
      }),
    );
  };
  const visit = (item: CIndicator): void => {
    if (off(item.points)) report(item.path, item.path, item.points);
    item.pointsByClass?.forEach(
      (v, cls) => v && off(v) && report(item.path, `${item.path} (${cls})`, v),
    );
    item.children.forEach(visit);
  };
  sections.forEach((s, i) => {
    if (off(s.points)) report(`sections[${i}].points`, s.code, s.points);
    s.items.forEach(visit);
  });
  bonus?.items.forEach(visit);
  if (bonus?.cap && off(bonus.cap)) report('bonus.cap', '加分上限', bonus.cap);
}

/** Tie-breaks must name a section, an item or an input that exists. */
export function checkTieBreakTargets(
  ruleSet: RuleSet,
  byPath: ReadonlyMap<string, CIndicator>,
  inputs: ReadonlyMap<string, InputDef>,
  issues: Issue[],
): void {
  ruleSet.ranking.tieBreak.forEach((entry, i) => {
    const m = /^(section|indicator|input):(.+?)(?::(asc|desc))?$/.exec(entry.trim());
    const found =
      m &&
      (m[1] === 'section'
        ? ruleSet.sections.some((s) => s.code === m[2])
        : m[1] === 'indicator'
          ? byPath.has(m[2] ?? '')
          : inputs.has(m[2] ?? ''));
    if (!found) {
      issues.push(
        error('bad-tie-break', `ranking.tieBreak[${i}]`, {
          zh: `并列排序依据「${entry}」无效:应为 section:部分编号、indicator:项目路径或 input:输入项编号,且须存在`,
          en: `tie-break "${entry}" is invalid: use section:<code>, indicator:<path> or input:<id>, naming something that exists`,
        }),
      );
    }
  });
}
