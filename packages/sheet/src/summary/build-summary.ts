// A cohort's results → the grids a higher level publishes and checks: ranking, grades, vetoes
// and sanctions, section scores, the items × units matrix, and the differences to look at.
import {
  compileRuleSet,
  type CohortResult,
  type CohortUnit,
  type IndicatorResult,
  type Msg,
  type RuleSet,
} from '@kaohe/engine';
import { fmt, fmtFixed, q } from '@kaohe/engine/internal';
import { declaredPoints, rowCaptions, type DeclaredPoints } from '../template/row-keys.ts';
import { ruleSetChecksum } from '../checksum.ts';
import { ROW_KEYS, SANCTION_LEVELS } from '../labels.ts';
import type { CellValue, SheetLayout } from '../types.ts';
import { inputCaption, sheetTitle, zh } from '../units.ts';
import { changedName } from '../editions/prefill.ts';
import {
  checksumRows,
  recomputed,
  scoreDifferences,
  unitSanctionIds,
  type Submission,
} from './differences.ts';
import { resultsSheet } from './results-sheet.ts';
import { num, table } from './table.ts';

export interface SummaryOptions {
  /** What each unit's workbook reported, for the differences sheet. */
  submissions?: readonly Submission[];
  /** Returned files that were not reviewed, with why: listed in the 未纳入 sheet. */
  rejected?: readonly { file: string; message: Msg }[];
  /** Roster units that returned no workbook: listed under the ranking as 未上报, no rank and no
   *  total (never 0 points). */
  missing?: readonly { id: string; name: string; address: string }[];
}

export interface Summary {
  sheets: SheetLayout[];
  /** Differences found, also listed in the 差异 sheet. */
  differences: number;
}

const yes = (b: boolean): string => (b ? '是' : '否');

/** A record change's source in the 差异 sheet: what differs, and what was scored. */
const RECORD_SOURCE = {
  roster: {
    differs: '与名册不符 / differs from the roster',
    scored: '已按名册计 / scored by the roster',
  },
  carried: {
    differs: '与结转数据不符 / differs from the carried results',
    scored: '已按结转数据计 / scored by the carried results',
  },
  counters: {
    differs: '与上期汇总表不符 / differs from the previous summary',
    scored: '已按上期汇总表计 / counted by the previous summary',
  },
} as const;

