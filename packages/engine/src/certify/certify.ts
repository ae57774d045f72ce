// Certification (评估认定): a unit passes only if every clause — every leaf item, and every
// parent item with a rule, deductions or gates of its own (clauses.ts) — is met
// (一条否决). A failing unit is told which clauses failed and by when to rectify (整改); a
// re-assessment appends to the history and keeps the earlier records.
import type { Issue, Msg, Result, UnitInput, UnitResult } from '../model/result.ts';
import { fmt, q } from '../exact/exact.ts';
import { msgOf } from '../messages/text.ts';
import { decodeValue } from '../score/env.ts';
import { decideGrade, type CCertificationGrades, type CGrade } from './grades.ts';
import type { ScoreContext } from '../model/context.ts';
import type { CompiledRuleSet } from '../score/compile.ts';
import { createUnitScorer, scoreWith, type UnitEnv } from '../score/score-unit.ts';
import { MissingValue } from '../expr/types.ts';
import { asProblem } from '../score/as-problem.ts';
import { evalProblem, inputLabel } from '../score/reasons.ts';
import { error, warning } from '../validate/issues.ts';
import { addDays, compareDates, isIsoDate } from './dates.ts';
import { clausesOf, failingClauses } from './clauses.ts';
import type {
  CertificationOutcome,
  CertificationRecord,
  CertifyOptions,
  FailingClause,
} from './types.ts';

export function certify(
  compiled: CompiledRuleSet,
  unit: UnitInput,
  options: CertifyOptions,
  ctx: ScoreContext = {},
): Result<CertificationOutcome> {
  const rs = compiled.ruleSet;
  const issues: Issue[] = [];
  if (rs.kind !== 'certification') {
    issues.push(
      error('not-certification', 'kind', {
        zh: `「${rs.id}」不是评估认定类考核办法`,
        en: `"${rs.id}" is not a certification rule set`,
      }),
    );
  }
  if (!isIsoDate(options.assessedOn)) {
    issues.push(
      error('bad-date', 'assessedOn', {
        zh: `认定日期「${options.assessedOn}」不是有效日期(应为 YYYY-MM-DD)`,
        en: `assessment date "${options.assessedOn}" is not a valid YYYY-MM-DD date`,
      }),
    );
  }
  const history = [...(options.history ?? [])];
  const earlier = history.filter((h) => h.unitId === unit.id && h.ruleSetId === rs.id);
  const last = earlier.at(-1);
  if (
    last &&
    isIsoDate(options.assessedOn) &&
    compareDates(options.assessedOn, last.assessedOn) < 0
  ) {
    issues.push(
      error('date-before-history', 'assessedOn', {
        zh: `认定日期 ${options.assessedOn} 早于上次认定 ${last.assessedOn}`,
        en: `assessment date ${options.assessedOn} is before the previous one, ${last.assessedOn}`,
      }),
    );
  }
  if (issues.length > 0) return { ok: false, issues };

  if (last?.rectifyBy && compareDates(options.assessedOn, last.rectifyBy) > 0) {
    issues.push(
      warning('rectification-overdue', 'assessedOn', {
        zh: `复评日期 ${options.assessedOn} 晚于整改期限 ${last.rectifyBy}`,
        en: `re-assessed on ${options.assessedOn}, after the rectification deadline ${last.rectifyBy}`,
      }),
    );
  }
  const scorer = createUnitScorer(compiled, unit, ctx);
  const result = scoreWith(compiled, scorer);
  const cg = compiled.certificationGrades;
  const failing = failingClauses(compiled, result, cg !== undefined);
  const graded = cg ? gradeOf(cg, unit, result, failing) : undefined;
  const passed = failing.length === 0;
  if (!passed && rs.rectificationDays === undefined) {
    issues.push(
      warning('no-rectification-days', 'rectificationDays', {
        zh: '考核办法未规定整改期限',
        en: 'the rule set declares no rectification period',
      }),
    );
  }
  const rectifyBy =
    passed || rs.rectificationDays === undefined
      ? null
      : addDays(options.assessedOn, rs.rectificationDays);
  const certifiedBy = graded
    ? graded.by
    : compiled.certifiers.length > 0
      ? certifierOf(compiled, scorer.env, issues)
      : undefined;
  const record: CertificationRecord = {
    unitId: unit.id,
    ruleSetId: rs.id,
    edition: rs.edition,
    assessedOn: options.assessedOn,
    attempt: earlier.length + 1,
    passed,
    failing,
    rectifyBy,
    ...(certifiedBy !== undefined ? { certifiedBy } : {}),
    ...(graded
      ? {
          grade: passed ? (graded.certifies?.id ?? null) : null,
          gradeLabel: passed ? (graded.certifies?.label ?? null) : null,
          reached: graded.reached?.id ?? null,
          sought: graded.sought?.id ?? null,
        }
      : {}),
  };
  const again =
    record.attempt > 1
      ? { zh: `第${record.attempt}次认定`, en: `assessment ${record.attempt}` }
      : { zh: '认定', en: 'assessment' };
  const summary = graded
    ? gradedSummary(unit.name, again, result, graded, passed, failing, rectifyBy)
    : passed
      ? {
          zh: `${unit.name}${again.zh}:全部${clausesOf(compiled, result).length}项条款均达到,认定通过${certifiedBy ? `(由${certifiedBy.zh}认定)` : ''}`,
          en: `${unit.name}, ${again.en}: every clause met, certified${certifiedBy ? ` (by ${certifiedBy.en})` : ''}`,
        }
      : {
          zh: `${unit.name}${again.zh}:${failing.length}项条款未达到(${failing.map((f) => f.path).join('、')}),不予认定${rectifyBy ? `,请于 ${rectifyBy} 前完成整改` : ''}`,
          en: `${unit.name}, ${again.en}: ${failing.length} clause(s) not met (${failing.map((f) => f.path).join(', ')}), not certified${rectifyBy ? `; rectify by ${rectifyBy}` : ''}`,
        };
  return {
    ok: true,
    warnings: issues,
    value: { record, history: [...history, record], result, summary },
  };
}

