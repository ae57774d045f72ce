// A second compilation of the same checked AST for the cohort hot path: numbers as integer
// counts of 10^-6, so sums, differences, comparisons and logic cost nanoseconds. Two integer
// kinds share one compiler: safe JS integers (the common case) and BigInt (wide: for derived
// ratios whose operands leave the safe range, such as 万元 × 10000 / population).
// Whenever a result would not be exact (a product or quotient that leaves the grid, an overflow,
// a host function, a type mismatch), it throws FALLBACK and the caller evaluates the exact
// closures instead — so a value it does return is always the exact evaluator's value.
import { MICRO, roundDiv, roundsUp, toMicro } from '../fast/fixed.ts';
import { isBlank } from './types.ts';
import { OPERATOR_ALIASES, type Node } from './parse.ts';

export type MicroValue = number | boolean | string;

export interface MicroEnv {
  /** An identifier as micro units / boolean / string; throws MissingValue when blank, FALLBACK
   *  when the value does not fit. */
  ident(name: string): MicroValue;
  /** score('二.1') / met('二.1') when the host can answer on integers; else throws FALLBACK. */
  result?(fn: 'score' | 'met', path: string): MicroValue;
}

export type MicroEv = (env: MicroEnv) => MicroValue;

/**
 * Binds an identifier once, at compile time, to a reader of its value (a slot of the host's
 * frame), instead of asking env.ident(name) on every evaluation. Undefined: use env.ident.
 */
export type MicroBinder = (name: string) => MicroEv | undefined;

/** Thrown (not an Error: cheap) when the integer path cannot give the exact answer. */
export const FALLBACK = Object.freeze({ fallback: true });

const fallback = (): never => {
  throw FALLBACK;
};

/** Integer arithmetic on micro units, for one integer kind. */
interface Arith<T extends number | bigint> {
  is(v: unknown): v is T;
  of(micro: number): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  floor(a: T): T;
  ceil(a: T): T;
  abs(a: T): T;
  lt: (a: T, b: T) => boolean;
}

// `+ 0` turns −0 into 0: the exact evaluator has no negative zero.
const safe = (v: number): number => (Number.isSafeInteger(v) ? v + 0 : fallback());
const floorInt = (a: number, b: number): number => {
  const f = Math.floor(a / b);
  const r = a - f * b;
  return r < 0 ? f - 1 : r >= b ? f + 1 : f;
};

const SAFE: Arith<number> = {
  is: (v): v is number => typeof v === 'number',
  of: (m) => m,
  add: (a, b) => safe(a + b),
  sub: (a, b) => safe(a - b),
  mul: (a, b) => {
    if (b % MICRO === 0) return safe(a * (b / MICRO));
    if (a % MICRO === 0) return safe((a / MICRO) * b);
    const p = a * b;
    return Number.isSafeInteger(p) && p % MICRO === 0 ? p / MICRO + 0 : fallback();
  },
  div: (a, b) => {
    const scaled = a * MICRO;
    return b !== 0 && Number.isSafeInteger(scaled) && scaled % b === 0
      ? scaled / b + 0
      : fallback();
  },
  floor: (a) => floorInt(a, MICRO) * MICRO + 0,
  ceil: (a) => 0 - floorInt(0 - a, MICRO) * MICRO,
  abs: (a) => Math.abs(a),
  lt: (a, b) => a < b,
};

const BIG_MICRO = BigInt(MICRO);
const bigFloor = (a: bigint): bigint => {
  const q = a / BIG_MICRO;
  return (a % BIG_MICRO !== 0n && a < 0n ? q - 1n : q) * BIG_MICRO;
};
const WIDE: Arith<bigint> = {
  is: (v): v is bigint => typeof v === 'bigint',
  of: (m) => BigInt(m),
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => {
    const p = a * b;
    return p % BIG_MICRO === 0n ? p / BIG_MICRO : fallback();
  },
  div: (a, b) => {
    const scaled = a * BIG_MICRO;
    return b !== 0n && scaled % b === 0n ? scaled / b : fallback();
  },
  floor: bigFloor,
  ceil: (a) => -bigFloor(-a),
  abs: (a) => (a < 0n ? -a : a),
  lt: (a, b) => a < b,
};

type Val<T> = T | boolean | string;
type Ev<T> = (env: MicroEnv) => Val<T>;

