// Weighted composites of parts, lines and periods: association work 20 % of the population
// score; party–government line 6 : family planning line 4; routine 40 % / year-end 60 %;
// quarters 4:3:3; 0.30 × the mean of 12 monthly scores. Each part is scaled from its own
// maximum; everything is exact and only the final value is rounded as declared.
import { HUNDRED, ONE, q, round, sum, ZERO, type Q } from '../exact/exact.ts';
import { exactText } from '../cohort/exact-text.ts';
import { show } from '../messages/format.ts';
import { msgOf } from '../messages/text.ts';
import type { Issue, Msg, Result } from '../model/result.ts';
import type { DecimalLiteral, Rounding, Text } from '../schema/common.ts';
import { error } from '../validate/issues.ts';

type Num = DecimalLiteral | Q;

export interface Part {
  id: string;
  label: Text;
  /** As written: 0.4 (fraction), 40 (percent) or 4 (ratio, as in 4:3:3). */
  weight: Num;
  /** The part's score; null (blank) is an error, never 0. */
  score: Num | null;
  /** The part's own maximum: the score is scaled from it. */
  max: Num;
}

export interface CombineOptions {
  /** How the weights are written: fraction (add up to 1), percent (to 100), ratio (any). */
  weights?: 'fraction' | 'percent' | 'ratio';
  /** Maximum of the composite; default: the parts' common maximum. */
  outOf?: Num;
  /** Weights that do not add up (0.30 × a mean, the rest elsewhere) are accepted with a reason. */
  weightsMismatch?: Text;
}

export interface CombinedPart {
  id: string;
  label: Msg;
  /** The weight as a share of 1, exact text ("0.4", "1/12"). */
  weight: string;
  /** The weight as the explanation words it ("40%", "1/12"). */
  weightShown: string;
  score: string;
  max: string;
  /** weight × score ÷ max × outOf, exact text. */
  contribution: string;
  /** The contribution rounded as the composite is, for display: the composite is the rounded sum
   *  of the exact contributions, so the shown ones may not add up to it in the last place. */
  contributionShown: string;
}

export interface Combined {
  /** Rounded as declared. */
  value: string;
  /** Before rounding, exact text. */
  exact: string;
  outOf: string;
  parts: CombinedPart[];
  explanation: Msg;
}

const toQ = (v: Num): Q => (typeof v === 'object' ? v : q(v));

function readParts(parts: readonly Part[], issues: Issue[]): { w: Q; s: Q; m: Q; label: Msg }[] {
  const seen = new Set<string>();
  return parts.flatMap((p, i) => {
    const label = msgOf(p.label);
    const at = (field: string): string => `parts[${i}].${field}`;
    if (seen.has(p.id))
      issues.push(
        error('duplicate-part', at('id'), {
          zh: `组成部分「${p.id}」重复`,
          en: `part "${p.id}" appears twice`,
        }),
      );
    seen.add(p.id);
    if (p.score === null) {
      issues.push(
        error('missing-part-score', at('score'), {
          zh: `「${label.zh}」缺少得分(空白不会按0处理)`,
          en: `"${label.en}": score is blank (a blank is never taken as 0)`,
        }),
      );
      return [];
    }
    const w = toQ(p.weight);
    const s = toQ(p.score);
    const m = toQ(p.max);
    if (w.compare(ZERO) <= 0)
      issues.push(
        error('bad-weight', at('weight'), {
          zh: `「${label.zh}」的权重须大于0`,
          en: `"${label.en}": weight must be above 0`,
        }),
      );
    if (m.compare(ZERO) <= 0)
      issues.push(
        error('bad-max', at('max'), {
          zh: `「${label.zh}」的满分须大于0`,
          en: `"${label.en}": maximum must be above 0`,
        }),
      );
    if (s.compare(m) > 0)
      issues.push(
        error('score-above-max', at('score'), {
          zh: `「${label.zh}」得分 ${show(s)} 高于满分 ${show(m)}`,
          en: `"${label.en}": score ${show(s)} is above its maximum ${show(m)}`,
        }),
      );
    return [{ w, s, m, label }];
  });
}

