// Changes outside the indicator tree: inputs, sanctions, grades and quotas, ranking.
import { q } from '../exact/exact.ts';
import { msgOf } from '../messages/text.ts';
import type { Msg } from '../model/result.ts';
import type { Text } from '../schema/common.ts';
import type { RollUpDef } from '../schema/roll-up.ts';
import type { Counter, Deadline, GradeBand, RuleSet, Sanction } from '../schema/ruleset.ts';
import {
  change,
  labelAndUnitChanges,
  numChange,
  plain,
  roundingText,
  textChange,
  type Where,
} from './text.ts';
import type { Change } from './types.ts';
import { compareFields } from '../kinds/records.ts';

type BottomShare = NonNullable<GradeBand['fromBottom']>;

const keep = (xs: (Change | undefined)[]): Change[] =>
  xs.filter((c): c is Change => c !== undefined);

/** How a figure rolled up from the children is worked out, as the diff quotes it. */
function rollUpText(r: RollUpDef): string {
  if (r.kind === 'per-child')
    return `逐个扣分:${r.input}为否的每个扣${String(r.each)}分${r.cap !== undefined ? `,最多${String(r.cap)}分` : ''}`;
  const c = r.qualifies;
  const who =
    c.by === 'total'
      ? `总分≥${String(c.min)}`
      : c.by === 'grade'
        ? `等次为${c.grades.join('、')}`
        : `指标${c.path}${(c.status ?? ['met']).join('、')}${c.minScore !== undefined ? `且得分≥${String(c.minScore)}` : ''}`;
  return `达标比例:${who}${r.vetoedMayQualify ? '(被否决的也可达标)' : ''}${r.rounding ? `,${roundingText(r.rounding) ?? ''}` : ''}`;
}

/** A roll-up's bar raised or lowered (a total to qualify, the points off per child) is stricter or
 *  looser; any other change is quoted as it reads. */
function compareRollUp(
  a: RollUpDef | undefined,
  b: RollUpDef | undefined,
  where: Where,
): (Change | undefined)[] {
  if (a && b && a.kind === 'share' && b.kind === 'share') {
    const x = a.qualifies;
    const y = b.qualifies;
    if (
      x.by === 'total' &&
      y.by === 'total' &&
      rollUpText({ ...a, qualifies: { ...x, min: y.min } }) === rollUpText(b)
    )
      return [
        numChange(
          'input-changed',
          where,
          { zh: '下级达标分数线', en: 'children’s pass mark' },
          q(x.min),
          q(y.min),
          'higher-tightens',
          plain,
        ),
      ];
  }
  if (
    a &&
    b &&
    a.kind === 'per-child' &&
    b.kind === 'per-child' &&
    rollUpText({ ...a, each: b.each }) === rollUpText(b)
  )
    return [
      numChange(
        'input-changed',
        where,
        { zh: '每个下级扣分', en: 'points off per child' },
        q(a.each),
        q(b.each),
        'higher-tightens',
        plain,
      ),
    ];
  return [
    textChange(
      'input-changed',
      where,
      { zh: '下级汇总方法', en: 'roll-up' },
      a ? rollUpText(a) : undefined,
      b ? rollUpText(b) : undefined,
    ),
  ];
}

