// One unit's operands decoded once into typed arrays. Every operand a kernel reads is a slot:
// an input's figure in micro units, a yes/no or choice as a symbol code, a constant, or a
// derived value (an expression of inputs) worked out on first use. A Float64Array holds the
// figures unboxed, so a unit is decoded and scored without allocating per item, and an input
// read by several items (or by a sanction) is parsed once.
import { fmt, type Q } from '../exact/exact.ts';
import {
  FALLBACK,
  type MicroBinder,
  type MicroEnv,
  type MicroEv,
  type MicroValue,
} from '../expr/micro.ts';
import { MissingValue } from '../expr/types.ts';
import type { InputValue, UnitInput } from '../model/result.ts';
import { NUMERIC_UNITS, type InputDef } from '../schema/ruleset.ts';
import { operandValue } from '../score/base-rules.ts';
import type { COperand, CompiledRuleSet } from '../score/compile.ts';
import { decodeValue, type UnitEnv } from '../score/env.ts';
import { MICRO_DP, toMicro } from './fixed.ts';

/** A slot's state: its value is in `m` (OK), the input is blank (BLANK: a missing input),
 *  only the exact evaluator can judge it (EXACT), or a derived value not yet worked out. */
export const OK = 0;
export const BLANK = 1;
const EXACT = 2;
const PENDING = 4;

/** Flags of an input slot: what the official typed was blank; evidence is supplied. */
const RAW_BLANK = 1;
const HAS_EVIDENCE = 2;

/** Units whose figures are numbers (micro units in a slot). */
export const NUMERIC: ReadonlySet<string> = new Set(NUMERIC_UNITS);

/** Symbol codes of yes/no: a choice's value gets a code from 2 up. */
export const NO_CODE = 0;
export const YES_CODE = 1;

interface UnitMicroEnv extends MicroEnv {
  /** Set once the unit's total is known (for sanctions on `total`). */
  total: number | undefined;
  result?: MicroEnv['result'];
}

/** The unit being scored, decoded. One frame serves unit after unit. */
export interface Frame {
  unit: UnitInput;
  /** Slot values: micro units, or a symbol code. */
  m: Float64Array;
  /** Slot states (OK, BLANK, EXACT, PENDING). */
  s: Uint8Array;
  /** Input slot flags: RAW_BLANK (the typed value is blank), HAS_EVIDENCE. */
  x: Uint8Array;
  /** A base kernel's fractional result, num / den (see FRAC). */
  q: Float64Array;
  /** The integer environment for expressions (gates, sanctions, derived values). */
  micro: UnitMicroEnv;
  /** The exact evaluator's environment of the unit, made on first use. */
  exact(): UnitEnv;
  /** Works out a PENDING derived slot; returns its state. */
  resolve(k: number): number;
}

/** A slot's state, working out a derived value on first use. */
function state(f: Frame, k: number): number {
  const st = f.s[k] as number;
  return st === PENDING ? f.resolve(k) : st;
}

/** The merged state of two slots: BLANK wins over EXACT, as a missing input is reported first. */
export function state2(f: Frame, a: number, b: number): number {
  const st = state(f, a) | state(f, b);
  return st & BLANK ? BLANK : st;
}

export function state3(f: Frame, a: number, b: number, c: number): number {
  const st = state(f, a) | state(f, b) | state(f, c);
  return st & BLANK ? BLANK : st;
}

export const microOf = (value: Q): number | undefined => {
  try {
    return toMicro(fmt(value));
  } catch {
    return undefined;
  }
};

/** An input with a slot. One shape for both kinds, so the loader's reads stay monomorphic. */
interface SlotInput {
  id: string;
  def: InputDef;
  k: number;
  /** A figure (micro units), else a yes/no or choice (a symbol code). */
  numeric: boolean;
  yesno: boolean;
  /** Figures: what a blank means (micro units), or null; the declared range. */
  blank: number | null;
  min: number;
  max: number;
  /** Symbols: decoded raw text → code (or −BLANK / −EXACT); officials type few spellings. */
  memo: Map<string, number>;
  blankCode: number;
}

interface Derived {
  k: number;
  op: COperand;
  ev: MicroEv;
}

