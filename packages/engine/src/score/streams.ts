// Deduction and credit streams applied after an item's base rule: per case (with escalation,
// multipliers, a case count that zeroes the item), by state, or by expression.
import { add, div, min as qmin, mul, q, round, sub, ZERO, type Q } from '../exact/exact.ts';
import type { Adjustment, Msg } from '../model/result.ts';
import { show as showText } from '../messages/format.ts';
import { msgOf } from '../messages/text.ts';
import type { CIndicator, CompiledRuleSet } from './compile.ts';
import type { ExprValue } from '../expr/types.ts';
import type { Stream } from '../schema/rules.ts';
import type { InputDef } from '../schema/ruleset.ts';
import type { UnitEnv } from './env.ts';
import { RuleProblem } from './base-rules.ts';
import { deadlineOutcome } from './deadline.ts';
import { isBlank, MissingValue } from '../expr/types.ts';
import * as R from './reasons.ts';
import { perRecordOutcome } from '../kinds/records.ts';

export interface StreamOutcome {
  /** Signed total of all streams. */
  total: Q;
  adjustments: Adjustment[];
  /** A case count reached `zeroAt`: the item scores nothing. */
  zeroed: Msg | undefined;
}

function count(env: UnitEnv, id: string): Q | MissingValue {
  const v = env.ident(id);
  if (v instanceof MissingValue) return v;
  if (typeof v !== 'object' || v.d !== 1n || v.s < 0n) {
    throw new RuleProblem({
      zh: `「${id}」应为非负整数(例数),实为「${String(typeof v === 'object' ? showText(v) : v)}」`,
      en: `"${id}" should be a whole number of cases, not "${String(typeof v === 'object' ? showText(v) : v)}"`,
    });
  }
  return v;
}

/** Amount for n cases on an escalating schedule: the nth case costs schedule[n−1], then + increment
 *  each (or `each` without an increment). In closed form: a mistyped 30,000,000 costs no time. */
function scheduled(n: bigint, schedule: readonly Q[], each: Q, increment: Q | undefined): Q {
  const len = BigInt(schedule.length);
  const listed = n < len ? Number(n) : schedule.length;
  let total = ZERO;
  for (let i = 0; i < listed; i++) total = add(total, schedule[i] as Q);
  if (n <= len) return total;
  const beyond = q(n - len);
  if (!increment) return add(total, mul(beyond, each));
  const last = schedule[schedule.length - 1] ?? each;
  // Σ_{k=1..m} (last + increment × k) = m × last + increment × m(m+1)/2
  const triangle = div(mul(beyond, add(beyond, q(1))), q(2));
  return add(total, add(mul(beyond, last), mul(increment, triangle)));
}

/** A stream's label in its reason: its own words, else its input's label, else the item's title. */
export function streamLabel(rs: CompiledRuleSet, item: CIndicator, stream: Stream): Msg {
  if (stream.reason) return msgOf(stream.reason);
  if (stream.kind === 'expr') return item.title;
  // An input, or a derived value shown as one.
  const def = rs.inputs.get(stream.input) ?? rs.derived.get(stream.input)?.shown;
  return def ? msgOf(def.label) : item.title;
}

/** The multiplied cases' label: their input's (or a derived value's), else the stream's. */
export function multipliedLabel(rs: CompiledRuleSet, input: string, label: Msg): Msg {
  const def = rs.inputs.get(input) ?? rs.derived.get(input)?.shown;
  return def ? msgOf(def.label) : label;
}

/** A per-case stream's words with its multiplied cases' part after them (「…;另有…」). */
export const withMultiplied = (reason: Msg, part: Msg): Msg => ({
  zh: `${reason.zh};${part.zh}`,
  en: `${reason.en}; ${part.en}`,
});

/** A state as its reason shows it: a choice by its label, a yes/no as 是/否, else as keyed. */
export function stateMsg(def: InputDef | undefined, v: ExprValue, key: string): Msg {
  const choice = def?.choices?.find((c) => c.value === key);
  return choice
    ? msgOf(choice.label)
    : typeof v === 'boolean'
      ? v
        ? { zh: '是', en: 'yes' }
        : { zh: '否', en: 'no' }
      : { zh: key, en: key };
}

/** A stream's words with its cap, when the cap cut the amount (最多3分). */
export const cappedStream = (reason: Msg, cap: string): Msg => {
  const c = R.streamCapped(cap);
  return { zh: reason.zh + c.zh, en: reason.en + c.en };
};

