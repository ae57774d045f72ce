// The commands' options as commander parsed them, checked by a schema typed by each command's own
// options type: what a command is handed is what it declares, never a cast. Commander already
// refuses a missing required option or a choice not offered; a value of another type here, or
// an option the schema does not name, is a mistake in the command tree (program.ts), said as
// such.
import { z } from 'zod';
import type { CombineOptions } from './commands/combine/combine.ts';
import type { DemoOptions } from './commands/demo/demo.ts';
import type { KeyOptions, PublishCliOptions } from './commands/editions/editions.ts';
import type { ReviewOptions } from './commands/review/review.ts';
import type { RollupOptions } from './commands/rollup/rollup.ts';
import type { RosterCheckOptions } from './commands/roster/roster.ts';
import type { ScoreOptions } from './commands/score/score.ts';
import type { TemplateOptions } from './commands/template/template.ts';

const text = z.string();
const maybe = z.string().optional();
const flag = z.boolean().optional();
const list = z.array(z.string()).optional();

const template: z.ZodType<TemplateOptions> = z.strictObject({
  unit: list,
  out: text,
  force: flag,
  trust: maybe,
  history: maybe,
  carried: list,
  counters: maybe,
  edition: maybe,
  roster: maybe,
  key: maybe,
  passphraseFile: maybe,
});
const score: z.ZodType<ScoreOptions> = z.strictObject({
  as: z.enum(['self', 'review', 'final']),
  out: maybe,
  inPlace: flag,
  force: flag,
  unsigned: flag,
  trust: maybe,
  carried: list,
  carriedOut: maybe,
});
const review: z.ZodType<ReviewOptions> = z.strictObject({
  rules: text,
  out: text,
  force: flag,
  csv: maybe,
  trust: maybe,
  assessedOn: maybe,
  carriedOut: maybe,
  roster: maybe,
  carried: list,
  history: maybe,
  counters: maybe,
});
const combine: z.ZodType<CombineOptions> = z.strictObject({ out: text, force: flag });
const rollup: z.ZodType<RollupOptions> = z.strictObject({
  rules: text,
  into: text,
  children: text,
  out: maybe,
  trust: maybe,
  force: flag,
});
const demo: z.ZodType<DemoOptions> = z.strictObject({ out: maybe, force: flag, cascade: flag });
/** A key or an edition written with the issuer's passphrase. */
const signedOut = { out: text, passphraseFile: maybe, force: flag };
const keysNew: z.ZodType<KeyOptions> = z.strictObject({ issuer: text, years: text, ...signedOut });
const publish: z.ZodType<PublishCliOptions> = z.strictObject({
  key: text,
  previous: maybe,
  trust: maybe,
  ...signedOut,
});
const rosterCheck: z.ZodType<RosterCheckOptions> = z.strictObject({ edition: text, trust: maybe });
const trust: z.ZodType<{ trust?: string }> = z.strictObject({ trust: maybe });
const trustRevoke: z.ZodType<{ trust?: string; reason?: string }> = z.strictObject({
  trust: maybe,
  reason: maybe,
});

export const OPTIONS = {
  template,
  score,
  review,
  combine,
  rollup,
  demo,
  keysNew,
  publish,
  rosterCheck,
  trust,
  trustRevoke,
};

/** Commander's options for a command, as its options type (the common --json and --lang are
 *  the program's, left out). Strict: an option the command tree defines and the schema does not
 *  name is an error, never dropped unseen. */
export function optionsOf<T>(schema: z.ZodType<T>, options: Record<string, unknown>): T {
  const { json: _json, lang: _lang, ...own } = options;
  const parsed = schema.safeParse(own);
  if (!parsed.success)
    throw new Error(`the command tree gave options of another type: ${parsed.error.message}`);
  return parsed.data;
}
