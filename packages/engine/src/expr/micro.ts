// A second compilation of the same checked AST for the cohort hot path: numbers as exact
// rationals held in a pair of safe integers (numerator / denominator), so sums, products,
// ratios, comparisons and logic cost nanoseconds and nothing is allocated per evaluation.
// Comparisons cross-multiply (BigInt only when a product would leave the safe range); nothing
// is divided until a caller rounds.
//
// No exception decides anything here. Each compiled node writes its value into its own
// register (allocated once, at compile time) and returns a status: a number (NUM, in the
// register), true, false, a string (STR, in the register), BLANK (an input is blank: what the
// exact evaluator reports as a missing value) or EXACT (only the exact evaluator can answer: an
// operand past the safe range, a type mismatch, a division by zero, a host function it does not
// know). A NUM it returns is always the exact evaluator's value.
import {
  addRat,
  cmpRat,
  ceilDiv,
  floorDiv,
  mulRat,
  parseRat,
  roundScaled,
  subRat,
} from '../fast/fixed.ts';
import { OPERATOR_ALIASES, type Node } from './parse.ts';
import { dayOfIso, monthsCompleted, monthsStarted } from '../exact/calendar.ts';

export const NUM = 0;
export const TRUE = 1;
export const FALSE = 2;
export const STR = 3;
export const BLANK = 4;
export const EXACT = 5;

/** A status: NUM, TRUE, FALSE, STR, BLANK or EXACT. */
export type Status = number;

/** A register: a number as n / d (d > 0, both safe integers), or a string. */
export interface Reg {
  n: number;
  d: number;
  s: string;
}

const newReg = (): Reg => ({ n: 0, d: 1, s: '' });

/** Reads a value into `out` and returns its status. */
export type Reader = (out: Reg) => Status;

export interface MicroEnv {
  /** An identifier not bound at compile time. */
  ident(name: string, out: Reg): Status;
  /** score('二.1') / met('二.1') / status('二.1') when the host can answer on integers (status:
   *  STR, the status's name in `out.s`); else EXACT. */
  result?(fn: 'score' | 'met' | 'status', path: string, out: Reg): Status;
  /** consecutive('id') / cumulative('id'): this period's count when the host can work it out on
   *  integers (BLANK: this period undecided, as the exact path has it); else EXACT. */
  counter?(fn: 'consecutive' | 'cumulative', id: string, out: Reg): Status;
}

/** A compiled expression: `ev` writes its value into `out` and returns its status. */
export interface MicroExpr {
  ev(env: MicroEnv): Status;
  out: Reg;
}

/**
 * Binds identifiers (and cohort functions with a literal argument, such as peer_mean(rate))
 * once, at compile time, to readers of the host's slots. Undefined: read through env.ident.
 */
export interface MicroBinder {
  ident(name: string): Reader | undefined;
  call?(fn: string, arg: string): Reader | undefined;
}

type Ev = (env: MicroEnv) => Status;
interface Built {
  ev: Ev;
  out: Reg;
}

const exact: Ev = () => EXACT;
/** A status that is not the kind asked for: blanks and exact-only values pass up as they are,
 *  a value of the wrong kind is the exact evaluator's to report. */
const other = (st: Status): Status => (st === BLANK ? BLANK : EXACT);

const copy = (to: Reg, from: Reg): void => {
  to.n = from.n;
  to.d = from.d;
  to.s = from.s;
};

function build(node: Node, bind: MicroBinder | undefined): Built {
  const out = newReg();
  return { ev: compileNode(node, out, bind), out };
}

