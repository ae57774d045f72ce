// Per-case records (RULE-FORMS 20, 22, 52), in one module: a `cases` input's checks, how a
// unit's list of cases is read, the `per-record` stream's checks, its exact evaluation with its
// reason (each case's arithmetic), and its comparison of two editions. The schema is in
// ./records-schema.ts. The integer kernels price the same stream in ../fast/records.ts (held
// equal to this by the property tests); a list they cannot take goes to the exact evaluator.
import { add, mul, q, ZERO, type Q } from '../exact/exact.ts';
import { MissingValue, type CompiledExpr, type ExprEnv, type ExprKind } from '../expr/types.ts';
import type { CaseRecord, Issue, Msg } from '../model/result.ts';
import { msgOf } from '../messages/text.ts';
import { show as showText, showWithUnit } from '../messages/format.ts';
import type { InputDef } from '../schema/ruleset.ts';
import type { Stream } from '../schema/rules.ts';
import { error, warning } from '../validate/issues.ts';
import { RESERVED_IDS } from '../validate/bounds.ts';
import { decodeValue, type UnitEnv } from '../score/env.ts';
import { badValue } from '../score/reasons.ts';
import { RuleProblem } from '../score/base-rules.ts';
import {
  change,
  labelAndUnitChanges,
  numChange,
  optionalCountChange,
  points,
  textChange,
  type Sense,
  type Where,
} from '../diff/text.ts';
import type { Change } from '../diff/types.ts';
import type { CaseField, PerRecordStream } from './records-schema.ts';
import { KIND_OF_UNIT } from '../schema/unit-kinds.ts';

/** A case field's kind in expressions: its unit's, as for an input. */
const KIND: Readonly<Record<CaseField['unit'], ExprKind>> = KIND_OF_UNIT;

/** A field as an input declaration: decoded by the one reader of typed values (env.ts). */
export const asInput = (field: CaseField): InputDef => ({
  id: field.id,
  label: field.label,
  unit: field.unit,
  source: 'unit',
  evidence: false,
  ...(field.choices ? { choices: field.choices } : {}),
  ...(field.min !== undefined ? { min: field.min } : {}),
  ...(field.max !== undefined ? { max: field.max } : {}),
  ...(field.defaultYear !== undefined ? { defaultYear: field.defaultYear } : {}),
});

// ---- The input: its fields checked ----

/** A `cases` input's declaration: fields (and only on `cases`), unique field ids, choices for a
 *  choice field, bounds in order, `blankMeans` 0 or nothing. Issues at the input's own paths. */
export function checkCasesInput(def: InputDef, i: number, issues: Issue[]): void {
  const at = `inputs[${i}]`;
  if (def.unit !== 'cases') {
    if (def.fields)
      issues.push(
        error('fields-without-cases', `${at}.fields`, {
          zh: `输入项「${def.id}」不是案件明细(unit: 'cases'),不能列出字段(fields)`,
          en: `input "${def.id}" is not a list of cases (unit: 'cases'): it cannot have fields`,
        }),
      );
    return;
  }
  if (!def.fields)
    issues.push(
      error('cases-without-fields', `${at}.fields`, {
        zh: `输入项「${def.id}」是案件明细(unit: 'cases'),须列出每件案件的字段(fields)`,
        en: `input "${def.id}" is a list of cases (unit: 'cases'): it must list each case's fields`,
      }),
    );
  if (def.blankMeans !== undefined && q(def.blankMeans).compare(0) !== 0)
    issues.push(
      error('cases-blank-means', `${at}.blankMeans`, {
        zh: `输入项「${def.id}」是案件明细:空白只能表示没有案件(blankMeans: 0)`,
        en: `input "${def.id}" is a list of cases: a blank can only mean no cases (blankMeans: 0)`,
      }),
    );
  for (const key of ['choices', 'min', 'max', 'defaultYear'] as const)
    if (def[key] !== undefined)
      issues.push(
        error('cases-input-bounds', `${at}.${key}`, {
          zh: `输入项「${def.id}」是案件明细:${key} 应写在字段(fields)上`,
          en: `input "${def.id}" is a list of cases: ${key} belongs on its fields`,
        }),
      );
  if (def.evidence)
    issues.push(
      error('cases-input-bounds', `${at}.evidence`, {
        zh: `输入项「${def.id}」是案件明细:不按件要求佐证材料(evidence),请另设是否提供佐证的输入项`,
        en: `input "${def.id}" is a list of cases: evidence is not asked per case; declare a yes/no input for it`,
      }),
    );
  const seen = new Set<string>();
  (def.fields ?? []).forEach((f, j) => {
    const fp = `${at}.fields[${j}]`;
    if (seen.has(f.id))
      issues.push(
        error('duplicate-field', `${fp}.id`, {
          zh: `输入项「${def.id}」的字段「${f.id}」重复`,
          en: `input "${def.id}": field "${f.id}" is declared twice`,
        }),
      );
    seen.add(f.id);
    if (RESERVED_IDS.has(f.id))
      issues.push(
        error('reserved-id', `${fp}.id`, {
          zh: `输入项「${def.id}」的字段代码「${f.id}」是保留字,请改用其他代码`,
          en: `input "${def.id}": field id "${f.id}" is reserved; choose another`,
        }),
      );
    if (f.unit === 'choice' && !f.choices?.length)
      issues.push(
        error('missing-choices', `${fp}.choices`, {
          zh: `输入项「${def.id}」的字段「${f.id}」是选项类型,但没有列出选项`,
          en: `input "${def.id}": field "${f.id}" is a choice but lists no choices`,
        }),
      );
    if (f.min !== undefined && f.max !== undefined && q(f.min).compare(q(f.max)) > 0)
      issues.push(
        error('band-inverted', `${fp}.min`, {
          zh: `输入项「${def.id}」的字段「${f.id}」最小值高于最大值`,
          en: `input "${def.id}": field "${f.id}" has min above max`,
        }),
      );
    if (f.defaultYear !== undefined && f.unit !== 'date')
      issues.push(
        error('default-year', `${fp}.defaultYear`, {
          zh: `输入项「${def.id}」的字段「${f.id}」不是日期,不能规定省略年份时的年份(defaultYear)`,
          en: `input "${def.id}": field "${f.id}" is not a date; defaultYear applies to dates only`,
        }),
      );
  });
}

