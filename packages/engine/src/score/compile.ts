// Turns a parsed rule set into a form that is cheap to evaluate many times: expressions parsed
// once, decimals read once, paths resolved, dependencies between items ordered. Collects every
// problem it finds as an Issue with the rule path; `compileRuleSet` refuses a rule set with errors.
import { compileAmounts, type CAmount } from '../amounts/amounts.ts';
import { compileExpr } from '../expr/compile.ts';
import type { CompiledExpr, ExprKind } from '../expr/types.ts';
import { q, round, sum, ZERO, type Q } from '../exact/exact.ts';
import { MissingValue } from '../expr/types.ts';
import { ExprEvalError } from '../expr/errors.ts';
import type { Issue, Msg, UnitInput } from '../model/result.ts';
import { msgOf } from '../messages/text.ts';
import type { Operand, Rounding, Text } from '../schema/common.ts';
import type { Gate, Rule, Slope, Stream } from '../schema/rules.ts';
import type {
  Counter,
  Indicator,
  InputDef,
  InputUnit,
  RuleSet,
  Sanction,
} from '../schema/ruleset.ts';
import { anyBlank, blankPoints } from '../validate/blanks.ts';
import { describePath, error, warning } from '../validate/issues.ts';
import {
  COUNTER_FUNCTIONS,
  STANDING_FUNCTIONS,
  createEnv,
  hostFunctions,
  PEER_FUNCTIONS,
  RESULT_FUNCTIONS,
} from './env.ts';
import { expressionUnit, isRateUnit } from './rate-operands.ts';
import {
  checkClassPoints,
  checkGrades,
  checkSanctionGrades,
  checkPrecision,
  checkTieBreakTargets,
  findCycle,
} from './compile-checks.ts';

export interface COperand {
  /** Constant value, or an expression. */
  constant?: Q;
  expr?: CompiledExpr;
  /** The input it names when it is a bare input id: its unit and label serve display. */
  input?: InputDef;
  /** Computed by an expression (not a literal, not a bare input). */
  derived: boolean;
  /** A derived operand's formula in words (率 × 0.999, 各单位「率」平均值), for reasons. */
  words?: Msg;
  /** A derived operand's unit, when its formula says (率 × 0.999 is in %). */
  unit?: InputUnit;
  /** A derived value whose unit is % or ‰ (rate-operands.ts): `rounding.rates` rounds it. */
  rate: boolean;
  path: string;
}

export interface CSlope {
  per: Q;
  points: Q;
  steps: Slope['steps'];
  gap: Slope['gap'];
  cap: Q | undefined;
}

export interface CIndicator {
  path: string;
  code: string;
  title: Msg;
  criteria: Msg | undefined;
  points: Q;
  pointsByClass: ReadonlyMap<string, Q | null> | undefined;
  min: Q;
  rule: Rule | undefined;
  operands: ReadonlyMap<string, COperand>;
  slopes: ReadonlyMap<string, CSlope>;
  streams: readonly { stream: Stream; amount?: CompiledExpr; cap: Q | undefined }[];
  gates: readonly { gate: Gate; when: CompiledExpr; reason: Msg }[];
  applicable: CompiledExpr | undefined;
  children: readonly CIndicator[];
  /** Inputs this item reads (rule, streams, gates), for missing-input and evidence checks. */
  inputsUsed: readonly string[];
  /** Paths this item's expressions read through score()/met()/status(). */
  dependsOn: readonly string[];
  /** Declared: the sub-items need not add up to the points (why). */
  pointsMismatch: Msg | undefined;
}

export interface CSection {
  code: string;
  title: Msg;
  points: Q;
  /** Points for a class whose items add up to other points (farms 60, towns 35). */
  pointsByClass: ReadonlyMap<string, Q> | undefined;
  notApplicable: 'shrink' | 'rescale';
  items: readonly CIndicator[];
  /** Declared: the items need not add up to the points (why). */
  pointsMismatch: Msg | undefined;
  /** The items are not known yet (why): the section has none and is never scored. */
  pending: Msg | undefined;
}

export interface CompiledRuleSet {
  ruleSet: RuleSet;
  inputs: ReadonlyMap<string, InputDef>;
  sections: readonly CSection[];
  bonus: { title: Msg; cap: Q | undefined; items: readonly CIndicator[] } | undefined;
  sanctions: readonly {
    sanction: Sanction;
    when: CompiledExpr;
    reason: Msg;
    consequence: Msg | undefined;
  }[];
  /** Sanctions that read the ranked and graded cohort (rank(), bottom_rank(), `grade`…):
   *  decided by the cohort after ranking and grading; interview or notice only. */
  cohortSanctions: CompiledRuleSet['sanctions'];
  /** Counters across periods, worked out after the items and the total, before the sanctions. */
  counters: readonly { counter: Counter; when: CompiledExpr; label: Msg }[];
  /** Money carried as output (amounts/amounts.ts). */
  amounts: readonly CAmount[];
  /** Certification: who certifies, by the grade sought; the first that holds. */
  certifiers: readonly { when: CompiledExpr; by: Msg }[];
  /** Every indicator (sections and bonus, parents and leaves) by path. */
  byPath: ReadonlyMap<string, CIndicator>;
  /** Declared unit classes. */
  classIds: ReadonlySet<string>;
  scoreRounding: Rounding;
  rateRounding: Rounding | undefined;
  max: Q;
  /** Inputs read by peer_mean / peer_max / peer_min: the cohort computes their statistics. */
  peerInputs: readonly string[];
  /** Items scored by rank: the cohort ranks each unit's value. */
  rankRules: readonly {
    path: string;
    order: 'asc' | 'desc';
    value: (unit: UnitInput) => Q | null;
  }[];
}

