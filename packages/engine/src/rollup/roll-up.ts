// A level's figure from its children: the share of children that qualify (villages qualified,
// associations advanced), as an exact % with the declared rounding, plus who does not qualify.
// The value is plain decimal text, ready to feed a parent unit's input. A child that cannot be
// judged (its total incomplete, its grade pending, the indicator not scored) is an error naming
// it: the share is never taken over the children that could be judged.
import { HUNDRED, q, round, type Q } from '../exact/exact.ts';
import { exactText } from '../cohort/exact-text.ts';
import { findIndicator } from '../cohort/tie-break.ts';
import type { CohortResult } from '../cohort/types.ts';
import { show } from '../messages/format.ts';
import { msgOf } from '../messages/text.ts';
import type { IndicatorStatus, Issue, Msg, Result, UnitResult } from '../model/result.ts';
import type { DecimalLiteral, Rounding, Text } from '../schema/common.ts';
import { error } from '../validate/issues.ts';

export type Qualifier =
  | { by: 'total'; min: DecimalLiteral }
  | { by: 'grade'; grades: readonly string[] }
  /** Qualified when the indicator's status is one of `status` (default met) and, with
   *  `minScore`, its score reaches it. */
  | {
      by: 'indicator';
      path: string;
      status?: readonly IndicatorStatus[];
      minScore?: DecimalLiteral;
    };

export interface RollUpRule {
  label?: Text;
  qualifies: Qualifier;
  /** Rounding of the % share; absent: exact, and a share with no finite decimal is an error. */
  rounding?: Rounding;
  /** A vetoed child qualifies only when this is true (default: it does not). */
  vetoedMayQualify?: boolean;
}

export interface RollUpResult {
  /** The share in % (92 means 92 %), rounded as declared. */
  value: string;
  exact: string;
  qualified: number;
  count: number;
  notQualified: { unitId: string; name: string; reason: Msg }[];
  explanation: Msg;
}

interface Child {
  result: UnitResult;
  grade: string | null | undefined;
}

function judge(child: Child, rule: RollUpRule, issues: Issue[]): Msg | null {
  const r = child.result;
  if (r.vetoed && !rule.vetoedMayQualify) return { zh: '被一票否决', en: 'vetoed' };
  const c = rule.qualifies;
  const unjudged = (why: Msg): Msg => {
    issues.push(
      error('child-cannot-be-judged', `children.${r.unitId}`, {
        zh: `下级单位「${r.name}」无法判定是否达标:${why.zh}`,
        en: `child unit "${r.name}" cannot be judged: ${why.en}`,
      }),
    );
    return why;
  };
  if (c.by === 'total') {
    if (!r.complete)
      return unjudged({
        zh: '总分不完整(有指标未计分或事项待定)',
        en: 'its total is incomplete (items not scored or sanctions undecided)',
      });
    const min = q(c.min);
    return q(r.total).compare(min) >= 0
      ? null
      : { zh: `总分 ${r.total} 低于 ${show(min)}`, en: `total ${r.total} is below ${show(min)}` };
  }
  if (c.by === 'grade') {
    if (child.grade === undefined) return { zh: '无等次', en: 'no grade' };
    if (child.grade === null) return unjudged({ zh: '等次待定', en: 'its grade is pending' });
    return child.grade !== null && c.grades.includes(child.grade)
      ? null
      : { zh: `等次为「${child.grade ?? '未定'}」`, en: `grade is "${child.grade ?? 'none'}"` };
  }
  const item = findIndicator([...r.sections.flatMap((s) => s.items), ...r.bonus.items], c.path);
  if (!item) {
    issues.push(
      error('unknown-indicator', 'qualifies.path', {
        zh: `单位「${r.name}」的结果中没有指标「${c.path}」`,
        en: `unit "${r.name}" has no indicator "${c.path}"`,
      }),
    );
    return { zh: `没有指标「${c.path}」`, en: `no indicator "${c.path}"` };
  }
  if (item.status === 'missing-input' || item.status === 'cannot-compute')
    return unjudged({
      zh: `「${c.path} ${item.title.zh}」${item.status === 'missing-input' ? '缺少数据' : '无法计算'}`,
      en: `"${c.path} ${item.title.en}" ${item.status === 'missing-input' ? 'lacks data' : 'cannot be computed'}`,
    });
  const okStatus = (c.status ?? ['met']).includes(item.status);
  const okScore =
    c.minScore === undefined || (item.score !== null && q(item.score).compare(q(c.minScore)) >= 0);
  if (okStatus && okScore) return null;
  const title = item.title;
  return okStatus
    ? {
        zh: `「${c.path} ${title.zh}」得分 ${item.score ?? '无'} 低于 ${show(q(c.minScore ?? 0))}`,
        en: `"${c.path} ${title.en}" scored ${item.score ?? 'none'}, below ${show(q(c.minScore ?? 0))}`,
      }
    : {
        zh: `「${c.path} ${title.zh}」${STATUS_WORDS[item.status].zh}`,
        en: `"${c.path} ${title.en}" ${STATUS_WORDS[item.status].en}`,
      };
}