// ---- A unit's cases, read once per unit ----

/** A unit's cases of one input: a list, blank (nothing given), or refused (not a list of
 *  records of the declared fields: the issues say where). */
type ReadCases =
  { kind: 'list'; records: readonly CaseRecord[] } | { kind: 'blank' } | { kind: 'refused' };

const READ = new WeakMap<object, Map<string, ReadCases>>();
/** Field values decoded, by input, case and field (a field refused: `refused`). */
const DECODED = new WeakMap<object, Map<string, DecodedField>>();
type DecodedField = { value: Q | boolean | string | undefined; refused: boolean };

/** `违法生育案件第2件「出生孩次」` / `case 2 of "illegal births": "birth order"`. */
const caseField = (input: InputDef, k: number, field: CaseField | InputDef): Msg => {
  const l = msgOf(input.label);
  const f = msgOf(field.label);
  return { zh: `${l.zh}第${k + 1}件「${f.zh}」`, en: `case ${k + 1} of "${l.en}": "${f.en}"` };
};

/**
 * The unit's cases of a `cases` input, read and checked once per unit (issues go to
 * env.issues): absent is blank (no cases when the input declares `blankMeans: 0`), an empty list
 * is no cases, a value that is not a list of records, a record that is not an object, and a field
 * the input does not declare are refused (never dropped); a field value that is not of its unit
 * or out of its range is a `bad-value` at `input[k].field` (the case counted from 1).
 */
function casesOf(env: UnitEnv, def: InputDef): ReadCases {
  let known = READ.get(env);
  if (!known) READ.set(env, (known = new Map<string, ReadCases>()));
  const done = known.get(def.id);
  if (done) return done;
  const read = readCases(env, def);
  known.set(def.id, read);
  return read;
}

