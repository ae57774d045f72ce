// jsep, configured once for this module, plus exact source positions for every node.
// jsep is a module-level singleton; its hooks act only while parseSource() runs, so other
// users of jsep (if any) see the plain parser. Positions come from the parser itself: the
// gobble-token hook records where each token starts, after-token where it ends, so repeated
// names and names inside string literals are never confused.
import jsep from 'jsep';
import { normaliseSource } from './normalise.ts';

/** An expression node as jsep builds it. Declared here, not re-exported from jsep: jsep's
 *  typings use `export =`, which an ESM consumer of our declarations cannot load (TS1203). */
export interface Node {
  type: string;
  [key: string]: NodeField | Node | NodeField[] | Node[];
}
type NodeField = string | number | boolean | RegExp | null | undefined | object;

export interface BinaryNode extends Node {
  type: 'BinaryExpression';
  operator: string;
  left: Node;
  right: Node;
}

export interface Span {
  start: number;
  end: number;
}

export interface Parsed {
  /** The normalised source (same length and offsets as the original). */
  text: string;
  ast: Node;
  /** Start offset of every node. */
  start(node: Node): number;
  /** Offset of a binary operator's first character. */
  operatorAt(node: BinaryNode): number;
  /** Where a node's text lies: [start, end), 0-based; a binary operator's own span. */
  span(node: Node): Span;
  operatorSpan(node: BinaryNode): Span;
}

export type ParseOutcome =
  { ok: true; parsed: Parsed } | { ok: false; position: number; description: string; text: string };

/** Word and symbol spellings accepted for the canonical operators. */
export const OPERATOR_ALIASES: Readonly<Record<string, string>> = {
  and: '&&',
  or: '||',
  not: '!',
  '===': '==',
  '!==': '!=',
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
};

for (const op of ['|', '^', '&', '<<', '>>', '>>>', '%', '**', '??']) jsep.removeBinaryOp(op);
jsep.removeUnaryOp('~');
jsep.addBinaryOp('or', 1);
jsep.addBinaryOp('and', 2);
jsep.addBinaryOp('≠', 6);
jsep.addBinaryOp('≥', 7);
jsep.addBinaryOp('≤', 7);
jsep.addUnaryOp('not');

interface ParseState {
  open: number[];
  spans: WeakMap<object, Span>;
}
let active: ParseState | undefined;

jsep.hooks.add('gobble-token', function recordStart(env) {
  if (!active) return;
  active.open.push(this.index);
  // Numbers are gobbled here so that they pass through after-token like every other token.
  const code = this.code;
  if ((code >= 48 && code <= 57) || code === 46) env.node = this.gobbleNumericLiteral();
});

jsep.hooks.add('after-token', function recordEnd(env) {
  if (!active) return;
  const start = active.open.pop() ?? this.index;
  // jsep has looked past the token for a `.` or `(`: the spaces it skipped are not the token's.
  let end = this.index;
  while (end > start && /\s/.test(this.expr.charAt(end - 1))) end--;
  // A parenthesised token is the same node as its content: keep the innermost span.
  if (env.node && !active.spans.has(env.node)) active.spans.set(env.node, { start, end });
});

/** Parses an expression (after full-width normalisation); never throws on bad input. */
export function parseSource(source: string): ParseOutcome {
  const text = normaliseSource(source);
  const state: ParseState = { open: [], spans: new WeakMap() };
  active = state;
  let ast: Node;
  try {
    ast = jsep(text);
  } catch (error) {
    const e = error as { index?: unknown; description?: unknown; message?: unknown };
    if (typeof e.index !== 'number') throw error;
    const description = typeof e.description === 'string' ? e.description : String(e.message);
    return { ok: false, position: e.index, description, text };
  } finally {
    active = undefined;
  }
  const stray = straySeparator(text);
  if (stray !== undefined)
    return { ok: false, position: stray, description: `Stray ${text.charAt(stray)}`, text };
  return { ok: true, parsed: withPositions(text, ast, state.spans) };
}

