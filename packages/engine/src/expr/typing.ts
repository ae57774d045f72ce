// Compile-time type checks. Literals, operators and built-ins have known kinds; identifiers have
// the kinds given in CompileOptions.types, host functions their `returns`; anything else is
// unknown and checked at evaluation instead. A mismatch found here would throw at evaluation
// for every unit that reaches it, so it is reported once, at compile time, with its position.
import { builtin, hostFunction } from './builtins.ts';
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

  const binary = (node: BinaryNode): K => {
    const op = OPERATOR_ALIASES[node.operator] ?? node.operator;
    const at = parsed.operatorSpan(node);
    const [l, r] = [kindOf(node.left), kindOf(node.right)];
    const what = `“${op}”`;
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
