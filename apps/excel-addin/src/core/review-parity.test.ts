// @vitest-environment node
// The same returned workbooks reviewed by `kaohe review` and by the pane's kernel give the same
// ranking, grades, flags and differences: both go through @kaohe/sheet's reviewReturns.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RuleSetInput } from '@kaohe/engine';
import { baotou2012 } from '@kaohe/rulesets';
import { ruleSetChecksum, SHEET_NAMES } from '@kaohe/sheet';
import { readWorkbook } from '@kaohe/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryPort } from '../standalone/memory-port.ts';
import { asGrids, filledTemplate, parsed } from '../testing/sample-workbook.ts';
import { createKernel } from './kernel.ts';
import { createSession } from './session.ts';
import type { Cell, SheetGrid } from './workbook-port.ts';

const BIN = fileURLToPath(new URL('../../../cli/src/bin.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function cli(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=@kaohe/source', '--import', TSX, BIN, ...args],
      {
        cwd,
        env: { ...process.env, KAOHE_DEBUG: '' },
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

/** Every object in a JSON tree, for targeted edits of a rule set. */
function* objects(node: unknown): Generator<Record<string, unknown>> {
  if (node === null || typeof node !== 'object') return;
  if (!Array.isArray(node)) yield node as Record<string, unknown>;
  for (const v of Object.values(node)) yield* objects(v);
}

let dir = '';
let files: string[] = [];
// The reviewer's rules: Baotou 2012 under its own id and edition, the 92 % floor raised to 96 %.
const input = structuredClone(baotou2012) as RuleSetInput;
const floor = [...objects(input)].find((o) => o.kind === 'threshold' && o.value === 'policy_rate');
if (!floor) throw new Error('fixture: no policy_rate threshold in the Baotou rule set');
floor.target = 96;
const reviewer = parsed(input);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kaohe-parity-'));
  const demo = await cli(['demo', '--out', 'demo'], dir);
  if (demo.code !== 0) throw new Error('kaohe demo failed');
  await writeFile(join(dir, 'rules.json'), JSON.stringify(input));
  // The returns: the scored workbooks, 青山区 as filled only (never self-scored), and a copy
  // of 东河区's workbook (the same file twice).
  await mkdir(join(dir, 'returns'));
  for (const name of await readdir(join(dir, 'demo', '3-scored')))
    await copyFile(join(dir, 'demo', '3-scored', name), join(dir, 'returns', name));
  await copyFile(join(dir, 'demo', '2-filled', '青山区.xlsx'), join(dir, 'returns', '青山区.xlsx'));
  await copyFile(join(dir, 'returns', '东河区.xlsx'), join(dir, 'returns', '东河区 - 副本.xlsx'));
  files = (await readdir(join(dir, 'returns'))).sort();
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface CliDoc {
  ruleSet: { checksum: string };
  ranking: { name: string; rank: number; total: string; grade: { zh: string } | null }[];
  units: {
    name: string;
    rules: string;
    stage: string | null;
    sameAs: string[];
    differences: { key: string; reported: string | null; recomputed: string | null }[];
  }[];
}

describe('one review in the CLI and the pane', () => {
  it('gives the same ranking, grades, flags and differences for the same returned files', async () => {
    const run = await cli(
      ['review', 'returns', '--rules', 'rules.json', '--out', 'sum.xlsx', '--json'],
      dir,
    );
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as CliDoc;
    expect(doc.ruleSet.checksum).toBe(ruleSetChecksum(reviewer));

    // The pane: the reviewer's workbook (blank template of their rules), every file imported.
    const own = asGrids(filledTemplate(reviewer, { id: '', name: '', values: {} }));
    const imported: SheetGrid[] = [];
    for (const [i, name] of files.entries()) {
      const book = await readWorkbook(await readFile(join(dir, 'returns', name)));
      for (const s of book.sheets) {
        const values = s.values.map((r) => r.map((v) => (v ?? null) as Cell));
        imported.push({
          name: `${s.name} (${i + 2})`,
          top: 0,
          left: 0,
          values,
          numberFormats: values.map((r, y) =>
            r.map((_, x) => s.numberFormats?.[y]?.[x] ?? 'General'),
          ),
        });
      }
    }
    const all = [...own, ...imported];
    const port = createMemoryPort(
      {
        sheets: all.map((g) => ({
          name: g.name,
          state: g.name.startsWith(SHEET_NAMES.meta) ? 'veryHidden' : 'visible',
          values: g.values,
          numberFormats: g.numberFormats,
        })),
        active: SHEET_NAMES.scoring,
        charts: [],
        selection: null,
      },
      undefined,
      { charts: true },
    );
    const session = createSession(port, createKernel());
    const reviewed = await session.review();
    if (!reviewed.ok) throw new Error(JSON.stringify(reviewed).slice(0, 500));
    const pane = reviewed.plan.units;

    // Ranking and grades.
    expect(pane.map((u) => [u.unit.name, u.rank, u.result.total, u.grade?.zh ?? null])).toEqual(
      doc.ranking.map((r) => [r.name, r.rank, r.total, r.grade?.zh ?? null]),
    );
    // Flags and differences, unit by unit.
    const flags = (u: { rules: string; stage: string | null; sameAs: string[] }) => [
      u.rules,
      u.stage,
      u.sameAs.length,
    ];
    const diffs = (ds: CliDoc['units'][number]['differences']) =>
      ds.map((d) => [d.key, d.reported, d.recomputed]);
    expect(pane.map((u) => [u.unit.name, ...flags(u), diffs(u.differences)])).toEqual(
      doc.units.map((u) => [u.name, ...flags(u), diffs(u.differences)]),
    );
    // What the test is about is there: altered rules, 未自评, a duplicate, differences.
    expect(pane.every((u) => u.rules === 'altered')).toBe(true);
    expect(pane.find((u) => u.unit.name === '青山区')?.stage).toBeNull();
    expect(pane.find((u) => u.unit.name === '东河区')?.sameAs).toHaveLength(1);
    expect(pane.some((u) => u.differences.length > 0)).toBe(true);
    expect(pane).toHaveLength(files.length - 1);
  }, 240_000);
});