/** The first certifier whose condition holds for the unit scored in `env` (its total set). */
function certifierOf(compiled: CompiledRuleSet, env: UnitEnv, issues: Issue[]): Msg | null {
  for (const [i, c] of compiled.certifiers.entries()) {
    let holds;
    try {
      holds = c.when.evaluate(env);
    } catch (e) {
      const problem = asProblem(e);
      if (!problem) throw e;
      issues.push(error('cannot-compute', `certifiedBy[${i}].when`, evalProblem(problem)));
      return null;
    }
    if (holds === true) return c.by;
    if (holds instanceof MissingValue) {
      const missing = inputLabel(compiled.inputs, holds.inputId);
      issues.push(
        warning('certifier-undecided', `certifiedBy[${i}].when`, {
          zh: `缺少「${missing.zh}」,无法确定认定单位`,
          en: `"${missing.en}" is missing: who certifies cannot be decided`,
        }),
      );
      return null;
    }
  }
  issues.push(
    warning('no-certifier', 'certifiedBy', {
      zh: '没有一条认定单位的条件成立',
      en: 'no condition of who certifies holds',
    }),
  );
  return null;
}

interface Graded {
  /** The grade sought (申报等次), when the rule set asks for one and the unit gave it. */
  sought: CGrade | undefined;
  /** The highest grade the total reaches (a complete total only). */
  reached: CGrade | undefined;
  /** The grade certified when every clause holds: the one sought, else the highest reached. */
  certifies: CGrade | undefined;
  /** Who certifies: at the grade certified, else at the grade sought or needed. */
  by: Msg | null;
  /** The cut-off the decision was made against, when the total could be judged. */
  needed: CGrade | undefined;
}

/**
 * A certification with score cut-offs: the grade sought read from its input (blank or not a
 * grade: a failing clause, never a guess), the cut-off checked on a complete total (a total with
 * an item that cannot be judged decides nothing; that item already fails), the shortfall listed
 * as a failing clause `certificationGrades.<id>`.
 */