function weightText(w: Q): string {
  const pct = w.mul(HUNDRED);
  const text = exactText(pct);
  return text.includes('/') ? exactText(w) : `${text}%`;
}

export function combineParts(
  parts: readonly Part[],
  rounding: Rounding,
  options: CombineOptions = {},
): Result<Combined> {
  const issues: Issue[] = [];
  if (parts.length === 0) {
    return {
      ok: false,
      issues: [
        error('no-parts', 'parts', {
          zh: '没有可合成的组成部分',
          en: 'there are no parts to combine',
        }),
      ],
    };
  }
  const read = readParts(parts, issues);
  const style = options.weights ?? 'fraction';
  const declared = sum(read.map((r) => r.w));
  const expected = style === 'percent' ? HUNDRED : ONE;
  if (
    style !== 'ratio' &&
    !declared.equals(expected) &&
    options.weightsMismatch === undefined &&
    read.length === parts.length
  ) {
    issues.push(
      error('weights-do-not-add-up', 'parts', {
        zh: `权重合计为 ${show(declared)}${style === 'percent' ? '%' : ''},应为 ${style === 'percent' ? '100%' : '1'}`,
        en: `weights add up to ${show(declared)}${style === 'percent' ? '%' : ''}, not ${style === 'percent' ? '100%' : '1'}`,
      }),
    );
  }
  const maxes = [...new Set(read.map((r) => exactText(r.m)))];
  const outOf =
    options.outOf !== undefined ? toQ(options.outOf) : maxes.length === 1 ? read[0]?.m : undefined;
  if (outOf === undefined) {
    issues.push(
      error('no-out-of', 'outOf', {
        zh: '各部分满分不同,须声明合成后的满分',
        en: 'the parts have different maxima: declare the maximum of the composite',
      }),
    );
  }
  if (issues.length > 0 || outOf === undefined) return { ok: false, issues };

  const scale =
    style === 'ratio' ? ONE.div(declared) : style === 'percent' ? ONE.div(HUNDRED) : ONE;
  const combined = read.map((r, i) => {
    const w = r.w.mul(scale);
    return { part: parts[i] as Part, r, w, contribution: w.mul(r.s).div(r.m).mul(outOf) };
  });
  const exact = sum(combined.map((c) => c.contribution));
  const value = round(exact, rounding);
  const scaled = !combined.every((c) => c.r.m.equals(outOf));
  const terms = combined.map((c) => ({
    zh: `${c.r.label.zh} ${show(c.r.s)}${scaled ? `/${show(c.r.m)}` : ''} × ${weightText(c.w)}`,
    en: `${c.r.label.en} ${show(c.r.s)}${scaled ? `/${show(c.r.m)}` : ''} × ${weightText(c.w)}`,
  }));
  const tail = scaled ? ` × ${show(outOf)}` : '';
  const note = options.weightsMismatch ? msgOf(options.weightsMismatch) : undefined;
  const explanation: Msg = {
    zh: `${scaled ? '(' : ''}${terms.map((t) => t.zh).join(' + ')}${scaled ? ')' : ''}${tail} = ${exactText(value)}分(满分${show(outOf)})${note ? `;${note.zh}` : ''}`,
    en: `${scaled ? '(' : ''}${terms.map((t) => t.en).join(' + ')}${scaled ? ')' : ''}${tail} = ${exactText(value)} of ${show(outOf)}${note ? `; ${note.en}` : ''}`,
  };
  return {
    ok: true,
    warnings: [],
    value: {
      value: exactText(value),
      exact: exactText(exact),
      outOf: exactText(outOf),
      parts: combined.map((c) => ({
        id: c.part.id,
        label: c.r.label,
        weight: exactText(c.w),
        weightShown: weightText(c.w),
        score: exactText(c.r.s),
        max: exactText(c.r.m),
        contribution: exactText(c.contribution),
        contributionShown: exactText(round(c.contribution, rounding)),
      })),
      explanation,
    },
  };
}
