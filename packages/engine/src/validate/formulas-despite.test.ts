// Formulas judged while the header is refused: an admin sees a formula's own issue (an unknown
// name at its characters) while the year is still blank, as when the header is right.
import { describe, expect, it } from 'vitest';
import { ruleSetHeader } from '@kaohe/test-utils';
import { validateRuleSet } from './parse.ts';

const ruleSet = (header: Record<string, unknown>, item: Record<string, unknown> = {}) => ({
  ...ruleSetHeader(),
  ...header,
  points: 10,
  inputs: [
    { id: 'rate', label: '符合政策生育率', unit: '%' },
    { id: 'cases', label: '案件数', unit: 'cases' },
  ],
  sections: [
    {
      code: '一',
      title: '生育水平',
      points: 10,
      items: [
        {
          code: '1',
          title: '生育率',
          points: 10,
          rule: { kind: 'threshold', value: 'rate * 100 / nn', op: '>=', target: 90 },
          ...item,
        },
      ],
    },
  ],
  sanctions: [{ id: 'case', level: 'veto', when: 'cases > 0 && totl < 60', reason: '发生案件' }],
});

const formulas = (issues: ReturnType<typeof validateRuleSet>) =>
  issues
    .filter((i) => i.code.startsWith('expr-'))
    .map((i) => [i.code, i.path, i.position, i.end, i.message.zh]);

describe('formulas judged despite a refused header', () => {
  it('a blank year, an edition of 0, no title: the formulas’ issues as with the header right', () => {
    const right = validateRuleSet(ruleSet({}));
    expect(formulas(right)).toEqual([
      [
        'expr-unknown-identifier',
        'sanctions[0].when',
        13,
        17,
        expect.stringContaining('未知的输入项 totl'),
      ],
      [
        'expr-unknown-identifier',
        'sections[0].items[0].rule.value',
        13,
        15,
        expect.stringContaining('未知的输入项 nn'),
      ],
    ]);
    const refused = validateRuleSet(ruleSet({ year: null, edition: 0, title: undefined }));
    expect(refused.filter((i) => !i.code.startsWith('expr-')).map((i) => i.path)).toEqual([
      'edition',
      'title',
      'year',
    ]);
    expect(formulas(refused)).toEqual(formulas(right));
  });

  it('adds nothing when the formulas are right, or when the refusal is not in the header', () => {
    const fine = {
      ...ruleSet(
        { year: null },
        { rule: { kind: 'threshold', value: 'rate', op: '>=', target: 90 } },
      ),
      sanctions: [{ id: 'case', level: 'veto', when: 'cases > 0', reason: '发生案件' }],
    };
    expect(validateRuleSet(fine).map((i) => i.path)).toEqual(['year']);
    // An item's points refused: outside the header the schema's issues are all there is (what
    // it refused may be what a formula names); the formulas are judged once it is put right.
    const item = validateRuleSet(ruleSet({}, { points: 'ten' }));
    expect(item.map((i) => i.path)).toEqual(['sections[0].items[0].points']);
  });
});
