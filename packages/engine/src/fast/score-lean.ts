// Totals, sections and sanctions of many units, fast: integer kernels where an item's shape
// allows, the exact evaluator for the rest. The figures equal scoreUnit's to the last digit
// (a property test holds them together); the reasons are left out — ask scoreUnit for those.
import { q, type Q } from '../exact/exact.ts';
import type { ScoreContext } from '../model/context.ts';
import type { UnitInput } from '../model/result.ts';
import type { CIndicator, CompiledRuleSet } from '../score/compile.ts';
import { createUnitScorer, decideSanctions, type UnitScorer } from '../score/score-unit.ts';
import { roundDiv, scaledText, toScaled } from './fixed.ts';
import { buildKernel, type Kernel } from './kernel.ts';

export interface LeanResult {
  unitId: string;
  name: string;
  /** Canonical decimal, equal to scoreUnit's `total`. */
  total: string;
  /** The total as an integer count of 10^-dp points (dp from the rule set's score rounding). */
  totalScaled: number;
  /** Section scores, same scale, in section order. */
  sections: number[];
  vetoed: boolean;
  noCommendation: boolean;
  complete: boolean;
  /** Ids of the sanctions that hold. */
  sanctions: string[];
}

interface LeanItem {
  item: CIndicator;
  kernel: Kernel | undefined;
  points: number;
  /** A pure container whose sub-items all run on kernels: their sum, capped. */
  children?: LeanItem[];
  min?: number;
}

export type LeanScorer = (unit: UnitInput, ctx?: ScoreContext) => LeanResult;

/** Compiles the kernels once; the returned function scores one unit. */
export function createLeanScorer(rs: CompiledRuleSet): LeanScorer {
  const dp = rs.scoreRounding.dp;
  const scaled = (x: Q | string): number => {
    const v = toScaled(typeof x === 'string' ? x : x.toString(), dp);
    if (v === undefined) throw new Error(`score ${String(x)} does not fit ${dp} places`);
    return v;
  };
  const lean = (item: CIndicator): LeanItem => {
    const points = toScaled(item.points.toString(), dp);
    const min = toScaled(item.min.toString(), dp);
    const pure = !item.rule && item.streams.length === 0 && item.gates.length === 0 && !item.applicable && !item.pointsByClass;
    if (pure && item.children.length > 0 && points !== undefined && min !== undefined) {
      const children = item.children.map(lean);
      if (children.every((c) => c.kernel || c.children)) return { item, kernel: undefined, points, children, min };
    }
    const kernel = points === undefined ? undefined : buildKernel(rs, item);
    return { item, kernel, points: points ?? 0 };
  };
  const sections = rs.sections.map((s) => ({
    points: toScaled(s.points.toString(), dp),
    rescale: s.notApplicable === 'rescale',
    items: s.items.map(lean),
  }));
  const bonusItems = rs.bonus ? rs.bonus.items.map(lean) : [];
  const bonusCap = rs.bonus?.cap ? scaled(rs.bonus.cap) : undefined;
  const mode = rs.scoreRounding.mode;

  return (unit, ctx = {}) => {
    let scorer: UnitScorer | undefined;
    let complete = true;
    const score = (li: LeanItem): { score: number; max: number } => {
      if (li.children) {
        let sum = 0;
        for (const child of li.children) sum += score(child).score;
        return { score: Math.max(li.min ?? 0, Math.min(li.points, sum)), max: li.points };
      }
      const fast = li.kernel?.(unit);
      if (fast !== undefined) {
        if (fast === null) complete = false;
        return { score: fast ?? 0, max: li.points };
      }
      scorer ??= createUnitScorer(rs, unit, ctx);
      const r = scorer.evaluate(li.item);
      if (r.status === 'missing-input') complete = false;
      return { score: r.score === null ? 0 : scaled(r.score), max: r.status === 'not-applicable' ? 0 : scaled(r.max) };
    };
    const sectionScores: number[] = [];
    let total = 0;
    for (const s of sections) {
      let sum = 0;
      let max = 0;
      for (const li of s.items) {
        const r = score(li);
        sum += r.score;
        max += r.max;
      }
      if (s.rescale && s.points !== undefined && max > 0 && max !== s.points) sum = roundDiv(sum * s.points, max, mode);
      sectionScores.push(sum);
      total += sum;
    }
    let bonus = 0;
    for (const li of bonusItems) bonus += score(li).score;
    if (bonusCap !== undefined && bonus > bonusCap) bonus = bonusCap;
    total += bonus;
    const totalText = scaledText(total, dp);
    let vetoed = false;
    let noCommendation = false;
    const ids: string[] = [];
    if (rs.sanctions.length > 0) {
      scorer ??= createUnitScorer(rs, unit, ctx);
      for (const s of decideSanctions(rs, scorer.env, q(totalText))) {
        ids.push(s.id);
        if (s.level === 'veto') vetoed = true;
        if (s.level === 'veto' || s.level === 'no-commendation') noCommendation = true;
      }
    }
    return { unitId: unit.id, name: unit.name, total: totalText, totalScaled: total, sections: sectionScores, vetoed, noCommendation, complete, sanctions: ids };
  };
}

/** Which items run on integer kernels: for benchmarks and the notes. */
export function kernelCoverage(rs: CompiledRuleSet): { kernel: string[]; exact: string[] } {
  const kernel: string[] = [];
  const exact: string[] = [];
  const onKernel = (item: CIndicator): boolean => {
    const pure = !item.rule && item.streams.length === 0 && item.gates.length === 0 && !item.applicable && !item.pointsByClass;
    if (pure && item.children.length > 0) return item.children.every(onKernel);
    return buildKernel(rs, item) !== undefined;
  };
  const visit = (item: CIndicator): void => {
    (onKernel(item) ? kernel : exact).push(item.path);
  };
  rs.sections.forEach((s) => s.items.forEach(visit));
  rs.bonus?.items.forEach(visit);
  return { kernel, exact };
}

