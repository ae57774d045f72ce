// A certification's summary sheets: 认定结果 (one row per unit), one 整改通知书 per failing unit
// (printable: portrait A4, one page wide, signature and stamp block) and the very hidden
// kaohe_certification sheet with every unit's records as canonical JSON — what `kaohe template
// --history` carries into the unit's next workbook.
import {
  msgOf,
  type CertificationRecord,
  type CompiledRuleSet,
  type FailingClause,
  type Msg,
  type RuleSet,
} from '@kaohe/engine';
import { cellRef } from '../a1.ts';
import { ROW_KEYS } from '../labels.ts';
import { findSheet, cellAt } from '../read/locate.ts';
import {
  cannotJudge,
  chineseDate,
  historyText,
  resultText,
  type CertificationReview,
  type CertifiedUnit,
} from '../review/certification.ts';
import { num, table } from '../summary/table.ts';
import { GridBuilder } from '../template/grid-builder.ts';
import { jsonRowsById, jsonRowsSheet } from '../json-rows.ts';
import { chunk } from '../template/meta-sheet.ts';
import { rowCaptions } from '../template/row-keys.ts';
import type { CellValue, SheetGrid, SheetLayout, SheetResult } from '../types.ts';
import { sheetTitle, zh } from '../units.ts';
import { historyIssue, historyJson, parseHistory } from './history.ts';

export const CERTIFICATION_SHEETS = {
  result: '认定结果',
  records: 'kaohe_certification',
  /** A notice's sheet name: this, then the unit's name. */
  noticePrefix: '整改-',
} as const;
const RECORDS_MARKER = 'kaohe-certification';

/** A failing clause as a person reads it: 一.5 会员人数不低于总人口的8%, 否决.1「…」. */
export function clauseCaption(f: FailingClause, captions: ReadonlyMap<string, Msg>): Msg {
  const key = f.path.startsWith('sanctions.')
    ? `${ROW_KEYS.sanctions}.${f.path.slice('sanctions.'.length)}`
    : f.path;
  return captions.get(key) ?? f.title;
}

/** Who certifies: the record's (by the grade sought), else the issuer when the rule set names
 *  no certifier, or 未能确定 when it names some and none applies. */
export function certifierText(rec: CertificationRecord, ruleSet: RuleSet): Msg {
  if (rec.certifiedBy) return rec.certifiedBy;
  if (rec.certifiedBy === null) return { zh: '未能确定', en: 'cannot be decided' };
  return msgOf(ruleSet.issuer);
}

/**
 * What the unit sends with its rectification for a failing clause: the figures the clause reads
 * (a blank one said so) and their evidence where the rules ask for it.
 */
export function materialsOf(
  f: FailingClause,
  compiled: CompiledRuleSet,
  values: Readonly<Record<string, unknown>>,
): string {
  const label = (id: string): string => {
    const def = compiled.inputs.get(id);
    if (!def) return id;
    const blank = values[id] === null || values[id] === undefined;
    return `${zh(def.label)}${blank ? '(未填写)' : ''}${def.evidence ? '及佐证材料' : ''}`;
  };
  if (f.path.startsWith('sanctions.')) {
    const id = f.path.slice('sanctions.'.length);
    const s = compiled.sanctions.find((x) => x.sanction.id === id);
    const ids = (s?.when.identifiers ?? []).filter((i) => compiled.inputs.has(i));
    return `${ids.map(label).join('、')}${ids.length ? ',' : ''}整改情况说明`;
  }
  if (f.path === 'certificationGrades.sought') {
    const sought = compiled.certificationGrades?.sought;
    return sought ? label(sought.id) : '';
  }
  if (f.path.startsWith('certificationGrades.'))
    return '各项条款的数据及佐证材料(总分须达到分数线)';
  if (f.path.startsWith('sections.')) return '该部分条款下发后,按其要求报送';
  const item = compiled.byPath.get(f.path);
  if (!item) return '';
  const ids =
    f.status === 'missing-evidence'
      ? item.inputsUsed.filter((i) => compiled.inputs.get(i)?.evidence)
      : item.inputsUsed;
  return ids.map(label).join('、');
}

const gradeName = (compiled: CompiledRuleSet, id: string | null | undefined): string =>
  id ? (compiled.certificationGrades?.grades.find((g) => g.id === id)?.label.zh ?? id) : '';