function compileNode(node: Node, out: Reg, bind: MicroBinder | undefined): Ev {
  switch (node.type) {
    case 'Literal': {
      const value = node.value;
      if (typeof value === 'string') {
        out.s = value;
        return () => STR;
      }
      if (typeof value === 'boolean') return value ? () => TRUE : () => FALSE;
      if (typeof value !== 'number' || !parseRat(node.raw as string, out)) return exact;
      return () => NUM;
    }
    case 'Identifier': {
      const name = node.name as string;
      if (name === 'true') return () => TRUE;
      if (name === 'false') return () => FALSE;
      const bound = bind?.ident(name);
      if (bound) return () => bound(out);
      return (env) => env.ident(name, out);
    }
    case 'UnaryExpression': {
      const op = OPERATOR_ALIASES[node.operator as string] ?? (node.operator as string);
      const a = build(node.argument as Node, bind);
      const x = a.out;
      if (op === '-')
        return (env) => {
          const st = a.ev(env);
          if (st !== NUM) return other(st);
          out.n = 0 - x.n;
          out.d = x.d;
          return NUM;
        };
      if (op === '+')
        return (env) => {
          const st = a.ev(env);
          if (st !== NUM) return other(st);
          copy(out, x);
          return NUM;
        };
      if (op === '!')
        return (env) => {
          const st = a.ev(env);
          return st === TRUE ? FALSE : st === FALSE ? TRUE : other(st);
        };
      return exact;
    }
    case 'BinaryExpression':
      return binary(node, out, bind);
    case 'ConditionalExpression': {
      const test = build(node.test as Node, bind);
      const yes = build(node.consequent as Node, bind);
      const no = build(node.alternate as Node, bind);
      return choose(test, yes, no, out);
    }
    case 'CallExpression':
      return call(node, out, bind);
    default:
      return exact;
  }
}

/** test ? yes : no, the chosen branch's value copied into `out`. */
function choose(test: Built, yes: Built, no: Built, out: Reg): Ev {
  return (env) => {
    const t = test.ev(env);
    const branch = t === TRUE ? yes : t === FALSE ? no : undefined;
    if (!branch) return other(t);
    const st = branch.ev(env);
    copy(out, branch.out);
    return st;
  };
}

/** Both operands as numbers, left first (which blank shows first must match the exact path):
 *  NUM, or the status to return. */
function numbers(l: Built, r: Built, env: MicroEnv): Status {
  const a = l.ev(env);
  if (a !== NUM) return other(a);
  const b = r.ev(env);
  return b === NUM ? NUM : other(b);
}

const ORDER: Readonly<Record<string, (c: number) => boolean>> = {
  '<': (c) => c < 0,
  '<=': (c) => c <= 0,
  '>': (c) => c > 0,
  '>=': (c) => c >= 0,
};

function binary(node: Node, out: Reg, bind: MicroBinder | undefined): Ev {
  const op = OPERATOR_ALIASES[node.operator as string] ?? (node.operator as string);
  const l = build(node.left as Node, bind);
  const r = build(node.right as Node, bind);
  const x = l.out;
  const y = r.out;
  switch (op) {
    case '+':
      return (env) => {
        const st = numbers(l, r, env);
        if (st !== NUM) return st;
        return addRat(x.n, x.d, y.n, y.d, out) ? NUM : EXACT;
      };
    case '-':
      return (env) => {
        const st = numbers(l, r, env);
        if (st !== NUM) return st;
        return subRat(x.n, x.d, y.n, y.d, out) ? NUM : EXACT;
      };
    case '*':
      return (env) => {
        const st = numbers(l, r, env);
        if (st !== NUM) return st;
        return mulRat(x.n, x.d, y.n, y.d, out) ? NUM : EXACT;
      };
    case '/':
      return (env) => {
        const st = numbers(l, r, env);
        if (st !== NUM) return st;
        // A zero divisor is the exact evaluator's to report (division-by-zero).
        if (y.n === 0) return EXACT;
        return (y.n < 0 ? mulRat(x.n, x.d, -y.d, -y.n, out) : mulRat(x.n, x.d, y.d, y.n, out))
          ? NUM
          : EXACT;
      };
    case '==':
    case '!=': {
      const same = op === '==' ? TRUE : FALSE;
      const differ = op === '==' ? FALSE : TRUE;
      return (env) => {
        const a = l.ev(env);
        if (a === BLANK || a === EXACT) return a;
        const b = r.ev(env);
        if (b === BLANK || b === EXACT) return b;
        // Values of different kinds: the exact evaluator reports the type error.
        if (a === NUM || b === NUM) {
          if (a !== b) return EXACT;
          return cmpRat(x.n, x.d, y.n, y.d) === 0 ? same : differ;
        }
        if (a === STR || b === STR) {
          if (a !== b) return EXACT;
          return x.s === y.s ? same : differ;
        }
        return a === b ? same : differ;
      };
    }
    case '&&':
      return (env) => {
        const a = l.ev(env);
        if (a === FALSE) return FALSE;
        if (a !== TRUE) return other(a);
        const b = r.ev(env);
        return b === TRUE || b === FALSE ? b : other(b);
      };
    case '||':
      return (env) => {
        const a = l.ev(env);
        if (a === TRUE) return TRUE;
        if (a !== FALSE) return other(a);
        const b = r.ev(env);
        return b === TRUE || b === FALSE ? b : other(b);
      };
    default: {
      const order = ORDER[op];
      if (!order) return exact;
      return (env) => {
        const st = numbers(l, r, env);
        if (st !== NUM) return st;
        return order(cmpRat(x.n, x.d, y.n, y.d)) ? TRUE : FALSE;
      };
    }
  }
}