function readCases(env: UnitEnv, def: InputDef): ReadCases {
  const raw: unknown = env.unit.records?.[def.id];
  const label = msgOf(def.label);
  if (raw === undefined || raw === null)
    return def.blankMeans === undefined ? { kind: 'blank' } : { kind: 'list', records: [] };
  const refuse = (path: string, msg: Msg): ReadCases => {
    env.issues.push({ code: 'bad-value', path, inputId: def.id, severity: 'error', message: msg });
    return { kind: 'refused' };
  };
  if (!Array.isArray(raw))
    return refuse(def.id, {
      zh: `「${label.zh}」应为案件列表(每件一条记录),无法判断,用到它的项目不计分`,
      en: `"${label.en}" should be a list of cases (one record each); it cannot be judged and what reads it is not scored`,
    });
  const fields = new Map((def.fields ?? []).map((f) => [f.id, f]));
  let refused = false;
  const decoded = new Map<string, DecodedField>();
  raw.forEach((rec: unknown, k) => {
    if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) {
      refuse(`${def.id}[${k + 1}]`, {
        zh: `「${label.zh}」第${k + 1}件不是一条记录,无法判断,用到它的项目不计分`,
        en: `"${label.en}": case ${k + 1} is not a record; it cannot be judged and what reads it is not scored`,
      });
      refused = true;
      return;
    }
    for (const key of Object.keys(rec))
      if (!fields.has(key)) {
        refuse(`${def.id}[${k + 1}].${key}`, {
          zh: `「${label.zh}」第${k + 1}件有未声明的字段「${key}」,无法判断,用到它的项目不计分`,
          en: `"${label.en}": case ${k + 1} has an undeclared field "${key}"; it cannot be judged and what reads it is not scored`,
        });
        refused = true;
      }
    for (const f of fields.values()) {
      const d = decodeValue(asInput(f), (rec as CaseRecord)[f.id]);
      if (d.problem !== undefined) {
        const issue = badValue(
          { ...asInput(f), label: caseField(def, k, f) },
          d.problem,
          d.outOfRange,
          d.date,
        );
        env.issues.push({ ...issue, path: `${def.id}[${k + 1}].${f.id}`, inputId: def.id });
      }
      decoded.set(`${k}:${f.id}`, { value: d.value, refused: d.problem !== undefined });
    }
  });
  if (refused) return { kind: 'refused' };
  let byInput = DECODED.get(env);
  if (!byInput) DECODED.set(env, (byInput = new Map<string, DecodedField>()));
  for (const [key, v] of decoded) byInput.set(`${def.id}:${key}`, v);
  return { kind: 'list', records: raw as CaseRecord[] };
}

/** The number of cases, as an expression reads a `cases` input; undefined when blank or refused
 *  (`refused` tells the two apart). */
export function caseCount(env: UnitEnv, def: InputDef): { value: Q | undefined; refused: boolean } {
  const read = casesOf(env, def);
  if (read.kind === 'list') return { value: q(read.records.length), refused: false };
  return { value: undefined, refused: read.kind === 'refused' };
}

// ---- The stream, compiled ----

export interface CPerRecord {
  input: InputDef;
  /** The input's fields as input declarations (decoding, labels, units), by id. */
  fields: ReadonlyMap<string, InputDef>;
  when: CompiledExpr | undefined;
  each: { constant: Q } | { expr: CompiledExpr } | undefined;
  escalation:
    | {
        by: InputDef;
        at: readonly Q[];
        points: readonly Q[];
        increment: Q | undefined;
        zeroAt: number | undefined;
      }
    | undefined;
  eachCap: Q | undefined;
  multiplied: { when: CompiledExpr; factor: Q } | undefined;
  /** The fields the stream reads, in declaration order: each case's figures in its reason. */
  reads: readonly string[];
  /** Formulas in words for the reason. */
  words: { each?: Msg; when?: Msg; multiplied?: Msg };
}

export interface RecordsCompileContext {
  inputs: ReadonlyMap<string, InputDef>;
  issues: Issue[];
  /** Compiles an expression over the given names and kinds, reporting its errors at `path`. */
  expr(
    source: string,
    path: string,
    ids: ReadonlySet<string>,
    own: {
      types: ReadonlyMap<string, ExprKind>;
      domains: ReadonlyMap<string, readonly string[]>;
    },
  ): CompiledExpr | undefined;
  dec(value: string | number | null | undefined, path: string): Q | undefined;
  /** Declared deadlines: dates a case's expressions may compare with (id → label). */
  deadlines: ReadonlyMap<string, Msg | undefined>;
}

/** A per-record stream checked and compiled; undefined when its input is not a `cases` input
 *  (reported at `input`). Issues at the stream's own paths. */