export function buildSummary(
  cohort: CohortResult,
  ruleSet: RuleSet,
  options: SummaryOptions = {},
): Summary {
  const title = sheetTitle(ruleSet);
  const units = cohort.units;
  const submissions = options.submissions ?? [];
  const compiled = compileRuleSet(ruleSet);
  const diffs = scoreDifferences(
    units.map((u) => u.result),
    submissions,
    unitSanctionIds(compiled),
  );
  const reviewer = ruleSetChecksum(ruleSet);
  const notes = rankingNotes(cohort, ruleSet, submissions, diffs, reviewer);
  const ranking = table(
    '排名',
    `${title} 考核结果排名`,
    [
      { header: '名次\nRank', width: 7 },
      { header: '单位代码\nUnit id', width: 12 },
      { header: '单位\nUnit', width: 18 },
      { header: '总分\nTotal', width: 9, format: 'score' },
      { header: '等级\nGrade', width: 10 },
      { header: '一票否决\nVetoed', width: 9 },
      { header: '不予评先\nNo commendation', width: 10 },
      { header: '数据完整\nComplete', width: 9 },
      { header: '说明\nNotes', width: 40, wrap: true },
    ],
    units
      .map((u) => [
        u.rank,
        u.unitId,
        u.name,
        num(u.total),
        u.gradeLabel?.zh ?? '',
        yes(u.vetoed),
        yes(u.noCommendation),
        yes(u.complete),
        [...(notes.get(u) ?? []), ...u.gradeNotes.map((n) => n.zh)].join(';'),
      ])
      .concat(
        (options.missing ?? []).map((m): CellValue[] => [
          MISSING,
          m.id,
          m.name,
          null,
          '',
          '',
          '',
          '',
          `未上报:名册中有该单位(${m.address}),未收到其考核表,不参加排名`,
        ]),
      ),
  );

  const grades = table(
    '等级',
    `${title} 等级分布`,
    [
      { header: '等级\nGrade', width: 12 },
      { header: '单位数\nUnits', width: 8 },
      { header: '占比(%)\nShare (%)', width: 10 },
      { header: '上限\nAt most', width: 8 },
      { header: '下限\nAt least', width: 8 },
      { header: '排名最后\nLowest-ranked', width: 10 },
      { header: '奖惩\nConsequence', width: 30, wrap: true },
    ],
    (cohort.grades?.bands ?? []).map((b) => [
      b.label.zh,
      b.count,
      shareNumber(b.share),
      b.maxAllowed,
      b.minRequired,
      b.bottomRequired,
      b.consequence?.zh ?? '',
    ]),
  );

  const sanctionRows: CellValue[][] = units.flatMap((u) =>
    u.result.sanctions.map((s) => [
      u.unitId,
      u.name,
      SANCTION_LEVELS[s.level],
      s.reason.zh,
      s.consequence?.zh ?? '',
    ]),
  );
  const vetoes = table(
    '否决',
    `${title} 一票否决及处理`,
    [
      { header: '单位代码\nUnit id', width: 12 },
      { header: '单位\nUnit', width: 18 },
      { header: '处理\nLevel', width: 10 },
      { header: '原因\nReason', width: 40, wrap: true },
      { header: '后果\nConsequence', width: 30, wrap: true },
    ],
    sanctionRows,
  );

  const sectionCodes = ruleSet.sections.map((s) => s.code);
  const sections = table(
    '分项得分',
    `${title} 分项得分`,
    [
      { header: '单位代码\nUnit id', width: 12 },
      { header: '单位\nUnit', width: 18 },
      ...ruleSet.sections.map((s) => ({
        header: `${s.code}、${zh(s.title)}`,
        width: 12,
        format: 'score' as const,
        wrap: true,
      })),
      ...(ruleSet.bonus ? [{ header: '加分\nBonus', width: 8, format: 'score' as const }] : []),
      { header: '总分\nTotal', width: 9, format: 'score' },
    ],
    units.map((u) => [
      u.unitId,
      u.name,
      ...sectionCodes.map((c) => num(u.result.sections.find((s) => s.code === c)?.score)),
      ...(ruleSet.bonus ? [num(u.result.bonus.score)] : []),
      num(u.total),
    ]),
  );

  // Units as rows, items as columns: 200 units run down the pages like the other sheets, and the
  // item columns continue across pages at full size, unit and item titles repeated on each.
  const matrixCols = matrixColumns(cohort, declaredPoints(ruleSet, compiled));
  const matrix = table(
    '指标得分',
    `${title} 各单位指标得分`,
    [
      { header: '单位代码\nUnit id', width: 12 },
      { header: '单位\nUnit', width: 18, wrap: true },
      ...matrixCols.map((c) => ({
        header: c.header,
        width: 10,
        format: 'score' as const,
        wrap: true,
      })),
    ],
    units.map((u) => {
      const m = recomputed(u.result, []);
      return [u.unitId, u.name, ...matrixCols.map((c) => num(m.get(c.key) ?? null))];
    }),
    { across: true },
  );

  const names = new Map(units.map((u) => [u.unitId, u.name]));
  // 项目 as a person reads it: 序号 and title, a sanction by its number and reason (never its id).
  const captions = rowCaptions(ruleSet);
  const differences = table(
    '差异',
    `${title} 上报与复核差异`,
    [
      { header: '单位代码\nUnit id', width: 12 },
      { header: '单位\nUnit', width: 18 },
      { header: '项目\nItem', width: 40, wrap: true },
      { header: '上报\nReported', width: 12 },
      { header: '复核计算\nRecomputed', width: 12 },
      { header: '差值\nDifference', width: 10 },
      { header: '说明\nNote', width: 30, wrap: true },
    ],
    [
      ...diffs.map((d): CellValue[] => [
        d.unitId,
        d.name,
        captions.get(d.key)?.zh ?? d.key,
        numOrText(d.reported),
        numOrText(d.recomputed),
        num(d.delta),
        '上报得分与复核计算不一致 / reported score differs',
      ]),
      ...checksumRows(submissions, names, reviewer).map((r): CellValue[] => [
        r[0] ?? null,
        r[1] ?? null,
        '规则校验码 / rules checksum',
        r[2] ?? null,
        r[3] ?? null,
        null,
        r[4] ?? null,
      ]),
      // Workbooks whose rules are not a trusted edition, with why.
      ...submissions.flatMap((s): CellValue[][] =>
        s.edition && s.edition.status !== 'trusted'
          ? [
              [
                s.unitId,
                names.get(s.unitId) ?? '',
                '签名 / signature',
                null,
                null,
                null,
                `${s.edition.message.zh} / ${s.edition.message.en}`,
              ],
            ]
          : [],
      ),
      // Prefilled targets and baselines that are not as signed: each changed cell, else why.
      ...submissions.flatMap((s): CellValue[][] => {
        const p = s.prefill;
        if (!p || p.status === 'intact' || p.status === 'none') return [];
        const who = [s.unitId, names.get(s.unitId) ?? ''];
        const fieldName = (f: string): string => {
          const def = ruleSet.inputs.find((d) => d.id === f);
          return def ? inputCaption(def) : (UNIT_FIELDS[f] ?? f);
        };
        if (p.changes.length === 0)
          return [
            [...who, '预填指标 / prefill', null, null, null, `${p.message.zh} / ${p.message.en}`],
          ];
        return p.changes.map((c): CellValue[] => [
          ...who,
          `预填指标被改动 / prefill altered: ${c.column === 'value' || c.column === 'unit' ? fieldName(c.field) : changedName(ruleSet, c).zh}`,
          cellText(c.signed),
          cellText(c.found),
          null,
          `${c.address || '(单元格已删除 / cell deleted)'}:签发值与表中不符 / the cell differs from the signed figure`,
        ]);
      }),
      // Figures not as the reviewer's record (roster, carried results): each cell, else why.
      ...submissions.flatMap((s): CellValue[][] => {
        const r = s.record;
        if (!r?.message) return [];
        const who = [s.unitId, names.get(s.unitId) ?? ''];
        const fieldName = (f: string): string => {
          const def = ruleSet.inputs.find((d) => d.id === f);
          return def ? inputCaption(def) : (UNIT_FIELDS[f] ?? f);
        };
        if (r.changes.length === 0)
          return [[...who, RECORD_ITEM(r), null, null, null, `${r.message.zh} / ${r.message.en}`]];
        return r.changes.map((c): CellValue[] => [
          ...who,
          `${RECORD_SOURCE[c.source].differs}: ${c.column === 'consecutive' || c.column === 'cumulative' ? changedName(ruleSet, c).zh : fieldName(c.field)}${c.column === 'previous' ? '(上年数据)' : ''}`,
          // 上报: what the sheet says; 复核计算: the record's figure, the one scored.
          figureCell(c.found),
          figureCell(c.signed),
          null,
          `${c.address || '(单元格已删除 / cell deleted)'}:${RECORD_SOURCE[c.source].scored}`,
        ]);
      }),
      // What the embedded rules change against the reviewer's, in business terms.
      ...submissions.flatMap((s) =>
        (s.ruleChanges ?? []).map((c): CellValue[] => [
          s.unitId,
          names.get(s.unitId) ?? '',
          `规则变化 / rule change: ${c.path}`,
          c.from ?? null,
          c.to ?? null,
          null,
          c.message.zh,
        ]),
      ),
    ],
  );
  const rejected = table(
    '未纳入',
    `${title} 未纳入复核的文件`,
    [
      { header: '文件\nFile', width: 40, wrap: true },
      { header: '原因\nReason', width: 60, wrap: true },
    ],
    (options.rejected ?? []).map((r) => [r.file, r.message.zh]),
  );
  const money = amountsSheet(cohort, ruleSet, title);
  const counts = countersSheet(cohort, ruleSet, title);
  return {
    sheets: [
      ranking,
      grades,
      vetoes,
      sections,
      ...(money ? [money] : []),
      ...(counts ? [counts] : []),
      matrix,
      differences,
      rejected,
      // The results as data (very hidden): what combine and the next period read.
      resultsSheet(cohort, ruleSet),
    ],
    differences: differences.values.length - 2,
  };
}

