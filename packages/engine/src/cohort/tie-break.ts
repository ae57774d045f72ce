// Sort keys of a scored unit: its total, then the rule set's tie-breaks
// ("section:一", "indicator:二.1", "input:policy_rate", each optionally ":asc").
import { q, tryQ, type Q } from '../exact/exact.ts';
import type { IndicatorResult, Issue, UnitInput, UnitResult } from '../model/result.ts';
import type { InputDef } from '../schema/ruleset.ts';
import { decodeValue } from '../score/env.ts';
import { error } from '../validate/issues.ts';

export interface TieBreak {
  kind: 'section' | 'indicator' | 'input';
  ref: string;
  /** desc: larger is better (default); asc: smaller is better (a birth rate, a petition count). */
  order: 'asc' | 'desc';
}

/** Reads the tie-break entries; a malformed one is an issue at ranking.tieBreak[i]. */
export function parseTieBreaks(entries: readonly string[]): {
  tieBreaks: TieBreak[];
  issues: Issue[];
} {
  const tieBreaks: TieBreak[] = [];
  const issues: Issue[] = [];
  entries.forEach((entry, i) => {
    const m = /^(section|indicator|input):(.+?)(?::(asc|desc))?$/.exec(entry.trim());
    if (!m) {
      issues.push(
        error('bad-tie-break', `ranking.tieBreak[${i}]`, {
          zh: `并列排序依据「${entry}」格式不正确,应为 section:一、indicator:二.1 或 input:编号`,
          en: `tie-break "${entry}" is malformed: expected section:一, indicator:二.1 or input:id`,
        }),
      );
      return;
    }
    tieBreaks.push({
      kind: m[1] as TieBreak['kind'],
      ref: m[2] as string,
      order: (m[3] as 'asc' | 'desc' | undefined) ?? 'desc',
    });
  });
  return { tieBreaks, issues };
}

export function findIndicator(
  items: readonly IndicatorResult[],
  path: string,
): IndicatorResult | undefined {
  for (const item of items) {
    if (item.path === path) return item;
    const inner = item.children ? findIndicator(item.children, path) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

/** The indicator at `path` in a result (sections, then bonus), found without a list of all. */
function findInResult(result: UnitResult, path: string): IndicatorResult | undefined {
  for (const s of result.sections) {
    const found = findIndicator(s.items, path);
    if (found) return found;
  }
  return findIndicator(result.bonus.items, path);
}

/** Every indicator of a result (sections then bonus), parents before their children. */
export function allIndicators(result: {
  sections: readonly { items: readonly IndicatorResult[] }[];
  bonus: { items: readonly IndicatorResult[] };
}): IndicatorResult[] {
  const out: IndicatorResult[] = [];
  const walk = (items: readonly IndicatorResult[]): void => {
    for (const item of items) {
      out.push(item);
      if (item.children) walk(item.children);
    }
  };
  for (const s of result.sections) walk(s.items);
  walk(result.bonus.items);
  return out;
}

function rawNumber(raw: UnitInput['values'][string] | undefined): Q | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? q(raw) : null;
  if (typeof raw === 'string') return tryQ(raw) ?? null;
  return null;
}

/**
 * What a tie-break on an input reads: the figure as scoring reads it. A blank is what the rule
 * set says a blank means (`blankMeans: 0`: no cases, which ranks ahead of one case when fewer is
 * better); a figure outside the declared range, text or a blank without a meaning is no value and
 * sorts last. An input the rule set does not declare (an error reported with the tie-breaks) is
 * read as typed.
 */
export function tieInputValue(
  def: InputDef | undefined,
  raw: UnitInput['values'][string] | undefined,
): Q | null {
  if (!def) return rawNumber(raw);
  const { value } = decodeValue(def, raw);
  // A figure is a rational; yes/no, choices and text are no value for ordering.
  return typeof value === 'object' ? value : null;
}

/** The key of one tie-break for one unit, oriented so that larger is better; null if absent. */
export function tieBreakKey(
  tb: TieBreak,
  result: UnitResult,
  unit: UnitInput | undefined,
  inputs?: ReadonlyMap<string, InputDef>,
): Q | null {
  let value: Q | null = null;
  if (tb.kind === 'section') {
    const s = result.sections.find((x) => x.code === tb.ref);
    value = s?.score != null ? q(s.score) : null;
  } else if (tb.kind === 'indicator') {
    const item = findInResult(result, tb.ref);
    value = item?.score != null ? q(item.score) : null;
  } else {
    value = tieInputValue(inputs?.get(tb.ref), unit?.values[tb.ref]);
  }
  return value === null ? null : tb.order === 'asc' ? value.neg() : value;
}

/** A tie-break naming a section, indicator or input the rule set does not have is an error. */
export function checkTieBreaks(
  tieBreaks: readonly TieBreak[],
  sample: UnitResult | undefined,
  inputIds: ReadonlySet<string> | undefined,
): Issue[] {
  const issues: Issue[] = [];
  tieBreaks.forEach((tb, i) => {
    const known =
      tb.kind === 'section'
        ? sample === undefined || sample.sections.some((s) => s.code === tb.ref)
        : tb.kind === 'indicator'
          ? sample === undefined || allIndicators(sample).some((x) => x.path === tb.ref)
          : inputIds === undefined || inputIds.has(tb.ref);
    if (!known) {
      const what = {
        section: ['部分', 'section'],
        indicator: ['指标', 'indicator'],
        input: ['输入项', 'input'],
      }[tb.kind];
      issues.push(
        error('unknown-tie-break', `ranking.tieBreak[${i}]`, {
          zh: `并列排序依据中的${what[0]}「${tb.ref}」不存在`,
          en: `tie-break names ${what[1]} "${tb.ref}", which does not exist`,
        }),
      );
    }
  });
  return issues;
}
