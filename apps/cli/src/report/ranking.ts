// The ranking as an official reads it: rank, unit, total, grade, veto, largest deductions.
import type { CohortResult, Msg } from '@kaohe/engine';
import stringWidth from 'string-width';
import { rankingText as T } from '../i18n/ranking.ts';
import type { Output } from '../io/output.ts';
import { largestLosses, type Loss } from './deductions.ts';
import { formatTable } from './table.ts';

export interface RankingRow {
  rank: number;
  tied: boolean;
  unitId: string;
  name: string;
  total: string;
  max: string;
  grade: Msg | null;
  vetoed: boolean;
  noCommendation: boolean;
  complete: boolean;
  losses: Loss[];
}

export function rankingRows(cohort: CohortResult, top = 3): RankingRow[] {
  return cohort.units.map((u) => ({
    rank: u.rank,
    tied: u.tied,
    unitId: u.unitId,
    name: u.name,
    total: u.total,
    max: u.result.max,
    grade: u.gradeLabel,
    vetoed: u.vetoed,
    noCommendation: u.noCommendation,
    complete: u.complete,
    losses: largestLosses(u.result, top),
  }));
}

/** Cuts a title to `width` display cells, marking the cut. */
function short(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export function lossText(loss: Loss, out: Output): string {
  const amount = loss.missing ? `${out.text(T.missing)} −${loss.lost}` : `−${loss.lost}`;
  return `${loss.path} ${short(out.text(loss.title), 14)} ${amount}`;
}

/** The grade counts after quotas: 「先进 6 个(50%)、合格 5 个、后进 1 个」. */
export function formatGrades(cohort: CohortResult, out: Output): string | undefined {
  if (!cohort.grades) return undefined;
  const parts = cohort.grades.bands.map((b) =>
    out.text(T.band(out.text(b.label), b.count, b.share)),
  );
  return out.text(T.grades(cohort.grades.graded, parts.join(out.lang === 'en' ? ', ' : '、')));
}

/** `missing`: units on the roster that returned no workbook, listed last as 未上报 (no rank, no
 *  total: never 0 points). */
export function formatRanking(
  rows: readonly RankingRow[],
  out: Output,
  missing: readonly { id: string; name: string }[] = [],
): string {
  const sep = out.lang === 'en' ? '; ' : ';';
  const table = formatTable(
    [
      { header: out.text(T.rank), align: 'right' },
      { header: out.text(T.unit) },
      { header: out.text(T.total), align: 'right' },
      { header: out.text(T.grade) },
      { header: out.text(T.veto) },
      { header: out.text(T.losses) },
    ],
    rows
      .map((r) => [
        r.tied ? `=${r.rank}` : String(r.rank),
        r.complete ? r.name : `${r.name}*`,
        r.total,
        r.grade ? out.text(r.grade) : out.text(T.none),
        r.vetoed
          ? out.text(T.vetoed)
          : r.noCommendation
            ? out.text(T.noCommendation)
            : out.text(T.none),
        r.losses.map((l) => lossText(l, out)).join(sep),
      ])
      .concat(
        missing.map((m) => [
          out.text(T.notReturned),
          m.name,
          out.text(T.none),
          out.text(T.none),
          out.text(T.none),
          '',
        ]),
      ),
  );
  return rows.every((r) => r.complete) ? table : `${table}\n${out.text(T.incomplete)}`;
}
