import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, type CliRun } from './run-cli.ts';

let dir = '';
let zh: CliRun;
let json: CliRun;

beforeAll(async () => {
  dir = await tempDir();
  [zh, json] = await Promise.all([
    runCli(['demo'], dir),
    runCli(['demo', '--json', '--lang', 'en'], dir),
  ]);
}, 60_000);

describe('kaohe demo', () => {
  it('prints the ranking of the twelve Baotou units in Chinese', () => {
    expect(zh.code).toBe(0);
    const lines = zh.stdout.split('\n');
    const header = lines.findIndex((l) => l.startsWith('名次'));
    expect(header).toBeGreaterThan(-1);
    expect(lines[header]).toMatch(/名次\s+单位\s+总分\s+等次\s+否决\s+主要扣分/);
    const rows = lines.slice(header + 2, header + 14);
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => /^\s*=?\d+\s/.test(r))).toBe(true);
    // The vetoed unit ranks last and says so; a unit with a blank figure is marked provisional.
    expect(rows[11]).toContain('一票否决');
    expect(zh.stdout).toContain('仅供参考');
  });

  it('--json gives the ranking as data, one document, ranks in order', () => {
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as { ranking: { rank: number; name: string; total: string; vetoed: boolean }[] };
    expect(doc.ranking).toHaveLength(12);
    const ranks = doc.ranking.map((r) => r.rank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(doc.ranking.at(-1)?.vetoed).toBe(true);
  });
});