function compileWith<T extends number | bigint>(
  node: Node,
  A: Arith<T>,
  bind?: MicroBinder,
): Ev<T> {
  const build = (n: Node): Ev<T> => compileWith(n, A, bind);
  const num = (v: Val<T>): T => (A.is(v) ? v : fallback());
  const bool = (v: Val<T>): boolean => (typeof v === 'boolean' ? v : fallback());
  const equal = (a: Val<T>, b: Val<T>): boolean => (typeof a === typeof b ? a === b : fallback());
  const fromEnv = (v: MicroValue): Val<T> => (typeof v === 'number' ? A.of(v) : v);
  switch (node.type) {
    case 'Literal': {
      const value = node.value;
      if (typeof value === 'string' || typeof value === 'boolean') return () => value;
      const micro = typeof value === 'number' ? toMicro(node.raw as string) : undefined;
      if (micro === undefined) return fallback;
      const v = A.of(micro);
      return () => v;
    }
    case 'Identifier': {
      const name = node.name as string;
      if (name === 'true') return () => true;
      if (name === 'false') return () => false;
      const bound = bind?.(name);
      if (bound) return (env) => fromEnv(bound(env));
      return (env) => fromEnv(env.ident(name));
    }
    case 'UnaryExpression': {
      const op = OPERATOR_ALIASES[node.operator as string] ?? (node.operator as string);
      const arg = build(node.argument as Node);
      const zero = A.of(0);
      if (op === '-') return (env) => A.sub(zero, num(arg(env)));
      if (op === '+') return (env) => num(arg(env));
      if (op === '!') return (env) => !bool(arg(env));
      return fallback;
    }
    case 'BinaryExpression': {
      const op = OPERATOR_ALIASES[node.operator as string] ?? (node.operator as string);
      const l = build(node.left as Node);
      const r = build(node.right as Node);
      switch (op) {
        case '+':
          return (env) => A.add(num(l(env)), num(r(env)));
        case '-':
          return (env) => A.sub(num(l(env)), num(r(env)));
        case '*':
          return (env) => A.mul(num(l(env)), num(r(env)));
        case '/':
          return (env) => A.div(num(l(env)), num(r(env)));
        // Left before right, always: which blank or error shows first must match the exact path.
        case '<':
          return (env) => A.lt(num(l(env)), num(r(env)));
        case '<=':
          return (env) => {
            const a = num(l(env));
            return !A.lt(num(r(env)), a);
          };
        case '>':
          return (env) => {
            const a = num(l(env));
            return A.lt(num(r(env)), a);
          };
        case '>=':
          return (env) => !A.lt(num(l(env)), num(r(env)));
        case '==':
          return (env) => equal(l(env), r(env));
        case '!=':
          return (env) => !equal(l(env), r(env));
        case '&&':
          return (env) => bool(l(env)) && bool(r(env));
        case '||':
          return (env) => bool(l(env)) || bool(r(env));
        default:
          return fallback;
      }
    }
    case 'ConditionalExpression': {
      const test = build(node.test as Node);
      const yes = build(node.consequent as Node);
      const no = build(node.alternate as Node);
      return (env) => (bool(test(env)) ? yes(env) : no(env));
    }
    case 'CallExpression':
      return call(node, A, build, num, bool, fromEnv);
    default:
      return fallback;
  }
}

function call<T extends number | bigint>(
  node: Node,
  A: Arith<T>,
  build: (n: Node) => Ev<T>,
  num: (v: Val<T>) => T,
  bool: (v: Val<T>) => boolean,
  fromEnv: (v: MicroValue) => Val<T>,
): Ev<T> {
  const callee = node.callee as Node;
  const name = callee.type === 'Identifier' ? (callee.name as string) : '';
  const args = (node.arguments as Node[]) ?? [];
  const first = args[0];
  if (name === 'blank' && args.length === 1 && first?.type === 'Identifier') {
    const id = first.name as string;
    return (env) => isBlank(env, id);
  }
  if (
    (name === 'score' || name === 'met') &&
    args.length === 1 &&
    first?.type === 'Literal' &&
    typeof first.value === 'string'
  ) {
    const path = first.value;
    return (env) => (env.result ? fromEnv(env.result(name, path)) : fallback());
  }
  const compiled = args.map(build);
  const one = compiled.length === 1 ? compiled[0] : undefined;
  const pick = (better: (a: T, b: T) => boolean): Ev<T> =>
    compiled.length
      ? (env) => compiled.map((a) => num(a(env))).reduce((best, v) => (better(v, best) ? v : best))
      : fallback;
  switch (name) {
    case 'min':
      return pick(A.lt);
    case 'max':
      return pick((a, b) => A.lt(b, a));
    case 'abs':
      return one ? (env) => A.abs(num(one(env))) : fallback;
    case 'floor':
      return one ? (env) => A.floor(num(one(env))) : fallback;
    case 'ceil':
      return one ? (env) => A.ceil(num(one(env))) : fallback;
    case 'if': {
      const [c, a, b] = compiled;
      return c && a && b && compiled.length === 3
        ? (env) => (bool(c(env)) ? a(env) : b(env))
        : fallback;
    }
    default:
      // round(), clamp() and host functions (peer_mean…) take the exact path.
      return fallback;
  }
}

