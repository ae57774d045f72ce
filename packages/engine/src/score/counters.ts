// Counters across periods (3 consecutive or 5 cumulative failures → interview). Worked out once
// the items and the total are known, before the sanctions that read them: this period counts
// when the counter's `when` holds; the unit brings the counts of the periods before.
import { MissingValue } from '../expr/types.ts';
import type { CounterResult, Issue, PeriodCounts } from '../model/result.ts';
import type { CompiledRuleSet } from './compile.ts';
import type { UnitEnv } from './env.ts';
import { asProblem } from './as-problem.ts';
import * as R from './reasons.ts';

const isCount = (n: unknown): n is number =>
  typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** This period's counters of the unit in `env` (its total set); problems go to env.issues. */
export function countPeriods(rs: CompiledRuleSet, env: UnitEnv): Map<string, CounterResult> {
  const out = new Map<string, CounterResult>();
  for (const c of rs.counters) {
    const id = c.counter.id;
    const before = carried(env.unit.counters?.[id], id, c.label, env.issues);
    let counts: boolean | null = null;
    try {
      const v = c.when.evaluate(env);
      if (typeof v === 'boolean') {
        counts = v;
      } else if (v instanceof MissingValue) {
        // Not decided either way (a missing input): the earlier counts carry over.
        env.issues.push({
          ...issue('counter-undecided', id, 'warning', undecidedWhy(rs, env, c.label, v.inputId)),
          inputId: v.inputId,
        });
      } else {
        env.issues.push(
          issue('counter-not-boolean', id, 'error', {
            zh: `计数器「${c.label.zh}」的条件应为“是”或“否”`,
            en: `counter "${c.label.en}": its condition did not give true or false`,
          }),
        );
      }
    } catch (e) {
      // Not decided either way (a problem): the earlier counts carry over.
      const problem = asProblem(e);
      if (!problem) throw e;
      env.issues.push(issue('cannot-compute', id, 'error', R.evalProblem(problem)));
    }
    const next = counts === null ? before : withPeriod(before, counts);
    out.set(id, {
      id,
      label: c.label,
      counts,
      consecutive: next.consecutive,
      cumulative: next.cumulative,
    });
  }
  return out;
}

/** Why this period's count is undecided: a figure missing, or the ranking or the grade it reads
 *  not known (a unit scored alone; a cohort with a unit incomplete; its grade pending). */
function undecidedWhy(
  rs: CompiledRuleSet,
  env: UnitEnv,
  label: CounterResult['label'],
  missingId: string,
): Issue['message'] {
  const carry = {
    zh: '本期是否计入无法确定,沿用上期计数',
    en: 'whether this period counts is undecided; the earlier counts carry over',
  };
  const standing = missingId === 'rank' || missingId === 'grade';
  if (standing && !env.standing)
    return {
      zh: `计数器「${label.zh}」按排名或等次计数,待全部单位排名、评定等次后由考核单位判定;单独计分时${carry.zh}`,
      en: `counter "${label.en}" reads the ranking or the grade: decided once every unit is ranked and graded; scored alone, ${carry.en}`,
    };
  if (standing)
    return missingId === 'grade' && !env.standing?.provisional
      ? {
          zh: `计数器「${label.zh}」:等次待定,${carry.zh}`,
          en: `counter "${label.en}": the grade is pending, so ${carry.en}`,
        }
      : {
          zh: `计数器「${label.zh}」:有单位数据不完整,排名和等次尚未确定,${carry.zh}`,
          en: `counter "${label.en}": units are incomplete, so the ranking and the grades are provisional; ${carry.en}`,
        };
  const missing =
    missingId === 'class'
      ? { zh: '单位类别', en: 'the unit’s class' }
      : missingId === 'total'
        ? { zh: '完整的总分', en: 'a complete total' }
        : R.inputLabel(rs.inputs, missingId);
  return {
    zh: `计数器「${label.zh}」:缺少「${missing.zh}」,${carry.zh}`,
    en: `counter "${label.en}": "${missing.en}" is missing, so ${carry.en}`,
  };
}

/** The counts with this period added: one more in a row and in all when it counts, the run
 *  ended when it does not. (A period undecided carries the counts over unchanged.) */
export function withPeriod(before: PeriodCounts, counts: boolean): PeriodCounts {
  return counts
    ? { consecutive: before.consecutive + 1, cumulative: before.cumulative + 1 }
    : { consecutive: 0, cumulative: before.cumulative };
}

export const NO_COUNTS: PeriodCounts = Object.freeze({ consecutive: 0, cumulative: 0 });

/** The counts a unit brought, as they count (none brought: 0 and 0); undefined when they cannot
 *  be counts (not whole numbers ≥ 0, or more in a row than in all). The cohort fast path reads
 *  them through this too. */
export function carriedCounts(raw: PeriodCounts | undefined): PeriodCounts | undefined {
  if (raw === undefined) return NO_COUNTS;
  // (A caller beyond the type system may bring null, or a value that is no object.)
  if (raw === null || typeof raw !== 'object') return undefined;
  return isCount(raw.consecutive) && isCount(raw.cumulative) && raw.consecutive <= raw.cumulative
    ? raw
    : undefined;
}

/** The counts a unit brought; a value that is not a whole number ≥ 0 is an error, read as none. */
function carried(
  raw: PeriodCounts | undefined,
  id: string,
  label: CounterResult['label'],
  issues: Issue[],
): PeriodCounts {
  const counts = carriedCounts(raw);
  if (counts) return counts;
  if (raw === undefined) return NO_COUNTS; // (carriedCounts has it: none brought)
  issues.push(
    issue('bad-counter', id, 'error', {
      zh: `计数器「${label.zh}」的上期计数无效(连续 ${shown(raw, 'consecutive')},累计 ${shown(raw, 'cumulative')}):应为不小于0的整数,且连续不多于累计;按0计`,
      en: `counter "${label.en}": the earlier counts are invalid (consecutive ${shown(raw, 'consecutive')}, cumulative ${shown(raw, 'cumulative')}): whole numbers ≥ 0, consecutive no more than cumulative; taken as 0`,
    }),
  );
  return NO_COUNTS;
}

/** One of the counts brought, as the message shows it (a value that is no object: itself). */
const shown = (raw: unknown, key: 'consecutive' | 'cumulative'): string =>
  raw !== null && typeof raw === 'object'
    ? String((raw as Record<string, unknown>)[key])
    : String(raw);

function issue(
  code: string,
  id: string,
  severity: Issue['severity'],
  message: Issue['message'],
): Issue {
  return { code, path: `counters.${id}`, severity, message };
}

/** The counts a unit brings to the next period: `UnitInput.counters` from this period's result. */
export function carryCounters(result: {
  counters: readonly CounterResult[];
}): Record<string, PeriodCounts> {
  return Object.fromEntries(
    result.counters.map((c) => [c.id, { consecutive: c.consecutive, cumulative: c.cumulative }]),
  );
}
