// kaohe keys new / publish / verify / trust (issue 15): the real CLI on real files. Tampers
// tried: a threshold edited, the same with its checksum recomputed, a signature copied from
// another edition, an unknown key, a revoked key; untouched files pass, the chain holds.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallRuleSet } from './fixtures.ts';
import { runCli, tempDir } from './run-cli.ts';

let dir = '';
let line = '';
const env = { KAOHE_PASSPHRASE: '县计生委口令2013' };
const T = ['--trust', 'trust.json'];

beforeAll(async () => {
  dir = await tempDir();
  await writeFile(join(dir, 'rules.json'), JSON.stringify(smallRuleSet()));
  await writeFile(join(dir, 'rules2.json'), JSON.stringify({ ...smallRuleSet(), edition: 2 }));
  // A trust list that trusts nobody (a named list must exist: a mistyped name is no empty list).
  await writeFile(
    join(dir, 'empty.json'),
    JSON.stringify({ kaohe: 'trust', version: 1, keys: [], revoked: [] }),
  );
  const made = await runCli(
    ['keys', 'new', '--issuer', '某县人口计生局', '--years', '2012-2014', '--out', 'k.key'],
    dir,
    { env },
  );
  expect(made.code).toBe(0);
  line = made.stdout.split('\n').find((l) => l.startsWith('kaohe-ed25519')) ?? '';
  expect(made.stdout).toMatch(/指纹:[0-9A-F]{4} /);
  const added = await runCli(['trust', 'add', line, ...T], dir);
  expect(added.code).toBe(0);
  for (const [rules, out, prev] of [
    ['rules.json', 'e1.json', []],
    ['rules2.json', 'e2.json', ['--previous', 'e1.json']],
  ] as const) {
    const run = await runCli(
      ['publish', rules, '--key', 'k.key', '--out', out, ...prev, ...T],
      dir,
      {
        env,
      },
    );
    expect(run.code, run.stderr).toBe(0);
  }
}, 120_000);

