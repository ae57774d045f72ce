// BENCH-30 as a Kaohe rule set, built from the figures in spec.ts and checked by parseRuleSet.
// Constant operands are JSON numbers (read through their decimal spelling: 0.92 is 92/100).
// Figures are plain numbers (unit `number`: a rate is 0..1 here, as the other engines read it,
// not a % held in its own unit), so nothing is converted between engines.
//
// Every form maps to a rule kind directly except one:
// - r: threshold ≥ t, 0.5 per started 0.01 below (each-started);
// - c: threshold ≤ L, 1 per started 0.0005 above;
// - b: band 103..107, 1 per started unit outside;
// - d: reduction against last year, 20 % required; short of it, pro rata 3 points per 20
//   percentage points (3 − (20 − achieved %) ÷ 20 × 3 = 3 × cut ÷ 0.2), floored at 0 by the item;
// - q: proportional, bud ÷ pop against 22 (5 × (bud ÷ pop) ÷ 22, capped at 5);
// - y: "yes without evidence = 1 of 2" has no rule kind: a yes/no input with `evidence: true`
//   scores 0 or keeps its 2 (evidencePolicy zero / flag), never 1. The nearest honest encoding
//   is an `expr` item over the yes/no and a second yes/no input saying whether evidence was
//   supplied: y ? (e ? 2 : 1) : 0. The evidence is then a figure, not Kaohe's evidence record.
// - bonus: two yes/no items (2 and 1.5), cap 3; vetoes: two veto sanctions.
import {
  compileRuleSet,
  parseRuleSet,
  type CompiledRuleSet,
  type IndicatorInput,
  type RuleSetInput,
} from '@kaohe/engine';
import {
  B,
  BAND_HIGH,
  BAND_LOW,
  BAND_POINTS,
  BAND_STEP_POINTS,
  BONUS_CAP,
  BONUS_X1,
  BONUS_X2,
  BUD,
  C,
  CEILING_LIMITS,
  CEILING_POINTS,
  CEILING_STEP,
  CEILING_STEP_POINTS,
  D,
  E,
  P,
  PER_HEAD_POINTS,
  PER_HEAD_TARGET,
  POP,
  R,
  RATE_POINTS,
  RATE_STEP,
  RATE_STEP_POINTS,
  RATE_TARGETS,
  REDUCTION_POINTS,
  REDUCTION_REQUIRED,
  VETO_BAND,
  Y,
  YESNO_POINTS,
  YESNO_WITHOUT_EVIDENCE,
} from './spec.ts';

type InputDef = RuleSetInput['inputs'][number];

const text = (zh: string, en: string) => ({ zh, en });
const input = (
  id: string,
  unit: InputDef['unit'],
  zh: string,
  en: string,
  bounds: { min?: string; max?: string } = {},
): InputDef => ({ id, label: text(zh, en), unit, ...bounds });
const sum = (xs: readonly string[]): number => xs.reduce((a, x) => a + Number(x), 0);

const rateItems: IndicatorInput[] = R.map((id, k) => ({
  code: String(k + 1),
  title: text(`比率${k + 1}不低于${RATE_TARGETS[k]}`, `Rate ${k + 1} at least ${RATE_TARGETS[k]}`),
  points: RATE_POINTS,
  rule: {
    kind: 'threshold',
    value: id,
    op: '>=',
    target: Number(RATE_TARGETS[k]),
    below: { per: RATE_STEP, points: RATE_STEP_POINTS, steps: 'each-started' },
  },
}));
const ceilingItems: IndicatorInput[] = C.map((id, k) => ({
  code: String(k + 1),
  title: text(
    `比值${k + 1}不高于${CEILING_LIMITS[k]}`,
    `Ratio ${k + 1} at most ${CEILING_LIMITS[k]}`,
  ),
  points: CEILING_POINTS,
  rule: {
    kind: 'threshold',
    value: id,
    op: '<=',
    target: Number(CEILING_LIMITS[k]),
    below: { per: CEILING_STEP, points: CEILING_STEP_POINTS, steps: 'each-started' },
  },
}));
const bandItems: IndicatorInput[] = B.map((id, k) => ({
  code: String(k + 1),
  title: text(
    `性别比${k + 1}在${BAND_LOW}–${BAND_HIGH}之内`,
    `Sex ratio ${k + 1} within ${BAND_LOW}–${BAND_HIGH}`,
  ),
  points: BAND_POINTS,
  rule: {
    kind: 'band',
    value: id,
    low: Number(BAND_LOW),
    high: Number(BAND_HIGH),
    outside: { per: '1', points: BAND_STEP_POINTS, steps: 'each-started' },
  },
}));
const requiredPct = String(Number(REDUCTION_REQUIRED) * 100);
const reductionItems: IndicatorInput[] = D.map((id, k) => ({
  code: String(k + 1),
  title: text(
    `指标${k + 1}比上年下降${requiredPct}%`,
    `Figure ${k + 1} down ${requiredPct} % on last year`,
  ),
  points: REDUCTION_POINTS,
  rule: {
    kind: 'reduction',
    value: id,
    previous: P[k] as string,
    required: [{ pct: requiredPct }],
    below: { per: requiredPct, points: REDUCTION_POINTS, steps: 'pro-rata' },
  },
}));
const perHeadItems: IndicatorInput[] = BUD.map((id, k) => ({
  code: String(k + 1),
  title: text(
    `人均经费${k + 1}达到${PER_HEAD_TARGET}元`,
    `Funding per head ${k + 1} at least ${PER_HEAD_TARGET} yuan`,
  ),
  points: PER_HEAD_POINTS,
  rule: { kind: 'proportional', value: `${id} / ${POP[k]}`, target: Number(PER_HEAD_TARGET) },
}));
const yesNoItems: IndicatorInput[] = Y.map((id, k) => ({
  code: String(k + 1),
  title: text(`工作${k + 1}落实(有佐证)`, `Measure ${k + 1} in place, with evidence`),
  criteria: text(
    `是且有佐证${YESNO_POINTS}分,是但无佐证${YESNO_WITHOUT_EVIDENCE}分,否0分`,
    `yes with evidence ${YESNO_POINTS}, yes without ${YESNO_WITHOUT_EVIDENCE}, no 0`,
  ),
  points: YESNO_POINTS,
  rule: {
    kind: 'expr',
    score: `${id} ? (${E[k]} ? ${YESNO_POINTS} : ${YESNO_WITHOUT_EVIDENCE}) : 0`,
  },
}));

