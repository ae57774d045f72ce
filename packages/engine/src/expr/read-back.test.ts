import { ruleSetHeader } from '@kaohe/test-utils';
import { describe, expect, it } from 'vitest';
import { validateRuleSet } from '../validate/parse.ts';
import { expressionFunctions, expressionInWords } from './read-back.ts';

const ruleSet = {
  inputs: [
    { id: 'budget', label: { zh: '计生经费', en: 'family planning budget' }, unit: '万元' },
    { id: 'pop', label: '常住人口', unit: '人' },
  ],
  derived: [{ id: 'per_head', label: { zh: '人均经费', en: 'budget per head' } }],
  deadlines: [{ id: 'due', label: { zh: '上报期限', en: 'the reporting deadline' } }],
};

describe('expressionInWords', () => {
  it('reads a formula back with the rule set’s labels, in Chinese and English', () => {
    expect(expressionInWords(ruleSet, 'budget * 10000 / pop >= 20')).toEqual({
      zh: '计生经费 × 10000 ÷ 常住人口 ≥ 20',
      en: 'family planning budget × 10000 ÷ 常住人口 ≥ 20',
    });
    expect(expressionInWords(ruleSet, 'min(per_head, 5) + peer_mean(budget)')).toEqual({
      zh: '最小值(人均经费, 5) + 各单位计生经费的平均值',
      en: 'min(budget per head, 5) + the mean family planning budget of all units',
    });
    expect(expressionInWords(ruleSet, "days_between(due, date('2013-01-31'))")?.zh).toBe(
      '上报期限至2013-01-31的天数',
    );
  });

  it('reads what was typed with full-width operators the same way', () => {
    expect(expressionInWords(ruleSet, 'budget × 10000 ÷ pop （ ')).toBeUndefined();
    expect(expressionInWords(ruleSet, '（budget＋1）×2')?.zh).toBe('(计生经费 + 1) × 2');
  });

  it('gives nothing for a formula that does not parse, or an empty one', () => {
    expect(expressionInWords(ruleSet, 'budget *')).toBeUndefined();
    expect(expressionInWords(ruleSet, '  ')).toBeUndefined();
  });

  it('shows an unknown name as written, and takes a document that is not a rule set', () => {
    expect(expressionInWords(ruleSet, 'nn + 1')?.zh).toBe('nn + 1');
    expect(expressionInWords(null, 'budget + 1')?.zh).toBe('budget + 1');
    expect(expressionInWords({ inputs: 'x' }, 'budget')?.zh).toBe('budget');
  });
});

describe('expressionFunctions', () => {
  it('offers a place only the functions its formulas may call (as validation decides)', () => {
    const item = expressionFunctions('sections[0].items[0].rule.score');
    const sanction = expressionFunctions('sanctions[0].when');
    expect(item).toEqual(expect.arrayContaining(['min', 'round', 'blank', 'peer_mean', 'score']));
    expect(item).not.toContain('rank');
    expect(item).not.toContain('consecutive');
    expect(sanction).toEqual(expect.arrayContaining(['rank', 'consecutive', 'min']));
    expect(expressionFunctions('counters[0].when')).toContain('rank');
    expect(expressionFunctions('counters[0].when')).not.toContain('consecutive');
  });

  it('names only functions the language knows: each one offered compiles at its place', () => {
    // A call of every offered function with the wrong number of arguments is an arity error,
    // never an unknown function, and none is refused for its place.
    for (const path of ['sections[0].items[0].rule.score', 'sanctions[0].when']) {
      // The check can fail: a name the language does not know is reported there.
      const unknown = validateRuleSet(baseDoc('nosuch', path)).map((i) => `${i.code} ${i.path}`);
      expect(unknown).toContain(`expr-unknown-function ${path}`);
      const misplaced = validateRuleSet(baseDoc('rank', 'sections[0].items[0].rule.score', ''));
      expect(misplaced.map((i) => i.code)).toContain('standing-misplaced');
      for (const name of expressionFunctions(path)) {
        const doc = baseDoc(name, path);
        const codes = validateRuleSet(doc).map((i) => i.code);
        expect(codes, `${name} at ${path}`).not.toContain('expr-unknown-function');
        expect(codes, `${name} at ${path}`).not.toContain('standing-misplaced');
        expect(codes, `${name} at ${path}`).not.toContain('counter-misplaced');
      }
    }
  });
});

/** A small rule set with `name(args) > 0` in the formula at `path`. */
function baseDoc(name: string, path: string, args = 'a, a, a, a'): unknown {
  const call = `${name}(${args}) > 0`;
  return ruleSetHeader({
    points: 10,
    inputs: [{ id: 'a', label: 'a', unit: 'number' }],
    sections: [
      {
        code: '一',
        title: '工作',
        points: 10,
        items: [
          {
            code: '1',
            title: '得分',
            points: 10,
            rule: { kind: 'expr', score: path.startsWith('sections') ? `${call} ? 10 : 0` : 'a' },
          },
        ],
      },
    ],
    ...(path.startsWith('sanctions')
      ? { sanctions: [{ id: 's', level: 'notice', when: call, reason: '原因' }] }
      : {}),
  });
}
