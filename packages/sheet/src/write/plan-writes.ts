// A unit's result → the few range writes that put scores, reasons and totals into the sheet:
// one column range for the stage's scores, one for the reasons. Only rows the codec owns get
// a value; every other cell in a range is null, which leaves it unchanged (Office.js and the
// xlsx adapter agree on that). Input cells are never in a range.
import { type RuleSet, type UnitInput, type UnitResult } from '@kaohe/engine';
import { allIndicators } from '@kaohe/engine/internal';
import { FILLS, hintFill } from '../formats.ts';
import { NO, UNDECIDED, UNSCORED, YES } from '../labels.ts';
import { scoreCellKind } from '../template/scoring-sheet.ts';
import type { Stage } from '../read/read-scoring.ts';
import type { CellValue, RangeWrite, SheetMap } from '../types.ts';
import { columnWrite } from './column.ts';
import {
  resultProblems,
  unscoredBySection,
  unscoredLeaves,
  type UnscoredItem,
} from './result-problems.ts';

export interface WriteOptions {
  /** Reasons in zh-CN only (default) or zh-CN then English on a second line. */
  reasons?: 'zh' | 'zh-en';
  /** The rules and figures scored (from `readSheet`): an item not scored because a figure was
   *  refused (out of its declared range) then says so with the figure's cell, not 缺少数据. */
  read?: { ruleSet: RuleSet; unit: UnitInput };
}

/** 「一.2、二.1」, then 「等N项」 past `shown`. */
const pathList = (items: readonly UnscoredItem[], shown = 8): { zh: string; en: string } => {
  const paths = items.slice(0, shown).map((i) => i.path);
  const more = items.length - paths.length;
  return {
    zh: `${paths.join('、')}${more > 0 ? `等` : ''}`,
    en: `${paths.join(', ')}${more > 0 ? ', …' : ''}`,
  };
};

/** The 合计 row's note for an incomplete result: 「不完整:…,总分仅供参考」. A section whose items
 *  are pending is named as a part (第九部分考核项目待定), never counted among the items. */
export function incompleteNote(unscored: readonly UnscoredItem[]): { zh: string; en: string } {
  const sections = unscored.filter((u) => u.pendingSection);
  const items = unscored.filter((u) => !u.pendingSection);
  if (items.length === 0 && sections.length === 0)
    return {
      zh: '不完整:有否决条件因缺数据无法判定,总分仅供参考',
      en: 'incomplete: a sanction cannot be decided for missing data; the total is provisional',
    };
  const parts = {
    zh: sections.length ? `第${sections.map((s) => s.path).join('、')}部分考核项目待定` : '',
    en: sections.length ? `section ${sections.map((s) => s.path).join(', ')} pending` : '',
  };
  const list = pathList(items);
  const some = {
    zh: items.length ? `有 ${items.length} 项未能计分(${list.zh})` : '',
    en: items.length ? `${items.length} item(s) not scored (${list.en})` : '',
  };
  const join = (a: string, b: string, sep: string) => [a, b].filter(Boolean).join(sep);
  return {
    zh: `不完整:${join(parts.zh, some.zh, ';')},总分仅供参考`,
    en: `incomplete: ${join(parts.en, some.en, '; ')}; the total is provisional`,
  };
}

const score = (s: string | null): CellValue => (s === null ? '' : Number(s));

