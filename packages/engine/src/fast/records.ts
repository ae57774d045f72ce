// A per-record stream (RULE-FORMS 20, 22, 52) on the integer kernels: a unit's list of cases read
// into registers, each case's test, price, cap per case and multiplier on rationals held in safe
// integers, as kinds/records.ts's perRecordOutcome has them (the property tests hold the two
// equal). Every field value is decoded by the one reader of typed values (decodeValue); only a
// list the exact path would take without a word goes this way: a list it would refuse or a cell
// it would report (a problem anywhere in the list, read or not) is its own to tell, and so is
// anything it would call cannot-compute (a price below 0, a test that is not yes or no, an
// escalation by a figure that is not whole). No exception decides anything here.
import type { UnitInput } from '../model/result.ts';
import type { ExprValue } from '../expr/types.ts';
import type { InputDef } from '../schema/ruleset.ts';
import type { CPerRecord } from '../kinds/records.ts';
import { decodeValue } from '../score/env.ts';
import {
  BLANK as V_BLANK,
  EXACT as V_EXACT,
  FALSE,
  NUM,
  STR,
  TRUE,
  type MicroBinder,
  type MicroExpr,
  type Reg,
  type Status,
} from '../expr/micro.ts';
import { addRat, cmpRat, mulRat, ratOfQ, reduceRat, type Rat } from './fixed.ts';

/** What a records kernel's `amount` tells: the amount is in `out`, a field it reads is blank
 *  (the item is missing), or only the exact evaluator can say. */
export const R_OK = 0;
export const R_BLANK = 1;
const R_EXACT = 2;

export interface RecordsKernel {
  /** The stream's amount for the unit, before its cap, in points (a rational) into `out`;
   *  `zeroed` tells whether a case reached the escalation's zeroAt. */
  amount(unit: UnitInput, out: Rat): number;
  zeroed: boolean;
}

/**
 * Whether the exact reader (kinds/records.ts readCases) takes a unit's list without a word: every
 * record an object whose keys are all declared fields, every field of every record decoded by
 * decodeValue without a problem (read by a formula or not: the exact path reports each). `put`
 * receives each value decoded, case k's field j at k × fields + j (false: not on the integers).
 */
export function takenList(
  list: readonly unknown[],
  fields: readonly InputDef[],
  known: ReadonlyMap<string, unknown>,
  put?: (p: number, v: ExprValue | undefined) => boolean,
): boolean {
  const F = fields.length;
  for (let k = 0; k < list.length; k++) {
    const rec = list[k];
    if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) return false;
    // A key that is no field refuses the list (the exact path names it); for…in lists an
    // inherited key too, which only sends the list there as well.
    for (const key in rec) if (!known.has(key)) return false;
    for (let j = 0; j < F; j++) {
      const field = fields[j] as InputDef;
      const raw = (rec as Record<string, unknown>)[field.id];
      const d = decodeValue(field, raw as Parameters<typeof decodeValue>[1]);
      if (d.problem !== undefined) return false;
      if (put && !put(k * F + j, d.value)) return false;
    }
  }
  return true;
}

/** A rational constant; undefined when it does not fit in safe integers. */
function ratOf(value: { s: bigint; n: bigint; d: bigint }): Rat | undefined {
  const r: Rat = { n: 0, d: 1 };
  return ratOfQ(value, r) ? r : undefined;
}

/**
 * The stream compiled for the kernels; undefined for a shape they do not take (a formula that
 * reads a name other than the case's fields, such as a deadline; a constant past the safe range).
 */
