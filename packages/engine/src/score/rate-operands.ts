// Which operands `rounding.rates` rounds: a value worked out by an expression whose unit is a
// rate (% or ‰), found from the expression's form once, when the rule set is compiled. Typed
// figures, constants, counts (`assigned_births * 0.85`), money per head (`budget * 10000 / pop`)
// and scores are never rounded by it.
import { parseSource, type Node } from '../expr/parse.ts';
import { NUMERIC_UNITS, type InputDef, type InputUnit } from '../schema/ruleset.ts';

/** The unit an expression's value is in, as far as its form tells. */
type Unit =
  | { kind: 'const'; value: number }
  /** A figure in % or ‰ (an input of that unit, or arithmetic that keeps it). */
  | { kind: 'rate'; unit: '%' | '‰' }
  /** A quantity of one unit (人, 元, count…) times a constant factor. */
  | { kind: 'qty'; unit: string; scale: number }
  /** A quantity over a quantity of the same unit, times a constant factor: × 100 is a %. */
  | { kind: 'ratio'; scale: number }
  /** A date (a date input, a declared deadline, date('…'), a date ± days). */
  | { kind: 'date' }
  | { kind: 'other' };

const OTHER: Unit = { kind: 'other' };
/** Numeric units that are not rates: amounts and counts. */
const QUANTITIES: ReadonlySet<string> = new Set(
  NUMERIC_UNITS.filter((u) => u !== '%' && u !== '‰'),
);
/** Units that name no particular thing: a ratio may mix them with any quantity. */
const GENERIC = new Set(['count', 'number']);
/** Functions whose value is in the unit of their numeric arguments. */
const SAME_UNIT = new Set(['min', 'max', 'abs', 'floor', 'ceil', 'round', 'clamp']);
const PEER = new Set(['peer_mean', 'peer_max', 'peer_min']);

const same = (a: Unit, b: Unit): Unit => {
  if (a.kind === 'date' && b.kind === 'date') return a;
  if (a.kind === 'const') return b.kind === 'const' ? OTHER : b;
  if (b.kind === 'const') return a;
  if (a.kind === 'rate' && b.kind === 'rate') return a.unit === b.unit ? a : OTHER;
  if (a.kind === 'qty' && b.kind === 'qty')
    return a.unit === b.unit && a.scale === b.scale ? a : OTHER;
  if (a.kind === 'ratio' && b.kind === 'ratio') return a.scale === b.scale ? a : OTHER;
  return OTHER;
};

const scaled = (u: Unit, factor: number): Unit => {
  if (u.kind === 'const') return { kind: 'const', value: u.value * factor };
  if (u.kind === 'rate') return u;
  if (u.kind === 'qty') return { ...u, scale: u.scale * factor };
  if (u.kind === 'ratio') return { kind: 'ratio', scale: u.scale * factor };
  return OTHER;
};

const DATE: Unit = { kind: 'date' };
/** Functions of two dates and the unit of the count they give. */
const BETWEEN: Readonly<Record<string, string>> = {
  months_between: '月',
  months_started: '月',
  days_between: '天',
};