export class CompileError extends Error {
  readonly code = 'invalid-rule-set';
  constructor(readonly issues: readonly Issue[]) {
    super(
      `rule set has ${issues.length} error(s): ${issues.map((i) => `${i.path}: ${i.message.en}`).join('; ')}`,
    );
  }
}

const KIND_OF_UNIT: Record<InputUnit, ExprKind> = {
  '%': 'number',
  '‰': 'number',
  元: 'number',
  万元: 'number',
  人: 'number',
  户: 'number',
  个: 'number',
  次: 'number',
  天: 'number',
  月: 'number',
  count: 'number',
  number: 'number',
  yesno: 'boolean',
  choice: 'string',
  text: 'string',
  date: 'string',
};

const OPERAND_KEYS = [
  'value',
  'target',
  'low',
  'high',
  'previous',
  'base',
  'full',
  'zero',
] as const;
const SLOPE_KEYS = ['below', 'above', 'outside'] as const;

/** Compiles a parsed rule set; throws CompileError if it has errors (parseRuleSet reports them). */
export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  const { compiled, issues } = compileCollecting(ruleSet);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new CompileError(errors);
  return compiled;
}

export function compileCollecting(ruleSet: RuleSet): {
  compiled: CompiledRuleSet;
  issues: Issue[];
} {
  // Blank points are reported in one place (also when the schema failed); no sum is made over one.
  const issues: Issue[] = blankPoints(ruleSet);
  const inputs = new Map<string, InputDef>();
  ruleSet.inputs.forEach((def, i) => {
    if (inputs.has(def.id)) {
      issues.push(
        error('duplicate-input', `inputs[${i}].id`, {
          zh: `输入项编号「${def.id}」重复`,
          en: `input id "${def.id}" is declared twice`,
        }),
      );
    }
    inputs.set(def.id, def);
  });
  /** A rule-set path as an admin reads it, by the document's codes: "二.1 rule.target". */
  const named = (path: string): string => describePath(ruleSet, path);
  /** A declared points mismatch is said where it is declared: accepted, or not needed. */
  const mismatchDeclared = (
    path: string,
    what: Msg,
    reason: Text,
    differs: boolean,
    f: { points: Q; sum: Q; parts: Msg },
  ): Issue => {
    const why = msgOf(reason);
    return differs
      ? warning('points-mismatch-declared', path, {
          zh: `${what.zh} 分值 ${f.points.toString()} 与${f.parts.zh}合计 ${f.sum.toString()} 不符,已声明:${why.zh}`,
          en: `${what.en}: points ${f.points.toString()} differ from ${f.parts.en} total ${f.sum.toString()}, as declared: ${why.en}`,
        })
      : warning('points-mismatch-unneeded', path, {
          zh: `${what.zh} 分值 ${f.points.toString()} 与${f.parts.zh}合计相符,无需声明分值不符(pointsMismatch)`,
          en: `${what.en}: points ${f.points.toString()} equal ${f.parts.en} total: the declared mismatch (pointsMismatch) is not needed`,
        });
  };
  /** A section whose items are not known yet: declared (why), and then without items. */
  const checkPending = (section: RuleSet['sections'][number], rp: string): Msg | undefined => {
    const title = `第${section.code}部分`;
    if (section.itemsPending === undefined) {
      if (section.items.length === 0)
        issues.push(
          error('no-items', `${rp}.items`, {
            zh: `${title}没有考核项目;原文件尚未列出的,请以 itemsPending 说明原因`,
            en: `section ${section.code} has no items; if the document does not list them yet, say why in itemsPending`,
          }),
        );
      return undefined;
    }
    const why = msgOf(section.itemsPending);
    if (section.items.length > 0) {
      issues.push(
        error('items-pending-with-items', `${rp}.itemsPending`, {
          zh: `${title}已列出考核项目,不能同时声明项目待定(itemsPending);项目不全的,请用 pointsMismatch 说明`,
          en: `section ${section.code} lists items, so its items cannot also be pending (itemsPending); for items cut off, declare pointsMismatch`,
        }),
      );
      return undefined;
    }
    issues.push(
      warning('section-pending', `${rp}.itemsPending`, {
        zh: `${title}考核项目待定(${why.zh}):该部分不计分,各单位总分不完整,等次待定`,
        en: `section ${section.code}: items pending (${why.en}); it is not scored, every unit's total is incomplete and its grade pending`,
      }),
    );
    return why;
  };
  const identifiers = new Set<string>([...inputs.keys(), 'class']);
  const sanctionIdentifiers = new Set<string>([...identifiers, 'total']);
  /** Sanctions alone may read the unit's grade (they are then decided after grading). */
  const sanctionOnlyIdentifiers = new Set<string>([...sanctionIdentifiers, 'grade']);
  const byPath = new Map<string, CIndicator>();
  const peerInputs = new Set<string>();
  const rankRules: CompiledRuleSet['rankRules'][number][] = [];

  const types = new Map<string, ExprKind>([
    ['class', 'string'],
    ['total', 'number'],
    ['grade', 'string'],
  ]);
  for (const def of inputs.values()) types.set(def.id, KIND_OF_UNIT[def.unit]);
  const expr = (
    source: string,
    path: string,
    ids: ReadonlySet<string> = identifiers,
  ): CompiledExpr | undefined => {
    const result = compileExpr(source, { identifiers: ids, functions: hostFunctions, types });
    if (!result.ok) {
      for (const e of result.errors) {
        issues.push(
          error(
            `expr-${e.code}`,
            path,
            { zh: `${named(path)}:${e.message.zh}`, en: `${named(path)}: ${e.message.en}` },
            { position: e.position, end: e.end },
          ),
        );
      }
      return undefined;
    }
    for (const call of result.expr.calls) {
      // consecutive() / cumulative() are known once the counters are: sanctions only read them.
      if (STANDING_FUNCTIONS.has(call.name) && !path.startsWith('sanctions[')) {
        issues.push(
          error('standing-misplaced', path, {
            zh: `${named(path)}:${call.name}() 只能用于否决/约束条件(排名后判定)`,
            en: `${named(path)}: ${call.name}() may be used in sanctions only (decided after ranking)`,
          }),
        );
      }
      if (COUNTER_FUNCTIONS.has(call.name) && !path.startsWith('sanctions[')) {
        issues.push(
          error('counter-misplaced', path, {
            zh: `${named(path)}:${call.name}() 只能用于否决/约束条件`,
            en: `${named(path)}: ${call.name}() may be used in sanctions only`,
          }),
        );
      }
      if (PEER_FUNCTIONS.has(call.name) && call.arg !== undefined) {
        if (!inputs.has(call.arg)) {
          issues.push(
            error('unknown-input', path, {
              zh: `${named(path)}:${call.name} 引用了未声明的输入项「${call.arg}」`,
              en: `${named(path)}: ${call.name} names undeclared input "${call.arg}"`,
            }),
          );
        } else peerInputs.add(call.arg);
      }
    }
    return result.expr;
  };

  const dec = (value: string | number | null | undefined, path: string): Q | undefined => {
    if (value === null || value === undefined) return undefined;
    try {
      return q(value);
    } catch {
      issues.push(
        error('bad-number', path, {
          zh: `${named(path)}:「${String(value)}」不是数字`,
          en: `${named(path)}: "${String(value)}" is not a number`,
        }),
      );
      return undefined;
    }
  };

  const naming = {
    label: (id: string): Msg | undefined => {
      const def = inputs.get(id);
      return def ? msgOf(def.label) : undefined;
    },
  };
  /** What a derived operand shows beside its value: its formula in words and its unit. */
  const described = (compiled: CompiledExpr): Pick<COperand, 'words' | 'unit'> => {
    const unit = expressionUnit(compiled.source, inputs);
    return { words: compiled.inWords(naming), ...(unit ? { unit } : {}) };
  };
  const operand = (value: Operand, path: string): COperand => {
    if (typeof value === 'number')
      return { constant: dec(value, path) ?? ZERO, derived: false, rate: false, path };
    const trimmed = value.trim();
    if (/^-?\d+(\.\d+)?$/.test(trimmed))
      return { constant: q(trimmed), derived: false, rate: false, path };
    const input = inputs.get(trimmed);
    const compiled = expr(trimmed, path);
    // One reading of the expression's unit serves the reason and the rates rounding.
    const shown = compiled && !input ? described(compiled) : {};
    return {
      ...(compiled ? { expr: compiled } : {}),
      ...(input ? { input } : {}),
      ...shown,
      derived: !input,
      rate: isRateUnit(shown.unit),
      path,
    };
  };

  const checkClassId = (cls: string, where: string, what: string): void => {
    if (!ruleSet.classes?.some((c) => c.id === cls)) {
      issues.push(
        error('unknown-class', where, {
          zh: `${what}:未声明的单位类别「${cls}」`,
          en: `${what}: undeclared unit class "${cls}"`,
        }),
      );
    }
  };
  /** A maximum for one class: a number ≥ 0, never blank (a blank is not "not assessed"). */
  const classPoints = (
    v: string | number | null,
    where: string,
    what: string,
    /** Taken for a blank once it is reported, so that no follow-on sum error is reported. */
    fallback: Q,
  ): Q => {
    if (v === null) {
      issues.push(
        error('missing-number', where, {
          zh: `${what} 的分值空白(空白不会按0或“不考核”处理;不考核请写 'not-assessed')`,
          en: `${what}: points are blank (a blank is neither 0 nor "not assessed"; write 'not-assessed' for that)`,
        }),
      );
      return fallback;
    }
    const value = dec(v, where) ?? fallback;
    if (value.compare(0) < 0)
      issues.push(
        error('negative-points', where, {
          zh: `${what} 的分值 ${value.toString()} 为负数`,
          en: `${what}: points ${value.toString()} are negative`,
        }),
      );
    return value;
  };
  const classMap = (
    map: Record<string, string | number | null> | undefined,
    where: string,
    what: string,
    fallback: Q,
  ): ReadonlyMap<string, Q> | undefined =>
    map
      ? new Map(
          Object.entries(map).map(([cls, v]) => {
            checkClassId(cls, `${where}.${cls}`, what);
            return [cls, classPoints(v, `${where}.${cls}`, `${what}(${cls})`, fallback)] as const;
          }),
        )
      : undefined;

  const needInput = (id: string, path: string, units?: readonly InputUnit[]): void => {
    const def = inputs.get(id);
    if (!def) {
      issues.push(
        error('unknown-input', path, {
          zh: `${named(path)}:引用了未声明的输入项「${id}」`,
          en: `${named(path)}: names undeclared input "${id}"`,
        }),
      );
    } else if (units && !units.includes(def.unit)) {
      issues.push(
        error('input-unit', path, {
          zh: `${named(path)}:输入项「${id}」的单位应为 ${units.join('/')}`,
          en: `${named(path)}: input "${id}" should be of unit ${units.join('/')}`,
        }),
      );
    }
  };

  const indicator = (item: Indicator, rulePath: string, parentPath: string): CIndicator => {
    const path = parentPath ? `${parentPath}.${item.code}` : item.code;
    const points = item.points === null ? undefined : dec(item.points, `${rulePath}.points`);
    const operands = new Map<string, COperand>();
    const slopes = new Map<string, CSlope>();
    const rule = item.rule;
    if (rule) {
      const r = rule as Record<string, unknown>;
      for (const key of OPERAND_KEYS) {
        const v = r[key];
        if (typeof v === 'number' || typeof v === 'string')
          operands.set(key, operand(v, `${rulePath}.rule.${key}`));
      }
      for (const key of SLOPE_KEYS) {
        const s = r[key] as Slope | undefined;
        if (!s) continue;
        const sp = `${rulePath}.rule.${key}`;
        const per = dec(s.per, `${sp}.per`) ?? ZERO;
        if (per.compare(0) <= 0)
          issues.push(
            error('bad-step', `${sp}.per`, {
              zh: `${path}:步长必须大于0`,
              en: `${path}: the step must be above 0`,
            }),
          );
        slopes.set(key, {
          per,
          points: dec(s.points, `${sp}.points`) ?? ZERO,
          steps: s.steps,
          gap: s.gap,
          cap: dec(s.cap, `${sp}.cap`),
        });
      }
      checkRule(rule, `${rulePath}.rule`, path, operands);
    }
    const streams = (item.deductions ?? []).map((stream, i) => {
      const sp = `${rulePath}.deductions[${i}]`;
      if (stream.kind === 'per-case') {
        needInput(stream.input, `${sp}.input`);
        if (stream.multiplied) needInput(stream.multiplied.input, `${sp}.multiplied.input`);
        // An increment escalates the cases beyond a schedule; alone it would be dropped.
        if (stream.increment !== undefined && stream.schedule === undefined)
          issues.push(
            error('increment-without-schedule', `${sp}.increment`, {
              zh: `${path}:递增额(increment)须与各例扣分表(schedule)同用,表外每例比前一例多扣该额;只写 increment 时每例都按 each 计,递增不会生效`,
              en: `${path}: increment needs a schedule (each case beyond it costs that much more than the one before); without one every case would cost each and the escalation would be lost`,
            }),
          );
      }
      if (stream.kind === 'state') {
        needInput(stream.input, `${sp}.input`, ['yesno', 'choice']);
        const def = inputs.get(stream.input);
        const allowed =
          def?.unit === 'yesno' ? ['yes', 'no'] : (def?.choices ?? []).map((c) => c.value);
        for (const key of Object.keys(stream.amounts)) {
          if (def && !allowed.includes(key)) {
            issues.push(
              error('unknown-state', `${sp}.amounts.${key}`, {
                zh: `${path}:「${key}」不是输入项「${stream.input}」的可选值(可选:${allowed.join('、')})`,
                en: `${path}: "${key}" is not a value of input "${stream.input}" (values: ${allowed.join(', ')})`,
              }),
            );
          }
        }
      }
      const amount = stream.kind === 'expr' ? expr(stream.amount, `${sp}.amount`) : undefined;
      return { stream, ...(amount ? { amount } : {}), cap: dec(stream.cap, `${sp}.cap`) };
    });
    const gates = (item.gates ?? []).flatMap((gate, i) => {
      const when = expr(gate.when, `${rulePath}.gates[${i}].when`);
      return when ? [{ gate, when, reason: msgOf(gate.reason) }] : [];
    });
    const applicable = item.applicable
      ? expr(item.applicable, `${rulePath}.applicable`)
      : undefined;
    const children = (item.items ?? []).map((child, i) =>
      indicator(child, `${rulePath}.items[${i}]`, path),
    );
    checkSiblings(item.items ?? [], `${rulePath}.items`);

    const used = new Set<string>();
    const deps = new Set<string>();
    const note = (e: CompiledExpr | undefined): void => {
      if (!e) return;
      e.identifiers.forEach((id) => inputs.has(id) && used.add(id));
      e.calls.forEach((c) => {
        if (RESULT_FUNCTIONS.has(c.name) && c.arg !== undefined) deps.add(c.arg);
        if (PEER_FUNCTIONS.has(c.name) && c.arg !== undefined && inputs.has(c.arg)) used.add(c.arg);
      });
    };
    operands.forEach((o) => note(o.expr));
    streams.forEach((s) => {
      if (s.stream.kind === 'per-case') {
        used.add(s.stream.input);
        if (s.stream.multiplied) used.add(s.stream.multiplied.input);
      }
      if (s.stream.kind === 'state') used.add(s.stream.input);
      note(s.amount);
    });
    if (rule?.kind === 'yesno') used.add(rule.input);
    gates.forEach((g) => note(g.when));
    if (rule?.kind === 'expr') {
      const e = expr(rule.score, `${rulePath}.rule.score`);
      // A score, not a rate: rounded once by rounding.scores with the item, never by rates.
      if (e)
        operands.set('score', {
          expr: e,
          derived: true,
          ...described(e),
          rate: false,
          path: `${rulePath}.rule.score`,
        });
      note(e);
    }
    if (rule && children.length > 0) {
      // One meaning in scoring and certification alike: a parent is the sum of its sub-items,
      // so a rule of its own would never run. Put it on a sub-item, or use gates or deductions.
      issues.push(
        error('parent-rule', `${rulePath}.rule`, {
          zh: `${path} 有下级小项,其得分为各小项之和,不能另设评分规则(rule);请把规则放到小项上,或改用 gates / deductions`,
          en: `${path} has sub-items, so its score is their sum and it cannot have a rule of its own; put the rule on a sub-item, or use gates or deductions`,
        }),
      );
    }
    if (!rule && children.length === 0 && streams.length === 0) {
      issues.push(
        error('no-rule', rulePath, {
          zh: `${path} 没有评分规则`,
          en: `${path} has no scoring rule`,
        }),
      );
    }
    const blankChild = anyBlank((item.items ?? []).map((c) => c.points));
    if (children.length > 0 && points !== undefined && !blankChild) {
      const childSum = sum(children.map((c) => c.points));
      const differs = childSum.compare(points) !== 0;
      if (differs && !item.pointsMismatch) {
        issues.push(
          error('points-mismatch', `${rulePath}.points`, {
            zh: `${path} 分值 ${points.toString()} 与下级合计 ${childSum.toString()} 不符`,
            en: `${path}: points ${points.toString()} differ from the sub-items' total ${childSum.toString()}`,
          }),
        );
      }
      if (item.pointsMismatch)
        issues.push(
          mismatchDeclared(
            `${rulePath}.pointsMismatch`,
            { zh: path, en: path },
            item.pointsMismatch,
            differs,
            {
              points,
              sum: childSum,
              parts: { zh: '下级小项', en: "the sub-items'" },
            },
          ),
        );
    } else if (item.pointsMismatch && children.length === 0) {
      issues.push(
        warning('points-mismatch-unneeded', `${rulePath}.pointsMismatch`, {
          zh: `${path} 没有下级小项,无需声明分值不符(pointsMismatch)`,
          en: `${path} has no sub-items: a points mismatch (pointsMismatch) declares nothing here`,
        }),
      );
    }
    // null in the map: not assessed for that class (written 'not-assessed'; a blank is an error).
    const pointsByClass = item.pointsByClass
      ? new Map(
          Object.entries(item.pointsByClass).map(([cls, v]) => {
            const where = `${rulePath}.pointsByClass.${cls}`;
            checkClassId(cls, where, path);
            if (v === 'not-assessed') return [cls, null] as const;
            return [cls, classPoints(v, where, `${path}(${cls})`, points ?? ZERO)] as const;
          }),
        )
      : undefined;
    const compiled: CIndicator = {
      path,
      code: item.code,
      title: msgOf(item.title),
      criteria: item.criteria ? msgOf(item.criteria) : undefined,
      points: points ?? ZERO,
      pointsByClass,
      min: dec(item.min, `${rulePath}.min`) ?? ZERO,
      rule,
      operands,
      slopes,
      streams,
      gates,
      applicable,
      children,
      inputsUsed: [...used].sort(),
      dependsOn: [...deps].sort(),
      pointsMismatch: item.pointsMismatch ? msgOf(item.pointsMismatch) : undefined,
    };
    // A floor above the item's own points (min 7 on a 5-point item) cannot hold: the score would
    // be both at most 5 and at least 7. Refused, never settled by the order of clamping.
    if (compiled.min.compare(compiled.points) > 0) {
      issues.push(
        error('min-above-points', `${rulePath}.min`, {
          zh: `${path} 的最低分 ${compiled.min.toString()} 高于其满分 ${compiled.points.toString()}`,
          en: `${path}: the floor ${compiled.min.toString()} is above its points ${compiled.points.toString()}`,
        }),
      );
    }
    if (byPath.has(path)) {
      issues.push(
        error('duplicate-code', `${rulePath}.code`, {
          zh: `编号 ${path} 重复`,
          en: `code ${path} is used twice`,
        }),
      );
    }
    byPath.set(path, compiled);
    if (rule?.kind === 'rank') {
      const value = operands.get('value');
      rankRules.push({
        path,
        order: rule.order,
        value: (unit) => operandValueOrNull(inputs, ruleSet.rounding.rates, value, unit),
      });
    }
    return compiled;
  };

  function checkRule(rule: Rule, rp: string, path: string, operands: Map<string, COperand>): void {
    if (rule.kind === 'yesno') needInput(rule.input, `${rp}.input`, ['yesno']);
    if (rule.kind === 'band') {
      const low = operands.get('low')?.constant;
      const high = operands.get('high')?.constant;
      if (low && high && low.compare(high) > 0) {
        issues.push(
          error('band-inverted', `${rp}.low`, {
            zh: `${path}:区间下限 ${low.toString()} 高于上限 ${high.toString()}`,
            en: `${path}: the band's lower bound ${low.toString()} is above its upper bound ${high.toString()}`,
          }),
        );
      }
    }
    if (rule.kind === 'ramp') {
      const full = operands.get('full')?.constant;
      const zero = operands.get('zero')?.constant;
      if (full && zero && full.compare(zero) === 0) {
        issues.push(
          error('ramp-flat', `${rp}.full`, {
            zh: `${path}:满分点与零分点相同`,
            en: `${path}: full-marks and zero points are equal`,
          }),
        );
      } else if (full && zero) {
        const implied = full.compare(zero) > 0 ? 'higher' : 'lower';
        if (rule.better !== undefined && rule.better !== implied) {
          issues.push(
            error('ramp-direction', `${rp}.better`, {
              zh: `${path}:规定为${rule.better === 'higher' ? '越高越好' : '越低越好'},但满分点 ${full.toString()} 与零分点 ${zero.toString()} 表明${implied === 'higher' ? '越高越好' : '越低越好'}`,
              en: `${path}: declared ${rule.better} is better, but full marks at ${full.toString()} and zero at ${zero.toString()} say ${implied} is better`,
            }),
          );
        }
      } else if (rule.better === undefined) {
        issues.push(
          error('ramp-direction', `${rp}.better`, {
            zh: `${path}:满分点或零分点按单位计算,须规定方向 better(higher 越高越好 / lower 越低越好)`,
            en: `${path}: an end of the ramp is worked out per unit, so its direction must be declared: better (higher / lower)`,
          }),
        );
      }
    }
    if (rule.kind === 'reduction') {
      rule.required.forEach((t, i) => {
        const from = dec(t.from, `${rp}.required[${i}].from`);
        const to = dec(t.to, `${rp}.required[${i}].to`);
        if (from && to && from.compare(to) >= 0) {
          issues.push(
            error('band-inverted', `${rp}.required[${i}]`, {
              zh: `${path}:区间下限不低于上限`,
              en: `${path}: tier lower bound is not below its upper bound`,
            }),
          );
        }
      });
    }
    if (rule.kind === 'tiers') {
      const kind = operands.get('value')?.input
        ? KIND_OF_UNIT[operands.get('value')?.input?.unit ?? 'number']
        : undefined;
      rule.tiers.forEach((t, i) => {
        if ('than' in t) operands.set(`tier${i}`, operand(t.than, `${rp}.tiers[${i}].than`));
        else if (
          kind !== undefined &&
          kind !== (typeof t.equals === 'boolean' ? 'boolean' : 'string')
        ) {
          issues.push(
            error('tier-type', `${rp}.tiers[${i}].equals`, {
              zh: `${path}:「${String(t.equals)}」与输入项的类型不符,这一档永远不会成立`,
              en: `${path}: "${String(t.equals)}" does not match the input's kind; this tier could never hold`,
            }),
          );
        } else if (kind === 'string' && typeof t.equals === 'string') {
          const def = operands.get('value')?.input;
          if (def?.unit === 'choice' && !def.choices?.some((c) => c.value === t.equals)) {
            issues.push(
              error('unknown-state', `${rp}.tiers[${i}].equals`, {
                zh: `${path}:「${t.equals}」不是输入项「${def.id}」的可选值`,
                en: `${path}: "${t.equals}" is not a value of input "${def.id}"`,
              }),
            );
          }
        }
      });
    }
    if (rule.kind === 'rank' && Array.isArray(rule.points)) {
      rule.points.forEach((p, i) => dec(p, `${rp}.points[${i}]`));
    }
  }

  function checkSiblings(items: readonly Indicator[], rp: string): void {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.code)) {
        issues.push(
          error('duplicate-code', `${rp}[${i}].code`, {
            zh: `同级编号「${item.code}」重复`,
            en: `code "${item.code}" repeats among siblings`,
          }),
        );
      }
      seen.add(item.code);
    });
  }

  checkSiblings(
    ruleSet.sections.map((s) => ({ code: s.code, title: s.title, points: s.points })),
    'sections',
  );
  const sections: CSection[] = ruleSet.sections.map((section, si) => {
    const rp = `sections[${si}]`;
    const items = section.items.map((item, i) =>
      indicator(item, `${rp}.items[${i}]`, section.code),
    );
    checkSiblings(section.items, `${rp}.items`);
    const points = section.points === null ? undefined : dec(section.points, `${rp}.points`);
    const itemSum = sum(items.map((i) => i.points));
    const blankItem = anyBlank(section.items.map((i) => i.points));
    const pending = checkPending(section, rp);
    // No items at all is said once (no-items), not also as a sum of 0.
    const differs =
      points !== undefined &&
      !blankItem &&
      section.items.length > 0 &&
      itemSum.compare(points) !== 0;
    if (differs && !section.pointsMismatch && !pending) {
      issues.push(
        error('points-mismatch', `${rp}.points`, {
          zh: `第${section.code}部分分值 ${points.toString()} 与各项合计 ${itemSum.toString()} 不符`,
          en: `section ${section.code}: points ${points.toString()} differ from its items' total ${itemSum.toString()}`,
        }),
      );
    }
    if (section.pointsMismatch && points !== undefined && !blankItem)
      issues.push(
        mismatchDeclared(
          `${rp}.pointsMismatch`,
          { zh: `第${section.code}部分`, en: `section ${section.code}` },
          section.pointsMismatch,
          differs,
          {
            points,
            sum: itemSum,
            parts: { zh: '各项', en: "its items'" },
          },
        ),
      );
    return {
      code: section.code,
      title: msgOf(section.title),
      points: points ?? itemSum,
      pointsByClass: classMap(
        section.pointsByClass,
        `${rp}.pointsByClass`,
        `第${section.code}部分`,
        points ?? itemSum,
      ),
      notApplicable: section.notApplicable,
      items,
      pointsMismatch: section.pointsMismatch ? msgOf(section.pointsMismatch) : undefined,
      pending,
    };
  });
  const bonus = ruleSet.bonus
    ? {
        title: ruleSet.bonus.title ? msgOf(ruleSet.bonus.title) : { zh: '加分项目', en: 'Bonus' },
        cap: dec(ruleSet.bonus.cap, 'bonus.cap'),
        items: ruleSet.bonus.items.map((item, i) => indicator(item, `bonus.items[${i}]`, '加分')),
      }
    : undefined;
  const max = sum(sections.map((s) => s.points));
  // A blank section's maximum above is its items' sum: no check of the total is made over it.
  if (ruleSet.points !== null && !anyBlank(ruleSet.sections.map((s) => s.points))) {
    const declared = dec(ruleSet.points, 'points');
    if (declared && declared.compare(max) !== 0 && !ruleSet.pointsMismatch) {
      issues.push(
        error('points-mismatch', 'points', {
          zh: `总分值 ${declared.toString()} 与各部分合计 ${max.toString()} 不符`,
          en: `total points ${declared.toString()} differ from the sections' total ${max.toString()}`,
        }),
      );
    }
    // The rule set's own declaration covers the total only: a section or an item that does not
    // add up declares its own, so a typo elsewhere is still found.
    if (declared && ruleSet.pointsMismatch)
      issues.push(
        declared.compare(max) === 0
          ? warning('points-mismatch-unneeded', 'pointsMismatch', {
              zh: `总分值 ${declared.toString()} 与各部分合计相符,无需声明;某一部分或某一项的分值不符,须在该部分或该项上声明 pointsMismatch`,
              en: `total points ${declared.toString()} equal the sections' total: nothing to declare here; a section or item whose points do not add up declares its own pointsMismatch`,
            })
          : warning('points-mismatch-declared', 'pointsMismatch', {
              zh: '分值合计不一致已声明,按声明处理',
              en: 'points that do not add up are declared and accepted',
            }),
      );
  } else if (ruleSet.pointsMismatch) {
    issues.push(
      warning('points-mismatch-declared', 'pointsMismatch', {
        zh: '分值合计不一致已声明,按声明处理',
        en: 'points that do not add up are declared and accepted',
      }),
    );
  }
  const sanctions = ruleSet.sanctions.flatMap((sanction, i) => {
    const when = expr(sanction.when, `sanctions[${i}].when`, sanctionOnlyIdentifiers);
    return when
      ? [
          {
            sanction,
            when,
            reason: msgOf(sanction.reason),
            consequence: sanction.consequence ? msgOf(sanction.consequence) : undefined,
          },
        ]
      : [];
  });
  const counters = (ruleSet.counters ?? []).flatMap((counter, i) => {
    const when = expr(counter.when, `counters[${i}].when`, sanctionIdentifiers);
    return when ? [{ counter, when, label: msgOf(counter.label) }] : [];
  });
  const counterIds = new Set<string>();
  (ruleSet.counters ?? []).forEach((c, i) => {
    if (counterIds.has(c.id))
      issues.push(
        error('duplicate-id', `counters[${i}].id`, {
          zh: `计数器编号「${c.id}」重复`,
          en: `counter id "${c.id}" is used twice`,
        }),
      );
    counterIds.add(c.id);
  });
  const counterRefs = (source: CompiledExpr | undefined, where: string): void => {
    source?.calls.forEach((c) => {
      if (COUNTER_FUNCTIONS.has(c.name) && c.arg !== undefined && !counterIds.has(c.arg)) {
        issues.push(
          error('unknown-counter', where, {
            zh: `${where}:引用了未声明的计数器「${c.arg}」`,
            en: `${where}: names counter "${c.arg}", which is not declared`,
          }),
        );
      }
    });
  };
  const certifiers = (ruleSet.certifiedBy ?? []).flatMap((c, i) => {
    const when = expr(c.when, `certifiedBy[${i}].when`, sanctionIdentifiers);
    return when ? [{ when, by: msgOf(c.by) }] : [];
  });
  const amounts = compileAmounts(
    ruleSet,
    (source, path) => expr(source, path, sanctionIdentifiers),
    naming,
    issues,
  );
  if (ruleSet.certifiedBy && ruleSet.kind !== 'certification') {
    issues.push(
      error('certified-by-scored', 'certifiedBy', {
        zh: '只有评估认定类考核办法才能规定认定单位(certifiedBy)',
        en: 'only a certification rule set names who certifies (certifiedBy)',
      }),
    );
  }
  const seenSanctions = new Set<string>();
  ruleSet.sanctions.forEach((s, i) => {
    if (seenSanctions.has(s.id))
      issues.push(
        error('duplicate-id', `sanctions[${i}].id`, {
          zh: `否决/约束条件编号「${s.id}」重复`,
          en: `sanction id "${s.id}" is used twice`,
        }),
      );
    seenSanctions.add(s.id);
  });
  // References to results must name items that exist, and must not go round in a circle.
  const refs = (source: CompiledExpr | undefined, where: string): void => {
    source?.calls.forEach((c) => {
      if (RESULT_FUNCTIONS.has(c.name) && c.arg !== undefined && !byPath.has(c.arg)) {
        issues.push(
          error('unknown-item', where, {
            zh: `${where}:引用了不存在的考核项目「${c.arg}」`,
            en: `${where}: names item "${c.arg}", which does not exist`,
          }),
        );
      }
    });
  };
  sanctions.forEach((s, i) => refs(s.when, `sanctions[${i}].when`));
  counters.forEach((c, i) => refs(c.when, `counters[${i}].when`));
  certifiers.forEach((c, i) => refs(c.when, `certifiedBy[${i}].when`));
  amounts.forEach((a, i) => refs(a.expr, `amounts[${i}].amount`));
  sanctions.forEach((s, i) => counterRefs(s.when, `sanctions[${i}].when`));
  for (const item of byPath.values()) {
    for (const dep of item.dependsOn) {
      if (!byPath.has(dep)) {
        issues.push(
          error('unknown-item', item.path, {
            zh: `${item.path}:引用了不存在的考核项目「${dep}」`,
            en: `${item.path}: names item "${dep}", which does not exist`,
          }),
        );
      }
    }
  }
  const cycle = findCycle(byPath);
  if (cycle) {
    issues.push(
      error('cycle', cycle[0] ?? '', {
        zh: `考核项目互相引用成环:${cycle.join(' → ')}`,
        en: `items refer to each other in a cycle: ${cycle.join(' → ')}`,
      }),
    );
  }
  checkGrades(ruleSet, issues);
  checkSanctionGrades(ruleSet, issues);
  sanctions.forEach(({ sanction: s, when }) => {
    if (!readsStanding(when)) return;
    const at = `sanctions[${ruleSet.sanctions.indexOf(s)}]`;
    if ((s.level !== 'interview' && s.level !== 'notice') || s.gradeCap || s.excludeFromGrades)
      issues.push(
        error('cohort-sanction-level', at, {
          zh: `否决/约束条件「${msgOf(s.reason).zh}」读取排名或等次,在排名、评定等次之后判定,只能是约谈或通报(不能再影响排名和等次)`,
          en: `sanction "${msgOf(s.reason).en}" reads the ranking or the grade, decided after them: it may only be an interview or a notice (it cannot change the ranking or the grades)`,
        }),
      );
  });
  checkPrecision(ruleSet, sections, bonus, issues);
  checkClassPoints(
    ruleSet,
    sections,
    bonus,
    classMap(
      ruleSet.pointsByClass,
      'pointsByClass',
      '总分值',
      dec(ruleSet.points, 'points') ?? max,
    ),
    dec(ruleSet.points, 'points') ?? max,
    issues,
  );
  checkTieBreakTargets(ruleSet, byPath, inputs, issues);
  ruleSet.inputs.forEach((def, i) => {
    if (def.blankMeans !== undefined && KIND_OF_UNIT[def.unit] !== 'number') {
      issues.push(
        error('blank-means', `inputs[${i}].blankMeans`, {
          zh: `输入项「${def.id}」不是数值,不能规定空白的含义`,
          en: `input "${def.id}" is not a number: a blank cannot be given a meaning`,
        }),
      );
    }
  });

  const compiled: CompiledRuleSet = {
    ruleSet,
    inputs,
    sections,
    bonus,
    sanctions: sanctions.filter((s) => !readsStanding(s.when)),
    cohortSanctions: sanctions.filter((s) => readsStanding(s.when)),
    counters,
    amounts,
    certifiers,
    byPath,
    classIds: new Set((ruleSet.classes ?? []).map((c) => c.id)),
    scoreRounding: ruleSet.rounding.scores,
    rateRounding: ruleSet.rounding.rates,
    max,
    peerInputs: [...peerInputs].sort(),
    rankRules,
  };
  return { compiled, issues };
}

/** A sanction that reads the ranked and graded cohort. */
const readsStanding = (when: CompiledExpr): boolean =>
  when.identifiers.includes('grade') || when.calls.some((c) => STANDING_FUNCTIONS.has(c.name));

function operandValueOrNull(
  inputs: ReadonlyMap<string, InputDef>,
  rates: Rounding | undefined,
  operand: COperand | undefined,
  unit: UnitInput,
): Q | null {
  if (!operand) return null;
  if (operand.constant) return operand.constant;
  try {
    const v = operand.expr?.evaluate(createEnv(inputs, unit, {}));
    if (v === undefined || typeof v !== 'object') return null;
    return operand.rate && rates ? round(v, rates) : v;
  } catch (e) {
    // A blank or unusable value leaves the unit unranked for this item; scoreUnit reports why.
    if (e instanceof MissingValue || e instanceof ExprEvalError) return null;
    throw e;
  }
}