/** 金额: each unit's amounts (money carried as output), pending ones as 待定, and their sums —
 *  the decided amounts only, with how many are pending said beside them. */
function amountsSheet(
  cohort: CohortResult,
  ruleSet: RuleSet,
  title: string,
): SheetLayout | undefined {
  const declared = ruleSet.amounts ?? [];
  if (declared.length === 0) return undefined;
  const cells = (u: CohortUnit) => u.amounts ?? u.result.amounts ?? [];
  const rows: CellValue[][] = cohort.units.map((u) => [
    u.unitId,
    u.name,
    ...declared.map((_, i) => {
      const a = cells(u)[i];
      return a?.amount === null || a === undefined ? '待定' : num(a.amount);
    }),
    cells(u)
      .map((a) => `${zh(a.label)}:${a.reason.zh}`)
      .join(';'),
  ]);
  const sums = declared.map((_, i) =>
    cohort.units.reduce(
      (acc, u) => {
        const a = cells(u)[i]?.amount;
        return a === null || a === undefined
          ? { ...acc, pending: acc.pending + 1 }
          : { ...acc, sum: acc.sum.add(q(a)) };
      },
      { sum: q(0), pending: 0 },
    ),
  );
  const pendingNote = sums
    .flatMap((s, i) =>
      s.pending ? [`${zh(declared[i]?.label ?? '')}待定${s.pending}个单位,未计入合计`] : [],
    )
    .join(';');
  rows.push(['合计', '', ...sums.map((s) => num(fmt(s.sum))), pendingNote]);
  return table(
    '金额',
    `${title} 奖惩金额`,
    [
      { header: '单位代码\nUnit id', width: 12 },
      { header: '单位\nUnit', width: 18 },
      ...declared.map((a) => ({
        header: `${zh(a.label)}(${a.unit})`,
        width: 12,
        format: 'decimal' as const,
        wrap: true,
      })),
      { header: '计算说明\nHow worked out', width: 50, wrap: true },
    ],
    rows,
  );
}

