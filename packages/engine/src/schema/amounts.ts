import { z } from 'zod';
import { DecimalLiteral, Expr, Id, Rounding, Text } from './common.ts';

/**
 * Money carried as output (奖惩金额): a prize by grade, 300 元 × staff, funds cut in proportion
 * to the score gap. Worked out exactly from the unit's figures and results, rounded as declared
 * (default: to the fen, 四舍五入), never text. Exactly one of:
 * - `amount`: an expression over inputs, `score()`/`met()`/`status()`, `total` and `class`
 *   ("300 * staff", "-funds * (100 - total) / 100"); a figure it reads that is blank, or a total
 *   that is incomplete, leaves the amount undecided (待定), never 0;
 * - `byGrade`: an amount per grade band id (`{ excellent: 5000, good: 3000 }`), given once the
 *   cohort is graded; a band not listed, or a unit out of the grades, gets 0; a unit whose grade
 *   is pending has its amount pending too.
 */
export const Amount = z
  .object({
    id: Id,
    label: Text,
    unit: z.enum(['元', '万元']),
    amount: Expr.optional(),
    byGrade: z.record(z.string(), DecimalLiteral.nullable()).optional(),
    rounding: Rounding.optional(),
  })
  .strict();
export type Amount = z.infer<typeof Amount>;

/** Rounding of an amount when the rule set declares none: to the fen, 四舍五入. */
export const AMOUNT_ROUNDING: Rounding = Object.freeze({ dp: 2, mode: 'half-up' });
