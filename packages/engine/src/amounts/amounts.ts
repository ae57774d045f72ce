// Money carried as output (奖惩金额): one module for the form — its compilation and checks, its
// evaluation for a unit (expressions) and for a graded cohort (by grade), and its reason.
// Exact rationals throughout; one rounding, declared, at the end.
import { fmt, q, round, type Q } from '../exact/exact.ts';
import { MissingValue, type CompiledExpr } from '../expr/types.ts';
import type { Naming } from '../expr/words.ts';
import { show } from '../messages/format.ts';
import { msgOf } from '../messages/text.ts';
import type { AmountResult, Issue, Msg } from '../model/result.ts';
import { AMOUNT_ROUNDING, type Amount } from '../schema/amounts.ts';
import type { Rounding } from '../schema/common.ts';
import type { RuleSet } from '../schema/ruleset.ts';
import { error } from '../validate/issues.ts';
import { asProblem } from '../score/as-problem.ts';
import type { UnitEnv } from '../score/env.ts';
import { operandValues } from '../score/operand-text.ts';
import * as R from '../score/reasons.ts';
import type { CompiledRuleSet } from '../score/compile.ts';

export interface CAmount {
  id: string;
  label: Msg;
  unit: Amount['unit'];
  rounding: Rounding;
  /** `amount`: the expression, and the formula in words. */
  expr?: CompiledExpr;
  words?: Msg;
  /** `byGrade`: the amount per band id, in declared order. */
  byGrade?: ReadonlyMap<string, Q>;
}

/** Compiles `amounts[]`; problems go to `issues` at their rule path. */
export function compileAmounts(
  ruleSet: RuleSet,
  expr: (source: string, path: string) => CompiledExpr | undefined,
  naming: Naming,
  issues: Issue[],
): CAmount[] {
  const bands = new Set((ruleSet.grades?.bands ?? []).map((b) => b.id));
  const seen = new Set<string>();
  const out: CAmount[] = [];
  (ruleSet.amounts ?? []).forEach((a, i) => {
    const at = `amounts[${i}]`;
    const label = msgOf(a.label);
    if (seen.has(a.id))
      issues.push(
        error('duplicate-id', `${at}.id`, {
          zh: `金额编号「${a.id}」重复`,
          en: `amount id "${a.id}" is used twice`,
        }),
      );
    seen.add(a.id);
    const base = { id: a.id, label, unit: a.unit, rounding: a.rounding ?? AMOUNT_ROUNDING };
    if ((a.amount === undefined) === (a.byGrade === undefined)) {
      issues.push(
        error('amount-form', at, {
          zh: `金额「${label.zh}」应写明计算式(amount)或按等次的金额(byGrade),二者取其一`,
          en: `amount "${label.en}" needs either a formula (amount) or an amount per grade (byGrade), not both or neither`,
        }),
      );
      return;
    }
    if (a.amount !== undefined) {
      const compiled = expr(a.amount, `${at}.amount`);
      if (compiled) out.push({ ...base, expr: compiled, words: compiled.inWords(naming) });
      return;
    }
    const byGrade = new Map<string, Q>();
    if (!ruleSet.grades) {
      issues.push(
        error('amount-without-grades', `${at}.byGrade`, {
          zh: `金额「${label.zh}」按等次给出,但考核办法未规定等次`,
          en: `amount "${label.en}" is given by grade, but the rule set declares no grades`,
        }),
      );
      return;
    }
    let ok = true;
    for (const [band, value] of Object.entries(a.byGrade ?? {})) {
      const path = `${at}.byGrade.${band}`;
      if (!bands.has(band)) {
        ok = false;
        issues.push(
          error('unknown-grade', path, {
            zh: `金额「${label.zh}」写了未规定的等次「${band}」`,
            en: `amount "${label.en}" names grade "${band}", which is not declared`,
          }),
        );
      } else if (value === null) {
        ok = false;
        issues.push(
          error('missing-number', path, {
            zh: `金额「${label.zh}」中等次「${band}」的金额空白(空白不会按0处理)`,
            en: `amount "${label.en}": the amount for grade "${band}" is blank (a blank is never taken as 0)`,
          }),
        );
      } else byGrade.set(band, q(value));
    }
    if (ok) out.push({ ...base, byGrade });
  });
  return out;
}