/** 计数: each unit's counters across periods, this period included (待定 when it could not be
 *  decided: the counts then carry over) — what the next period's workbooks carry
 *  (`kaohe template --counters`). */
function countersSheet(
  cohort: CohortResult,
  ruleSet: RuleSet,
  title: string,
): SheetLayout | undefined {
  if ((ruleSet.counters ?? []).length === 0) return undefined;
  return table(
    '计数',
    `${title} 跨期计数(含本期)`,
    [
      { header: '单位代码\nUnit id', width: 12 },
      { header: '单位\nUnit', width: 18 },
      { header: '计数器\nCounter', width: 24, wrap: true },
      { header: '本期计入\nThis period', width: 10 },
      { header: '连续次数\nIn a row', width: 10, format: 'integer' },
      { header: '累计次数\nIn all', width: 10, format: 'integer' },
    ],
    cohort.units.flatMap((u) =>
      u.result.counters.map((c): CellValue[] => [
        u.unitId,
        u.name,
        c.label.zh,
        c.counts === null ? '待定(沿用上期计数)' : yes(c.counts),
        c.consecutive,
        c.cumulative,
      ]),
    ),
  );
}

/** A signed or found figure as a cell of the 差异 sheet. */
const cellText = (v: string | number | boolean | null): CellValue =>
  typeof v === 'boolean' ? (v ? '是' : '否') : v;

/** The 名次 of a roster unit that returned no workbook. */
const MISSING = '未上报';

/** The 差异 item of a unit the record does not have. */
const RECORD_ITEM = (r: { inRoster?: boolean; inCarried?: boolean }): string =>
  r.inRoster === false
    ? '名册外单位 / not on the roster'
    : r.inCarried === false
      ? '结转数据 / carried results'
      : '名册 / roster';

/** A figure of the reviewer's record or the sheet: a decimal as a number, else as a cell. */
const figureCell = (v: string | number | boolean | null): CellValue =>
  typeof v === 'string' ? numOrText(v) : cellText(v);

/** The header fields a prefill signs, as the 差异 sheet names them. */
const UNIT_FIELDS: Record<string, string> = {
  unitId: '单位代码',
  unitName: '被考核单位',
  unitClass: '单位类别',
};

/** The 排名 note for a workbook whose prefill is not as signed. */
const PREFILL_NOTES: Record<string, string> = {
  altered: '预填指标被改动',
  unsigned: '预填数据未签名',
  'other-edition': '预填指标属另一版本',
};

/** The 排名 note for a workbook whose rules are not a trusted edition. */
const EDITION_NOTES: Record<string, string> = {
  unsigned: '未签名',
  'unknown-key': '签名密钥不受信任',
  'bad-signature': '签名无效',
  revoked: '签名密钥已吊销',
  'key-expired': '签名密钥不适用于本年度',
  'rules-altered': '规则与签名不符',
  'identity-mismatch': '规则与签名不符',
  malformed: '签名损坏',
  'invalid-rules': '签名的规则有误',
};

/** A band's exact share in % ("37.5", "100/3") as a number to one decimal, half-up (33.3). */
/** A band's share of the graded (exact text, e.g. "100/3") as shown: % to one place. */
export function shareNumber(share: string): number {
  const [n = '0', d] = share.split('/');
  return Number(fmtFixed(d === undefined ? q(n) : q(n).div(q(d)), 1));
}

/**
 * What the reviewer must know about each ranked unit, for the ranking's 说明: the flags of the
 * review (规则被改动, 规则版本不同, 上报不符, 数据不完整 *, 未自评) and, for units with the same
 * total as another, how the tie was broken (同分,按…) or that they share the rank.
 */