/** jsep skips a `;` anywhere and a `,` outside argument lists (`a,` parses as `a`): find the
 *  first such separator so it is reported, not silently dropped. */
function straySeparator(text: string): number | undefined {
  const parens: boolean[] = []; // true: an argument list
  let quote = '';
  let before = ''; // the last token-ish text outside strings: a word, or one character
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(')
      parens.push(/[\p{L}\p{N}_$)]$/u.test(before) && !WORD_OPERATORS.has(before));
    else if (ch === ')') parens.pop();
    else if (ch === ';' || (ch === ',' && !parens.at(-1))) return i;
    if (/\s/.test(ch)) {
      gap = true;
      continue;
    }
    before =
      !gap && /[\p{L}\p{N}_$]/u.test(ch) && /[\p{L}\p{N}_$]$/u.test(before) ? before + ch : ch;
    gap = false;
  }
  return undefined;
}

const WORD_OPERATORS: ReadonlySet<string> = new Set(['and', 'or', 'not']);

/** A node's own start if it has one, else its leftmost part's (both sides always evaluated). */
const pick = (own: number | undefined, leftmost: number): number => own ?? leftmost;

function withPositions(text: string, ast: Node, spans: WeakMap<object, Span>): Parsed {
  const starts = new WeakMap<object, number>();
  // Nodes that no token hook saw (binary, ternary, a callee or member object inside a
  // registered call) take their leftmost part's start, or their parent's.
  const fill = (node: Node | null | undefined, inherited?: number): number => {
    if (!node) return inherited ?? 0;
    const own = spans.get(node)?.start ?? inherited;
    let start: number;
    switch (node.type) {
      case 'BinaryExpression':
        start = pick(own, fill(node.left as Node));
        fill(node.right as Node);
        break;
      case 'ConditionalExpression':
        start = pick(own, fill(node.test as Node));
        fill(node.consequent as Node);
        fill(node.alternate as Node);
        break;
      case 'CallExpression':
        start = own ?? 0;
        fill(node.callee as Node, start);
        for (const arg of node.arguments as Node[]) fill(arg);
        break;
      case 'MemberExpression':
        start = own ?? 0;
        fill(node.object as Node, start);
        fill(node.property as Node, start);
        break;
      case 'UnaryExpression':
        start = own ?? 0;
        fill(node.argument as Node);
        break;
      case 'Compound':
      case 'SequenceExpression': {
        const parts = (node.type === 'Compound' ? node.body : node.expressions) as Node[];
        const first = parts.map((p) => fill(p))[0];
        start = own ?? first ?? 0;
        break;
      }
      case 'ArrayExpression':
        start = own ?? 0;
        for (const el of node.elements as (Node | null)[]) fill(el);
        break;
      default:
        start = own ?? 0;
    }
    starts.set(node, start);
    return start;
  };
  fill(ast);

  const end = (node: Node): number => {
    const span = spans.get(node);
    if (span) return span.end;
    if (node.type === 'BinaryExpression') return end(node.right as Node);
    if (node.type === 'ConditionalExpression') return end(node.alternate as Node);
    return starts.get(node) ?? 0;
  };

  const operatorAt = (node: BinaryNode): number => {
    // Between the left operand and its operator there are only spaces and closing parentheses.
    let i = end(node.left);
    while (i < text.length && /[\s)]/.test(text.charAt(i))) i++;
    return text.startsWith(node.operator, i) ? i : text.indexOf(node.operator, i);
  };
  const start = (node: Node): number => starts.get(node) ?? 0;
  return {
    text,
    ast,
    start,
    operatorAt,
    span: (node) => ({ start: start(node), end: Math.max(end(node), start(node) + 1) }),
    operatorSpan(node) {
      const at = operatorAt(node);
      return { start: at, end: at + node.operator.length };
    },
  };
}
