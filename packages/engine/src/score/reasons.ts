// The scoring message catalogue: every reason an official reads, zh-CN first, English second.
import type { Issue, Msg } from '../model/result.ts';
import type { Comparison } from '../schema/rules.ts';
import type { InputDef } from '../schema/ruleset.ts';
import { msgOf } from '../messages/text.ts';
import { isoOfDay, type DateProblem } from '../exact/calendar.ts';
import { q, type Q } from '../exact/exact.ts';
import type { DeadlineOutcome } from './deadline.ts';

type Shown = { zh: string; en: string };

const OP_ZH: Record<Comparison, string> = {
  '>=': '不低于',
  '>': '高于',
  '<=': '不高于',
  '<': '低于',
  '=': '等于',
};
const OP_EN: Record<Comparison, string> = {
  '>=': 'at least',
  '>': 'above',
  '<=': 'at most',
  '<': 'below',
  '=': 'exactly',
};

/** An input as an official knows it: its label (its id only when the rules declare no such input). */
export function inputLabel(inputs: ReadonlyMap<string, InputDef>, id: string): Msg {
  return msgOf(inputs.get(id)?.label ?? id);
}

export function badValue(
  def: InputDef,
  raw: string,
  outOfRange = false,
  date?: DateProblem,
): Issue {
  const label = msgOf(def.label);
  if (date) {
    const why: Msg =
      date === 'no-year'
        ? { zh: '缺少年份', en: 'has no year' }
        : date === 'not-a-calendar-date'
          ? { zh: '不是日历上的日期', en: 'is not a real calendar date' }
          : { zh: '不是日期', en: 'is not a date' };
    return {
      code: 'bad-value',
      path: def.id,
      inputId: def.id,
      severity: 'error',
      message: {
        zh: `「${label.zh}」的值「${raw}」${why.zh}(应如 2013-03-31 或 2013年3月31日),无法判断,用到它的项目不计分`,
        en: `"${label.en}": "${raw}" ${why.en} (write e.g. 2013-03-31); it cannot be judged and what reads it is not scored`,
      },
    };
  }
  if (outOfRange) {
    const range = `${def.min ?? '…'}–${def.max ?? '…'}`;
    return {
      code: 'out-of-range',
      path: def.id,
      inputId: def.id,
      severity: 'error',
      message: {
        zh: `「${label.zh}」的值 ${raw} 超出允许范围 ${range},按未填报处理`,
        en: `"${label.en}": ${raw} is outside the allowed range ${range} and is treated as not reported`,
      },
    };
  }
  return {
    code: 'bad-value',
    path: def.id,
    inputId: def.id,
    severity: 'error',
    message: {
      zh: `「${label.zh}」的值「${raw}」无法识别,按未填报处理`,
      en: `"${label.en}": value "${raw}" is not understood and is treated as not reported`,
    },
  };
}

/** Comparisons of dates in words: 不晚于 / not after, 早于 / before. */
const DATE_OP_ZH: Record<Comparison, string> = {
  '>=': '不早于',
  '>': '晚于',
  '<=': '不晚于',
  '<': '早于',
  '=': '为',
};
const DATE_OP_EN: Record<Comparison, string> = {
  '>=': 'not before',
  '>': 'after',
  '<=': 'not after',
  '<': 'before',
  '=': 'on',
};

export function thresholdMet(
  label: Msg,
  value: Shown,
  op: Comparison,
  target: Shown,
  dates = false,
): Msg {
  // The requirement's words inline (不低于0.92 / at least 0.92): one string each, no parts.
  const opZh = (dates ? DATE_OP_ZH : OP_ZH)[op];
  const opEn = (dates ? DATE_OP_EN : OP_EN)[op];
  return {
    zh: `${label.zh} ${value.zh},达到${opZh}${target.zh}的要求`,
    en: `${label.en} ${value.en} meets "${opEn} ${target.en}"`,
  };
}

type SlopeDirection = 'below' | 'above' | 'over' | 'outside' | 'short';

/** What a relative gap (`gap: relative`) is a share of, by direction. */
const RELATIVE_TO: Record<
  SlopeDirection,
  { zh: string; en: string; dirZh: string; dirEn: string }
