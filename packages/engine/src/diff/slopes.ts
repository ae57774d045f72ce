// Slopes (how a gap becomes points) and deduction streams: steeper deductions tighten,
// steeper credits loosen; a stream or a gate added to deduct tightens.
import { comparePerRecord } from '../kinds/records.ts';
import { q } from '../exact/exact.ts';
import { showStep } from '../messages/format.ts';
import type { Msg } from '../model/result.ts';
import type { Slope, Stream } from '../schema/rules.ts';
import type { InputUnit } from '../schema/ruleset.ts';
import { gapOf } from './effective.ts';
import { dayOfIso } from '../exact/calendar.ts';
import {
  change,
  numChange,
  optionalCountChange,
  plain,
  points,
  textChange,
  type Sense,
  type Where,
} from './text.ts';
import type { Change } from './types.ts';

const STEPS: Record<Slope['steps'], { zh: string; en: string; strict: number }> = {
  'each-started': { zh: '不足一步按一步计', en: 'each started step', strict: 3 },
  'pro-rata': { zh: '不足一步按比例计', en: 'pro rata', strict: 2 },
  'each-full': { zh: '只计整步', en: 'whole steps only', strict: 1 },
};

function slopeText(s: Slope, unit: InputUnit | undefined): Msg {
  const step = showStep(q(s.per), unit);
  const p = points(q(s.points));
  return { zh: `每${step.zh}${p.zh}`, en: `${p.en} per ${step.en}` };
}

/** `role`: deduct (below / outside: a miss costs points) or credit (above: extra points). */
export function compareSlope(
  where: Where,
  name: Msg,
  a: Slope | undefined,
  b: Slope | undefined,
  role: 'deduct' | 'credit',
  unit: InputUnit | undefined,
): Change[] {
  if (!a && !b) return [];
  if (!a || !b) {
    const added = !a;
    const s = (a ?? b) as Slope;
    const text = slopeText(s, unit);
    const detail =
      role === 'deduct'
        ? added
          ? {
              zh: `由达标得分、未达标不得分改为按差距扣分(${text.zh})`,
              en: `from all or nothing to a deduction by gap (${text.en})`,
            }
          : {
              zh: `由按差距扣分(${text.zh})改为未达标不得分`,
              en: `from a deduction by gap (${text.en}) to all or nothing`,
            }
        : {
            zh: `${added ? '新增' : '取消'}${name.zh}(${text.zh})`,
            en: `${name.en} ${added ? 'added' : 'removed'} (${text.en})`,
          };
    return [change('slope', where, detail, added ? 'loosened' : 'tightened')];
  }
  const out: (Change | undefined)[] = [];
  const rateA = q(a.points).div(q(a.per));
  const rateB = q(b.points).div(q(b.per));
  if (!rateA.equals(rateB) || !q(a.per).equals(q(b.per))) {
    const steeper = rateB.compare(rateA) > 0;
    const [ta, tb] = [slopeText(a, unit), slopeText(b, unit)];
    const dir = rateA.equals(rateB)
      ? undefined
      : (role === 'deduct') === steeper
        ? 'tightened'
        : 'loosened';
    const shape = rateA.equals(rateB)
      ? { zh: '', en: '' }
      : steeper
        ? { zh: ',更陡', en: ', steeper' }
        : { zh: ',更缓', en: ', gentler' };
    out.push(
      change(
        'slope',
        where,
        {
          zh: `${name.zh}由${ta.zh}改为${tb.zh}${shape.zh}`,
          en: `${name.en} from ${ta.en} to ${tb.en}${shape.en}`,
        },
        dir,
      ),
    );
  }
  if (a.steps !== b.steps) {
    const stricter = STEPS[b.steps].strict > STEPS[a.steps].strict;
    const dir = (role === 'deduct') === stricter ? 'tightened' : 'loosened';
    out.push(
      change(
        'slope',
        where,
        {
          zh: `${name.zh}计步方式由「${STEPS[a.steps].zh}」改为「${STEPS[b.steps].zh}」`,
          en: `${name.en} steps from ${STEPS[a.steps].en} to ${STEPS[b.steps].en}`,
        },
        dir,
      ),
    );
  }
  const gapText = (s: Slope): string => (gapOf(s) === 'absolute' ? '百分点' : '相对目标的百分比');
  out.push(
    textChange(
      'slope',
      where,
      { zh: `${name.zh}差距口径`, en: `${name.en} gap` },
      gapText(a),
      gapText(b),
    ),
  );
  out.push(
    capChange(where, name, a.cap, b.cap, role === 'deduct' ? 'higher-tightens' : 'higher-loosens'),
  );
  return out.filter((c): c is Change => c !== undefined);
}

