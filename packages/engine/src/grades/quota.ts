// Quotas on grade bands, in % of the graded units. Works top band first so that units passed
// down can cascade further; only the lowest-ranked units that the total placed are moved.
import { HUNDRED, q } from '../exact/exact.ts';
import type { Issue, Msg } from '../model/result.ts';
import type { Grades } from '../schema/ruleset.ts';
import { warning } from '../validate/issues.ts';
import { addNote, type GradeOutcome } from './outcome.ts';

export interface Slot {
  outcome: GradeOutcome;
  rank: number;
  band: number;
  /** Placed by a rule that quotas cannot move (the grade of vetoed units). */
  forced: boolean;
}

export function applyQuotas(
  slots: Slot[],
  grades: Grades,
  labels: readonly Msg[],
  graded: number,
  issues: Issue[],
): { counts: number[]; maxAllowed: (number | null)[]; minRequired: (number | null)[] } {
  const maxAllowed = grades.bands.map((b) =>
    b.maxShare === undefined
      ? null
      : Number(q(b.maxShare).mul(graded).div(HUNDRED).floor().toString()),
  );
  const minRequired = grades.bands.map((b) =>
    b.minShare === undefined
      ? null
      : Number(q(b.minShare).mul(graded).div(HUNDRED).ceil().toString()),
  );
  grades.bands.forEach((band, b) => {
    const allowed = maxAllowed[b];
    if (allowed === null || allowed === undefined) return;
    const members = slots.filter((s) => s.band === b);
    let excess = members.length - allowed;
    if (excess <= 0) return;
    const label = labels[b] as Msg;
    const next = labels[b + 1];
    const movable = members.filter((s) => !s.forced);
    const moved = next ? movable.slice(Math.max(0, movable.length - excess)) : [];
    for (const slot of moved) {
      slot.band = b + 1;
      addNote(slot.outcome, {
        zh: `「${label.zh}」超出名额(最多${allowed}个),顺延为「${next?.zh}」`,
        en: `"${label.en}" over its quota (at most ${allowed}): passed down to "${next?.en}"`,
      });
    }
    excess -= moved.length;
    const firstMoved = moved[0];
    const lastKept = members.filter((s) => s.band === b).at(-1);
    if (firstMoved && lastKept && firstMoved.rank === lastKept.rank) {
      issues.push(
        warning('quota-splits-tie', `grades.bands[${b}].maxShare`, {
          zh: `「${label.zh}」名额线上有并列第${firstMoved.rank}名的单位,按单位编号顺序划分`,
          en: `"${label.en}" quota line falls inside a tie at rank ${firstMoved.rank}: split by unit id`,
        }),
      );
    }
    if (excess > 0) {
      issues.push(
        warning('grade-quota-exceeded', `grades.bands[${b}].maxShare`, {
          zh: `「${label.zh}」有${members.length - moved.length}个单位,超过名额${allowed}个,且无法顺延`,
          en: `"${label.en}" holds ${members.length - moved.length}, over its quota of ${allowed}, and cannot pass units down`,
        }),
      );
    }
  });
  const counts: number[] = grades.bands.map(() => 0);
  for (const s of slots) counts[s.band] = (counts[s.band] ?? 0) + 1;
  grades.bands.forEach((_, b) => {
    const need = minRequired[b];
    const label = labels[b] as Msg;
    if (need !== null && need !== undefined && (counts[b] ?? 0) < need) {
      issues.push(
        warning('grade-min-share-not-reached', `grades.bands[${b}].minShare`, {
          zh: `「${label.zh}」只有${counts[b]}个单位,未达到不少于${need}个的比例要求`,
          en: `"${label.en}" holds ${counts[b]}, fewer than the ${need} its minimum share asks for`,
        }),
      );
    }
  });
  return { counts, maxAllowed, minRequired };
}
