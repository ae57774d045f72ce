// Property: whatever numbering a document uses at each level (一、 (一) （一） 1. 1 (1) （1） ⑴ ①
// a 甲), the template the sheet package writes reads back with every keyed row found, under its
// own code, and the re-check before writing finds every row where the read left it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRuleSet, type IndicatorInput, type RuleSetInput } from '@kaohe/engine';
import { ruleSetHeader } from '@kaohe/test-utils';
import { buildTemplate } from '../template/build-template.ts';
import { rowKeys } from '../template/row-keys.ts';
import { templateGrids } from '../template/template-grids.ts';
import { checkMap } from '../write/check-map.ts';
import { readSheet } from './read-sheet.ts';

const HAN = ['一', '二', '三', '四', '五', '六'];
const CIRCLED = ['①', '②', '③', '④', '⑤', '⑥'];
const PAREN_DIGIT = ['⑴', '⑵', '⑶', '⑷', '⑸', '⑹'];
const STEMS = ['甲', '乙', '丙', '丁', '戊', '己'];
const LATIN = ['a', 'b', 'c', 'd', 'e', 'f'];

/** The nth code (0-based) in each numbering documents use. */
const NUMBERINGS: readonly ((n: number) => string)[] = [
  (n) => `${HAN[n]}、`,
  (n) => HAN[n] as string,
  (n) => `(${HAN[n]})`,
  (n) => `（${HAN[n]}）`,
  (n) => `${n + 1}.`,
  (n) => String(n + 1),
  (n) => `(${n + 1})`,
  (n) => `（${n + 1}）`,
  (n) => PAREN_DIGIT[n] as string,
  (n) => CIRCLED[n] as string,
  (n) => LATIN[n] as string,
  (n) => STEMS[n] as string,
];

interface Shape {
  style: number;
  children: readonly Shape[];
}
const shape: fc.Arbitrary<readonly Shape[]> = fc.letrec<{ list: readonly Shape[]; node: Shape }>(
  (tie) => ({
    node: fc.record({
      style: fc.nat({ max: NUMBERINGS.length - 1 }),
      children: fc.oneof({ depthSize: 'small' }, fc.constant<readonly Shape[]>([]), tie('list')),
    }),
    list: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
  }),
).list;

/** Siblings share one numbering (the first sibling's), as in a document. */
function items(shapes: readonly Shape[], depth: number): IndicatorInput[] {
  const style = NUMBERINGS[shapes[0]?.style ?? 0] as (n: number) => string;
  return shapes.map((s, n): IndicatorInput => {
    const sub = depth < 3 && s.children.length > 0 ? items(s.children, depth + 1) : [];
    const points = sub.length > 0 ? sub.reduce((t, i) => t + Number(i.points), 0) : 1;
    return sub.length > 0
      ? { code: style(n), title: `项${n}`, points, items: sub }
      : { code: style(n), title: `项${n}`, points, rule: { kind: 'yesno', input: 'done' } };
  });
}

function ruleSetOf(
  sections: readonly (readonly Shape[])[],
  sectionStyle: number,
  bonus: readonly Shape[] | null,
) {
  const style = NUMBERINGS[sectionStyle] as (n: number) => string;
  const built = sections.map((s, n) => {
    const list = items(s, 1);
    return {
      code: style(n),
      title: `部分${n}`,
      points: list.reduce((t, i) => t + Number(i.points), 0),
      items: list,
    };
  });
  const json: RuleSetInput = {
    ...ruleSetHeader({ id: 'numbering' }),
    points: built.reduce((t, s) => t + s.points, 0),
    inputs: [{ id: 'done', label: '完成', unit: 'yesno' }],
    sections: built,
    ...(bonus ? { bonus: { items: items(bonus, 1) } } : {}),
  };
  const parsed = parseRuleSet(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

describe('document numberings round-trip through the template', () => {
  it('finds every row of the template it wrote, under its own code', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(
        fc.array(shape, { minLength: 1, maxLength: 3 }),
        fc.nat({ max: NUMBERINGS.length - 1 }),
        fc.option(shape, { nil: null }),
        (sections, sectionStyle, bonus) => {
          const rs = ruleSetOf(sections, sectionStyle, bonus);
          const template = buildTemplate(rs, { id: 'u1', name: '测试单位' });
          const grids = templateGrids(template);
          const read = readSheet(grids);
          if (!read.ok) throw new Error(JSON.stringify(read.issues.map((i) => i.message.zh)));
          expect(read.warnings.filter((w) => w.code === 'row-unknown')).toEqual([]);
          const expected = rowKeys(rs).map((r) => r.key);
          const rows = read.value.map.scoring.rows;
          expect(rows.map((r) => r.key)).toEqual(expected);
          // Each key sits in the row the template wrote it to, and the code cell there is it.
          expect(rows.map((r) => r.row)).toEqual(template.map.scoring.rows.map((r) => r.row));
          const sheet = grids.find((g) => g.name === read.value.map.scoring.sheet);
          if (!sheet) throw new Error('no scoring sheet');
          const col = read.value.map.scoring.columns.code;
          expect(rows.map((r) => sheet.values[r.row]?.[col])).toEqual(expected);
          expect(checkMap(sheet, read.value.map, 'self')).toEqual([]);
        },
      ),
      { seed: 20261201, numRuns: 150 },
    );
  });

  it('tells apart codes that fold alike (1 and ①) by their spelling', () => {
    const leaf = (code: string): IndicatorInput => ({
      code,
      title: code,
      points: 1,
      rule: { kind: 'yesno', input: 'done' },
    });
    const parsed = parseRuleSet({
      ...ruleSetHeader({ id: 'numbering' }),
      points: 2,
      inputs: [{ id: 'done', label: '完成', unit: 'yesno' }],
      sections: [{ code: '一', title: '部分', points: 2, items: [leaf('1'), leaf('①')] }],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const template = buildTemplate(parsed.value, { id: 'u1', name: '测试单位' });
    const read = readSheet(templateGrids(template));
    if (!read.ok) throw new Error(JSON.stringify(read.issues.map((i) => i.message.zh)));
    expect(read.value.map.scoring.rows.map((r) => [r.key, r.row])).toEqual(
      template.map.scoring.rows.map((r) => [r.key, r.row]),
    );
  });
});
