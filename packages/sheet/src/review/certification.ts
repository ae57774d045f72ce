// The review of a certification (评估认定): each returned unit certified by the engine's `certify`
// on the assessment date the app passes in (never a clock here), with the earlier records its
// workbook carries (kaohe_meta `history`). Decisions (one each):
// - Pass only when the engine says so: a clause that cannot be judged (a blank figure, a veto
//   that cannot be decided) is a failing clause, and the unit is 未通过, said as undecided.
// - A unit the engine refuses (an assessment date before its last one) is 无法认定 with why.
// - A certification is not ranked: the summary's 认定结果 sheet takes the place of 排名 and 等级;
//   a graded certification shows its total and grades there.
// - History: a unit can edit its own kaohe_meta history rows. With the reviewer's previous summary
//   (`record`), the history comes from that record, and each record the workbook carries
//   otherwise is flagged, named by its attempt (历史记录与上次认定不符).
import {
  certify,
  type CertificationOutcome,
  type CertificationRecord,
  type CompiledRuleSet,
  type FailingClause,
  type Issue,
  type Msg,
} from '@kaohe/engine';
import canonicalize from 'canonicalize';
import type { SheetRead } from '../read/read-sheet.ts';

export interface CertifiedUnit {
  /** Index into the returned files, and the file. */
  index: number;
  file: string;
  unitId: string;
  name: string;
  /** The earlier records the workbook carried (empty: a first assessment). */
  earlier: CertificationRecord[];
  /** Where the workbook carries them (kaohe_meta cell), when it does. */
  historyAt?: string;
  /** null: the engine refused to certify (see `issues`). */
  outcome: CertificationOutcome | null;
  /** The engine's warnings (re-assessed after the deadline, …) or, when refused, its errors. */
  issues: Issue[];
  /** Not passed because a clause cannot be judged yet (blank figure, undecided veto). */
  undecided: boolean;
  /** With the reviewer's previous record: how the workbook's own history differs from it. */
  historyDiffers?: Msg;
}

export interface CertificationReview {
  /** ISO date of this assessment. */
  assessedOn: string;
  /** In the order of the returned files. */
  units: CertifiedUnit[];
  passed: number;
  failed: number;
  /** Of the failed, those with a clause that cannot be judged. */
  undecided: number;
  refused: number;
}

/** A failing clause that could not be judged (rather than judged and not met). */
export const cannotJudge = (f: FailingClause): boolean =>
  f.status === 'missing-input' || f.status === 'cannot-compute' || f.status === 'undecided';

/** The records of `carried` that are not those of `recorded`, by attempt, in words; undefined
 *  when they are the same. */
export function historyDifference(
  carried: readonly CertificationRecord[],
  recorded: readonly CertificationRecord[],
  at: string | undefined,
): Msg | undefined {
  const lines: Msg[] = [];
  const where = at ? { zh: `(${at})`, en: ` (${at})` } : { zh: '', en: '' };
  for (let i = 0; i < Math.max(carried.length, recorded.length); i++) {
    const mine = recorded[i];
    const theirs = carried[i];
    if (mine && theirs && canonicalize(mine) === canonicalize(theirs)) continue;
    if (mine && theirs) {
      const a = recordText(mine);
      const b = recordText(theirs);
      lines.push({
        zh: `第${i + 1}次认定记录:上次认定为“${a.zh}”,表中为“${b.zh}”`,
        en: `record of assessment ${i + 1}: the previous review has "${a.en}", the sheet "${b.en}"`,
      });
    } else if (mine)
      lines.push({
        zh: `第${i + 1}次认定记录“${recordText(mine).zh}”在表中缺失`,
        en: `record of assessment ${i + 1} "${recordText(mine).en}" is missing from the sheet`,
      });
    else if (theirs)
      lines.push({
        zh: `表中的第${i + 1}次认定记录“${recordText(theirs).zh}”不在上次认定中`,
        en: `the sheet's record of assessment ${i + 1} "${recordText(theirs).en}" is not in the previous review`,
      });
  }
  if (lines.length === 0) return undefined;
  return {
    zh: `历史记录与上次认定不符${where.zh}:${lines.map((l) => l.zh).join(';')};已按上次认定的记录认定`,
    en: `history differs from the previous review${where.en}: ${lines.map((l) => l.en).join('; ')}; certified by the previous review's records`,
  };
}