export function planWrites(
  map: SheetMap,
  result: UnitResult,
  as: Stage,
  options: WriteOptions = {},
): RangeWrite[] {
  const text = (m: { zh: string; en: string }): string =>
    options.reasons === 'zh-en' ? `${m.zh}\n${m.en}` : m.zh;
  const items = new Map(allIndicators(result).map((i) => [i.path, i]));
  const problems = resultProblems(result, { map, ...options.read });
  const partial = unscoredBySection(result);
  const unscored = new Map(problems.unscored.map((u) => [u.path, u]));
  const sanctions = new Map(result.sanctions.map((s) => [s.id, s]));
  const undecided = new Map(
    result.issues.filter((i) => i.code === 'sanction-undecided').map((i) => [i.path, i.message]),
  );
  const scores = new Map<number, CellValue>();
  const reasons = new Map<number, CellValue>();
  /** Rows that could not be judged: an unscored item, a 待定 sanction, an incomplete 合计. */
  const flagged = new Set<number>();
  for (const { key, kind, row } of map.scoring.rows) {
    if (row < 0) continue;
    switch (kind) {
      case 'section': {
        const s = result.sections.find((x) => x.code === key);
        // Items pending, or a pool an item of which is not scored: 未计分 in the subtotal cell,
        // never a 0 or a blank; the 合计 row's note names it (a section row has no reason cell).
        if (s) scores.set(row, s.pending || s.score === null ? UNSCORED : score(s.score));
        // Pending, or a sum with items not scored (a part, not the section's score): highlighted,
        // as the CLI and the pane mark it 不完整.
        if (s && (s.pending || partial.has(s.code))) flagged.add(row);
        break;
      }
      case 'item':
      case 'bonus-item': {
        const r = items.get(key);
        if (!r) break;
        const u = unscored.get(key);
        // An unscored item says so in its score cell (as 待定 does for a sanction), so the row
        // stands out on screen and on paper; a parent of unscored sub-items keeps its partial sum.
        scores.set(row, u ? UNSCORED : score(r.score));
        reasons.set(row, text(u?.reason ?? r.reason));
        // A parent whose sum leaves out an unscored sub-item is a part too: highlighted.
        const partOnly = r.children !== undefined && unscoredLeaves(r.children) > 0;
        if (u || partOnly) flagged.add(row);
        break;
      }
      case 'bonus': {
        scores.set(row, score(result.bonus.score));
        const capped = result.bonus.uncapped !== result.bonus.score;
        reasons.set(
          row,
          capped
            ? text({
                zh: `加分合计${result.bonus.uncapped}分,按上限${result.bonus.cap}分计`,
                en: `bonus ${result.bonus.uncapped}, capped at ${result.bonus.cap}`,
              })
            : '',
        );
        break;
      }
      case 'sanction': {
        const id = key.slice(key.indexOf('.') + 1);
        const hit = sanctions.get(id);
        const open = undecided.get(id);
        scores.set(row, hit ? YES : open ? UNDECIDED : NO);
        reasons.set(row, hit ? text(hit.reason) : open ? text(open) : '');
        if (!hit && open) flagged.add(row);
        break;
      }
      case 'total': {
        scores.set(row, score(result.total));
        const notes = [
          ...(result.complete ? [] : [incompleteNote(problems.unscored)]),
          ...result.sanctions.map((s) => s.reason),
        ];
        reasons.set(row, notes.length ? notes.map(text).join(';') : '');
        if (!result.complete) flagged.add(row);
        break;
      }
      case 'sanctions':
        break;
    }
  }
  // Every cell written gets its fill: the highlight on a row that could not be judged, else the
  // template's own (so a highlight from an earlier scoring goes once the row is scored). On
  // screen and on paper alike: a solid fill prints.
  const kinds = new Map(map.scoring.rows.map((r) => [r.row, r.kind]));
  const fills = (cells: ReadonlyMap<number, CellValue>, own: (row: number) => string) =>
    new Map([...cells.keys()].map((row) => [row, flagged.has(row) ? FILLS.unscored : own(row)]));
  const scoreFill = (row: number): string => {
    const kind = kinds.get(row);
    return kind ? hintFill({ kind: scoreCellKind(kind) }) : '';
  };
  const { sheet, columns } = map.scoring;
  return [
    ...columnWrite(sheet, columns[as], scores, fills(scores, scoreFill)),
    ...columnWrite(
      sheet,
      columns.reason,
      reasons,
      fills(reasons, () => hintFill({ kind: 'reason' })),
    ),
  ];
}