/**
 * The slots of one rule set. Kernels ask for slots while they are built; `seal` then sizes the
 * frame. `load` decodes a unit into the frame.
 */
export interface FramePlan {
  /** The slot of a numeric input, a yes/no or choice input (kind 'symbol'), or undefined. */
  inputSlot(id: string): { k: number; kind: 'number' | 'symbol' } | undefined;
  /** The slot an operand reads (constant, numeric input or expression); undefined when the
   *  operand does not fit the integer path. */
  operandSlot(op: COperand | undefined): number | undefined;
  constSlot(micro: number): number;
  /** The code of a yes/no or choice value. */
  codeOf(value: boolean | string): number;
  symbol(code: number): boolean | string | undefined;
  /** Reads an identifier straight from the frame's slots (for MicroBinder). */
  bind: MicroBinder;
  seal(): Frame;
  load(unit: UnitInput): void;
}

/** `exact` gives the loaded unit's exact environment (the caller makes it once per unit). */
export function createFramePlan(rs: CompiledRuleSet, exact: () => UnitEnv): FramePlan {
  const numeric: SlotInput[] = [];
  const symbols: SlotInput[] = [];
  const slotOf = new Map<string, { k: number; kind: 'number' | 'symbol' }>();
  const constants: { k: number; micro: number }[] = [];
  const constSlots = new Map<number, number>();
  const derived: Derived[] = [];
  const derivedSlots = new Map<COperand, number>();
  const codes = new Map<boolean | string, number>([
    [false, NO_CODE],
    [true, YES_CODE],
  ]);
  const names: (boolean | string)[] = [false, true];
  let next = 0;

  const codeOf = (value: boolean | string): number => {
    let c = codes.get(value);
    if (c === undefined) {
      c = names.length;
      names.push(value);
      codes.set(value, c);
    }
    return c;
  };
  /** A decoded symbol as a code, or −BLANK / −EXACT. */
  const symbolCode = (def: InputDef, raw: InputValue | undefined): number => {
    const d = decodeValue(def, raw);
    if (d.problem !== undefined) return -EXACT;
    if (d.value === undefined) return -BLANK;
    return typeof d.value === 'object' ? -EXACT : codeOf(d.value);
  };

  for (const def of rs.inputs.values()) {
    if (NUMERIC.has(def.unit)) {
      const blank = def.blankMeans === undefined ? null : toMicro(def.blankMeans);
      const min = def.min === undefined ? -Infinity : toMicro(def.min);
      const max = def.max === undefined ? Infinity : toMicro(def.max);
      // Declarations that do not fit micro units leave the input to the exact path.
      if (blank === undefined || min === undefined || max === undefined) continue;
      const k = next++;
      numeric.push({
        id: def.id,
        def,
        k,
        numeric: true,
        yesno: false,
        blank,
        min,
        max,
        memo: new Map(),
        blankCode: -BLANK,
      });
      slotOf.set(def.id, { k, kind: 'number' });
    } else if (def.unit === 'yesno' || def.unit === 'choice') {
      const k = next++;
      const blankCode = symbolCode(def, null);
      symbols.push({
        id: def.id,
        def,
        k,
        numeric: false,
        yesno: def.unit === 'yesno',
        blank: null,
        min: 0,
        max: 0,
        memo: new Map(),
        blankCode,
      });
      slotOf.set(def.id, { k, kind: 'symbol' });
    }
  }

  // The frame exists from the start (expressions bind to it while kernels are built); `seal`
  // gives it arrays sized for every slot asked for.
  const byDerivedSlot: (Derived | undefined)[] = [];
  let sealed = false;
  const f: Frame = {
    unit: { id: '', name: '', values: {} },
    m: new Float64Array(0),
    s: new Uint8Array(0),
    x: new Uint8Array(0),
    q: new Float64Array(2),
    micro: createFrameEnv(rs, slotOf, names, () => f),
    exact,
    resolve: (k) => resolveDerived(k),
  };
  const resolveDerived = (k: number): number => {
    const { m, s } = f;
    const d = byDerivedSlot[k];
    if (!d) return (s[k] = EXACT);
    try {
      const v = d.ev(f.micro);
      if (typeof v !== 'number') return (s[k] = EXACT);
      m[k] = v;
      return (s[k] = OK);
    } catch (e) {
      if (e instanceof MissingValue) return (s[k] = BLANK);
      if (e !== FALLBACK) return (s[k] = EXACT);
    }
    try {
      const v = microOf(operandValue(rs, d.op, f.exact()));
      if (v === undefined) return (s[k] = EXACT);
      m[k] = v;
      return (s[k] = OK);
    } catch (e) {
      return (s[k] = e instanceof MissingValue ? BLANK : EXACT);
    }
  };
  const bind: MicroBinder = (name) => {
    const slot = slotOf.get(name);
    return slot ? () => readSlot(f, slot, name, names) : undefined;
  };

  /** A new slot; the frame's arrays are sized when it is sealed, so none may come after. */
  const newSlot = (): number => {
    if (sealed) throw new Error('a slot was asked for after the frame was sealed');
    return next++;
  };
  const constSlot = (micro: number): number => {
    let k = constSlots.get(micro);
    if (k === undefined) {
      k = newSlot();
      constSlots.set(micro, k);
      constants.push({ k, micro });
    }
    return k;
  };

  const rounding = rs.rateRounding;
  const operandSlot = (op: COperand | undefined): number | undefined => {
    if (!op) return undefined;
    if (op.constant) {
      const c = microOf(op.constant);
      return c === undefined ? undefined : constSlot(c);
    }
    const def = op.input;
    if (def && !op.derived) {
      const slot = slotOf.get(def.id);
      return slot?.kind === 'number' ? slot.k : undefined;
    }
    // An expression (a derived ratio, an assigned target): a rate is rounded as declared.
    const expr = op.expr;
    if (!expr) return undefined;
    let k = derivedSlots.get(op);
    if (k === undefined) {
      k = newSlot();
      derivedSlots.set(op, k);
      const ev =
        rounding && op.rate && rounding.dp <= MICRO_DP
          ? expr.microRounded(rounding.dp, rounding.mode, bind)
          : expr.microBound(bind);
      derived.push({ k, op, ev });
    }
    return k;
  };

  let blankM = new Float64Array(0);
  let blankS = new Uint8Array(0);
  let blankX = new Uint8Array(0);
  const seal = (): Frame => {
    if (sealed) return f;
    sealed = true;
    // The state every unit starts from: constants set, inputs blank (a key may be absent),
    // derived values pending. `load` copies it in, then takes the unit's values.
    blankM = new Float64Array(next);
    blankS = new Uint8Array(next);
    blankX = new Uint8Array(next);
    for (const c of constants) blankM[c.k] = c.micro;
    for (const d of numeric) {
      blankX[d.k] = RAW_BLANK;
      if (d.blank === null) blankS[d.k] = BLANK;
      else blankM[d.k] = d.blank;
    }
    for (const d of symbols) {
      blankX[d.k] = RAW_BLANK;
      setCode(blankM, blankS, d, d.blankCode);
    }
    for (const d of derived) blankS[d.k] = PENDING;
    f.m = blankM.slice();
    f.s = blankS.slice();
    f.x = blankX.slice();
    for (const d of derived) byDerivedSlot[d.k] = d;
    return f;
  };

  // Officials' sheets give every unit the same keys in the same order: the key seen at each
  // position of the last unit is remembered with its input, so a unit's values are walked once
  // (for…in) without a lookup per key.
  const inputOf = new Map<string, SlotInput>();
  for (const d of numeric) inputOf.set(d.id, d);
  for (const d of symbols) inputOf.set(d.id, d);
  const valueKeys = keyOrder(inputOf);
  const evidenceKeys = keyOrder(inputOf);

  const load = (unit: UnitInput): void => {
    if (!sealed) seal();
    const { m, s, x } = f;
    f.unit = unit;
    f.micro.total = undefined;
    m.set(blankM);
    s.set(blankS);
    x.set(blankX);
    const values = unit.values;
    let p = 0;
    for (const key in values) {
      const d = valueKeys(p++, key);
      if (d === undefined) continue;
      const raw = values[key];
      // Blank (as the template has it already). Text of spaces only is not taken as blank here:
      // a figure of spaces goes to the exact path, which reads it as blank, and a yes/no or
      // choice of spaces decodes to blank.
      if (raw === null || raw === undefined || raw === '') continue;
      x[d.k] = 0;
      // Not a string, number or boolean (an object from JSON): the exact path reports it.
      if (typeof raw === 'object' || typeof raw === 'function') {
        s[d.k] = EXACT;
        continue;
      }
      if (d.numeric) {
        const v = typeof raw === 'boolean' ? undefined : toMicro(raw);
        if (v === undefined || v < d.min || v > d.max) s[d.k] = EXACT;
        else {
          m[d.k] = v;
          s[d.k] = OK;
        }
      } else if (d.yesno && typeof raw === 'boolean') {
        m[d.k] = raw ? YES_CODE : NO_CODE;
        s[d.k] = OK;
      } else {
        const text = typeof raw === 'string' ? raw : String(raw);
        let code = d.memo.get(text);
        if (code === undefined) {
          code = symbolCode(d.def, raw);
          if (d.memo.size > 1000) d.memo.clear();
          d.memo.set(text, code);
        }
        setCode(m, s, d, code);
      }
    }
    const evidence = unit.evidence;
    if (evidence === undefined) return;
    p = 0;
    for (const key in evidence) {
      const d = evidenceKeys(p++, key);
      if (d !== undefined && evidence[key]) x[d.k] = (x[d.k] as number) | HAS_EVIDENCE;
    }
  };

  return {
    inputSlot: (id) => slotOf.get(id),
    operandSlot,
    constSlot,
    codeOf,
    symbol: (code) => names[code],
    bind,
    seal,
    load,
  };
}