> = {
  below: { zh: '目标值', en: 'the target', dirZh: '低于', dirEn: 'below' },
  above: { zh: '目标值', en: 'the target', dirZh: '高于', dirEn: 'above' },
  over: { zh: '目标值', en: 'the target', dirZh: '高于', dirEn: 'above' },
  outside: { zh: '区间边界值', en: "the band's edge", dirZh: '偏离', dirEn: 'outside' },
  short: { zh: '要求降幅', en: 'the required reduction', dirZh: '少于', dirEn: 'short of' },
};

const STEP_ZH: Record<SlopeDirection, string> = {
  below: '每低',
  above: '每高',
  over: '每高',
  outside: '每超出',
  short: '每少降',
};
const STEP_EN: Record<SlopeDirection, string> = {
  below: 'below',
  above: 'above',
  over: 'above the ceiling',
  outside: 'outside the band',
  short: 'short of the required reduction',
};
/** The same on a date: steps are days earlier or later (每晚1天). */
const DATE_STEP_ZH: Record<SlopeDirection, string> = {
  below: '每早',
  above: '每晚',
  over: '每晚',
  outside: '每差',
  short: '每少降',
};
const DATE_STEP_EN: Record<SlopeDirection, string> = {
  below: 'earlier',
  above: 'later',
  over: 'later than the deadline',
  outside: 'off the date',
  short: 'short of the required reduction',
};

/**
 * 「每低1个百分点扣0.5分,扣0.5分」. `over`: a deduction for each step above a ceiling; `above`: a
 * credit for each step beyond a floor. With `relativeGap` (the gap in % of the target) the step is
 * a share of the target: 「每低于目标值的1%扣0.5分(不足部分按比例),低于目标值3%,扣1.5分」.
 */
export function slopeText(
  direction: SlopeDirection,
  step: Shown,
  points: string,
  amount: string,
  proRata: boolean,
  relativeGap?: { per: string; gap: string },
  /** The value is a date: steps are days earlier or later (每晚1天). */
  dates = false,
): Msg {
  const verbZh = direction === 'above' ? '加' : '扣';
  const verbEn = direction === 'above' ? 'add' : 'deduct';
  if (relativeGap) {
    const r = RELATIVE_TO[direction];
    const { per, gap } = relativeGap;
    return {
      zh: `每${r.dirZh}${r.zh}的${per}%${verbZh}${points}分${proRata ? '(不足部分按比例)' : ''},${r.dirZh}${r.zh}${gap}%,${verbZh}${amount}分`,
      en: `${verbEn} ${points} per ${per}% of ${r.en} ${r.dirEn}${proRata ? ' (pro rata)' : ''}; ${gap}% ${r.dirEn} ${r.en}: ${amount}`,
    };
  }
  const zhDir = (dates ? DATE_STEP_ZH : STEP_ZH)[direction];
  const enDir = (dates ? DATE_STEP_EN : STEP_EN)[direction];
  return {
    zh: `${zhDir}${step.zh}${verbZh}${points}分${proRata ? '(不足部分按比例)' : ''},${verbZh}${amount}分`,
    en: `${verbEn} ${points} per ${step.en} ${enDir}${proRata ? ' (pro rata)' : ''}: ${amount}`,
  };
}

export const allOrNothing: Msg = { zh: '未达到不得分', en: 'not met: no points' };
export const fullMarks = (points: string): Msg => ({
  zh: `得满分${points}分`,
  en: `full marks ${points}`,
});

export function bandText(label: Msg, value: Shown, low: Shown, high: Shown, inside: boolean): Msg {
  return inside
    ? {
        zh: `${label.zh} ${value.zh},在${low.zh}–${high.zh}之间`,
        en: `${label.en} ${value.en} is within ${low.en}–${high.en}`,
      }
    : {
        zh: `${label.zh} ${value.zh},超出${low.zh}–${high.zh}的范围`,
        en: `${label.en} ${value.en} is outside ${low.en}–${high.en}`,
      };
}

