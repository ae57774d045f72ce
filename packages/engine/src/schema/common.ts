import { z } from 'zod';

/** Text an official reads: plain zh-CN, or zh-CN with an English rendering. */
export const Text = z.union([
  z.string().min(1),
  z.object({ zh: z.string().min(1), en: z.string().min(1).optional() }).strict(),
]);
export type Text = z.infer<typeof Text>;

/**
 * An exact decimal literal. JSON numbers are read through their shortest decimal spelling
 * (0.1 is 1/10, never the binary float); strings must be plain decimals ("92", "0.5", "-3").
 * `null` is accepted by the schema so validation can report a blanked number at its path.
 */
export const DecimalLiteral = z.union([
  z.number().finite(),
  z.string().regex(/^-?\d+(\.\d+)?$/, 'a plain decimal such as "92" or "0.5"'),
]);
export type DecimalLiteral = z.infer<typeof DecimalLiteral>;

/** Identifier of a declared input, sanction, grade or class: usable inside expressions. */
export const Id = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'letters, digits and _, not starting with a digit');

/** A rule set's id (baotou-2012): what `from` names. */
export const RuleSetId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and -');

/** An expression in the safe expression language (see the package README). */
export const Expr = z.string().min(1);

/**
 * A value a rule compares or scores: a decimal literal, or an expression (an input id is the
 * simplest expression: "policy_rate"; a derived ratio: "budget / (pop_resident + pop_inflow)";
 * a peer baseline: "mean(policy_rate)").
 */
export const Operand = z.union([z.number().finite(), z.string().min(1)]);
export type Operand = z.infer<typeof Operand>;

export const Rounding = z
  .object({
    /** Decimal places kept. */
    dp: z.number().int().min(0).max(8),
    /** half-up is 四舍五入 (ties away from zero). */
    mode: z.enum(['half-up', 'half-even', 'down', 'up']).default('half-up'),
  })
  .strict();
export type Rounding = z.infer<typeof Rounding>;

/** What every stream has: its direction, a cap on its amount, and its own words. deduct (the
 *  default) lowers the score; add raises it (capped accrual: 0.4 a case, at most 20). */
export const StreamBase = {
  direction: z.enum(['deduct', 'add']).default('deduct'),
  cap: DecimalLiteral.optional(),
  reason: Text.optional(),
};