/** The input of the key at position p of an object walked with for…in: the key met there in the
 *  last object is remembered with its input, so objects of one shape need no lookup per key. */
function keyOrder(
  inputOf: ReadonlyMap<string, SlotInput>,
): (p: number, key: string) => SlotInput | undefined {
  const keys: string[] = [];
  const inputs: (SlotInput | undefined)[] = [];
  return (p, key) => {
    if (keys[p] === key) return inputs[p];
    const d = inputOf.get(key);
    keys[p] = key;
    inputs[p] = d;
    return d;
  };
}

/** A symbol input's code, or its state when the code is −BLANK / −EXACT. */
function setCode(m: Float64Array, s: Uint8Array, d: SlotInput, code: number): void {
  if (code < 0) s[d.k] = -code;
  else {
    m[d.k] = code;
    s[d.k] = OK;
  }
}

/** An input's slot as an expression reads it: micro units or the symbol's value; a blank throws
 *  MissingValue, a value only the exact path can judge throws FALLBACK. */
function readSlot(
  f: Frame,
  slot: { k: number; kind: 'number' | 'symbol' },
  name: string,
  names: readonly (boolean | string)[],
): MicroValue {
  const st = f.s[slot.k];
  if (st === BLANK) throw new MissingValue(name);
  if (st !== OK) throw FALLBACK;
  const v = f.m[slot.k] as number;
  return slot.kind === 'number' ? v : (names[v] ?? fallback());
}

