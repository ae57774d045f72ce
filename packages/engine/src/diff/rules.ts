// The direction of a change to a scoring rule: raising a floor tightens, raising a ceiling
// loosens; a band narrowed tightens; a larger required reduction tightens.
import { q, type Q } from '../exact/exact.ts';
import type { Msg } from '../model/result.ts';
import type { Operand } from '../schema/common.ts';
import type { Comparison, Rule } from '../schema/rules.ts';
import type { InputUnit } from '../schema/ruleset.ts';
import { orZero, rankOrderOf, yesPoints } from './effective.ts';
import { compareSlope } from './slopes.ts';
import { breakpointsText, compareCurves } from '../kinds/piecewise.ts';
import {
  change,
  constant,
  numChange,
  operandChange,
  points,
  textChange,
  type Sense,
  type Where,
} from './text.ts';
import type { Change } from './types.ts';

const KIND: Record<Rule['kind'], string> = {
  threshold: '达标线',
  band: '区间',
  reduction: '比上年下降',
  ramp: '线性区间',
  proportional: '按比例',
  tiers: '分档',
  yesno: '有/无',
  rank: '名次',
  expr: '公式',
  piecewise: '按比例分段',
};

const FLOOR = new Set<Comparison>(['>=', '>']);
const CEILING = new Set<Comparison>(['<=', '<']);

function targetName(op: Comparison): { name: Msg; sense: Sense } {
  if (FLOOR.has(op)) return { name: { zh: '下限', en: 'floor' }, sense: 'higher-tightens' };
  if (CEILING.has(op)) return { name: { zh: '上限', en: 'ceiling' }, sense: 'higher-loosens' };
  return { name: { zh: '目标值', en: 'target' }, sense: 'neutral' };
}

function opChange(where: Where, a: Comparison, b: Comparison): Change | undefined {
  if (a === b) return undefined;
  // Same side, strictness changed: ">= 92" → "> 92" excludes exactly 92.
  const strictened = (a === '>=' && b === '>') || (a === '<=' && b === '<');
  const relaxed = (a === '>' && b === '>=') || (a === '<' && b === '<=');
  return textChange(
    'rule',
    where,
    { zh: '比较方式', en: 'comparison' },
    a,
    b,
    strictened ? 'tightened' : relaxed ? 'loosened' : undefined,
  );
}

/** Tiers: same shape → each tier's bar and points; otherwise the ladder as a whole. */
function compareTiers(
  where: Where,
  a: Extract<Rule, { kind: 'tiers' }>,
  b: Extract<Rule, { kind: 'tiers' }>,
  unit: InputUnit | undefined,
): (Change | undefined)[] {
  const out: (Change | undefined)[] = [
    operandChange(
      'rule',
      where,
      { zh: '考核数值', en: 'measured value' },
      a.value,
      b.value,
      'neutral',
      undefined,
    ),
  ];
  const sameShape =
    a.tiers.length === b.tiers.length &&
    a.tiers.every((t, i) => {
      const u = b.tiers[i];
      return (
        u !== undefined &&
        ('op' in t ? 'op' in u && u.op === t.op : 'equals' in u && u.equals === t.equals)
      );
    });
  if (!sameShape) {
    out.push(
      change('rule', where, {
        zh: `分档标准由${a.tiers.length}档调整为${b.tiers.length}档`,
        en: `tiers changed from ${a.tiers.length} to ${b.tiers.length}`,
      }),
    );
    return out;
  }
  a.tiers.forEach((t, i) => {
    const u = b.tiers[i] as typeof t;
    const n = { zh: `第${i + 1}档`, en: `tier ${i + 1}` };
    if ('op' in t && 'op' in u) {
      const { sense } = targetName(t.op);
      out.push(
        operandChange(
          'rule',
          where,
          { zh: `${n.zh}标准`, en: `${n.en} bar` },
          t.than,
          u.than,
          sense,
          unit,
        ),
      );
    }
    out.push(
      numChange(
        'rule',
        where,
        { zh: `${n.zh}得分`, en: `${n.en} points` },
        q(t.points),
        q(u.points),
        'higher-loosens',
        points,
      ),
    );
  });
  out.push(
    numChange(
      'rule',
      where,
      { zh: '其余情形得分', en: 'points otherwise' },
      orZero(a.otherwise),
      orZero(b.otherwise),
      'higher-loosens',
      points,
    ),
  );
  return out;
}

