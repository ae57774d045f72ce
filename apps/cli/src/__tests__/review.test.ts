import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyWrites, readWorkbook } from '@kaohe/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDir, type DemoDir } from './demo-run.ts';
import { smallRuleSet } from './fixtures.ts';
import { looksClean, runCli } from './run-cli.ts';

let d: DemoDir;

/** Every object in a JSON tree, for targeted edits of a rule set. */
function* objects(node: unknown): Generator<Record<string, unknown>> {
  if (node === null || typeof node !== 'object') return;
  if (!Array.isArray(node)) yield node as Record<string, unknown>;
  for (const v of Object.values(node)) yield* objects(v);
}

beforeAll(async () => {
  d = demoDir();
  await writeFile(join(d.dir, 'small.json'), JSON.stringify(smallRuleSet()));
  // The reviewer's edition 2: the policy-compliant birth rate floor raised from 92 % to 96 %.
  const rules = JSON.parse(await readFile(join(d.dir, d.rules), 'utf8')) as Record<string, unknown>;
  rules.edition = 2;
  const floor = [...objects(rules)].find((o) => o.kind === 'threshold' && o.value === 'policy_rate');
  if (!floor) throw new Error('fixture: no policy_rate threshold in the Baotou rule set');
  floor.target = 96;
  await writeFile(join(d.dir, 'edition2.json'), JSON.stringify(rules));
}, 90_000);

describe.concurrent('kaohe review', () => {
  it('recomputes the scored workbooks: the demo ranking, nothing to flag, summary ranking first', async () => {
    const run = await runCli(['review', d.scored, '--rules', d.rules, '--out', 'sum.xlsx', '--json', '--lang', 'en'], d.dir);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { ranking: { name: string }[]; findings: { differences: number; rulesDiffer: number } };
    expect(doc.findings).toEqual({ differences: 0, unitsWithDifferences: 0, rulesDiffer: 0 });
    const demo = JSON.parse(d.json.stdout) as { ranking: { name: string }[] };
    expect(doc.ranking.map((r) => r.name)).toEqual(demo.ranking.map((r) => r.name));
    const summary = await readWorkbook(await readFile(join(d.dir, 'sum.xlsx')));
    expect(summary.sheets[0]?.name).toBe('排名');
  });

  it('flags rules that differ from the reviewer’s and the scores they change: exit 1', async () => {
    const run = await runCli(['review', d.scored, '--rules', 'edition2.json', '--out', 'sum2.xlsx'], d.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('规则不一致:昆都仑区');
    expect(run.stdout).toMatch(/分数不符:昆都仑区 一\(二\)\.2 自评填报 \d+(\.\d+)?,重算为/);
    expect(looksClean(run.stderr)).toBe(true);
    expect(await readdir(d.dir)).toContain('sum2.xlsx');
  });

  it('exit 3 for a workbook of another rule set, nothing written', async () => {
    const made = await runCli(['template', 'small.json', '--unit', '某县', '--out', 'other.xlsx'], d.dir);
    expect(made.code).toBe(0);
    const run = await runCli(['review', d.scored, 'other.xlsx', '--rules', d.rules, '--out', 'sum-other.xlsx', '--lang', 'en'], d.dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('belongs to rule set "cli-small", not "baotou-2012"');
    expect(looksClean(run.stderr)).toBe(true);
    expect(await readdir(d.dir)).not.toContain('sum-other.xlsx');
  });

  it('exit 3 for embedded rules edited behind their checksum, naming the cell', async () => {
    const file = join(d.dir, d.scored, '昆都仑区.xlsx');
    const original = new Uint8Array(await readFile(file));
    const meta = (await readWorkbook(original)).sheets.find((s) => s.values[0]?.[0] === 'kaohe-meta');
    const row = meta?.values.findIndex((r) => r[0] === 'json') ?? -1;
    const json = String(meta?.values[row]?.[1] ?? '');
    expect(json).toContain('"target":92');
    const edited = json.replace('"target":92', '"target":90');
    const tampered = await applyWrites(original, [{ sheet: meta?.name ?? '', address: `B${row + 1}`, values: [[edited]] }]);
    await writeFile(join(d.dir, 'tampered.xlsx'), tampered);
    const run = await runCli(['review', 'tampered.xlsx', '--rules', d.rules, '--out', 'sum-t.xlsx'], d.dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('可能被修改');
    expect(run.stderr).toMatch(/kaohe_meta!B\d+/);
    expect(await readdir(d.dir)).not.toContain('sum-t.xlsx');
  });

  it('exit 3 when a folder holds no workbooks', async () => {
    await mkdir(join(d.dir, 'empty'));
    const run = await runCli(['review', 'empty', '--rules', d.rules, '--out', 'sum-e.xlsx'], d.dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('empty 中没有找到 .xlsx 考核表');
    expect(await readdir(d.dir)).not.toContain('sum-e.xlsx');
  });
});
