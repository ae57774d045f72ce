// compileExpr: parse once (jsep), check everything (all problems, each at its position), and
// build a tree of closures so evaluate(env) does no parsing, no lookups by name and no allocation
// beyond the exact numbers themselves.
import { div, q, type Q } from '../exact/exact.ts';
import { hostFunction, isBuiltinName, type Ev } from './builtins.ts';
import { compileError, syntaxMessage } from './errors.ts';
import { clip, MAX_EXPR_LENGTH } from './clip.ts';
import { BINARY_OPERATORS, UNARY_OPERATORS, binary, conditional, unary } from './operators.ts';
import { OPERATOR_ALIASES, parseSource, type BinaryNode, type Node, type Span } from './parse.ts';
import type { CompileOptions, CompileResult } from './types.ts';
import { compileCall, type CallCtx } from './calls.ts';
import { checkTypes } from './typing.ts';
import { compileMicro, compileMicroRounded } from './micro.ts';
import { inWords, operandsOf } from './words.ts';

type Ctx = CallCtx;

const fail: Ev = () => {
  throw new Error('an expression with compile errors was evaluated');
};

/** Compiles an expression, or returns every problem found, in source order. */
export function compileExpr(source: string, options: CompileOptions): CompileResult {
  for (const name of Object.keys(options.functions ?? {})) {
    if (isBuiltinName(name)) throw new TypeError(`host function ${name} shadows a built-in`);
  }
  // Parsing time grows faster than the length: an expression longer than any rule needs is
  // refused before it is parsed, at the first character past the limit.
  if (source.length > MAX_EXPR_LENGTH) {
    const e = compileError(
      'syntax',
      MAX_EXPR_LENGTH,
      `表达式过长(${source.length}个字符,最多${MAX_EXPR_LENGTH}个)`,
      `the expression is too long (${source.length} characters; at most ${MAX_EXPR_LENGTH})`,
    );
    return { ok: false, errors: [e] };
  }
  try {
    return compileChecked(source, options);
  } catch (error) {
    // Thousands of nested parentheses exhaust the parser's (and our) recursion.
    if (!(error instanceof RangeError) || !/call stack/i.test(error.message)) throw error;
    const e = compileError('syntax', 0, '表达式嵌套过深', 'the expression is nested too deeply');
    return { ok: false, errors: [e] };
  }
}

function compileChecked(source: string, options: CompileOptions): CompileResult {
  const outcome = parseSource(source);
  if (!outcome.ok) {
    const m = syntaxMessage(outcome.description, outcome.text, outcome.position);
    return { ok: false, errors: [compileError('syntax', outcome.position, m.zh, m.en)] };
  }
  const ctx: Ctx = {
    source,
    parsed: outcome.parsed,
    options,
    errors: [],
    identifiers: [],
    calls: [],
    depth: 0,
    build: (node) => build(node, ctx),
  };
  const root = top(outcome.parsed.ast, ctx);
  if (ctx.errors.length === 0)
    ctx.errors.push(...checkTypes(outcome.parsed.ast, outcome.parsed, options));
  if (ctx.errors.length > 0) {
    return { ok: false, errors: ctx.errors.sort((a, b) => a.position - b.position) };
  }
  return {
    ok: true,
    expr: {
      source,
      identifiers: ctx.identifiers,
      calls: ctx.calls,
      evaluate: root,
      micro: compileMicro(outcome.parsed.ast),
      microRounded: (dp, mode, bind) => compileMicroRounded(outcome.parsed.ast, dp, mode, bind),
      microBound: (bind) => compileMicro(outcome.parsed.ast, bind),
      inWords: (naming) => inWords(outcome.parsed.ast, naming),
      operands: operandsOf(outcome.parsed.ast),
    },
  };
}

/** The top level: one expression; jsep turns `a b` into a Compound (stray `,` and `;` were
 *  already refused by parseSource). */
function top(ast: Node, ctx: Ctx): Ev {
  if (ast.type !== 'Compound') return build(ast, ctx);
  const body = ast.body as Node[];
  if (body.length === 0) {
    ctx.errors.push(compileError('syntax', 0, '表达式为空', 'the expression is empty'));
    return fail;
  }
  return several(body, ctx);
}

function several(parts: Node[], ctx: Ctx): Ev {
  parts.forEach((part, i) => {
    build(part, ctx);
    if (i > 0) {
      ctx.errors.push(
        compileError(
          'syntax',
          ctx.parsed.span(part),
          '此处缺少运算符（两个值之间要有运算符，如 + 或 &&）',
          'an operator is missing here (two values need one between them, e.g. + or &&)',
        ),
      );
    }
  });
  return fail;
}

/** Deepest nesting compiled: evaluation recurses as deep, and must never exhaust the stack. */
const MAX_DEPTH = 1000;

function build(node: Node, ctx: Ctx): Ev {
  if (ctx.depth >= MAX_DEPTH) throw new RangeError('Maximum call stack: expression nesting');
  ctx.depth++;
  try {
    return buildNode(node, ctx);
  } finally {
    ctx.depth--;
  }
}