/** The item's streams, or the MissingValue of the first blank one of them needs (returned). */
export function evaluateStreams(
  rs: CompiledRuleSet,
  item: CIndicator,
  env: UnitEnv,
  reasons = true,
): StreamOutcome | MissingValue {
  // Without reasons (the cohort path), the same amounts and decisions, no figure formatted.
  const show: (x: Q) => string = reasons ? showText : () => '';
  let total = ZERO;
  const adjustments: Adjustment[] = [];
  let zeroed: Msg | undefined;
  for (const { stream, amount: amountExpr, due, records, cap } of item.streams) {
    const addDir = stream.direction === 'add';
    let amount = ZERO;
    let reason: Msg;
    switch (stream.kind) {
      case 'per-case': {
        const label = streamLabel(rs, item, stream);
        const n = count(env, stream.input);
        if (n instanceof MissingValue) return n;
        const each = q(stream.each);
        if (stream.schedule) {
          amount = scheduled(
            n.n,
            stream.schedule.map((s) => q(s)),
            each,
            stream.increment === undefined ? undefined : q(stream.increment),
          );
          reason = R.scheduleText(label, show(n), show(amount), addDir);
        } else {
          amount = mul(n, each);
          reason = R.perCaseText(label, show(n), show(each), show(amount), addDir);
        }
        if (stream.multiplied) {
          const m = count(env, stream.multiplied.input);
          if (m instanceof MissingValue) return m;
          const factor = q(stream.multiplied.factor);
          const cases = stream.multiplied.cases ?? 'extra';
          const mlabel = multipliedLabel(rs, stream.multiplied.input, label);
          // Of which: those cases are already counted once above; they weigh × factor instead.
          if (cases === 'of-which' && m.compare(n) > 0)
            throw new RuleProblem(R.multipliedTooMany(mlabel, showText(m), label, showText(n)));
          const weight = cases === 'of-which' ? sub(factor, q(1)) : factor;
          const extra = mul(mul(m, each), weight);
          if (extra.n !== 0n) {
            const part = R.multipliedText(
              cases,
              mlabel,
              show(m),
              show(factor),
              show(mul(each, factor)),
              show(extra),
              addDir,
            );
            reason = withMultiplied(reason, part);
            amount = add(amount, extra);
          }
        }
        if (stream.zeroAt !== undefined && n.compare(stream.zeroAt) >= 0)
          zeroed = R.zeroAtText(label, show(n), stream.zeroAt);
        break;
      }
      case 'state': {
        const def = rs.inputs.get(stream.input) ?? rs.derived.get(stream.input)?.shown;
        const label = streamLabel(rs, item, stream);
        const v = env.ident(stream.input);
        if (v instanceof MissingValue) return v;
        const key =
          typeof v === 'boolean' ? (v ? 'yes' : 'no') : typeof v === 'string' ? v : show(v);
        const found = stream.amounts[key];
        if (found === undefined) continue;
        amount = q(found);
        reason = R.stateText(label, stateMsg(def, v, key), show(amount), addDir);
        break;
      }
      case 'deadline': {
        if (!due) throw new Error('a deadline stream without its due date reached scoring');
        const label = streamLabel(rs, item, stream);
        // A blank date is the declared case `missing`; a date refused (2013-02-30) is no blank:
        // isBlank passes its MissingValue on, and the item is not scored.
        let submitted: number | undefined;
        const blank = isBlank(env, stream.input);
        if (blank instanceof MissingValue) return blank;
        if (blank) {
          if (stream.missing === 'missing-input') return new MissingValue(stream.input);
        } else {
          const v = env.ident(stream.input) as Q;
          submitted = Number(v.s * v.n);
        }
        const outcome = deadlineOutcome(stream, due.day, submitted);
        amount = outcome.amount;
        reason = R.deadlineText(label, due, stream, outcome, submitted, show, addDir);
        break;
      }
      case 'per-record': {
        if (!records)
          throw new Error('a per-record stream without its compiled form reached scoring');
        const outcome = perRecordOutcome(
          records,
          env,
          streamLabel(rs, item, stream),
          addDir,
          reasons,
        );
        if (outcome instanceof MissingValue) return outcome;
        amount = outcome.amount;
        reason = outcome.reason;
        if (outcome.zeroed) zeroed ??= outcome.zeroed;
        break;
      }
      case 'expr': {
        const v = amountExpr?.evaluate(env);
        if (v instanceof MissingValue) return v;
        if (typeof v !== 'object')
          throw new RuleProblem({
            zh: '扣分公式的结果应为数值',
            en: 'a deduction formula must give a number',
          });
        amount = v;
        const label = streamLabel(rs, item, stream);
        reason = R.exprStreamText(label, show(round(amount, rs.scoreRounding)), addDir);
        break;
      }
    }
    if (cap && amount.compare(cap) > 0) {
      amount = qmin(amount, cap);
      reason = cappedStream(reason, show(cap));
    }
    if (amount.n === 0n) continue;
    const signed = addDir ? amount : amount.neg();
    total = add(total, signed);
    adjustments.push({ amount: show(round(signed, rs.scoreRounding)), reason, inputs: {} });
  }
  return { total: sub(total, ZERO), adjustments, zeroed };
}
