// The engine's diff of two editions as lines to read, in both languages: a heading naming both
// editions, a note when they are different rule sets, one line per change marked ▲ 收紧 / ▽ 放宽,
// and the summary. `kaohe diff` prints it; the admin app shows it before publishing.
import {
  diffRuleSets,
  msgOf,
  type Change,
  type Msg,
  type RuleSet,
  type RuleSetDiff,
} from '@kaohe/engine';

export interface DiffReport {
  heading: Msg;
  /** Set when the two files are different rule sets (items are still compared by code). */
  otherRuleSet?: Msg;
  /** One per change, its marker first. */
  lines: { change: Change; text: Msg }[];
  summary: Msg;
  diff: RuleSetDiff;
}

const TIGHTENED: Msg = { zh: '收紧', en: 'tightened' };
const LOOSENED: Msg = { zh: '放宽', en: 'loosened' };

function marked(change: Change): Msg {
  const { zh, en } = change.message;
  if (change.direction === 'tightened')
    return { zh: `▲ ${TIGHTENED.zh}  ${zh}`, en: `▲ ${TIGHTENED.en}  ${en}` };
  if (change.direction === 'loosened')
    return { zh: `▽ ${LOOSENED.zh}  ${zh}`, en: `▽ ${LOOSENED.en}  ${en}` };
  return { zh: `•  ${zh}`, en: `•  ${en}` };
}

export function diffReport(from: RuleSet, to: RuleSet): DiffReport {
  const diff = diffRuleSets(from, to);
  const a = msgOf(from.title);
  const b = msgOf(to.title);
  return {
    heading: {
      zh: `比较:${a.zh}(${from.year}年第 ${from.edition} 版)→ ${b.zh}(${to.year}年第 ${to.edition} 版)`,
      en: `Comparing: ${a.en} (${from.year}, edition ${from.edition}) → ${b.en} (${to.year}, edition ${to.edition})`,
    },
    ...(from.id !== to.id
      ? {
          otherRuleSet: {
            zh: `注意:两个文件是不同的考核办法(${from.id} 与 ${to.id}),逐项比较仍按编号进行`,
            en: `Note: the files are different rule sets (${from.id} and ${to.id}); items are still compared by their codes`,
          },
        }
      : {}),
    lines: diff.changes.map((change) => ({ change, text: marked(change) })),
    summary: diff.summary,
    diff,
  };
}