function buildNode(node: Node, ctx: Ctx): Ev {
  const at = ctx.parsed.start(node);
  const span = ctx.parsed.span(node);
  const site = { source: ctx.source, position: at };
  switch (node.type) {
    case 'Literal':
      return literal(node, ctx, span);
    case 'Identifier':
      return ident(node, ctx);
    case 'UnaryExpression': {
      const op = OPERATOR_ALIASES[node.operator as string] ?? (node.operator as string);
      const arg = build(node.argument as Node, ctx);
      if (!UNARY_OPERATORS.has(op))
        return unsupported(
          ctx,
          { start: at, end: at + (node.operator as string).length },
          `运算符 ${op}`,
          `the operator ${op}`,
        );
      return unary(op, arg, site);
    }
    case 'BinaryExpression': {
      const op = OPERATOR_ALIASES[node.operator as string] ?? (node.operator as string);
      const l = build(node.left as Node, ctx);
      const r = build(node.right as Node, ctx);
      const opAt = ctx.parsed.operatorAt(node as BinaryNode);
      if (!BINARY_OPERATORS.has(op))
        return unsupported(
          ctx,
          ctx.parsed.operatorSpan(node as BinaryNode),
          `运算符 ${op}`,
          `the operator ${op}`,
        );
      return binary(op, l, r, { source: ctx.source, position: opAt });
    }
    case 'ConditionalExpression':
      return conditional(
        build(node.test as Node, ctx),
        build(node.consequent as Node, ctx),
        build(node.alternate as Node, ctx),
        site,
      );
    case 'CallExpression':
      return compileCall(node, ctx, at);
    case 'SequenceExpression':
      return several(node.expressions as Node[], ctx);
    case 'MemberExpression':
      return unsupported(ctx, span, '用“.”或“[]”取成员', 'member access with . or [ ]', {
        zh: "指标路径请写成带引号的文本，如 score('二.1')",
        en: "write an indicator path as quoted text, e.g. score('二.1')",
      });
    case 'ArrayExpression':
      return unsupported(ctx, span, '数组 [ ]', 'arrays [ ]');
    case 'ThisExpression':
      return unsupported(ctx, span, ' this', 'this');
    default:
      return unsupported(ctx, span, `${node.type} 类表达式`, `${node.type} expressions`);
  }
}

function unsupported(
  ctx: Ctx,
  position: number | Span,
  zh: string,
  en: string,
  hint?: { zh: string; en: string },
): Ev {
  const [hz, he] = hint ? [`（${hint.zh}）`, `; ${hint.en}`] : ['', ''];
  ctx.errors.push(
    compileError('unsupported', position, `不支持${zh}${hz}`, `${en} is not supported${he}`),
  );
  return fail;
}

const NUMBER = /^(\d*)(?:\.(\d*))?$/;

function literal(node: Node, ctx: Ctx, at: Span): Ev {
  const value = node.value;
  if (typeof value === 'string' || typeof value === 'boolean') return () => value;
  if (typeof value === 'number') {
    const raw = node.raw as string;
    const m = NUMBER.exec(raw);
    if (!m) {
      return unsupported(ctx, at, `科学计数法 ${raw}`, `exponent notation (${raw})`, {
        zh: '请写成普通小数',
        en: 'write a plain decimal',
      });
    }
    const exact = exactDecimal(m[1] ?? '', m[2] ?? '');
    return () => exact;
  }
  if (value === null) {
    return unsupported(ctx, at, ' null', 'null', {
      zh: '判断空白请用 blank(输入项)',
      en: 'test for a blank with blank(id)',
    });
  }
  return unsupported(ctx, at, `字面量 ${node.raw as string}`, `the literal ${node.raw as string}`);
}

/** "12.50" → 25/2, read from the digits, never through a binary float. */
function exactDecimal(int: string, frac: string): Q {
  const digits = q(BigInt(int + frac || '0'));
  return frac.length === 0 ? digits : div(digits, q(10n ** BigInt(frac.length)));
}

function ident(node: Node, ctx: Ctx): Ev {
  const name = node.name as string;
  if (!ctx.options.identifiers.has(name)) {
    const shown = clip(name);
    const fn = isBuiltinName(name) || hostFunction(ctx.options.functions, name) !== undefined;
    const near = [...ctx.options.identifiers].find((id) => id.toLowerCase() === name.toLowerCase());
    const [zh, en] = fn
      ? [
          `${shown} 是函数，调用时要加括号，如 ${shown}(…)`,
          `${shown} is a function; call it with parentheses: ${shown}(…)`,
        ]
      : near
        ? [
            `未知的输入项 ${shown}（是否指 ${near}？）`,
            `unknown input ${shown} (did you mean ${near}?)`,
          ]
        : [`未知的输入项 ${shown}`, `unknown input ${shown}`];
    ctx.errors.push(compileError('unknown-identifier', ctx.parsed.span(node), zh, en));
    return fail;
  }
  if (!ctx.identifiers.includes(name)) ctx.identifiers.push(name);
  return (env) => env.ident(name);
}
