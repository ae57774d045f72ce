// A page of text pasted into an input cell: read as not understood, at its cell, and the
// message quotes only the start of it.
import { describe, expect, it } from 'vitest';
import type { InputDef } from '@kaohe/engine';
import { parseInput } from './parse-input.ts';

const def = (unit: InputDef['unit']): InputDef => ({
  id: 'x',
  label: '测试',
  unit,
  source: 'unit',
  evidence: false,
  ...(unit === 'choice' ? { choices: [{ value: 'a', label: '甲' }] } : {}),
});

describe('hostile text in an input cell', () => {
  it.each(['count', '%', 'yesno', 'choice', 'date'] as const)(
    'a %s cell holding 100,000 characters is an error at the cell with a short message',
    (unit) => {
      const pasted = '九'.repeat(100_000);
      const r = parseInput(pasted, null, def(unit), '基础数据!E7');
      expect(r.value).toBeNull();
      expect(r.issues.map((i) => [i.severity, i.address])).toEqual([['error', '基础数据!E7']]);
      const m = r.issues[0]!.message;
      expect(m.zh).toContain('九'.repeat(20));
      expect(m.zh.length + m.en.length).toBeLessThan(400);
    },
  );
});
