// Schema (zod) issues as an admin reads them: at the deepest place that is wrong, a blank number
// as missing-number at its own path, and every message in Chinese and in English (zod's own
// English never reaches the Chinese text).
import type { z } from 'zod';
import type { Issue, Msg } from '../model/result.ts';
import { describeParts, error, formatPath, type PathPart } from './issues.ts';

type ZodIssue = z.core.$ZodIssue;

/** A leaf issue with its path from the root. */
interface Leaf {
  issue: ZodIssue;
  path: PathPart[];
}

const relative = (issue: ZodIssue): PathPart[] =>
  issue.path.filter((p): p is PathPart => typeof p !== 'symbol');

/** Is this a union of plain kinds (number | string) failing on the value itself? */
function kindUnion(branches: readonly (readonly ZodIssue[])[]): boolean {
  return (
    branches.length > 0 &&
    branches.every((b) => b.length === 1 && b[0]?.code === 'invalid_type' && b[0].path.length === 0)
  );
}

/**
 * The issues under one zod issue, each at its full path. A union that no branch matched is
 * reported by the branch that came closest — the one whose problems lie deepest, then the
 * fewest — so a blank `points` inside a tier is named there, not as "invalid input" on the tier.
 */
function leaves(issue: ZodIssue, prefix: readonly PathPart[]): Leaf[] {
  const path = [...prefix, ...relative(issue)];
  if (issue.code !== 'invalid_union' || issue.discriminator || issue.errors.length === 0)
    return [{ issue, path }];
  if (kindUnion(issue.errors)) return [{ issue, path }];
  const scored = issue.errors.map((branch) => {
    const found = branch.flatMap((i) => leaves(i, path));
    const depth = Math.max(...found.map((l) => l.path.length));
    return { found, depth };
  });
  scored.sort((a, b) => b.depth - a.depth || a.found.length - b.found.length);
  return scored[0]?.found ?? [{ issue, path }];
}

function valueAt(root: unknown, path: readonly PathPart[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PathPart, unknown>)[key];
  }
  return node;
}

