// What `kaohe score` prints for one unit, read as the official reads it: a pool section (items
// without points of their own, form 49) says under its line how its score came about — its
// points less each item's deduction — since its items' lines carry no points to add up.
import { compileRuleSet, parseRuleSet, scoreUnit, type RuleSetInput } from '@kaohe/engine';
import { buildTemplate } from '@kaohe/sheet';
import { ruleSetHeader } from '@kaohe/test-utils';
import { describe, expect, it } from 'vitest';
import { createOutput } from '../../io/output.ts';
import { printUnitResult } from './print.ts';

const json: RuleSetInput = ruleSetHeader({
  id: 'pool-print',
  title: '计划生育依法行政考核',
  rounding: { scores: { dp: 1, mode: 'half-up' } },
  points: 10,
  inputs: [
    { id: 'illegal', label: '违法生育例数', unit: 'count' },
    { id: 'unfiled', label: '未按规定立案例数', unit: 'count' },
  ],
  sections: [
    {
      code: '一',
      title: '依法行政',
      points: 10,
      pool: true,
      items: [
        {
          code: '1',
          title: '违法生育',
          points: 'none',
          deductions: [{ kind: 'per-case', input: 'illegal', each: 1 }],
        },
        {
          code: '2',
          title: '立案查处',
          points: 'none',
          deductions: [{ kind: 'per-case', input: 'unfiled', each: 1 }],
        },
      ],
    },
  ],
});

function printed(values: Record<string, number | null>, lang: 'zh' | 'en'): string[] {
  const parsed = parseRuleSet(json);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message.en).join('; '));
  const result = scoreUnit(compileRuleSet(parsed.value), { id: 'u', name: '甲镇', values });
  const lines: string[] = [];
  const out = createOutput(
    { stdout: (t) => lines.push(t), stderr: () => {}, stderrIsTTY: false, cwd: '.' },
    lang,
    false,
  );
  printUnitResult(result, 'self', [], out, { map: buildTemplate(parsed.value).map });
  return lines.join('').split('\n');
}

describe('kaohe score prints how a pool section was scored', () => {
  it('names the deductions under the section’s line (10 − 3 − 2 = 5)', () => {
    const lines = printed({ illegal: 3, unfiled: 2 }, 'zh');
    const at = lines.findIndex((l) => l.startsWith('  一 依法行政:5 / 10'));
    expect(at).toBeGreaterThan(-1);
    expect(lines[at + 1]).toBe('    10分,扣除一.1扣3分、一.2扣2分,共扣5分,得5分');
  });

  it('says why the section has no score when a figure is blank, never 0 or 10', () => {
    const lines = printed({ illegal: 3, unfiled: null }, 'zh');
    const at = lines.findIndex((l) => l.startsWith('  一 依法行政:— / 10'));
    expect(at).toBeGreaterThan(-1);
    expect(lines[at + 1]).toMatch(/^ {4}\S/);
    expect(lines[at + 1]).toContain('一.2');
  });

  it('in English too', () => {
    const lines = printed({ illegal: 3, unfiled: 2 }, 'en');
    const at = lines.findIndex((l) => l.startsWith('  一 依法行政: 5 / 10'));
    expect(lines[at + 1]).toBe('    10 points less 一.1 −3, 一.2 −2; 5 deducted in all; scores 5');
  });
});