describe('signed editions from the command line', () => {
  it('keeps the secret key readable by its owner only', async () => {
    expect((await stat(join(dir, 'k.key'))).mode & 0o077).toBe(0);
  });

  it('verifies untouched editions, names the signer and the chain: exit 0', async () => {
    const run = await runCli(['verify', 'e1.json', 'e2.json', ...T], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✓ e1.json:正式版本:由某县人口计生局签发(指纹');
    expect(run.stdout).toContain('✓ 版本链完整(2 个版本)');
  });

  it('catches an edited threshold, with or without the checksum recomputed, and a copied signature', async () => {
    const e1 = JSON.parse(await readFile(join(dir, 'e1.json'), 'utf8')) as {
      ruleSet: string;
      envelope: { payload: string; signatures: unknown };
    };
    const e2 = JSON.parse(await readFile(join(dir, 'e2.json'), 'utf8')) as typeof e1;
    const edited = e1.ruleSet.replace('"target":90', '"target":80');
    expect(edited).not.toBe(e1.ruleSet);
    await writeFile(join(dir, 'a.json'), JSON.stringify({ ...e1, ruleSet: edited }));
    const statement = JSON.parse(Buffer.from(e1.envelope.payload, 'base64').toString()) as Record<
      string,
      unknown
    >;
    const { createHash } = await import('node:crypto');
    statement.ruleSetSha256 = createHash('sha256').update(edited).digest('hex');
    const payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    await writeFile(
      join(dir, 'b.json'),
      JSON.stringify({ ...e1, ruleSet: edited, envelope: { ...e1.envelope, payload } }),
    );
    await writeFile(
      join(dir, 'c.json'),
      JSON.stringify({ ...e1, envelope: { ...e1.envelope, signatures: e2.envelope.signatures } }),
    );
    const run = await runCli(['verify', 'a.json', 'b.json', 'c.json', ...T], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ a.json:考核办法内容与签名不符(已被改动)');
    expect(run.stdout).toMatch(/✗ b\.json:签名无效/);
    expect(run.stdout).toMatch(/✗ c\.json:签名无效/);
    expect(run.stdout).toContain('共 3 个文件:0 个通过验证,3 个未通过');
  });

  it('trust add of a key already there says so and leaves the list as it was', async () => {
    const before = await readFile(join(dir, 'trust.json'), 'utf8');
    const again = await runCli(['trust', 'add', line, ...T], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('已在信任列表中:某县人口计生局(指纹');
    expect(await readFile(join(dir, 'trust.json'), 'utf8')).toBe(before);
    const bad = await runCli(['trust', 'add', 'kaohe-ed25519 0123', ...T], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('公钥格式不正确');
  });

  it('an untrusted store and a revoked key are refused', async () => {
    const none = await runCli(['verify', 'e1.json', '--trust', 'empty.json'], dir);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('不在信任列表中');
    // Revoked by the fingerprint as the notice prints it (groups of four, upper case).
    const fingerprint = (line.split(' ')[1] ?? '').toUpperCase().replace(/(.{4})(?=.)/g, '$1 ');
    await writeFile(join(dir, 'revoked.json'), await readFile(join(dir, 'trust.json')));
    const rv = await runCli(
      ['trust', 'revoke', fingerprint, '--reason', '私钥遗失', '--trust', 'revoked.json'],
      dir,
    );
    expect(rv.code).toBe(0);
    const run = await runCli(['verify', 'e1.json', '--trust', 'revoked.json'], dir);
    expect(run.stdout).toContain('已被吊销:私钥遗失');
    const list = await runCli(['trust', 'list', '--trust', 'revoked.json'], dir);
    expect(list.stdout).toContain('某县人口计生局');
    expect(list.stdout).toContain('已吊销:私钥遗失');
  });

  it('a template made from a trusted edition carries it: score says who issued the rules', async () => {
    const made = await runCli(
      ['template', 'e1.json', '--unit', '甲县', '--out', 'jia.xlsx', ...T],
      dir,
    );
    expect(made.code, made.stderr).toBe(0);
    const scored = await runCli(['score', 'jia.xlsx', ...T], dir);
    expect(scored.stdout).toContain('正式版本:由某县人口计生局签发(指纹');
    // The same workbook where the edition's key is not trusted: refused, unless --unsigned.
    const refused = await runCli(
      ['score', 'jia.xlsx', '--out', 'r.xlsx', '--trust', 'empty.json'],
      dir,
    );
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('内的规则未通过验证,不予计分');
    await expect(stat(join(dir, 'r.xlsx'))).rejects.toThrow();
    const draft = await runCli(
      ['score', 'jia.xlsx', '--out', 'd.xlsx', '--trust', 'empty.json', '--unsigned'],
      dir,
    );
    expect(draft.stdout).toContain('按 --unsigned 计分,结果不是正式版本的得分');
    // An edition whose key is not trusted cannot be made into templates at all.
    const untrusted = await runCli(
      ['template', 'e1.json', '--unit', '乙县', '--out', 'yi.xlsx', '--trust', 'empty.json'],
      dir,
    );
    expect(untrusted.code).toBe(3);
    expect(untrusted.stderr).toContain('e1.json 不是可信的正式版本');
  }, 120_000);

  it('review flags each workbook whose rules are not a trusted edition', async () => {
    const signed = await runCli(
      ['template', 'e1.json', '--unit', '丙县', '--out', 'bing.xlsx', ...T],
      dir,
    );
    expect(signed.code, signed.stderr).toBe(0);
    const plain = await runCli(
      ['template', 'rules.json', '--unit', '丁县', '--out', 'ding.xlsx'],
      dir,
    );
    expect(plain.code, plain.stderr).toBe(0);
    const run = await runCli(
      [
        'review',
        'bing.xlsx',
        'ding.xlsx',
        '--rules',
        'e1.json',
        '--out',
        'sum.xlsx',
        ...T,
        '--json',
      ],
      dir,
    );
    const doc = JSON.parse(run.stdout) as {
      units: { name: string; edition?: { status: string } }[];
      findings: { unverified: number };
    };
    expect(Object.fromEntries(doc.units.map((u) => [u.name, u.edition?.status]))).toEqual({
      丙县: 'trusted',
      丁县: 'unsigned',
    });
    expect(doc.findings.unverified).toBe(1);
    const human = await runCli(
      ['review', 'bing.xlsx', 'ding.xlsx', '--rules', 'e1.json', '--out', 'sum2.xlsx', ...T],
      dir,
    );
    expect(human.stdout).toContain('非可信正式版本:丁县(ding.xlsx):规则未签名(草稿,非正式版本)');
  }, 120_000);

  it('a trust list named but not there is an error, not an empty list; a bad key id is refused', async () => {
    const missing = await runCli(['verify', 'e1.json', '--trust', 'no-such.json'], dir);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('信任列表文件 no-such.json 不存在');
    const bad = await runCli(['trust', 'revoke', 'not-a-key', '--trust', 'trust.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('不是密钥编号');
    await writeFile(
      join(dir, 'broken.json'),
      JSON.stringify({ kaohe: 'trust', version: 1, keys: [], revoked: [null] }),
    );
    const broken = await runCli(['verify', 'e1.json', '--trust', 'broken.json'], dir);
    expect(broken.code).toBe(3);
    expect(broken.stderr).toContain('信任列表格式不正确(revoked.0)');
  });

  it('refuses a wrong passphrase and does not publish', async () => {
    const run = await runCli(['publish', 'rules.json', '--key', 'k.key', '--out', 'x.json'], dir, {
      env: { KAOHE_PASSPHRASE: 'not the passphrase' },
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('口令不正确');
    await expect(stat(join(dir, 'x.json'))).rejects.toThrow();
  });
});
