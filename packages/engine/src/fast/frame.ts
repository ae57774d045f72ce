// One unit's operands decoded once into typed arrays. Every operand a kernel reads is a slot:
// an input's figure as an exact rational (numerator in `m`, denominator in `d`, both safe
// integers), a yes/no or choice as a symbol code, a constant, a cohort statistic
// (peer_mean(rate)…), or a derived value (an expression of inputs) worked out on first use.
// Float64Arrays hold the figures unboxed, so a unit is decoded and scored without allocating
// per item, and an input read by several items (or by a sanction) is parsed once.
import {
  BLANK as V_BLANK,
  EXACT as V_EXACT,
  FALSE,
  NUM,
  STR,
  TRUE,
  type MicroBinder,
  type MicroEnv,
  type MicroExpr,
  type Reader,
  type Reg,
  type Status,
} from '../expr/micro.ts';
import type { InputValue, UnitInput } from '../model/result.ts';
import type { ScoreContext, PeerStat } from '../model/context.ts';
import { NUMERIC_UNITS, type InputDef } from '../schema/ruleset.ts';
import type { COperand, CompiledRuleSet } from '../score/compile.ts';
import { decodeValue, type UnitEnv } from '../score/env.ts';
import { cmpRat, parseRat, ratOfQ, readRat, type Rat } from './fixed.ts';
import { asInput } from '../kinds/records.ts';
import { takenList } from './records.ts';

/** A slot's state: its value is in `m` / `d` (OK), the input is blank (BLANK: a missing
 *  input), only the exact evaluator can judge it (EXACT), or a derived value not yet worked out. */
export const OK = 0;
export const BLANK = 1;
const EXACT = 2;
const PENDING = 4;

/** How the walk over a unit's values takes an input inline: a yes/no, a figure, else (0) by take. */
const K_YESNO = 1;
const K_NUMBER = 2;

/** Flags of an input slot: what the official typed was blank; evidence is supplied. */
const RAW_BLANK = 1;
const HAS_EVIDENCE = 2;

/** Units whose figures are numbers (rationals in a slot). */
export const NUMERIC: ReadonlySet<string> = new Set(NUMERIC_UNITS);

/** Symbol codes of yes/no: a choice's value gets a code from 2 up. */
export const NO_CODE = 0;
export const YES_CODE = 1;

interface UnitMicroEnv extends MicroEnv {
  /** Set once the unit's total is known (for sanctions on `total`): n / d. */
  total: Rat | undefined;
  result?: MicroEnv['result'];
  counter?: MicroEnv['counter'];
}

/** The unit being scored, decoded. One frame serves unit after unit. */
export interface Frame {
  unit: UnitInput;
  /** Slot values: numerators, or a symbol code. */
  m: Float64Array;
  /** Slot denominators (> 0; 1 for symbols). */
  d: Float64Array;
  /** Slot states (OK, BLANK, EXACT, PENDING). */
  s: Uint8Array;
  /** Input slot flags: RAW_BLANK (the typed value is blank), HAS_EVIDENCE. */
  x: Uint8Array;
  /** A base kernel's fractional result, num / den, and whether it is also the upper bound (see FRAC). */
  q: Float64Array;
  /** The integer environment for expressions (gates, sanctions, derived values). */
  micro: UnitMicroEnv;
  /** The cohort's statistics and places the unit is scored among (a rank rule's place). */
  peers: ScoreContext['peers'];
  /** The exact evaluator's environment of the unit, made on first use. */
  exact(): UnitEnv;
  /** Works out a PENDING derived slot; returns its state. */
  resolve(k: number): number;
}

