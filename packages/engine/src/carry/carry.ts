// A result carried into another scheme (form 42: a sanction that lands on another assessment,
// −10 on the unit's composite elsewhere). One module for the form: the checks of both sides, the
// amounts a unit's sanctions carry, the record a scheme sends (carriedOut), the inputs the other
// scheme reads from it (carriedInputs), and the words that quote where a value came from.
import { fmt, q, round, sum, type Q } from '../exact/exact.ts';
import { MissingValue, type CompiledExpr } from '../expr/types.ts';
import { show } from '../messages/format.ts';
import { msgOf } from '../messages/text.ts';
import type {
  CarriedIn,
  CarriedResult,
  CarriedSender,
  Issue,
  Msg,
  SanctionResult,
  UnitInput,
  UnitResult,
} from '../model/result.ts';
import type { RuleSet, Sanction } from '../schema/ruleset.ts';
import { asProblem } from '../score/as-problem.ts';
import type { CompiledRuleSet } from '../score/compile.ts';
import type { UnitEnv } from '../score/env.ts';
import * as R from '../score/reasons.ts';
import { error, warning } from '../validate/issues.ts';

/** A sanction's `carries`, compiled. */
export interface CCarry {
  to: string;
  input: string;
  /** A decimal, or an expression evaluated for the unit when the sanction holds. */
  amount: Q | CompiledExpr;
}

/** The sending rule set as a carried value names it. */
const senderOf = (rs: Pick<RuleSet, 'id' | 'title' | 'year' | 'edition'>): CarriedSender => ({
  ruleSetId: rs.id,
  title: msgOf(rs.title),
  year: rs.year,
  edition: rs.edition,
});

/** Compiles a sanction's `carries` (problems to `issues` at their path). */
export function compileCarry(
  ruleSet: RuleSet,
  s: Sanction,
  at: string,
  expr: (source: string, path: string) => CompiledExpr | undefined,
  issues: Issue[],
): CCarry | undefined {
  const c = s.carries;
  if (!c) return undefined;
  const reason = msgOf(s.reason);
  let bad = false;
  if (c.to === ruleSet.id) {
    bad = true;
    issues.push(
      error('carries-self', `${at}.carries.to`, {
        zh: `否决/约束条件「${reason.zh}」结转到的考核办法「${c.to}」就是本办法:结转只能落到另一考核`,
        en: `sanction "${reason.en}" carries to rule set "${c.to}", which is this one: a carry lands on another assessment`,
      }),
    );
  }
  if (c.amount === null) {
    issues.push(
      error('missing-number', `${at}.carries.amount`, {
        zh: `否决/约束条件「${reason.zh}」结转的分值空白(空白不会按0处理)`,
        en: `sanction "${reason.en}": the points it carries are blank (a blank is never taken as 0)`,
      }),
    );
    return undefined;
  }
  const amount =
    typeof c.amount === 'number' ? q(c.amount) : expr(c.amount, `${at}.carries.amount`);
  return amount === undefined || bad ? undefined : { to: c.to, input: c.input, amount };
}

/** The receiving side: an input `source: 'carried'` names its sender (`from`), holds points
 *  (`number`) and has no meaning for a blank (a pending sender is never a 0). */
export function checkCarriedInputs(ruleSet: RuleSet, issues: Issue[]): void {
  ruleSet.inputs.forEach((d, i) => {
    const at = `inputs[${i}]`;
    const label = msgOf(d.label);
    if (d.source !== 'carried') {
      // An input rolled up from the children names their rule set in `from` too (rollup/).
      if (d.from !== undefined && d.source !== 'children')
        issues.push(
          error('from-without-carried', `${at}.from`, {
            zh: `输入项「${label.zh}」不是其他考核结转的数据(source 不是 carried),不能规定结转来源(from)`,
            en: `input "${label.en}" is not carried from another assessment (source is not carried): it cannot name one (from)`,
          }),
        );
      return;
    }
    if (d.from === undefined)
      issues.push(
        error('carried-without-from', `${at}.from`, {
          zh: `输入项「${label.zh}」由其他考核结转,应写明来自哪个考核办法(from:其编号)`,
          en: `input "${label.en}" is carried from another assessment: name which (from: its rule set id)`,
        }),
      );
    else if (d.from === ruleSet.id)
      issues.push(
        error('carries-self', `${at}.from`, {
          zh: `输入项「${label.zh}」的结转来源「${d.from}」就是本办法:结转只能来自另一考核`,
          en: `input "${label.en}" is carried from "${d.from}", which is this rule set: a carry comes from another assessment`,
        }),
      );
    if (d.unit !== 'number')
      issues.push(
        error('carried-unit', `${at}.unit`, {
          zh: `输入项「${label.zh}」由其他考核结转,结转的是分值:单位应为 number(而非「${d.unit}」)`,
          en: `input "${label.en}" is carried from another assessment, which carries points: its unit is number (not "${d.unit}")`,
        }),
      );
    if (d.blankMeans !== undefined)
      issues.push(
        error('carried-blank-means', `${at}.blankMeans`, {
          zh: `输入项「${label.zh}」由其他考核结转:空白表示另一考核结果待定,不能规定空白的含义`,
          en: `input "${label.en}" is carried from another assessment: a blank means the other result is pending, so it cannot be given a meaning`,
        }),
      );
  });
}

