// A what-if at the scale the admin app is asked to stay responsive at: 150 items and 2,000
// units. The rule set is generated (five sections of thirty items: thresholds with slopes,
// proportional items and yes/no items, a veto, grades with a quota and a share from the
// bottom); the units' figures come from a fixed-seed generator, so every run scores the same.
import { parseRuleSet, type RuleSet, type UnitInput } from '@kaohe/engine';
import { mulberry32 } from '@kaohe/rulesets';

const SECTIONS = 5;
const PER_SECTION = 30;

const ZH = ['一', '二', '三', '四', '五'];

export function scaleRuleSet(target = 90): RuleSet {
  const inputs: unknown[] = [];
  const sections = Array.from({ length: SECTIONS }, (_, s) => ({
    code: ZH[s],
    title: { zh: `第${ZH[s]}部分`, en: `Part ${s + 1}` },
    points: PER_SECTION * 2,
    items: Array.from({ length: PER_SECTION }, (_, i) => {
      const id = `f${s}_${i}`;
      const code = String(i + 1);
      const title = { zh: `指标${s + 1}-${i + 1}`, en: `Figure ${s + 1}-${i + 1}` };
      if (i % 3 === 2) {
        inputs.push({ id, label: title, unit: 'yesno' });
        return { code, title, points: 2, rule: { kind: 'yesno', input: id } };
      }
      inputs.push({ id, label: title, unit: '%', min: 0, max: 100 });
      if (i % 3 === 1)
        return { code, title, points: 2, rule: { kind: 'proportional', value: id, target } };
      return {
        code,
        title,
        points: 2,
        rule: {
          kind: 'threshold',
          value: id,
          op: '>=',
          target,
          below: { per: 1, points: 0.5, steps: 'each-started' },
        },
      };
    }),
  }));
  const parsed = parseRuleSet({
    schemaVersion: 1,
    kind: 'scored',
    id: 'scale-150',
    title: { zh: '规模试算', en: 'Scale what-if' },
    issuer: { zh: '某市', en: 'A city' },
    level: { zh: '县区', en: 'County' },
    year: 2026,
    edition: 1,
    points: SECTIONS * PER_SECTION * 2,
    rounding: { scores: { dp: 2, mode: 'half-up' } },
    inputs,
    sections,
    sanctions: [
      {
        id: 'veto',
        level: 'veto',
        when: '!f0_2',
        reason: { zh: '指标1-3未完成,一票否决', en: 'Figure 1-3 not done: veto' },
      },
    ],
    grades: {
      bands: [
        { id: 'advanced', label: { zh: '先进', en: 'Advanced' }, min: 270, maxShare: 30 },
        { id: 'pass', label: { zh: '合格', en: 'Pass' }, min: 200 },
        {
          id: 'backward',
          label: { zh: '后进', en: 'Backward' },
          min: null,
          fromBottom: { share: 10, rounding: 'round' },
        },
      ],
      vetoed: 'backward',
    },
    ranking: { tieBreak: [], ties: 'shared', vetoedLast: true },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
  return parsed.value;
}

/** 2,000 units, their rates 70–100 % (one place) and yes/no answers mostly yes. */
export function scaleUnits(count = 2000, seed = 2026): UnitInput[] {
  const next = mulberry32(seed).next;
  return Array.from({ length: count }, (_, u) => {
    const values: Record<string, number | boolean> = {};
    for (let s = 0; s < SECTIONS; s++)
      for (let i = 0; i < PER_SECTION; i++)
        values[`f${s}_${i}`] =
          i % 3 === 2 ? next() < 0.97 : Math.round((70 + 30 * next()) * 10) / 10;
    return { id: `u${String(u + 1).padStart(4, '0')}`, name: `单位${u + 1}`, values };
  });
}

export const SCALE = { items: SECTIONS * PER_SECTION };