/** An indicator's status as a reason for not qualifying says it. */
const STATUS_WORDS: Record<IndicatorStatus, Msg> = {
  met: { zh: '达标', en: 'is met' },
  'partly-met': { zh: '部分达标', en: 'is partly met' },
  'not-met': { zh: '未达标', en: 'is not met' },
  'missing-input': { zh: '缺少数据', en: 'lacks data' },
  'cannot-compute': { zh: '无法计算', en: 'cannot be computed' },
  'missing-evidence': { zh: '缺少佐证材料', en: 'lacks evidence' },
  'not-applicable': { zh: '不适用', en: 'does not apply' },
  gated: { zh: '未满足前提条件', en: 'is gated' },
};

const isCohort = (x: readonly UnitResult[] | CohortResult): x is CohortResult => !Array.isArray(x);

export function rollUp(
  children: readonly UnitResult[] | CohortResult,
  rule: RollUpRule,
): Result<RollUpResult> {
  const issues: Issue[] = [];
  const list: Child[] = isCohort(children)
    ? children.units.map((u) => ({ result: u.result, grade: u.grade }))
    : children.map((result) => ({ result, grade: undefined }));
  if (rule.qualifies.by === 'grade' && !isCohort(children)) {
    return {
      ok: false,
      issues: [
        error('grades-need-cohort', 'qualifies', {
          zh: '按等次汇总需要整体考核结果(含等次)',
          en: 'a roll-up by grade needs a cohort result (with grades)',
        }),
      ],
    };
  }
  if (list.length === 0) {
    return {
      ok: false,
      issues: [
        error('no-children', 'children', {
          zh: '没有下级单位,无法计算比例',
          en: 'there are no child units to take a share of',
        }),
      ],
    };
  }
  const notQualified: RollUpResult['notQualified'] = [];
  for (const child of list) {
    const reason = judge(child, rule, issues);
    if (reason) notQualified.push({ unitId: child.result.unitId, name: child.result.name, reason });
  }
  // A child not judged (or an indicator unknown): no share is taken at all.
  if (issues.some((i) => i.severity === 'error')) return { ok: false, issues };
  notQualified.sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  const count = list.length;
  const qualified = count - notQualified.length;
  const exact: Q = q(qualified).mul(HUNDRED).div(count);
  const value = rule.rounding ? round(exact, rule.rounding) : exact;
  const text = exactText(value);
  if (text.includes('/')) {
    issues.push(
      error('share-needs-rounding', 'rounding', {
        zh: `比例 ${qualified}/${count} 不能精确写成小数,须声明保留位数`,
        en: `the share ${qualified}/${count} has no exact decimal: declare its rounding`,
      }),
    );
  }
  if (issues.some((i) => i.severity === 'error')) return { ok: false, issues };
  const label = rule.label ? msgOf(rule.label) : { zh: '达标比例', en: 'share qualified' };
  return {
    ok: true,
    warnings: issues,
    value: {
      value: text,
      exact: exactText(exact),
      qualified,
      count,
      notQualified,
      explanation: {
        zh: `${label.zh}:${count}个单位中${qualified}个达标,占 ${text}%`,
        en: `${label.en}: ${qualified} of ${count} units qualify, ${text}%`,
      },
    },
  };
}
