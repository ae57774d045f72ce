// The reference oracle's expressions: the engine's parser reads the text (jsep), and this file
// walks the tree itself, in exact rationals (fraction.js), as the README's "Expressions" says.
// Deliberately plain: one case per node kind, no compilation, no caching.
import Fraction from 'fraction.js';
import { parseSource, type Node } from '../../expr/parse.ts';
import type { InputDef } from '../../schema/ruleset.ts';

export type Value = Fraction | boolean | string;

/** A figure that is blank (or cannot be read): whatever reads it is `missing-input`/undecided. */
export class Blank {
  constructor(readonly what: string) {}
}
/** A figure that cannot be worked out (÷ 0, wrong kind): `cannot-compute`. */
export class CannotCompute {
  constructor(readonly why: string) {}
}

/** What an expression may read. Each throws Blank when it has nothing to give. */
export interface Scope {
  input(id: string): Value;
  /** blank(id): a raw blank; throws Blank for a figure typed but refused. */
  blank(id: string): boolean;
  total(): Fraction;
  unitClass(): string;
  peer(kind: 'mean' | 'max' | 'min', id: string): Fraction;
  score(path: string): Fraction;
  met(path: string): boolean;
  status(path: string): string;
}

const ALIASES: Record<string, string> = {
  and: '&&',
  or: '||',
  not: '!',
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '===': '==',
  '!==': '!=',
};

const parsedBySource = new Map<string, Node>();
/** The tree of an expression (parsed once per text: the oracle reads the same ones often). */
export function parse(source: string): Node {
  let ast = parsedBySource.get(source);
  if (!ast) {
    const parsed = parseSource(source);
    if (!parsed.ok) throw new Error(`oracle: cannot parse ${source}`);
    ast = parsed.parsed.ast;
    parsedBySource.set(source, ast);
  }
  return ast;
}

function num(v: Value, where: string): Fraction {
  if (v instanceof Fraction) return v;
  throw new CannotCompute(`${where}: not a number`);
}
function bool(v: Value, where: string): boolean {
  if (typeof v === 'boolean') return v;
  throw new CannotCompute(`${where}: not true/false`);
}

/** A decimal literal from its spelling ("0.1" is 1/10). */
function literal(raw: string): Fraction {
  return new Fraction(raw);
}

/** round(x, dp) of the language: half-up (四舍五入), ties away from zero. */
function roundHalfUp(x: Fraction, dp: number): Fraction {
  const scale = 10n ** BigInt(dp);
  const n = x.n * scale;
  let whole = n / x.d;
  if ((n % x.d) * 2n >= x.d) whole += 1n;
  return new Fraction(x.s * whole, scale);
}

export function evaluate(node: Node, scope: Scope): Value {
  switch (node.type) {
    case 'Literal': {
      const v = node.value;
      if (typeof v === 'number') return literal(node.raw as string);
      if (typeof v === 'string' || typeof v === 'boolean') return v;
      throw new Error('oracle: literal not in the language');
    }
    case 'Identifier': {
      const name = node.name as string;
      if (name === 'total') return scope.total();
      if (name === 'class') return scope.unitClass();
      return scope.input(name);
    }
    case 'UnaryExpression': {
      const op = ALIASES[node.operator as string] ?? (node.operator as string);
      const v = evaluate(node.argument as Node, scope);
      if (op === '-') return num(v, '-').neg();
      if (op === '+') return num(v, '+');
      if (op === '!') return !bool(v, '!');
      throw new Error(`oracle: unary ${op}`);
    }
    case 'BinaryExpression': {
      const op = ALIASES[node.operator as string] ?? (node.operator as string);
      // && and || read their right side only when the left does not decide.
      if (op === '&&')
        return (
          bool(evaluate(node.left as Node, scope), '&&') &&
          bool(evaluate(node.right as Node, scope), '&&')
        );
      if (op === '||')
        return (
          bool(evaluate(node.left as Node, scope), '||') ||
          bool(evaluate(node.right as Node, scope), '||')
        );
      const a = evaluate(node.left as Node, scope);
      const b = evaluate(node.right as Node, scope);
      if (op === '==' || op === '!=') {
        let same: boolean;
        if (a instanceof Fraction && b instanceof Fraction) same = a.equals(b);
        else if (typeof a === typeof b && !(a instanceof Fraction)) same = a === b;
        else throw new CannotCompute('== of different kinds');
        return op === '==' ? same : !same;
      }
      const x = num(a, op);
      const y = num(b, op);
      switch (op) {
        case '+':
          return x.add(y);
        case '-':
          return x.sub(y);
        case '*':
          return x.mul(y);
        case '/':
          if (y.n === 0n) throw new CannotCompute('division by zero');
          return x.div(y);
        case '<':
          return x.compare(y) < 0;
        case '<=':
          return x.compare(y) <= 0;
        case '>':
          return x.compare(y) > 0;
        case '>=':
          return x.compare(y) >= 0;
      }
      throw new Error(`oracle: binary ${op}`);
    }
    case 'ConditionalExpression':
      return bool(evaluate(node.test as Node, scope), '?:')
        ? evaluate(node.consequent as Node, scope)
        : evaluate(node.alternate as Node, scope);
    case 'CallExpression':
      return call(node, scope);
  }
  throw new Error(`oracle: node ${node.type}`);
}