export function compareInputs(a: RuleSet, b: RuleSet): Change[] {
  const out: (Change | undefined)[] = [];
  for (const d of b.inputs) {
    const old = a.inputs.find((x) => x.id === d.id);
    const where: Where = {
      path: `inputs.${d.id}`,
      label: { zh: `输入项「${msgOf(d.label).zh}」`, en: `input "${msgOf(d.label).en}"` },
    };
    if (!old) {
      out.push(change('input-added', where, { zh: '新增', en: 'added' }));
      continue;
    }
    out.push(...labelAndUnitChanges(where, old, d));
    out.push(
      textChange('input-changed', where, { zh: '数据来源', en: 'source' }, old.source, d.source),
    );
    out.push(
      textChange(
        'input-changed',
        where,
        d.source === 'children'
          ? { zh: '下级考核办法', en: 'children assessed by' }
          : { zh: '结转来源', en: 'carried from' },
        old.from,
        d.from,
      ),
    );
    out.push(...compareRollUp(old.rollUp, d.rollUp, where));
    if (old.evidence !== d.evidence) {
      out.push(
        change(
          'input-changed',
          where,
          d.evidence
            ? { zh: '改为须提供佐证材料', en: 'now requires evidence' }
            : { zh: '不再要求佐证材料', en: 'no longer requires evidence' },
          d.evidence ? 'tightened' : 'loosened',
        ),
      );
    }
    out.push(
      textChange(
        'input-changed',
        where,
        { zh: '空白含义', en: 'meaning of a blank' },
        old.blankMeans?.toString(),
        d.blankMeans?.toString(),
      ),
    );
    out.push(
      textChange(
        'input-changed',
        where,
        { zh: '省略年份的日期所取年份', en: 'year of a date typed without one' },
        old.defaultYear?.toString(),
        d.defaultYear?.toString(),
      ),
    );
    out.push(...compareFields(old, d, where));
  }
  for (const d of a.inputs) {
    if (!b.inputs.some((x) => x.id === d.id)) {
      out.push(
        change(
          'input-removed',
          {
            path: `inputs.${d.id}`,
            label: { zh: `输入项「${msgOf(d.label).zh}」`, en: `input "${msgOf(d.label).en}"` },
          },
          { zh: '删除', en: 'removed' },
        ),
      );
    }
  }
  return keep(out);
}

/** Named derived values: added, removed, or a formula, unit or rounding changed. A changed
 *  formula has no side of its own: the items that read it say what moved for them. */
export function compareDerived(a: RuleSet, b: RuleSet): Change[] {
  const out: (Change | undefined)[] = [];
  const where = (d: { id: string; label: RuleSet['title'] }): Where => ({
    path: `derived.${d.id}`,
    label: { zh: `派生指标「${msgOf(d.label).zh}」`, en: `derived value "${msgOf(d.label).en}"` },
  });
  for (const d of b.derived ?? []) {
    const old = a.derived?.find((x) => x.id === d.id);
    if (!old) {
      out.push(change('derived-added', where(d), { zh: '新增', en: 'added' }));
      continue;
    }
    const w = where(d);
    out.push(
      textChange(
        'derived-changed',
        w,
        { zh: '名称', en: 'label' },
        msgOf(old.label).zh,
        msgOf(d.label).zh,
      ),
      textChange('derived-changed', w, { zh: '公式', en: 'formula' }, old.expression, d.expression),
      textChange('derived-changed', w, { zh: '单位', en: 'unit' }, old.unit, d.unit),
      textChange(
        'derived-changed',
        w,
        { zh: '取舍', en: 'rounding' },
        roundingText(old.rounding),
        roundingText(d.rounding),
      ),
    );
  }
  for (const d of a.derived ?? [])
    if (!b.derived?.some((x) => x.id === d.id))
      out.push(change('derived-removed', where(d), { zh: '删除', en: 'removed' }));
  return keep(out);
}

const LEVELS: Sanction['level'][] = ['interview', 'notice', 'no-commendation', 'veto'];
const LEVEL_ZH: Record<Sanction['level'], string> = {
  interview: '约谈',
  notice: '通报',
  'no-commendation': '不予评先',
  veto: '一票否决',
};

/** A sanction's carry as the diff shows it: 「composite.safety_cut:-10」. */
const carryText = (s: Sanction): string | undefined =>
  s.carries ? `${s.carries.to}.${s.carries.input}:${String(s.carries.amount)}` : undefined;