export function compilePerRecord(
  stream: PerRecordStream,
  sp: string,
  path: string,
  ctx: RecordsCompileContext,
): CPerRecord | undefined {
  const input = ctx.inputs.get(stream.input);
  const issues = ctx.issues;
  if (!input || input.unit !== 'cases') {
    issues.push(
      input
        ? error('input-unit', `${sp}.input`, {
            zh: `${path}:逐件计分须读案件明细,输入项「${stream.input}」不是(unit: 'cases')`,
            en: `${path}: a per-record stream reads a list of cases; input "${stream.input}" is not one (unit: 'cases')`,
          })
        : error('unknown-input', `${sp}.input`, {
            zh: `${path}:引用了未声明的输入项「${stream.input}」`,
            en: `${path}: names undeclared input "${stream.input}"`,
          }),
    );
    return undefined;
  }
  const fields = new Map((input.fields ?? []).map((f) => [f.id, asInput(f)]));
  const ids = new Set([...fields.keys(), ...ctx.deadlines.keys()]);
  const types = new Map<string, ExprKind>([
    ...(input.fields ?? []).map((f) => [f.id, KIND[f.unit]] as const),
    ...[...ctx.deadlines.keys()].map((id) => [id, 'date'] as const),
  ]);
  // A choice field compares with its values only: found_by == 'cty' is refused at the literal.
  const domains = new Map(
    (input.fields ?? []).flatMap((f) =>
      f.unit === 'choice' && f.choices ? [[f.id, f.choices.map((c) => c.value)] as const] : [],
    ),
  );
  const naming = {
    label: (id: string): Msg | undefined => {
      const f = fields.get(id);
      return f ? msgOf(f.label) : ctx.deadlines.get(id);
    },
  };
  const read = new Set<string>();
  const compile = (source: string, where: string): CompiledExpr | undefined => {
    const e = ctx.expr(source, where, ids, { types, domains });
    e?.identifiers.forEach((id) => fields.has(id) && read.add(id));
    return e;
  };
  const when = stream.when === undefined ? undefined : compile(stream.when, `${sp}.when`);
  if ((stream.each === undefined) === (stream.escalation === undefined))
    issues.push(
      error('per-record-amount', sp, {
        zh: `${path}:逐件计分须且只须规定一种每件分值:each(每件分值或公式)或 escalation(按字段递增)`,
        en: `${path}: a per-record stream needs exactly one way to price a case: each (an amount or formula) or escalation (by a field)`,
      }),
    );
  let each: CPerRecord['each'];
  if (typeof stream.each === 'number' || /^-?\d+(\.\d+)?$/.test(String(stream.each ?? '').trim())) {
    const c = ctx.dec(stream.each, `${sp}.each`);
    if (c) each = { constant: c };
  } else if (stream.each !== undefined) {
    const e = compile(stream.each, `${sp}.each`);
    if (e) each = { expr: e };
  }
  let escalation: CPerRecord['escalation'];
  if (stream.escalation) {
    const e = stream.escalation;
    const by = fields.get(e.by);
    if (
      !by ||
      by.unit === 'yesno' ||
      by.unit === 'choice' ||
      by.unit === 'text' ||
      by.unit === 'date'
    )
      issues.push(
        error(by ? 'field-unit' : 'unknown-field', `${sp}.escalation.by`, {
          zh: by
            ? `${path}:递增所按的字段「${e.by}」须为数值(如出生孩次)`
            : `${path}:案件明细「${input.id}」没有字段「${e.by}」`,
          en: by
            ? `${path}: escalation is by a number field (a birth order); "${e.by}" is not one`
            : `${path}: the cases of "${input.id}" have no field "${e.by}"`,
        }),
      );
    else read.add(by.id);
    const at: Q[] = [];
    const pts: Q[] = [];
    e.schedule.forEach((s, j) => {
      const a = q(s.at);
      if (at.length > 0 && a.compare(at[at.length - 1] as Q) <= 0)
        issues.push(
          error('escalation-order', `${sp}.escalation.schedule[${j}].at`, {
            zh: `${path}:递增表第${j + 1}档的 ${s.at} 须大于前一档(应严格递增)`,
            en: `${path}: escalation step ${j + 1} at ${s.at} must be above the one before it`,
          }),
        );
      const p = ctx.dec(s.points, `${sp}.escalation.schedule[${j}].points`);
      if (p && p.compare(0) < 0) negative(`${sp}.escalation.schedule[${j}].points`);
      at.push(a);
      pts.push(p ?? ZERO);
    });
    const increment = e.beyondLast
      ? ctx.dec(e.beyondLast.increment, `${sp}.escalation.beyondLast.increment`)
      : undefined;
    if (by) escalation = { by, at, points: pts, increment, zeroAt: e.zeroAt };
  }
  function negative(where: string): void {
    issues.push(
      error('per-record-negative', where, {
        zh: `${path}:逐件计分的分值不能为负数(扣分与加分由 direction 区分)`,
        en: `${path}: a per-record amount cannot be negative (direction says deduct or add)`,
      }),
    );
  }
  if (each && 'constant' in each && each.constant.compare(0) < 0) negative(`${sp}.each`);
  const eachCap = ctx.dec(stream.eachCap, `${sp}.eachCap`);
  if (eachCap && eachCap.compare(0) < 0) negative(`${sp}.eachCap`);
  let multiplied: CPerRecord['multiplied'];
  if (stream.multiplied) {
    const w = compile(stream.multiplied.when, `${sp}.multiplied.when`);
    const factor = ctx.dec(stream.multiplied.factor, `${sp}.multiplied.factor`);
    if (factor && factor.compare(0) <= 0)
      issues.push(
        error('bad-factor', `${sp}.multiplied.factor`, {
          zh: `${path}:加倍系数须大于0`,
          en: `${path}: the multiplier must be above 0`,
        }),
      );
    if (w && factor) multiplied = { when: w, factor };
  }
  if (stream.cap === undefined && stream.direction === 'add')
    issues.push(
      warning('per-record-uncapped', sp, {
        zh: `${path}:逐件加分未设上限(cap),按件累计直至该项分值`,
        en: `${path}: per-record credit has no cap; it accrues up to the item's points`,
      }),
    );
  return {
    input,
    fields,
    when,
    each,
    escalation,
    eachCap,
    multiplied,
    reads: [...fields.keys()].filter((id) => read.has(id)),
    words: {
      ...(each && 'expr' in each ? { each: each.expr.inWords(naming) } : {}),
      ...(when ? { when: when.inWords(naming) } : {}),
      ...(multiplied ? { multiplied: multiplied.when.inWords(naming) } : {}),
    },
  };
}