export function compileRecords(c: CPerRecord): RecordsKernel | undefined {
  const input = c.input;
  const fields = [...c.fields.values()];
  const at = new Map(fields.map((f, j) => [f.id, j] as const));
  const F = fields.length;
  // The list's registers: case k's field j at k × F + j (grown to the longest list met).
  let size = 0;
  let st = new Uint8Array(0);
  let rn = new Float64Array(0);
  let rd = new Float64Array(0);
  let rs: string[] = [];
  /** The case being priced: its registers start at `base`. */
  let base = 0;
  let unreadable = false;
  const bind: MicroBinder = {
    ident(name) {
      const j = at.get(name);
      if (j === undefined) {
        unreadable = true;
        return undefined;
      }
      return (out: Reg): Status => {
        const p = base + j;
        const s = st[p] as number;
        if (s === NUM) {
          out.n = rn[p] as number;
          out.d = rd[p] as number;
        } else if (s === STR) out.s = rs[p] as string;
        return s;
      };
    },
  };
  const micro = (e: { microBound(b: MicroBinder): MicroExpr } | undefined) =>
    e ? e.microBound(bind) : undefined;
  const when = micro(c.when);
  const multiplied = c.multiplied ? micro(c.multiplied.when) : undefined;
  const eachExpr = c.each && 'expr' in c.each ? micro(c.each.expr) : undefined;
  if (unreadable) return undefined;
  const eachConst = c.each && 'constant' in c.each ? ratOf(c.each.constant) : undefined;
  if (c.each && 'constant' in c.each && !eachConst) return undefined;
  const eachCap = c.eachCap ? ratOf(c.eachCap) : undefined;
  const factor = c.multiplied ? ratOf(c.multiplied.factor) : undefined;
  if ((c.eachCap && !eachCap) || (c.multiplied && !factor)) return undefined;
  const e = c.escalation;
  const by = e ? at.get(e.by.id) : undefined;
  const steps = e?.at.map(ratOf);
  const points = e?.points.map(ratOf);
  const increment = e?.increment ? ratOf(e.increment) : undefined;
  if (
    e &&
    (by === undefined ||
      steps?.some((x) => !x || x.d !== 1) ||
      points?.some((x) => !x) ||
      (e.increment && !increment))
  )
    return undefined;
  const zeroAt = e?.zeroAt ?? Number.POSITIVE_INFINITY;
  const scratch: Rat = { n: 0, d: 1 };
  const price: Rat = { n: 0, d: 1 };

  /** Case k's field j, decoded, into its register; false for a figure past the safe range. */
  const put = (p: number, v: ExprValue | undefined): boolean => {
    if (v === undefined) st[p] = V_BLANK;
    else if (typeof v === 'boolean') st[p] = v ? TRUE : FALSE;
    else if (typeof v === 'string') {
      st[p] = STR;
      rs[p] = v;
    } else if (ratOfQ(v, scratch)) {
      st[p] = NUM;
      rn[p] = scratch.n;
      rd[p] = scratch.d;
    } else return false;
    return true;
  };
  /** Every case's fields into the registers; R_OK, or R_EXACT for a list the exact path would
   *  refuse or report (it says where). */
  const load = (list: readonly unknown[]): number => {
    const need = list.length * F;
    if (need > size) {
      size = Math.max(need, 2 * size, 16);
      st = new Uint8Array(size);
      rn = new Float64Array(size);
      rd = new Float64Array(size);
      rs = new Array<string>(size).fill('');
    }
    return takenList(list, fields, at, put) ? R_OK : R_EXACT;
  };

  /** Case k's price (before the cap per case) into `price`. */
  const priced = (): number => {
    if (e) {
      const s = st[base + (by as number)];
      if (s === V_BLANK) return R_BLANK;
      if (s !== NUM) return R_EXACT;
      const vn = rn[base + (by as number)] as number;
      // Decoded in lowest terms: a whole number has denominator 1; anything else cannot be
      // computed (the exact path says so).
      if (rd[base + (by as number)] !== 1) return R_EXACT;
      // The highest step the value reaches; nothing below the first.
      let i = -1;
      while (i + 1 < (steps as Rat[]).length && vn >= (steps as Rat[])[i + 1]!.n) i++;
      if (vn >= zeroAt) rk.zeroed = true;
      if (i < 0) {
        price.n = 0;
        price.d = 1;
        return R_OK;
      }
      const p = (points as Rat[])[i]!;
      if (i === (steps as Rat[]).length - 1 && increment) {
        // p + increment × (v − the last step)
        if (!mulRat(increment.n, increment.d, vn - (steps as Rat[])[i]!.n, 1, scratch))
          return R_EXACT;
        return addRat(p.n, p.d, scratch.n, scratch.d, price) ? R_OK : R_EXACT;
      }
      price.n = p.n;
      price.d = p.d;
      return R_OK;
    }
    if (eachConst) {
      price.n = eachConst.n;
      price.d = eachConst.d;
      return R_OK;
    }
    if (!eachExpr) {
      price.n = 0;
      price.d = 1;
      return R_OK;
    }
    const s = eachExpr.ev(NO_ENV);
    if (s === V_BLANK) return R_BLANK;
    if (s !== NUM) return R_EXACT;
    price.n = eachExpr.out.n;
    price.d = eachExpr.out.d;
    return R_OK;
  };

  const rk: RecordsKernel = {
    zeroed: false,
    amount(unit, out) {
      rk.zeroed = false;
      out.n = 0;
      out.d = 1;
      const raw: unknown = unit.records?.[input.id];
      // Absent: missing, unless a blank means no cases (blankMeans: 0).
      if (raw === undefined || raw === null) return input.blankMeans === undefined ? R_BLANK : R_OK;
      if (!Array.isArray(raw)) return R_EXACT;
      const loaded = load(raw);
      if (loaded !== R_OK) return loaded;
      for (let k = 0; k < raw.length; k++) {
        base = k * F;
        if (when) {
          const s = when.ev(NO_ENV);
          if (s === V_BLANK) return R_BLANK;
          if (s === FALSE) continue;
          if (s !== TRUE) return R_EXACT;
        }
        const got = priced();
        if (got !== R_OK) return got;
        if (price.n < 0) return R_EXACT; // priced below 0: the exact path's cannot-compute
        let an = price.n;
        let ad = price.d;
        if (eachCap && cmpRat(an, ad, eachCap.n, eachCap.d) > 0) {
          an = eachCap.n;
          ad = eachCap.d;
        }
        if (multiplied) {
          const s = multiplied.ev(NO_ENV);
          if (s === V_BLANK) return R_BLANK;
          if (s === TRUE) {
            if (!mulRat(an, ad, (factor as Rat).n, (factor as Rat).d, scratch)) return R_EXACT;
            an = scratch.n;
            ad = scratch.d;
          } else if (s !== FALSE) return R_EXACT;
        }
        if (!addRat(out.n, out.d, an, ad, scratch)) return R_EXACT;
        // In lowest terms, so that a long list's sum leaves the safe range only when the exact
        // figure does.
        reduceRat(scratch.n, scratch.d, out);
      }
      return R_OK;
    },
  };
  return rk;
}

/** The case's formulas read its fields alone (bound at compile time): no environment is asked. */
const NO_ENV = {
  ident: (): Status => V_EXACT,
};