/** 认定结果: one row per unit, in the order of the returned files. */
function certificationResultSheet(
  cr: CertificationReview,
  ruleSet: RuleSet,
  compiled: CompiledRuleSet,
  missing: readonly { id: string; name: string; address: string }[],
): SheetLayout {
  const graded = compiled.certificationGrades !== undefined;
  const captions = rowCaptions(ruleSet);
  const rows: CellValue[][] = cr.units.map((u) => {
    const rec = u.outcome?.record;
    const failing = (rec?.failing ?? [])
      .map((f) => `${clauseCaption(f, captions).zh}:${f.reason.zh}`)
      .join('\n');
    const notes = [
      ...(u.historyDiffers ? [u.historyDiffers.zh] : []),
      ...u.issues.map((i) => i.message.zh),
    ].join(';');
    return [
      u.unitId,
      u.name,
      rec ? `第${rec.attempt}次` : `第${u.earlier.length + 1}次`,
      resultText(u).zh,
      ...(graded
        ? [
            num(u.outcome?.result.total),
            gradeName(compiled, rec?.sought),
            gradeName(compiled, rec?.reached),
            rec?.gradeLabel?.zh ?? '',
          ]
        : []),
      rec ? certifierText(rec, ruleSet).zh : '',
      failing,
      rec?.rectifyBy ?? '',
      historyText(u.outcome?.history ?? u.earlier).zh,
      notes,
      u.file,
    ];
  });
  // Roster units that returned nothing: not certified, said so (never a pass or a fail).
  for (const m of missing)
    rows.push([
      m.id,
      m.name,
      '',
      '未上报',
      ...(graded ? [null, '', '', ''] : []),
      '',
      '',
      '',
      '',
      `名册中有该单位(${m.address}),未收到其考核表,未予认定`,
      '',
    ]);
  return table(
    CERTIFICATION_SHEETS.result,
    `${sheetTitle(ruleSet)} 评估认定结果(认定日期 ${cr.assessedOn})`,
    [
      { header: '单位代码\nUnit id', width: 12 },
      { header: '单位\nUnit', width: 16, wrap: true },
      { header: '认定次数\nAttempt', width: 8 },
      { header: '认定结果\nResult', width: 14, wrap: true },
      ...(graded
        ? [
            { header: '总分\nTotal', width: 8, format: 'score' as const },
            { header: '申报等次\nSought', width: 8 },
            { header: '分数达到\nReached', width: 8 },
            { header: '认定等次\nCertified', width: 8 },
          ]
        : []),
      { header: '认定单位\nCertified by', width: 14, wrap: true },
      { header: '未达到的条款及原因\nClauses not met', width: 48, wrap: true },
      { header: '整改期限\nRectify by', width: 11 },
      { header: '认定经过\nHistory', width: 40, wrap: true },
      { header: '说明\nNotes', width: 24, wrap: true },
      { header: '文件\nFile', width: 18, wrap: true },
    ],
    rows,
  );
}

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in `taken`. */
function sheetName(base: string, taken: Set<string>): string {
  const clean = base.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '');
  let name = Array.from(clean).slice(0, 31).join('');
  for (let n = 2; taken.has(name); n++) {
    const tail = `(${n})`;
    name =
      Array.from(clean)
        .slice(0, 31 - tail.length)
        .join('') + tail;
  }
  taken.add(name);
  return name;
}

const NOTICE_WIDTHS = [6, 30, 40, 34];

