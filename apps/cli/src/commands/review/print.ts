// A review for a person: the ranking, the grade counts, then every finding.
import { msgOf, type Msg, type RuleSet } from '@kaohe/engine';
import { reviewText } from '../../i18n/review.ts';
import { scoreText } from '../../i18n/score.ts';
import type { Output } from '../../io/output.ts';
import { formatGrades, formatRanking, rankingRows, type RankingRow } from '../../report/ranking.ts';
import type { Review } from './review-workbooks.ts';

export interface ReviewFindings {
  differences: number;
  unitsWithDifferences: number;
  /** Workbooks whose embedded rules differ, altered ones included. */
  rulesDiffer: number;
  /** Of those, workbooks whose embedded rules were altered (checksum, damage). */
  rulesAltered: number;
}

export function findingsOf(review: Review): ReviewFindings {
  return {
    differences: review.units.reduce((n, u) => n + u.differences.length, 0),
    unitsWithDifferences: review.units.filter((u) => u.differences.length > 0).length,
    rulesDiffer: review.units.filter((u) => u.rulesDiffer).length,
    rulesAltered: review.units.filter((u) => u.rulesAltered).length,
  };
}

export function printReview(
  review: Review,
  ruleSet: RuleSet,
  out: Output,
  heading?: Msg,
): RankingRow[] {
  const rows = rankingRows(review.cohort);
  out.line(heading ?? reviewText.heading(out.text(msgOf(ruleSet.title)), rows.length));
  out.line('');
  out.line(formatRanking(rows, out));
  const grades = formatGrades(review.cohort, out);
  if (grades) out.line(grades);
  out.line('');
  for (const u of review.units) {
    const altered = u.warnings.find((w) => w.code === 'rules-altered');
    if (altered) out.line(reviewText.rulesAltered(u.name, u.file, altered.address));
    else if (u.rulesDiffer) out.line(reviewText.rulesDiffer(u.name, u.file));
    for (const d of u.differences) {
      out.line(
        reviewText.difference(
          u.name,
          d.key,
          scoreText.stage[u.stage ?? 'self'],
          d.reported,
          d.recomputed,
        ),
      );
    }
  }
  const f = findingsOf(review);
  out.line(
    f.differences + f.rulesDiffer === 0
      ? reviewText.clean
      : reviewText.findings(f.differences, f.unitsWithDifferences, f.rulesDiffer, f.rulesAltered),
  );
  return rows;
}
