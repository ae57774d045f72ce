// Operands as a reason shows them: a value with its unit, and — when it is not a plain number or
// the item's own input — what it is (92.07%(各单位比率平均值), 85人(计划生育数 × 0.85)); the
// figures a formula reads, each with its label, value and unit (预算 2万元).
import type { CompiledExpr } from '../expr/types.ts';
import { peerWords, scoreWords } from '../expr/words.ts';
import type { Q } from '../exact/exact.ts';
import type { Msg } from '../model/result.ts';
import { showWithUnit } from '../messages/format.ts';
import { msgOf } from '../messages/text.ts';
import type { InputDef } from '../schema/ruleset.ts';
import type { COperand, CompiledRuleSet } from './compile.ts';
import type { UnitEnv } from './env.ts';

/** "92.07%" with what it is: "92.07%(各单位比率平均值)" / "92.07% (the mean 比率 of all units)". */
export function withWords(shown: Msg, words: Msg | undefined): Msg {
  return words ? { zh: `${shown.zh}(${words.zh})`, en: `${shown.en} (${words.en})` } : shown;
}

/** What an operand is, beside its value: a formula's words, or a bare input's label. */
export const operandWords = (op: COperand): Msg | undefined =>
  op.constant ? undefined : (op.words ?? (op.input ? msgOf(op.input.label) : undefined));

export const NOT_REPORTED: Msg = { zh: '未填报', en: 'not reported' };

/** An input's value as a person reads it: 2万元, 是, 「建而不用」 by its label. */
export function inputValue(def: InputDef, value: ReturnType<UnitEnv['peek']>): Msg {
  if (value === undefined) return NOT_REPORTED;
  if (typeof value === 'boolean') return value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' };
  if (typeof value === 'string') {
    const choice = def.choices?.find((c) => c.value === value);
    return choice ? msgOf(choice.label) : { zh: value, en: value };
  }
  return showWithUnit(value, def.unit);
}

/** Each figure a formula reads, once, in order of first use: 「预算 2万元」「各单位比率平均值 92%」. */
export function operandValues(
  rs: CompiledRuleSet,
  expr: CompiledExpr,
  env: UnitEnv,
  /** An input's value as shown here, read some quicker way (the kernels' frame); undefined to
   *  decode it from the environment. */
  read?: (def: InputDef) => Msg | undefined,
): Msg[] {
  const out: Msg[] = [];
  const line = (label: Msg, value: Msg): void => {
    out.push({ zh: `${label.zh} ${value.zh}`, en: `${label.en} ${value.en}` });
  };
  for (const ref of expr.operands) {
    if (ref.kind === 'input') {
      // An input, or a derived value shown as one: its label, value and unit (a derived value
      // is read from the environment, never off the frame).
      const input = rs.inputs.get(ref.id);
      const def = input ?? rs.derived.get(ref.id)?.shown;
      if (def) line(msgOf(def.label), (input && read?.(def)) ?? inputValue(def, env.peek(ref.id)));
    } else if (ref.kind === 'peer') {
      const def = rs.inputs.get(ref.id) ?? rs.derived.get(ref.id)?.shown;
      const stat: Q | undefined = env.ctx.peers?.stat(ref.stat, ref.id);
      const label = peerWords(ref.stat, def ? msgOf(def.label) : { zh: ref.id, en: ref.id });
      line(label, stat ? showWithUnit(stat, def?.unit) : NOT_REPORTED);
    } else {
      const score = env.result(ref.path).score;
      line(scoreWords(ref.path), score === null ? NOT_REPORTED : { zh: `${score}分`, en: score });
    }
  }
  return out;
}