/** 整改通知书 for one failing unit: what failed and why, by when, what to send; signed and stamped. */
function rectificationNotice(
  u: CertifiedUnit,
  values: Readonly<Record<string, unknown>>,
  ruleSet: RuleSet,
  compiled: CompiledRuleSet,
  name: string,
): SheetLayout {
  const rec = u.outcome?.record;
  if (!rec || rec.passed) throw new Error('rectificationNotice: the unit did not fail');
  const last = NOTICE_WIDTHS.length - 1;
  const g = new GridBuilder(NOTICE_WIDTHS.length);
  const line = (text: string, kind: 'title' | 'label' | 'value', wrap = false): number => {
    const r = g.addRow([text]);
    g.merge(r, 0, r, last);
    g.hint({ row: r, col: 0, kind, ...(wrap ? { wrap: true as const } : {}) });
    return r;
  };
  const by = certifierText(rec, ruleSet).zh;
  const title = sheetTitle(ruleSet);
  line('整改通知书', 'title');
  g.addRow();
  line(`${u.name}:`, 'label');
  const sought = rec.sought ? `「${gradeName(compiled, rec.sought)}」` : '';
  const undecided = rec.failing.filter(cannotJudge).length;
  line(
    `    经${chineseDate(rec.assessedOn)}评估认定(第${rec.attempt}次),你单位有${rec.failing.length}项条款未达到《${title}》的要求,本次不予认定${sought}` +
      `${undecided ? `(其中${undecided}项因缺少数据无法判定,补齐数据前不能通过)` : ''}。` +
      `请对照下列条款认真整改,${rec.rectifyBy ? `于${chineseDate(rec.rectifyBy)}前完成整改,` : ''}` +
      `将整改情况连同所列数据和佐证材料报送${by},申请重新评定。`,
    'value',
    true,
  );
  g.addRow();
  const header = g.addRow([
    '序号\nNo.',
    '未达到的条款\nClause not met',
    '未达到的原因\nWhy',
    '整改后须报送的数据和材料\nWhat to send',
  ]);
  NOTICE_WIDTHS.forEach((_, col) => g.hint({ row: header, col, kind: 'header' }));
  const captions = rowCaptions(ruleSet);
  rec.failing.forEach((f, i) => {
    const r = g.addRow([
      String(i + 1),
      clauseCaption(f, captions).zh,
      f.reason.zh,
      materialsOf(f, compiled, values),
    ]);
    NOTICE_WIDTHS.forEach((_, col) => g.hint({ row: r, col, kind: 'item' }));
  });
  g.addRow();
  line(
    `整改期限:${rec.rectifyBy ? `${chineseDate(rec.rectifyBy)}前` : '考核办法未规定整改期限'}`,
    'label',
  );
  line(`认定单位:${by}`, 'label');
  if (u.earlier.length > 0)
    line(
      `认定经过:${historyText(u.outcome?.history ?? [])
        .zh.split('\n')
        .join(';')}`,
      'value',
      true,
    );
  g.addRow();
  // The sign-off, as on the template: the certifying level signs and stamps (room for the stamp),
  // each a label and a line to write on; the unit signs for receipt at the foot.
  const tall: { row: number; height: number }[] = [];
  const sign = (text: string, from: number, to: number, row = g.addRow()): number => {
    g.set(row, from, text);
    for (let c = from; c <= to; c++) g.hint({ row, col: c, kind: 'sign' });
    if (to > from) g.merge(row, from, row, to);
    return row;
  };
  tall.push({ row: sign(`认定单位(盖章):${by}`, 2, last), height: 56 });
  for (const label of ['负责人:', '经办人:', '联系电话:'])
    tall.push({ row: sign(label, 2, last), height: 28 });
  tall.push({ row: sign(`日期:${chineseDate(rec.assessedOn)}`, 2, last), height: 28 });
  g.addRow();
  const receipt = sign('被通知单位签收人:', 0, 1);
  sign('签收日期:      年    月    日', 2, last, receipt);
  tall.push({ row: receipt, height: 28 });
  return {
    name,
    role: 'data',
    state: 'visible',
    values: g.values,
    widths: NOTICE_WIDTHS,
    wrap: [1, 2, 3],
    portrait: true,
    printArea: true,
    footer: `被通知单位:${u.name}`,
    pageNumbers: false,
    tallRows: tall,
    merges: g.merges,
    cells: g.cells,
  };
}

/** The notices of the failing units, named 整改-<unit>, in the order of the returned files. */
function rectificationNotices(
  cr: CertificationReview,
  valuesOf: (u: CertifiedUnit) => Readonly<Record<string, unknown>>,
  ruleSet: RuleSet,
  compiled: CompiledRuleSet,
  taken: Set<string>,
): SheetLayout[] {
  return cr.units
    .filter((u) => u.outcome && !u.outcome.record.passed)
    .map((u) =>
      rectificationNotice(
        u,
        valuesOf(u),
        ruleSet,
        compiled,
        sheetName(`${CERTIFICATION_SHEETS.noticePrefix}${u.name}`, taken),
      ),
    );
}

