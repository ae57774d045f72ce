// Paths as the user typed them, resolved against the directory the command was started from.
import { resolve } from 'node:path';
import type { Output } from './output.ts';

export function resolveInput(out: Output, file: string): string {
  return resolve(out.streams.cwd, file);
}
