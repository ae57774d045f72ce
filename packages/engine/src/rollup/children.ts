// A level's figures from its children's reviewed results (form 45, cascades village → township →
// county). One module for the form's declared side: the checks of an input `source: 'children'`
// (`from` the children's rule set, `rollUp` how), the inputs a parent reads from its children
// (childrenInputs: the share qualified or the per-child deduction, with which children and files
// it came from), and the words that say it. A child missing, not verified or not judged leaves
// the parent's figure blank, said at it — never a 0, never a share over fewer children.
import { msgOf } from '../messages/text.ts';
import type { CohortResult } from '../cohort/types.ts';
import type { CarriedSender, Issue, Msg, UnitInput } from '../model/result.ts';
import type { InputDef, RuleSet } from '../schema/ruleset.ts';
import { q, ZERO } from '../exact/exact.ts';
import { error, warning } from '../validate/issues.ts';
import { childFlags, perChildDeduction } from './per-child.ts';
import { rollUp } from './roll-up.ts';

/** The checks of the parent's side: an input `source: 'children'` names the children's rule set
 *  (`from`, not this one), says how (`rollUp`), holds a % (share) or points (per-child), and has
 *  no meaning for a blank (a figure not rolled up is never a 0); `rollUp` on another source. */
export function checkChildrenInputs(ruleSet: RuleSet, issues: Issue[]): void {
  ruleSet.inputs.forEach((d, i) => {
    const at = `inputs[${i}]`;
    const label = msgOf(d.label);
    if (d.source !== 'children') {
      if (d.rollUp !== undefined)
        issues.push(
          error('roll-up-without-children', `${at}.rollUp`, {
            zh: `输入项「${label.zh}」不是下级汇总的数据(source 不是 children),不能规定汇总方法(rollUp)`,
            en: `input "${label.en}" is not rolled up from the children (source is not children): it cannot say how (rollUp)`,
          }),
        );
      return;
    }
    if (d.from === undefined)
      issues.push(
        error('children-without-from', `${at}.from`, {
          zh: `输入项「${label.zh}」由下级单位汇总,应写明下级按哪个考核办法考核(from:其编号)`,
          en: `input "${label.en}" is rolled up from the children: name the rule set they are assessed by (from: its id)`,
        }),
      );
    else if (d.from === ruleSet.id)
      issues.push(
        error('children-self', `${at}.from`, {
          zh: `输入项「${label.zh}」的下级考核办法「${d.from}」就是本办法:下级须按另一考核办法考核`,
          en: `input "${label.en}" rolls up children assessed by "${d.from}", which is this rule set: children are assessed by another`,
        }),
      );
    const r = d.rollUp;
    if (r === undefined) {
      issues.push(
        error('children-without-roll-up', `${at}.rollUp`, {
          zh: `输入项「${label.zh}」由下级单位汇总,应规定汇总方法(rollUp:share 达标比例或 per-child 逐个扣分)`,
          en: `input "${label.en}" is rolled up from the children: say how (rollUp: share, or per-child)`,
        }),
      );
      return;
    }
    const unit = r.kind === 'share' ? '%' : 'number';
    if (d.unit !== unit)
      issues.push(
        error('roll-up-unit', `${at}.unit`, {
          zh:
            r.kind === 'share'
              ? `输入项「${label.zh}」是下级达标比例,单位应为 %(而非「${d.unit}」)`
              : `输入项「${label.zh}」是按下级逐个扣的分值,单位应为 number(而非「${d.unit}」)`,
          en:
            r.kind === 'share'
              ? `input "${label.en}" is the share of children qualified: its unit is % (not "${d.unit}")`
              : `input "${label.en}" is points off per child: its unit is number (not "${d.unit}")`,
        }),
      );
    if (d.blankMeans !== undefined)
      issues.push(
        error('children-blank-means', `${at}.blankMeans`, {
          zh: `输入项「${label.zh}」由下级单位汇总:空白表示尚未汇总(下级缺报或无法判定),不能规定空白的含义`,
          en: `input "${label.en}" is rolled up from the children: a blank means not rolled up yet (a child missing or not judged), so it cannot be given a meaning`,
        }),
      );
    if (r.kind === 'per-child') {
      if (q(r.each).compare(ZERO) <= 0)
        issues.push(
          error('roll-up-each', `${at}.rollUp.each`, {
            zh: `输入项「${label.zh}」每个下级单位扣的分值应大于0(写扣分的绝对值,如 0.5)`,
            en: `input "${label.en}": the points off per child must be above 0 (write the amount, e.g. 0.5)`,
          }),
        );
      if (r.cap !== undefined && q(r.cap).compare(ZERO) <= 0)
        issues.push(
          error('roll-up-cap', `${at}.rollUp.cap`, {
            zh: `输入项「${label.zh}」扣分上限应大于0`,
            en: `input "${label.en}": the cap on the points off must be above 0`,
          }),
        );
    }
  });
}