const KIND: Readonly<Record<string, Msg>> = {
  number: { zh: '数值', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  string: { zh: '文本', en: 'text' },
  boolean: { zh: '是非值(true/false)', en: 'true or false' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '对象', en: 'an object' },
  record: { zh: '对象', en: 'an object' },
  undefined: { zh: '空缺', en: 'nothing' },
};
const kind = (name: string): Msg => KIND[name] ?? { zh: name, en: name };

function received(value: unknown): Msg {
  if (value === null) return { zh: '空白', en: 'a blank' };
  if (Array.isArray(value)) return KIND.array as Msg;
  if (typeof value === 'string') return { zh: `文本「${value}」`, en: `text "${value}"` };
  if (typeof value === 'number') return { zh: `数值 ${value}`, en: `the number ${value}` };
  if (typeof value === 'boolean') return { zh: `是非值 ${value}`, en: `${value}` };
  return kind(typeof value);
}

/** The regular expressions of the schema, by their source, in words. */
const PATTERNS: readonly { test: RegExp; msg: Msg }[] = [
  {
    test: /\\d\+\(\\\.\\d\+\)\?/,
    msg: {
      zh: '应为普通小数,如 "92" 或 "0.5"',
      en: 'should be a plain decimal such as "92" or "0.5"',
    },
  },
  {
    test: /\^\[A-Za-z_\]/,
    msg: {
      zh: '只能由字母、数字和下划线组成,且不能以数字开头',
      en: 'may hold letters, digits and _ only, not starting with a digit',
    },
  },
  {
    test: /\^\[a-z0-9\]/,
    msg: {
      zh: '只能由小写字母、数字和“-”组成',
      en: 'may hold lower-case letters, digits and - only',
    },
  },
];

const listed = (values: readonly unknown[]): Msg => {
  const shown = values.map((v) => JSON.stringify(v));
  return { zh: shown.join('、'), en: shown.join(', ') };
};

/** What is wrong, in both languages, without the place. */
function problem(issue: ZodIssue, value: unknown): Msg {
  switch (issue.code) {
    case 'invalid_type': {
      const want = kind(issue.expected);
      const got = received(value);
      return { zh: `应为${want.zh},而不是${got.zh}`, en: `should be ${want.en}, not ${got.en}` };
    }
    case 'invalid_union': {
      if (kindUnion(issue.errors)) {
        const kinds = issue.errors.map((b) => {
          const i = b[0];
          return kind(i && i.code === 'invalid_type' ? i.expected : '');
        });
        const got = received(value);
        return {
          zh: `应为${kinds.map((k) => k.zh).join('或')},而不是${got.zh}`,
          en: `should be ${kinds.map((k) => k.en).join(' or ')}, not ${got.en}`,
        };
      }
      return { zh: '不符合任何允许的写法', en: 'matches none of the allowed forms' };
    }
    case 'invalid_value': {
      const options = listed(issue.values);
      return issue.values.length === 1
        ? { zh: `应为 ${options.zh}`, en: `should be ${options.en}` }
        : { zh: `应为以下之一:${options.zh}`, en: `should be one of ${options.en}` };
    }
    case 'invalid_format': {
      const known = PATTERNS.find((p) => p.test.test(issue.pattern ?? ''));
      return known?.msg ?? { zh: '写法不正确', en: 'is not written as required' };
    }
    case 'too_small': {
      const n = String(issue.minimum);
      if (issue.origin === 'string') return { zh: '不能为空', en: 'may not be empty' };
      if (issue.origin === 'array')
        return { zh: `至少需要${n}项`, en: `needs at least ${n} entr${n === '1' ? 'y' : 'ies'}` };
      return issue.inclusive === false
        ? { zh: `应大于${n}`, en: `should be above ${n}` }
        : { zh: `不能小于${n}`, en: `may not be below ${n}` };
    }
    case 'too_big': {
      const n = String(issue.maximum);
      if (issue.origin === 'string')
        return { zh: `最多${n}个字符`, en: `may hold at most ${n} characters` };
      if (issue.origin === 'array')
        return { zh: `最多${n}项`, en: `may hold at most ${n} entries` };
      return issue.inclusive === false
        ? { zh: `应小于${n}`, en: `should be below ${n}` }
        : { zh: `不能大于${n}`, en: `may not be above ${n}` };
    }
    case 'not_multiple_of':
      return { zh: `应为${issue.divisor}的整数倍`, en: `should be a multiple of ${issue.divisor}` };
    default:
      return { zh: '写法不正确', en: 'is not written as required' };
  }
}

/** One zod issue as the issues an admin can act on (a union may give several). */
export function fromZod(issue: ZodIssue, root: unknown): Issue[] {
  return leaves(issue, []).map(({ issue: leaf, path: parts }) => {
    const path = formatPath(parts);
    const where = describeParts(root, parts);
    const value = valueAt(root, parts);
    if (value === null && textBlank(issue, leaf)) {
      return error('missing-field', path, {
        zh: `${where}为空白,须填写`,
        en: `${where}: is blank and must be filled in`,
      });
    }
    if (value === null) {
      const open = openWord(path);
      return error('missing-number', path, {
        zh: `${where}缺少数值(空白不会按0处理${open?.zh ?? ''})`,
        en: `${where}: a number is blank (a blank is never taken as 0${open?.en ?? ''})`,
      });
    }
    if (value === undefined && (leaf.code === 'invalid_type' || kindUnionIssue(leaf))) {
      return error('missing-field', path, {
        zh: `${where}缺少必填项`,
        en: `${where}: required field is missing`,
      });
    }
    if (leaf.code === 'unrecognized_keys') {
      const keys = leaf.keys.join(', ');
      return error('unknown-field', path, {
        zh: `${where}含有未知字段:${leaf.keys.join('、')}`,
        en: `${where}: unknown field(s) ${keys}`,
      });
    }
    if (leaf.code === 'invalid_union' && leaf.discriminator && value === undefined) {
      const options = listed(optionsOf(leaf));
      return error('missing-field', path, {
        zh: `${where}:缺少类型,可用:${options.zh}`,
        en: `${where}: the kind is missing; use one of ${options.en}`,
      });
    }
    if (leaf.code === 'invalid_union' && leaf.discriminator && typeof value === 'string') {
      const options = listed(optionsOf(leaf));
      return error('unknown-kind', path, {
        zh: `${where}的类型「${value}」不存在,可用:${options.zh}`,
        en: `${where}: unknown kind "${value}"; use one of ${options.en}`,
      });
    }
    const what = problem(leaf, value);
    return error(`schema-${leaf.code}`, path, {
      zh: `${where}:${what.zh}`,
      en: `${where}: ${what.en}`,
    });
  });
}

/** A blank where an explicit word says there is no bound: the blank is never that word. */
function openWord(path: string): Msg | undefined {
  if (path === 'bonus.cap')
    return { zh: ";加分不设上限请写 'none'", en: "; for no cap on bonus write 'none'" };
  if (/items\[\d+\]\.min$/.test(path))
    return {
      zh: ";不设下限(该项可负分)请写 'none'",
      en: "; for no floor (the item may go negative) write 'none'",
    };
  return undefined;
}

const optionsOf = (issue: ZodIssue): readonly unknown[] =>
  (issue as { options?: readonly unknown[] }).options ?? [];

/** What is not a number (text, a yes/no, a list, an object): a blank there is no blank number. */
const NOT_NUMBERS = new Set(['string', 'boolean', 'array', 'object']);
const notNumber = (i: ZodIssue): boolean =>
  i.code === 'invalid_type' && NOT_NUMBERS.has(String(i.expected));

/** A blank (null) where only text or another non-number is accepted (`level: null`, a title):
 *  said as a blank field, not as a blank number. Any other blank stays a blank number. */
function textBlank(issue: ZodIssue, leaf: ZodIssue): boolean {
  // A union (Text: a string or { zh, en }) is text when no branch takes a number; a leaf of
  // a union's branch alone does not say (the branch chosen need not be the number's).
  const union =
    leaf.code === 'invalid_union' ? leaf : issue.code === 'invalid_union' ? issue : undefined;
  if (union)
    return (
      union.errors.length > 0 &&
      union.errors.every((branch) => branch.length > 0 && branch.every(notNumber))
    );
  return issue === leaf && notNumber(leaf);
}

const kindUnionIssue = (issue: ZodIssue): boolean =>
  issue.code === 'invalid_union' && !issue.discriminator && kindUnion(issue.errors);
