// Cohort issues about the units themselves, worded as scoreCohort words them.
import type { Issue, UnitInput } from '../model/result.ts';
import { error, warning } from '../validate/issues.ts';

/** Each id given twice, once. */
export function unitIssues(units: readonly UnitInput[]): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const u of units) {
    if (seen.has(u.id)) {
      issues.push(error('duplicate-unit', `units.${u.id}`, { zh: `单位编号「${u.id}」重复`, en: `unit id "${u.id}" appears more than once` }));
    }
    seen.add(u.id);
  }
  return issues;
}

export function incompleteUnit(r: { unitId: string; name: string }): Issue {
  return warning('incomplete-unit', `units.${r.unitId}`, {
    zh: `单位「${r.name}」有未能计分的指标,排名和等次仅供参考`,
    en: `unit "${r.name}" has items that could not be scored: its rank and grade are provisional`,
  });
}