/**
 * kaohe_certification (very hidden): A `history`, B the unit id, C the canonical JSON of the
 * unit's records (this assessment's included), cut into chunks; a refused unit keeps its
 * earlier records.
 */
function certificationRecordsSheet(cr: CertificationReview, ruleSet: RuleSet): SheetLayout {
  const values: CellValue[][] = [
    [RECORDS_MARKER, '1', null],
    ['ruleSetId', ruleSet.id, null],
    ['assessedOn', cr.assessedOn, null],
  ];
  for (const u of cr.units) {
    const records = u.outcome?.history ?? u.earlier;
    if (records.length === 0) continue;
    for (const part of chunk(historyJson(records))) values.push(['history', u.unitId, part]);
  }
  return jsonRowsSheet(CERTIFICATION_SHEETS.records, values);
}

/**
 * Every unit's records from a certification summary (its kaohe_certification sheet), by unit id.
 * A summary without that sheet, of another rule set, or with records that do not parse is an
 * error at the cell.
 */
export function readCertificationRecords(
  grids: readonly SheetGrid[],
  ruleSet: RuleSet,
): SheetResult<Map<string, CertificationRecord[]>> {
  const sheet = findSheet(
    grids,
    CERTIFICATION_SHEETS.records,
    (s) => cellAt(s.values, 0, 0) === RECORDS_MARKER,
  );
  const at = (row: number, col: number): string =>
    cellRef(sheet?.name ?? CERTIFICATION_SHEETS.records, row, col);
  if (!sheet)
    return {
      ok: false,
      issues: [
        historyIssue(at(0, 0), {
          zh: '汇总表中没有认定记录(kaohe_certification),不是评估认定的复核汇总表',
          en: 'the summary has no certification records (kaohe_certification): not a certification review summary',
        }),
      ],
    };
  const texts = jsonRowsById(sheet.values, 'history');
  const row = sheet.values.findIndex((r) => r[0] === 'ruleSetId');
  const id = row < 0 ? undefined : String(sheet.values[row]?.[1] ?? '');
  if (id !== ruleSet.id) {
    return {
      ok: false,
      issues: [
        historyIssue(at(Math.max(row, 0), 1), {
          zh: `汇总表属于规则集“${id ?? ''}”,不是“${ruleSet.id}”`,
          en: `the summary is of rule set "${id ?? ''}", not "${ruleSet.id}"`,
        }),
      ],
    };
  }
  const out = new Map<string, CertificationRecord[]>();
  for (const [unitId, { text, row }] of texts) {
    const parsed = parseHistory(text, at(row, 2), { unitId, ruleSetId: ruleSet.id });
    if (!parsed.ok) return { ok: false, issues: [parsed.issue] };
    out.set(unitId, parsed.value);
  }
  return { ok: true, value: out, warnings: [] };
}

/** The sheets of the scored summary that a certification has no use for: it is not ranked. */
const NOT_FOR_CERTIFICATION = new Set(['排名', '等级']);

/**
 * A certification's summary: 认定结果 first (in place of 排名 and 等级: a certification is not
 * ranked; a graded one shows its total and grades there), the scored summary's other sheets
 * (否决, 分项得分, 指标得分, 差异, 未纳入), one 整改通知书 per failing unit, and the records.
 */
export function certificationSummary(
  sheets: readonly SheetLayout[],
  cr: CertificationReview,
  valuesOf: (u: CertifiedUnit) => Readonly<Record<string, unknown>>,
  ruleSet: RuleSet,
  compiled: CompiledRuleSet,
  /** Roster units that returned no workbook (未上报). */
  missing: readonly { id: string; name: string; address: string }[] = [],
): SheetLayout[] {
  const kept = sheets.filter((s) => !NOT_FOR_CERTIFICATION.has(s.name));
  const taken = new Set([
    CERTIFICATION_SHEETS.result,
    CERTIFICATION_SHEETS.records,
    ...kept.map((s) => s.name),
  ]);
  return [
    certificationResultSheet(cr, ruleSet, compiled, missing),
    ...kept,
    ...rectificationNotices(cr, valuesOf, ruleSet, compiled, taken),
    certificationRecordsSheet(cr, ruleSet),
  ];
}
