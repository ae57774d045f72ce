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
  return duplicateIds(
    units.length,
    (i) => (units[i] as Named).id,
    (i) => units[i] as Named,
  );
}

/**
 * Every unit whose id an earlier unit already has, for n units read by position: `idOf` is
 * asked for every unit, `unitOf` only for the two units of a duplicate (a cohort held as
 * columns or as results makes no object per unit for it).
 */
export function duplicateIds(
  n: number,
  idOf: (i: number) => string,
  unitOf: (i: number) => Named,
): Issue[] {
  // An open-addressing table of unit indices over typed arrays (the first unit of each id stays
  // in it): no object per unit, and a table sized once (a cohort of 500,000 units would grow a
  // Set twenty times). An id compared only where its hash matches.
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const at = new Int32Array(size).fill(-1);
  const hashes = new Int32Array(size);
  const issues: Issue[] = [];
  for (let i = 0; i < n; i++) {
    const id = idOf(i);
    // An id that is not text (unchecked input): the same check by a Set, which takes any value.
    if (typeof id !== 'string') return duplicateUnitsBySet(n, unitOf);
    const h = hashOf(id);
    let p = h & mask;
    let first = -1;
    for (;;) {
      const j = at[p] as number;
      if (j < 0) break;
      if (hashes[p] === h && idOf(j) === id) {
        first = j;
        break;
      }
      p = (p + 1) & mask;
    }
    if (first < 0) {
      at[p] = i;
      hashes[p] = h;
      continue;
    }
    issues.push(duplicateIssue(unitOf(i), unitOf(first)));
  }
  return issues;
}

/** A hash of a sequence of unit ids, one id added at a time (0 to start): two passes over a
 *  cohort that give the same ids in the same order give the same hash. */
export const idsHash = (h: number, id: unknown): number =>
  Math.imul(h ^ hashOf(String(id)), 0x01000193) + 1;

/** FNV-1a over the UTF-16 code units. */
function hashOf(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

function duplicateIssue(u: Named, earlier: Named): Issue {
  const who = unitName(u.id, u.name);
  const other = unitName(earlier.id, earlier.name);
  return error('duplicate-unit', `units.${u.id}`, {
    zh: `单位${who.zh}的编号与${other.zh}重复`,
    en: `unit ${who.en} has the same id as ${other.en}`,
  });
}

function duplicateUnitsBySet(n: number, unitOf: (i: number) => Named): Issue[] {
  const first = new Map<unknown, Named>();
  const issues: Issue[] = [];
  for (let i = 0; i < n; i++) {
    const u = unitOf(i);
    const earlier = first.get(u.id);
    if (earlier === undefined) first.set(u.id, u);
    else issues.push(duplicateIssue(u, earlier));
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