const LEVEL_WORDS: Record<SanctionResult['level'], Msg> = {
  veto: { zh: '否决事项', en: 'veto' },
  'no-commendation': { zh: '不予评先事项', en: 'no-commendation' },
  notice: { zh: '通报事项', en: 'notice' },
  interview: { zh: '约谈事项', en: 'interview' },
};

/** 「计划生育目标管理责任制考核」2024年度第2版 / "…" (2024, edition 2). */
const senderWords = (s: CarriedSender): Msg => ({
  zh: `另一考核(「${s.title.zh}」${s.year}年度第${s.edition}版)`,
  en: `another assessment ("${s.title.en}", ${s.year}, edition ${s.edition})`,
});

/** 扣10分 / 加5分 / −10 / +5. */
const pointsWords = (amount: Q): Msg => {
  const neg = amount.s < 0;
  const abs = show(neg ? amount.neg() : amount);
  return neg ? { zh: `扣${abs}分`, en: `−${abs}` } : { zh: `加${abs}分`, en: `+${abs}` };
};

/** A sanction on the ranking for a unit scored alone: pending until the cohort decides it. */
const decidedAfterRanking = (reason: Msg): Msg => ({
  zh: `「${reason.zh}」按排名或等次判定,待全部单位排名、评定等次后判定`,
  en: `"${reason.en}" reads the ranking or the grade: decided once every unit is ranked and graded`,
});

/** The sanctions a unit's result carries into other schemes: an amount for each that holds,
 *  pending for each undecided (`undecided`: ids, with why; sanctions on the ranking scored
 *  alone are undecided until the cohort). Problems of an amount go to env.issues. */
export function carriedOf(
  rs: CompiledRuleSet,
  env: UnitEnv,
  sanctions: readonly { sanction: Sanction; reason: Msg; carries?: CCarry }[],
  held: ReadonlySet<string>,
  undecided: ReadonlyMap<string, Msg | undefined>,
): CarriedResult[] {
  const out: CarriedResult[] = [];
  const sender = senderOf(rs.ruleSet);
  for (const s of sanctions) {
    const c = s.carries;
    if (!c) continue;
    const id = s.sanction.id;
    const base = {
      to: c.to,
      input: c.input,
      from: { ...sender, sanctionId: id, level: s.sanction.level, reason: s.reason },
    };
    if (undecided.has(id)) {
      const why = undecided.get(id) ?? decidedAfterRanking(s.reason);
      out.push({ ...base, amount: null, pending: why });
      continue;
    }
    if (!held.has(id)) continue;
    try {
      const v = 'evaluate' in c.amount ? c.amount.evaluate(env) : c.amount;
      if (v instanceof MissingValue) {
        const label = R.inputLabel(rs.inputs, v.inputId);
        const why =
          v.inputId === 'total'
            ? {
                zh: `「${s.reason.zh}」结转的分值待定:总分不完整`,
                en: `the points "${s.reason.en}" carries are pending: the total is incomplete`,
              }
            : v.inputId === 'rank' || v.inputId === 'grade'
              ? {
                  zh: `「${s.reason.zh}」结转的分值待定:排名和等次尚未确定`,
                  en: `the points "${s.reason.en}" carries are pending: the ranking and the grades are provisional`,
                }
              : {
                  zh: `「${s.reason.zh}」结转的分值待定:${label.zh}未填报`,
                  en: `the points "${s.reason.en}" carries are pending: ${label.en} not reported`,
                };
        out.push({ ...base, amount: null, pending: why });
        continue;
      }
      if (typeof v !== 'object') {
        const why = { zh: '结转分值的计算结果不是数值', en: 'the amount carried is not a number' };
        env.issues.push(error('cannot-compute', `${id}.carries`, why));
        out.push({ ...base, amount: null, pending: why });
        continue;
      }
      out.push({ ...base, amount: fmt(round(v, rs.scoreRounding)) });
    } catch (e) {
      const problem = asProblem(e);
      if (!problem) throw e;
      env.issues.push(error('cannot-compute', `${id}.carries`, R.evalProblem(problem)));
      out.push({ ...base, amount: null, pending: R.evalProblem(problem) });
    }
  }
  return out;
}