// ---- Exact evaluation and its reason ----

/** Cases listed one by one in a reason; beyond, the rest are counted (the sum stays exact). */
const LISTED = 20;

/** The points the escalation gives a value: the highest `at` it reaches, then `increment` for
 *  each one beyond the last; nothing below the first. */
function escalated(e: NonNullable<CPerRecord['escalation']>, v: Q): Q {
  let i = -1;
  while (i + 1 < e.at.length && v.compare(e.at[i + 1] as Q) >= 0) i++;
  if (i < 0) return ZERO;
  const p = e.points[i] as Q;
  if (i === e.at.length - 1 && e.increment) return add(p, mul(e.increment, v.sub(e.at[i] as Q)));
  return p;
}

/** A field's value as a reason shows it: a figure in its unit, a date, 是/否, a choice's label. */
function fieldText(def: InputDef, v: Q | boolean | string): Msg {
  if (typeof v === 'boolean') return v ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' };
  if (typeof v === 'string') {
    const c = def.choices?.find((x) => x.value === v);
    return c ? msgOf(c.label) : { zh: v, en: v };
  }
  return showWithUnit(v, def.unit);
}

export interface RecordsOutcome {
  amount: Q;
  reason: Msg;
  /** A case reached the escalation's `zeroAt`: the item scores nothing (why). */
  zeroed: Msg | undefined;
}

/**
 * The stream's amount for the unit (before its `cap`), and its reason with each case's
 * arithmetic. A blank field it reads is a MissingValue naming the case and field, returned as
 * the outcome (never thrown); a value that cannot be priced (not a whole number to escalate by,
 * a negative amount, a test that is not yes/no) is a RuleProblem (cannot-compute).
 */