export function reductionText(
  label: Msg,
  value: Shown,
  previous: Shown,
  achieved: string,
  required: string,
  met: boolean,
): Msg {
  // A rise is said as one (上升 10%), never as a negative fall (下降-10%).
  const rose = achieved.startsWith('-');
  const change = rose ? achieved.slice(1) : achieved;
  return {
    zh: `${label.zh}由上年${previous.zh}${rose ? '升至' : '降至'}${value.zh},${rose ? '上升' : '下降'}${change}%,要求下降${required}%${met ? ',达到要求' : ',未达到要求'}`,
    en: `${label.en} went from ${previous.en} last year to ${value.en}, ${rose ? 'up' : 'down'} ${change}% against ${required}% required${met ? ': met' : ': not met'}`,
  };
}

export const noReductionTier = (previous: Shown): Msg => ({
  zh: `上年数据 ${previous.zh} 不在任何下降要求区间内,此项不考核`,
  en: `last year's ${previous.en} lies in no required-reduction tier: not assessed`,
});

export const rampText = (
  label: Msg,
  value: Shown,
  full: Shown,
  zero: Shown,
  score: string,
): Msg => ({
  zh: `${label.zh} ${value.zh}(${full.zh}得满分,${zero.zh}不得分,之间按比例),得${score}分`,
  en: `${label.en} ${value.en} (full marks at ${full.en}, none at ${zero.en}, linear between): ${score}`,
});

export const proportionalText = (label: Msg, value: Shown, target: Shown, score: string): Msg => ({
  zh: `${label.zh} ${value.zh},目标${target.zh},按比例得${score}分`,
  en: `${label.en} ${value.en} against a target of ${target.en}: ${score} pro rata`,
});

/**
 * Points in proportion to the leader (the best value of the cohort): value ÷ leader × points, or
 * leader ÷ value × points when lower is better. `formula` is false when the divisor is 0 and the
 * item takes its full points.
 */
export const leaderText = (
  label: Msg,
  value: Shown,
  leader: Shown,
  ratio: { num: string; den: string; points: string } | undefined,
  score: string,
): Msg =>
  ratio
    ? {
        zh: `${label.zh} ${value.zh},第一名 ${leader.zh},按与第一名之比计分:${ratio.num} ÷ ${ratio.den} × ${ratio.points},得${score}分`,
        en: `${label.en} ${value.en}, leader ${leader.en}; in proportion to the leader: ${ratio.num} ÷ ${ratio.den} × ${ratio.points}: ${score}`,
      }
    : {
        zh: `${label.zh} ${value.zh},第一名 ${leader.zh},比值无法计算(除数为0),得满分${score}分`,
        en: `${label.en} ${value.en}, leader ${leader.en}; no ratio (the divisor is 0): full marks ${score}`,
      };

export const tierText = (label: Msg, value: Shown, tier: Msg | undefined, score: string): Msg => ({
  zh: `${label.zh} ${value.zh}${tier ? `,属于「${tier.zh}」` : ''},得${score}分`,
  en: `${label.en} ${value.en}${tier ? ` ("${tier.en}")` : ''}: ${score}`,
});

export const yesNoText = (label: Msg, yes: boolean, score: string): Msg => ({
  zh: `${label.zh}:${yes ? '是' : '否'},得${score}分`,
  en: `${label.en}: ${yes ? 'yes' : 'no'}, ${score}`,
});

export const rankText = (rank: number, count: number, score: string): Msg => ({
  zh: `在${count}个单位中排名第${rank},得${score}分`,
  en: `ranked ${rank} of ${count}: ${score}`,
});

/** 「按公式「A × 2 + B」计算(A 3人,B 95%),得6.95分」: the formula in words, each operand's value. */
export const exprText = (formula: Msg, operands: readonly Shown[], score: string): Msg => ({
  zh: `按公式「${formula.zh}」计算${operands.length ? `(${operands.map((o) => o.zh).join(',')})` : ''},得${score}分`,
  en: `by formula "${formula.en}"${operands.length ? ` with ${operands.map((o) => o.en).join(', ')}` : ''}: ${score}`,
});

export const perCaseText = (
  label: Msg,
  count: string,
  each: string,
  amount: string,
  add: boolean,
): Msg => ({
  zh: `${label.zh}${count}例,每例${add ? '加' : '扣'}${each}分,${add ? '加' : '扣'}${amount}分`,
  en: `${label.en}: ${count} case(s), ${each} each: ${add ? '+' : '−'}${amount}`,
});

