// A workbook scored by rules that are not a trusted edition says so where everyone sees it: the
// scoring sheet's title (A1, printed on every copy) gets the note after it, once. The note says
// what failed: the rules themselves (unsigned, altered, an untrusted key, …), or only the unit's
// prefilled figures (the rules were verified), or the rules sheet was unhidden.
import type { Msg } from '@kaohe/engine';
import type { RangeWrite, SheetGrid, SheetMap } from '../types.ts';

/** What failed verification (scoringGate's `failed`). */
export type DraftFailure = 'edition' | 'prefill' | 'meta';

const MARKS: Record<DraftFailure, Msg> = {
  edition: { zh: '草稿:按未经验证的规则计分', en: 'draft: scored by unverified rules' },
  prefill: {
    zh: '草稿:预填指标未通过核验',
    en: 'draft: the prefilled figures failed verification',
  },
  meta: {
    zh: '草稿:规则数据表被取消隐藏,未经核验',
    en: 'draft: the rules sheet was unhidden, not verified',
  },
};

/** The mark's words for what failed (said on screen too: `kaohe score` names the mark it made). */
export const draftMarkWords = (failed: DraftFailure): Msg => MARKS[failed];

const bracketed = (m: Msg): string => `【${m.zh},非正式考核结果 / ${m.en}】`;

/** Every mark the title can carry, each as written into A1 (before the reason). */
export const DRAFT_MARKS: readonly string[] = Object.values(MARKS).map(bracketed);

/** The write that marks the scoring sheet's title (undefined when it is marked already). */
export function draftMark(
  grids: readonly SheetGrid[],
  map: SheetMap,
  gate: { failed: DraftFailure; why: Msg },
): RangeWrite | undefined {
  const sheet = grids.find((g) => g.name === map.scoring.sheet);
  const title = sheet?.values[0]?.[0];
  const text = title === null || title === undefined ? '' : String(title);
  if (DRAFT_MARKS.some((m) => text.includes(m))) return undefined;
  return {
    sheet: map.scoring.sheet,
    address: 'A1',
    values: [[`${text}${text ? ' ' : ''}${bracketed(MARKS[gate.failed])}(${gate.why.zh})`]],
  };
}
