import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { readWorkbook } from '@kaohe/xlsx';
import { baotou2012 } from '@kaohe/rulesets';
import ExcelJS from 'exceljs';
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

/**
 * A copy of the scored demo workbooks in a new folder of the demo dir, with 昆都仑区's workbook
 * edited through ExcelJS the way someone with Excel would; returns what `edit` returns.
 */
async function editScored<T>(folder: string, edit: (book: ExcelJS.Workbook) => T): Promise<T> {
  await mkdir(join(d.dir, folder));
  for (const name of await readdir(join(d.dir, d.scored))) {
    await copyFile(join(d.dir, d.scored, name), join(d.dir, folder, name));
  }
  const file = join(d.dir, folder, '昆都仑区.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const out = edit(book);
  await book.xlsx.writeFile(file);
  return out;
}

beforeAll(async () => {
  d = demoDir();
  await writeFile(join(d.dir, 'small.json'), JSON.stringify(smallRuleSet()));
  // The reviewer's edition 2: the policy-compliant birth rate floor raised from 92 % to 96 %.
  const rules = JSON.parse(await readFile(join(d.dir, d.rules), 'utf8')) as Record<string, unknown>;
  rules.edition = 2;
  const floor = [...objects(rules)].find(
    (o) => o.kind === 'threshold' && o.value === 'policy_rate',
  );
  if (!floor) throw new Error('fixture: no policy_rate threshold in the Baotou rule set');
  floor.target = 96;
  await writeFile(join(d.dir, 'edition2.json'), JSON.stringify(rules));
}, 90_000);

describe.concurrent('kaohe review', () => {
  it('recomputes the scored workbooks: the demo ranking, nothing to flag, summary ranking first', async () => {
    const run = await runCli(
      ['review', d.scored, '--rules', d.rules, '--out', 'sum.xlsx', '--json', '--lang', 'en'],
      d.dir,
    );
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as {
      ranking: { name: string }[];
      findings: { differences: number; rulesDiffer: number };
    };
    expect(doc.findings).toEqual({
      differences: 0,
      unitsWithDifferences: 0,
      rulesDiffer: 0,
      rulesAltered: 0,
      notScored: 0,
      rejected: 0,
      unverified: 0,
      prefillUnverified: 0,
      metaUnhidden: 0,
      missing: 0,
      outsideRoster: 0,
      recordDiffers: 0,
      historyDiffers: 0,
    });
    const demo = JSON.parse(d.json.stdout) as { ranking: { name: string }[] };
    expect(doc.ranking.map((r) => r.name)).toEqual(demo.ranking.map((r) => r.name));
    const summary = await readWorkbook(await readFile(join(d.dir, 'sum.xlsx')));
    expect(summary.sheets[0]?.name).toBe('排名');
  });

  it('flags rules that differ from the reviewer’s and the scores they change: exit 1', async () => {
    const run = await runCli(
      ['review', d.scored, '--rules', 'edition2.json', '--out', 'sum2.xlsx'],
      d.dir,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('规则不一致:昆都仑区');
    expect(run.stdout).toMatch(
      /分数不符:昆都仑区 一\(二\)\.2 符合政策生育率达到92%以上 自评填报 \d+(\.\d+)?,重算为/,
    );
    expect(looksClean(run.stderr)).toBe(true);
    expect(await readdir(d.dir)).toContain('sum2.xlsx');
  });

  it('ranks the readable returns and lists a workbook of another rule set with its reason: exit 1', async () => {
    const made = await runCli(
      ['template', 'small.json', '--unit', '某县', '--out', 'other.xlsx'],
      d.dir,
    );
    expect(made.code).toBe(0);
    const run = await runCli(
      [
        'review',
        d.scored,
        'other.xlsx',
        '--rules',
        d.rules,
        '--out',
        'sum-other.xlsx',
        '--lang',
        'en',
      ],
      d.dir,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Not reviewed: other.xlsx: not a workbook of this assessment');
    expect(run.stdout).toContain('belongs to rule set "cli-small", not "baotou-2012"');
    expect(looksClean(run.stderr)).toBe(true);
    const summary = await readWorkbook(await readFile(join(d.dir, 'sum-other.xlsx')));
    const demo = JSON.parse(d.json.stdout) as { ranking: unknown[] };
    expect(summary.sheets.find((s) => s.name === '排名')?.values.slice(2)).toHaveLength(
      demo.ranking.length,
    );
    expect(
      summary.sheets
        .find((s) => s.name === '未纳入')
        ?.values.slice(2)
        .map((r) => r[0]),
    ).toEqual(['other.xlsx']);
  }, 240_000);

  it('exit 3 when no returned workbook can be reviewed, nothing written', async () => {
    const made = await runCli(
      ['template', 'small.json', '--unit', '某县', '--out', 'other-only.xlsx'],
      d.dir,
    );
    expect(made.code).toBe(0);
    const run = await runCli(
      ['review', 'other-only.xlsx', '--rules', d.rules, '--out', 'sum-none.xlsx', '--lang', 'en'],
      d.dir,
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('belongs to rule set "cli-small", not "baotou-2012"');
    expect(await readdir(d.dir)).not.toContain('sum-none.xlsx');
  });

  it('ranks a unit whose embedded rules were edited behind their checksum and flags it: exit 1; score still refuses it', async () => {
    // Copy the scored cohort, then edit 昆都仑区's embedded rules (the meta sheet's json chunk)
    // the way someone with Excel and a text editor would: the 92 % floor lowered to 90 %.
    const edited = await editScored('tampered', (book) => {
      const meta = book.worksheets.find((w) => w.getCell('A1').value === 'kaohe-meta');
      if (!meta) throw new Error('fixture: no kaohe-meta sheet');
      let count = 0;
      meta.eachRow((row) => {
        const json = row.getCell(2).value;
        if (
          count === 0 &&
          row.getCell(1).value === 'json' &&
          typeof json === 'string' &&
          json.includes('"target":92')
        ) {
          row.getCell(2).value = json.replace('"target":92', '"target":90');
          count++;
        }
      });
      return count;
    });
    expect(edited).toBe(1);

    const run = await runCli(
      ['review', 'tampered', '--rules', d.rules, '--out', 'sum-t.xlsx', '--json', '--lang', 'en'],
      d.dir,
    );
    expect(run.code).toBe(1);
    type Doc = {
      ranking: { name: string }[];
      units: {
        name: string;
        rulesAltered: boolean;
        rulesDiffer: boolean;
        differences: unknown[];
        warnings: { code: string; address: string }[];
      }[];
      findings: Record<string, number>;
    };
    const doc = JSON.parse(run.stdout) as Doc;
    // Recomputed by the reviewer's rules: the same ranking as the untouched demo.
    const demo = JSON.parse(d.json.stdout) as { ranking: { name: string }[] };
    expect(doc.ranking.map((r) => r.name)).toEqual(demo.ranking.map((r) => r.name));
    expect(doc.findings).toEqual({
      differences: 0,
      unitsWithDifferences: 0,
      rulesDiffer: 1,
      rulesAltered: 1,
      notScored: 0,
      rejected: 0,
      unverified: 0,
      prefillUnverified: 0,
      metaUnhidden: 0,
      missing: 0,
      outsideRoster: 0,
      recordDiffers: 0,
      historyDiffers: 0,
    });
    const kdq = doc.units.find((u) => u.name === '昆都仑区');
    expect(kdq).toMatchObject({ rulesAltered: true, rulesDiffer: true, differences: [] });
    expect(kdq?.warnings).toContainEqual(
      expect.objectContaining({
        code: 'rules-altered',
        address: expect.stringMatching(/^kaohe_meta!B\d+$/),
      }),
    );
    expect(doc.units.filter((u) => u.rulesAltered).map((u) => u.name)).toEqual(['昆都仑区']);
    expect(looksClean(run.stderr)).toBe(true);

    const differences = (await readWorkbook(await readFile(join(d.dir, 'sum-t.xlsx')))).sheets.find(
      (s) => s.name === '差异',
    );
    const flagged = differences?.values.filter((r) =>
      String(r[6] ?? '').includes('表内规则被改动'),
    );
    expect(flagged?.map((r) => r[1])).toEqual(['昆都仑区']);

    const table = await runCli(
      ['review', 'tampered', '--rules', d.rules, '--out', 'sum-t2.xlsx'],
      d.dir,
    );
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/规则被改动:昆都仑区(.*)kaohe_meta!B\d+/);
    expect(table.stdout).toContain('其中 1 份被改动');

    const score = await runCli(
      ['score', join('tampered', '昆都仑区.xlsx'), '--out', 'kdq-scored.xlsx'],
      d.dir,
    );
    expect(score.code).toBe(3);
    expect(score.stderr).toContain('可能被修改');
    expect(score.stderr).toMatch(/kaohe_meta!B\d+/);
    expect(await readdir(d.dir)).not.toContain('kdq-scored.xlsx');
  }, 240_000);

  it('flags a sanction the unit reported otherwise than the recomputation, as the summary does: exit 1', async () => {
    // A unit that reports 是 for a sanction that does not hold (the demo units are clean of it).
    const cell = await editScored('sanction-edit', (book) => {
      const sheet = book.getWorksheet('考核评分');
      if (!sheet) throw new Error('fixture: no 考核评分 sheet');
      let selfCol = 0;
      let found = '';
      sheet.eachRow((row) => {
        row.eachCell((cell, col) => {
          if (String(cell.value ?? '').startsWith('自评得分')) selfCol = col;
        });
        const code = String(row.getCell(1).value ?? '');
        if (!found && selfCol && /^否决\.\S+$/.test(code) && row.getCell(selfCol).value === '否') {
          row.getCell(selfCol).value = '是';
          found = code;
        }
      });
      return found;
    });
    // 序号 reads 否决.N (the N-th sanction declared); the review's key is 否决.<id>.
    const sanction = baotou2012.sanctions?.[Number(/^否决\.(\d+)$/.exec(cell)?.[1]) - 1];
    expect(sanction).toBeDefined();
    const key = `否决.${sanction?.id}`;

    const run = await runCli(
      [
        'review',
        'sanction-edit',
        '--rules',
        d.rules,
        '--out',
        'sum-s.xlsx',
        '--json',
        '--lang',
        'en',
      ],
      d.dir,
    );
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as {
      units: {
        name: string;
        differences: { key: string; reported: string; recomputed: string }[];
      }[];
      findings: Record<string, number>;
    };
    expect(doc.findings).toMatchObject({ differences: 1, unitsWithDifferences: 1 });
    expect(doc.units.find((u) => u.name === '昆都仑区')?.differences).toEqual([
      expect.objectContaining({ key, reported: '是', recomputed: '否' }),
    ]);
    // The summary's 差异 sheet lists the same difference, the sanction by its reason (not its id).
    const differences = (await readWorkbook(await readFile(join(d.dir, 'sum-s.xlsx')))).sheets.find(
      (s) => s.name === '差异',
    );
    const reason = typeof sanction?.reason === 'string' ? sanction.reason : sanction?.reason.zh;
    expect(
      differences?.values.some(
        (r) => r.includes(`${cell}「${reason}」`) && r.includes('是') && r.includes('否'),
      ),
    ).toBe(true);
    // What the reviewer reads on screen names the row as the sheet does, never by the id.
    const text = await runCli(
      ['review', 'sanction-edit', '--rules', d.rules, '--out', 'sum-s2.xlsx'],
      d.dir,
    );
    expect(text.stdout).toContain(`分数不符:昆都仑区 ${cell}「${reason}」 自评填报 是,重算为 否`);
    expect(text.stdout).not.toContain(String(sanction?.id));
  });

  it('exit 3 when a folder holds no workbooks', async () => {
    await mkdir(join(d.dir, 'empty'));
    const run = await runCli(['review', 'empty', '--rules', d.rules, '--out', 'sum-e.xlsx'], d.dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('empty 中没有找到 .xlsx 考核表');
    expect(await readdir(d.dir)).not.toContain('sum-e.xlsx');
  });
});

// Not concurrent with the others: it runs after them, adding no load to their time limits.
describe('kaohe review of a hostile workbook', () => {
  it(
    'ranks everyone when one workbook embeds rules nested 1,000 deep (checksum consistent): that one is flagged, exit 1',
    { timeout: 120_000 },
    async () => {
      // Rules an editor cannot parse (items nested 1,000 deep) embedded with a matching checksum,
      // so only the rules themselves are wrong. They once overflowed the stack: exit 70, no summary.
      await editScored('deep', (book) => {
        const meta = book.worksheets.find((w) => w.getCell('A1').value === 'kaohe-meta');
        if (!meta) throw new Error('fixture: no kaohe-meta sheet');
        let inner = '{"code":"1","title":"t","points":1}';
        for (let i = 0; i < 1000; i++)
          inner = `{"code":"1","title":"t","points":1,"items":[${inner}]}`;
        const embedded: string[] = [];
        let first = 0;
        meta.eachRow((row, n) => {
          if (row.getCell(1).value !== 'json') return;
          if (first === 0) first = n;
          embedded.push(String(row.getCell(2).value));
        });
        const json = embedded.join('').replace('"items":[', `"items":[${inner},`);
        const parts = json.match(/[\s\S]{1,30000}/g) ?? [];
        meta.eachRow((row) => {
          if (row.getCell(1).value === 'checksum')
            row.getCell(2).value = createHash('sha256').update(json, 'utf8').digest('hex');
          if (row.getCell(1).value === 'chunks') row.getCell(2).value = String(parts.length);
        });
        parts.forEach((part, i) => {
          meta.getCell(first + i, 1).value = 'json';
          meta.getCell(first + i, 2).value = part;
        });
      });
      const run = await runCli(
        ['review', 'deep', '--rules', d.rules, '--out', 'sum-deep.xlsx', '--json', '--lang', 'en'],
        d.dir,
      );
      expect(looksClean(run.stderr)).toBe(true);
      expect(run.code).toBe(1);
      const doc = JSON.parse(run.stdout) as {
        ranking: { name: string }[];
        units: {
          name: string;
          rulesAltered: boolean;
          warnings: { code: string; address: string }[];
        }[];
      };
      const demo = JSON.parse(d.json.stdout) as { ranking: { name: string }[] };
      expect(doc.ranking.map((r) => r.name)).toEqual(demo.ranking.map((r) => r.name));
      expect(doc.units.filter((u) => u.rulesAltered).map((u) => u.name)).toEqual(['昆都仑区']);
      expect(doc.units.find((u) => u.name === '昆都仑区')?.warnings).toContainEqual(
        expect.objectContaining({ code: 'rules-altered', address: 'kaohe_meta!B8' }),
      );
      expect(await readdir(d.dir)).toContain('sum-deep.xlsx');
    },
  );
});