/** `full`: each edition's item points (a yes/no rule's "yes" defaults to them), when constant. */
export function compareRule(
  where: Where,
  a: Rule | undefined,
  b: Rule | undefined,
  unitOf: (op: Operand) => InputUnit | undefined,
  full: { a?: Q | undefined; b?: Q | undefined; minA?: Q; minB?: Q } = {},
): Change[] {
  if (!a && !b) return [];
  if (!a || !b || a.kind !== b.kind) {
    const name = (r: Rule | undefined): string => (r ? KIND[r.kind] : '满分扣减');
    return [
      textChange('rule', where, { zh: '计分方式', en: 'scoring rule' }, name(a), name(b)) as Change,
    ];
  }
  const unit = 'value' in b ? unitOf(b.value) : undefined;
  const value = operandChange(
    'rule',
    where,
    { zh: '考核数值', en: 'measured value' },
    'value' in a ? a.value : undefined,
    'value' in b ? b.value : undefined,
    'neutral',
    undefined,
  );
  const out: (Change | undefined)[] = [];
  switch (b.kind) {
    case 'threshold': {
      const old = a as typeof b;
      out.push(value, opChange(where, old.op, b.op));
      const t = targetName(b.op);
      out.push(
        operandChange(
          'rule',
          where,
          t.name,
          old.target,
          b.target,
          old.op === b.op ? t.sense : 'neutral',
          unit,
        ),
      );
      out.push(
        ...compareSlope(
          where,
          { zh: '未达标扣分', en: 'deduction below target' },
          old.below,
          b.below,
          'deduct',
          unit,
        ),
      );
      out.push(
        ...compareSlope(
          where,
          { zh: '超额加分', en: 'credit above target' },
          old.above,
          b.above,
          'credit',
          unit,
        ),
      );
      break;
    }
    case 'band': {
      const old = a as typeof b;
      out.push(value);
      const [la, ha, lb, hb] = [
        constant(old.low),
        constant(old.high),
        constant(b.low),
        constant(b.high),
      ];
      if (la && ha && lb && hb && (!la.equals(lb) || !ha.equals(hb))) {
        const narrower = lb.compare(la) >= 0 && hb.compare(ha) <= 0;
        const wider = lb.compare(la) <= 0 && hb.compare(ha) >= 0;
        const fmt = (l: string | number, h: string | number): string => `${String(l)}–${String(h)}`;
        const shape = narrower
          ? { zh: '收窄', en: 'narrowed' }
          : wider
            ? { zh: '放宽', en: 'widened' }
            : { zh: '平移', en: 'shifted' };
        out.push(
          change(
            'rule',
            where,
            {
              zh: `区间由 ${fmt(old.low, old.high)} 调整为 ${fmt(b.low, b.high)}(${shape.zh})`,
              en: `band from ${fmt(old.low, old.high)} to ${fmt(b.low, b.high)} (${shape.en})`,
            },
            narrower ? 'tightened' : wider ? 'loosened' : undefined,
            fmt(old.low, old.high),
            fmt(b.low, b.high),
          ),
        );
      } else {
        out.push(
          operandChange(
            'rule',
            where,
            { zh: '区间下限', en: 'band low' },
            old.low,
            b.low,
            'higher-tightens',
            unit,
          ),
        );
        out.push(
          operandChange(
            'rule',
            where,
            { zh: '区间上限', en: 'band high' },
            old.high,
            b.high,
            'higher-loosens',
            unit,
          ),
        );
      }
      out.push(
        ...compareSlope(
          where,
          { zh: '区间外扣分', en: 'deduction outside the band' },
          old.outside,
          b.outside,
          'deduct',
          unit,
        ),
      );
      break;
    }
    case 'reduction': {
      const old = a as typeof b;
      out.push(
        value,
        operandChange(
          'rule',
          where,
          { zh: '上年数值', en: 'previous value' },
          old.previous,
          b.previous,
          'neutral',
          unit,
        ),
      );
      out.push(
        operandChange(
          'rule',
          where,
          { zh: '计算下降的基数', en: 'base of the reduction' },
          old.base,
          b.base,
          'higher-loosens',
          unit,
        ),
      );
      if (old.required.length === b.required.length) {
        old.required.forEach((r, i) => {
          const s = b.required[i] as typeof r;
          const n =
            old.required.length > 1
              ? { zh: `第${i + 1}档`, en: `tier ${i + 1} ` }
              : { zh: '', en: '' };
          out.push(
            numChange(
              'rule',
              where,
              { zh: `${n.zh}要求下降幅度`, en: `${n.en}required reduction` },
              q(r.pct),
              q(s.pct),
              'higher-tightens',
              (v) => ({ zh: `${v.toString()}%`, en: `${v.toString()}%` }),
            ),
          );
        });
      } else {
        out.push(
          change('rule', where, {
            zh: `下降要求由${old.required.length}档调整为${b.required.length}档`,
            en: `required reductions changed from ${old.required.length} to ${b.required.length} tiers`,
          }),
        );
      }
      out.push(
        ...compareSlope(
          where,
          { zh: '未达下降要求扣分', en: 'deduction short of the reduction' },
          old.below,
          b.below,
          'deduct',
          unit,
        ),
      );
      break;
    }
    case 'ramp': {
      const old = a as typeof b;
      out.push(value);
      // Higher is better (declared, or full above constant zero): then raising either end tightens.
      const [f, z] = [constant(b.full), constant(b.zero)];
      const better = b.better ?? (f && z ? (f.compare(z) > 0 ? 'higher' : 'lower') : undefined);
      const sense: Sense =
        better === 'higher' ? 'higher-tightens' : better === 'lower' ? 'higher-loosens' : 'neutral';
      const word = { higher: '越高越好', lower: '越低越好' } as const;
      out.push(
        textChange(
          'rule',
          where,
          { zh: '方向', en: 'direction' },
          old.better && word[old.better],
          b.better && word[b.better],
        ),
      );
      out.push(
        operandChange(
          'rule',
          where,
          { zh: '满分点', en: 'full-marks point' },
          old.full,
          b.full,
          sense,
          unit,
        ),
      );
      out.push(
        operandChange(
          'rule',
          where,
          { zh: '零分点', en: 'zero point' },
          old.zero,
          b.zero,
          sense,
          unit,
        ),
      );
      break;
    }
    case 'proportional': {
      const old = a as typeof b;
      out.push(
        value,
        operandChange(
          'rule',
          where,
          { zh: '目标值', en: 'target' },
          old.target,
          b.target,
          'higher-tightens',
          unit,
        ),
      );
      break;
    }
    case 'tiers':
      out.push(...compareTiers(where, a as typeof b, b, unit));
      break;
    case 'yesno': {
      const old = a as typeof b;
      out.push(
        textChange('rule', where, { zh: '判断依据', en: 'yes/no input' }, old.input, b.input),
      );
      // Both left at full points: "yes" follows the item's points, already reported as such.
      if (old.yes !== undefined || b.yes !== undefined) {
        const yes = { zh: '“有”得分', en: 'points for yes' };
        const [ya, yb] = [yesPoints(old.yes, full.a), yesPoints(b.yes, full.b)];
        out.push(
          ya && yb
            ? numChange('rule', where, yes, ya, yb, 'higher-loosens', points)
            : textChange(
                'rule',
                where,
                yes,
                old.yes?.toString() ?? '满分',
                b.yes?.toString() ?? '满分',
              ),
        );
      }
      out.push(
        numChange(
          'rule',
          where,
          { zh: '“无”得分', en: 'points for no' },
          orZero(old.no),
          orZero(b.no),
          'higher-loosens',
          points,
        ),
      );
      break;
    }
    case 'rank': {
      const old = a as typeof b;
      const text = (p: typeof b.points): string =>
        Array.isArray(p) ? p.join('、') : '按与第一名的比例';
      out.push(
        value,
        textChange(
          'rule',
          where,
          { zh: '名次得分', en: 'points by rank' },
          text(old.points),
          text(b.points),
        ),
      );
      out.push(
        textChange(
          'rule',
          where,
          { zh: '排序方向', en: 'rank order' },
          rankOrderOf(old),
          rankOrderOf(b),
        ),
      );
      out.push(
        numChange(
          'rule',
          where,
          { zh: '名次以外得分', en: 'points outside the ranked places' },
          orZero(old.otherwise),
          orZero(b.otherwise),
          'higher-loosens',
          points,
        ),
      );
      break;
    }
    case 'piecewise': {
      const old = a as typeof b;
      out.push(value);
      // The two curves compared at every value: fewer points somewhere and nowhere more 收紧.
      const how = compareCurves(old, b, {
        a: { lo: full.minA ?? q(0), hi: full.a },
        b: { lo: full.minB ?? q(0), hi: full.b },
      });
      if (how !== 'same') {
        const [from, to] = [breakpointsText(old, unit), breakpointsText(b, unit)];
        const word =
          how === 'lower'
            ? { zh: '各数值得分均不高于原标准', en: 'no value scores more than before' }
            : how === 'higher'
              ? { zh: '各数值得分均不低于原标准', en: 'no value scores less than before' }
              : { zh: '部分数值得分提高、部分降低', en: 'some values score more, some less' };
        out.push(
          change(
            'rule',
            where,
            {
              zh: `分段计分标准由 ${from.zh} 调整为 ${to.zh},${word.zh}`,
              en: `breakpoints changed from ${from.en} to ${to.en}: ${word.en}`,
            },
            how === 'lower' ? 'tightened' : how === 'higher' ? 'loosened' : undefined,
            from.zh,
            to.zh,
          ),
        );
      }
      break;
    }
    case 'expr':
      out.push(
        textChange(
          'rule',
          where,
          { zh: '计分公式', en: 'scoring formula' },
          (a as typeof b).score,
          b.score,
        ),
      );
      break;
  }
  return out.filter((c): c is Change => c !== undefined);
}
