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
