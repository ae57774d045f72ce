import { scoreUnit } from '@kaohe/engine';
import { describe, expect, it } from 'vitest';
import { compiled } from '../__tests__/helpers.ts';
import { baotou2012 } from '../index.ts';
import { generateUnits, streamUnits } from './generate-units.ts';
import { generateUnitsFor } from './generate-for.ts';
import { decimalText, mulberry32 } from './prng.ts';

const DECIMAL = /^-?\d+(\.\d+)?$/;

describe('mulberry32 and decimalText', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
  it('writes scaled integers as plain decimals', () => {
    expect([
      decimalText(9205, 2),
      decimalText(5, 2),
      decimalText(-15, 1),
      decimalText(42, 0),
    ]).toEqual(['92.05', '0.05', '-1.5', '42']);
    expect(() => decimalText(0.5, 1)).toThrow(RangeError);
  });
});

describe('generateUnits', () => {
  it('is deterministic for a seed and varies with it', () => {
    const a = generateUnits(50, 2012);
    expect(generateUnits(50, 2012)).toEqual(a);
    expect(generateUnits(50, 2013)).not.toEqual(a);
    expect(a).toHaveLength(50);
    expect(new Set(a.map((u) => u.id)).size).toBe(50);
    expect(a[0]?.id).toBe('sim-01');
  });

  it('streams the same units, afresh each time the stream is read', () => {
    const stream = streamUnits(30, 2012);
    expect([...stream]).toEqual(generateUnits(30, 2012));
    expect([...stream]).toEqual(generateUnits(30, 2012));
    expect(() => streamUnits(-1, 1)).toThrow(RangeError);
  });

  it('gives every declared input as a decimal string, boolean, choice or deliberate blank', () => {
    const ids = baotou2012.inputs.map((i) => i.id);
    for (const u of generateUnits(200, 1)) {
      expect(Object.keys(u.values).sort()).toEqual([...ids].sort());
      for (const [id, v] of Object.entries(u.values)) {
        const def = baotou2012.inputs.find((i) => i.id === id);
        if (v === null) continue;
        if (def?.unit === 'yesno') expect(typeof v, id).toBe('boolean');
        else if (def?.unit === 'choice')
          expect(
            def.choices?.map((c) => c.value),
            id,
          ).toContain(v);
        else expect(String(v), id).toMatch(DECIMAL);
      }
    }
  });

  it('mixes complete, blank, unevidenced and vetoed units that all score', () => {
    const rules = compiled(baotou2012);
    const results = generateUnits(300, 42).map((u) => scoreUnit(rules, u));
    const incomplete = results.filter((r) => !r.complete).length;
    const vetoed = results.filter((r) => r.vetoed).length;
    const unevidenced = results.filter((r) =>
      r.sections.some((s) =>
        s.items.some(
          (i) =>
            i.missingEvidence.length > 0 || i.children?.some((c) => c.missingEvidence.length > 0),
        ),
      ),
    ).length;
    expect(incomplete).toBeGreaterThan(0);
    expect(incomplete).toBeLessThan(30);
    expect(vetoed).toBeGreaterThan(0);
    expect(unevidenced).toBeGreaterThan(0);
    for (const r of results) expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('refuses a count that is not a whole number', () => {
    expect(() => generateUnits(-1, 1)).toThrow(RangeError);
    expect(() => generateUnits(1.5, 1)).toThrow(RangeError);
    expect(generateUnits(0, 1)).toEqual([]);
  });
});

describe('generateUnitsFor', () => {
  it('gives rates and amounts 4–6 places within the declared bounds, whole counts, the same for a seed', () => {
    const a = generateUnitsFor(baotou2012, 60, 5);
    expect(generateUnitsFor(baotou2012, 60, 5)).toEqual(a);
    const places = new Set<number>();
    for (const u of a)
      for (const def of baotou2012.inputs ?? []) {
        const v = u.values[def.id];
        if (def.unit === 'yesno') expect(typeof v, def.id).toBe('boolean');
        else if (def.unit === '%' || def.unit === '万元') {
          const m = /^-?\d+\.(\d{4,6})$/.exec(String(v));
          expect(m, `${def.id} = ${String(v)}`).not.toBeNull();
          places.add(m?.[1]?.length ?? 0);
          if (def.min !== undefined) expect(Number(v)).toBeGreaterThanOrEqual(Number(def.min));
          if (def.max !== undefined) expect(Number(v)).toBeLessThanOrEqual(Number(def.max));
        } else if (def.unit === '人' || def.unit === '个' || def.unit === '次')
          expect(String(v), def.id).toMatch(/^\d+$/);
      }
    expect([...places].sort()).toEqual([4, 5, 6]);
  });
});