/** What a scheme sends to the others: who it is, where its sanctions carry, and each unit's
 *  carried amounts with whether its result is complete. Plain JSON (`kaohe score --carried-out`). */
export interface CarriedOut {
  /** The sending rule set. */
  from: CarriedSender;
  /** Every carry the rule set declares: which sanction lands on which input of which scheme. */
  carries: { sanctionId: string; to: string; input: string }[];
  /** Each unit assessed: whether its result is complete, and what its sanctions carry. */
  units: { unitId: string; name: string; complete: boolean; carried: CarriedResult[] }[];
}

/** The record a scheme sends, from its rule set and its units' results (scoreUnit's, or a
 *  cohort's `units[i].result`, where the sanctions on the ranking are decided). */
export function carriedOut(ruleSet: RuleSet, results: readonly UnitResult[]): CarriedOut {
  return {
    from: senderOf(ruleSet),
    carries: ruleSet.sanctions.flatMap((s) =>
      s.carries ? [{ sanctionId: s.id, to: s.carries.to, input: s.carries.input }] : [],
    ),
    units: results.map((r) => ({
      unitId: r.unitId,
      name: r.name,
      complete: r.complete,
      carried: r.carried ?? [],
    })),
  };
}

/** The receiving scheme's values and their provenance, by unit id. */
export interface CarriedInputs {
  /** The rule set the values came from. */
  from: CarriedSender;
  /** By unit id: the units the sender assessed (a unit not here gets nothing: blank). */
  units: Record<
    string,
    {
      name: string;
      /** By input id: signed points as a decimal, or null while the sender's result is pending. */
      values: Record<string, string | null>;
      carried: Record<string, CarriedIn>;
    }
  >;
  /** Amounts that would be lost, sanctions not declared, a sender of another year. */
  issues: Issue[];
}

/**
 * One scheme's carried amounts as the inputs of another (`receiving`): each input there with
 * `source: 'carried'` and `from` the sender's id gets, per unit the sender assessed,
 * - the sum of the amounts its holding sanctions carry there, when the unit's result is complete
 *   and nothing carried there is pending;
 * - 0 when that result is complete and no sanction carrying there holds (it says so);
 * - blank (null) while the result is incomplete or a sanction carrying there is undecided: the
 *   items that read it are then missing it, never given a 0.
 * A unit the sender did not assess gets nothing (blank: missing). Problems: an amount for an input
 * the receiving scheme does not read (it would be lost), a sanction the sender does not declare,
 * a sender of another year.
 */
