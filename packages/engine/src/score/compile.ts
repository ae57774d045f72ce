// Turns a parsed rule set into a form that is cheap to evaluate many times: expressions parsed
// once, decimals read once, paths resolved, dependencies between items ordered. Collects every
// problem it finds as an Issue with the rule path; `compileRuleSet` refuses a rule set with errors.
import { compileAmounts, type CAmount } from '../amounts/amounts.ts';
import { compileExpr } from '../expr/compile.ts';
import type { CompiledExpr, ExprKind } from '../expr/types.ts';
import { KIND_OF_UNIT } from '../schema/unit-kinds.ts';
import { q, round, sum, ZERO, type Q } from '../exact/exact.ts';
import { MissingValue } from '../expr/types.ts';
import { ExprEvalError } from '../expr/errors.ts';
import type { Issue, Msg, UnitInput } from '../model/result.ts';
import { msgOf } from '../messages/text.ts';
import type { Operand, Rounding, Text } from '../schema/common.ts';
import type { Gate, Rule, Slope, Stream } from '../schema/rules.ts';
import {
  NUMERIC_UNITS,
  type Counter,
  type DerivedDef,
  type Indicator,
  type InputDef,
  type InputUnit,
  type RuleSet,
  type Sanction,
} from '../schema/ruleset.ts';
import { parseSource } from '../expr/parse.ts';
import { anyBlank, blankPoints } from '../validate/blanks.ts';
import { checkPiecewise } from '../kinds/piecewise.ts';
import { checkCasesInput, compilePerRecord, type CPerRecord } from '../kinds/records.ts';
import { checkPoolItem, checkPoolSection, newPool, type CPool } from './pool.ts';
import { describePath, error, warning } from '../validate/issues.ts';
import {
  COUNTER_FUNCTIONS,
  STANDING_FUNCTIONS,
  createEnv,
  hostFunctions,
  PEER_FUNCTIONS,
  placeAllows,
  RESULT_FUNCTIONS,
} from './env.ts';
import { expressionUnit, isRateUnit } from './rate-operands.ts';
import { dayOfIso } from '../exact/calendar.ts';
import { compileCertificationGrades, type CCertificationGrades } from '../certify/grades.ts';
import { checkCarriedInputs, compileCarry, type CCarry } from '../carry/carry.ts';
import { checkChildrenInputs } from '../rollup/children.ts';
import { clip as clipText } from '../expr/clip.ts';
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

/** A deadline as scored: its day (calendar.ts), ISO text, and label when declared by name. */
interface CDue {
  day: number;
  iso: string;
  label: Msg | undefined;
}

export interface CIndicator {
  path: string;
  code: string;
  title: Msg;
  criteria: Msg | undefined;
  /** The maximum; 0 for an item without one (`uncapped`), which no sum counts. */
  points: Q;
  /** A top-level bonus item without a maximum (`points: 'uncapped'`, 加分不设上限). */
  uncapped: boolean;
  pointsByClass: ReadonlyMap<string, Q | null> | undefined;
  /** The floor; undefined for no floor at all (`min: 'none'`, 该项可负分). */
  min: Q | undefined;
  /** Where an item without a rule starts: full points, or 0 (credits accrue). */
  start: 'full' | 'zero';
  /** This item's policy for missing evidence (its own, else the rule set's): `keep` holds at
   *  most that many points. */
  evidence: EvidenceRule;
  rule: Rule | undefined;
  operands: ReadonlyMap<string, COperand>;
  slopes: ReadonlyMap<string, CSlope>;
  streams: readonly {
    stream: Stream;
    amount?: CompiledExpr;
    due?: CDue;
    /** A per-record stream, compiled (kinds/records.ts). */
    records?: CPerRecord;
    cap: Q | undefined;
  }[];
  gates: readonly { gate: Gate; when: CompiledExpr; reason: Msg }[];
  applicable: CompiledExpr | undefined;
  children: readonly CIndicator[];
  /** Inputs this item reads (rule, streams, gates), for missing-input and evidence checks. */
  inputsUsed: readonly string[];
  /** Paths this item's expressions read through score()/met()/status(). */
  dependsOn: readonly string[];
  /** Declared: the sub-items need not add up to the points (why). */
  pointsMismatch: Msg | undefined;
  /** An item without points of its own (`points: 'none'`), deducting from its pool section's
   *  points (score/pool.ts); its own `points` are 0 and count in no sum. */
  pool?: CPool | undefined;
}

/** What an item keeps when evidence it needs is missing. */
export type EvidenceRule = { policy: 'zero' } | { policy: 'flag' } | { policy: 'keep'; keep: Q };

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
  /** Items without points of their own deduct from the section's points (score/pool.ts). */
  pool?: CPool | undefined;
}

/** A named derived value, compiled: read by its id as an input is (see env.ts, fast/frame.ts). */
export interface CDerived {
  def: DerivedDef;
  expr: CompiledExpr;
  /** Its own rounding; else `rounding.rates` for a % or ‰ value; else none (exact). */
  rounding: Rounding | undefined;
  /** The inputs under it (through other derived values too): what a reader of it lacks when
   *  one is blank, and whose evidence it asks for. */
  inputs: readonly string[];
  /** Calls peer_mean/max/min (itself or under it): a cohort statistic of it is refused. */
  usesPeers: boolean;
  /** As a reason shows it: its label and unit, in the shape of an input's declaration. */
  shown: InputDef;
}