function gradeOf(
  cg: CCertificationGrades,
  unit: UnitInput,
  result: UnitResult,
  failing: FailingClause[],
): Graded {
  let sought: CGrade | undefined;
  let soughtOk = true;
  if (cg.sought) {
    const def = cg.sought;
    const label = msgOf(def.label);
    const { value, problem } = decodeValue(def, unit.values[def.id]);
    sought = typeof value === 'string' ? cg.grades.find((g) => g.id === value) : undefined;
    if (!sought) {
      soughtOk = false;
      const typed = problem ?? (value === undefined ? undefined : String(value));
      failing.push({
        path: 'certificationGrades.sought',
        title: label,
        status: 'missing-input',
        reason:
          typed === undefined
            ? {
                zh: `未填写${label.zh},无法认定`,
                en: `${label.en} is not given: cannot be certified`,
              }
            : {
                zh: `${label.zh}「${typed}」不是可申报的等次(${cg.grades.map((g) => g.label.zh).join('、')}),无法认定`,
                en: `${label.en} "${typed}" is not a grade that can be sought (${cg.grades.map((g) => g.label.en).join(', ')}): cannot be certified`,
              },
      });
    }
  }
  const judged = failing.every(
    (f) =>
      f.status !== 'missing-input' && f.status !== 'cannot-compute' && f.status !== 'undecided',
  );
  // An incomplete total (a pending section, an undecided sanction) is checked against no cut-off.
  if (!soughtOk || !judged || !result.complete)
    return {
      sought,
      reached: undefined,
      certifies: undefined,
      needed: undefined,
      by: sought?.by ?? null,
    };
  const total = q(result.total);
  const decision = decideGrade(cg.grades, total, sought);
  if (!decision.ok) {
    const { needed, reached } = decision;
    failing.push({
      path: `certificationGrades.${needed.id}`,
      title: needed.label,
      status: 'not-met',
      reason: {
        zh: `总分${fmt(total)}分,低于「${needed.label.zh}」的认定分数线${fmt(needed.min)}分${reached ? `(达到「${reached.label.zh}」分数线)` : ''}`,
        en: `total ${fmt(total)}, below the cut-off of ${fmt(needed.min)} for "${needed.label.en}"${reached ? ` (it reaches "${reached.label.en}")` : ''}`,
      },
    });
    return { sought, reached, certifies: undefined, needed, by: needed.by };
  }
  return {
    sought,
    reached: decision.reached,
    certifies: decision.grade,
    needed: sought ?? decision.grade,
    by: decision.grade.by,
  };
}

function gradedSummary(
  name: string,
  again: Msg,
  result: UnitResult,
  g: Graded,
  passed: boolean,
  failing: readonly FailingClause[],
  rectifyBy: string | null,
): Msg {
  if (passed && g.certifies) {
    const c = g.certifies;
    return {
      zh: `${name}${again.zh}:总分${result.total}分,达到「${c.label.zh}」认定分数线${fmt(c.min)}分,各项条款均符合,认定为「${c.label.zh}」(由${c.by.zh}认定)`,
      en: `${name}, ${again.en}: total ${result.total}, at least ${fmt(c.min)} for "${c.label.en}", every clause holds: certified "${c.label.en}" (by ${c.by.en})`,
    };
  }
  const what = g.needed ?? g.sought;
  return {
    zh: `${name}${again.zh}:${failing.length}项条款未达到(${failing.map((f) => f.path).join('、')}),不予认定${what ? `「${what.label.zh}」` : ''}${g.by ? `(由${g.by.zh}认定)` : ''}${rectifyBy ? `,请于 ${rectifyBy} 前完成整改` : ''}`,
    en: `${name}, ${again.en}: ${failing.length} clause(s) not met (${failing.map((f) => f.path).join(', ')}), not certified${what ? ` "${what.label.en}"` : ''}${g.by ? ` (by ${g.by.en})` : ''}${rectifyBy ? `; rectify by ${rectifyBy}` : ''}`,
  };
}
