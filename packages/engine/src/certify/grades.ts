// Certification with score cut-offs (合格 ≥ 80 certified by the township, 一流 ≥ 90 by the
// county): the declaration checked once when the rule set is compiled, and the one decision of
// which grade a total reaches and whether the grade sought is certified.
import { q, type Q } from '../exact/exact.ts';
import { msgOf } from '../messages/text.ts';
import type { Issue, Msg } from '../model/result.ts';
import type { InputDef, RuleSet } from '../schema/ruleset.ts';
import { error } from '../validate/issues.ts';

/** A grade as certification decides it. */
export interface CGrade {
  id: string;
  label: Msg;
  min: Q;
  by: Msg;
}

export interface CCertificationGrades {
  /** Highest first, each cut-off below the one before (checked). */
  grades: readonly CGrade[];
  /** The choice input of the grade sought (申报等次), when declared. */
  sought: InputDef | undefined;
}

const P = 'certificationGrades';

/** Checks `certificationGrades` (its issues pushed at their paths) and compiles it. */
export function compileCertificationGrades(
  ruleSet: RuleSet,
  inputs: ReadonlyMap<string, InputDef>,
  total: Q | undefined,
  issues: Issue[],
): CCertificationGrades | undefined {
  const cg = ruleSet.certificationGrades;
  if (!cg) return undefined;
  if (ruleSet.kind !== 'certification')
    issues.push(
      error('certification-grades-scored', P, {
        zh: '只有评估认定类考核办法才能规定认定等次与分数线(certificationGrades);考核等次请用 grades',
        en: 'only a certification rule set has certification grades with cut-offs (certificationGrades); a scored one grades with grades',
      }),
    );
  if (ruleSet.certifiedBy)
    issues.push(
      error('certified-by-twice', 'certifiedBy', {
        zh: '已按等次规定认定单位(certificationGrades 的 by),不能再用 certifiedBy',
        en: 'who certifies is said per grade (certificationGrades by): certifiedBy cannot say it again',
      }),
    );
  const grades: CGrade[] = [];
  const ids = new Set<string>();
  cg.grades.forEach((g, i) => {
    const gp = `${P}.grades[${i}]`;
    const label = msgOf(g.label);
    if (ids.has(g.id))
      issues.push(
        error('duplicate-id', `${gp}.id`, {
          zh: `认定等次编号「${g.id}」重复`,
          en: `certification grade id "${g.id}" is used twice`,
        }),
      );
    ids.add(g.id);
    let min: Q;
    try {
      min = q(g.min);
    } catch {
      issues.push(
        error('bad-number', `${gp}.min`, {
          zh: `认定等次「${label.zh}」的分数线「${String(g.min)}」不是数字`,
          en: `certification grade "${label.en}": cut-off "${String(g.min)}" is not a number`,
        }),
      );
      return;
    }
    const above = grades.at(-1);
    if (above && min.compare(above.min) === 0)
      issues.push(
        error('grade-overlap', `${gp}.min`, {
          zh: `认定等次「${label.zh}」与「${above.label.zh}」的分数线同为 ${min.toString()}:两个等次重叠`,
          en: `certification grades "${label.en}" and "${above.label.en}" share the cut-off ${min.toString()}: they overlap`,
        }),
      );
    else if (above && min.compare(above.min) > 0)
      issues.push(
        error('grades-unsorted', `${gp}.min`, {
          zh: `认定等次应从高到低排列:「${label.zh}」的分数线 ${min.toString()} 高于上一等次「${above.label.zh}」的 ${above.min.toString()}`,
          en: `certification grades go highest first: "${label.en}" (${min.toString()}) is above "${above.label.en}" (${above.min.toString()}) before it`,
        }),
      );
    if (total && min.compare(total) > 0)
      issues.push(
        error('grade-unreachable', `${gp}.min`, {
          zh: `认定等次「${label.zh}」的分数线 ${min.toString()} 高于满分 ${total.toString()},永远达不到`,
          en: `certification grade "${label.en}": the cut-off ${min.toString()} is above the points ${total.toString()} and can never be reached`,
        }),
      );
    grades.push({ id: g.id, label, min, by: msgOf(g.by) });
  });
  let sought: InputDef | undefined;
  if (cg.sought !== undefined) {
    sought = inputs.get(cg.sought);
    if (!sought || sought.unit !== 'choice') {
      issues.push(
        error(sought ? 'input-unit' : 'unknown-input', `${P}.sought`, {
          zh: `申报等次应为已声明的选项类输入项,「${cg.sought}」${sought ? '不是选项' : '未声明'}`,
          en: `the grade sought must be a declared choice input; "${cg.sought}" is ${sought ? 'not a choice' : 'not declared'}`,
        }),
      );
      sought = undefined;
    } else {
      const at = ruleSet.inputs.findIndex((d) => d.id === cg.sought);
      (sought.choices ?? []).forEach((c, j) => {
        if (!ids.has(c.value))
          issues.push(
            error('unknown-grade', `inputs[${at}].choices[${j}].value`, {
              zh: `申报等次「${msgOf(c.label).zh}」(${c.value})不是已声明的认定等次(${[...ids].join('、')})`,
              en: `grade sought "${msgOf(c.label).en}" (${c.value}) is not a declared certification grade (${[...ids].join(', ')})`,
            }),
          );
      });
    }
  }
  return { grades, sought };
}

export type GradeDecision =
  /** The total reaches the grade sought (or, none sought, some grade): `grade` is certified. */
  | { ok: true; grade: CGrade; reached: CGrade }
  /** The total falls short of `needed` (the grade sought, or the lowest); `reached` is the
   *  highest grade it does reach, if any. */
  | { ok: false; needed: CGrade; reached: CGrade | undefined };

/** The highest grade the total reaches, and whether that certifies the grade sought. */
export function decideGrade(
  grades: readonly CGrade[],
  total: Q,
  sought: CGrade | undefined,
): GradeDecision {
  const reached = grades.find((g) => total.compare(g.min) >= 0);
  // None sought: the lowest grade is the one to reach (the schema asks for at least one).
  const needed = sought ?? grades[grades.length - 1];
  if (!needed) throw new Error('a certification without grades reached the grade decision');
  // Reaching `needed` (one of the grades) means some grade is reached: `reached` is set.
  if (reached && total.compare(needed.min) >= 0)
    return { ok: true, grade: sought ?? reached, reached };
  return { ok: false, needed, reached };
}
