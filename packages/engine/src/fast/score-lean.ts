// Totals, sections and sanctions of many units, fast: integer kernels where an item's shape
// allows, the exact evaluator for the rest. The figures equal scoreUnit's to the last digit
// (a property test holds them together); the reasons are left out — ask scoreUnit for those.
import { q, type Q } from '../exact/exact.ts';
import type { ScoreContext } from '../model/context.ts';
import type { UnitInput } from '../model/result.ts';
import type { CIndicator, CompiledRuleSet } from '../score/compile.ts';
import { createUnitScorer, decideSanctions, type UnitScorer } from '../score/score-unit.ts';
import { roundDiv, scaledText, toScaled } from './fixed.ts';
import { buildKernel, NA, type EnvSource, type Kernel } from './kernel.ts';
import { createMicroEnv, type UnitMicroEnv } from './micro-env.ts';
import { FALLBACK } from '../expr/micro.ts';
import { MissingValue } from '../expr/types.ts';
import { MICRO_DP } from './fixed.ts';
import type { UnitEnv } from '../score/env.ts';

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
  /** Scores of the items asked for (tie-breaks), same scale; null when missing or not applicable. */
  items: (number | null)[];
}

interface LeanItem {
  item: CIndicator;
  kernel: Kernel | undefined;
  points: number;
  /** A pure container whose sub-items all run on kernels: their sum, capped. */
  children?: LeanItem[];
  min?: number;
}

const EMPTY: (number | null)[] = [];

export type LeanScorer = (unit: UnitInput, ctx?: ScoreContext, items?: readonly string[]) => LeanResult;

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
  const kernels = new Map<string, Kernel>();
  const collect = (li: LeanItem): void => {
    if (li.kernel) kernels.set(li.item.path, li.kernel);
    li.children?.forEach(collect);
  };
  sections.forEach((s) => s.items.forEach(collect));
  bonusItems.forEach(collect);
  // Items whose status follows from the score alone (no gates, no evidence): met() and score()
  // in sanctions can read their kernels.
  const plainKernels = new Map<string, { kernel: Kernel; points: number }>();
  for (const [path, kernel] of kernels) {
    const item = rs.byPath.get(path);
    const points = item ? toScaled(item.points.toString(), dp) : undefined;
    if (!item || points === undefined || item.gates.length > 0 || item.inputsUsed.some((id) => rs.inputs.get(id)?.evidence)) continue;
    plainKernels.set(path, { kernel, points });
  }
  const bonusCap = rs.bonus?.cap ? scaled(rs.bonus.cap) : undefined;
  const mode = rs.scoreRounding.mode;

  return (unit, ctx = {}, paths = []) => {
    let scorer: UnitScorer | undefined;
    let micro: UnitMicroEnv | undefined;
    const env: EnvSource = Object.assign((): UnitEnv => (scorer ??= createUnitScorer(rs, unit, ctx)).env, {
      micro: (): UnitMicroEnv => {
        if (micro) return micro;
        micro = createMicroEnv(rs.inputs, unit);
        micro.result = (fn, path) => {
          const plain = plainKernels.get(path);
          if (!plain) throw FALLBACK;
          const v = plain.kernel(unit, env);
          if (v === undefined) throw FALLBACK;
          if (fn === 'met') return v !== null && v !== NA && v >= plain.points;
          if (v === null || v === NA) throw new MissingValue(`score(${path})`);
          return v * 10 ** (MICRO_DP - dp);
        };
        return micro;
      },
    });
    let complete = true;
    const score = (li: LeanItem): { score: number; max: number; na?: boolean } => {
      if (li.children) {
        let sum = 0;
        let max = 0;
        let applicable = false;
        for (const child of li.children) {
          const r = score(child);
          sum += r.score;
          max += r.max;
          if (!r.na) applicable = true;
        }
        if (!applicable) return { score: 0, max: 0, na: true };
        const cap = Math.min(li.points, max);
        return { score: Math.max(li.min ?? 0, Math.min(cap, sum)), max: cap };
      }
      const fast = li.kernel?.(unit, env);
      if (fast !== undefined) {
        if (fast === NA) return { score: 0, max: 0, na: true };
        if (fast === null) complete = false;
        return { score: fast ?? 0, max: li.points };
      }
      scorer ??= createUnitScorer(rs, unit, ctx);
      const r = scorer.evaluate(li.item);
      if (r.status === 'missing-input') complete = false;
      const na = r.status === 'not-applicable';
      return { score: r.score === null ? 0 : scaled(r.score), max: na ? 0 : scaled(r.max), na };
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
    const m = env.micro();
    m.total = total * 10 ** (MICRO_DP - dp);
    for (const s of rs.sanctions) {
      let holds: boolean;
      try {
        holds = s.when.micro(m) === true;
      } catch (e) {
        if (e instanceof MissingValue) continue; // undecided, as decideSanctions reports it
        if (e !== FALLBACK) throw e;
        const exact = env();
        exact.total = q(totalText);
        holds = decideSanctions(rs, exact, q(totalText), [s]).length > 0;
      }
      if (!holds) continue;
      ids.push(s.sanction.id);
      if (s.sanction.level === 'veto') vetoed = true;
      if (s.sanction.level === 'veto' || s.sanction.level === 'no-commendation') noCommendation = true;
    }
    const itemScore = (path: string): number | null => {
      const item = rs.byPath.get(path);
      if (!item) return null;
      const kernel = kernels.get(path);
      const fast = kernel?.(unit, env);
      if (fast !== undefined) return fast === NA ? null : fast;
      scorer ??= createUnitScorer(rs, unit, ctx);
      const r = scorer.evaluate(item);
      return r.score === null ? null : scaled(r.score);
    };
    const items = paths.length === 0 ? EMPTY : paths.map(itemScore);
    return { unitId: unit.id, name: unit.name, total: totalText, totalScaled: total, sections: sectionScores, vetoed, noCommendation, complete, sanctions: ids, items };
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

