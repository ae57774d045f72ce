// Runs the demo once (in Chinese into ./demo, and under --json into a temp folder) and hands
// the results to every test file.
import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import './provided.ts';
import { runCli, tempDir } from './run-cli.ts';

let dir = '';

export async function setup(project: TestProject): Promise<void> {
  dir = await tempDir();
  const [run, json] = await Promise.all([
    runCli(['demo', '--out', 'demo'], dir),
    runCli(['demo', '--json', '--lang', 'en'], dir),
  ]);
  project.provide('demo', { dir, run, json });
}

export async function teardown(): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
}
