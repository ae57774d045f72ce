// The whole-rule-set checks that compiling runs once everything is resolved: cycles between
// items, grade bands and quotas, points on the score grid, tie-break targets.
import { q, sum, ZERO, type Q } from '../exact/exact.ts';
import type { Issue } from '../model/result.ts';
import { msgOf } from '../messages/text.ts';
import type { InputDef, RuleSet } from '../schema/ruleset.ts';
import { error } from '../validate/issues.ts';
import { bottomQuotaNotLast } from '../grades/quota.ts';
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

export function checkGrades(ruleSet: Pick<RuleSet, 'grades'>, issues: Issue[]): void {
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
    const bottom = band.fromBottom;
    if (bottom) {
      const share = q(bottom.share);
      const last = i === grades.bands.length - 1;
      if (!last) {
        issues.push(bottomQuotaNotLast(`${bp}.fromBottom`, msgOf(band.label)));
      }
      const inRange = share.compare(0) >= 0 && share.compare(100) <= 0;
      if (!inRange) {
        issues.push(
          error('quota-range', `${bp}.fromBottom.share`, {
            zh: `等次比例须在0–100%之间`,
            en: `a grade quota must lie within 0–100%`,
          }),
        );
      } else if (band.maxShare !== undefined && share.compare(q(band.maxShare)) > 0) {
        issues.push(
          error('quota-range', `${bp}.fromBottom.share`, {
            zh: `等次「${msgOf(band.label).zh}」按排名从后取的比例 ${share.toString()}% 高于其比例上限 ${q(band.maxShare).toString()}%`,
            en: `grade "${msgOf(band.label).en}": the share from the bottom, ${share.toString()}%, is above its maximum share ${q(band.maxShare).toString()}%`,
          }),
        );
      }
      // The lowest-ranked share is a minimum the band holds: it adds up with the minimum shares
      // (one out of range is said once, above).
      if (inRange) minShares = minShares.add(share);
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
        zh: `各等次最低比例(含按排名从后取的比例)合计 ${minShares.toString()}% 超过100%`,
        en: `grade minimum shares (with any share from the bottom) add up to ${minShares.toString()}%, over 100%`,
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
  // Off the grid, or too large to be counted exactly in 10^-dp points (1e21).
  const off = (v: Q): boolean =>
    v.mul(scale).d !== 1n || v.mul(scale).abs().compare(Number.MAX_SAFE_INTEGER) > 0;
  const report = (path: string, where: string, v: Q): void => {
    if (v.mul(scale).d === 1n) {
      issues.push(
        error('points-too-large', path, {
          zh: `${where} 的分值 ${v.toString()} 过大`,
          en: `${where}: points ${v.toString()} are too large`,
        }),
      );
      return;
    }
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
    s.pointsByClass?.forEach(
      (v, cls) => off(v) && report(`sections[${i}].pointsByClass.${cls}`, `${s.code} (${cls})`, v),
    );
    s.items.forEach(visit);
  });
  bonus?.items.forEach(visit);
  if (bonus?.cap && off(bonus.cap)) report('bonus.cap', '加分上限', bonus.cap);
}

/**
 * Maxima by class get the checks `points` get, class by class: a parent's maximum is the sum of
 * its sub-items', a section's points (its `pointsByClass`, else `points`) the sum of its items',
 * the total's the sum of the sections'. An item 'not-assessed' for a class counts its `points`
 * there (it does not apply, as an item with `applicable` false: the section shrinks or is
 * rescaled). Only where a class's maxima differ from the plain ones is it checked again.
 */
