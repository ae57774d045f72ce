// Quotas on grade bands, in % of the graded units. Works top band first so that units passed
// down can cascade further; only the lowest-ranked units that the total placed are moved.
import { HUNDRED, q, round } from '../exact/exact.ts';
import { show } from '../messages/format.ts';
import type { Issue, Msg } from '../model/result.ts';
import type { GradeBand, Grades } from '../schema/ruleset.ts';
import { error, warning } from '../validate/issues.ts';
import { addNote, type GradeOutcome } from './outcome.ts';

export interface Slot {
  outcome: GradeOutcome;
  rank: number;
  band: number;
  /** Placed by a rule that quotas cannot move (the grade of vetoed units). */
  forced: boolean;
}

/** A share from the bottom on a band that is not the last: refused where the rule set is checked,
 *  and not applied (the same issue) when grades are assigned from unchecked bands. */
export const bottomQuotaNotLast = (path: string, label: Msg): Issue =>
  error('bottom-quota-not-last', path, {
    zh: `等次「${label.zh}」不是最低等次,不能按排名从后取比例(fromBottom 只能用于最后一个等次)`,
    en: `grade "${label.en}" is not the lowest grade: a share counted from the bottom (fromBottom) belongs on the last band only`,
  });

export function applyQuotas(
  slots: Slot[],
  grades: Grades,
  labels: readonly Msg[],
  graded: number,
  issues: Issue[],
): {
  counts: number[];
  maxAllowed: (number | null)[];
  minRequired: (number | null)[];
  bottomRequired: (number | null)[];
} {
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
    // Units of one rank share one grade: a tie across the quota line goes down whole, so the
    // band never holds more than its quota and no unit's grade is decided by its id.
    let from = Math.max(0, movable.length - excess);
    const cut = movable[from];
    let tied = false;
    while (next && cut && from > 0 && (movable[from - 1] as Slot).rank === cut.rank) {
      from -= 1;
      tied = true;
    }
    const moved = next ? movable.slice(from) : [];
    for (const slot of moved) {
      slot.band = b + 1;
      addNote(slot.outcome, {
        zh: `「${label.zh}」超出名额(最多${allowed}个),顺延为「${next?.zh}」`,
        en: `"${label.en}" over its quota (at most ${allowed}): passed down to "${next?.en}"`,
      });
    }
    excess -= moved.length;
    const firstMoved = moved[0];
    if (tied && firstMoved) {
      const n = moved.filter((s) => s.rank === firstMoved.rank).length;
      issues.push(
        warning('quota-tie-passed-down', `grades.bands[${b}].maxShare`, {
          zh: `「${label.zh}」名额线(最多${allowed}个)落在并列第${firstMoved.rank}名的${n}个单位之间:并列单位同一等次,一并顺延为「${next?.zh}」;如需区分,请在 ranking.tieBreak 中声明排序依据`,
          en: `"${label.en}" quota line (at most ${allowed}) falls inside a tie of ${n} units at rank ${firstMoved.rank}: units of one rank share one grade, so all of them pass down to "${next?.en}"; declare ranking.tieBreak to tell them apart`,
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
  // Counted from the bottom after the caps from the top, so what they passed down counts too.
  // Only the last band can take the lowest-ranked (validation says so; grades given here directly
  // are not validated): elsewhere it would pull units up from the bands below.
  const last = grades.bands.length - 1;
  const bottomRequired = grades.bands.map((b, i) => {
    if (!b.fromBottom) return null;
    if (i === last) return fillFromBottom(slots, i, b.fromBottom, labels[i] as Msg, graded, issues);
    issues.push(bottomQuotaNotLast(`grades.bands[${i}].fromBottom`, labels[i] as Msg));
    return null;
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
  return { counts, maxAllowed, minRequired, bottomRequired };
}

const COUNT_ROUNDING = { floor: 'down', round: 'half-up', ceil: 'up' } as const;

/**
 * A share counted from the bottom (后进 about 10 %), on band `b` (the last: validation allows it
 * nowhere else). The count is share × graded, rounded as declared. Units already in the band —
 * by their totals, passed down by a cap, or vetoed into it — count towards it; while it holds
 * fewer, the lowest-ranked units above it are moved into it. Vetoed units placed in another
 * band by `grades.vetoed` are never moved. A tie at the cut goes in whole (units of one rank
 * share one grade), with a warning; so the band can hold more than the count, never fewer
 * unless there are not enough units to move. Returns the count.
 */
function fillFromBottom(
  slots: Slot[],
  b: number,
  bottom: NonNullable<GradeBand['fromBottom']>,
  label: Msg,
  graded: number,
  issues: Issue[],
): number {
  const need = Number(
    round(q(bottom.share).mul(graded).div(HUNDRED), {
      dp: 0,
      mode: COUNT_ROUNDING[bottom.rounding],
    }).toString(),
  );
  const path = `grades.bands[${b}].fromBottom`;
  const share = show(q(bottom.share));
  const held = slots.reduce((n, s) => n + (s.band === b ? 1 : 0), 0);
  if (held >= need) return need;
  const movable = slots.filter((s) => s.band !== b && !s.forced);
  let from = Math.max(0, movable.length - (need - held));
  const cut = movable[from];
  let tied = false;
  while (cut && from > 0 && (movable[from - 1] as Slot).rank === cut.rank) {
    from -= 1;
    tied = true;
  }
  const note: Msg = {
    zh: `排名在后${share}%(${need}个)之内,定为「${label.zh}」`,
    en: `among the lowest-ranked ${share}% (${need}): graded "${label.en}"`,
  };
  for (const slot of movable.slice(from)) {
    slot.band = b;
    addNote(slot.outcome, note);
  }
  if (tied && cut) {
    const moved = movable.length - from;
    issues.push(
      warning('bottom-quota-tie', path, {
        zh: `「${label.zh}」按排名从后取${need}个,名额线上有并列第${cut.rank}名的单位,一并计入,共${held + moved}个`,
        en: `"${label.en}" takes the lowest-ranked ${need}; the line falls inside a tie at rank ${cut.rank}, taken whole: ${held + moved} in all`,
      }),
    );
  }
  if (held + movable.length < need) {
    issues.push(
      warning('bottom-quota-not-reached', path, {
        zh: `「${label.zh}」应取排名最后的${need}个单位,可计入的只有${held + movable.length}个`,
        en: `"${label.en}" should take the lowest-ranked ${need} units; only ${held + movable.length} can be placed there`,
      }),
    );
  }
  return need;
}