export function perRecordOutcome(
  c: CPerRecord,
  env: UnitEnv,
  label: Msg,
  addDir: boolean,
  reasons: boolean,
): RecordsOutcome | MissingValue {
  const read = casesOf(env, c.input);
  if (read.kind !== 'list') return new MissingValue(c.input.id);
  const decoded = DECODED.get(env);
  const id = c.input.id;
  let k = 0;
  /** Whether the field last found without a value was typed but refused (blank() tells). */
  let lastRefused = false;
  const recEnv: ExprEnv = {
    ident(name: string) {
      const f = c.fields.get(name);
      // Not a field: a declared deadline, a date constant.
      if (!f) return env.ident(name);
      const d = decoded?.get(`${id}:${k}:${name}`);
      if (!d || d.value === undefined) {
        lastRefused = d?.refused ?? false;
        return new MissingValue(id, caseField(c.input, k, f));
      }
      return d.value;
    },
    refused: () => lastRefused,
  };
  const show: (x: Q) => string = reasons ? showText : () => '';
  let total = ZERO;
  const parts: Msg[] = [];
  let skipped = 0;
  let counted = 0;
  let zeroed: Msg | undefined;
  for (k = 0; k < read.records.length; k++) {
    if (c.when) {
      const ok = c.when.evaluate(recEnv);
      if (ok instanceof MissingValue) return ok;
      if (typeof ok !== 'boolean') throw new RuleProblem(notYesNo(c.input, k));
      if (!ok) {
        skipped++;
        continue;
      }
    }
    counted++;
    let base: Q;
    if (c.escalation) {
      const by = recEnv.ident(c.escalation.by.id);
      if (by instanceof MissingValue) return by;
      const v = by as Q;
      if (v.d !== 1n)
        throw new RuleProblem({
          zh: `${caseField(c.input, k, c.escalation.by).zh}应为整数,实为 ${showText(v)}`,
          en: `${caseField(c.input, k, c.escalation.by).en} should be a whole number, not ${showText(v)}`,
        });
      base = escalated(c.escalation, v);
      const z = c.escalation.zeroAt;
      if (z !== undefined && v.compare(z) >= 0 && !zeroed) {
        const f = caseField(c.input, k, c.escalation.by);
        zeroed = {
          zh: `${f.zh}为${showText(v)},达到${z},此项不得分`,
          en: `${f.en} is ${showText(v)}, reaching ${z}: the item scores nothing`,
        };
      }
    } else if (c.each && 'constant' in c.each) base = c.each.constant;
    else {
      const v = c.each ? c.each.expr.evaluate(recEnv) : ZERO;
      if (v instanceof MissingValue) return v;
      if (typeof v !== 'object')
        throw new RuleProblem({
          zh: `${msgOf(c.input.label).zh}第${k + 1}件:每件分值公式应得出数值`,
          en: `case ${k + 1} of "${msgOf(c.input.label).en}": the amount formula must give a number`,
        });
      base = v;
    }
    if (base.compare(0) < 0)
      throw new RuleProblem({
        zh: `${msgOf(c.input.label).zh}第${k + 1}件的分值为负数(${showText(base)}),无法计分`,
        en: `case ${k + 1} of "${msgOf(c.input.label).en}" is priced below 0 (${showText(base)}); cannot be scored`,
      });
    const capped = c.eachCap && base.compare(c.eachCap) > 0 ? c.eachCap : base;
    let amount = capped;
    let multipliedHere = false;
    if (c.multiplied) {
      const m = c.multiplied.when.evaluate(recEnv);
      if (m instanceof MissingValue) return m;
      if (typeof m !== 'boolean') throw new RuleProblem(notYesNo(c.input, k));
      if (m) {
        amount = mul(capped, c.multiplied.factor);
        multipliedHere = true;
      }
    }
    total = add(total, amount);
    if (reasons && parts.length < LISTED) {
      const figures = c.reads.flatMap((name) => {
        const f = c.fields.get(name) as InputDef;
        const d = decoded?.get(`${id}:${k}:${name}`);
        if (!d || d.value === undefined) return [];
        const t = fieldText(f, d.value);
        const l = msgOf(f.label);
        return [{ zh: `${l.zh} ${t.zh}`, en: `${l.en} ${t.en}` }];
      });
      const head: Msg = {
        zh: `第${k + 1}件${figures.length ? `(${figures.map((x) => x.zh).join(',')})` : ''}${show(base)}分`,
        en: `case ${k + 1}${figures.length ? ` (${figures.map((x) => x.en).join(', ')})` : ''} ${show(base)}`,
      };
      if (capped !== base) {
        head.zh += `,超过每件上限按${show(capped)}分计`;
        head.en += `, above the cap per case: ${show(capped)}`;
      }
      if (multipliedHere) {
        const f = show(c.multiplied?.factor ?? ZERO);
        head.zh += `,按${f}倍计${show(amount)}分`;
        head.en += `, × ${f} = ${show(amount)}`;
      }
      parts.push(head);
    }
  }
  if (!reasons) return { amount: total, reason: { zh: '', en: '' }, zeroed };
  const n = read.records.length;
  const how = howPriced(c);
  const rest = counted - parts.length;
  const more: Msg =
    rest > 0 ? { zh: `,另${rest}件从略`, en: `, ${rest} more not listed` } : { zh: '', en: '' };
  const filter: Msg =
    skipped > 0 && c.words.when
      ? {
          zh: `,其中${skipped}件不符合「${c.words.when.zh}」不计`,
          en: `, ${skipped} not meeting "${c.words.when.en}" not counted`,
        }
      : { zh: '', en: '' };
  const mult: Msg = c.words.multiplied
    ? {
        zh: `;符合「${c.words.multiplied.zh}」的按${show(c.multiplied?.factor ?? ZERO)}倍计`,
        en: `; those meeting "${c.words.multiplied.en}" × ${show(c.multiplied?.factor ?? ZERO)}`,
      }
    : { zh: '', en: '' };
  const cap: Msg = c.eachCap
    ? { zh: `,每件最多${show(c.eachCap)}分`, en: `, at most ${show(c.eachCap)} a case` }
    : { zh: '', en: '' };
  const sum = show(total);
  return {
    amount: total,
    zeroed,
    reason: {
      zh: `${label.zh}${n}件${filter.zh},${how.zh}${cap.zh}${mult.zh}:${parts.map((p) => p.zh).join(';')}${more.zh},共${addDir ? '加' : '扣'}${sum}分`,
      en: `${label.en}: ${n} case${n === 1 ? '' : 's'}${filter.en}, ${how.en}${cap.en}${mult.en}: ${parts.map((p) => p.en).join('; ')}${more.en}; ${addDir ? '+' : '−'}${sum} in all`,
    },
  };
}