export interface CompiledRuleSet {
  ruleSet: RuleSet;
  inputs: ReadonlyMap<string, InputDef>;
  /** Named derived values by id (form 47). */
  derived: ReadonlyMap<string, CDerived>;
  sections: readonly CSection[];
  bonus: { title: Msg; cap: Q | undefined; items: readonly CIndicator[] } | undefined;
  sanctions: readonly {
    sanction: Sanction;
    when: CompiledExpr;
    reason: Msg;
    consequence: Msg | undefined;
    /** Points carried into another scheme while it holds (carry/carry.ts). */
    carries?: CCarry;
  }[];
  /** Sanctions that read the ranked and graded cohort (rank(), bottom_rank(), `grade`…):
   *  decided by the cohort after ranking and grading; interview or notice only. */
  cohortSanctions: CompiledRuleSet['sanctions'];
  /** Counters across periods, worked out after the items and the total, before the sanctions.
   *  `cohort`: it reads the ranking or the grade (the bottom five this year), so the cohort
   *  decides it after ranking; a unit scored alone carries its counts over. */
  counters: readonly { counter: Counter; when: CompiledExpr; label: Msg; cohort: boolean }[];
  /** Declared deadlines by id (a date in expressions, a deadline stream's `due`). */
  deadlines: ReadonlyMap<string, CDue>;
  /** The same as expression values (days), for the evaluation environment. */
  constants: ReadonlyMap<string, Q>;
  /** Money carried as output (amounts/amounts.ts). */
  amounts: readonly CAmount[];
  /** Certification: who certifies, by the grade sought; the first that holds. */
  certifiers: readonly { when: CompiledExpr; by: Msg }[];
  /** Certification: score cut-offs per grade and who certifies each (certify/grades.ts). */
  certificationGrades: CCertificationGrades | undefined;
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
  /** Some sanction carries points into another scheme: results list `carried`. */
  carries: boolean;
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
    checkCasesInput(def, i, issues);
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
  // Named derived values: declared once, read by id wherever an input may be.
  const derivedDecl = new Map<string, { def: DerivedDef; i: number }>();
  (ruleSet.derived ?? []).forEach((def, i) => {
    const where = `derived[${i}]`;
    if (inputs.has(def.id))
      issues.push(
        error('derived-id-clash', `${where}.id`, {
          zh: `派生指标「${def.id}」与同名输入项重名,请改用其他代码`,
          en: `derived value "${def.id}" has the id of an input; choose another id`,
        }),
      );
    else if (derivedDecl.has(def.id))
      issues.push(
        error('duplicate-id', `${where}.id`, {
          zh: `派生指标代码「${def.id}」重复`,
          en: `derived value id "${def.id}" is declared twice`,
        }),
      );
    else derivedDecl.set(def.id, { def, i });
    if (!NUMERIC_UNITS.includes(def.unit))
      issues.push(
        error('derived-unit', `${where}.unit`, {
          zh: `派生指标「${def.id}」须为数值,单位不能为 ${def.unit}`,
          en: `derived value "${def.id}" is a number: its unit cannot be ${def.unit}`,
        }),
      );
  });
  const deadlines = compileDeadlines(ruleSet, inputs, new Set(derivedDecl.keys()), issues);
  const constants = new Map([...deadlines].map(([id, d]) => [id, q(d.day)]));
  const identifiers = new Set<string>([
    ...inputs.keys(),
    ...derivedDecl.keys(),
    ...deadlines.keys(),
    'class',
  ]);
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
  for (const id of derivedDecl.keys()) types.set(id, 'number');
  /** Derived values that read a cohort statistic (set once they are compiled). */
  const derivedPeers = new Set<string>();
  for (const id of deadlines.keys()) types.set(id, 'date');
  /** What a text may be compared with: a choice's values, the grade band ids (and 'none', out of
   *  the grades), the declared classes. */
  const domains = new Map<string, readonly string[]>();
  for (const def of inputs.values())
    if (def.unit === 'choice' && def.choices)
      domains.set(
        def.id,
        def.choices.map((c) => c.value),
      );
  if (ruleSet.grades) domains.set('grade', [...ruleSet.grades.bands.map((b) => b.id), 'none']);
  if (ruleSet.classes)
    domains.set(
      'class',
      ruleSet.classes.map((c) => c.id),
    );
  const expr = (
    source: string,
    path: string,
    ids: ReadonlySet<string> = identifiers,
    /** A case's own names' kinds and choice values (kinds/records.ts): no host functions there. */
    own?: { types: ReadonlyMap<string, ExprKind>; domains: ReadonlyMap<string, readonly string[]> },
  ): CompiledExpr | undefined => {
    const result = compileExpr(
      source,
      own
        ? { identifiers: ids, functions: {}, types: own.types, domains: own.domains }
        : { identifiers: ids, functions: hostFunctions, types, domains },
    );
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
      if (STANDING_FUNCTIONS.has(call.name) && !placeAllows(call.name, path)) {
        issues.push(
          error('standing-misplaced', path, {
            zh: `${named(path)}:${call.name}() 只能用于否决/约束条件和计数器(排名后判定)`,
            en: `${named(path)}: ${call.name}() may be used in sanctions and counters only (decided after ranking)`,
          }),
        );
      }
      if (COUNTER_FUNCTIONS.has(call.name) && !placeAllows(call.name, path)) {
        issues.push(
          error('counter-misplaced', path, {
            zh: `${named(path)}:${call.name}() 只能用于否决/约束条件`,
            en: `${named(path)}: ${call.name}() may be used in sanctions only`,
          }),
        );
      }
      if (PEER_FUNCTIONS.has(call.name) && call.arg !== undefined) {
        if (!inputs.has(call.arg) && !derivedDecl.has(call.arg)) {
          issues.push(
            error('unknown-input', path, {
              zh: `${named(path)}:${call.name} 引用了未声明的输入项「${call.arg}」`,
              en: `${named(path)}: ${call.name} names undeclared input "${call.arg}"`,
            }),
          );
        } else if (inputs.has(call.arg) && !NUMERIC_UNITS.includes(inputs.get(call.arg)!.unit)) {
          const def = inputs.get(call.arg)!;
          issues.push(
            error('peer-unit', path, {
              zh: `${named(path)}:${call.name} 只能用于数值,「${msgOf(def.label).zh}」(${call.arg})的单位为 ${def.unit}`,
              en: `${named(path)}: ${call.name} takes a number; "${msgOf(def.label).en}" (${call.arg}) is in ${def.unit}`,
            }),
          );
        } else if (derivedPeers.has(call.arg)) {
          issues.push(
            error('derived-peer-nested', path, {
              zh: `${named(path)}:派生指标「${call.arg}」本身含有全体平均/最高/最低,不能再求 ${call.name}`,
              en: `${named(path)}: derived value "${call.arg}" reads a cohort statistic itself; ${call.name} of it is not allowed`,
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

  // Named derived values: compiled once, each checked where it is declared.
  /** Inputs and derived values as a reason names them (label, unit). */
  const shownInputs = new Map<string, InputDef>(inputs);
  for (const [id, { def }] of derivedDecl)
    shownInputs.set(id, {
      id,
      label: def.label,
      unit: def.unit,
      source: 'unit',
      evidence: false,
      ...(def.note ? { note: def.note } : {}),
    });
  const derived = compileDerived(
    derivedDecl,
    expr,
    issues,
    shownInputs,
    ruleSet.rounding.rates,
    new Set(deadlines.keys()),
  );
  for (const [id, d] of derived) if (d.usesPeers) derivedPeers.add(id);
  // Inside a derived formula too: no cohort statistic of a value that reads one.
  for (const [id, d] of derived)
    for (const c of d.expr.calls)
      if (PEER_FUNCTIONS.has(c.name) && c.arg !== undefined && derivedPeers.has(c.arg))
        issues.push(
          error('derived-peer-nested', `derived[${derivedDecl.get(id)?.i ?? 0}].expression`, {
            zh: `派生指标「${id}」:「${c.arg}」本身含有全体平均/最高/最低,不能再求 ${c.name}`,
            en: `derived value "${id}": "${c.arg}" reads a cohort statistic itself; ${c.name} of it is not allowed`,
          }),
        );

  const naming = {
    label: (id: string): Msg | undefined => {
      const def = shownInputs.get(id);
      return def ? msgOf(def.label) : deadlines.get(id)?.label;
    },
  };
  /** What a derived operand shows beside its value: its formula in words and its unit. */
  const described = (compiled: CompiledExpr): Pick<COperand, 'words' | 'unit'> => {
    const unit = expressionUnit(compiled.source, shownInputs, new Set(deadlines.keys()));
    // date('2013-01-31') is shown as its date: its words would only repeat it.
    if (unit === 'date' && /^date\(\s*'[^']*'\s*\)$/.test(compiled.source.trim())) return { unit };
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
    // A derived value by its id: shown by its label and unit, rounded where it is declared.
    const named = derived.get(trimmed);
    if (named && compiled)
      return {
        expr: compiled,
        // Shown as an input is (its label, its unit), yet worked out: never read as a cell.
        input: named.shown,
        unit: named.def.unit,
        derived: true,
        rate: false,
        path,
      };
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
    // A case count may be a derived value (read as an input is); a yes/no or choice may not.
    if (!def && !units && derived.has(id)) return;
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

  /** Rule kinds whose base is worked out from the item's full points: an item without a
   *  maximum cannot use them. */
  const needsFullPoints = (item: Indicator): boolean => {
    const rule = item.rule;
    if (!rule) return item.start !== 'zero' && (item.items ?? []).length === 0;
    if (rule.kind === 'expr' || rule.kind === 'tiers' || rule.kind === 'piecewise') return false;
    if (rule.kind === 'yesno') return rule.yes === undefined;
    if (rule.kind === 'rank') return rule.points === 'proportional-to-leader';
    return true;
  };
  /** Open bounds and where an item without a rule starts: the shapes that hold together. */
  const checkOpenForms = (
    item: Indicator,
    at: { rulePath: string; path: string; parentPath: string; streams: readonly Stream[] },
  ): void => {
    const { rulePath, path } = at;
    if (item.start !== undefined) {
      if (item.rule)
        issues.push(
          error('start-with-rule', `${rulePath}.start`, {
            zh: `${path} 有评分规则(rule),起始分由规则给出,不能另写 start`,
            en: `${path} has a rule, which gives its base: start cannot be declared beside it`,
          }),
        );
      else if ((item.items ?? []).length > 0)
        issues.push(
          error('start-with-items', `${rulePath}.start`, {
            zh: `${path} 有下级小项,其得分为各小项之和,不能另写 start`,
            en: `${path} has sub-items, whose sum is its base: start cannot be declared`,
          }),
        );
      else if (item.start === 'zero' && !at.streams.some((s) => s.direction === 'add'))
        issues.push(
          error('start-zero-without-credit', `${rulePath}.start`, {
            zh: `${path} 从0分起算(start: 'zero'),但没有加分(direction: 'add')的计分项,永远得0分`,
            en: `${path} starts at 0 (start: 'zero') but has no stream that adds (direction: 'add'): it could never score`,
          }),
        );
    }
    if (item.points !== 'uncapped') return;
    // Top-level bonus items only: a section's items add up to its points, a parent's to its.
    if (at.parentPath !== '加分')
      issues.push(
        error('uncapped-outside-bonus', `${rulePath}.points`, {
          zh: `${path}:只有加分项目(不含其小项)可以不设上限(points: 'uncapped');考核项目的分值要计入合计`,
          en: `${path}: only a bonus item (not a sub-item) may be uncapped (points: 'uncapped'); an item's points count in its sums`,
        }),
      );
    else if (item.pointsByClass)
      issues.push(
        error('uncapped-by-class', `${rulePath}.pointsByClass`, {
          zh: `${path} 不设上限,不能再按类别规定分值`,
          en: `${path} is uncapped: it cannot have points by class`,
        }),
      );
    else if (needsFullPoints(item))
      issues.push(
        error('uncapped-needs-points', item.rule ? `${rulePath}.rule` : `${rulePath}.points`, {
          zh: `${path} 不设上限,没有满分可得:得分须由规则自身给出(tiers、expr、piecewise、写明 yes 的 yesno、按名次分值表的 rank),或以 start: 'zero' 起按件累计加分`,
          en: `${path} is uncapped, so there are no full points to give: its rule must give the points itself (tiers, expr, piecewise, yesno with yes, rank with a points list), or start: 'zero' with streams that add`,
        }),
      );
  };
  /** An item's own evidence policy, else the rule set's; `keep` between 0 and the points. */
  const evidenceRule = (
    item: Indicator,
    rulePath: string,
    path: string,
    points: Q,
    used: ReadonlySet<string>,
  ): EvidenceRule => {
    const own = item.evidencePolicy;
    if (own === undefined) return { policy: ruleSet.evidencePolicy };
    if (![...used].some((id) => inputs.get(id)?.evidence))
      issues.push(
        warning('evidence-policy-unused', `${rulePath}.evidencePolicy`, {
          zh: `${path} 不读取须附佐证材料的输入项(evidence: true),缺少佐证时的规定(evidencePolicy)不起作用`,
          en: `${path} reads no input that needs evidence (evidence: true): its evidencePolicy has nothing to apply to`,
        }),
      );
    if (typeof own === 'string') return { policy: own };
    const where = `${rulePath}.evidencePolicy.keep`;
    const keep = dec(own.keep, where) ?? ZERO;
    if (keep.compare(0) < 0 || (item.points !== 'uncapped' && keep.compare(points) > 0))
      issues.push(
        error('evidence-keep-range', where, {
          zh: `${path} 缺少佐证时保留 ${keep.toString()} 分,应在0至该项满分 ${points.toString()} 之间`,
          en: `${path}: ${keep.toString()} points kept without evidence should be between 0 and the item's points ${points.toString()}`,
        }),
      );
    // What is kept is a score: on the grid the scores are rounded to, never rounded afterwards.
    const dp = ruleSet.rounding.scores.dp;
    if (keep.mul(q(10n ** BigInt(dp))).d !== 1n)
      issues.push(
        error('points-precision', where, {
          zh: `${path} 缺少佐证时保留的 ${keep.toString()} 分超出得分保留的 ${dp} 位小数(rounding.scores)`,
          en: `${path}: ${keep.toString()} points kept without evidence have more places than the ${dp} kept for scores (rounding.scores)`,
        }),
      );
    return { policy: 'keep', keep };
  };

  /** A deadline stream's date input, due date and amounts, checked; its due date resolved. */
  const deadlineStream = (
    stream: Extract<Stream, { kind: 'deadline' }>,
    sp: string,
    path: string,
  ): CDue | undefined => {
    needInput(stream.input, `${sp}.input`, ['date']);
    if (stream.late === undefined && stream.perMonth === undefined)
      issues.push(
        error('deadline-no-late', sp, {
          zh: `${path}:截止日期扣分须规定逾期扣分(late 固定扣分,或 perMonth 每月扣分)`,
          en: `${path}: a deadline needs what lateness costs (late, a fixed amount, or perMonth, per month)`,
        }),
      );
    if (stream.maxMonths !== undefined && stream.perMonth === undefined)
      issues.push(
        error('deadline-max-months', `${sp}.maxMonths`, {
          zh: `${path}:最多计月数(maxMonths)须与每月扣分(perMonth)同用`,
          en: `${path}: maxMonths needs perMonth (it bounds the months counted)`,
        }),
      );
    for (const key of ['late', 'perMonth', 'missing'] as const) {
      const v = stream[key];
      if (v !== undefined && v !== 'missing-input') dec(v, `${sp}.${key}`);
    }
    const named = deadlines.get(stream.due);
    if (named) return named;
    const day = dayOfIso(stream.due);
    if (day === undefined) {
      issues.push(
        error('unknown-deadline', `${sp}.due`, {
          zh: `${path}:截止日期「${clipText(stream.due)}」既不是已声明的截止日期(deadlines),也不是写成 2013-03-31 的有效日期`,
          en: `${path}: due "${clipText(stream.due)}" is neither a declared deadline (deadlines) nor a real date written as 2013-03-31`,
        }),
      );
      return undefined;
    }
    return { day, iso: stream.due, label: undefined };
  };

  const indicator = (
    item: Indicator,
    rulePath: string,
    parentPath: string,
    pool?: CPool,
  ): CIndicator => {
    const path = parentPath ? `${parentPath}.${item.code}` : item.code;
    const uncapped = item.points === 'uncapped';
    // Without points of its own ('none', in a pool section only: checkPoolItem): 0 in every sum.
    const noPoints = item.points === 'none';
    const points =
      item.points === null
        ? undefined
        : uncapped || noPoints
          ? ZERO
          : dec(item.points, `${rulePath}.points`);
    checkPoolItem(item, rulePath, path, pool, issues);
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
      // An uncapped item has no maximum to hold a rule's points to (its 0 is no ceiling).
      checkRule(rule, `${rulePath}.rule`, path, operands, uncapped ? 'uncapped' : points);
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
      const due = stream.kind === 'deadline' ? deadlineStream(stream, sp, path) : undefined;
      const amount = stream.kind === 'expr' ? expr(stream.amount, `${sp}.amount`) : undefined;
      const records =
        stream.kind === 'per-record'
          ? compilePerRecord(stream, sp, path, {
              inputs,
              issues,
              expr: (source, where, ids, own) => expr(source, where, ids, own),
              dec,
              deadlines: new Map([...deadlines].map(([id, d]) => [id, d.label])),
            })
          : undefined;
      return {
        stream,
        ...(amount ? { amount } : {}),
        ...(due ? { due } : {}),
        ...(records ? { records } : {}),
        cap: dec(stream.cap, `${sp}.cap`),
      };
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
    /** An input read, or the inputs under a derived value (its blanks and evidence are theirs). */
    const use = (id: string): void => {
      if (inputs.has(id)) used.add(id);
      else derived.get(id)?.inputs.forEach((i) => used.add(i));
    };
    const note = (e: CompiledExpr | undefined): void => {
      if (!e) return;
      e.identifiers.forEach(use);
      e.calls.forEach((c) => {
        if (RESULT_FUNCTIONS.has(c.name) && c.arg !== undefined) deps.add(c.arg);
        if (PEER_FUNCTIONS.has(c.name) && c.arg !== undefined) use(c.arg);
      });
    };
    operands.forEach((o) => note(o.expr));
    streams.forEach((s) => {
      if (s.stream.kind === 'per-case') {
        use(s.stream.input);
        if (s.stream.multiplied) use(s.stream.multiplied.input);
      }
      if (
        s.stream.kind === 'state' ||
        s.stream.kind === 'deadline' ||
        s.stream.kind === 'per-record'
      )
        used.add(s.stream.input);
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
    checkOpenForms(item, { rulePath, path, parentPath, streams: item.deductions ?? [] });
    if (
      !pool &&
      !rule &&
      children.length === 0 &&
      streams.length === 0 &&
      item.start === undefined
    ) {
      issues.push(
        error('no-rule', rulePath, {
          zh:
            gates.length > 0
              ? `${path} 没有评分规则:只凭不记分情形(gates)评分的,请写 start: 'full'(未发生即得满分)`
              : `${path} 没有评分规则`,
          en:
            gates.length > 0
              ? `${path} has no scoring rule: for an item scored by its zeroing events alone, write start: 'full' (full points unless one holds)`
              : `${path} has no scoring rule`,
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
      uncapped,
      pointsByClass,
      // A pool item has no floor of its own (pool-item-min): its figure is what it deducts.
      min: pool || item.min === 'none' ? undefined : (dec(item.min, `${rulePath}.min`) ?? ZERO),
      start: item.start ?? 'full',
      // A pool item only deducts: no evidence is asked for it (checkPoolItem warns of a policy).
      evidence: pool
        ? { policy: ruleSet.evidencePolicy }
        : evidenceRule(item, rulePath, path, points ?? ZERO, used),
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
      ...(pool ? { pool } : {}),
    };
    // A floor above the item's own points (min 7 on a 5-point item) cannot hold: the score would
    // be both at most 5 and at least 7. Refused, never settled by the order of clamping.
    if (compiled.min && !uncapped && compiled.min.compare(compiled.points) > 0) {
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
      // Units are ranked on their own figures, before any cohort statistic exists: a value read
      // through peer_mean/max/min (directly or under a derived value) could never be ranked.
      const peerRead =
        value?.expr?.calls.some((c) => PEER_FUNCTIONS.has(c.name)) ||
        value?.expr?.identifiers.some((id) => derived.get(id)?.usesPeers);
      if (peerRead)
        issues.push(
          error('rank-peer-value', `${rulePath}.rule.value`, {
            zh: `${path} 按排名计分的数值不能引用全体单位的统计值(peer_mean/peer_max/peer_min)`,
            en: `${path}: the value ranked cannot read a cohort statistic (peer_mean/peer_max/peer_min)`,
          }),
        );
      rankRules.push({
        path,
        order: rule.order,
        value: (unit) =>
          operandValueOrNull(inputs, derived, ruleSet.rounding.rates, value, unit, constants),
      });
    }
    return compiled;
  };

  function checkRule(
    rule: Rule,
    rp: string,
    path: string,
    operands: Map<string, COperand>,
    points: Q | 'uncapped' | undefined,
  ): void {
    if (rule.kind === 'yesno') needInput(rule.input, `${rp}.input`, ['yesno']);
    if (rule.kind === 'piecewise') {
      checkPiecewise(rule, rp, path, points, issues);
      const def = operands.get('value')?.input;
      if (def && KIND_OF_UNIT[def.unit] !== 'number')
        issues.push(
          error('input-unit', `${rp}.value`, {
            zh: `${path}:按比例分段计分的数值须为数字,输入项「${def.id}」不是`,
            en: `${path}: piecewise scoring needs a number, and input "${def.id}" is not one`,
          }),
        );
    }
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
    checkFormerly(items, rp);
  }

  function checkFormerly(items: readonly Pick<Indicator, 'code' | 'formerly'>[], rp: string): void {
    // Lineage: a former code must name no current sibling and no other item's former code, so
    // the diff's matching through it is never ambiguous.
    const former = new Set<string>();
    items.forEach((item, i) => {
      const f = item.formerly;
      if (f === undefined) return;
      const clash = items.some((o, j) => j !== i && o.code === f);
      if (clash || former.has(f))
        issues.push(
          error('formerly-clash', `${rp}[${i}].formerly`, {
            zh: clash
              ? `「${item.code}」的原编号「${f}」是同级另一项的现编号`
              : `原编号「${f}」被同级两项使用`,
            en: clash
              ? `"${item.code}": its former code "${f}" is another sibling's code`
              : `former code "${f}" is claimed by two siblings`,
          }),
        );
      former.add(f);
    });
  }

  checkSiblings(
    ruleSet.sections.map((s) => ({
      code: s.code,
      formerly: s.formerly,
      title: s.title,
      points: s.points,
    })),
    'sections',
  );
  const sections: CSection[] = ruleSet.sections.map((section, si) => {
    const rp = `sections[${si}]`;
    const pool = section.pool ? newPool(section.code) : undefined;
    const items = section.items.map((item, i) =>
      indicator(item, `${rp}.items[${i}]`, section.code, pool),
    );
    checkSiblings(section.items, `${rp}.items`);
    const points = section.points === null ? undefined : dec(section.points, `${rp}.points`);
    const itemSum = sum(items.map((i) => i.points));
    const blankItem = anyBlank(section.items.map((i) => i.points));
    const pending = checkPending(section, rp);
    // No items at all is said once (no-items), not also as a sum of 0; a pool's items have no
    // points to add up (checkPoolSection says a declared mismatch is not needed).
    const differs =
      !pool &&
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
    if (section.pointsMismatch && points !== undefined && !blankItem && !pool)
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
    const pointsByClass = classMap(
      section.pointsByClass,
      `${rp}.pointsByClass`,
      `第${section.code}部分`,
      points ?? itemSum,
    );
    if (pool) {
      pool.points = points ?? ZERO;
      pool.pointsByClass = pointsByClass;
      pool.min = section.min === 'none' ? undefined : (dec(section.min, `${rp}.min`) ?? ZERO);
    }
    checkPoolSection(section, rp, pool, ruleSet.rounding.scores.dp, issues);
    return {
      code: section.code,
      title: msgOf(section.title),
      points: points ?? itemSum,
      pointsByClass,
      notApplicable: section.notApplicable,
      items,
      pointsMismatch: section.pointsMismatch ? msgOf(section.pointsMismatch) : undefined,
      pending,
      ...(pool ? { pool } : {}),
    };
  });
  const bonus = ruleSet.bonus
    ? {
        title: ruleSet.bonus.title ? msgOf(ruleSet.bonus.title) : { zh: '加分项目', en: 'Bonus' },
        cap: ruleSet.bonus.cap === 'none' ? undefined : dec(ruleSet.bonus.cap, 'bonus.cap'),
        items: ruleSet.bonus.items.map((item, i) => indicator(item, `bonus.items[${i}]`, '加分')),
      }
    : undefined;
  // Bonus codes are checked for repeats by path (above); their former codes here.
  if (ruleSet.bonus) checkFormerly(ruleSet.bonus.items, 'bonus.items');
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
    const carries = compileCarry(
      ruleSet,
      sanction,
      `sanctions[${i}]`,
      (source, path) => expr(source, path, sanctionOnlyIdentifiers),
      issues,
    );
    return when
      ? [
          {
            sanction,
            when,
            reason: msgOf(sanction.reason),
            consequence: sanction.consequence ? msgOf(sanction.consequence) : undefined,
            ...(carries ? { carries } : {}),
          },
        ]
      : [];
  });
  const counters = (ruleSet.counters ?? []).flatMap((counter, i) => {
    const when = expr(counter.when, `counters[${i}].when`, sanctionOnlyIdentifiers);
    return when
      ? [{ counter, when, label: msgOf(counter.label), cohort: readsStanding(when) }]
      : [];
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
  sanctions.forEach((s) => {
    const amount = s.carries?.amount;
    if (amount && 'evaluate' in amount) {
      const at = `sanctions[${ruleSet.sanctions.indexOf(s.sanction)}].carries.amount`;
      refs(amount, at);
      counterRefs(amount, at);
    }
  });
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
  const certificationGrades = compileCertificationGrades(
    ruleSet,
    inputs,
    dec(ruleSet.points, 'points') ?? max,
    issues,
  );
  checkSanctionGrades(ruleSet, issues);
  // A sanction on a counter that reads the standing is decided after ranking as well.
  const cohortCounters = new Set(counters.filter((c) => c.cohort).map((c) => c.counter.id));
  const onStanding = (when: CompiledExpr): boolean =>
    readsStanding(when) ||
    when.calls.some(
      (c) => COUNTER_FUNCTIONS.has(c.name) && c.arg !== undefined && cohortCounters.has(c.arg),
    );
  counters.forEach(({ counter: c, when, label }) => {
    if (when.identifiers.includes('grade') && !ruleSet.grades)
      issues.push(
        error('grade-without-grades', `counters[${(ruleSet.counters ?? []).indexOf(c)}].when`, {
          zh: `计数器「${label.zh}」读取等次(grade),但考核办法未规定等次`,
          en: `counter "${label.en}" reads the grade, but the rule set declares no grades`,
        }),
      );
  });
  // A sanction whose carried amount reads the standing is decided after ranking too.
  const sanctionOnStanding = (s: (typeof sanctions)[number]): boolean =>
    onStanding(s.when) ||
    (s.carries !== undefined && 'evaluate' in s.carries.amount && onStanding(s.carries.amount));
  checkCarriedInputs(ruleSet, issues);
  checkChildrenInputs(ruleSet, issues);
  sanctions.forEach((entry) => {
    const { sanction: s, when } = entry;
    if (!sanctionOnStanding(entry)) return;
    const at = `sanctions[${ruleSet.sanctions.indexOf(s)}]`;
    if (when.identifiers.includes('grade') && !ruleSet.grades)
      issues.push(
        error('grade-without-grades', `${at}.when`, {
          zh: `否决/约束条件「${msgOf(s.reason).zh}」读取等次(grade),但考核办法未规定等次`,
          en: `sanction "${msgOf(s.reason).en}" reads the grade, but the rule set declares no grades`,
        }),
      );
    if ((s.level !== 'interview' && s.level !== 'notice') || s.gradeCap || s.excludeFromGrades)
      issues.push(
        error('cohort-sanction-level', at, {
          zh: `否决/约束条件「${msgOf(s.reason).zh}」读取排名或等次(直接或经计数器),在排名、评定等次之后判定,只能是约谈或通报(不能再影响排名和等次)`,
          en: `sanction "${msgOf(s.reason).en}" reads the ranking or the grade (itself or through a counter), decided after them: it may only be an interview or a notice (it cannot change the ranking or the grades)`,
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
    if (def.defaultYear !== undefined && def.unit !== 'date')
      issues.push(
        error('default-year', `inputs[${i}].defaultYear`, {
          zh: `输入项「${def.id}」不是日期,不能规定省略的年份(defaultYear)`,
          en: `input "${def.id}" is not a date: it cannot have a year for dates typed without one (defaultYear)`,
        }),
      );
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
    derived,
    sections,
    bonus,
    sanctions: sanctions.filter((s) => !sanctionOnStanding(s)),
    cohortSanctions: sanctions.filter(sanctionOnStanding),
    counters,
    amounts,
    certifiers,
    certificationGrades,
    deadlines,
    constants,
    byPath,
    classIds: new Set((ruleSet.classes ?? []).map((c) => c.id)),
    scoreRounding: ruleSet.rounding.scores,
    rateRounding: ruleSet.rounding.rates,
    max,
    peerInputs: [...peerInputs].sort(),
    rankRules,
    carries: sanctions.some((s) => s.carries !== undefined),
  };
  return { compiled, issues };
}

/** A sanction or counter that reads the ranked and graded cohort. */
const readsStanding = (when: CompiledExpr): boolean =>
  when.identifiers.includes('grade') || when.calls.some((c) => STANDING_FUNCTIONS.has(c.name));

function operandValueOrNull(
  inputs: ReadonlyMap<string, InputDef>,
  derived: ReadonlyMap<string, CDerived>,
  rates: Rounding | undefined,
  operand: COperand | undefined,
  unit: UnitInput,
  constants: ReadonlyMap<string, Q>,
): Q | null {
  if (!operand) return null;
  if (operand.constant) return operand.constant;
  try {
    const v = operand.expr?.evaluate(createEnv(inputs, unit, {}, derived, constants));
    // A blank or unusable value leaves the unit unranked for this item; scoreUnit reports why.
    if (v === undefined || v instanceof MissingValue || typeof v !== 'object') return null;
    return operand.rate && rates ? round(v, rates) : v;
  } catch (e) {
    if (e instanceof ExprEvalError) return null;
    throw e;
  }
}

/** Arithmetic at the top of a formula: not a comparison, a logical operation or text. */
function numericForm(source: string): boolean {
  const parsed = parseSource(source);
  if (!parsed.ok) return true; // reported as a syntax error already
  const node = parsed.parsed.ast;
  if (node.type === 'Literal') return typeof node.value === 'number';
  if (node.type === 'UnaryExpression') return node.operator !== '!' && node.operator !== 'not';
  if (node.type === 'BinaryExpression')
    return ['+', '-', '*', '/', '×', '÷'].includes(node.operator as string);
  return true;
}

/**
 * Compiles the named derived values: each formula once, refusing a comparison or text as a
 * value, item results and counters inside (a derived value is the unit's figure, not a result),
 * and derived values that read each other in a circle. Each knows the inputs under it.
 */
function compileDerived(
  declared: ReadonlyMap<string, { def: DerivedDef; i: number }>,
  expr: (source: string, path: string) => CompiledExpr | undefined,
  issues: Issue[],
  shown: ReadonlyMap<string, InputDef>,
  rates: Rounding | undefined,
  /** Declared deadlines: constants, neither inputs under a value nor figures of a unit. */
  deadlineIds: ReadonlySet<string>,
): Map<string, CDerived> {
  const compiled = new Map<string, { def: DerivedDef; i: number; e: CompiledExpr }>();
  for (const [id, { def, i }] of declared) {
    const path = `derived[${i}].expression`;
    const e = expr(def.expression, path);
    if (!e) continue;
    if (!numericForm(def.expression))
      issues.push(
        error('derived-type', path, {
          zh: `派生指标「${id}」的公式应得出数值,不能是比较、逻辑判断或文字`,
          en: `derived value "${id}": the formula must give a number, not a comparison, a logical test or text`,
        }),
      );
    // The unit its form works out to (members × 100 ÷ pop is a %), when it says one, against the
    // declared: a warning (a generic number or count is never contradicted).
    const formUnit = expressionUnit(def.expression, shown, deadlineIds);
    if (formUnit && formUnit !== def.unit && def.unit !== 'number' && def.unit !== 'count')
      issues.push(
        warning('derived-unit-form', `derived[${i}].unit`, {
          zh: `派生指标「${id}」声明的单位为 ${def.unit},但公式得出的是 ${formUnit}`,
          en: `derived value "${id}" is declared in ${def.unit}, but its formula works out in ${formUnit}`,
        }),
      );
    const misplaced = e.calls.find((c) => RESULT_FUNCTIONS.has(c.name));
    if (misplaced)
      issues.push(
        error('derived-function', path, {
          zh: `派生指标「${id}」由单位的数据算出,不能引用考核结果 ${misplaced.name}()`,
          en: `derived value "${id}" is worked out from the unit's figures and cannot read ${misplaced.name}()`,
        }),
      );
    compiled.set(id, { def, i, e });
  }
  const reads = (e: CompiledExpr): string[] => [
    ...e.identifiers.filter((x) => compiled.has(x)),
    ...e.calls.flatMap((c) =>
      PEER_FUNCTIONS.has(c.name) && c.arg !== undefined && compiled.has(c.arg) ? [c.arg] : [],
    ),
  ];
  // A circle (a reads b, b reads a) is reported once, where it starts.
  const state = new Map<string, 'open' | 'done'>();
  const inCycle = new Set<string>();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'open') {
      const loop = [...trail.slice(trail.indexOf(id)), id];
      const first = compiled.get(id);
      if (first && !loop.some((x) => inCycle.has(x)))
        issues.push(
          error('derived-cycle', `derived[${first.i}].expression`, {
            zh: `派生指标互相引用成环:${loop.join(' → ')}`,
            en: `derived values refer to each other in a cycle: ${loop.join(' → ')}`,
          }),
        );
      loop.forEach((x) => inCycle.add(x));
      return;
    }
    state.set(id, 'open');
    const c = compiled.get(id);
    if (c) for (const next of reads(c.e)) visit(next, [...trail, id]);
    state.set(id, 'done');
  };
  for (const id of compiled.keys()) visit(id, []);

  const out = new Map<string, CDerived>();
  const build = (id: string): CDerived | undefined => {
    const known = out.get(id);
    if (known) return known;
    const c = compiled.get(id);
    if (!c || inCycle.has(id)) return undefined;
    const inputs = new Set<string>();
    let usesPeers = false;
    for (const x of c.e.identifiers) {
      const under = compiled.has(x) ? build(x) : undefined;
      if (under) {
        under.inputs.forEach((i) => inputs.add(i));
        usesPeers ||= under.usesPeers;
      } else if (!compiled.has(x) && x !== 'class' && !deadlineIds.has(x)) inputs.add(x);
    }
    for (const call of c.e.calls) {
      if (!PEER_FUNCTIONS.has(call.name) || call.arg === undefined) continue;
      usesPeers = true;
      const under = compiled.has(call.arg) ? build(call.arg) : undefined;
      if (under) under.inputs.forEach((i) => inputs.add(i));
      else inputs.add(call.arg);
    }
    const def = c.def;
    const made: CDerived = {
      def,
      expr: c.e,
      rounding: def.rounding ?? (isRateUnit(def.unit) ? rates : undefined),
      inputs: [...inputs],
      usesPeers,
      shown: shown.get(id) as InputDef,
    };
    out.set(id, made);
    return made;
  };
  for (const id of compiled.keys()) build(id);
  return out;
}

/** Declared deadlines: real ISO dates, ids unique and apart from the inputs'. */
function compileDeadlines(
  ruleSet: RuleSet,
  inputs: ReadonlyMap<string, InputDef>,
  derivedIds: ReadonlySet<string>,
  issues: Issue[],
): Map<string, CDue> {
  const out = new Map<string, CDue>();
  (ruleSet.deadlines ?? []).forEach((d, i) => {
    const other = inputs.has(d.id)
      ? { zh: '输入项', en: 'an input' }
      : derivedIds.has(d.id)
        ? { zh: '派生指标', en: 'a derived value' }
        : out.has(d.id)
          ? { zh: '另一截止日期', en: 'another deadline' }
          : undefined;
    if (other) {
      issues.push(
        error('duplicate-id', `deadlines[${i}].id`, {
          zh: `截止日期编号「${d.id}」与${other.zh}重复`,
          en: `deadline id "${d.id}" is also ${other.en}'s`,
        }),
      );
      return;
    }
    const day = dayOfIso(d.date);
    if (day === undefined) {
      issues.push(
        error('bad-date', `deadlines[${i}].date`, {
          zh: `截止日期「${d.id}」的日期「${clipText(d.date)}」不是有效日期(应写成 2013-03-31)`,
          en: `deadline "${d.id}": "${clipText(d.date)}" is not a real date written as 2013-03-31`,
        }),
      );
      return;
    }
    out.set(d.id, { day, iso: d.date, label: msgOf(d.label) });
  });
  return out;
}
