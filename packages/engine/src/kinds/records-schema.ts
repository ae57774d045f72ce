// Per-case records (RULE-FORMS 20, 22, 52): the schema of a `cases` input's fields and of the
// `per-record` stream. Kept apart from ./records.ts (its checks, evaluation, reasons and diff)
// so the rule-set schema imports no scoring code.
import { z } from 'zod';
import { DecimalLiteral, Expr, Id, Operand, StreamBase, Text } from '../schema/common.ts';

/** What one field of a case holds: a number in its unit, yes/no, a choice, text or a date. */
export const FieldUnit = z.enum([
  '%',
  '‰',
  '元',
  '万元',
  '人',
  '户',
  '个',
  '次',
  '天',
  '月',
  'count',
  'number',
  'yesno',
  'choice',
  'text',
  'date',
]);

/**
 * One attribute of every case of a `cases` input (逾期月数, 出生孩次, 查处层级): `id` is the
 * name the stream's expressions read; `choices`, `min`, `max` and `defaultYear` as for an
 * input. A blank field the stream reads leaves the item unscored (never a 0).
 */
export const CaseField = z
  .object({
    id: Id,
    label: Text,
    unit: FieldUnit,
    choices: z.array(z.object({ value: z.string(), label: Text }).strict()).optional(),
    min: DecimalLiteral.optional(),
    max: DecimalLiteral.optional(),
    defaultYear: z.number().int().min(1).max(9999).optional(),
    note: Text.optional(),
  })
  .strict();
export type CaseField = z.infer<typeof CaseField>;

/**
 * Per record (逾期上报每月扣0.2分,每件最多计10个月; 二孩扣8分、三孩10分,其后每孩加10分;
 * 市级以上查出的加倍): for each case of the `cases` input `input` that `when` admits, an amount —
 * `each` (a decimal, or an expression over the case's fields: "min(months_late, 10) * 0.2"), or
 * `escalation` by a whole-number field (`by`): the points of the highest `at` the value reaches,
 * and beyond the last `at` each further one `beyondLast.increment` more (nothing below the first
 * `at`; a case whose value reaches `zeroAt` zeroes the item). `eachCap` bounds one case's amount; then `multiplied.factor` weighs a case for which
 * `multiplied.when` holds (found by a city-level inspection → × 2). The stream's `cap` bounds the
 * sum, as for every stream.
 */
export const PerRecordStream = z
  .object({
    kind: z.literal('per-record'),
    input: z.string(),
    when: Expr.optional(),
    each: Operand.optional(),
    escalation: z
      .object({
        by: z.string(),
        schedule: z
          .array(z.object({ at: z.number().int(), points: DecimalLiteral }).strict())
          .min(1),
        beyondLast: z.object({ increment: DecimalLiteral }).strict().optional(),
        /** A case whose value reaches this zeroes the item (a 6th child: the item scores 0). */
        zeroAt: z.number().int().optional(),
      })
      .strict()
      .optional(),
    eachCap: DecimalLiteral.optional(),
    multiplied: z.object({ when: Expr, factor: DecimalLiteral }).strict().optional(),
    ...StreamBase,
  })
  .strict();
export type PerRecordStream = z.infer<typeof PerRecordStream>;
