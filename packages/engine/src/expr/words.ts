// An expression as an official reads it: inputs by their labels, × ÷ ≥ for * / >=, functions in
// words (各单位「率」平均值 for peer_mean(rate)), with parentheses only where the order needs them.
// Also the operands a reason lists with their values.
import type { Msg } from '../model/result.ts';
import { OPERATOR_ALIASES, type Node } from './parse.ts';

export interface Naming {
  /** An identifier's label (an input's); undefined shows the name itself. */
  label(id: string): Msg | undefined;
}

/** What a formula reads, in order of first use: inputs and cohort or result functions. */
export type OperandRef =
  | { kind: 'input'; id: string }
  | { kind: 'peer'; stat: 'mean' | 'max' | 'min'; id: string }
  | { kind: 'score'; path: string };

const PRECEDENCE: Readonly<Record<string, number>> = {
  '||': 1,
  '&&': 2,
  '==': 6,
  '!=': 6,
  '<': 7,
  '>': 7,
  '<=': 7,
  '>=': 7,
  '+': 9,
  '-': 9,
  '*': 10,
  '/': 10,
};
const SYMBOL: Readonly<Record<string, Msg>> = {
  '+': { zh: '+', en: '+' },
  '-': { zh: '−', en: '−' },
  '*': { zh: '×', en: '×' },
  '/': { zh: '÷', en: '÷' },
  '==': { zh: '=', en: '=' },
  '!=': { zh: '≠', en: '≠' },
  '<': { zh: '<', en: '<' },
  '>': { zh: '>', en: '>' },
  '<=': { zh: '≤', en: '≤' },
  '>=': { zh: '≥', en: '≥' },
  '&&': { zh: '且', en: 'and' },
  '||': { zh: '或', en: 'or' },
};
/** Left-associative operators whose right operand needs parentheses at equal precedence. */
const NOT_ASSOCIATIVE = new Set(['-', '/', '==', '!=', '<', '>', '<=', '>=']);

const FUNCTION_ZH: Readonly<Record<string, string>> = {
  min: '最小值',
  max: '最大值',
  abs: '绝对值',
  floor: '向下取整',
  ceil: '向上取整',
  round: '四舍五入',
  clamp: '限定范围',
};
const PEER: Readonly<Record<string, { stat: 'mean' | 'max' | 'min'; zh: string; en: string }>> = {
  peer_mean: { stat: 'mean', zh: '平均值', en: 'the mean' },
  peer_max: { stat: 'max', zh: '最高值', en: 'the highest' },
  peer_min: { stat: 'min', zh: '最低值', en: 'the lowest' },
};

/** 各单位「率」平均值 / the mean 率 of all units. */
export function peerWords(stat: 'mean' | 'max' | 'min', label: Msg): Msg {
  const w = { mean: PEER.peer_mean, max: PEER.peer_max, min: PEER.peer_min }[stat] as {
    zh: string;
    en: string;
  };
  return { zh: `各单位${label.zh}的${w.zh}`, en: `${w.en} ${label.en} of all units` };
}

/** 二.1得分 / the score of 二.1. */
export const scoreWords = (path: string): Msg => ({
  zh: `${path}得分`,
  en: `the score of ${path}`,
});

const op = (node: Node): string =>
  OPERATOR_ALIASES[node.operator as string] ?? (node.operator as string);
const both = (text: string): Msg => ({ zh: text, en: text });
const wrap = (m: Msg): Msg => ({ zh: `(${m.zh})`, en: `(${m.en})` });
const rawArg = (node: Node | undefined): string | undefined =>
  node?.type === 'Identifier'
    ? (node.name as string)
    : node?.type === 'Literal' && typeof node.value === 'string'
      ? node.value
      : undefined;

/** How tightly a node binds: 11 for a unary operator, 12 for a leaf, a call or a conditional
 *  (its words, 如果…则…,否则…, carry their own parentheses). */
function precedence(node: Node): number {
  if (node.type === 'BinaryExpression') return PRECEDENCE[op(node)] ?? 0;
  if (node.type === 'UnaryExpression') return 11;
  return 12;
}

/** Functions of two dates in words (calendar.ts defines them). */
const BETWEEN_WORDS: Readonly<
  Record<string, { zh: (a: string, b: string) => string; en: (a: string, b: string) => string }>
> = {
  months_between: {
    zh: (a, b) => `${a}至${b}的整月数`,
    en: (a, b) => `whole months from ${a} to ${b}`,
  },
  months_started: {
    zh: (a, b) => `${a}之后至${b}所跨月数(不足一月按一月)`,
    en: (a, b) => `months begun after ${a} up to ${b}`,
  },
  days_between: {
    zh: (a, b) => `${a}至${b}的天数`,
    en: (a, b) => `days from ${a} to ${b}`,
  },
};