/** Certifies each reviewed unit on `assessedOn` with the history its workbook carries, or, given
 *  the reviewer's previous record (`record`, by unit id), with that record's. */
export function certifyUnits(
  units: readonly { index: number; file: string; unitId: string; name: string; read: SheetRead }[],
  compiled: CompiledRuleSet,
  assessedOn: string,
  record?: ReadonlyMap<string, readonly CertificationRecord[]>,
): CertificationReview {
  const out: CertifiedUnit[] = [...units]
    .sort((a, b) => a.index - b.index)
    .map((u) => {
      const earlier = record ? [...(record.get(u.unitId) ?? [])] : u.read.history;
      const differs = record
        ? historyDifference(u.read.history, earlier, u.read.historyAt)
        : undefined;
      const base = {
        index: u.index,
        file: u.file,
        unitId: u.unitId,
        name: u.name,
        earlier,
        ...(u.read.historyAt ? { historyAt: u.read.historyAt } : {}),
        ...(differs ? { historyDiffers: differs } : {}),
      };
      const r = certify(compiled, u.read.unit, { assessedOn, history: earlier });
      if (!r.ok) return { ...base, outcome: null, issues: r.issues, undecided: false };
      return {
        ...base,
        outcome: r.value,
        issues: r.warnings,
        undecided: !r.value.record.passed && r.value.record.failing.some(cannotJudge),
      };
    });
  const failed = out.filter((u) => u.outcome && !u.outcome.record.passed);
  return {
    assessedOn,
    units: out,
    passed: out.filter((u) => u.outcome?.record.passed).length,
    failed: failed.length,
    undecided: failed.filter((u) => u.undecided).length,
    refused: out.filter((u) => !u.outcome).length,
  };
}

/** 2012-11-20 → 2012年11月20日, as a letter dates itself. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** The unit's result in words: 认定通过「合格」, 未通过, 未通过(…无法判定), 无法认定. */
export function resultText(u: CertifiedUnit): Msg {
  const rec = u.outcome?.record;
  if (!rec) return { zh: '无法认定', en: 'cannot be certified' };
  if (rec.passed) {
    const g = rec.gradeLabel;
    return g
      ? { zh: `认定通过「${g.zh}」`, en: `certified "${g.en}"` }
      : { zh: '认定通过', en: 'certified' };
  }
  return u.undecided
    ? {
        zh: '未通过(有条款缺少数据、无法判定)',
        en: 'not certified (clauses cannot be judged: data missing)',
      }
    : { zh: '未通过', en: 'not certified' };
}

/** One record as the history says it: 2012-11-20 第1次认定未通过(3项条款未达到,限2012-12-20前整改). */
export function recordText(r: CertificationRecord, before?: CertificationRecord): Msg {
  const n = { zh: `第${r.attempt}次`, en: `assessment ${r.attempt}` };
  if (r.passed) {
    const grade = r.gradeLabel
      ? { zh: `「${r.gradeLabel.zh}」`, en: ` "${r.gradeLabel.en}"` }
      : { zh: '', en: '' };
    const after = before && !before.passed;
    return {
      zh: `${r.assessedOn} ${n.zh}认定通过${grade.zh}${after ? '(整改后复评)' : ''}`,
      en: `${r.assessedOn} ${n.en}: certified${grade.en}${after ? ' (re-assessed after rectification)' : ''}`,
    };
  }
  return {
    zh: `${r.assessedOn} ${n.zh}认定未通过(${r.failing.length}项条款未达到${r.rectifyBy ? `,限${r.rectifyBy}前整改` : ''})`,
    en: `${r.assessedOn} ${n.en}: not certified (${r.failing.length} clause(s) not met${r.rectifyBy ? `; rectify by ${r.rectifyBy}` : ''})`,
  };
}

/** The whole history, earliest first, one record a line. */
export function historyText(records: readonly CertificationRecord[]): Msg {
  const lines = records.map((r, i) => recordText(r, records[i - 1]));
  return { zh: lines.map((l) => l.zh).join('\n'), en: lines.map((l) => l.en).join('\n') };
}