function rankingNotes(
  cohort: CohortResult,
  ruleSet: RuleSet,
  submissions: readonly Submission[],
  diffs: readonly { unitId: string }[],
  reviewer: string,
): Map<CohortUnit, string[]> {
  const out = new Map<CohortUnit, string[]>();
  const by = new Map(submissions.map((s) => [s.unitId, s]));
  const tieBy = tieBreakText(ruleSet);
  for (const u of cohort.units) {
    const notes: string[] = [];
    const sub = by.get(u.unitId);
    if (sub?.edition && sub.edition.status !== 'trusted')
      notes.push(EDITION_NOTES[sub.edition.status] ?? '签名异常');
    if (sub?.prefill && sub.prefill.status !== 'intact' && sub.prefill.status !== 'none')
      notes.push(PREFILL_NOTES[sub.prefill.status] ?? '预填指标签名异常');
    if (sub?.metaUnhidden) notes.push('规则数据表被取消隐藏');
    if (sub?.record?.inRoster === false) notes.push('名册外单位');
    if (sub?.record?.inCarried === false) notes.push('结转数据中无该单位');
    const sources = new Set(sub?.record?.changes.map((c) => c.source));
    if (sources.has('roster')) notes.push('与名册不符(已按名册计)');
    if (sources.has('carried')) notes.push('与结转数据不符(已按结转数据计)');
    if (sub?.record?.inCounters === false) notes.push('上期汇总表中无该单位');
    if (sources.has('counters')) notes.push('上期计数与上期汇总表不符(已按汇总表计)');
    if (sub?.rulesAltered) notes.push('规则被改动');
    else if (sub?.embeddedChecksum !== undefined && sub.embeddedChecksum !== reviewer)
      notes.push('规则版本不同');
    const n = diffs.filter((d) => d.unitId === u.unitId).length;
    if (n > 0) notes.push(`上报不符(${n}处)`);
    if (!u.complete) notes.push('数据不完整 *(总分暂定)');
    if (sub && sub.stage === null) notes.push('未自评');
    const peers = cohort.units.filter(
      (o) => o !== u && o.vetoed === u.vetoed && q(o.total).equals(q(u.total)),
    );
    if (peers.length > 0) {
      const others = peers.map((o) => o.name).join('、');
      notes.push(
        u.tied
          ? `与${others}同分${tieBy ? `,按${tieBy}仍相同` : ''},并列第${u.rank}名`
          : `与${others}同分,按${tieBy}排定名次`,
      );
    }
    out.set(u, notes);
  }
  return out;
}

/** The rule set's tie-breaks in words: "一、… 得分、二.1 … 得分". */
function tieBreakText(ruleSet: RuleSet): string {
  return ruleSet.ranking.tieBreak
    .map((entry) => {
      const [kind = '', ref = '', dir] = entry.split(':');
      if (kind === 'section') {
        const s = ruleSet.sections.find((x) => x.code === ref);
        return `“${ref}、${s ? zh(s.title) : ''}”得分`;
      }
      if (kind === 'indicator') return `指标${ref}得分`;
      if (kind === 'input') {
        const d = ruleSet.inputs.find((x) => x.id === ref);
        return `“${d ? zh(d.label) : ref}”${dir === 'asc' ? '(小者优先)' : '(大者优先)'}`;
      }
      return entry;
    })
    .join('、');
}

const numOrText = (s: string | null): CellValue =>
  s !== null && /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;

/** The matrix's columns: every section, item, sub-item, the bonus and the total, in sheet order. */
function matrixColumns(
  cohort: CohortResult,
  points: ReadonlyMap<string, DeclaredPoints>,
): { key: string; header: string }[] {
  const first = cohort.units[0]?.result;
  if (!first) return [];
  // Every unit is scored under the same rules, so the bonus exists for all or none. The points
  // are the declared ones, as the scoring sheet prints them (not one unit's applicable maximum).
  const cols: { key: string; header: string }[] = [];
  const push = (key: string, title: string): void => {
    const p = points.get(key) ?? null;
    const max =
      p === null
        ? ''
        : p === '按类别'
          ? '\n(分值按类别)'
          : p === '不设上限'
            ? '\n(不设上限)'
            : p === '—'
              ? '\n(无单独分值)'
              : `\n(${p}分)`;
    // The bonus column's key is its title (加分): said once.
    cols.push({ key, header: `${title === key ? key : `${key}\n${title}`}${max}` });
  };
  const walk = (items: readonly IndicatorResult[]): void => {
    for (const i of items) {
      push(i.path, i.title.zh);
      if (i.children) walk(i.children);
    }
  };
  for (const s of first.sections) {
    push(s.code, s.title.zh);
    walk(s.items);
  }
  if (first.bonus.items.length) {
    push(ROW_KEYS.bonus, '加分');
    walk(first.bonus.items);
  }
  push(ROW_KEYS.total, '总分');
  return cols;
}
