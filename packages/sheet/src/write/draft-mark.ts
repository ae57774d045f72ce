// A workbook scored by rules that are not a trusted edition says so where everyone sees it: the
// scoring sheet's title (A1, printed on every copy) gets the note after it, once.
import type { Msg } from '@kaohe/engine';
import type { RangeWrite, SheetGrid, SheetMap } from '../types.ts';

/** The note the title gets, as a prefix of the reason. */
export const DRAFT_MARK =
  '【草稿:按未经验证的规则计分,非正式考核结果 / draft: scored by unverified rules】';

/** The write that marks the scoring sheet's title (undefined when it is marked already). */
export function draftMark(
  grids: readonly SheetGrid[],
  map: SheetMap,
  why: Msg,
): RangeWrite | undefined {
  const sheet = grids.find((g) => g.name === map.scoring.sheet);
  const title = sheet?.values[0]?.[0];
  const text = title === null || title === undefined ? '' : String(title);
  if (text.includes(DRAFT_MARK)) return undefined;
  return {
    sheet: map.scoring.sheet,
    address: 'A1',
    values: [[`${text}${text ? ' ' : ''}${DRAFT_MARK}(${why.zh})`]],
  };
}
