// The per-unit evaluation environment: decoded input values, cohort context and the
// indicator results computed so far (for score('二.1') and the sanctions' `total`).
import { MissingValue, type ExprEnv, type ExprValue, type HostFunction } from '../expr/types.ts';
import { q, round, tryQ, type Q } from '../exact/exact.ts';
import { ExprEvalError } from '../expr/errors.ts';
import type { CDerived } from './compile.ts';
import type {
  CounterResult,
  IndicatorResult,
  InputValue,
  Issue,
  UnitInput,
} from '../model/result.ts';
import type { ScoreContext } from '../model/context.ts';
import type { InputDef } from '../schema/ruleset.ts';
import { badValue } from './reasons.ts';
import { clip } from '../expr/clip.ts';
import { readDate, type DateProblem } from '../exact/calendar.ts';
import { caseCount } from '../kinds/records.ts';

const YES = new Set(['是', '有', '√', '✓', 'y', 'yes', 'true', '1', '已', '已完成']);
const NO = new Set(['否', '无', '×', '✗', 'x', 'n', 'no', 'false', '0', '未', '未完成']);

export interface UnitEnv extends ExprEnv {
  /** The decoded value of an input, or undefined when blank — without throwing. */
  peek(name: string): ExprValue | undefined;
  unit: UnitInput;
  ctx: ScoreContext;
  /** Results by indicator path, computed on demand by the scorer bound with `bindResults`. */
  result(path: string): IndicatorResult;
  /** Binds the scorer that `result` asks. Kept in the environment's closure, not stored in a
   *  field: a function stored into an object's field stays reachable for V8's young-generation
   *  collections after the object dies (until a full collection), so every unit's results
   *  would survive scavenges and be copied and promoted. */
  bindResults(results: (path: string) => IndicatorResult): void;
  total: Q | undefined;
  issues: Issue[];
  /** Set once this period's counters are known (before sanctions): consecutive() / cumulative(). */
  counters?: ReadonlyMap<string, CounterResult>;
  /** Set by the cohort once ranked and graded: what rank() and `grade` read (cohort sanctions). */
  standing?: Standing;
}

/** A unit's place in its ranked and graded cohort, for the sanctions that read it. */
export interface Standing {
  /** Rank in the cohort (1 = first; ties as the ranking declares). */
  rank: number;
  /** 1 + the units ranked below it: the last is 1, units tied share it (the bottom five:
   *  bottom_rank() <= 5, a tie at the cut in whole). */
  fromBottom: number;
  /** The same within its class; undefined for a unit without a class. */
  classRank?: number;
  classFromBottom?: number;
  /** Units in the ranking (the cohort), and in the unit's class (undefined without a class):
   *  percentile_rank() is 100 × (fromBottom − 1) ÷ size. */
  size: number;
  classSize?: number;
  /** Its grade band id; null when out of the grades; undefined while pending (待定). */
  grade: string | null | undefined;
  /** Some unit of the cohort is incomplete: every rank is provisional, nothing reads it. */
  provisional: boolean;
}

/** Decodes one raw input value by its declared unit; undefined for a blank. */
export function decodeValue(
  def: InputDef,
  raw: InputValue | undefined,
): { value: ExprValue | undefined; problem?: string; outOfRange?: boolean; date?: DateProblem } {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
    return { value: def.blankMeans === undefined ? undefined : q(def.blankMeans) };
  }
  // Values come from callers the type system does not reach (JSON, a spreadsheet adapter): an
  // object, array, Date or function is a value not understood, never coerced to text.
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
    return { value: undefined, problem: notAValue(raw) };
  }
  switch (def.unit) {
    case 'yesno': {
      if (typeof raw === 'boolean') return { value: raw };
      const t = String(raw).trim().toLowerCase();
      if (YES.has(t)) return { value: true };
      if (NO.has(t)) return { value: false };
      return { value: undefined, problem: clip(String(raw)) };
    }
    case 'choice': {
      const t = String(raw).trim();
      const match = def.choices?.find(
        (c) => c.value === t || (typeof c.label === 'string' ? c.label : c.label.zh) === t,
      );
      return match ? { value: match.value } : { value: undefined, problem: clip(t) };
    }
    case 'text':
      return { value: String(raw).trim() };
    case 'date': {
      // A date is read strictly (../exact/calendar.ts): 2013-02-30 is no date, 3月31日 needs the
      // input's declared year; a number (an Excel serial) is the sheet's to turn into a date.
      if (typeof raw !== 'string')
        return { value: undefined, problem: String(raw), date: 'not-a-date' };
      const read = readDate(raw, def.defaultYear);
      return read.ok
        ? { value: q(read.day) }
        : { value: undefined, problem: clip(raw.trim()), date: read.problem };
    }
    default: {
      if (typeof raw === 'boolean') return { value: undefined, problem: String(raw) };
      const value =
        typeof raw === 'number' ? (Number.isFinite(raw) ? q(raw) : undefined) : tryQ(raw);
      if (!value) return { value: undefined, problem: clip(String(raw)) };
      // A figure outside the declared range (912 for a rate in %) is a typing error, not a score.
      const { min, max } = rangeOf(def);
      if ((min && value.compare(min) < 0) || (max && value.compare(max) > 0)) {
        return { value: undefined, problem: String(raw), outOfRange: true };
      }
      return { value };
    }
  }
}

