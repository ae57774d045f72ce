// Per-child deductions on a parent: −0.5 for each child unit without a signed responsibility
// document. A child whose answer is blank is an error, never a silent "has it".
import { q, type Q } from '../exact/exact.ts';
import { exactText } from '../cohort/exact-text.ts';
import { show } from '../messages/format.ts';
import { msgOf } from '../messages/text.ts';
import type { Issue, Msg, Result, UnitInput } from '../model/result.ts';
import type { DecimalLiteral, Text } from '../schema/common.ts';
import { decodeValue } from '../score/env.ts';
import { error } from '../validate/issues.ts';

export interface ChildFlag {
  id: string;
  name: string;
  /** The child meets the requirement; null when its answer is blank or unreadable. */
  ok: boolean | null;
}

/** Reads a yes/no input of each child unit (是/否, √/×, 有/无, booleans). */
export function childFlags(units: readonly UnitInput[], inputId: string): ChildFlag[] {
  const def = {
    id: inputId,
    label: inputId,
    unit: 'yesno',
    source: 'unit',
    evidence: false,
  } as const;
  return units.map((u) => {
    const { value } = decodeValue(def, u.values[inputId]);
    return { id: u.id, name: u.name, ok: typeof value === 'boolean' ? value : null };
  });
}

export interface PerChildDeduction {
  /** Signed: negative, e.g. "-1.5". */
  amount: string;
  count: number;
  lacking: { id: string; name: string }[];
  explanation: Msg;
}

export function perChildDeduction(
  children: readonly ChildFlag[],
  each: DecimalLiteral,
  options: { cap?: DecimalLiteral; reason?: Text } = {},
): Result<PerChildDeduction> {
  const issues: Issue[] = children
    .filter((c) => c.ok === null)
    .map((c) =>
      error('child-answer-blank', `children.${c.id}`, {
        zh: `下级单位「${c.name}」未填写或无法识别`,
        en: `child unit "${c.name}": the answer is blank or unreadable`,
      }),
    );
  if (issues.length > 0) return { ok: false, issues };
  const lacking = children
    .filter((c) => c.ok === false)
    .map((c) => ({ id: c.id, name: c.name }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const per = q(each);
  let amount: Q = per.mul(lacking.length);
  const cap = options.cap === undefined ? undefined : q(options.cap);
  const capped = cap !== undefined && amount.compare(cap) > 0;
  if (cap !== undefined && capped) amount = cap;
  const reason = options.reason
    ? msgOf(options.reason)
    : { zh: '下级单位未达要求', en: 'child units short of the requirement' };
  const names = lacking.map((c) => c.name).join('、');
  return {
    ok: true,
    warnings: [],
    value: {
      amount: exactText(amount.neg()),
      count: lacking.length,
      lacking,
      explanation: {
        zh: `${reason.zh}:${lacking.length}个${names ? `(${names})` : ''},每个扣${show(per)}分,共扣${show(amount)}分${capped ? '(已封顶)' : ''}`,
        en: `${reason.en}: ${lacking.length}${names ? ` (${names})` : ''}, ${show(per)} each, ${show(amount)} in all${capped ? ' (capped)' : ''}`,
      },
    },
  };
}
