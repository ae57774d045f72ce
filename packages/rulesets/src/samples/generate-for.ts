// Generated cohorts for any rule set, from its input declarations alone: figures with 4–6
// places (rates, money, plain numbers) within the declared bounds, whole counts, yes/no mostly
// yes, a choice or a class drawn from those declared, dates in the rule set's year, a few cases
// for a `cases` input, and evidence for every input that asks for it. Deterministic for a seed.
import type { CaseRecord, InputValue, RuleSetInput, UnitInput } from '@kaohe/engine';
import { mulberry32 } from './prng.ts';

type Def = NonNullable<RuleSetInput['inputs']>[number];
type Field = NonNullable<Def['fields']>[number];

const WHOLE = new Set(['人', '户', '个', '次', '天', '月', 'count']);
/** Whole counts of people, households and bodies: at least one (they divide other figures). */
const HEADS = new Set(['人', '户', '个']);

/** A plausible range for a figure of this unit when the rule set declares no bound. */
function range(unit: string): [number, number] {
  if (unit === '%') return [55, 100];
  if (unit === '‰') return [0, 30];
  if (unit === '元') return [0, 200_000];
  if (unit === '万元') return [0, 5_000];
  if (HEADS.has(unit)) return [1, 500];
  if (WHOLE.has(unit)) return [0, 12];
  return [0, 1_000];
}

/** A decimal string with `dp` places drawn in [lo, hi] (integer arithmetic on the digits). */
function decimal(next: () => number, lo: number, hi: number, dp: number): string {
  const scale = 10 ** dp;
  const n = Math.round(lo * scale) + Math.floor(next() * (Math.round((hi - lo) * scale) + 1));
  if (dp === 0) return String(n);
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(n)).padStart(dp + 1, '0');
  return `${sign}${digits.slice(0, -dp)}.${digits.slice(-dp)}`;
}

function figure(
  next: () => number,
  d: Pick<Def, 'unit' | 'min' | 'max' | 'choices'>,
  year: number,
): InputValue {
  if (d.unit === 'yesno') return next() < 0.9;
  if (d.unit === 'choice') {
    const c = d.choices ?? [];
    return c[Math.floor(next() * c.length)]?.value ?? null;
  }
  if (d.unit === 'text') return '已完成';
  if (d.unit === 'date') {
    const day = 1 + Math.floor(next() * 28);
    const month = 1 + Math.floor(next() * 12);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  const [lo0, hi0] = range(d.unit);
  const lo =
    d.min === undefined ? lo0 : Math.max(Number(d.min), Math.min(lo0, Number(d.max ?? lo0)));
  const hi = d.max === undefined ? Math.max(lo, hi0) : Number(d.max);
  if (HEADS.has(d.unit)) return decimal(next, lo, hi, 0);
  // Counts of cases mostly small: a case now and then, as real units report them.
  if (WHOLE.has(d.unit)) return decimal(next, lo, Math.min(hi, lo + (next() < 0.8 ? 2 : 12)), 0);
  return decimal(next, lo, hi, 4 + Math.floor(next() * 3));
}

function records(next: () => number, fields: readonly Field[], year: number): CaseRecord[] {
  const n = next() < 0.6 ? 0 : 1 + Math.floor(next() * 3);
  return Array.from({ length: n }, () => {
    const r: CaseRecord = {};
    for (const f of fields) r[f.id] = figure(next, f, year);
    return r;
  });
}

/** `count` units for any rule set, from its input declarations alone; the same for the same
 *  seed. */
export function generateUnitsFor(rs: RuleSetInput, count: number, seed: number): UnitInput[] {
  const next = mulberry32(seed).next;
  const defs = rs.inputs ?? [];
  const classes = (rs.classes ?? []).map((c) => c.id);
  const width = String(Math.max(count, 1)).length;
  const units: UnitInput[] = [];
  for (let i = 0; i < count; i++) {
    const n = String(i + 1).padStart(width, '0');
    const values: Record<string, InputValue> = {};
    const evidence: Record<string, boolean> = {};
    const recs: Record<string, CaseRecord[]> = {};
    for (const d of defs) {
      if (d.unit === 'cases') recs[d.id] = records(next, d.fields ?? [], rs.year);
      else values[d.id] = figure(next, d, rs.year);
      if (d.evidence) evidence[d.id] = true;
    }
    const unit: UnitInput = { id: `g-${n}`, name: `单位${n}`, values, evidence };
    if (Object.keys(recs).length) unit.records = recs;
    if (classes.length) unit.class = classes[Math.floor(next() * classes.length)];
    units.push(unit);
  }
  return units;
}