/** An input's declared range as exact values, read once per declaration. */
const RANGES = new WeakMap<InputDef, { min: Q | undefined; max: Q | undefined }>();
function rangeOf(def: InputDef): { min: Q | undefined; max: Q | undefined } {
  let range = RANGES.get(def);
  if (!range) {
    range = {
      min: def.min === undefined ? undefined : q(def.min),
      max: def.max === undefined ? undefined : q(def.max),
    };
    RANGES.set(def, range);
  }
  return range;
}

/** How a value that is not a string, number or boolean is named in its `bad-value` message. */
function notAValue(raw: unknown): string {
  if (Array.isArray(raw)) return '[…]';
  if (raw instanceof Date)
    return Number.isNaN(raw.getTime()) ? 'Date' : `Date ${raw.toISOString()}`;
  return typeof raw === 'object' ? '{…}' : typeof raw;
}

export function createEnv(
  inputs: ReadonlyMap<string, InputDef>,
  unit: UnitInput,
  ctx: ScoreContext,
  derived?: ReadonlyMap<string, CDerived>,
  /** Named constants of the rule set (its declared deadlines, as days). */
  constants?: ReadonlyMap<string, Q>,
): UnitEnv {
  const cache = new Map<string, ExprValue | undefined>();
  /** Derived values worked out for this unit (a blank under one is returned, an error thrown,
   *  each time it is read). */
  const worked = new Map<string, Q>();
  /** A derived value: its formula over this unit's figures, rounded as declared. */
  const derivedValue = (dv: CDerived): Q | MissingValue => {
    const known = worked.get(dv.def.id);
    if (known) return known;
    const v = dv.expr.evaluate(env);
    // The blank input under it, named as itself (not the derived value).
    if (v instanceof MissingValue) return v;
    if (typeof v !== 'object')
      throw new ExprEvalError(
        'type',
        0,
        {
          zh: `派生指标「${dv.def.id}」应为数值,实为「${String(v)}」`,
          en: `derived value "${dv.def.id}" should be a number, not "${String(v)}"`,
        },
        dv.expr.source,
      );
    const value = dv.rounding ? round(v, dv.rounding) : v;
    worked.set(dv.def.id, value);
    return value;
  };
  const issues: Issue[] = [];
  let results: ((path: string) => IndicatorResult) | undefined;
  /** Inputs typed but refused when decoded (text, out of range): no value, yet not blank. */
  const refused = new Set<string>();
  /** A list of cases, read as its number of cases (kinds/records.ts reads and checks it). */
  const casesValue = (def: InputDef): Q | undefined => {
    const read = caseCount(env, def);
    if (read.refused) refused.add(def.id);
    cache.set(def.id, read.value);
    return read.value;
  };
  const env: UnitEnv = {
    refused: (name) => refused.has(name),
    unit,
    ctx,
    issues,
    total: undefined,
    result: (path) => {
      if (!results) throw new Error('result() used before the scorer bound it');
      return results(path);
    },
    bindResults: (f) => {
      results = f;
    },
    peek(name: string): ExprValue | undefined {
      const dv = derived?.get(name);
      if (dv) {
        try {
          const v = derivedValue(dv);
          return v instanceof MissingValue ? undefined : v;
        } catch (e) {
          if (e instanceof ExprEvalError) return undefined;
          throw e;
        }
      }
      if (!cache.has(name)) {
        const def = inputs.get(name);
        if (!def) return undefined;
        if (def.unit === 'cases') return casesValue(def);
        const decoded = decodeValue(def, unit.values[name]);
        if (decoded.problem !== undefined) {
          issues.push(badValue(def, decoded.problem, decoded.outOfRange, decoded.date));
          refused.add(name);
        }
        cache.set(name, decoded.value);
      }
      return cache.get(name);
    },
    ident(name: string): ExprValue | MissingValue {
      if (name === 'total') {
        if (env.total === undefined) return new MissingValue('total');
        return env.total;
      }
      if (name === 'grade') {
        const grade = env.standing?.grade;
        if (grade === undefined) return new MissingValue('grade');
        return grade ?? 'none';
      }
      if (name === 'class') {
        if (unit.class === undefined) return new MissingValue('class');
        return unit.class;
      }
      const dv = derived?.get(name);
      if (dv) return derivedValue(dv);
      let value = cache.get(name);
      if (!cache.has(name)) {
        const def = inputs.get(name);
        const constant = def ? undefined : constants?.get(name);
        if (constant) return constant;
        if (!def) throw new Error(`undeclared input ${name} reached evaluation`);
        if (def.unit === 'cases') {
          const n = casesValue(def);
          if (n === undefined) return new MissingValue(name);
          return n;
        }
        const decoded = decodeValue(def, unit.values[name]);
        if (decoded.problem !== undefined) {
          issues.push(badValue(def, decoded.problem, decoded.outOfRange, decoded.date));
          refused.add(name);
        }
        value = decoded.value;
        cache.set(name, value);
      }
      if (value === undefined) return new MissingValue(name);
      return value;
    },
  };
  return env;
}