function capChange(
  where: Where,
  name: Msg,
  a: string | number | undefined,
  b: string | number | undefined,
  sense: Sense,
): Change | undefined {
  const label = { zh: `${name.zh}上限`, en: `${name.en} cap` };
  if (a === undefined && b === undefined) return undefined;
  if (a === undefined || b === undefined) {
    const added = a === undefined;
    const v = points(q((a ?? b) as string | number));
    // A cap limits what the stream can do: adding one to a deduction loosens, to a credit tightens.
    const dir = (sense === 'higher-tightens') === added ? 'loosened' : 'tightened';
    return change(
      'slope',
      where,
      {
        zh: `${added ? '新增' : '取消'}${label.zh}(${v.zh})`,
        en: `${label.en} ${added ? 'added' : 'removed'} (${v.en})`,
      },
      dir,
    );
  }
  return numChange('slope', where, label, q(a), q(b), sense, points);
}

const STREAM_NAME: Record<Stream['kind'], Msg> = {
  'per-case': { zh: '按件扣分', en: 'per-case deduction' },
  state: { zh: '按情形扣分', en: 'deduction by state' },
  expr: { zh: '公式扣分', en: 'deduction by formula' },
  deadline: { zh: '报送时限扣分', en: 'deadline deduction' },
  'per-record': { zh: '逐件扣分', en: 'per-record deduction' },
};

function streamName(s: Stream): Msg {
  const n = STREAM_NAME[s.kind];
  const base =
    s.direction === 'add'
      ? { zh: n.zh.replace('扣分', '加分'), en: n.en.replace('deduction', 'credit') }
      : n;
  const input = 'input' in s ? `「${s.input}」` : '';
  return { zh: `${input}${base.zh}`, en: `${base.en}${'input' in s ? ` on "${s.input}"` : ''}` };
}

const MULTIPLIED_CASES = {
  extra: { zh: '另计', en: 'counted besides the cases' },
  'of-which': { zh: '计入其中', en: 'counted among the cases' },
} as const;

export function compareStreams(
  where: Where,
  a: readonly Stream[] = [],
  b: readonly Stream[] = [],
): Change[] {
  const out: (Change | undefined)[] = [];
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const [sa, sb] = [a[i], b[i]];
    if (sa && sb && sa.kind === sb.kind && sa.direction === sb.direction) {
      const name = streamName(sb);
      const sense: Sense = sb.direction === 'add' ? 'higher-loosens' : 'higher-tightens';
      if (sa.kind === 'per-case' && sb.kind === 'per-case') {
        out.push(
          numChange(
            'stream',
            where,
            { zh: `${name.zh}每件分值`, en: `${name.en}: points per case` },
            q(sa.each),
            q(sb.each),
            sense,
            points,
          ),
        );
        out.push(
          textChange(
            'stream',
            where,
            { zh: `${name.zh}计件输入`, en: `${name.en}: input` },
            sa.input,
            sb.input,
          ),
        );
        out.push(
          textChange(
            'stream',
            where,
            { zh: `${name.zh}递增表`, en: `${name.en}: schedule` },
            sa.schedule?.join('、'),
            sb.schedule?.join('、'),
          ),
        );
        if (sa.increment !== undefined && sb.increment !== undefined)
          out.push(
            numChange(
              'stream',
              where,
              { zh: `${name.zh}每件递增`, en: `${name.en}: increment` },
              q(sa.increment),
              q(sb.increment),
              sense,
              points,
            ),
          );
        else
          out.push(
            textChange(
              'stream',
              where,
              { zh: `${name.zh}每件递增`, en: `${name.en}: increment` },
              sa.increment?.toString(),
              sb.increment?.toString(),
            ),
          );
        out.push(
          optionalCountChange(
            'stream',
            where,
            { zh: `${name.zh}该项记零的件数`, en: `${name.en}: cases that zero the item` },
            sa.zeroAt,
            sb.zeroAt,
            'higher-loosens',
            'tightened',
          ),
        );
        if (sa.multiplied && sb.multiplied)
          out.push(
            numChange(
              'stream',
              where,
              { zh: `${name.zh}加倍系数`, en: `${name.en}: multiplier` },
              q(sa.multiplied.factor),
              q(sb.multiplied.factor),
              sense,
              plain,
            ),
          );
        const [ca, cb] = [sa.multiplied?.cases ?? 'extra', sb.multiplied?.cases ?? 'extra'];
        if (sa.multiplied && sb.multiplied && ca !== cb) {
          // Counted besides the cases (extra) weighs more than counted among them (of-which).
          const lighter = cb === 'of-which';
          const [from, to] = [MULTIPLIED_CASES[ca], MULTIPLIED_CASES[cb]];
          out.push(
            change(
              'stream',
              where,
              {
                zh: `${name.zh}加倍的件数由「${from.zh}」改为「${to.zh}」`,
                en: `${name.en}: multiplied cases changed from "${from.en}" to "${to.en}"`,
              },
              lighter === (sb.direction !== 'add') ? 'loosened' : 'tightened',
              ca,
              cb,
            ),
          );
        }
      } else if (sa.kind === 'state' && sb.kind === 'state') {
        for (const key of [
          ...new Set([...Object.keys(sa.amounts), ...Object.keys(sb.amounts)]),
        ].sort()) {
          const [x, y] = [sa.amounts[key], sb.amounts[key]];
          const label = { zh: `${name.zh}「${key}」`, en: `${name.en} "${key}"` };
          out.push(
            x !== undefined && y !== undefined
              ? numChange('stream', where, label, q(x), q(y), sense, points)
              : textChange('stream', where, label, x?.toString(), y?.toString()),
          );
        }
      } else if (sa.kind === 'per-record' && sb.kind === 'per-record') {
        out.push(...comparePerRecord(where, name, sa, sb, sense));
      } else if (sa.kind === 'deadline' && sb.kind === 'deadline') {
        out.push(...compareDeadlineStreams(where, name, sa, sb, sense));
      } else if (sa.kind === 'expr' && sb.kind === 'expr') {
        out.push(
          textChange(
            'stream',
            where,
            { zh: `${name.zh}公式`, en: `${name.en}: formula` },
            sa.amount,
            sb.amount,
          ),
        );
      }
      out.push(capChange(where, name, sa.cap, sb.cap, sense));
      continue;
    }
    for (const [s, added] of [
      [sa, false],
      [sb, true],
    ] as const) {
      if (!s) continue;
      const name = streamName(s);
      const tightens = (s.direction === 'add') !== added;
      out.push(
        change(
          'stream',
          where,
          {
            zh: `${added ? '新增' : '取消'}${name.zh}`,
            en: `${name.en} ${added ? 'added' : 'removed'}`,
          },
          tightens ? 'tightened' : 'loosened',
        ),
      );
    }
  }
  return out.filter((c): c is Change => c !== undefined);
}