function unitOf(
  node: Node,
  inputs: ReadonlyMap<string, InputDef>,
  dates: ReadonlySet<string> = new Set(),
): Unit {
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'number' ? { kind: 'const', value: node.value } : OTHER;
    case 'Identifier': {
      const def = inputs.get(node.name as string);
      if (!def) return dates.has(node.name as string) ? DATE : OTHER;
      if (def.unit === 'date') return DATE;
      if (def.unit === '%' || def.unit === '‰') return { kind: 'rate', unit: def.unit };
      return QUANTITIES.has(def.unit) ? { kind: 'qty', unit: def.unit, scale: 1 } : OTHER;
    }
    case 'UnaryExpression': {
      const arg = unitOf(node.argument as Node, inputs, dates);
      return node.operator === '-' || node.operator === '+' ? scaled(arg, 1) : OTHER;
    }
    case 'BinaryExpression': {
      const a = unitOf(node.left as Node, inputs, dates);
      const b = unitOf(node.right as Node, inputs, dates);
      // date − date is days; date ± days is a date (typing has refused anything else).
      if (a.kind === 'date' && b.kind === 'date' && node.operator === '-')
        return { kind: 'qty', unit: '天', scale: 1 };
      if (a.kind === 'date' || b.kind === 'date')
        return node.operator === '+' || node.operator === '-' ? DATE : OTHER;
      switch (node.operator) {
        case '+':
        case '-':
          if (a.kind === 'const' && b.kind === 'const') return { kind: 'const', value: 0 };
          return same(a, b);
        case '*':
          if (b.kind === 'const') return scaled(a, b.value);
          if (a.kind === 'const') return scaled(b, a.value);
          return OTHER;
        case '/':
          if (b.kind === 'const') return b.value === 0 ? OTHER : scaled(a, 1 / b.value);
          if (a.kind === 'qty' && b.kind === 'qty') {
            const alike = a.unit === b.unit || GENERIC.has(a.unit) || GENERIC.has(b.unit);
            return alike ? { kind: 'ratio', scale: a.scale / b.scale } : OTHER;
          }
          return OTHER;
        default:
          return OTHER;
      }
    }
    case 'ConditionalExpression':
      return same(
        unitOf(node.consequent as Node, inputs, dates),
        unitOf(node.alternate as Node, inputs, dates),
      );
    case 'CallExpression': {
      const callee = node.callee as Node;
      const name = callee.type === 'Identifier' ? (callee.name as string) : '';
      const args = (node.arguments ?? []) as Node[];
      if (PEER.has(name)) return args[0] ? unitOf(args[0], inputs, dates) : OTHER;
      if (name === 'date') return DATE;
      const count = BETWEEN[name];
      if (count) return { kind: 'qty', unit: count, scale: 1 };
      const numeric =
        name === 'if'
          ? args.slice(1)
          : name === 'round'
            ? args.slice(0, 1)
            : SAME_UNIT.has(name)
              ? args
              : [];
      if (numeric.length === 0) return OTHER;
      return numeric.map((n) => unitOf(n, inputs, dates)).reduce(same);
    }
    default:
      return OTHER;
  }
}

/** Whether `rounding.rates` rounds a value in this unit: % or ‰ only. */
export const isRateUnit = (unit: InputUnit | undefined): boolean => unit === '%' || unit === '‰';

/** Whether `rounding.rates` rounds this expression's value: its unit works out to % or ‰. */
export function isRateExpression(source: string, inputs: ReadonlyMap<string, InputDef>): boolean {
  return isRateUnit(expressionUnit(source, inputs));
}

/** A power of ten other than 1 (× 10000, ÷ 100): a conversion between units (万元 to 元). */
const converts = (scale: number): boolean =>
  scale !== 1 &&
  Math.abs(Math.log10(Math.abs(scale)) - Math.round(Math.log10(Math.abs(scale)))) < 1e-9;

/**
 * The unit a reason shows a derived value in, by the same reading of the expression's form: a
 * rate keeps its % or ‰, a ratio × 100 is %, × 1000 ‰; a quantity keeps its unit times a factor
 * (`assigned_births * 0.85` is in 人) but not through a conversion (`budget * 10000` is not 万元).
 * Anything else shows no unit.
 */
export function expressionUnit(
  source: string,
  inputs: ReadonlyMap<string, InputDef>,
  /** Identifiers that are dates besides the date inputs (declared deadlines). */
  dates?: ReadonlySet<string>,
): InputUnit | undefined {
  const parsed = parseSource(source);
  if (!parsed.ok) return undefined;
  const u = unitOf(parsed.parsed.ast, inputs, dates);
  if (u.kind === 'date') return 'date';
  if (u.kind === 'rate') return u.unit;
  if (u.kind === 'ratio')
    return Math.abs(u.scale - 100) < 1e-9 ? '%' : Math.abs(u.scale - 1000) < 1e-9 ? '‰' : undefined;
  if (u.kind === 'qty' && !converts(u.scale)) return u.unit as InputUnit;
  return undefined;
}