// ---- Dates (README "Dates and deadlines"): days from 1970-01-01, worked out with Date ----

const DAY = 86_400_000;
/** The day of a real calendar date, by Date.UTC and a round trip; undefined when not real. */
export function oracleDay(y: number, m: number, d: number): number | undefined {
  const ms = Date.UTC(y, m - 1, d);
  const t = new Date(ms);
  if (y < 1000 || t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d)
    return undefined;
  return ms / DAY;
}
/** `day` plus n calendar months, on the month's last day when it is shorter. */
function plusMonths(day: number, n: number): number {
  const t = new Date(day * DAY);
  const first = Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + n, 1);
  const f = new Date(first);
  const last = new Date(Date.UTC(f.getUTCFullYear(), f.getUTCMonth() + 1, 0)).getUTCDate();
  return Date.UTC(f.getUTCFullYear(), f.getUTCMonth(), Math.min(t.getUTCDate(), last)) / DAY;
}
/** Whole months completed from a to b, counted one by one (negative going back). */
function oracleMonthsCompleted(a: number, b: number): number {
  if (b < a) return -oracleMonthsCompleted(b, a);
  let m = 0;
  while (plusMonths(a, m + 1) <= b) m++;
  return m;
}
/** Months begun after a up to b: the k ≥ 1 with b after a + (k − 1) months. */
export function oracleMonthsStarted(a: number, b: number): number {
  let k = 0;
  while (b > plusMonths(a, k)) k++;
  return k;
}
const dayOfValue = (v: Value, where: string): number => {
  const x = num(v, where);
  if (x.d !== 1n) throw new CannotCompute(`${where}: not whole days`);
  return Number(x.s * x.n);
};

function call(node: Node, scope: Scope): Value {
  const name = (node.callee as Node).name as string;
  const args = node.arguments as Node[];
  const arg = (i: number): Value => evaluate(args[i] as Node, scope);
  const rawArg = (i: number): string => {
    const a = args[i] as Node;
    return a.type === 'Identifier' ? (a.name as string) : String(a.value);
  };
  switch (name) {
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(rawArg(0));
      const day = m ? oracleDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
      if (day === undefined) throw new Error(`oracle: date(${rawArg(0)})`);
      return new Fraction(day);
    }
    case 'months_between':
      return new Fraction(
        oracleMonthsCompleted(dayOfValue(arg(0), name), dayOfValue(arg(1), name)),
      );
    case 'months_started':
      return new Fraction(oracleMonthsStarted(dayOfValue(arg(0), name), dayOfValue(arg(1), name)));
    case 'days_between':
      return new Fraction(dayOfValue(arg(1), name) - dayOfValue(arg(0), name));
    case 'min':
    case 'max': {
      let best = num(arg(0), name);
      for (let i = 1; i < args.length; i++) {
        const v = num(arg(i), name);
        if (name === 'min' ? v.compare(best) < 0 : v.compare(best) > 0) best = v;
      }
      return best;
    }
    case 'abs':
      return num(arg(0), name).abs();
    case 'floor':
      return num(arg(0), name).floor();
    case 'ceil':
      return num(arg(0), name).ceil();
    case 'round':
      return roundHalfUp(
        num(arg(0), name),
        args.length > 1 ? Number(num(arg(1), name).toString()) : 0,
      );
    case 'clamp': {
      const [x, lo, hi] = [num(arg(0), name), num(arg(1), name), num(arg(2), name)];
      if (lo.compare(hi) > 0) throw new CannotCompute('clamp: low above high');
      return x.compare(lo) < 0 ? lo : x.compare(hi) > 0 ? hi : x;
    }
    case 'if':
      return bool(arg(0), 'if') ? arg(1) : arg(2);
    case 'blank':
      return scope.blank(rawArg(0));
    case 'peer_mean':
      return scope.peer('mean', rawArg(0));
    case 'peer_max':
      return scope.peer('max', rawArg(0));
    case 'peer_min':
      return scope.peer('min', rawArg(0));
    case 'score':
      return scope.score(rawArg(0));
    case 'met':
      return scope.met(rawArg(0));
    case 'status':
      return scope.status(rawArg(0));
  }
  throw new Error(`oracle: function ${name}`);
}

/** The inputs an expression reads: those it names, and those whose peer_*() it takes (the
 *  unit's own figure is one of the cohort's: README, "Inputs", evidence). */
