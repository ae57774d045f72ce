// The one decision of a deadline stream (报送截止3月31日), shared by the exact evaluator
// (streams.ts) and the integer kernels (../fast/kernel.ts): on time, late by how many months
// begun (../exact/calendar.ts), or not reported, and what each costs.
import { add, mul, q, ZERO, type Q } from '../exact/exact.ts';
import { monthsStarted } from '../exact/calendar.ts';
import type { Stream } from '../schema/rules.ts';

type DeadlineStream = Extract<Stream, { kind: 'deadline' }>;

export type DeadlineOutcome =
  | { case: 'on-time'; amount: Q }
  /** `months`: months begun after the due date; `counted`: at most `maxMonths` of them. */
  | { case: 'late'; months: number; counted: number; amount: Q }
  | { case: 'missing'; amount: Q };

/**
 * `submitted`: the day the unit reported (calendar.ts), or undefined for a blank date. A blank
 * whose `missing` is 'missing-input' is not decided here: the caller reports the input missing.
 * Late costs `late` + `perMonth` × min(months begun, `maxMonths`).
 */
export function deadlineOutcome(
  stream: DeadlineStream,
  dueDay: number,
  submitted: number | undefined,
): DeadlineOutcome {
  if (submitted === undefined) {
    const missing = stream.missing === 'missing-input' ? ZERO : q(stream.missing);
    return { case: 'missing', amount: missing };
  }
  if (submitted <= dueDay) return { case: 'on-time', amount: ZERO };
  const months = monthsStarted(dueDay, submitted);
  const counted = stream.maxMonths === undefined ? months : Math.min(months, stream.maxMonths);
  const fixed = stream.late === undefined ? ZERO : q(stream.late);
  const monthly = stream.perMonth === undefined ? ZERO : mul(q(stream.perMonth), q(counted));
  return { case: 'late', months, counted, amount: add(fixed, monthly) };
}