/** The children's reviewed results, as a parent reads them. */
export interface ChildrenResults {
  /** The rule set the children were assessed by (its inputs: what a per-child roll-up reads). */
  ruleSet: Pick<RuleSet, 'id' | 'title' | 'year' | 'edition' | 'inputs'>;
  /** The children scored as a cohort (grades decided). */
  cohort: CohortResult;
  /** The children's figures as read, by unit: what a per-child roll-up reads. */
  inputs: readonly UnitInput[];
  /** Where each child's result came from (its file), by unit id. */
  sources?: Readonly<Record<string, string>>;
  /** Children that should be counted but cannot be (not returned, failed verification), with
   *  why: every figure rolled up from these children is left blank, naming them. */
  unusable?: readonly { unitId: string; name: string; why: Msg }[];
}

/** A rolled-up input's provenance: who the children are, how the figure was worked out (or why
 *  it is blank), and the files it came from. */
export interface RolledUpIn {
  from: CarriedSender;
  /** Decimal text; null: not rolled up (see `pending`). */
  value: string | null;
  /** How it was worked out: 达标村比例:4个单位中3个达标,占 75%. */
  explanation?: Msg;
  /** Why it is blank. */
  pending?: Msg;
  /** The children counted, in unit id order, with their files. */
  children: { unitId: string; name: string; file?: string }[];
}

export interface ChildrenInputs {
  /** By input id: decimal text, or null when it cannot be rolled up (issues say why). */
  values: Record<string, string | null>;
  /** By input id: how each was worked out or why it is blank, and the children it came from. */
  rolledUp: Record<string, RolledUpIn>;
  /** Errors at `inputs.<id>` (the figure is blank) naming the child; warnings. */
  issues: Issue[];
}

const byId = <T extends { unitId: string }>(a: T, b: T): number =>
  a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0;

/** 「村级考核」2026年度第1版 / "village assessment" (2026, edition 1). */
const childrenWords = (s: CarriedSender): Msg => ({
  zh: `下级单位(按「${s.title.zh}」${s.year}年度第${s.edition}版考核)`,
  en: `the children (assessed by "${s.title.en}", ${s.year}, edition ${s.edition})`,
});

/**
 * The parent's inputs rolled up from one set of children: each input of `parent` with
 * `source: 'children'` and `from` the children's rule set id gets
 * - `share`: the % of the children that qualify (`rollUp`), rounded as declared;
 * - `per-child`: minus `each` for every child whose yes/no `input` is 否, at most `cap` (0 when
 *   every child has it: said so);
 * - blank (null), with an error at `inputs.<id>` naming the child, when a child is unusable
 *   (not returned, failed verification), cannot be judged (its total incomplete, grade pending,
 *   the indicator not scored, its answer blank), or the children's rules lack what it reads.
 * Also: `children-unused` (error: no input of the parent reads these children), `children-year`
 * (warning: the children are of another year).
 */
