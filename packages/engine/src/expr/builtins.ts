// Built-in functions. Each is compiled into a closure over its compiled arguments, so `if`
// evaluates only the branch it chooses. blank(id) takes a raw name and lives in compile.ts.
import { abs, ceil, clamp, cmp, floor, q, round, type Q } from '../exact/exact.ts';
import { dayOfIso, monthsCompleted, monthsStarted } from '../exact/calendar.ts';
import { ExprEvalError, at, describe, typeError } from './errors.ts';
import { MissingValue, type ExprEnv, type ExprValue, type HostFunction } from './types.ts';

/** A compiled (sub)expression: its value, or the MissingValue of the first blank it needed,
 *  passed on at once by whatever reads it (operands are evaluated in the same order as ever). */
export type Ev = (env: ExprEnv) => ExprValue | MissingValue;

/** Where a call is, for its evaluation errors. */
interface Site {
  source: string;
  position: number;
  name: string;
}

export interface Builtin {
  /** Allowed argument counts; `min` alone means variadic. */
  arity: { min: number; max?: number };
  make(args: readonly Ev[], site: Site): Ev;
}

/** Largest `dp` of round(x, dp), as in the rule model's rounding. */
const MAX_DP = 8;

/** An argument's number, or the MissingValue it gave (for the caller to return at once). */
function numberArg(ev: Ev, env: ExprEnv, site: Site): Q | MissingValue {
  const v = ev(env);
  return v instanceof MissingValue ? v : asNumber(v, site);
}

function asNumber(v: ExprValue, site: Site): Q {
  if (typeof v === 'object') return v;
  throw typeError(site.source, site.position, `${site.name}()`, 'number', v);
}

const one = (fn: (a: Q) => Q): Builtin => ({
  arity: { min: 1, max: 1 },
  make: ([x], site) => {
    const ex = x as Ev;
    return (env) => {
      const v = numberArg(ex, env, site);
      return v instanceof MissingValue ? v : fn(v);
    };
  },
});

const extreme = (keep: (c: number) => boolean): Builtin => ({
  arity: { min: 1 },
  make: (args, site) => (env) => {
    let best = numberArg(args[0] as Ev, env, site);
    if (best instanceof MissingValue) return best;
    for (let i = 1; i < args.length; i++) {
      const v = numberArg(args[i] as Ev, env, site);
      if (v instanceof MissingValue) return v;
      if (keep(cmp(v, best))) best = v;
    }
    return best;
  },
});

function domainError(site: Site, zh: string, en: string): ExprEvalError {
  return new ExprEvalError('domain', site.position, at(site.position, zh, en), site.source);
}

/** A date value (days from 1970-01-01) as the integer it is. Typing makes every date so. */
function dayNumber(v: ExprValue, site: Site): number {
  const x = asNumber(v, site);
  if (x.d !== 1n)
    throw domainError(
      site,
      `${site.name}() 的日期须为整天,得到的是${describe(x).zh}`,
      `${site.name}() needs whole days, got ${describe(x).en}`,
    );
  return Number(x.s * x.n);
}

/** Functions of two dates, (from, to) → a count: whole months completed, months begun, days. */
const between = (fn: (from: number, to: number) => number): Builtin => ({
  arity: { min: 2, max: 2 },
  make: ([a, b], site) => {
    const [ea, eb] = [a, b] as [Ev, Ev];
    return (env) => {
      const va = ea(env);
      if (va instanceof MissingValue) return va;
      const from = dayNumber(va, site);
      const vb = eb(env);
      if (vb instanceof MissingValue) return vb;
      return q(fn(from, dayNumber(vb, site)));
    };
  },
});

/** The date functions of two dates (typing asks for dates). */
export const DATE_FUNCTIONS: ReadonlySet<string> = new Set([
  'months_between',
  'months_started',
  'days_between',
]);

const TABLE: Readonly<Record<string, Builtin>> = {
  /** date('2013-03-31'): a date constant (typing checks it is a real ISO date). */
  date: {
    arity: { min: 1, max: 1 },
    make: ([x], site) => {
      const ex = x as Ev;
      return (env) => {
        const v = ex(env);
        if (v instanceof MissingValue) return v;
        const day = typeof v === 'string' ? dayOfIso(v) : undefined;
        if (day === undefined) throw typeError(site.source, site.position, 'date()', 'date', v);
        return q(day);
      };
    },
  },
  months_between: between(monthsCompleted),
  months_started: between(monthsStarted),
  days_between: between((from, to) => to - from),
  min: extreme((c) => c < 0),
  max: extreme((c) => c > 0),
  abs: one(abs),
  floor: one(floor),
  ceil: one(ceil),
  round: {
    arity: { min: 1, max: 2 },
    make: ([x, dp], site) => {
      const ex = x as Ev;
      return (env) => {
        const value = numberArg(ex, env, site);
        if (value instanceof MissingValue) return value;
        let places = 0;
        if (dp) {
          const d = numberArg(dp, env, site);
          if (d instanceof MissingValue) return d;
          if (d.d !== 1n || d.s < 0n || d.n > BigInt(MAX_DP)) {
            const shown = describe(d);
            throw domainError(
              site,
              `round() 的小数位数须为 0 到 ${MAX_DP} 的整数，得到的是${shown.zh}`,
              `round() needs a whole number of places from 0 to ${MAX_DP}, got ${shown.en}`,
            );
          }
          places = Number(d.n);
        }
        return round(value, { dp: places, mode: 'half-up' });
      };
    },
  },
  clamp: {
    arity: { min: 3, max: 3 },
    make: ([x, lo, hi], site) => {
      const [ex, elo, ehi] = [x, lo, hi] as [Ev, Ev, Ev];
      return (env) => {
        const value = numberArg(ex, env, site);
        if (value instanceof MissingValue) return value;
        const low = numberArg(elo, env, site);
        if (low instanceof MissingValue) return low;
        const high = numberArg(ehi, env, site);
        if (high instanceof MissingValue) return high;
        if (cmp(low, high) > 0) {
          const [l, h] = [describe(low), describe(high)];
          throw domainError(
            site,
            `clamp() 的下限${l.zh}大于上限${h.zh}`,
            `clamp() has its lower bound (${l.en}) above its upper bound (${h.en})`,
          );
        }
        return clamp(value, low, high);
      };
    },
  },
  if: {
    arity: { min: 3, max: 3 },
    make: ([c, a, b], site) => {
      const [ec, ea, eb] = [c, a, b] as [Ev, Ev, Ev];
      return (env) => {
        const test = ec(env);
        if (test instanceof MissingValue) return test;
        if (typeof test !== 'boolean')
          throw typeError(site.source, site.position, 'if()', 'boolean', test);
        return test ? ea(env) : eb(env);
      };
    },
  },
};

/** A built-in by name (own names only: `toString(1)` is not a function of the language). */
export function builtin(name: string): Builtin | undefined {
  return Object.hasOwn(TABLE, name) ? TABLE[name] : undefined;
}

/** A host function by name, own properties only. */
export function hostFunction(
  functions: Readonly<Record<string, HostFunction>> | undefined,
  name: string,
): HostFunction | undefined {
  return functions && Object.hasOwn(functions, name) ? functions[name] : undefined;
}

/** The language's own functions, blank() included, in the order the README lists them. */
export const BUILTIN_NAMES: readonly string[] = [...Object.keys(TABLE), 'blank'];

/** Names the language reserves for its own functions. */
export const isBuiltinName = (name: string): boolean =>
  name === 'blank' || builtin(name) !== undefined;
