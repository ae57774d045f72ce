// Hand-written straight-line scoring in binary floats: the speed limit, and what a quick script
// gets wrong ((0.92 − 0.91) × 100 is 1.0000000000000009, whose ceiling is 2).
import {
  B,
  BUD,
  C,
  CEILING_LIMITS,
  D,
  E,
  P,
  POP,
  R,
  RATE_TARGETS,
  Y,
  type Bench30Unit,
  type EngineOutput,
} from '../spec.ts';

const T = RATE_TARGETS.map(Number);
const L = CEILING_LIMITS.map(Number);

/** Half-up to 0.01, as a float does it. */
const round2 = (x: number): number => Math.round(x * 100) / 100;

export function scoreFloats(units: readonly Bench30Unit[]): EngineOutput {
  const n = units.length;
  const totals = new Array<string>(n);
  const vetoed = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    const v = (units[i] as Bench30Unit).values;
    let total = 0;
    for (let k = 0; k < 10; k++) {
      const r = Number(v[R[k] as string]);
      const t = T[k] as number;
      total += r >= t ? 4 : round2(Math.max(0, 4 - Math.ceil((t - r) * 100) * 0.5));
    }
    for (let k = 0; k < 5; k++) {
      const c = Number(v[C[k] as string]);
      const l = L[k] as number;
      total += c <= l ? 3 : round2(Math.max(0, 3 - Math.ceil((c - l) / 0.0005)));
    }
    for (let k = 0; k < 3; k++) {
      const b = Number(v[B[k] as string]);
      total +=
        b >= 103 && b <= 107 ? 4 : round2(Math.max(0, 4 - Math.ceil(b < 103 ? 103 - b : b - 107)));
    }
    for (let k = 0; k < 4; k++) {
      const p = Number(v[P[k] as string]);
      const d = Number(v[D[k] as string]);
      const cut = (p - d) / p;
      total += cut >= 0.2 ? 3 : round2((3 * Math.max(0, cut)) / 0.2);
    }
    for (let k = 0; k < 4; k++) {
      const perHead = Number(v[BUD[k] as string]) / Number(v[POP[k] as string]);
      total += perHead >= 22 ? 5 : round2((5 * perHead) / 22);
    }
    for (let k = 0; k < 4; k++) total += v[Y[k] as string] ? (v[E[k] as string] ? 2 : 1) : 0;
    total += Math.min(3, (v.x1 ? 2 : 0) + (v.x2 ? 1.5 : 0));
    totals[i] = total.toFixed(2);
    vetoed[i] = (Number(v.b1) > 120 && v.ineffective === true) || v.petition === true;
  }
  return { totals, vetoed };
}
