import type { Issue, Msg } from '../model/result.ts';

export type PathPart = string | number;

/** ["sections", 1, "items", 0, "rule"] → "sections[1].items[0].rule" */
export function formatPath(parts: readonly PathPart[]): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out || '(root)';
}

export function error(code: string, path: string, message: Msg, extra: Partial<Issue> = {}): Issue {
  return { code, path, message, severity: 'error', ...extra };
}

export function warning(
  code: string,
  path: string,
  message: Msg,
  extra: Partial<Issue> = {},
): Issue {
  return { code, path, message, severity: 'warning', ...extra };
}

/** Stable order: by path, then code, so the same rule set reports the same list. */
export function sortIssues(issues: Issue[]): Issue[] {
  return issues.sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
  );
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** "sections[1].items[0].rule.target" also named by the document's codes: "二.1 rule.target". */
export function describeParts(root: unknown, parts: readonly PathPart[]): string {
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

/** The same for a formatted path: "sections[1].items[0].rule.target" → "二.1 rule.target". */
export function describePath(root: unknown, path: string): string {
  const parts: PathPart[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    parts.push(m[2] !== undefined ? Number(m[2]) : (m[1] as string));
  }
  return describeParts(root, parts);
}
