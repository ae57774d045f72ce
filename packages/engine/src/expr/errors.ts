// Errors of the expression language, always with a 0-based position and a zh-CN / en message.
// Messages count characters from 1 (第1个字符 is the first), as people do, and give the span's
// last character too (第6–7个字符); `position` and `end` are 0-based, `end` exclusive.
import { fmt, type Q } from '../exact/exact.ts';
import type { Msg } from '../model/result.ts';
import type { Span } from './parse.ts';
import type { ExprError, ExprKind, ExprValue } from './types.ts';
import { clip } from './clip.ts';

export type ExprEvalCode = 'type' | 'division-by-zero' | 'domain';

/** Thrown by CompiledExpr.evaluate when a value has the wrong type, a divisor is zero, or an
 *  argument is out of range (round to −1 places). MissingValue is never wrapped in this. */
export class ExprEvalError extends Error {
  override readonly name = 'ExprEvalError';
  constructor(
    readonly code: ExprEvalCode,
    /** 0-based character offset in `source`. */
    readonly position: number,
    readonly msg: Msg,
    readonly source: string,
  ) {
    super(`${msg.en} (in: ${clip(source)})`);
  }
}

/** Prefixes a message with where it happened, counting from 1: 第9个字符 or 第9–11个字符. */
export function at(position: number, zh: string, en: string, end = position + 1): Msg {
  const first = position + 1;
  if (end <= first)
    return { zh: `表达式第${first}个字符处:${zh}`, en: `at character ${first}: ${en}` };
  return {
    zh: `表达式第${first}–${end}个字符处:${zh}`,
    en: `at characters ${first}–${end}: ${en}`,
  };
}

/** A compile error over a span (a node, an operator) or at one character. */
export function compileError(
  code: ExprError['code'],
  where: number | Span,
  zh: string,
  en: string,
): ExprError {
  const { start, end } = typeof where === 'number' ? { start: where, end: where + 1 } : where;
  return { code, position: start, end, message: at(start, zh, en, end) };
}

/** A value as an official would read it: 数值 1.5, 文本 '达标', 是/否 true. */
export function describe(value: ExprValue): { zh: string; en: string } {
  if (typeof value === 'string')
    return { zh: `文本 '${clip(value)}'`, en: `text '${clip(value)}'` };
  if (typeof value === 'boolean') return { zh: `是非值 ${value}`, en: `boolean ${value}` };
  const text = finiteDecimal(value) ? fmt(value) : value.toFraction();
  return { zh: `数值 ${text}`, en: `number ${text}` };
}

export type Kind = ExprKind;
export const KIND_ZH: Readonly<Record<Kind, string>> = {
  number: '数值',
  boolean: '是非值',
  string: '文本',
  date: '日期',
};
export const KIND_EN: Readonly<Record<Kind, string>> = {
  number: 'a number',
  boolean: 'a boolean (true/false)',
  string: 'text',
  date: 'a date',
};

/** Builds the type error "op needs <kind>, got <value>". */
export function typeError(
  source: string,
  position: number,
  what: string,
  kind: Kind,
  got: ExprValue,
): ExprEvalError {
  const d = describe(got);
  const en = KIND_EN[kind];
  return new ExprEvalError(
    'type',
    position,
    at(
      position,
      `${what} 需要${KIND_ZH[kind]}，得到的是${d.zh}`,
      `${what} needs ${en}, got ${d.en}`,
    ),
    source,
  );
}

/** Translates jsep's English syntax messages; unknown ones keep jsep's words. */
export function syntaxMessage(
  description: string,
  text: string,
  position: number,
): { zh: string; en: string } {
  const lone =
    text.charAt(position) === '=' &&
    !/[=<>!]/.test(text.charAt(position - 1)) &&
    text.charAt(position + 1) !== '=';
  const unit = text.charAt(position);
  if (unit === '%' || unit === '‰') {
    return {
      zh: `不支持“${unit}”：百分比、千分比按其单位直接写数值，如 92 表示 92${unit}`,
      en: `"${unit}" is not supported: write a rate in its own unit, e.g. 92 for 92 ${unit}`,
    };
  }
  if (lone) {
    return {
      zh: '单个“=”不是比较，相等请写“==”',
      en: 'a single "=" is not a comparison; write "==" for equality',
    };
  }
  const stray = /^Stray (.)$/.exec(description);
  if (stray) {
    return {
      zh: `此处不应出现“${stray[1]}”（逗号只用于分隔函数参数，不支持分号）`,
      en: `unexpected "${stray[1]}" (commas only separate function arguments; semicolons are not supported)`,
    };
  }
  const rules: [RegExp, (m: RegExpMatchArray) => string][] = [
    [/^Unexpected "(.*)"$/, (m) => `此处不应出现“${m[1]}”`],
    [/^Unexpected token (.*)$/, (m) => `此处不应出现“${m[1]}”`],
    [/^Unexpected period$/, () => '小数点位置不对'],
    [/^Unexpected (.*)$/, (m) => `此处不应出现“${m[1]}”`],
    [/^Expected expression after (.*)$/, (m) => `“${m[1]}”之后缺少运算对象`],
    [/^Expected expression$/, () => '缺少表达式'],
    [/^Expected :$/, () => '条件表达式缺少“:”'],
    [/^Expected comma$/, () => '缺少逗号'],
    [/^Expected (.)$/, (m) => `缺少“${m[1]}”`],
    [/^Unclosed \($/, () => '括号没有闭合'],
    [/^Unclosed \[$/, () => '方括号没有闭合'],
    [/^Unclosed quote after "(.*)"$/, (m) => `引号没有闭合（在“${m[1]}”之后）`],
    [/^missing unaryOp argument$/, () => '运算符之后缺少运算对象'],
    [
      /^Variable names cannot start with a number \((.*)\)$/,
      (m) => `名称不能以数字开头（${m[1]}）`,
    ],
    [/^Expected exponent \((.*)\)$/, (m) => `科学计数法缺少指数（${m[1]}）`],
  ];
  for (const [re, zh] of rules) {
    const m = description.match(re);
    if (m) return { zh: `语法错误，${zh(m)}`, en: `syntax error: ${description}` };
  }
  return { zh: `语法错误（${description}）`, en: `syntax error: ${description}` };
}

function finiteDecimal(value: Q): boolean {
  let d = value.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n;
}