export function compileMicro(node: Node, bind?: MicroBinder): MicroEv {
  return compileWith(node, SAFE, bind);
}

/**
 * The expression rounded to `dp` places, on integers, as a derived value is rounded before it
 * is compared. When it ends in a division (a ratio), the exact quotient is rounded directly,
 * with wide integers so that large operands still fit; otherwise the value must land on the grid.
 */
export function compileMicroRounded(
  node: Node,
  dp: number,
  mode: 'half-up' | 'half-even' | 'down' | 'up',
  bind?: MicroBinder,
): MicroEv {
  const step = 10 ** (6 - dp);
  const op =
    node.type === 'BinaryExpression'
      ? (OPERATOR_ALIASES[node.operator as string] ?? (node.operator as string))
      : '';
  if (op === '/' && dp <= 6) {
    const l = compileWith(node.left as Node, SAFE, bind);
    const r = compileWith(node.right as Node, SAFE, bind);
    const wide = roundedRatioWide(node, dp, mode, step, bind);
    const scale = 10 ** dp;
    return (env) => {
      let a: Val<number>;
      let b: Val<number>;
      try {
        a = l(env);
        b = r(env);
      } catch (e) {
        // An operand that leaves the safe range: the same ratio on wide integers.
        if (e === FALLBACK) return wide(env);
        throw e;
      }
      if (typeof a !== 'number' || typeof b !== 'number' || b === 0) return fallback();
      // |a| / |b| = whole + rest / |b|; then the dp places of rest / |b|, rounded by the mode.
      const negative = a < 0 !== b < 0;
      const x = Math.abs(a);
      const y = Math.abs(b);
      const whole = floorInt(x, y);
      const scaledRest = (x - whole * y) * scale;
      if (!Number.isSafeInteger(scaledRest) || !Number.isSafeInteger(whole * scale))
        return wide(env);
      const places = floorInt(scaledRest, y);
      const rest = scaledRest - places * y;
      const q = whole * scale + places;
      const twice = 2 * rest;
      if (!Number.isSafeInteger(q + 1) || !Number.isSafeInteger(twice)) return wide(env);
      const m = roundsUp(mode, Math.sign(twice - y), rest > 0, q % 2 === 1) ? q + 1 : q;
      return safe((negative ? -m : m) * step);
    };
  }
  const whole = compileMicro(node, bind);
  return (env) => {
    const v = whole(env);
    return typeof v === 'number' && step > 1 ? safe(roundDiv(v, step, mode) * step) : v;
  };
}

/** The rounded ratio on wide integers, for operands past the safe range. */
function roundedRatioWide(
  node: Node,
  dp: number,
  mode: 'half-up' | 'half-even' | 'down' | 'up',
  step: number,
  bind?: MicroBinder,
): MicroEv {
  const l = compileWith(node.left as Node, WIDE, bind);
  const r = compileWith(node.right as Node, WIDE, bind);
  const scale = 10n ** BigInt(dp);
  return (env) => {
    const a = l(env);
    const b = r(env);
    if (typeof a !== 'bigint' || typeof b !== 'bigint' || b === 0n) return fallback();
    const negative = b < 0n;
    const n = negative ? -a * scale : a * scale;
    const d = negative ? -b : b;
    const whole = n / d;
    const rest = n - whole * d;
    // Exact rounding of n / d to an integer (n may be negative; d > 0).
    const q = Number(n < 0n && rest !== 0n ? whole - 1n : whole);
    const r0 = n < 0n && rest !== 0n ? rest + d : rest;
    const rounded = roundFloorRest(q, r0, d, mode);
    return safe(rounded * step);
  };
}

/** Rounds q + r/d (0 ≤ r < d, floor quotient q) to an integer, ties as the mode says. */
function roundFloorRest(
  q: number,
  r: bigint,
  d: bigint,
  mode: 'half-up' | 'half-even' | 'down' | 'up',
): number {
  if (r === 0n) return q;
  // Work on the magnitude so that half-up goes away from zero, as the exact rounding does.
  const negative = q < 0;
  const magQ = negative ? -q - 1 : q;
  const magR = negative ? d - r : r;
  const twice = 2n * magR;
  const m = roundsUp(mode, twice > d ? 1 : twice === d ? 0 : -1, true, magQ % 2 === 1)
    ? magQ + 1
    : magQ;
  return negative ? -m : m;
}