export function compareSanctions(a: RuleSet, b: RuleSet): Change[] {
  const out: (Change | undefined)[] = [];
  const where = (s: Sanction): Where => ({
    path: `sanctions.${s.id}`,
    label: {
      zh: `${LEVEL_ZH[s.level]}「${msgOf(s.reason).zh}」`,
      en: `${s.level} "${msgOf(s.reason).en}"`,
    },
  });
  for (const s of b.sanctions) {
    const old = a.sanctions.find((x) => x.id === s.id);
    if (!old) {
      out.push(
        change(
          'sanction-added',
          where(s),
          s.carries
            ? {
                zh: `新增,条件:${s.when},结转至另一考核「${carryText(s) ?? ''}」`,
                en: `added, when ${s.when}, carried to another assessment "${carryText(s) ?? ''}"`,
              }
            : { zh: `新增,条件:${s.when}`, en: `added, when ${s.when}` },
          'tightened',
        ),
      );
      continue;
    }
    const [la, lb] = [LEVELS.indexOf(old.level), LEVELS.indexOf(s.level)];
    if (la !== lb) {
      out.push(
        change(
          'sanction-changed',
          where(s),
          {
            zh: `处理由「${LEVEL_ZH[old.level]}」改为「${LEVEL_ZH[s.level]}」`,
            en: `level changed from ${old.level} to ${s.level}`,
          },
          lb > la ? 'tightened' : 'loosened',
          old.level,
          s.level,
        ),
      );
    }
    out.push(
      textChange('sanction-changed', where(s), { zh: '条件', en: 'condition' }, old.when, s.when),
    );
    out.push(
      textChange(
        'sanction-changed',
        where(s),
        { zh: '附带后果', en: 'consequence' },
        old.consequence && msgOf(old.consequence).zh,
        s.consequence && msgOf(s.consequence).zh,
      ),
    );
    // A lower cap (a band further down), or one where there was none, is stricter.
    const capAt = (id: string | undefined, r: RuleSet) =>
      id === undefined ? -1 : (r.grades?.bands.findIndex((x) => x.id === id) ?? -1);
    const bandZh = (id: string | undefined, r: RuleSet) =>
      id && msgOf(r.grades?.bands.find((x) => x.id === id)?.label ?? id).zh;
    out.push(
      textChange(
        'sanction-changed',
        where(s),
        { zh: '等次上限', en: 'grade cap' },
        bandZh(old.gradeCap, a),
        bandZh(s.gradeCap, b),
        capAt(s.gradeCap, b) > capAt(old.gradeCap, a) ? 'tightened' : 'loosened',
      ),
    );
    // Points carried into another scheme (form 42): a carry added is stricter, one removed looser.
    out.push(
      textChange(
        'sanction-changed',
        where(s),
        { zh: '结转至另一考核', en: 'carried to another assessment' },
        carryText(old),
        carryText(s),
        old.carries && s.carries ? undefined : s.carries ? 'tightened' : 'loosened',
      ),
    );
    if (Boolean(old.excludeFromGrades) !== Boolean(s.excludeFromGrades))
      out.push(
        change(
          'sanction-changed',
          where(s),
          s.excludeFromGrades
            ? { zh: '改为不参加等次评定', en: 'now out of the grades' }
            : { zh: '不再排除于等次评定之外', en: 'no longer out of the grades' },
          s.excludeFromGrades ? 'tightened' : 'loosened',
        ),
      );
  }
  for (const s of a.sanctions) {
    if (!b.sanctions.some((x) => x.id === s.id))
      out.push(change('sanction-removed', where(s), { zh: '取消', en: 'removed' }, 'loosened'));
  }
  return keep(out);
}