export function checkClassPoints(
  ruleSet: RuleSet,
  sections: readonly CSection[],
  bonus: CompiledRuleSet['bonus'],
  totalByClass: ReadonlyMap<string, Q> | undefined,
  total: Q,
  issues: Issue[],
): void {
  // Each declared mismatch silences its own sum only: an item's, a section's, the total's.
  const classes = (ruleSet.classes ?? []).map((c) => c.id);
  const of = (item: CIndicator, cls: string): Q =>
    item.pointsByClass?.has(cls) ? (item.pointsByClass.get(cls) ?? item.points) : item.points;
  const differs = (item: CIndicator, cls: string): boolean =>
    (item.pointsByClass?.has(cls) ?? false) || item.children.some((c) => differs(c, cls));
  const mismatch = (path: string, what: string, cls: string, declared: Q, added: Q): void => {
    issues.push(
      error('points-mismatch', path, {
        zh: `${what} 对「${cls}」类单位的分值 ${declared.toString()} 与下级合计 ${added.toString()} 不符`,
        en: `${what}: points ${declared.toString()} for class "${cls}" differ from the parts' total ${added.toString()}`,
      }),
    );
  };
  const visit = (item: CIndicator, rp: string, cls: string): void => {
    if (item.children.length === 0 || !differs(item, cls)) return;
    if (
      !item.pointsMismatch &&
      (item.pointsByClass?.get(cls) !== null || !item.pointsByClass.has(cls))
    ) {
      const added = sum(item.children.map((c) => of(c, cls)));
      if (added.compare(of(item, cls)) !== 0) mismatch(rp, item.path, cls, of(item, cls), added);
    }
    item.children.forEach((c, i) => visit(c, `${rp}.items[${i}]`, cls));
  };
  for (const cls of classes) {
    let anyDiffers = totalByClass?.has(cls) ?? false;
    const sectionMax = sections.map((section, si) => {
      const rp = `sections[${si}]`;
      section.items.forEach((item, i) => visit(item, `${rp}.items[${i}]`, cls));
      const declared = section.pointsByClass?.get(cls) ?? section.points;
      // The total for the class is checked against the section's own class points; a pool's
      // items have no points of their own: nothing adds up to the section's.
      if (section.pointsByClass?.has(cls)) anyDiffers = true;
      if (
        !section.pool &&
        (section.pointsByClass?.has(cls) || section.items.some((i) => differs(i, cls)))
      ) {
        anyDiffers = true;
        const added = sum(section.items.map((i) => of(i, cls)));
        if (added.compare(declared) !== 0 && !section.pointsMismatch && !section.pending)
          mismatch(`${rp}.points`, `第${section.code}部分`, cls, declared, added);
      }
      return declared;
    });
    bonus?.items.forEach((item, i) => visit(item, `bonus.items[${i}]`, cls));
    const declared = totalByClass?.get(cls) ?? total;
    const added = sum(sectionMax);
    if (anyDiffers && added.compare(declared) !== 0 && !ruleSet.pointsMismatch)
      mismatch('points', '总分值', cls, declared, added);
  }
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
    const pending =
      m?.[1] === 'section' &&
      ruleSet.sections.find((s) => s.code === m[2])?.itemsPending !== undefined;
    if (found && pending) {
      issues.push(
        error('bad-tie-break', `ranking.tieBreak[${i}]`, {
          zh: `并列排序依据「${entry}」所指的部分考核项目待定、不计分,不能用于排序`,
          en: `tie-break "${entry}" names a section whose items are pending (not scored): it cannot break ties`,
        }),
      );
    }
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

/** A sanction's `gradeCap` names a declared band; neither it nor `excludeFromGrades` is written
 *  on a veto (a vetoed unit is out of the grades, or in `grades.vetoed`, already) or without
 *  grades. */
export function checkSanctionGrades(ruleSet: RuleSet, issues: Issue[]): void {
  const bands = new Set((ruleSet.grades?.bands ?? []).map((b) => b.id));
  ruleSet.sanctions.forEach((s, i) => {
    const reason = msgOf(s.reason);
    for (const field of ['gradeCap', 'excludeFromGrades'] as const) {
      if (s[field] === undefined) continue;
      const at = `sanctions[${i}].${field}`;
      if (s.level === 'veto')
        issues.push(
          error('sanction-grade-veto', at, {
            zh: `否决条件「${reason.zh}」为一票否决,已不参加等次评定(或按 grades.vetoed 定等次),不能再写 ${field}`,
            en: `sanction "${reason.en}" is a veto, already out of the grades (or graded by grades.vetoed): ${field} does not apply`,
          }),
        );
      else if (!ruleSet.grades)
        issues.push(
          error('sanction-grade-without-grades', at, {
            zh: `否决/约束条件「${reason.zh}」写了 ${field},但考核办法未规定等次`,
            en: `sanction "${reason.en}" has ${field}, but the rule set declares no grades`,
          }),
        );
      else if (field === 'gradeCap' && s.gradeCap !== undefined && !bands.has(s.gradeCap))
        issues.push(
          error('unknown-grade', at, {
            zh: `否决/约束条件「${reason.zh}」的等次上限「${s.gradeCap}」不存在`,
            en: `sanction "${reason.en}": grade cap "${s.gradeCap}" does not exist`,
          }),
        );
    }
  });
}