export function childrenInputs(
  children: ChildrenResults,
  parent: Pick<RuleSet, 'id' | 'year' | 'inputs'>,
): ChildrenInputs {
  const issues: Issue[] = [];
  const rs = children.ruleSet;
  const from: CarriedSender = {
    ruleSetId: rs.id,
    title: msgOf(rs.title),
    year: rs.year,
    edition: rs.edition,
  };
  const who = childrenWords(from);
  const reads = parent.inputs.filter((d) => d.source === 'children' && d.from === rs.id);
  if (reads.length === 0)
    issues.push(
      error('children-unused', 'inputs', {
        zh: `本考核没有由按「${from.title.zh}」考核的下级单位汇总的输入项(source: children, from: ${rs.id})`,
        en: `no input of these rules is rolled up from children assessed by "${from.title.en}" (source: children, from: ${rs.id})`,
      }),
    );
  if (rs.year !== parent.year)
    issues.push(
      warning('children-year', 'children', {
        zh: `${who.zh}为${rs.year}年度,本考核为${parent.year}年度`,
        en: `${who.en} are of ${rs.year}; these rules are of ${parent.year}`,
      }),
    );
  const sources = children.sources ?? {};
  const counted = children.cohort.units
    .map((u) => ({
      unitId: u.unitId,
      name: u.name,
      ...(sources[u.unitId] !== undefined ? { file: sources[u.unitId] } : {}),
    }))
    .sort(byId);
  const unusable = [...(children.unusable ?? [])].sort(byId);
  const values: Record<string, string | null> = {};
  const rolledUp: Record<string, RolledUpIn> = {};
  for (const d of reads) {
    const label = msgOf(d.label);
    const at = `inputs.${d.id}`;
    const blank = (why: Msg, found: readonly Issue[]): void => {
      for (const i of found)
        issues.push(
          error(i.code, at, {
            zh: `「${label.zh}」未汇总:${i.message.zh}`,
            en: `"${label.en}" not rolled up: ${i.message.en}`,
          }),
        );
      values[d.id] = null;
      rolledUp[d.id] = { from, value: null, pending: why, children: counted };
    };
    const r = d.rollUp;
    if (!r) continue; // checkChildrenInputs refuses such rules
    if (unusable.length > 0) {
      const found = unusable.map((u) =>
        error('child-unusable', `children.${u.unitId}`, {
          zh: `下级单位「${u.name}」${u.why.zh}`,
          en: `child unit "${u.name}": ${u.why.en}`,
        }),
      );
      blank(
        {
          zh: `${unusable.map((u) => `「${u.name}」${u.why.zh}`).join(';')}`,
          en: unusable.map((u) => `"${u.name}": ${u.why.en}`).join('; '),
        },
        found,
      );
      continue;
    }
    if (r.kind === 'share') {
      const out = rollUp(children.cohort, {
        label: d.label,
        qualifies: r.qualifies,
        ...(r.rounding ? { rounding: r.rounding } : {}),
        ...(r.vetoedMayQualify !== undefined ? { vetoedMayQualify: r.vetoedMayQualify } : {}),
      });
      if (!out.ok) {
        const errors = out.issues.filter((i) => i.severity === 'error');
        blank(
          {
            zh: errors.map((i) => i.message.zh).join(';'),
            en: errors.map((i) => i.message.en).join('; '),
          },
          errors,
        );
        continue;
      }
      const names = out.value.notQualified.map((n) => `${n.name}(${n.reason.zh})`).join('、');
      const namesEn = out.value.notQualified.map((n) => `${n.name} (${n.reason.en})`).join(', ');
      values[d.id] = out.value.value;
      rolledUp[d.id] = {
        from,
        value: out.value.value,
        explanation: {
          zh: `${out.value.explanation.zh}${names ? `;未达标:${names}` : ''}`,
          en: `${out.value.explanation.en}${namesEn ? `; not qualified: ${namesEn}` : ''}`,
        },
        children: counted,
      };
      continue;
    }
    const def: InputDef | undefined = rs.inputs.find((x) => x.id === r.input);
    if (!def || def.unit !== 'yesno') {
      const why = {
        zh: `${who.zh}的考核办法没有是/否输入项「${r.input}」`,
        en: `${who.en}: their rules have no yes/no input "${r.input}"`,
      };
      blank(why, [error('unknown-child-input', `${at}`, why)]);
      continue;
    }
    const out = perChildDeduction(childFlags(children.inputs, r.input), r.each, {
      ...(r.cap !== undefined ? { cap: r.cap } : {}),
      reason: r.reason ?? d.label,
    });
    if (!out.ok) {
      blank(
        {
          zh: out.issues.map((i) => i.message.zh).join(';'),
          en: out.issues.map((i) => i.message.en).join('; '),
        },
        out.issues,
      );
      continue;
    }
    values[d.id] = out.value.amount;
    rolledUp[d.id] = {
      from,
      value: out.value.amount,
      explanation: out.value.explanation,
      children: counted,
    };
  }
  return { values, rolledUp, issues };
}

/** Where a rolled-up figure came from, as the data sheet's note and the CLI say it:
 *  下级汇总(按「村级考核」2026年度第1版考核的4个单位):…;来自:一村.xlsx、二村.xlsx. */
export function rolledUpWords(r: RolledUpIn): Msg {
  const f = r.from;
  const n = r.children.length;
  const files = r.children.map((c) => c.file ?? c.name);
  const head = {
    zh: `下级汇总(按「${f.title.zh}」${f.year}年度第${f.edition}版考核的${n}个单位)`,
    en: `rolled up from ${n} children assessed by "${f.title.en}" (${f.year}, edition ${f.edition})`,
  };
  const body = r.value === null ? r.pending : r.explanation;
  const said = {
    zh: r.value === null ? `未汇总:${body?.zh ?? ''}` : (body?.zh ?? ''),
    en: r.value === null ? `not rolled up: ${body?.en ?? ''}` : (body?.en ?? ''),
  };
  return {
    zh: `${head.zh}:${said.zh}${files.length ? `;来自:${files.join('、')}` : ''}`,
    en: `${head.en}: ${said.en}${files.length ? `; from: ${files.join(', ')}` : ''}`,
  };
}
