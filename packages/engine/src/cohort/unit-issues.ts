// Cohort issues about the units themselves, one wording for scoreCohort and rankCohort.
import type { Issue } from '../model/result.ts';
import { error, warning } from '../validate/issues.ts';
import { unitName } from './unit-name.ts';

interface Named {
  id: string;
  name: string;
}

/** Every unit whose id an earlier unit already has. */
export function duplicateUnits(units: readonly Named[]): Issue[] {
  // One hash operation per unit (a Set that does not grow has seen the id); the first unit of
  // each id is indexed only once a duplicate turns up.
  const seen = new Set<string>();
  let first: Map<string, Named> | undefined;
  const issues: Issue[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Named;
    const size = seen.size;
    if (seen.add(u.id).size !== size) {
      first?.set(u.id, u);
      continue;
    }
    if (!first) {
      first = new Map();
      for (let j = i - 1; j >= 0; j--) first.set((units[j] as Named).id, units[j] as Named);
    }
    const earlier = first.get(u.id) as Named;
    const who = unitName(u.id, u.name);
    const other = unitName(earlier.id, earlier.name);
    issues.push(
      error('duplicate-unit', `units.${u.id}`, {
        zh: `单位${who.zh}的编号与${other.zh}重复`,
        en: `unit ${who.en} has the same id as ${other.en}`,
      }),
    );
  }
  return issues;
}

export function incompleteUnit(u: Named): Issue {
  const who = unitName(u.id, u.name);
  return warning('incomplete-unit', `units.${u.id}`, {
    zh: `单位${who.zh}有未能判定的指标或否决条件,排名仅供参考,等次待定`,
    en: `unit ${who.en} has items or sanctions that could not be judged: its rank is provisional and its grade pending`,
  });
}
