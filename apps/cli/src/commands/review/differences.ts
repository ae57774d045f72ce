// Reported scores (what the sheet says) against recomputed ones (the reviewer's rules): every
// row the codec owns — items, sections, bonus, sanctions, total — compared exactly.
import { exact, q, type IndicatorResult, type UnitResult } from '@kaohe/engine';
import type { Reported, Stage } from '@kaohe/sheet';

export interface Difference {
  /** Row key in the sheet: "二.1", "一", "加分", "否决.veto_sex_ratio", "合计". */
  key: string;
  stage: Stage;
  reported: string;
  /** Recomputed value; null when it could not be computed (missing input). */
  recomputed: string | null;
}

const STAGES_LATEST_FIRST: readonly Stage[] = ['final', 'review', 'self'];

/** The last stage anyone filled: final review, else review, else self-assessment. */
export function latestStage(reported: Reported): Stage | undefined {
  return STAGES_LATEST_FIRST.find((s) => Object.values(reported[s]).some((v) => v !== null));
}

function flatten(items: readonly IndicatorResult[], into: Map<string, string | null>): void {
  for (const item of items) {
    into.set(item.path, item.score);
    if (item.children) flatten(item.children, into);
  }
}

/** Recomputed value of each row key, as the sheet would show it. */
export function recomputedRows(result: UnitResult): Map<string, string | null> {
  const rows = new Map<string, string | null>();
  for (const s of result.sections) {
    rows.set(s.code, s.score);
    flatten(s.items, rows);
  }
  rows.set('加分', result.bonus.score);
  flatten(result.bonus.items, rows);
  for (const s of result.sanctions) rows.set(`否决.${s.id}`, '是');
  rows.set('合计', result.total);
  return rows;
}

function same(reported: string, recomputed: string | null): boolean {
  if (recomputed === null) return false;
  const a = exact.tryQ(reported);
  return a !== undefined ? exact.cmp(a, q(recomputed)) === 0 : reported === recomputed;
}

/** Rows whose reported value differs from the recomputed one, at the latest filled stage. */
export function findDifferences(reported: Reported, result: UnitResult): Difference[] {
  const stage = latestStage(reported);
  if (!stage) return [];
  const rows = recomputedRows(result);
  const out: Difference[] = [];
  for (const [key, value] of Object.entries(reported[stage])) {
    if (value === null || value === '待定') continue;
    // Sanction rows hold 是/否; a sanction that did not apply is absent from the result.
    const recomputed = key.startsWith('否决.') ? (rows.get(key) ?? '否') : rows.get(key);
    if (recomputed === undefined) continue;
    if (!same(value, recomputed)) out.push({ key, stage, reported: value, recomputed });
  }
  return out;
}
