// The integer environment of one unit for micro expressions: figures as micro units,
// yes/no as booleans, choices and text as strings; blank → MissingValue, unusable → FALLBACK.
import { FALLBACK, type MicroEnv, type MicroValue } from '../expr/micro.ts';
import { MissingValue } from '../expr/types.ts';
import type { UnitInput } from '../model/result.ts';
import type { InputDef } from '../schema/ruleset.ts';
import { decodeValue } from '../score/env.ts';
import { toMicro } from './fixed.ts';

const NUMERIC = new Set(['%', '‰', '元', '万元', '人', '户', '个', '次', '天', '月', 'count', 'number']);

export interface UnitMicroEnv extends MicroEnv {
  /** The unit being scored: one environment serves unit after unit. */
  unit: UnitInput;
  /** Set once the unit's total is known (for sanctions on `total`). */
  total: number | undefined;
  result?: MicroEnv['result'];
}

export function createMicroEnv(inputs: ReadonlyMap<string, InputDef>): UnitMicroEnv {
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
      const blank = raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
      if (NUMERIC.has(def.unit)) {
        if (blank) {
          if (def.blankMeans === undefined) throw new MissingValue(name);
          return toMicro(def.blankMeans) ?? fallback();
        }
        if (typeof raw === 'boolean') throw FALLBACK;
        return toMicro(raw as string | number) ?? fallback();
      }
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
