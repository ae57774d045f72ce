// Blank points (null) of the total, the sections and every item: each one an error at its path,
// all of them at once — also when the schema has found other problems, so an admin sees every
// blank in one pass. The schema accepts a blank there on purpose; nothing ever takes it as 0.
import type { Issue } from '../model/result.ts';
import { error, isRecord } from './issues.ts';

const record = (v: unknown): Record<string, unknown> | undefined => (isRecord(v) ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** A code as raw JSON may have it: text or a number; anything else (an object) is shown as ?. */
const codeOf = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : '?';

/** Works on a rule set as parsed or as raw JSON (it only reads codes, points and items). */
export function blankPoints(ruleSet: unknown): Issue[] {
  const issues: Issue[] = [];
  const root = record(ruleSet);
  if (!root) return issues;
  if (root.points === null)
    issues.push(
      error('missing-number', 'points', {
        zh: '总分值空白(空白不会按0处理)',
        en: 'total points are blank (a blank is never taken as 0)',
      }),
    );
  const items = (raw: unknown, at: string, parent: string, pool = false): void => {
    list(raw).forEach((value, i) => {
      const item = record(value);
      if (!item) return;
      const rp = `${at}[${i}]`;
      const path = `${parent}.${codeOf(item.code)}`;
      // In a pool section (items deduct from its points), the word for "—" is said too.
      if (item.points === null)
        issues.push(
          error(
            'missing-number',
            `${rp}.points`,
            pool
              ? {
                  zh: `${path} 的分值空白(空白不会按0处理;本部分各项从部分分值中扣分,没有单独分值的请写 points: 'none')`,
                  en: `${path}: points are blank (a blank is never taken as 0; this section's items deduct from its points: for one without points of its own write points: 'none')`,
                }
              : {
                  zh: `${path} 的分值空白(空白不会按0处理)`,
                  en: `${path}: points are blank (a blank is never taken as 0)`,
                },
          ),
        );
      items(item.items, `${rp}.items`, path);
    });
  };
  list(root.sections).forEach((value, i) => {
    const section = record(value);
    if (!section) return;
    if (section.points === null)
      issues.push(
        error('missing-number', `sections[${i}].points`, {
          zh: `第${codeOf(section.code)}部分的分值空白(空白不会按0处理)`,
          en: `section ${codeOf(section.code)}: points are blank (a blank is never taken as 0)`,
        }),
      );
    items(section.items, `sections[${i}].items`, codeOf(section.code), section.pool === true);
  });
  items(record(root.bonus)?.items, 'bonus.items', '加分');
  return issues;
}

/** Any blank among these points: a sum over them would take the blank as 0, so none is made. */
export const anyBlank = (points: readonly unknown[]): boolean => points.some((p) => p === null);