const notYesNo = (input: InputDef, k: number): Msg => ({
  zh: `${msgOf(input.label).zh}第${k + 1}件:条件应为是或否`,
  en: `case ${k + 1} of "${msgOf(input.label).en}": the condition must be yes or no`,
});

/** How a case is priced, in words: 每件2分 / 每件按「…」计 / 按出生孩次:2→8分、3→10分,此后每增1加10分. */
function howPriced(c: CPerRecord): Msg {
  const e = c.escalation;
  if (e) {
    const by = msgOf(e.by.label);
    const list = e.at.map((a, i) => `${showText(a)}→${showText(e.points[i] as Q)}`);
    const inc = e.increment ? showText(e.increment) : undefined;
    return {
      zh: `按${by.zh}:${list.map((x) => `${x}分`).join('、')}${inc ? `,此后每增1加${inc}分` : ''}`,
      en: `by ${by.en}: ${list.join(', ')}${inc ? `, then ${inc} more for each one beyond` : ''}`,
    };
  }
  if (c.each && 'constant' in c.each)
    return { zh: `每件${showText(c.each.constant)}分`, en: `${showText(c.each.constant)} a case` };
  const w = c.words.each ?? { zh: '', en: '' };
  return { zh: `每件按「${w.zh}」计`, en: `each by "${w.en}"` };
}

// ---- Two editions compared ----

type PR = Extract<Stream, { kind: 'per-record' }>;

/**
 * Two editions of a per-record stream: the input, the filter, a formula changed (no side: the
 * cases decide), a constant amount per case, each escalation step, the increment beyond, the cap
 * per case and the multiplier (higher tightens a deduction, loosens a credit; a cap added to a
 * deduction loosens). The stream's `cap` is compared by the caller as for every stream.
 */
