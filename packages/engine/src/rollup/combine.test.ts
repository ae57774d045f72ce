import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fmt, q } from '../exact/exact.ts';
import { combineParts } from './combine.ts';

const r2 = { dp: 2, mode: 'half-up' } as const;

describe('combineParts', () => {
  it('routine 40 % / year-end 60 %: 85 and 90 make 88', () => {
    const out = combineParts(
      [
        {
          id: 'routine',
          label: { zh: '日常考核', en: 'routine' },
          weight: 40,
          score: 85,
          max: 100,
        },
        {
          id: 'year_end',
          label: { zh: '年终考核', en: 'year-end' },
          weight: 60,
          score: 90,
          max: 100,
        },
      ],
      r2,
      { weights: 'percent' },
    );
    expect(out.ok && out.value.value).toBe('88');
    expect(out.ok && out.value.explanation.zh).toBe(
      '日常考核 85 × 40% + 年终考核 90 × 60% = 88分(满分100)',
    );
  });

  it('association work counts 20 % of the population score', () => {
    // population 85/100 → 0.8 × 85 = 68; association 16/20 = 80 % → 0.2 × 80 = 16; total 84.
    const out = combineParts(
      [
        {
          id: 'population',
          label: { zh: '人口计生目标', en: 'population targets' },
          weight: '0.8',
          score: 85,
          max: 100,
        },
        {
          id: 'association',
          label: { zh: '计生协会工作', en: 'association work' },
          weight: '0.2',
          score: 16,
          max: 20,
        },
      ],
      r2,
      { outOf: 100 },
    );
    expect(out.ok && [out.value.value, out.value.parts.map((p) => p.contribution)]).toEqual([
      '84',
      ['68', '16'],
    ]);
    expect(out.ok && out.value.explanation.en).toBe(
      '(population targets 85/100 × 80% + association work 16/20 × 20%) × 100 = 84 of 100',
    );
  });

  it('lines 6:4, each scaled from its own maximum', () => {
    // party–government 54/60 → 90 %, family planning 30/40 → 75 %: 0.6 × 90 + 0.4 × 75 = 84
    const out = combineParts(
      [
        { id: 'party', label: '党政线', weight: 6, score: 54, max: 60 },
        { id: 'fp', label: '计生线', weight: 4, score: 30, max: 40 },
      ],
      r2,
      { weights: 'ratio', outOf: 100 },
    );
    expect(out.ok && [out.value.value, out.value.parts.map((p) => p.contribution)]).toEqual([
      '84',
      ['54', '30'],
    ]);
    expect(out.ok && out.value.explanation.zh).toBe(
      '(党政线 54/60 × 60% + 计生线 30/40 × 40%) × 100 = 84分(满分100)',
    );
  });

  it('shows each contribution rounded as the composite is, and sums the exact ones', () => {
    // Three equal parts of 95, 80 and 81: contributions 95/3, 80/3, 27 (exact), shown 31.67,
    // 26.67, 27, which add to 85.34; the composite is (95 + 80 + 81) / 3 = 256/3 = 85.33.
    const out = combineParts(
      [
        { id: 'a', label: '甲', weight: 1, score: 95, max: 100 },
        { id: 'b', label: '乙', weight: 1, score: 80, max: 100 },
        { id: 'c', label: '丙', weight: 1, score: 81, max: 100 },
      ],
      r2,
      { weights: 'ratio', outOf: 100 },
    );
    expect(out.ok && out.value.value).toBe('85.33');
    expect(out.ok && out.value.parts.map((p) => [p.contribution, p.contributionShown])).toEqual([
      ['95/3', '31.67'],
      ['80/3', '26.67'],
      ['27', '27'],
    ]);
  });

  it('quarters 4:3:3 round only at the end', () => {
    // 0.4 × 88.5 + 0.3 × 91.25 + 0.3 × 79.05 = 35.4 + 27.375 + 23.715 = 86.49
    const out = combineParts(
      [
        { id: 'q1', label: '一季度', weight: 4, score: '88.5', max: 100 },
        { id: 'q2', label: '二季度', weight: 3, score: '91.25', max: 100 },
        { id: 'q3', label: '三季度', weight: 3, score: '79.05', max: 100 },
      ],
      { dp: 1, mode: 'half-up' },
      { weights: 'ratio' },
    );
    expect(out.ok && [out.value.exact, out.value.value]).toEqual(['86.49', '86.5']);
  });

  it('0.30 × the mean of 12 monthly scores, with the mismatch declared', () => {
    const months = Array.from({ length: 12 }, (_, i) => ({
      id: `m${i + 1}`,
      label: `${i + 1}月`,
      weight: 1,
      score: 90 + (i % 3),
      max: 100,
    }));
    const mean = combineParts(months, { dp: 4, mode: 'half-up' }, { weights: 'ratio' });
    expect(mean.ok && mean.value.value).toBe('91');
    if (!mean.ok) return;
    const out = combineParts(
      [{ id: 'monthly', label: '月度考核', weight: '0.3', score: mean.value.value, max: 100 }],
      r2,
      {
        weightsMismatch: '其余70%为年终考核',
      },
    );
    expect(out.ok && out.value.value).toBe('27.3');
    expect(
      combineParts([{ id: 'monthly', label: '月度考核', weight: '0.3', score: 91, max: 100 }], r2),
    ).toMatchObject({
      ok: false,
      issues: [{ code: 'weights-do-not-add-up', path: 'parts' }],
    });
  });

  it('a blank score, a score above its maximum and different maxima are errors at their place', () => {
    const out = combineParts(
      [
        { id: 'a', label: '甲', weight: '0.5', score: null, max: 100 },
        { id: 'b', label: '乙', weight: '0.5', score: 70, max: 60 },
      ],
      r2,
    );
    expect(out.ok ? [] : out.issues.map((i) => [i.code, i.path])).toEqual([
      ['missing-part-score', 'parts[0].score'],
      ['score-above-max', 'parts[1].score'],
    ]);
    const mixed = combineParts(
      [
        { id: 'a', label: '甲', weight: 1, score: 5, max: 10 },
        { id: 'b', label: '乙', weight: 1, score: 5, max: 20 },
      ],
      r2,
      { weights: 'ratio' },
    );
    expect(mixed.ok ? [] : mixed.issues.map((i) => i.code)).toEqual(['no-out-of']);
  });

  it('property: equal weights of equal scores return that score', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 10000 }),
        fc.integer({ min: 1, max: 9 }),
        (n, hundredths, w) => {
          const score = q(hundredths).div(100);
          const parts = Array.from({ length: n }, (_, i) => ({
            id: `p${i}`,
            label: `p${i}`,
            weight: w,
            score,
            max: 100,
          }));
          const out = combineParts(parts, r2, { weights: 'ratio' });
          expect(out.ok && out.value.value).toBe(fmt(score));
          expect(out.ok && q(out.value.exact).equals(score)).toBe(true);
        },
      ),
    );
  });
});
