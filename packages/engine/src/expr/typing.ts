// Compile-time type checks. Literals, operators and built-ins have known kinds; identifiers have
// the kinds given in CompileOptions.types, host functions their `returns`; anything else is
// unknown and checked at evaluation instead. A mismatch found here would throw at evaluation
// for every unit that reaches it, so it is reported once, at compile time, with its position.
import { builtin, DATE_FUNCTIONS, hostFunction } from './builtins.ts';
import { dayOfIso } from '../exact/calendar.ts';
import { KIND_EN, KIND_ZH, compileError } from './errors.ts';
import { OPERATOR_ALIASES, type BinaryNode, type Node, type Parsed, type Span } from './parse.ts';
import type { CompileOptions, ExprError, ExprKind } from './types.ts';

type K = ExprKind | 'any';

const NUMERIC = new Set(['+', '-', '*', '/']);
const ORDER = new Set(['<', '<=', '>', '>=']);

export function checkTypes(ast: Node, parsed: Parsed, options: CompileOptions): ExprError[] {
  const errors: ExprError[] = [];
  const said = new Set<string>();
  // Both operands of `'a' + 'b'` miss the same way at the same operator: said once.
  const report = (e: ExprError): void => {
    const key = `${e.position}:${e.end}:${e.message.en}`;
    if (said.has(key)) return;
    said.add(key);
    errors.push(e);
  };

  const need = (got: K, want: ExprKind, where: Span, what: string): void => {
    if (got === 'any' || got === want) return;
    report(
      compileError(
        'type',
        where,
        `${what} 需要${KIND_ZH[want]}，这里给的是${KIND_ZH[got]}`,
        `${what} needs ${KIND_EN[want]}, got ${KIND_EN[got]}`,
      ),
    );
  };
  const join = (a: K, b: K): K => (a === b ? a : 'any');

  const kindOf = (node: Node): K => {
    switch (node.type) {
      case 'Literal': {
        const t = typeof node.value;
        return t === 'number' || t === 'string' || t === 'boolean' ? t : 'any';
      }
      case 'Identifier':
        return options.types?.get(node.name as string) ?? 'any';
      case 'UnaryExpression': {
        const op = OPERATOR_ALIASES[node.operator as string] ?? (node.operator as string);
        const want: ExprKind = op === '!' ? 'boolean' : 'number';
        const start = parsed.start(node);
        const opSpan = { start, end: start + (node.operator as string).length };
        need(kindOf(node.argument as Node), want, opSpan, `“${op}”`);
        return want;
      }
      case 'BinaryExpression':
        return binary(node as BinaryNode);
      case 'ConditionalExpression': {
        const test = node.test as Node;
        need(kindOf(test), 'boolean', parsed.span(test), '“? :”');
        return join(kindOf(node.consequent as Node), kindOf(node.alternate as Node));
      }
      case 'CallExpression':
        return call(node);
      default:
        return 'any';
    }
  };

  /** `grade == 'exellent'`: a text compared with a name whose values are known, and none of them. */
  const outsideDomain = (name: Node, literal: Node): void => {
    if (name.type !== 'Identifier' || literal.type !== 'Literal') return;
    const values = options.domains?.get(name.name as string);
    const text = literal.value;
    if (values === undefined || typeof text !== 'string' || values.includes(text)) return;
    const list = values.map((v) => `'${v}'`).join(values.length > 0 ? '、' : '');
    report(
      compileError(
        'type',
        parsed.span(literal),
        `“${name.name as string}”没有取值'${text}'（可取：${list || '无'}）`,
        `"${name.name as string}" never takes the value '${text}' (it takes: ${values.map((v) => `'${v}'`).join(', ') || 'none'})`,
      ),
    );
  };

  const binary = (node: BinaryNode): K => {
    const op = OPERATOR_ALIASES[node.operator] ?? node.operator;
    const at = parsed.operatorSpan(node);
    const [l, r] = [kindOf(node.left), kindOf(node.right)];
    const what = `“${op}”`;
    if (l === 'date' || r === 'date') return dated(op, l, r, at, what);
    if (NUMERIC.has(op) || ORDER.has(op)) {
      need(l, 'number', at, what);
      need(r, 'number', at, what);
      return NUMERIC.has(op) ? 'number' : 'boolean';
    }
    if (op === '&&' || op === '||') {
      need(l, 'boolean', at, what);
      need(r, 'boolean', at, what);
      return 'boolean';
    }
    if (op === '==' || op === '!=') {
      outsideDomain(node.left, node.right);
      outsideDomain(node.right, node.left);
    }
    if ((op === '==' || op === '!=') && l !== 'any' && r !== 'any' && l !== r) {
      report(
        compileError(
          'type',
          at,
          `${what}两边的类型不同：${KIND_ZH[l]} 与 ${KIND_ZH[r]}`,
          `${what} compares values of different types: ${KIND_EN[l]} and ${KIND_EN[r]}`,
        ),
      );
    }
    return 'boolean';
  };

  /** An operator with a date on one side: date − date is days, date ± days a date, dates
   *  compare with dates; anything else mixes a date with what it is not. */
  const dated = (op: string, l: K, r: K, at: Span, what: string): K => {
    const mismatch = (): K => {
      report(
        compileError(
          'type',
          at,
          `${what}不能用于${KIND_ZH[l === 'any' ? 'number' : l]}与${KIND_ZH[r === 'any' ? 'number' : r]}(日期只能与日期比较、相减,或加减天数)`,
          `${what} cannot take ${KIND_EN[l === 'any' ? 'number' : l]} and ${KIND_EN[r === 'any' ? 'number' : r]} (a date compares with a date, subtracts a date, or adds or subtracts days)`,
        ),
      );
      return 'any';
    };
    if (ORDER.has(op) || op === '==' || op === '!=') {
      if (l !== 'any' && r !== 'any' && l !== r) return mismatch();
      return 'boolean';
    }
    if (op === '-' && (r === 'date' || r === 'any') && (l === 'date' || l === 'any'))
      return r === 'date' && l === 'date' ? 'number' : 'any';
    if ((op === '+' || op === '-') && l === 'date' && (r === 'number' || r === 'any'))
      return 'date';
    if (op === '+' && r === 'date' && (l === 'number' || l === 'any')) return 'date';
    return mismatch();
  };

  const call = (node: Node): K => {
    const name = (node.callee as Node).name as string;
    const args = node.arguments as Node[];
    if (name === 'blank') return 'boolean';
    if (builtin(name)) {
      if (name === 'if') {
        const [c, a, b] = args as [Node, Node, Node];
        need(kindOf(c), 'boolean', parsed.span(c), 'if()');
        return join(kindOf(a), kindOf(b));
      }
      if (name === 'date') {
        const arg = args[0];
        const iso = arg?.type === 'Literal' && typeof arg.value === 'string' ? arg.value : '';
        if (arg && dayOfIso(iso) === undefined)
          report(
            compileError(
              'type',
              parsed.span(arg),
              "date() 需要一个写成带引号的日期,如 date('2013-03-31')",
              "date() takes a real date in quotes, written e.g. date('2013-03-31')",
            ),
          );
        return 'date';
      }
      if (DATE_FUNCTIONS.has(name)) {
        for (const arg of args) need(kindOf(arg), 'date', parsed.span(arg), `${name}()`);
        return 'number';
      }
      for (const arg of args) need(kindOf(arg), 'number', parsed.span(arg), `${name}()`);
      return 'number';
    }
    const host = hostFunction(options.functions, name);
    if (!host?.rawArgs) args.forEach(kindOf);
    return host?.returns ?? 'any';
  };

  kindOf(ast);
  return errors;
}
