// Where a JSON text goes wrong, for an error an official can act on: line and column (1-based,
// counted in characters) and what was expected there, in zh-CN and en. Used only after
// JSON.parse failed; it scans the text the way the JSON grammar reads it (RFC 8259), so the
// place does not depend on the JavaScript engine's wording.
import type { Msg } from '@kaohe/engine';

export interface JsonSyntaxError {
  line: number;
  column: number;
  reason: Msg;
}

class Stop extends Error {
  constructor(
    readonly at: number,
    readonly reason: Msg,
  ) {
    super(reason.en);
  }
}

/** A character as shown in a message: control characters escaped (\n, \t, \u0001). */
const shown = (ch: string | undefined): string =>
  ch === undefined ? '' : ch < ' ' ? JSON.stringify(ch).slice(1, -1) : ch;

/** The first syntax error of `text`, or undefined when it is valid JSON. */
export function findJsonError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const fail = (zh: string, en: string): never => {
    if (i >= text.length)
      throw new Stop(i, { zh: `文件在此意外结束:${zh}`, en: `unexpected end: ${en}` });
    const c = shown(text[i]);
    throw new Stop(i, { zh: `此处是“${c}”,${zh}`, en: `found "${c}", ${en}` });
  };
  const string = (): void => {
    i++; // the opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20)
        fail(
          '字符串中不能有换行或控制字符',
          'a string cannot hold a line break or control character',
        );
      if (c === 0x5c) {
        i++;
        const e = text[i] ?? '';
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5)))
            fail('\\u 后应为四位十六进制数', 'expected four hex digits after \\u');
          i += 5;
        } else if ('"\\/bfnrt'.includes(e) && e !== '') i++;
        else fail('不是有效的转义字符', 'not a valid escape');
      } else i++;
    }
    fail('字符串缺少结尾的双引号', 'the string has no closing quote');
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail('应为一个值(数字、字符串、true、false、null、对象或数组)', 'expected a value');
    i += m?.[0].length ?? 0;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null'])
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    number();
  };
  const object = (): void => {
    i++;
    ws();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] !== '"')
        fail(
          '应为带双引号的属性名(最后一项后面不能有逗号)',
          'expected a double-quoted property name (no comma after the last one)',
        );
      string();
      ws();
      if (text[i] !== ':') fail('属性名后应为冒号“:”', 'expected ":" after the property name');
      i++;
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      fail('属性值后应为逗号“,”或“}”', 'expected "," or "}" after the value');
    }
  };
  const array = (): void => {
    i++;
    ws();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      fail('数组元素后应为逗号“,”或“]”', 'expected "," or "]" after the element');
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail('JSON 已结束,后面不应再有内容', 'nothing may follow the JSON value');
    return undefined;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    const before = text.slice(0, e.at);
    const lines = before.split('\n');
    return {
      line: lines.length,
      column: [...(lines.at(-1) ?? '')].length + 1,
      reason: e.reason,
    };
  }
}
