// The draft mark says what failed: a draft whose rules were verified but whose prefilled figures
// were not must not read as "scored by unverified rules".
import { describe, expect, it } from 'vitest';
import { gridsOf, ruleSetOf, unit } from '../__tests__/fixture.ts';
import { buildTemplate } from '../template/build-template.ts';
import { draftMark } from './draft-mark.ts';

const t = buildTemplate(ruleSetOf(), unit);
const grids = gridsOf(t);
const why = { zh: '预填指标已被改动', en: 'the prefill was changed' };
const title = (w: ReturnType<typeof draftMark>) => String(w?.values[0]?.[0] ?? '');

describe('draftMark', () => {
  it('only the prefill failed: the mark says the prefill, not the rules', () => {
    const w = draftMark(grids, t.map, { failed: 'prefill', why });
    expect(w?.address).toBe('A1');
    expect(title(w)).toContain('【草稿:预填指标未通过核验,非正式考核结果');
    expect(title(w)).not.toContain('按未经验证的规则计分');
    expect(title(w)).toContain('(预填指标已被改动)');
  });

  it('the rules failed: scored by unverified rules', () => {
    const w = draftMark(grids, t.map, { failed: 'edition', why });
    expect(title(w)).toContain('【草稿:按未经验证的规则计分,非正式考核结果');
  });

  it('a title marked already (by either mark) is not marked twice', () => {
    const w = draftMark(grids, t.map, { failed: 'prefill', why });
    const marked = grids.map((s) =>
      s.name === t.map.scoring.sheet ? { ...s, values: [[title(w)], ...s.values.slice(1)] } : s,
    );
    expect(draftMark(marked, t.map, { failed: 'edition', why })).toBeUndefined();
  });
});