export function carriedInputs(
  sent: CarriedOut,
  receiving: Pick<RuleSet, 'id' | 'year' | 'inputs'>,
): CarriedInputs {
  const issues: Issue[] = [];
  const sender = sent.from;
  const reads = receiving.inputs.filter(
    (d) => d.source === 'carried' && d.from === sender.ruleSetId,
  );
  const readIds = new Set(reads.map((d) => d.id));
  const who = senderWords(sender);
  for (const c of sent.carries) {
    if (c.to === receiving.id && !readIds.has(c.input))
      issues.push(
        error('carried-unread', `carried.${c.sanctionId}`, {
          zh: `${who.zh}的「${c.sanctionId}」结转到本考核的输入项「${c.input}」,但本考核没有来自该考核的这一结转输入项(source: carried, from: ${sender.ruleSetId}):结转分值会丢失`,
          en: `${who.en}: "${c.sanctionId}" carries to input "${c.input}" here, but this rule set has no such carried input (source: carried, from: ${sender.ruleSetId}): the amount would be lost`,
        }),
      );
  }
  // An input the sender declares no carry to: a 0 there would be made up, not said.
  const undeclared = new Set(
    reads
      .filter((d) => !sent.carries.some((c) => c.to === receiving.id && c.input === d.id))
      .map((d) => d.id),
  );
  for (const id of undeclared)
    issues.push(
      error(
        'carried-undeclared',
        `inputs[${receiving.inputs.findIndex((d) => d.id === id)}].from`,
        {
          zh: `输入项「${id}」由${who.zh}结转,但该考核没有结转到这一项的否决/约束事项:无从得知其值`,
          en: `input "${id}" is carried from ${who.en}, which carries nothing to it: its value cannot be known`,
        },
      ),
    );
  if (reads.length === 0)
    issues.push(
      warning('carried-unused', 'carried', {
        zh: `本考核没有来自${who.zh}的结转输入项,结转数据未被读取`,
        en: `this rule set reads nothing carried from ${who.en}`,
      }),
    );
  if (sender.year !== receiving.year)
    issues.push(
      warning('carried-year', 'carried', {
        zh: `${who.zh}为${sender.year}年度,本考核为${receiving.year}年度`,
        en: `${who.en} is of ${sender.year}; this rule set is of ${receiving.year}`,
      }),
    );
  const declared = new Set(sent.carries.map((c) => c.sanctionId));
  const units: CarriedInputs['units'] = {};
  for (const u of sent.units) {
    if (units[u.unitId]) {
      issues.push(
        error('duplicate-unit', `units.${u.unitId}`, {
          zh: `${who.zh}的结转数据中单位「${u.name}」(${u.unitId})出现两次,均未采用`,
          en: `${who.en}: unit "${u.name}" (${u.unitId}) appears twice in the carried data; neither is used`,
        }),
      );
      units[u.unitId] = { name: u.name, values: {}, carried: {} };
      continue;
    }
    u.carried.forEach((c, k) => {
      if (!declared.has(c.from.sanctionId))
        issues.push(
          error('unknown-sanction', `units.${u.unitId}.carried[${k}]`, {
            zh: `单位「${u.name}」的结转数据引用了${who.zh}未规定结转的「${c.from.sanctionId}」`,
            en: `unit "${u.name}": a carried amount names "${c.from.sanctionId}", which ${who.en} does not declare as carried`,
          }),
        );
    });
    const values: Record<string, string | null> = {};
    const carried: Record<string, CarriedIn> = {};
    for (const d of reads) {
      if (undeclared.has(d.id)) continue;
      const here = u.carried.filter(
        (c) => c.to === receiving.id && c.input === d.id && declared.has(c.from.sanctionId),
      );
      const pending = here.filter((c) => c.amount === null);
      const amounts = here.flatMap((c) =>
        c.amount === null
          ? []
          : [
              {
                sanctionId: c.from.sanctionId,
                level: c.from.level,
                reason: c.from.reason,
                amount: c.amount,
              },
            ],
      );
      if (!u.complete || pending.length > 0) {
        const why: Msg = pending[0]
          ? (pending[0].pending ?? {
              zh: `「${pending[0].from.reason.zh}」待定`,
              en: `"${pending[0].from.reason.en}" is pending`,
            })
          : {
              zh: '该单位在该考核中的结果不完整(待定)',
              en: 'the unit’s result there is incomplete (pending)',
            };
        values[d.id] = null;
        carried[d.id] = { sender, amounts, pending: why };
        continue;
      }
      values[d.id] = fmt(sum(amounts.map((a) => q(a.amount))));
      carried[d.id] = { sender, amounts };
    }
    units[u.unitId] = { name: u.name, values, carried };
  }
  return { from: sender, units, issues };
}

/** Where a carried input's value came from, as an item's reason quotes it:
 *  另一考核(「…」2024年度第2版)否决事项「…」结转:扣10分. */
export function provenanceWords(c: CarriedIn): Msg {
  const who = senderWords(c.sender);
  const parts = c.amounts.map((a) => {
    const level = LEVEL_WORDS[a.level];
    const pts = pointsWords(q(a.amount));
    return {
      zh: `${level.zh}「${a.reason.zh}」结转:${pts.zh}`,
      en: `${level.en} "${a.reason.en}": ${pts.en}`,
    };
  });
  if (c.pending) parts.push({ zh: `结果待定(${c.pending.zh})`, en: `pending (${c.pending.en})` });
  if (parts.length === 0)
    return { zh: `${who.zh}无结转事项,按0分计`, en: `nothing carried from ${who.en}: 0` };
  return {
    zh: `${who.zh}${parts.map((p) => p.zh).join(',')}`,
    en: `carried from ${who.en}: ${parts.map((p) => p.en).join('; ')}`,
  };
}

/** The provenance of the carried inputs an item reads, for its reason; undefined when none. */
export function provenanceOf(unit: UnitInput, ids: readonly string[]): Msg | undefined {
  if (!unit.carried) return undefined;
  const said = ids.flatMap((id) => {
    const c = unit.carried?.[id];
    return c ? [provenanceWords(c)] : [];
  });
  if (said.length === 0) return undefined;
  return { zh: said.map((p) => p.zh).join(';'), en: said.map((p) => p.en).join('; ') };
}