/** The integer environment of the loaded unit, read from its slots. */
function createFrameEnv(
  rs: CompiledRuleSet,
  slotOf: ReadonlyMap<string, { k: number; kind: 'number' | 'symbol' }>,
  names: readonly (boolean | string)[],
  frame: () => Frame,
): UnitMicroEnv {
  const env: UnitMicroEnv = {
    total: undefined,
    ident(name: string): MicroValue {
      if (name === 'total') {
        // Unset while the items are scored (they cannot read it) and for an incomplete total.
        if (env.total === undefined) throw new MissingValue('total');
        return env.total;
      }
      const f = frame();
      if (name === 'class') {
        if (f.unit.class === undefined) throw new MissingValue('class');
        return f.unit.class;
      }
      const slot = slotOf.get(name);
      if (slot) return readSlot(f, slot, name, names);
      const def = rs.inputs.get(name);
      if (!def || NUMERIC.has(def.unit)) throw FALLBACK;
      const decoded = decodeValue(def, f.unit.values[name]);
      if (decoded.problem !== undefined) throw FALLBACK;
      const v = decoded.value;
      if (v === undefined) throw new MissingValue(name);
      return typeof v === 'object' ? fallback() : v;
    },
  };
  return env;
}

function fallback(): never {
  throw FALLBACK;
}