export const scheduleText = (label: Msg, count: string, amount: string, add: boolean): Msg => ({
  zh: `${label.zh}${count}例,按累进标准${add ? '加' : '扣'}${amount}分`,
  en: `${label.en}: ${count} case(s) on the escalating scale: ${add ? '+' : '−'}${amount}`,
});

/**
 * Multiplied cases. `extra`: counted besides the cases above, each at × factor
 * (「另有…2例,每例按2倍扣2分,扣4分」); `of-which`: among the cases above, each weighing × factor
 * in place of once (「其中…2例按2倍计,再扣2分」: the amount is the part on top).
 */
export const multipliedText = (
  cases: 'extra' | 'of-which',
  label: Msg,
  count: string,
  factor: string,
  each: string,
  amount: string,
  add: boolean,
): Msg => {
  const [verb, sign] = add ? ['加', '+'] : ['扣', '−'];
  return cases === 'extra'
    ? {
        zh: `另有${label.zh}${count}例,每例按${factor}倍${verb}${each}分,${verb}${amount}分`,
        en: `besides, ${label.en}: ${count} case(s) at ×${factor}, ${each} each: ${sign}${amount}`,
      }
    : {
        zh: `其中${label.zh}${count}例按${factor}倍计,再${verb}${amount}分`,
        en: `of which ${label.en}: ${count} case(s) count ×${factor}: ${sign}${amount} more`,
      };
};

export const multipliedTooMany = (label: Msg, count: string, of: Msg, total: string): Msg => ({
  zh: `其中「${label.zh}」${count}例多于「${of.zh}」${total}例`,
  en: `of which "${label.en}" (${count}) exceeds "${of.en}" (${total})`,
});

/** A deduction by formula: 「<label>:扣0.35分」, its amount rounded as scores are. */
export const exprStreamText = (label: Msg, amount: string, add: boolean): Msg => ({
  zh: `${label.zh}:${add ? '加' : '扣'}${amount}分`,
  en: `${label.en}: ${add ? '+' : '−'}${amount}`,
});

export const zeroAtText = (label: Msg, count: string, zeroAt: number): Msg => ({
  zh: `${label.zh}${count}例,达到${zeroAt}例,此项不得分`,
  en: `${label.en}: ${count} case(s), reaching ${zeroAt}: the item scores nothing`,
});

/** 「服务站为「建而不用」,扣3分」: the state by its label (是/否 for a yes/no), never its id. */
export const stateText = (label: Msg, state: Msg, amount: string, add: boolean): Msg => ({
  zh: `${label.zh}为「${state.zh}」,${add ? '加' : '扣'}${amount}分`,
  en: `${label.en} is "${state.en}": ${add ? '+' : '−'}${amount}`,
});

/** The item's score stops at its points (a formula gave 5.95 on a 5-point item). */
export const cappedAt = (points: string): Msg => ({
  zh: `超过满分,按${points}分计`,
  en: `capped at ${points}`,
});

/** Deductions beyond the points stop at the floor: 扣完为止 (0), or 最低−2分 with 倒扣分. */
export const flooredAt = (min: string): Msg =>
  min === '0'
    ? { zh: '扣完为止,得0分', en: 'no lower than 0' }
    : { zh: `最低${min}分`, en: `no lower than ${min}` };

/** A score below 0 on an item without a floor (`min: 'none'`): 该项可负分. */
export const noFloor = (score: string): Msg => ({
  zh: `该项可负分,得${score}分`,
  en: `no floor: ${score}`,
});

/** An uncapped bonus item's score (`points: 'uncapped'`): 不设上限. */
export const uncappedAt = (score: string): Msg => ({
  zh: `不设上限,得${score}分`,
  en: `uncapped: ${score}`,
});

export const streamCapped = (cap: string): Msg => ({
  zh: `(最多${cap}分)`,
  en: ` (at most ${cap})`,
});

export const missingInputs = (labels: readonly Msg[]): Msg => ({
  zh: `缺少数据:${labels.map((l) => l.zh).join('、')},无法计分`,
  en: `missing data: ${labels.map((l) => l.en).join(', ')}; cannot be scored`,
});

export const missingEvidence = (labels: readonly Msg[], zero: boolean): Msg => ({
  zh: `缺少佐证材料:${labels.map((l) => l.zh).join('、')}${zero ? ',不得分' : ',待核实'}`,
  en: `missing evidence: ${labels.map((l) => l.en).join(', ')}${zero ? '; no points' : '; to be verified'}`,
});

