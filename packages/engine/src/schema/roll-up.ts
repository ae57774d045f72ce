import { z } from 'zod';
import { DecimalLiteral, Id, Rounding, Text } from './common.ts';

/** Who among the children counts: by total (≥ min), by grade (one of `grades`), or by one
 *  indicator (its status one of `status`, default met; with `minScore`, its score reaching it). */
export const ChildQualifier = z.discriminatedUnion('by', [
  z.object({ by: z.literal('total'), min: DecimalLiteral }).strict(),
  z.object({ by: z.literal('grade'), grades: z.array(Id).min(1) }).strict(),
  z
    .object({
      by: z.literal('indicator'),
      path: z.string().min(1),
      status: z
        .array(
          z.enum(['met', 'partly-met', 'not-met', 'missing-evidence', 'not-applicable', 'gated']),
        )
        .min(1)
        .optional(),
      minScore: DecimalLiteral.optional(),
    })
    .strict(),
]);
export type ChildQualifier = z.infer<typeof ChildQualifier>;

/**
 * How an input with `source: 'children'` is worked out from the children's reviewed results
 * (form 45, `src/rollup/`): `share` — the % of children that qualify (the share of villages
 * qualified ≥ 85 %; of associations advanced), rounded as declared; `per-child` — `each` points
 * off for every child whose yes/no figure `input` is 否 (−0.5 for each child without a signed
 * responsibility document), at most `cap` in all.
 */
export const RollUpDef = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('share'),
      qualifies: ChildQualifier,
      /** Rounding of the %; absent: exact, and a share with no finite decimal is an error. */
      rounding: Rounding.optional(),
      /** A vetoed child qualifies only when this is true (default: it does not). */
      vetoedMayQualify: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('per-child'),
      /** The children's yes/no input (是/否) read for each child. */
      input: Id,
      /** Points off for each child whose answer is 否 (a positive decimal: 0.5). */
      each: DecimalLiteral,
      /** At most this many points off in all. */
      cap: DecimalLiteral.optional(),
      reason: Text.optional(),
    })
    .strict(),
]);
export type RollUpDef = z.infer<typeof RollUpDef>;
