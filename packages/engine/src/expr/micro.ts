// A second compilation of the same checked AST for the cohort hot path: numbers as integer
// counts of 10^-6 (safe integers), so sums, differences, comparisons and logic cost nanoseconds.
// Whenever a result would not be exact (a product or quotient that leaves the grid, an overflow,
// a host function, a type mismatch), it throws FALLBACK and the caller evaluates the exact
// closures instead — so a value it does return is always the exact evaluator's value.
import { floorDiv, MICRO, roundDiv, toMicro } from '../fast/fixed.ts';
import { MissingValue } from './types.ts';
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

/** Thrown (not an Error: cheap) when the integer path cannot give the exact answer. */
export const FALLBACK = Object.freeze({ fallback: true });

const fallback = (): never => {
  throw FALLBACK;
};

const num = (v: MicroValue): number => (typeof v === 'number' ? v : fallback());
const bool = (v: MicroValue): boolean => (typeof v === 'boolean' ? v : fallback());
// `+ 0` turns −0 into 0: the exact evaluator has no negative zero.
const safe = (v: number): number => (Number.isSafeInteger(v) ? v + 0 : fallback());

function product(a: number, b: number): number {
  const p = a * b;
  if (!Number.isSafeInteger(p) || p % MICRO !== 0) return fallback();
  return p / MICRO + 0;
}

function quotient(a: number, b: number): number {
  if (b === 0) return fallback();
  const scaled = a * MICRO;
  if (!Number.isSafeInteger(scaled) || scaled % b !== 0) return fallback();
  return scaled / b + 0;
}

function equal(a: MicroValue, b: MicroValue): boolean {
  return typeof a === typeof b ? a === b : fallback();
}

export function compileMicro(node: Node): MicroEv {
  switch (node.type) {
    case 'Literal': {
      const value = node.value;
      if (typeof value === 'string' || typeof value === 'boolean') return () => value;
      const micro = typeof value === 'number' ? toMicro(String(node.raw)) : undefined;
      return micro === undefined ? fallback : () => micro;
    }
    case 'Identifier': {
      const name = node.name as string;
      if (name === 'true') return () => true;
      if (name === 'false') return () => false;
      return (env) => env.ident(name);
    }
    case 'UnaryExpression': {
      const op = OPERATOR_ALIASES[node.operator as string] ?? (node.operator as string);
      const arg = compileMicro(node.argument as Node);
      if (op === '-') return (env) => 0 - num(arg(env));
      if (op === '+') return (env) => num(arg(env));
      if (op === '!') return (env) => !bool(arg(env));
      return fallback;
    }
    case 'BinaryExpression': {
      const op = OPERATOR_ALIASES[node.operator as string] ?? (node.operator as string);
      const l = compileMicro(node.left as Node);
      const r = compileMicro(node.right as Node);
      switch (op) {
        case '+':
          return (env) => safe(num(l(env)) + num(r(env)));
        case '-':
          return (env) => safe(num(l(env)) - num(r(env)));
        case '*':
          return (env) => product(num(l(env)), num(r(env)));
        case '/':
          return (env) => quotient(num(l(env)), num(r(env)));
        case '<':
          return (env) => num(l(env)) < num(r(env));
        case '<=':
          return (env) => num(l(env)) <= num(r(env));
        case '>':
          return (env) => num(l(env)) > num(r(env));
        case '>=':
          return (env) => num(l(env)) >= num(r(env));
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
      const test = compileMicro(node.test as Node);
      const yes = compileMicro(node.consequent as Node);
      const no = compileMicro(node.alternate as Node);
      return (env) => (bool(test(env)) ? yes(env) : no(env));
    }
    case 'CallExpression':
      return call(node);
    default:
      return fallback;
  }
}

function call(node: Node): MicroEv {
  const callee = node.callee as Node;
  const name = callee.type === 'Identifier' ? (callee.name as string) : '';
  const args = (node.arguments as Node[]) ?? [];
  if (name === 'blank' && args.length === 1 && args[0]?.type === 'Identifier') {
    const id = args[0].name as string;
    return (env) => {
      try {
        env.ident(id);
        return false;
      } catch (e) {
        if (e instanceof MissingValue) return true;
        throw e;
      }
    };
  }
  if ((name === 'score' || name === 'met') && args.length === 1 && args[0]?.type === 'Literal' && typeof args[0].value === 'string') {
    const path = args[0].value;
    return (env) => (env.result ? env.result(name, path) : fallback());
  }
  const compiled = args.map(compileMicro);
  const one = compiled[0];
  switch (name) {
    case 'min':
      return compiled.length ? (env) => Math.min(...compiled.map((a) => num(a(env)))) + 0 : fallback;
    case 'max':
      return compiled.length ? (env) => Math.max(...compiled.map((a) => num(a(env)))) + 0 : fallback;
    case 'abs':
      return one && compiled.length === 1 ? (env) => Math.abs(num(one(env))) : fallback;
    case 'floor':
      return one && compiled.length === 1 ? (env) => floorDiv(num(one(env)), MICRO) * MICRO + 0 : fallback;
    case 'ceil':
      return one && compiled.length === 1 ? (env) => 0 - floorDiv(0 - num(one(env)), MICRO) * MICRO : fallback;
    case 'if': {
      const [c, a, b] = compiled;
      return c && a && b && compiled.length === 3 ? (env) => (bool(c(env)) ? a(env) : b(env)) : fallback;
    }
    default:
      // round(), clamp() and host functions (score, met, peer_mean…) take the exact path.
      return fallback;
  }
}

/**
 * The expression rounded to `dp` places, on integers. When the expression ends in a division
 * (a derived ratio: budget × 10000 / population), the quotient is rounded directly, as the exact
 * evaluator rounds the exact quotient; anything else is evaluated and must land on the grid.
 */
export function compileMicroRounded(node: Node, dp: number, mode: 'half-up' | 'half-even' | 'down' | 'up'): MicroEv {
  const step = 10 ** (6 - dp);
  const op = node.type === 'BinaryExpression' ? (OPERATOR_ALIASES[node.operator as string] ?? (node.operator as string)) : '';
  if (op === '/' && dp <= 6) {
    const l = compileMicro(node.left as Node);
    const r = compileMicro(node.right as Node);
    const scale = 10 ** dp;
    return (env) => {
      let a = num(l(env));
      let b = num(r(env));
      if (b === 0) return fallback();
      if (b < 0) {
        a = -a;
        b = -b;
      }
      const scaled = a * scale;
      if (!Number.isSafeInteger(scaled)) return fallback();
      return safe(roundDiv(scaled, b, mode) * step);
    };
  }
  const whole = compileMicro(node);
  return (env) => {
    const v = whole(env);
    return typeof v === 'number' && step > 1 ? safe(roundDiv(v, step, mode) * step) : v;
  };
}