/** Counters across periods and who certifies: added, removed, or their condition changed. */
export function compareCounters(a: RuleSet, b: RuleSet): Change[] {
  const out: (Change | undefined)[] = [];
  const [ca, cb] = [a.counters ?? [], b.counters ?? []];
  const where = (c: Counter): Where => ({
    path: `counters.${c.id}`,
    label: { zh: `计数器「${msgOf(c.label).zh}」`, en: `counter "${msgOf(c.label).en}"` },
  });
  for (const c of cb) {
    const old = ca.find((x) => x.id === c.id);
    if (!old)
      out.push(
        change(
          'counter',
          where(c),
          { zh: `新增,条件:${c.when}`, en: `added, when ${c.when}` },
          'tightened',
        ),
      );
    else
      out.push(textChange('counter', where(c), { zh: '条件', en: 'condition' }, old.when, c.when));
  }
  for (const c of ca) {
    if (!cb.some((x) => x.id === c.id))
      out.push(change('counter', where(c), { zh: '取消', en: 'removed' }, 'loosened'));
  }
  const certifiers = (r: RuleSet) =>
    (r.certifiedBy ?? [])
      .map((c) => `${c.when} → ${msgOf(c.by).zh} / ${msgOf(c.by).en}`)
      .join('；') || undefined;
  out.push(
    textChange(
      'certifier',
      { path: 'certifiedBy', label: { zh: '认定单位', en: 'who certifies' } },
      { zh: '规定', en: 'rule' },
      certifiers(a),
      certifiers(b),
    ),
  );
  return keep(out);
}

const pct = (v: ReturnType<typeof q>) => ({ zh: `${plain(v).zh}%`, en: `${plain(v).en}%` });

export function compareGrades(a: RuleSet, b: RuleSet): Change[] {
  const ga = a.grades;
  const gb = b.grades;
  const root: Where = { path: 'grades', label: { zh: '等次', en: 'Grades' } };
  if (!ga || !gb) {
    return ga === gb
      ? []
      : [
          change(
            'grades',
            root,
            ga
              ? { zh: '取消等次评定', en: 'grading removed' }
              : { zh: '新增等次评定', en: 'grading added' },
          ),
        ];
  }
  const out: (Change | undefined)[] = [];
  for (const band of gb.bands) {
    const old = ga.bands.find((x) => x.id === band.id);
    const where: Where = {
      path: `grades.bands.${band.id}`,
      label: { zh: `等次「${msgOf(band.label).zh}」`, en: `grade "${msgOf(band.label).en}"` },
    };
    if (!old) {
      out.push(change('grades', where, { zh: '新增', en: 'added' }));
      continue;
    }
    out.push(
      textChange(
        'grades',
        where,
        { zh: '名称', en: 'label' },
        msgOf(old.label).zh,
        msgOf(band.label).zh,
      ),
    );
    if (old.min !== null && band.min !== null)
      out.push(
        numChange(
          'grades',
          where,
          { zh: '分数线', en: 'lower bound' },
          q(old.min),
          q(band.min),
          'higher-tightens',
          plain,
        ),
      );
    // A blank min makes the last band the catch-all (grades/assign.ts): every total below the band above.
    else
      out.push(
        textChange(
          'grades',
          where,
          { zh: '分数线', en: 'lower bound' },
          old.min?.toString() ?? '以下全部',
          band.min?.toString() ?? '以下全部',
          band.min === null ? 'loosened' : 'tightened',
        ),
      );
    // A larger quota on a band above the last lets more units in: that loosens. A minimum share
    // is only checked (never forced), and the last band passes nobody down: both are neutral.
    const last = gb.bands.indexOf(band) === gb.bands.length - 1;
    for (const [field, name, sense] of [
      ['maxShare', { zh: '比例上限', en: 'maximum share' }, last ? 'neutral' : 'higher-loosens'],
      ['minShare', { zh: '比例下限', en: 'minimum share' }, 'neutral'],
    ] as const) {
      const [x, y] = [old[field], band[field]];
      const w = { ...where, path: `${where.path}.${field}` };
      if (x !== undefined && y !== undefined)
        out.push(numChange('grades', w, name, q(x), q(y), sense, pct));
      else if (x !== y) {
        const added = x === undefined;
        const v = pct(q((x ?? y) as string | number));
        // A new cap on the share of a band above the last tightens; removing it loosens.
        const dir = field === 'maxShare' && !last ? (added ? 'tightened' : 'loosened') : undefined;
        out.push(
          change(
            'grades',
            w,
            {
              zh: `${added ? '新增' : '取消'}${name.zh}(${v.zh})`,
              en: `${name.en} ${added ? 'added' : 'removed'} (${v.en})`,
            },
            dir,
          ),
        );
      }
    }
    out.push(...bottomChanges(where, old.fromBottom, band.fromBottom));
  }
  for (const band of ga.bands) {
    if (!gb.bands.some((x) => x.id === band.id))
      out.push(
        change(
          'grades',
          {
            path: `grades.bands.${band.id}`,
            label: { zh: `等次「${msgOf(band.label).zh}」`, en: `grade "${msgOf(band.label).en}"` },
          },
          { zh: '删除', en: 'removed' },
        ),
      );
  }
  out.push(
    textChange(
      'grades',
      root,
      { zh: '被否决单位的等次', en: 'grade of vetoed units' },
      ga.vetoed,
      gb.vetoed,
    ),
  );
  out.push(
    textChange(
      'grades',
      root,
      { zh: '不予评先单位的最高等次', en: 'best grade under no-commendation' },
      ga.noCommendationCap,
      gb.noCommendationCap,
    ),
  );
  return keep(out);
}