function asEnv(env: ExprEnv): UnitEnv {
  return env as UnitEnv;
}

function peer(kind: 'mean' | 'max' | 'min'): HostFunction {
  return {
    arity: [1],
    rawArgs: true,
    returns: 'number',
    call(args, env) {
      const id = String(args[0]);
      const stat = asEnv(env).ctx.peers?.stat(kind, id);
      if (stat === undefined) return new MissingValue(`peer_${kind}(${id})`);
      return stat;
    },
  };
}

/** Functions the host adds to the expression language. */
export const hostFunctions: Readonly<Record<string, HostFunction>> = {
  peer_mean: peer('mean'),
  peer_max: peer('max'),
  peer_min: peer('min'),
  score: {
    arity: [1],
    rawArgs: true,
    returns: 'number',
    call(args, env) {
      const r = asEnv(env).result(String(args[0]));
      if (r.score === null) return new MissingValue(`score(${String(args[0])})`);
      return q(r.score);
    },
  },
  met: {
    arity: [1],
    rawArgs: true,
    returns: 'boolean',
    call(args, env) {
      const r = asEnv(env).result(String(args[0]));
      // An item that cannot be judged is neither met nor not met: what reads it is undecided.
      if (r.status === 'missing-input' || r.status === 'cannot-compute')
        return new MissingValue(`met(${String(args[0])})`);
      return r.status === 'met';
    },
  },
  status: {
    arity: [1],
    rawArgs: true,
    returns: 'string',
    call: (args, env) => asEnv(env).result(String(args[0])).status,
  },
  consecutive: counterFunction('consecutive'),
  cumulative: counterFunction('cumulative'),
  rank: standingFunction((s) => s.rank),
  bottom_rank: standingFunction((s) => s.fromBottom),
  class_rank: standingFunction((s) => s.classRank),
  class_bottom_rank: standingFunction((s) => s.classFromBottom),
  // The share, in %, of the units ranked strictly below it (units tied with it are not below):
  // the last is 0, the first of 20 is 95; `percentile_rank() < 10` is the lowest tenth.
  percentile_rank: standingFunction((s) => percentile(s.fromBottom, s.size)),
  class_percentile_rank: standingFunction((s) =>
    s.classFromBottom === undefined || s.classSize === undefined
      ? undefined
      : percentile(s.classFromBottom, s.classSize),
  ),
};

/** 100 × the units ranked strictly below ÷ the units ranked, exact. */
const percentile = (fromBottom: number, size: number): Q =>
  q(fromBottom - 1)
    .mul(100)
    .div(size);

/** rank() and its kin: known once the cohort is ranked, and only when no unit is incomplete
 *  (a provisional ranking decides nothing); a class rank needs the unit's class. */
function standingFunction(read: (s: Standing) => number | Q | undefined): HostFunction {
  return {
    arity: [0],
    returns: 'number',
    call(_args, env) {
      const s = asEnv(env).standing;
      if (!s || s.provisional) return new MissingValue('rank');
      const v = read(s);
      if (v === undefined) return new MissingValue('class');
      return typeof v === 'number' ? q(v) : v;
    },
  };
}

function counterFunction(which: 'consecutive' | 'cumulative'): HostFunction {
  return {
    arity: [1],
    rawArgs: true,
    returns: 'number',
    call(args, env) {
      const counter = asEnv(env).counters?.get(String(args[0]));
      // Not known, or this period undecided (its counts carried over): what reads it waits.
      if (!counter || counter.counts === null)
        return new MissingValue(`${which}(${String(args[0])})`);
      return q(counter[which]);
    },
  };
}

export const PEER_FUNCTIONS = new Set(['peer_mean', 'peer_max', 'peer_min']);
export const RESULT_FUNCTIONS = new Set(['score', 'met', 'status']);
export const COUNTER_FUNCTIONS = new Set(['consecutive', 'cumulative']);
/** Whether a formula at `path` may call `name` as far as its place goes: standing functions in
 *  sanctions and counters only (decided after ranking), counter functions in sanctions only. */
export function placeAllows(name: string, path: string): boolean {
  if (STANDING_FUNCTIONS.has(name))
    return path.startsWith('sanctions[') || path.startsWith('counters[');
  if (COUNTER_FUNCTIONS.has(name)) return path.startsWith('sanctions[');
  return true;
}
/** What a sanction reads of the ranked and graded cohort: it is decided after them. */
export const STANDING_FUNCTIONS = new Set([
  'rank',
  'bottom_rank',
  'class_rank',
  'class_bottom_rank',
  'percentile_rank',
  'class_percentile_rank',
]);