const sections = [
  { code: '一', zh: '比率(下限)', en: 'Rates (floors)', items: rateItems },
  { code: '二', zh: '比值(上限)', en: 'Ratios (ceilings)', items: ceilingItems },
  { code: '三', zh: '出生人口性别比', en: 'Sex ratio at birth', items: bandItems },
  { code: '四', zh: '比上年下降', en: 'Reductions on last year', items: reductionItems },
  { code: '五', zh: '人均经费', en: 'Funding per head', items: perHeadItems },
  { code: '六', zh: '是否项(佐证)', en: 'Yes/no with evidence', items: yesNoItems },
].map((s) => ({
  code: s.code,
  title: text(s.zh, s.en),
  points: sum(s.items.map((i) => String(i.points))),
  items: s.items,
}));

const inputs: InputDef[] = [
  ...R.map((id, k) => input(id, 'number', `比率${k + 1}`, `Rate ${k + 1}`, { min: '0', max: '1' })),
  ...C.map((id, k) => input(id, 'number', `比值${k + 1}`, `Ratio ${k + 1}`, { min: '0' })),
  ...B.map((id, k) => input(id, 'number', `性别比${k + 1}`, `Sex ratio ${k + 1}`, { min: '0' })),
  ...P.map((id, k) => input(id, 'number', `上年指标${k + 1}`, `Last year's figure ${k + 1}`)),
  ...D.map((id, k) => input(id, 'number', `本年指标${k + 1}`, `This year's figure ${k + 1}`)),
  ...BUD.map((id, k) => input(id, '元', `经费${k + 1}`, `Budget ${k + 1}`, { min: '0' })),
  ...POP.map((id, k) => input(id, '人', `人口${k + 1}`, `Population ${k + 1}`, { min: '1' })),
  ...Y.map((id, k) => input(id, 'yesno', `工作${k + 1}已落实`, `Measure ${k + 1} in place`)),
  ...E.map((id, k) =>
    input(id, 'yesno', `工作${k + 1}有佐证材料`, `Evidence for measure ${k + 1} supplied`),
  ),
  input('x1', 'yesno', '加分事项1', 'Bonus 1'),
  input('x2', 'yesno', '加分事项2', 'Bonus 2'),
  input('ineffective', 'yesno', '工作措施不力', 'Ineffective measures'),
  input('petition', 'yesno', '发生重大信访案件', 'A major petition case'),
];

const bench30Json: RuleSetInput = {
  schemaVersion: 1,
  kind: 'scored',
  id: 'bench-30',
  title: text('BENCH-30 基准规则集(30项)', 'BENCH-30 benchmark rule set (30 items)'),
  issuer: text('基准测试', 'benchmark'),
  level: text('被考核单位', 'assessed units'),
  year: 2026,
  edition: 1,
  notes: [
    text(
      '是否项“是但无佐证得1分”以两个是否输入(是否落实、是否有佐证)上的公式项表示',
      '"Yes without evidence scores 1" is an expression item over two yes/no inputs (in place, evidence supplied)',
    ),
  ],
  points: sum(sections.map((s) => String(s.points))),
  rounding: { scores: { dp: 2, mode: 'half-up' } },
  inputs,
  sections,
  bonus: {
    title: text('加分项目', 'Bonus'),
    cap: BONUS_CAP,
    items: [
      {
        code: '1',
        title: text('加分事项1', 'Bonus 1'),
        points: BONUS_X1,
        rule: { kind: 'yesno', input: 'x1', yes: BONUS_X1 },
      },
      {
        code: '2',
        title: text('加分事项2', 'Bonus 2'),
        points: BONUS_X2,
        rule: { kind: 'yesno', input: 'x2', yes: BONUS_X2 },
      },
    ],
  },
  sanctions: [
    {
      id: 'srb_veto',
      level: 'veto',
      when: `b1 > ${VETO_BAND} && ineffective`,
      reason: text(
        `性别比1高于${VETO_BAND}且工作措施不力,实行一票否决`,
        `Sex ratio 1 above ${VETO_BAND} with ineffective measures: one-vote veto`,
      ),
    },
    {
      id: 'petition_veto',
      level: 'veto',
      when: 'petition',
      reason: text('发生重大信访案件,实行一票否决', 'A major petition case: one-vote veto'),
    },
  ],
};

/** The rule set parsed and compiled; a rule set that does not parse is an error with its paths. */
export function bench30RuleSet(): CompiledRuleSet {
  const parsed = parseRuleSet(bench30Json);
  if (!parsed.ok)
    throw new Error(
      `BENCH-30 规则集有误 / invalid rule set: ${parsed.issues
        .map((i) => `${i.path}: ${i.message.zh} / ${i.message.en}`)
        .join('; ')}`,
    );
  return compileRuleSet(parsed.value);
}