const PEERS = new Set(['peer_mean', 'peer_max', 'peer_min']);
/** Functions of two dates (day numbers), the same calendar as the exact evaluator's. */
const BETWEEN: Readonly<Record<string, (from: number, to: number) => number>> = {
  months_between: monthsCompleted,
  months_started: monthsStarted,
  days_between: (from, to) => to - from,
};

function call(node: Node, out: Reg, bind: MicroBinder | undefined): Ev {
  const callee = node.callee as Node;
  const name = callee.type === 'Identifier' ? (callee.name as string) : '';
  const args = (node.arguments as Node[]) ?? [];
  const first = args[0];
  if (name === 'blank' && args.length === 1 && first?.type === 'Identifier') {
    // blank(id): the exact evaluator reads the identifier and sees whether it is missing.
    const id = build(first, bind);
    return (env) => {
      const st = id.ev(env);
      return st === BLANK ? TRUE : st === EXACT ? EXACT : FALSE;
    };
  }
  if (
    (name === 'score' || name === 'met' || name === 'status') &&
    args.length === 1 &&
    first?.type === 'Literal' &&
    typeof first.value === 'string'
  ) {
    const path = first.value;
    return (env) => (env.result ? env.result(name, path, out) : EXACT);
  }
  if (
    (name === 'consecutive' || name === 'cumulative') &&
    args.length === 1 &&
    first?.type === 'Literal' &&
    typeof first.value === 'string'
  ) {
    const id = first.value;
    return (env) => (env.counter ? env.counter(name, id, out) : EXACT);
  }
  if (PEERS.has(name) && args.length === 1 && first?.type === 'Identifier') {
    const reader = bind?.call?.(name, first.name as string);
    return reader ? () => reader(out) : exact;
  }
  if (name === 'date') {
    // date('2013-03-31'): a constant day number (typing has checked the literal).
    const day =
      first?.type === 'Literal' && typeof first.value === 'string'
        ? dayOfIso(first.value)
        : undefined;
    if (day === undefined || args.length !== 1) return exact;
    return (): Status => {
      out.n = day;
      out.d = 1;
      return NUM;
    };
  }
  const built = args.map((a) => build(a, bind));
  const one = built.length === 1 ? built[0] : undefined;
  const between = BETWEEN[name];
  if (between) {
    const [a, b] = built;
    if (!a || !b || built.length !== 2) return exact;
    return (env) => {
      const st = numbers(a, b, env);
      if (st !== NUM) return st;
      // Whole days only, as the exact evaluator has them; anything else is its to report (a
      // whole number may come as n / d, not in lowest terms: fixed.ts).
      const x = a.out;
      const y = b.out;
      if (x.n % x.d !== 0 || y.n % y.d !== 0) return EXACT;
      out.n = between(x.n / x.d, y.n / y.d) + 0;
      out.d = 1;
      return NUM;
    };
  }
  switch (name) {
    case 'min':
    case 'max': {
      if (built.length === 0) return exact;
      const keep = name === 'min' ? (c: number) => c < 0 : (c: number) => c > 0;
      return (env) => {
        for (let i = 0; i < built.length; i++) {
          const a = built[i] as Built;
          const st = a.ev(env);
          if (st !== NUM) return other(st);
          if (i === 0 || keep(cmpRat(a.out.n, a.out.d, out.n, out.d))) copy(out, a.out);
        }
        return NUM;
      };
    }
    case 'abs':
      return one
        ? (env) => {
            const st = one.ev(env);
            if (st !== NUM) return other(st);
            out.n = Math.abs(one.out.n);
            out.d = one.out.d;
            return NUM;
          }
        : exact;
    case 'floor':
    case 'ceil': {
      if (!one) return exact;
      const whole = name === 'floor' ? floorDiv : ceilDiv;
      return (env) => {
        const st = one.ev(env);
        if (st !== NUM) return other(st);
        out.n = whole(one.out.n, one.out.d) + 0;
        out.d = 1;
        return NUM;
      };
    }
    case 'round': {
      // round(x) or round(x, dp) with a literal dp the exact evaluator accepts; half-up.
      const [x, dpNode] = built;
      if (!x || built.length > 2) return exact;
      let dp = 0;
      if (dpNode) {
        const lit = args[1];
        const v = lit?.type === 'Literal' && typeof lit.value === 'number' ? lit.value : NaN;
        if (!Number.isInteger(v) || v < 0 || v > 8) return exact;
        dp = v;
      }
      const scale = 10 ** dp;
      return (env) => {
        const st = x.ev(env);
        if (st !== NUM) return other(st);
        const scaled = roundScaled(x.out.n, x.out.d, dp, 'half-up');
        if (scaled !== scaled) return EXACT;
        out.n = scaled + 0;
        out.d = scale;
        return NUM;
      };
    }
    case 'clamp': {
      const [x, lo, hi] = built;
      if (!x || !lo || !hi || built.length !== 3) return exact;
      return (env) => {
        const a = x.ev(env);
        if (a !== NUM) return other(a);
        const b = lo.ev(env);
        if (b !== NUM) return other(b);
        const c = hi.ev(env);
        if (c !== NUM) return other(c);
        // Bounds the wrong way round: the exact evaluator reports the domain error.
        if (cmpRat(lo.out.n, lo.out.d, hi.out.n, hi.out.d) > 0) return EXACT;
        const v = x.out;
        copy(
          out,
          cmpRat(v.n, v.d, lo.out.n, lo.out.d) < 0
            ? lo.out
            : cmpRat(v.n, v.d, hi.out.n, hi.out.d) > 0
              ? hi.out
              : v,
        );
        return NUM;
      };
    }
    case 'if': {
      const [c, a, b] = built;
      return c && a && b && built.length === 3 ? choose(c, a, b, out) : exact;
    }
    default:
      // The standing functions and other host functions: the exact path.
      return exact;
  }
}

export function compileMicro(node: Node, bind?: MicroBinder): MicroExpr {
  return build(node, bind);
}

/**
 * The expression rounded to `dp` places by `mode`, as a derived rate is rounded before it is
 * compared: the exact quotient n / d rounded once (BigInt only when n × 10^dp would overflow).
 */
export function compileMicroRounded(
  node: Node,
  dp: number,
  mode: 'half-up' | 'half-even' | 'down' | 'up',
  bind?: MicroBinder,
): MicroExpr {
  const inner = build(node, bind);
  const v = inner.out;
  const out = newReg();
  const scale = 10 ** dp;
  return {
    out,
    ev: (env) => {
      const st = inner.ev(env);
      if (st !== NUM) {
        copy(out, v);
        return st;
      }
      const scaled = roundScaled(v.n, v.d, dp, mode);
      if (scaled !== scaled) return EXACT;
      out.n = scaled + 0;
      out.d = scale;
      return NUM;
    },
  };
}
