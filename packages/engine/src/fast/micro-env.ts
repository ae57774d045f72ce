// The integer environment of one unit for micro expressions: figures as micro units,
// yes/no as booleans, choices and text as strings; blank → MissingValue, unusable → FALLBACK.
import { FALLBACK, type MicroEnv, type MicroValue } from '../expr/micro.ts';
import { MissingValue } from '../expr/types.ts';
import type { InputValue, UnitInput } from '../model/result.ts';
import type { InputDef } from '../schema/ruleset.ts';
import { decodeValue } from '../score/env.ts';
import { toMicro } from './fixed.ts';

export const NUMERIC: ReadonlySet<string> = new Set(['%', '‰', '元', '万元', '人', '户', '个', '次', '天', '月', 'count', 'number']);

/**
 * Reads a numeric input's raw value as micro units: null for a blank (or its declared meaning),
 * undefined for anything the exact path must judge (text that is not a plain decimal, a value
 * outside the input's min–max, which the exact path reports). Undefined when the input's own
 * declarations do not fit micro units.
 */
export function microReader(def: InputDef): ((raw: InputValue | undefined) => number | null | undefined) | undefined {
  const blank = def.blankMeans === undefined ? null : toMicro(def.blankMeans);
  const min = def.min === undefined ? -Infinity : toMicro(def.min);
  const max = def.max === undefined ? Infinity : toMicro(def.max);
  if (blank === undefined || min === undefined || max === undefined) return undefined;
  return (raw) => {
    if (raw === null || raw === undefined || raw === '') return blank;
    if (typeof raw === 'boolean') return undefined;
    const v = toMicro(raw);
    return v === undefined || v < min || v > max ? undefined : v;
  };
}

export interface UnitMicroEnv extends MicroEnv {
  /** The unit being scored: one environment serves unit after unit. */
  unit: UnitInput;
  /** Set once the unit's total is known (for sanctions on `total`). */
  total: number | undefined;
  result?: MicroEnv['result'];
}

export function createMicroEnv(inputs: ReadonlyMap<string, InputDef>): UnitMicroEnv {
  const readers = new Map<string, NonNullable<ReturnType<typeof microReader>>>();
  for (const def of inputs.values()) {
    const reader = NUMERIC.has(def.unit) ? microReader(def) : undefined;
    if (reader) readers.set(def.id, reader);
  }
  const env: UnitMicroEnv = {
    unit: { id: '', name: '', values: {} },
    total: undefined,
    ident(name: string): MicroValue {
      if (name === 'total') {
        if (env.total === undefined) throw FALLBACK;
        return env.total;
      }
      const unit = env.unit;
      if (name === 'class') {
        if (unit.class === undefined) throw new MissingValue('class');
        return unit.class;
      }
      const def = inputs.get(name);
      if (!def) throw FALLBACK;
      const raw = unit.values[name];
      const reader = readers.get(name);
      if (reader) {
        const v = reader(raw);
        if (v === null) throw new MissingValue(name);
        return v ?? fallback();
      }
      if (NUMERIC.has(def.unit)) throw FALLBACK;
      const decoded = decodeValue(def, raw);
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

/**
 * Reads a yes/no or choice input without allocating: the decoded value (true/false or the choice's
 * value), null for a blank, undefined when the exact path must report it. Remembers what each
 * distinct text decoded to (officials type few different spellings).
 */
export function symbolReader(def: InputDef): (raw: InputValue | undefined) => boolean | string | null | undefined {
  const memo = new Map<string, boolean | string | null | undefined>();
  return (raw) => {
    if (raw === null || raw === undefined) return null;
    if (typeof raw === 'boolean') return def.unit === 'yesno' ? raw : decoded(def, raw);
    const key = typeof raw === 'string' ? raw : String(raw);
    let v = memo.get(key);
    if (v === undefined && !memo.has(key)) {
      v = decoded(def, raw);
      if (memo.size > 1000) memo.clear();
      memo.set(key, v);
    }
    return v;
  };
}

function decoded(def: InputDef, raw: InputValue): boolean | string | null | undefined {
  const d = decodeValue(def, raw);
  if (d.problem !== undefined) return undefined;
  if (d.value === undefined) return null;
  return typeof d.value === 'object' ? undefined : d.value;
}

/** Whether a typed value claims something evidence must back (not blank, not no, not zero);
 *  undefined when only the exact path can tell. */
export function positiveReader(def: InputDef): (raw: InputValue | undefined) => boolean | undefined {
  if (NUMERIC.has(def.unit)) {
    const read = microReader(def);
    return (raw) => {
      const v = read?.(raw);
      return v === undefined ? undefined : v !== null && v !== 0;
    };
  }
  const read = def.unit === 'yesno' || def.unit === 'choice' ? symbolReader(def) : undefined;
  return (raw) => {
    const v = read ? read(raw) : decoded(def, raw as InputValue);
    if (v === undefined) return undefined;
    return v !== null && v !== false && v !== 'false' && v !== '0';
  };
}
