// Run as a child process (time-zone test): writes the fixture's template and prints its hash.
import { createHash } from 'node:crypto';
import { writeTemplateWorkbook } from '../index.ts';
import { template } from './fixture.ts';

const bytes = await writeTemplateWorkbook(template());
process.stdout.write(createHash('sha256').update(bytes).digest('hex'));