/** Missing evidence under `evidencePolicy: { keep }`: what is kept, and why. */
export const keptWithoutEvidence = (
  labels: readonly Msg[],
  keep: string,
  score: string,
  of: string,
): Msg => ({
  zh: `但缺少佐证材料(${labels.map((l) => l.zh).join('、')}),按规定最多保留${keep}分,得${score}分(${of})`,
  en: `but no evidence (${labels.map((l) => l.en).join(', ')}): at most ${keep} kept as the rules allow, ${score} (${of})`,
});

/** An item without a rule that starts at 0 (`start: 'zero'`): what it earns, it accrues. */
export const startsAtZero: Msg = { zh: '起始0分,按件累计加分', en: 'starts at 0; credits accrue' };

export const notApplicable: Msg = { zh: '此项不考核', en: 'not assessed for this unit' };
export const cohortNeeded: Msg = {
  zh: '需要全部被考核单位的数据才能计分',
  en: 'needs every assessed unit\u2019s figures to be scored',
};

export const evalProblem = (detail: Msg): Msg => ({
  zh: `无法计算:${detail.zh}`,
  en: `cannot be computed: ${detail.en}`,
});

/** `missing`: the input's label (a person reads it), never its id. */
export const sanctionUndecided = (reason: Msg, missing: Msg): Msg => ({
  zh: `无法判定「${reason.zh}」:缺少“${missing.zh}”`,
  en: `cannot decide "${reason.en}": "${missing.en}" is missing`,
});

/** A deadline stream's reason: reported on time (no adjustment is made), late, or not reported.
 *  报送日期 2013-05-10,晚于截止日期(年报报送截止 2013-03-31),逾期2个月,每月扣0.2分,扣0.4分 */
export function deadlineText(
  label: Msg,
  due: { iso: string; label: Msg | undefined },
  stream: {
    late?: string | number | undefined;
    perMonth?: string | number | undefined;
    maxMonths?: number | undefined;
  },
  outcome: DeadlineOutcome,
  submitted: number | undefined,
  show: (x: Q) => string,
  add: boolean,
): Msg {
  const sign = add ? { zh: '加', en: '+' } : { zh: '扣', en: '−' };
  const amount = show(outcome.amount);
  if (outcome.case === 'missing')
    return {
      zh: `${label.zh}未填报(视为未报送),${sign.zh}${amount}分`,
      en: `${label.en} not reported (taken as not submitted): ${sign.en}${amount}`,
    };
  const when = submitted === undefined ? '' : isoOfDay(submitted);
  const dueText: Msg = due.label
    ? { zh: `${due.label.zh} ${due.iso}`, en: `${due.label.en}, ${due.iso}` }
    : { zh: due.iso, en: due.iso };
  if (outcome.case === 'on-time')
    return {
      zh: `${label.zh} ${when},未晚于截止日期(${dueText.zh})`,
      en: `${label.en} ${when}, by the deadline (${dueText.en})`,
    };
  const parts: Msg[] = [];
  if (stream.late !== undefined)
    parts.push({
      zh: `逾期${sign.zh}${show(q(stream.late))}分`,
      en: `late ${sign.en}${show(q(stream.late))}`,
    });
  if (stream.perMonth !== undefined) {
    const capped =
      outcome.counted < outcome.months
        ? { zh: `,最多计${outcome.counted}个月`, en: `, at most ${outcome.counted} counted` }
        : { zh: '', en: '' };
    parts.push({
      zh: `从次月起每月${sign.zh}${show(q(stream.perMonth))}分${capped.zh}`,
      en: `${sign.en}${show(q(stream.perMonth))} a month from the next month${capped.en}`,
    });
  }
  return {
    zh: `${label.zh} ${when},晚于截止日期(${dueText.zh}),逾期${outcome.months}个月,${parts.map((p) => p.zh).join(',')},共${sign.zh}${amount}分`,
    en: `${label.en} ${when}, after the deadline (${dueText.en}), ${outcome.months} month(s) late; ${parts.map((p) => p.en).join('; ')}: ${sign.en}${amount} in all`,
  };
}