export function compareRanking(a: RuleSet, b: RuleSet): Change[] {
  const where: Where = { path: 'ranking', label: { zh: '排名', en: 'Ranking' } };
  return keep([
    textChange(
      'ranking',
      where,
      { zh: '并列排序依据', en: 'tie-breaks' },
      a.ranking.tieBreak.join('、') || undefined,
      b.ranking.tieBreak.join('、') || undefined,
    ),
    textChange('ranking', where, { zh: '并列名次', en: 'ties' }, a.ranking.ties, b.ranking.ties),
    textChange(
      'ranking',
      where,
      { zh: '否决单位排最后', en: 'vetoed units last' },
      String(a.ranking.vetoedLast),
      String(b.ranking.vetoedLast),
    ),
  ]);
}

const COUNT_WORDS: Record<BottomShare['rounding'], Msg> = {
  floor: { zh: '去尾', en: 'rounded down' },
  round: { zh: '四舍五入', en: 'rounded half up' },
  ceil: { zh: '进一', en: 'rounded up' },
};
const COUNT_ORDER: readonly BottomShare['rounding'][] = ['floor', 'round', 'ceil'];
const bottomWords = (b: BottomShare): Msg => {
  const v = pct(q(b.share));
  return {
    zh: `排名最后的${v.zh}(名额${COUNT_WORDS[b.rounding].zh})`,
    en: `the lowest-ranked ${v.en} (count ${COUNT_WORDS[b.rounding].en})`,
  };
};

/**
 * A share counted from the bottom puts units into the lowest grade whatever their totals: a
 * larger share, or a count rounded up rather than down, places more there (tightens).
 */
function bottomChanges(
  band: Where,
  a: BottomShare | undefined,
  b: BottomShare | undefined,
): (Change | undefined)[] {
  const where = { ...band, path: `${band.path}.fromBottom` };
  const name = { zh: '按排名从后取的比例', en: 'share from the bottom' };
  if (a && b) {
    const moved = Math.sign(COUNT_ORDER.indexOf(b.rounding) - COUNT_ORDER.indexOf(a.rounding));
    return [
      numChange('grades', where, name, q(a.share), q(b.share), 'higher-tightens', pct),
      moved === 0
        ? undefined
        : change(
            'grades',
            where,
            {
              zh: `名额取整由「${COUNT_WORDS[a.rounding].zh}」改为「${COUNT_WORDS[b.rounding].zh}」`,
              en: `count ${COUNT_WORDS[a.rounding].en}, now ${COUNT_WORDS[b.rounding].en}`,
            },
            moved > 0 ? 'tightened' : 'loosened',
            a.rounding,
            b.rounding,
          ),
    ];
  }
  if (!a && !b) return [];
  const added = b !== undefined;
  const words = bottomWords((b ?? a) as BottomShare);
  return [
    change(
      'grades',
      where,
      {
        zh: `${added ? '新增' : '取消'}按排名从后取比例:${words.zh}`,
        en: `share from the bottom ${added ? 'added' : 'removed'}: ${words.en}`,
      },
      added ? 'tightened' : 'loosened',
    ),
  ];
}

