// Function calls: built-ins (builtins.ts), blank(id), and host functions from CompileOptions,
// whose raw arguments (an input id, an indicator path in quotes) are passed as strings.
import { builtin as builtinNamed, hostFunction, isBuiltinName, type Ev } from './builtins.ts';
import { compileError } from './errors.ts';
import { clip } from './clip.ts';
import type { Node, Parsed, Span } from './parse.ts';
import {
  isBlank,
  MissingValue,
  type CompileOptions,
  type ExprError,
  type ExprValue,
  type HostFunction,
} from './types.ts';

export interface CallCtx {
  source: string;
  parsed: Parsed;
  options: CompileOptions;
  errors: ExprError[];
  identifiers: string[];
  calls: { name: string; arg?: string }[];
  /** Current nesting depth while building. */
  depth: number;
  build(node: Node): Ev;
}

const fail: Ev = () => {
  throw new Error('an expression with compile errors was evaluated');
};

type Arity = readonly number[] | { min: number; max?: number };

function arityText(arity: Arity): { zh: string; en: string } {
  if (!Array.isArray(arity)) {
    const { min, max } = arity as { min: number; max?: number };
    if (max === undefined) return { zh: `至少 ${min} 个`, en: `at least ${min}` };
    if (max === min) return { zh: `${min} 个`, en: `${min}` };
    return { zh: `${min} 到 ${max} 个`, en: `${min} to ${max}` };
  }
  const list = arity as readonly number[];
  return { zh: `${list.join(' 或 ')} 个`, en: list.join(' or ') };
}

function arityOk(arity: Arity, count: number): boolean {
  if (Array.isArray(arity)) return (arity as readonly number[]).includes(count);
  const { min, max } = arity as { min: number; max?: number };
  return count >= min && (max === undefined || count <= max);
}

function checkArity(ctx: CallCtx, name: string, arity: Arity, count: number, at: Span): void {
  if (arityOk(arity, count)) return;
  const t = arityText(arity);
  ctx.errors.push(
    compileError(
      'arity',
      at,
      `函数 ${name} 需要 ${t.zh}参数，这里给了 ${count} 个`,
      `${name}() takes ${t.en} argument${t.en === '1' ? '' : 's'}, got ${count}`,
    ),
  );
}

/** A raw argument as text: an identifier's name or a string literal's value. */
function rawText(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name as string;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  return undefined;
}

export function compileCall(node: Node, ctx: CallCtx, position: number): Ev {
  const callee = node.callee as Node;
  const args = node.arguments as Node[];
  const at = ctx.parsed.span(node);
  if (callee.type !== 'Identifier') {
    args.forEach((a) => ctx.build(a));
    ctx.errors.push(
      compileError(
        'unsupported',
        at,
        '只能按名称调用函数，如 max(a, b)',
        'only named functions can be called, e.g. max(a, b)',
      ),
    );
    return fail;
  }
  const name = callee.name as string;
  if (name === 'blank') return blank(args, ctx, at);
  const builtin = builtinNamed(name);
  if (builtin) {
    const compiled = args.map((a) => ctx.build(a));
    checkArity(ctx, name, builtin.arity, args.length, at);
    return builtin.make(compiled, { source: ctx.source, position, name });
  }
  const host = hostFunction(ctx.options.functions, name);
  if (host) return hostCall(name, host, args, ctx, at);
  args.forEach((a) => ctx.build(a));
  const lower = name.toLowerCase();
  const near =
    isBuiltinName(lower) || hostFunction(ctx.options.functions, lower) ? lower : undefined;
  const shown = clip(name);
  const [zh, en] = ctx.options.identifiers.has(name)
    ? [`${shown} 是输入项，不是函数`, `${shown} is an input, not a function`]
    : near
      ? [
          `未知的函数 ${shown}（函数名用小写：${near}）`,
          `unknown function ${shown} (function names are lower case: ${near})`,
        ]
      : [`未知的函数 ${shown}`, `unknown function ${shown}`];
  const named = { start: position, end: position + name.length };
  ctx.errors.push(compileError('unknown-function', named, zh, en));
  return fail;
}

function blank(args: Node[], ctx: CallCtx, at: Span): Ev {
  checkArity(ctx, 'blank', [1], args.length, at);
  const arg = args[0];
  if (args.length !== 1 || !arg) return fail;
  if (arg.type !== 'Identifier') {
    ctx.build(arg);
    ctx.errors.push(
      compileError(
        'unsupported',
        ctx.parsed.span(arg),
        'blank() 的参数须为一个输入项名称，如 blank(births)',
        'blank() takes the name of one input, e.g. blank(births)',
      ),
    );
    return fail;
  }
  const id = arg.name as string;
  if (!ctx.options.identifiers.has(id)) {
    ctx.errors.push(
      compileError(
        'unknown-identifier',
        ctx.parsed.span(arg),
        `未知的输入项 ${clip(id)}`,
        `unknown input ${clip(id)}`,
      ),
    );
    return fail;
  }
  return (env) => isBlank(env, id);
}

function hostCall(name: string, host: HostFunction, args: Node[], ctx: CallCtx, at: Span): Ev {
  checkArity(ctx, name, host.arity, args.length, at);
  const first = args[0] ? rawText(args[0]) : undefined;
  if (!ctx.calls.some((c) => c.name === name && c.arg === first)) {
    ctx.calls.push(first === undefined ? { name } : { name, arg: first });
  }
  if (host.rawArgs) {
    const raw: string[] = [];
    for (const arg of args) {
      const text = rawText(arg);
      if (text === undefined) {
        ctx.errors.push(
          compileError(
            'unsupported',
            ctx.parsed.span(arg),
            `函数 ${name} 的参数须为名称或带引号的文本，如 ${name}('二.1')`,
            `the arguments of ${name}() must be names or quoted text, e.g. ${name}('二.1')`,
          ),
        );
      } else raw.push(text);
    }
    const frozen: readonly ExprValue[] = Object.freeze(raw);
    return (env) => host.call(frozen, env);
  }
  const compiled = args.map((a) => ctx.build(a));
  return (env) => {
    // The arguments in order; the first MissingValue is the call's result, the rest not read.
    const values: ExprValue[] = [];
    for (const a of compiled) {
      const v = a(env);
      if (v instanceof MissingValue) return v;
      values.push(v);
    }
    return host.call(values, env);
  };
}