export function inWords(node: Node, naming: Naming): Msg {
  const sub = (n: Node, min: number): Msg => {
    const m = inWords(n, naming);
    return precedence(n) < min ? wrap(m) : m;
  };
  switch (node.type) {
    case 'Literal': {
      const v = node.value;
      if (typeof v === 'boolean') return v ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' };
      if (typeof v === 'string') return { zh: `「${v}」`, en: `"${v}"` };
      return both(node.raw as string);
    }
    case 'Identifier': {
      const name = node.name as string;
      if (name === 'total') return { zh: '总分', en: 'the total' };
      if (name === 'class') return { zh: '单位类别', en: 'the unit class' };
      return naming.label(name) ?? both(name);
    }
    case 'UnaryExpression': {
      const o = op(node);
      const arg = sub(node.argument as Node, 11);
      if (o === '!') return { zh: `非${arg.zh}`, en: `not ${arg.en}` };
      return { zh: `${o === '-' ? '−' : o}${arg.zh}`, en: `${o === '-' ? '−' : o}${arg.en}` };
    }
    case 'BinaryExpression': {
      const o = op(node);
      const p = PRECEDENCE[o] ?? 0;
      const l = sub(node.left as Node, p);
      const r = sub(node.right as Node, NOT_ASSOCIATIVE.has(o) ? p + 1 : p);
      const s = SYMBOL[o] ?? both(o);
      return { zh: `${l.zh} ${s.zh} ${r.zh}`, en: `${l.en} ${s.en} ${r.en}` };
    }
    case 'ConditionalExpression':
      return choice(node.test as Node, node.consequent as Node, node.alternate as Node, naming);
    case 'CallExpression': {
      const name = (node.callee as Node).name as string;
      const args = node.arguments as Node[];
      const peer = PEER[name];
      if (peer) {
        const id = rawArg(args[0]) ?? '';
        return peerWords(peer.stat, naming.label(id) ?? both(id));
      }
      const arg = rawArg(args[0]) ?? '';
      if (name === 'score') return scoreWords(arg);
      if (name === 'met') return { zh: `${arg}达标`, en: `${arg} met` };
      if (name === 'status') return { zh: `${arg}状态`, en: `the status of ${arg}` };
      if (name === 'blank') {
        const label = naming.label(arg) ?? both(arg);
        return { zh: `${label.zh}未填报`, en: `${label.en} not reported` };
      }
      if (name === 'date' && typeof args[0]?.value === 'string') return both(args[0].value);
      const between = BETWEEN_WORDS[name];
      if (between && args.length === 2) {
        const [a, b] = [inWords(args[0] as Node, naming), inWords(args[1] as Node, naming)];
        return { zh: between.zh(a.zh, b.zh), en: between.en(a.en, b.en) };
      }
      if (name === 'if' && args.length === 3)
        return choice(args[0] as Node, args[1] as Node, args[2] as Node, naming);
      const list = args.map((a) => inWords(a, naming));
      return {
        zh: `${FUNCTION_ZH[name] ?? name}(${list.map((a) => a.zh).join(', ')})`,
        en: `${name}(${list.map((a) => a.en).join(', ')})`,
      };
    }
    default:
      return both(node.type);
  }
}

function choice(test: Node, yes: Node, no: Node, naming: Naming): Msg {
  const [c, a, b] = [test, yes, no].map((n) => inWords(n, naming)) as [Msg, Msg, Msg];
  return {
    zh: `(如果${c.zh}则${a.zh},否则${b.zh})`,
    en: `(if ${c.en} then ${a.en} else ${b.en})`,
  };
}

/** The inputs and cohort / result figures a formula reads, each once, in order of first use. */
export function operandsOf(node: Node): OperandRef[] {
  const out: OperandRef[] = [];
  const seen = new Set<string>();
  const add = (ref: OperandRef, key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push(ref);
  };
  const walk = (n: Node | null | undefined): void => {
    if (!n) return;
    switch (n.type) {
      case 'Identifier': {
        const id = n.name as string;
        if (id !== 'total' && id !== 'class') add({ kind: 'input', id }, `input:${id}`);
        return;
      }
      case 'CallExpression': {
        const name = (n.callee as Node).name as string;
        const args = n.arguments as Node[];
        const peer = PEER[name];
        const arg = rawArg(args[0]);
        if (peer && arg !== undefined)
          return add({ kind: 'peer', stat: peer.stat, id: arg }, `${name}:${arg}`);
        if (name === 'score' && arg !== undefined)
          return add({ kind: 'score', path: arg }, `score:${arg}`);
        if (name === 'met' || name === 'status' || name === 'blank') return;
        args.forEach(walk);
        return;
      }
      case 'UnaryExpression':
        return walk(n.argument as Node);
      case 'BinaryExpression':
        walk(n.left as Node);
        return walk(n.right as Node);
      case 'ConditionalExpression':
        walk(n.test as Node);
        walk(n.consequent as Node);
        return walk(n.alternate as Node);
      default:
        return;
    }
  };
  walk(node);
  return out;
}
