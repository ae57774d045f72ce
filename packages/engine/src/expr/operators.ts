// Operators as closures over their compiled operands: exact arithmetic and comparison on
// numbers, == / != on values of one type, short-circuit && || on booleans only.
import { add, cmp, div, isZero, mul, neg, sub, type Q } from '../exact/exact.ts';
import type { Ev } from './builtins.ts';
import { ExprEvalError, at, describe, typeError } from './errors.ts';
import { MissingValue, type ExprValue } from './types.ts';

/** Where an operator is: the source and its 0-based offset. */
export interface OpSite {
  source: string;
  position: number;
}

type Arith = (a: Q, b: Q) => Q;
const ARITH: Readonly<Record<string, Arith>> = { '+': add, '-': sub, '*': mul };
const ORDER: Readonly<Record<string, (c: number) => boolean>> = {
  '<': (c) => c < 0,
  '<=': (c) => c <= 0,
  '>': (c) => c > 0,
  '>=': (c) => c >= 0,
};

/** The binary operators of the language (canonical spellings). */
export const BINARY_OPERATORS: ReadonlySet<string> = new Set([
  ...Object.keys(ARITH),
  '/',
  ...Object.keys(ORDER),
  '==',
  '!=',
  '&&',
  '||',
]);

export const UNARY_OPERATORS: ReadonlySet<string> = new Set(['-', '+', '!']);

export function binary(op: string, l: Ev, r: Ev, site: OpSite): Ev {
  const what = `“${op}”`;
  const number = (v: ExprValue): Q => {
    if (typeof v === 'object') return v;
    throw typeError(site.source, site.position, what, 'number', v);
  };
  const bool = (v: ExprValue): boolean => {
    if (typeof v === 'boolean') return v;
    throw typeError(site.source, site.position, what, 'boolean', v);
  };
  // Each operand is read (and its type checked) in turn, left first, as ever: a MissingValue
  // is the operator's result at once, the right operand then not evaluated.
  const numbers =
    (f: (a: Q, b: Q) => ExprValue): Ev =>
    (env) => {
      const lv = l(env);
      if (lv instanceof MissingValue) return lv;
      const a = number(lv);
      const rv = r(env);
      if (rv instanceof MissingValue) return rv;
      return f(a, number(rv));
    };
  const arith = ARITH[op];
  if (arith) return numbers(arith);
  const order = ORDER[op];
  if (order) return numbers((a, b) => order(cmp(a, b)));
  switch (op) {
    case '/':
      return numbers((a, b) => {
        if (isZero(b)) {
          const d = describe(a);
          throw new ExprEvalError(
            'division-by-zero',
            site.position,
            at(site.position, `除数为零（${d.zh} ÷ 0）`, `division by zero (${d.en} / 0)`),
            site.source,
          );
        }
        return div(a, b);
      });
    case '==':
    case '!=': {
      const same = op === '==';
      return (env) => {
        const lv = l(env);
        if (lv instanceof MissingValue) return lv;
        const rv = r(env);
        if (rv instanceof MissingValue) return rv;
        return equal(lv, rv, site, what) === same;
      };
    }
    case '&&':
      return (env) => {
        const lv = l(env);
        if (lv instanceof MissingValue) return lv;
        if (!bool(lv)) return false;
        const rv = r(env);
        return rv instanceof MissingValue ? rv : bool(rv);
      };
    case '||':
      return (env) => {
        const lv = l(env);
        if (lv instanceof MissingValue) return lv;
        if (bool(lv)) return true;
        const rv = r(env);
        return rv instanceof MissingValue ? rv : bool(rv);
      };
  }
  throw new RangeError(`not a binary operator of the language: ${op}`);
}

function equal(a: ExprValue, b: ExprValue, site: OpSite, what: string): boolean {
  if (typeof a === 'object' && typeof b === 'object') return cmp(a, b) === 0;
  if (typeof a === typeof b) return a === b;
  const [da, db] = [describe(a), describe(b)];
  throw new ExprEvalError(
    'type',
    site.position,
    at(
      site.position,
      `${what}两边的类型不同：${da.zh} 与 ${db.zh}`,
      `${what} compares values of different types: ${da.en} and ${db.en}`,
    ),
    site.source,
  );
}

export function unary(op: string, arg: Ev, site: OpSite): Ev {
  const what = `“${op}”`;
  switch (op) {
    case '-':
      return (env) => {
        const v = arg(env);
        if (v instanceof MissingValue) return v;
        if (typeof v !== 'object') throw typeError(site.source, site.position, what, 'number', v);
        return neg(v);
      };
    case '+':
      return (env) => {
        const v = arg(env);
        if (v instanceof MissingValue) return v;
        if (typeof v !== 'object') throw typeError(site.source, site.position, what, 'number', v);
        return v;
      };
    case '!':
      return (env) => {
        const v = arg(env);
        if (v instanceof MissingValue) return v;
        if (typeof v !== 'boolean') throw typeError(site.source, site.position, what, 'boolean', v);
        return !v;
      };
  }
  throw new RangeError(`not a unary operator of the language: ${op}`);
}

export function conditional(test: Ev, yes: Ev, no: Ev, site: OpSite): Ev {
  return (env) => {
    const t = test(env);
    if (t instanceof MissingValue) return t;
    if (typeof t !== 'boolean') throw typeError(site.source, site.position, '“? :”', 'boolean', t);
    return t ? yes(env) : no(env);
  };
}
