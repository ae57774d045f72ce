import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleSetJsonSchema } from './json-schema.ts';

describe('rule-set.schema.json', () => {
  it('is the committed output of the zod schema (run `pnpm --filter @kaohe/engine schema`)', () => {
    const committed = readFileSync(new URL('../../rule-set.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(JSON.stringify(ruleSetJsonSchema(), null, 2) + '\n');
  });
  it('describes the rule kinds and the required fields', () => {
    const schema = ruleSetJsonSchema();
    expect(schema.required).toEqual(
      expect.arrayContaining(['schemaVersion', 'id', 'inputs', 'sections', 'rounding']),
    );
    const text = JSON.stringify(schema);
    for (const kind of [
      'threshold',
      'band',
      'reduction',
      'ramp',
      'proportional',
      'tiers',
      'yesno',
      'rank',
      'expr',
      'per-case',
      'state',
    ]) {
      expect(text).toContain(`"const":"${kind}"`);
    }
  });
});