type DeadlineStream = Extract<Stream, { kind: 'deadline' }>;

/** Two editions of a deadline stream: a later due date loosens a deduction, a dearer lateness or
 *  blank tightens it, more months counted tighten it. */
function compareDeadlineStreams(
  where: Where,
  name: Msg,
  a: DeadlineStream,
  b: DeadlineStream,
  sense: Sense,
): (Change | undefined)[] {
  const out: (Change | undefined)[] = [];
  const [da, db] = [dayOfIso(a.due), dayOfIso(b.due)];
  const due = { zh: `${name.zh}截止日期`, en: `${name.en}: due date` };
  if (da !== undefined && db !== undefined && da !== db) {
    // Later is more time: for a deduction that loosens.
    const later = db > da;
    out.push(
      change(
        'stream',
        where,
        {
          zh: `${due.zh}由 ${a.due} ${later ? '推迟' : '提前'}到 ${b.due}`,
          en: `${due.en} moved ${later ? 'later' : 'earlier'} from ${a.due} to ${b.due}`,
        },
        later === (sense === 'higher-tightens') ? 'loosened' : 'tightened',
        a.due,
        b.due,
      ),
    );
  } else if (da === undefined || db === undefined) {
    // A declared deadline by name: its own date's changes are said under deadlines.
    out.push(textChange('stream', where, due, a.due, b.due));
  }
  out.push(
    textChange(
      'stream',
      where,
      { zh: `${name.zh}日期输入`, en: `${name.en}: input` },
      a.input,
      b.input,
    ),
  );
  const amount = (key: 'late' | 'perMonth', label: Msg): void => {
    const [x, y] = [a[key], b[key]];
    out.push(
      x !== undefined && y !== undefined
        ? numChange('stream', where, label, q(x), q(y), sense, points)
        : textChange(
            'stream',
            where,
            label,
            x?.toString(),
            y?.toString(),
            y === undefined ? 'loosened' : 'tightened',
          ),
    );
  };
  amount('late', { zh: `${name.zh}逾期扣分`, en: `${name.en}: points when late` });
  amount('perMonth', { zh: `${name.zh}每月扣分`, en: `${name.en}: points a month late` });
  out.push(
    optionalCountChange(
      'stream',
      where,
      { zh: `${name.zh}最多计月数`, en: `${name.en}: months counted at most` },
      a.maxMonths,
      b.maxMonths,
      sense,
      'loosened',
    ),
  );
  const missing = { zh: `${name.zh}未报送扣分`, en: `${name.en}: points when not reported` };
  const [ma, mb] = [a.missing, b.missing];
  out.push(
    ma !== 'missing-input' && mb !== 'missing-input'
      ? numChange('stream', where, missing, q(ma), q(mb), sense, points)
      : textChange(
          'stream',
          where,
          missing,
          ma === 'missing-input' ? '不计分(缺项)' : String(ma),
          mb === 'missing-input' ? '不计分(缺项)' : String(mb),
        ),
  );
  return out;
}