export function inputsOf(
  node: Node,
  inputs: ReadonlyMap<string, InputDef>,
  out: Set<string>,
): void {
  if (node.type === 'Identifier' && inputs.has(node.name as string)) out.add(node.name as string);
  if (node.type === 'CallExpression') {
    const name = (node.callee as Node).name as string;
    const first = (node.arguments as Node[])[0];
    if (name.startsWith('peer_') && first?.type === 'Identifier') out.add(first.name as string);
    if (name.startsWith('peer_') || name === 'blank') return;
    for (const a of node.arguments as Node[]) inputsOf(a, inputs, out);
    return;
  }
  for (const key of ['left', 'right', 'argument', 'test', 'consequent', 'alternate'])
    if (node[key]) inputsOf(node[key] as Node, inputs, out);
}

// ---- Which operands `rounding.rates` rounds (README, "What rounding.rates touches") ----

type Rate = '%' | '‰' | undefined;

const isConstant = (node: Node): boolean =>
  (node.type === 'Literal' && typeof node.value === 'number') ||
  (node.type === 'UnaryExpression' && isConstant(node.argument as Node));
const constantIs = (node: Node, raw: string): boolean =>
  node.type === 'Literal' && node.raw === raw;

/** A figure of one unit that is not a rate (人, 元, count…), as a bare input. */
function quantity(node: Node, inputs: ReadonlyMap<string, InputDef>): string | undefined {
  if (node.type !== 'Identifier') return undefined;
  const unit = inputs.get(node.name as string)?.unit;
  if (unit === undefined || ['%', '‰', 'yesno', 'choice', 'text', 'date'].includes(unit))
    return undefined;
  return unit;
}
/** `a / b` of two figures of one unit (or count / number). */
function isRatio(node: Node, inputs: ReadonlyMap<string, InputDef>): boolean {
  if (node.type !== 'BinaryExpression' || node.operator !== '/') return false;
  const a = quantity(node.left as Node, inputs);
  const b = quantity(node.right as Node, inputs);
  const generic = (u: string) => u === 'count' || u === 'number';
  return a !== undefined && b !== undefined && (a === b || generic(a) || generic(b));
}

/** The rate unit of an expression's value by the README's list of forms, else undefined. */
export function rateOf(node: Node, inputs: ReadonlyMap<string, InputDef>): Rate {
  switch (node.type) {
    case 'Identifier': {
      const unit = inputs.get(node.name as string)?.unit;
      return unit === '%' || unit === '‰' ? unit : undefined;
    }
    case 'UnaryExpression':
      return node.operator === '-' || node.operator === '+'
        ? rateOf(node.argument as Node, inputs)
        : undefined;
    case 'BinaryExpression': {
      const [l, r] = [node.left as Node, node.right as Node];
      const [a, b] = [rateOf(l, inputs), rateOf(r, inputs)];
      switch (node.operator) {
        case '+':
        case '-':
          if (a && (b === a || isConstant(r))) return a;
          if (b && isConstant(l)) return b;
          return undefined;
        case '*': {
          if (a && isConstant(r)) return a;
          if (b && isConstant(l)) return b;
          // (a / b) * 100 or 100 * (a / b): a %; × 1000: a ‰.
          const [ratio, factor] = isRatio(l, inputs) ? [l, r] : [r, l];
          if (!isRatio(ratio, inputs)) return undefined;
          return constantIs(factor, '100') ? '%' : constantIs(factor, '1000') ? '‰' : undefined;
        }
        case '/': {
          if (a && isConstant(r)) return a;
          // (a * 100) / b: a % (or ‰ with 1000).
          if (l.type !== 'BinaryExpression' || l.operator !== '*') return undefined;
          const [x, y] = [l.left as Node, l.right as Node];
          const [figure, factor] = quantity(x, inputs) ? [x, y] : [y, x];
          const ratio: Node = { type: 'BinaryExpression', operator: '/', left: figure, right: r };
          if (!isRatio(ratio, inputs)) return undefined;
          return constantIs(factor, '100') ? '%' : constantIs(factor, '1000') ? '‰' : undefined;
        }
      }
      return undefined;
    }
    case 'ConditionalExpression': {
      const [a, b] = [
        rateOf(node.consequent as Node, inputs),
        rateOf(node.alternate as Node, inputs),
      ];
      return a === b ? a : undefined;
    }
    case 'CallExpression': {
      const name = (node.callee as Node).name as string;
      const args = node.arguments as Node[];
      if (name.startsWith('peer_')) return rateOf(args[0] as Node, inputs);
      const numeric =
        name === 'if'
          ? args.slice(1)
          : name === 'round'
            ? args.slice(0, 1)
            : ['min', 'max', 'abs', 'floor', 'ceil', 'clamp'].includes(name)
              ? args
              : [];
      const rates = numeric.filter((n) => !isConstant(n)).map((n) => rateOf(n, inputs));
      const first = rates[0];
      return first && rates.every((x) => x === first) ? first : undefined;
    }
  }
  return undefined;
}