/** Declared deadlines: added, removed, moved (later loosens: more time to report), renamed. */
export function compareDeadlines(a: RuleSet, b: RuleSet): Change[] {
  const out: (Change | undefined)[] = [];
  const [da, db] = [a.deadlines ?? [], b.deadlines ?? []];
  const whereOf = (d: Deadline): Where => ({
    path: `deadlines.${d.id}`,
    label: { zh: `截止日期「${msgOf(d.label).zh}」`, en: `deadline "${msgOf(d.label).en}"` },
  });
  for (const d of db) {
    const old = da.find((x) => x.id === d.id);
    if (!old) {
      out.push(change('deadline', whereOf(d), { zh: `新增(${d.date})`, en: `added (${d.date})` }));
      continue;
    }
    if (old.date !== d.date) {
      const later = d.date > old.date;
      out.push(
        change(
          'deadline',
          whereOf(d),
          {
            zh: `由 ${old.date} ${later ? '推迟' : '提前'}到 ${d.date}`,
            en: `moved ${later ? 'later' : 'earlier'} from ${old.date} to ${d.date}`,
          },
          later ? 'loosened' : 'tightened',
          old.date,
          d.date,
        ),
      );
    }
    out.push(
      textChange(
        'deadline',
        whereOf(d),
        { zh: '名称', en: 'label' },
        msgOf(old.label).zh,
        msgOf(d.label).zh,
      ),
    );
  }
  for (const d of da)
    if (!db.some((x) => x.id === d.id))
      out.push(change('deadline', whereOf(d), { zh: '删除', en: 'removed' }));
  return keep(out);
}

/** Certification cut-offs: a higher cut-off tightens; who certifies, grades added or removed. */
export function compareCertificationGrades(a: RuleSet, b: RuleSet): Change[] {
  const out: (Change | undefined)[] = [];
  const [ga, gb] = [a.certificationGrades, b.certificationGrades];
  if (!ga && !gb) return [];
  const whereOf = (id: string, label: Text): Where => ({
    path: `certificationGrades.${id}`,
    label: { zh: `认定等次「${msgOf(label).zh}」`, en: `certification grade "${msgOf(label).en}"` },
  });
  const [la, lb] = [ga?.grades ?? [], gb?.grades ?? []];
  for (const g of lb) {
    const old = la.find((x) => x.id === g.id);
    const where = whereOf(g.id, g.label);
    if (!old) {
      out.push(
        change('grades', where, {
          zh: `新增(${plain(q(g.min)).zh}分以上,由${msgOf(g.by).zh}认定)`,
          en: `added (at least ${plain(q(g.min)).en}, certified by ${msgOf(g.by).en})`,
        }),
      );
      continue;
    }
    out.push(
      numChange(
        'grades',
        where,
        { zh: '认定分数线', en: 'cut-off' },
        q(old.min),
        q(g.min),
        'higher-tightens',
        plain,
      ),
    );
    out.push(
      textChange(
        'certifier',
        where,
        { zh: '认定单位', en: 'certified by' },
        msgOf(old.by).zh,
        msgOf(g.by).zh,
      ),
    );
    out.push(
      textChange(
        'grades',
        where,
        { zh: '名称', en: 'label' },
        msgOf(old.label).zh,
        msgOf(g.label).zh,
      ),
    );
  }
  for (const g of la)
    if (!lb.some((x) => x.id === g.id))
      out.push(change('grades', whereOf(g.id, g.label), { zh: '删除', en: 'removed' }));
  out.push(
    textChange(
      'grades',
      { path: 'certificationGrades.sought', label: { zh: '申报等次', en: 'grade sought' } },
      { zh: '输入项', en: 'input' },
      ga?.sought,
      gb?.sought,
    ),
  );
  return keep(out);
}
