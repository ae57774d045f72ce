// Bounds checked before the schema: a rule set nested deeper than any document is refused at
// the path where it goes too deep (the schema, the compiler and the scorer all recurse over
// items), and ids that would collide with JavaScript objects or with words of the expression
// language are refused where they are declared.
import type { Issue } from '../model/result.ts';
import { error, formatPath, type PathPart } from './issues.ts';

/** Deepest nesting of `items` accepted (a section's items are level 1; 一.3.(1) is level 2). */
export const MAX_ITEM_DEPTH = 16;
/** Deepest nesting of JSON objects and arrays accepted anywhere in a rule set. */
export const MAX_JSON_DEPTH = 64;

/**
 * The first place (depth-first, in document order) where `items` nest deeper than
 * MAX_ITEM_DEPTH or the JSON deeper than MAX_JSON_DEPTH; walked without recursion, so any depth
 * is measured without exhausting the stack.
 */
export function depthIssue(json: unknown): Issue | undefined {
  const stack: { node: unknown; path: PathPart[]; items: number }[] = [
    { node: json, path: [], items: 0 },
  ];
  while (stack.length > 0) {
    const { node, path, items } = stack.pop() as (typeof stack)[number];
    if (node === null || typeof node !== 'object') continue;
    if (items > MAX_ITEM_DEPTH) {
      const where = formatPath(path);
      return error('too-deep', where, {
        zh: `${where}:考核项目嵌套超过${MAX_ITEM_DEPTH}层,无法处理`,
        en: `${where}: items are nested more than ${MAX_ITEM_DEPTH} levels deep`,
      });
    }
    if (path.length > MAX_JSON_DEPTH) {
      const where = formatPath(path);
      return error('too-deep', where, {
        zh: `${where}:规则集嵌套超过${MAX_JSON_DEPTH}层,无法处理`,
        en: `${where}: the rule set is nested more than ${MAX_JSON_DEPTH} levels deep`,
      });
    }
    const entries: [PathPart, unknown][] = Array.isArray(node)
      ? node.map((v, i): [PathPart, unknown] => [i, v])
      : Object.entries(node);
    // Pushed in reverse so that the first entry is looked at first.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as [PathPart, unknown];
      stack.push({ node: child, path: [...path, key], items: items + (key === 'items' ? 1 : 0) });
    }
  }
  return undefined;
}

/**
 * Ids no declaration may take: names every JavaScript object already has (a unit's values are
 * looked up by id), and the words the expression language reads as something else (`total`,
 * `class`, literals, word operators), which would make an input unreachable or ambiguous.
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
  'total',
  'class',
  'true',
  'false',
  'null',
  'this',
  'and',
  'or',
  'not',
]);

/** An issue for each declared id (inputs, counters, sanctions, classes, grades) that is reserved. */
export function reservedIdIssues(json: unknown): Issue[] {
  if (json === null || typeof json !== 'object') return [];
  const rs = json as Record<string, unknown>;
  const grades = rs.grades as Record<string, unknown> | undefined;
  const lists: [string, unknown][] = [
    ['inputs', rs.inputs],
    ['derived', rs.derived],
    ['counters', rs.counters],
    ['deadlines', rs.deadlines],
    [
      'certificationGrades.grades',
      rs.certificationGrades && typeof rs.certificationGrades === 'object'
        ? (rs.certificationGrades as { grades?: unknown }).grades
        : undefined,
    ],
    ['sanctions', rs.sanctions],
    ['classes', rs.classes],
    ['grades.bands', grades && typeof grades === 'object' ? grades.bands : undefined],
  ];
  const issues: Issue[] = [];
  for (const [name, list] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((decl: unknown, i) => {
      const id =
        decl !== null && typeof decl === 'object' ? (decl as { id?: unknown }).id : undefined;
      if (typeof id !== 'string' || !RESERVED_IDS.has(id)) return;
      issues.push(
        error('reserved-id', `${name}[${i}].id`, {
          zh: `${name}[${i}].id:「${id}」是保留字,不能用作代码,请改用其他名称`,
          en: `${name}[${i}].id: "${id}" is reserved and cannot be used as an id; choose another name`,
        }),
      );
    });
  }
  return issues;
}
