// 汇总下级 (kaohe rollup in the pane): the parent's figures whose source is its children, from the
// children's returned workbooks the user chose and the roster of the children — planned by
// @kaohe/sheet's planRollup (the review, who counts, the engine's childrenInputs, the writes).
// Here only: which rules the children were assessed by (the rules their workbooks carry, of the
// id the parent's rules name), the roster's sheet, and the pane's words.
import { msgOf, type Msg, type RuleSet } from '@kaohe/engine';
import {
  planRollup,
  readMeta,
  readReturn,
  readRoster,
  SHEET_NAMES,
  cellRef,
  type TrustStore,
} from '@kaohe/sheet';
import { actualName, fromA1 } from './kernel-grids.ts';
import { fromSheetIssue } from './kernel-problems.ts';
import type { GroupRead } from './kernel-read.ts';
import type { Outcome, Problem, RollupPlanView } from './kernel.types.ts';
import type { SheetGrid } from './workbook-port.ts';

interface Chosen {
  name: string;
  grids: SheetGrid[];
}

const fail = (sheet: string, message: Msg, code: Problem['code'] = 'not-reviewed'): Problem => ({
  code,
  severity: 'error',
  sheet,
  address: null,
  message,
});

/** The ids of the rule sets the parent's figures are rolled up from. */
const childRuleIds = (ruleSet: RuleSet): string[] => [
  ...new Set(ruleSet.inputs.flatMap((d) => (d.source === 'children' && d.from ? [d.from] : []))),
];

/** The children's rules: those their workbooks carry, of an id the parent names (the first file
 *  that has them; a child whose rules differ is then flagged by the review). */
function childRules(
  parent: RuleSet,
  children: readonly Chosen[],
): Outcome<{ rules: RuleSet; file: string }> {
  const ids = childRuleIds(parent);
  for (const c of children) {
    const meta = c.grids.find((g) => g.name === SHEET_NAMES.meta);
    if (!meta) continue;
    const read = readMeta([fromA1(meta)], SHEET_NAMES.meta);
    if (read.ok && read.value.ruleSet && ids.includes(read.value.ruleSet.id))
      return { ok: true, value: { rules: read.value.ruleSet, file: c.name } };
  }
  const title = msgOf(parent.title);
  return {
    ok: false,
    problems: [
      fail(SHEET_NAMES.data, {
        zh: `所选文件中没有下级单位的考核表(《${title.zh}》由按 ${ids.join('、') || '(无)'} 考核的下级汇总)`,
        en: `none of the chosen files is a child's workbook ("${title.en}" rolls up children assessed by ${ids.join(', ') || '(none)'})`,
      }),
    ],
  };
}

export function rollupPlan(
  own: GroupRead,
  ownGrids: readonly SheetGrid[],
  children: readonly Chosen[],
  roster: Chosen,
  trust: TrustStore | undefined,
): Outcome<RollupPlanView> {
  const { group, read: parent } = own;
  if (childRuleIds(parent.ruleSet).length === 0)
    return {
      ok: false,
      problems: [
        fail(actualName(group, parent.map.data.sheet), {
          zh: '本考核没有由下级单位汇总的数据',
          en: 'nothing in these rules is rolled up from children',
        }),
      ],
    };
  const found = childRules(parent.ruleSet, children);
  if (!found.ok) return found;
  const rules = found.value.rules;
  // The roster's first sheet that reads as one (a roster workbook has one list).
  const sheets = roster.grids.filter((g) => (g.state ?? 'visible') === 'visible');
  const first = sheets[0] ?? roster.grids[0];
  if (!first)
    return {
      ok: false,
      problems: [fail(roster.name, { zh: `${roster.name} 是空的`, en: `${roster.name} is empty` })],
    };
  const list = readRoster(
    fromA1(first),
    rules,
    (row, col) => `${roster.name} ${cellRef(first.name, row, col)}`,
  );
  const rosterErrors = list.issues.filter((i) => i.severity === 'error');
  if (rosterErrors.length > 0)
    return {
      ok: false,
      problems: rosterErrors.map((i) => ({
        ...fromSheetIssue(i, { suffix: '', actual: new Map() }),
        sheet: roster.name,
        address: null,
        message: { zh: `${i.address}:${i.message.zh}`, en: `${i.address}: ${i.message.en}` },
      })),
    };
  const planned = planRollup({
    parent,
    parentGrids: ownGrids.map(fromA1),
    childRules: rules,
    children: children.map((c, i) =>
      readReturn({ file: c.name, grids: c.grids.map(fromA1) }, i, rules),
    ),
    roster: new Map(list.units.map((u) => [u.id, u.name])),
    ...(trust ? { trust } : {}),
  });
  if (planned.errors.length > 0)
    return {
      ok: false,
      problems: planned.errors.map((i) =>
        fail(actualName(group, parent.map.data.sheet), i.message),
      ),
    };
  return {
    ok: true,
    value: {
      children: {
        title: msgOf(rules.title),
        year: rules.year,
        edition: rules.edition,
        from: found.value.file,
        expected: list.units.length,
      },
      figures: planned.figures.map((f) => ({
        label: msgOf(f.def.label),
        sheet: actualName(group, parent.map.data.sheet),
        address: f.where.split('!').pop() ?? f.where,
        value: f.value === null ? null : `${f.value}${f.def.unit === '%' ? '%' : ''}`,
        words: f.words ?? null,
        issues: f.issues.map((i) => i.message),
        replaced: f.replaced ?? null,
      })),
      unusable: planned.unusable.map((u) => ({ name: u.name, unitId: u.unitId, why: u.why })),
      rejected: planned.review.rejected.map((r) => r.message),
      notes: [
        ...planned.notes,
        ...planned.rolled.issues.filter((i) => i.severity === 'warning').map((i) => i.message),
      ],
      writes: planned.writes.map((w) => ({
        sheet: actualName(group, w.sheet),
        address: w.address,
        values: w.values,
        ...(w.fills ? { fills: w.fills } : {}),
      })),
    },
  };
}
