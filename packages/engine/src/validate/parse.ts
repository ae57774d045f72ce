import type { z } from 'zod';
import type { Issue, Result } from '../model/result.ts';
import { RuleSet } from '../schema/ruleset.ts';
import { error, formatPath, sortIssues, type PathPart } from './issues.ts';
import { checkRuleSet } from './semantic.ts';
import { depthIssue, reservedIdIssues } from './bounds.ts';

/**
 * Reads a rule set: the schema first, then the checks the schema cannot express (points that
 * add up, unknown inputs, expressions, cycles, bands, grades, quotas). Never throws on bad data.
 */
export function parseRuleSet(json: unknown): Result<RuleSet> {
  // Nesting past any document's is refused before the schema, which would recurse into it.
  const deep = depthIssue(json);
  if (deep) return { ok: false, issues: [deep] };
  const reserved = reservedIdIssues(json);
  const parsed = RuleSet.safeParse(json);
  if (!parsed.success) {
    const schema = parsed.error.issues.map((i) => fromZod(i, json));
    return { ok: false, issues: sortIssues([...reserved, ...schema]) };
  }
  const issues = [...reserved, ...checkRuleSet(parsed.data)];
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) return { ok: false, issues: sortIssues(issues) };
  return { ok: true, value: parsed.data, warnings: sortIssues(issues) };
}

/** All issues, errors and warnings, without building anything: for editors and `kaohe validate`. */
export function validateRuleSet(json: unknown): Issue[] {
  const result = parseRuleSet(json);
  return result.ok ? result.warnings : result.issues;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function fromZod(issue: z.core.$ZodIssue, root: unknown): Issue {
  const parts = issue.path.filter((p): p is PathPart => typeof p !== 'symbol');
  const path = formatPath(parts);
  const where = describe(root, parts);
  const value = valueAt(root, issue.path);
  if (value === null || (value === undefined && issue.code === 'invalid_type')) {
    return error(value === null ? 'missing-number' : 'missing-field', path, {
      zh: value === null ? `${where}缺少数值(空白不会按0处理)` : `${where}缺少必填项`,
      en:
        value === null
          ? `${where}: a number is blank (a blank is never taken as 0)`
          : `${where}: required field is missing`,
    });
  }
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join(', ');
    return error('unknown-field', path, {
      zh: `${where}含有未知字段:${keys}`,
      en: `${where}: unknown field(s) ${keys}`,
    });
  }
  if (issue.code === 'invalid_union' && 'discriminator' in issue && typeof value === 'string') {
    const options = (issue as { options?: unknown[] }).options?.join(' / ') ?? '';
    return error('unknown-kind', path, {
      zh: `${where}的类型「${value}」不存在,可用:${options}`,
      en: `${where}: unknown kind "${value}"; use one of ${options}`,
    });
  }
  return error(`schema-${issue.code}`, path, {
    zh: `${where}格式不正确:${issue.message}`,
    en: `${where}: ${issue.message}`,
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** "sections[1].items[0].rule.target" also named by the document's codes: "二.1 rule.target". */
function describe(root: unknown, parts: readonly PathPart[]): string {
  const codes: string[] = [];
  let node: unknown = root;
  let rest = 0;
  for (let i = 0; i < parts.length; i++) {
    node =
      isRecord(node) || Array.isArray(node)
        ? (node as Record<PathPart, unknown>)[parts[i] as PathPart]
        : undefined;
    if (isRecord(node) && typeof node.code === 'string' && typeof parts[i] === 'number') {
      codes.push(node.code);
      rest = i + 1;
    }
  }
  const tail = formatPath(parts.slice(rest));
  if (codes.length === 0) return formatPath(parts);
  return rest === parts.length ? codes.join('.') : `${codes.join('.')} ${tail}`;
}