const YUAN: Record<Amount['unit'], Msg> = {
  元: { zh: '元', en: ' yuan' },
  万元: { zh: '万元', en: ' × 10,000 yuan' },
};
const money = (value: Q, unit: Amount['unit']): Msg => ({
  zh: `${show(value)}${YUAN[unit].zh}`,
  en: `${show(value)}${YUAN[unit].en}`,
});

const decided = (a: CAmount, value: Q, why: Msg): AmountResult => {
  const rounded = round(value, a.rounding);
  const shown = money(rounded, a.unit);
  return {
    id: a.id,
    label: a.label,
    unit: a.unit,
    amount: fmt(rounded),
    reason: { zh: `${why.zh},计${shown.zh}`, en: `${why.en}: ${shown.en}` },
  };
};
const pending = (a: CAmount, why: Msg): AmountResult => ({
  id: a.id,
  label: a.label,
  unit: a.unit,
  amount: null,
  reason: why,
});

const GRADE_LATER: Msg = {
  zh: '按等次确定,待排名评定等次后计算',
  en: 'by grade: worked out once the cohort is ranked and graded',
};

/** A unit's amounts, after its total and sanctions: formulas worked out, amounts by grade left
 *  for the cohort (pending). A figure the formula needs that is blank or cannot be worked out —
 *  or the total, while the unit is incomplete — leaves the amount pending (待定), never 0. */
export function unitAmounts(rs: CompiledRuleSet, env: UnitEnv): AmountResult[] {
  return rs.amounts.map((a) => {
    if (!a.expr) return pending(a, GRADE_LATER);
    const formula = a.words ?? { zh: a.expr.source, en: a.expr.source };
    try {
      const value = a.expr.evaluate(env);
      if (value instanceof MissingValue) {
        const why =
          value.inputId === 'total'
            ? { zh: '总分不完整,金额待定', en: 'the total is incomplete: the amount is pending' }
            : {
                zh: `${R.inputLabel(rs.inputs, value.inputId).zh}未填报,金额待定`,
                en: `${R.inputLabel(rs.inputs, value.inputId).en} not reported: the amount is pending`,
              };
        return pending(a, why);
      }
      if (typeof value !== 'object') {
        env.issues.push(
          error('amount-not-number', a.id, {
            zh: `金额「${a.label.zh}」的计算结果不是数值`,
            en: `amount "${a.label.en}" did not give a number`,
          }),
        );
        return pending(a, { zh: '计算结果不是数值', en: 'the formula gave no number' });
      }
      const figures = operandValues(rs, a.expr, env);
      if (a.expr.identifiers.includes('total') && env.total)
        figures.push({ zh: `总分 ${fmt(env.total)}分`, en: `total ${fmt(env.total)}` });
      const shownFigures = figures.length
        ? {
            zh: `(${figures.map((f) => f.zh).join(',')})`,
            en: ` (${figures.map((f) => f.en).join(', ')})`,
          }
        : { zh: '', en: '' };
      return decided(a, value, {
        zh: `${formula.zh}${shownFigures.zh}`,
        en: `${formula.en}${shownFigures.en}`,
      });
    } catch (e) {
      const problem = asProblem(e);
      if (!problem) throw e;
      env.issues.push(error('cannot-compute', a.id, R.evalProblem(problem)));
      return pending(a, R.evalProblem(problem));
    }
  });
}

/** What a cohort's grading tells an amount by grade: the unit's band, or why it has none. */
export type GradeFact = { band: string; label: Msg } | { pending: true } | { none: Msg };

/** The unit's amounts once the cohort is graded: amounts by grade filled in from its band. */
export function gradedAmounts(
  rs: Pick<CompiledRuleSet, 'amounts'>,
  own: readonly AmountResult[],
  grade: GradeFact,
): AmountResult[] {
  return rs.amounts.map((a, i) => {
    const mine = own[i] as AmountResult;
    if (!a.byGrade) return mine;
    if ('pending' in grade)
      return pending(a, { zh: '等次待定,金额待定', en: 'the grade is pending: so is the amount' });
    if ('none' in grade) return decided(a, q(0), grade.none);
    const value = a.byGrade.get(grade.band);
    return decided(
      a,
      value ?? q(0),
      value === undefined
        ? {
            zh: `等次${grade.label.zh},该等次无此项金额`,
            en: `grade ${grade.label.en}, which has no such amount`,
          }
        : { zh: `等次${grade.label.zh}`, en: `grade ${grade.label.en}` },
    );
  });
}
