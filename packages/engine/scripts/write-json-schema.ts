// Regenerates rule-set.schema.json from the zod schema: `pnpm --filter @kaohe/engine schema`.
import { writeFileSync } from 'node:fs';
import { ruleSetJsonSchema } from '../src/schema/json-schema.ts';

writeFileSync(
  new URL('../rule-set.schema.json', import.meta.url),
  JSON.stringify(ruleSetJsonSchema(), null, 2) + '\n',
);