/** A slot's state, working out a derived value on first use. */
export function state(f: Frame, k: number): number {
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

/** An input with a slot. One shape for both kinds, so the loader's reads stay monomorphic. */
interface SlotInput {
  id: string;
  def: InputDef;
  k: number;
  /** A figure (a rational), else a yes/no or choice (a symbol code). */
  numeric: boolean;
  /** A date: a figure holding its day number (../exact/calendar.ts), decoded as the exact path
   *  decodes it. */
  date: boolean;
  yesno: boolean;
  /** Figures: what a blank means, or none (hasBlank false); the declared range, if any. */
  hasBlank: boolean;
  blank: Rat;
  min: Rat | undefined;
  max: Rat | undefined;
  /** Symbols: decoded raw text → code (or −BLANK / −EXACT); officials type few spellings. */
  memo: Map<string, number>;
  blankCode: number;
}

interface Derived {
  k: number;
  ex: MicroExpr;
}

/** A cohort statistic read by an expression (peer_mean(rate)): one slot, set per cohort. */
interface PeerSlot {
  k: number;
  kind: PeerStat;
  id: string;
}

/**
 * The slots of one rule set. Kernels ask for slots while they are built; `seal` then sizes the
 * frame. `load` decodes a unit into the frame.
 */
export interface FramePlan {
  /** The slot of a numeric input, a yes/no or choice input (kind 'symbol'), or undefined. */
  inputSlot(id: string): { k: number; kind: 'number' | 'symbol' } | undefined;
  /** The slot an operand reads (constant, numeric input or expression); undefined when the
   *  operand does not fit the integer path (a constant past the safe range). */
  operandSlot(op: COperand | undefined): number | undefined;
  constSlot(n: number, d: number): number;
  /** The code of a yes/no or choice value. */
  codeOf(value: boolean | string): number;
  symbol(code: number): boolean | string | undefined;
  /** Reads identifiers and cohort statistics straight from the frame's slots. */
  bind: MicroBinder;
  seal(): Frame;
  load(unit: UnitInput, ctx: ScoreContext): void;
}

const ratOf = (n: number, d: number): Rat => ({ n, d });

/** A declared decimal (blankMeans, min, max) as a rational; undefined when it does not fit. */
function declared(value: string | number | undefined): Rat | undefined {
  if (value === undefined) return undefined;
  const r = ratOf(0, 1);
  return readRat(value, r) ? r : undefined;
}

/** `exact` gives the loaded unit's exact environment (the caller makes it once per unit). */
export function createFramePlan(rs: CompiledRuleSet, exact: () => UnitEnv): FramePlan {
  const numeric: SlotInput[] = [];
  const symbols: SlotInput[] = [];
  /** Lists of cases: their slots hold their number of cases, counted for each unit only once
   *  something asks for the slot (decoding every cell of every case is not free, and a list read
   *  by a per-record stream alone is decoded there). */
  const lists: {
    k: number;
    def: InputDef;
    fields: readonly InputDef[];
    known: ReadonlyMap<string, InputDef>;
    read: boolean;
  }[] = [];
  const listOf = new Map<string, (typeof lists)[number]>();
  /** An input's slot, as a reader binds it: a list's is counted from then on. */
  const slotFor = (id: string): { k: number; kind: 'number' | 'symbol' } | undefined => {
    const list = listOf.get(id);
    if (list) list.read = true;
    return slotOf.get(id);
  };
  const slotOf = new Map<string, { k: number; kind: 'number' | 'symbol' }>();
  const constants: { k: number; n: number; d: number }[] = [];
  const constSlots = new Map<string, number>();
  const derived: Derived[] = [];
  const derivedSlots = new Map<COperand, number>();
  const peers: PeerSlot[] = [];
  const peerSlots = new Map<string, number>();
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
      const blank = declared(def.blankMeans);
      const min = declared(def.min);
      const max = declared(def.max);
      // Declarations past the safe range leave the input to the exact path.
      if (
        (def.blankMeans !== undefined && !blank) ||
        (def.min !== undefined && !min) ||
        (def.max !== undefined && !max)
      )
        continue;
      const k = next++;
      numeric.push({
        id: def.id,
        def,
        k,
        numeric: true,
        date: false,
        yesno: false,
        hasBlank: blank !== undefined,
        blank: blank ?? ratOf(0, 1),
        min,
        max,
        memo: new Map(),
        blankCode: -BLANK,
      });
      slotOf.set(def.id, { k, kind: 'number' });
    } else if (def.unit === 'date') {
      const k = next++;
      numeric.push({
        id: def.id,
        def,
        k,
        numeric: true,
        date: true,
        yesno: false,
        hasBlank: false,
        blank: ratOf(0, 1),
        min: undefined,
        max: undefined,
        memo: new Map(),
        blankCode: -BLANK,
      });
      slotOf.set(def.id, { k, kind: 'number' });
    } else if (def.unit === 'cases') {
      // A list of cases, read as its number of cases (a figure): counted by `load`.
      const k = next++;
      const fields = (def.fields ?? []).map(asInput);
      const list = { k, def, fields, known: new Map(fields.map((fd) => [fd.id, fd])), read: false };
      lists.push(list);
      listOf.set(def.id, list);
      slotOf.set(def.id, { k, kind: 'number' });
    } else if (def.unit === 'yesno' || def.unit === 'choice') {
      const k = next++;
      const blankCode = symbolCode(def, null);
      symbols.push({
        id: def.id,
        def,
        k,
        numeric: false,
        date: false,
        yesno: def.unit === 'yesno',
        hasBlank: false,
        blank: ratOf(0, 1),
        min: undefined,
        max: undefined,
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
    d: new Float64Array(0),
    s: new Uint8Array(0),
    x: new Uint8Array(0),
    q: new Float64Array(3),
    micro: createFrameEnv(rs, slotOf, names, () => f),
    peers: undefined,
    exact,
    resolve: (k) => resolveDerived(k),
  };
  const resolveDerived = (k: number): number => {
    const { m, s } = f;
    const dv = byDerivedSlot[k];
    if (!dv) return (s[k] = EXACT);
    const st = dv.ex.ev(f.micro);
    if (st === NUM) {
      m[k] = dv.ex.out.n;
      f.d[k] = dv.ex.out.d;
      return (s[k] = OK);
    }
    // A blank operand: the item lacks an input. Anything else (a value past the safe range, a
    // function only the exact evaluator has, a division by zero): the exact path judges it.
    return (s[k] = st === V_BLANK ? BLANK : EXACT);
  };
  const slotReader = (slot: { k: number; kind: 'number' | 'symbol' }): Reader => {
    const k = slot.k;
    return slot.kind === 'number'
      ? (out) => {
          const st = f.s[k];
          if (st !== OK) return st === BLANK ? V_BLANK : V_EXACT;
          out.n = f.m[k] as number;
          out.d = f.d[k] as number;
          return NUM;
        }
      : (out) => {
          const st = f.s[k];
          if (st !== OK) return st === BLANK ? V_BLANK : V_EXACT;
          return symbolStatus(names[f.m[k] as number], out);
        };
  };
  /** A named derived value's slot: its formula, rounded as declared, worked out on first use. */
  const namedSlots = new Map<string, number>();
  const namedReader = (name: string): Reader | undefined => {
    const dv = rs.derived.get(name);
    if (!dv) return undefined;
    let k = namedSlots.get(name);
    if (k === undefined) {
      k = newSlot();
      namedSlots.set(name, k);
      const ex = dv.rounding
        ? dv.expr.microRounded(dv.rounding.dp, dv.rounding.mode, bind)
        : dv.expr.microBound(bind);
      derived.push({ k, ex });
    }
    const slot = k;
    return (out) => {
      const st = state(f, slot);
      if (st !== OK) return st === BLANK ? V_BLANK : V_EXACT;
      out.n = f.m[slot] as number;
      out.d = f.d[slot] as number;
      return NUM;
    };
  };
  const bind: MicroBinder = {
    ident: (name) => {
      const slot = slotFor(name);
      return slot ? slotReader(slot) : namedReader(name);
    },
    call: (fn, id) => {
      const kind = fn === 'peer_mean' ? 'mean' : fn === 'peer_max' ? 'max' : 'min';
      const key = `${kind}:${id}`;
      let k = peerSlots.get(key);
      if (k === undefined) {
        k = newSlot();
        peerSlots.set(key, k);
        peers.push({ k, kind, id });
      }
      return slotReader({ k, kind: 'number' });
    },
  };

  /** A new slot; the frame's arrays are sized when it is sealed, so none may come after. */
  const newSlot = (): number => {
    if (sealed) throw new Error('a slot was asked for after the frame was sealed');
    return next++;
  };
  const constSlot = (n: number, d: number): number => {
    const key = `${n}/${d}`;
    let k = constSlots.get(key);
    if (k === undefined) {
      k = newSlot();
      constSlots.set(key, k);
      constants.push({ k, n, d });
    }
    return k;
  };

  const rounding = rs.rateRounding;
  const scratch = ratOf(0, 1);
  const operandSlot = (op: COperand | undefined): number | undefined => {
    if (!op) return undefined;
    if (op.constant)
      return ratOfQ(op.constant, scratch) ? constSlot(scratch.n, scratch.d) : undefined;
    const def = op.input;
    if (def && !op.derived) {
      const slot = slotFor(def.id);
      return slot?.kind === 'number' ? slot.k : undefined;
    }
    // An expression (a derived ratio, an assigned target): a rate is rounded as declared.
    const expr = op.expr;
    if (!expr) return undefined;
    let k = derivedSlots.get(op);
    if (k === undefined) {
      k = newSlot();
      derivedSlots.set(op, k);
      const ex =
        rounding && op.rate
          ? expr.microRounded(rounding.dp, rounding.mode, bind)
          : expr.microBound(bind);
      derived.push({ k, ex });
    }
    return k;
  };

  let blankM = new Float64Array(0);
  let blankD = new Float64Array(0);
  let blankS = new Uint8Array(0);
  let blankX = new Uint8Array(0);
  const seal = (): Frame => {
    if (sealed) return f;
    sealed = true;
    // The state every unit starts from: constants set, inputs blank (a key may be absent),
    // derived values pending. `load` copies it in, then takes the unit's values.
    blankM = new Float64Array(next);
    blankD = new Float64Array(next).fill(1);
    blankS = new Uint8Array(next);
    blankX = new Uint8Array(next);
    for (const c of constants) {
      blankM[c.k] = c.n;
      blankD[c.k] = c.d;
    }
    for (const d of numeric) {
      blankX[d.k] = RAW_BLANK;
      if (!d.hasBlank) blankS[d.k] = BLANK;
      else {
        blankM[d.k] = d.blank.n;
        blankD[d.k] = d.blank.d;
      }
    }
    for (const d of symbols) {
      blankX[d.k] = RAW_BLANK;
      setCode(blankM, blankS, d, d.blankCode);
    }
    // A list nothing asked for is not counted: read anyway, it is the exact path's.
    for (const l of lists) blankS[l.k] = EXACT;
    for (const d of derived) blankS[d.k] = PENDING;
    // Cohort statistics are blank until a cohort gives them (as the exact path finds no peers).
    for (const p of peers) blankS[p.k] = BLANK;
    f.m = blankM.slice();
    f.d = blankD.slice();
    f.s = blankS.slice();
    f.x = blankX.slice();
    for (const d of derived) byDerivedSlot[d.k] = d;
    return f;
  };

  /** The cohort's statistics into the starting state, once per cohort (context) seen. */
  let lastCtx: ScoreContext | undefined;
  const takePeers = (ctx: ScoreContext): void => {
    lastCtx = ctx;
    for (const p of peers) {
      const stat = ctx.peers?.stat(p.kind, p.id);
      if (stat === undefined) blankS[p.k] = BLANK;
      else if (!ratOfQ(stat, scratch)) blankS[p.k] = EXACT;
      else {
        blankS[p.k] = OK;
        blankM[p.k] = scratch.n;
        blankD[p.k] = scratch.d;
      }
    }
  };

  // Each input's value is what the exact path reads: unit.values[id]. Two ways of reading give
  // it, and which is cheaper depends on how the caller built its objects, which a program cannot
  // see (V8 keeps an object built from a literal or JSON with fast properties, and one built key
  // by key, as Kaohe's own sheet reader and BENCH-30 do, as a dictionary):
  // - walking: the unit's own keys are walked (for…in) and the key met at each position of the
  //   last unit is remembered with its input, so no input is looked up by name. Over objects with
  //   fast properties this is about ten times cheaper than reading by id (0.25 against 3.5 µs a
  //   Baotou unit of 75 keys); over a dictionary it allocates and sorts a list of its keys on
  //   every unit (about 780 bytes of garbage a BENCH-30 unit);
  // - by id: values[id] for each input, nothing allocated.
  // `load` times both on blocks of units now and then (`chooser`) and reads the rest of the
  // cohort the cheaper way; they give the same slots (tested), so the choice moves time only.
  const inputs: SlotInput[] = [...numeric, ...symbols];
  const inputAt = new Map<string, number>();
  for (let i = 0; i < inputs.length; i++) inputAt.set((inputs[i] as SlotInput).id, i);
  const ids = inputs.map((d) => d.id);
  const withEvidence = inputs.filter((d) => d.def.evidence);
  const evidenceIds = withEvidence.map((d) => d.id);
  const evidenceSlots = Int32Array.from(withEvidence, (d) => d.k);
  const value = ratOf(0, 1);
  /** The epoch at which each input was last met by a walk (one per unit and object walked). */
  const met = new Uint32Array(inputs.length);
  let epoch = 0;
  const nextEpoch = (): number => {
    epoch = (epoch + 1) >>> 0;
    if (epoch === 0) {
      met.fill(0);
      epoch = 1;
    }
    return epoch;
  };
  const valueKeys = keyOrder(inputAt);
  const evidenceKeys = keyOrder(inputAt);
  /** 1 for an input whose evidence is asked for. */
  const asksEvidence = Uint8Array.from(inputs, (d) => (d.def.evidence ? 1 : 0));
  const chooser = readingChooser();
  const kinds = Uint8Array.from(inputs, (d) =>
    d.yesno ? K_YESNO : d.numeric && !d.date ? K_NUMBER : 0,
  );
  const slotOfInput = Int32Array.from(inputs, (d) => d.k);
  // The declared ranges as numbers, read without touching the inputs' objects (a denominator of
  // 0: no bound); inRange's test, spelt out for the common case in put.
  const minN = Float64Array.from(inputs, (d) => d.min?.n ?? 0);
  const minD = Float64Array.from(inputs, (d) => d.min?.d ?? 0);
  const maxN = Float64Array.from(inputs, (d) => d.max?.n ?? 0);
  const maxD = Float64Array.from(inputs, (d) => d.max?.d ?? 0);
  const within = (i: number, v: Rat): boolean => {
    const lo = minD[i] as number;
    const hi = maxD[i] as number;
    const ln = minN[i] as number;
    return (
      (lo === 0 || (ln === 0 ? v.n >= 0 : cmpRat(v.n, v.d, ln, lo) >= 0)) &&
      (hi === 0 || cmpRat(v.n, v.d, maxN[i] as number, hi) <= 0)
    );
  };

  /** One input's value as typed into its slot. */
  const take = (d: SlotInput, raw: unknown): void => {
    // Blank (as the template has it already). Text of spaces only is not taken as blank here:
    // a figure of spaces goes to the exact path, which reads it as blank, and a yes/no or
    // choice of spaces decodes to blank.
    if (raw === null || raw === undefined || raw === '') return;
    const { m, s, x } = f;
    x[d.k] = 0;
    // Not a string, number or boolean (an object from JSON): the exact path reports it.
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
      s[d.k] = EXACT;
      return;
    }
    if (d.date) {
      // One reading of dates: the exact path's decoder, its day number in the slot.
      const dv = decodeValue(d.def, raw);
      if (dv.problem !== undefined || (dv.value !== undefined && typeof dv.value !== 'object'))
        s[d.k] = EXACT;
      else if (dv.value === undefined) x[d.k] = RAW_BLANK;
      else {
        m[d.k] = Number(dv.value.s * dv.value.n);
        f.d[d.k] = 1;
        s[d.k] = OK;
      }
    } else if (d.numeric) {
      if (typeof raw === 'boolean' || !readRat(raw, value) || !inRange(d, value)) s[d.k] = EXACT;
      else {
        m[d.k] = value.n;
        f.d[d.k] = value.d;
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
  };

  const load = (unit: UnitInput, ctx: ScoreContext): void => {
    if (!sealed) seal();
    if (ctx !== lastCtx && peers.length > 0) takePeers(ctx);
    const { m, d: den, s, x } = f;
    f.unit = unit;
    f.peers = ctx.peers;
    f.micro.total = undefined;
    m.set(blankM);
    den.set(blankD);
    s.set(blankS);
    x.set(blankX);
    const values = unit.values as Record<string, unknown>;
    const evidence = unit.evidence as Record<string, unknown> | undefined;
    if (chooser.walk()) {
      walkValues(values);
      if (evidence !== undefined && withEvidence.length > 0) walkEvidence(evidence);
    } else {
      for (let i = 0; i < ids.length; i++) put(i, values[ids[i] as string]);
      if (evidence !== undefined)
        for (let i = 0; i < evidenceIds.length; i++)
          if (evidence[evidenceIds[i] as string]) {
            const k = evidenceSlots[i] as number;
            x[k] = (x[k] as number) | HAS_EVIDENCE;
          }
    }
    for (let i = 0; i < lists.length; i++) {
      const list = lists[i] as (typeof lists)[number];
      if (list.read) count(list, unit);
    }
  };

  /**
   * A list's number of cases into its slot, as kinds/records.ts's caseCount has it: absent is
   * blank (no cases when a blank means none), a list of records of the declared fields counts
   * its records; a list the exact reader refuses or reports (not a list, a record that is not an
   * object, a key that is no field, a cell with a problem: takenList) is its to tell.
   */
  const count = (list: (typeof lists)[number], unit: UnitInput): void => {
    const { k } = list;
    const raw: unknown = unit.records?.[list.def.id];
    f.d[k] = 1;
    if (raw === undefined || raw === null) {
      if (list.def.blankMeans === undefined) f.s[k] = BLANK;
      else {
        f.m[k] = 0;
        f.s[k] = OK;
      }
      return;
    }
    f.s[k] = EXACT;
    if (!Array.isArray(raw) || !takenList(raw, list.fields, list.known)) return;
    f.m[k] = raw.length;
    f.s[k] = OK;
  };

  /** Input i's value into its slot. */
  const put = (i: number, raw: unknown): void => {
    const k = slotOfInput[i] as number;
    const kind = kinds[i];
    // The common cases inline: a yes/no typed as a boolean, a figure as plain decimal text
    // within its range (anything else, and text the plain reader refuses, goes to take).
    if (kind === K_YESNO && typeof raw === 'boolean') {
      f.x[k] = 0;
      f.m[k] = raw ? YES_CODE : NO_CODE;
      f.s[k] = OK;
    } else if (
      kind === K_NUMBER &&
      typeof raw === 'string' &&
      parseRat(raw, value) &&
      within(i, value)
    ) {
      f.x[k] = 0;
      f.m[k] = value.n;
      f.d[k] = value.d;
      f.s[k] = OK;
    } else take(inputs[i] as SlotInput, raw);
  };

  const walkValues = (values: Record<string, unknown>): void => {
    const e = nextEpoch();
    let found = 0;
    let p = 0;
    for (const key in values) {
      const i =
        p < valueKeys.keys.length && valueKeys.keys[p] === key
          ? (valueKeys.at[p] as number)
          : valueKeys.learn(p, key);
      p++;
      if (i < 0) continue;
      // for…in lists a key once, and each key is one input: met only for the reads by id below.
      met[i] = e;
      found++;
      put(i, values[key]);
    }
    // An input the walk did not meet (absent, or a key it does not list, such as one the object
    // inherits) is read by its id, so the value is always values[id].
    if (found < inputs.length)
      for (let i = 0; i < inputs.length; i++) if (met[i] !== e) put(i, values[ids[i] as string]);
  };

  const walkEvidence = (evidence: Record<string, unknown>): void => {
    const e = nextEpoch();
    let found = 0;
    let p = 0;
    for (const key in evidence) {
      const i =
        p < evidenceKeys.keys.length && evidenceKeys.keys[p] === key
          ? (evidenceKeys.at[p] as number)
          : evidenceKeys.learn(p, key);
      p++;
      if (i < 0 || met[i] === e || asksEvidence[i] === 0) continue;
      met[i] = e;
      found++;
      if (evidence[key]) {
        const k = slotOfInput[i] as number;
        f.x[k] = (f.x[k] as number) | HAS_EVIDENCE;
      }
    }
    if (found < withEvidence.length)
      for (let i = 0; i < withEvidence.length; i++) {
        const d = withEvidence[i] as SlotInput;
        if (met[inputAt.get(d.id) as number] !== e && evidence[d.id])
          f.x[d.k] = (f.x[d.k] as number) | HAS_EVIDENCE;
      }
  };

  return {
    inputSlot: slotFor,
    operandSlot,
    constSlot,
    codeOf,
    symbol: (code) => names[code],
    bind,
    seal,
    load,
  };
}

/** The input of the key at each position of an object walked with for…in (−1: not an input),
 *  as met in the last object: objects of one shape need no lookup by name (`learn` looks a key
 *  up and remembers it). */
interface KeyOrder {
  keys: string[];
  at: number[];
  learn(p: number, key: string): number;
}

function keyOrder(inputAt: ReadonlyMap<string, number>): KeyOrder {
  const keys: string[] = [];
  const at: number[] = [];
  return {
    keys,
    at,
    learn: (p, key) => {
      const i = inputAt.get(key) ?? -1;
      // Objects with far more keys than a sheet has columns are not remembered past that.
      if (p < 4096) {
        while (keys.length < p) {
          keys.push('');
          at.push(-1);
        }
        keys[p] = key;
        at[p] = i;
      }
      return i;
    },
  };
}

/** Units timed per block, units between the starts of two trials, and units read (by id) before
 *  the first trial, while the code is still being compiled. */
const TRIAL_BLOCK = 16;
const TRIAL_PERIOD = 16384;
const TRIAL_WARMUP = 1024;
/** The way each timed block of a trial reads (1: walk): walk, by id, by id, walk, eight times
 *  over, so that a drift of the machine's speed falls on both alike. */
const TRIAL_WAYS = Array.from({ length: 32 }, (_, i) => (i % 4 === 0 || i % 4 === 3 ? 1 : 0));
/** The walk is taken only when its quickest block is a tenth quicker than the quickest by id:
 *  the garbage it leaves (over a dictionary) is collected mostly outside its blocks, and by id
 *  leaves none. Measured walk ÷ by id, a loaded machine: BENCH-30 (dictionaries) about 1.15,
 *  Baotou (literals) 0.2–0.8. */
const WALK_MARGIN = 0.9;

/** The clock trials read, where the host has one (Node and browsers do). */
const clock: (() => number) | undefined = (() => {
  const p = (globalThis as { performance?: { now?: () => number } }).performance;
  return typeof p?.now === 'function' ? () => (p.now as () => number).call(p) : undefined;
})();

/** The quickest of a trial's blocks read one way: a block is only ever slowed (by the garbage
 *  collector, or the machine giving the core to another process), never sped up. */
function quickest(t: Float64Array, way: number): number {
  let min = Infinity;
  for (let i = 0; i < TRIAL_WAYS.length; i++)
    if (TRIAL_WAYS[i] === way && (t[i] as number) < min) min = t[i] as number;
  return min;
}

/** Whether to walk the next unit's keys or read its inputs by id (see `createFramePlan`): every
 *  TRIAL_PERIOD units (the first after TRIAL_WARMUP), 32 blocks of TRIAL_BLOCK units read as
 *  TRIAL_WAYS says, each timed as a whole (the load and what the caller does until the next
 *  load, which is the same work either way), and the way with the quicker quickest block (the
 *  walk by WALK_MARGIN) reads until the next trial. Without a clock: by id. `forceReading`
 *  (tests) fixes the way. */
function readingChooser(): { walk(): boolean } {
  const blocks = TRIAL_WAYS.length;
  const times = new Float64Array(blocks);
  let n = -TRIAL_WARMUP;
  let walk = false;
  let started = 0;
  return {
    walk: () => {
      if (forced !== undefined) return forced === 'walk';
      if (clock === undefined) return false;
      const phase = n++;
      if (n === TRIAL_PERIOD) n = 0;
      if (phase < 0 || phase > blocks * TRIAL_BLOCK || phase % TRIAL_BLOCK !== 0) return walk;
      const now = clock();
      const block = phase / TRIAL_BLOCK;
      if (block > 0) times[block - 1] = now - started;
      started = now;
      walk =
        block < blocks
          ? TRIAL_WAYS[block] === 1
          : quickest(times, 1) < WALK_MARGIN * quickest(times, 0);
      return walk;
    },
  };
}

let forced: 'walk' | 'id' | undefined;

/** Tests: read every unit one way (undefined: choose by trial again). */
export function forceReading(way: 'walk' | 'id' | undefined): void {
  forced = way;
}

/** Whether a figure is within its input's declared range. */
function inRange(d: SlotInput, v: Rat): boolean {
  const min = d.min;
  const max = d.max;
  // A lower bound of 0 (most declared ranges) is a sign test: v.d > 0.
  return (
    (min === undefined || (min.n === 0 ? v.n >= 0 : cmpRat(v.n, v.d, min.n, min.d) >= 0)) &&
    (max === undefined || cmpRat(v.n, v.d, max.n, max.d) <= 0)
  );
}

/** A symbol input's code, or its state when the code is −BLANK / −EXACT. */
function setCode(m: Float64Array, s: Uint8Array, d: SlotInput, code: number): void {
  if (code < 0) s[d.k] = -code;
  else {
    m[d.k] = code;
    s[d.k] = OK;
  }
}

/** A yes/no or choice value as an expression status. */
function symbolStatus(v: boolean | string | undefined, out: Reg): Status {
  if (v === true) return TRUE;
  if (v === false) return FALSE;
  if (v === undefined) return V_EXACT;
  out.s = v;
  return STR;
}

/** The integer environment of the loaded unit, for identifiers not bound to a slot. */
function createFrameEnv(
  rs: CompiledRuleSet,
  slotOf: ReadonlyMap<string, { k: number; kind: 'number' | 'symbol' }>,
  names: readonly (boolean | string)[],
  frame: () => Frame,
): UnitMicroEnv {
  const env: UnitMicroEnv = {
    total: undefined,
    ident(name, out) {
      if (name === 'total') {
        // Unset while the items are scored (they cannot read it) and for an incomplete total.
        if (env.total === undefined) return V_BLANK;
        out.n = env.total.n;
        out.d = env.total.d;
        return NUM;
      }
      const f = frame();
      if (name === 'class') {
        if (f.unit.class === undefined) return V_BLANK;
        out.s = f.unit.class;
        return STR;
      }
      const slot = slotOf.get(name);
      if (slot) {
        const st = f.s[slot.k];
        if (st !== OK) return st === BLANK ? V_BLANK : V_EXACT;
        if (slot.kind === 'symbol') return symbolStatus(names[f.m[slot.k] as number], out);
        out.n = f.m[slot.k] as number;
        out.d = f.d[slot.k] as number;
        return NUM;
      }
      // A declared deadline: its day, a constant.
      const deadline = rs.deadlines.get(name);
      if (deadline) {
        out.n = deadline.day;
        out.d = 1;
        return NUM;
      }
      // A text input, read as the exact path decodes it; a figure without a slot is exact-only.
      const def = rs.inputs.get(name);
      // (A list of cases has a slot: its number of cases.)
      if (!def || NUMERIC.has(def.unit) || def.unit === 'cases') return V_EXACT;
      const decoded = decodeValue(def, f.unit.values[name]);
      if (decoded.problem !== undefined) return V_EXACT;
      const v = decoded.value;
      if (v === undefined) return V_BLANK;
      return typeof v === 'object' ? V_EXACT : symbolStatus(v, out);
    },
  };
  return env;
}