export function comparePerRecord(
  where: Where,
  name: Msg,
  a: PR,
  b: PR,
  sense: Sense,
): (Change | undefined)[] {
  const out: (Change | undefined)[] = [];
  const l = (zh: string, en: string): Msg => ({ zh: `${name.zh}${zh}`, en: `${name.en}: ${en}` });
  out.push(textChange('stream', where, l('案件明细', 'cases'), a.input, b.input));
  out.push(textChange('stream', where, l('计入条件', 'cases counted'), a.when, b.when));
  const constant = (x: PR['each']): Q | undefined =>
    typeof x === 'number' || /^-?\d+(\.\d+)?$/.test(String(x ?? '').trim())
      ? q(x as string | number)
      : undefined;
  const [ca, cb] = [constant(a.each), constant(b.each)];
  if (ca && cb)
    out.push(numChange('stream', where, l('每件分值', 'points per case'), ca, cb, sense, points));
  else
    out.push(
      textChange(
        'stream',
        where,
        l('每件分值', 'points per case'),
        a.each?.toString(),
        b.each?.toString(),
      ),
    );
  const [ea, eb] = [a.escalation, b.escalation];
  if (ea && eb) {
    out.push(textChange('stream', where, l('递增所按字段', 'escalation by'), ea.by, eb.by));
    const ats = [...new Set([...ea.schedule, ...eb.schedule].map((s) => s.at))].sort(
      (x, y) => x - y,
    );
    for (const at of ats) {
      const [x, y] = [ea.schedule.find((s) => s.at === at), eb.schedule.find((s) => s.at === at)];
      const what = l(`「${ea.by}」为${at}时`, `at ${ea.by} ${at}`);
      out.push(
        x && y
          ? numChange('stream', where, what, q(x.points), q(y.points), sense, points)
          : textChange('stream', where, what, x?.points.toString(), y?.points.toString()),
      );
    }
    out.push(
      optionalCountChange(
        'stream',
        where,
        l('该项记零的值', 'value that zeroes the item'),
        ea.zeroAt,
        eb.zeroAt,
        'higher-loosens',
        'tightened',
      ),
    );
    const [ia, ib] = [ea.beyondLast?.increment, eb.beyondLast?.increment];
    out.push(
      ia !== undefined && ib !== undefined
        ? numChange(
            'stream',
            where,
            l('此后每增1递增', 'increment beyond'),
            q(ia),
            q(ib),
            sense,
            points,
          )
        : textChange(
            'stream',
            where,
            l('此后每增1递增', 'increment beyond'),
            ia?.toString(),
            ib?.toString(),
          ),
    );
  } else if (ea || eb)
    out.push(
      change('stream', where, {
        zh: `${name.zh}${eb ? '改为按字段递增计分' : '不再按字段递增计分'}`,
        en: `${name.en}: ${eb ? 'now escalates by a field' : 'no longer escalates by a field'}`,
      }),
    );
  const [xa, xb] = [a.eachCap, b.eachCap];
  if (xa !== undefined && xb !== undefined)
    out.push(
      numChange('stream', where, l('每件上限', 'cap per case'), q(xa), q(xb), sense, points),
    );
  else if (xa !== undefined || xb !== undefined) {
    const added = xa === undefined;
    const tightens = (sense === 'higher-tightens') !== added;
    out.push(
      change(
        'stream',
        where,
        {
          zh: `${name.zh}${added ? '新增' : '取消'}每件上限(${showText(q((xa ?? xb) as string | number))}分)`,
          en: `${name.en}: cap per case ${added ? 'added' : 'removed'} (${showText(q((xa ?? xb) as string | number))})`,
        },
        tightens ? 'tightened' : 'loosened',
      ),
    );
  }
  const [ma, mb] = [a.multiplied, b.multiplied];
  if (ma && mb) {
    out.push(
      numChange(
        'stream',
        where,
        l('加倍系数', 'multiplier'),
        q(ma.factor),
        q(mb.factor),
        sense,
        (v) => ({ zh: showText(v), en: showText(v) }),
      ),
    );
    out.push(textChange('stream', where, l('加倍条件', 'multiplied when'), ma.when, mb.when));
  } else if (ma || mb) {
    const added = !ma;
    // A multiplier above 1 weighs cases more: adding it to a deduction tightens.
    const heavier = q((ma ?? mb)?.factor ?? 1).compare(1) > 0;
    const tightens = ((sense === 'higher-tightens') === added) === heavier;
    out.push(
      change(
        'stream',
        where,
        {
          zh: `${name.zh}${added ? '新增' : '取消'}加倍(${(ma ?? mb)?.when},×${(ma ?? mb)?.factor})`,
          en: `${name.en}: multiplier ${added ? 'added' : 'removed'} (${(ma ?? mb)?.when}, × ${(ma ?? mb)?.factor})`,
        },
        tightens ? 'tightened' : 'loosened',
      ),
    );
  }
  return out;
}

/** Where a case field is, for the diff: under its input. */
const fieldWhere = (where: Where, f: CaseField): Where => ({
  path: `${where.path}.fields.${f.id}`,
  label: {
    zh: `${where.label.zh}字段「${msgOf(f.label).zh}」`,
    en: `${where.label.en} field "${msgOf(f.label).en}"`,
  },
});

/** Two editions of a `cases` input's fields: added, removed, or a label or unit changed (no
 *  side: the streams that read them say what moved). */
export function compareFields(a: InputDef, b: InputDef, where: Where): (Change | undefined)[] {
  const out: (Change | undefined)[] = [];
  const [fa, fb] = [a.fields ?? [], b.fields ?? []];
  for (const f of fb) {
    const old = fa.find((x) => x.id === f.id);
    const fw = fieldWhere(where, f);
    if (!old) {
      out.push(change('input-changed', fw, { zh: '新增', en: 'added' }));
      continue;
    }
    out.push(...labelAndUnitChanges(fw, old, f));
    out.push(
      textChange(
        'input-changed',
        fw,
        { zh: '可选值', en: 'choices' },
        old.choices?.map((c) => c.value).join('、'),
        f.choices?.map((c) => c.value).join('、'),
      ),
    );
  }
  for (const f of fa)
    if (!fb.some((x) => x.id === f.id))
      out.push(change('input-changed', fieldWhere(where, f), { zh: '删除', en: 'removed' }));
  return out;
}
