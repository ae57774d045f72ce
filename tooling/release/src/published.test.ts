// The five public packages as a consumer gets them: packed by pnpm (which rewrites workspace:*),
// checked by attw (ESM-only profile), installed into an empty project outside the workspace, and
// used there: `npx kaohe --help`, `npx kaohe demo`, a Node script importing every package and a
// TypeScript consumer type-checked with skipLibCheck: false.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_DIRS, pnpm, readManifest, repoRoot, run, type Manifest } from './packages.ts';

const require = createRequire(import.meta.url);
const work = mkdtempSync(join(tmpdir(), 'kaohe-release-'));
const packs = join(work, 'packs');
const consumer = join(work, 'consumer');
const tarballs = new Map<string, string>(); // package name → tarball path

function tarList(tgz: string): string[] {
  const r = run('tar', ['-tzf', tgz], work);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('\n').filter(Boolean);
}

function tarManifest(tgz: string): Manifest {
  const r = run('tar', ['-xzOf', tgz, 'package/package.json'], work);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Manifest;
}

function exportTargets(e: unknown): string[] {
  if (typeof e === 'string') return [e];
  if (e && typeof e === 'object') return Object.values(e).flatMap(exportTargets);
  return [];
}

function conditionNames(e: unknown): string[] {
  if (!e || typeof e !== 'object') return [];
  return Object.entries(e).flatMap(([k, v]) => [k, ...conditionNames(v)]);
}

beforeAll(() => {
  const { cmd, pre } = pnpm();
  for (const dir of PUBLIC_DIRS) {
    const m = readManifest(dir);
    const r = run(cmd, [...pre, 'pack', '--pack-destination', packs], join(repoRoot, dir));
    expect(r.status, `${m.name}: pnpm pack failed\n${r.stdout}\n${r.stderr}`).toBe(0);
    const file = readdirSync(packs).find(
      (f) => f === `${m.name.replace('@', '').replace('/', '-')}-${m.version}.tgz`,
    );
    if (!file) throw new Error(`${m.name}: no tarball in ${readdirSync(packs).join(', ')}`);
    tarballs.set(m.name, join(packs, file));
  }
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed tarballs', () => {
  it.each(PUBLIC_DIRS)('%s ships its build, README and LICENSE, and no sources or maps', (dir) => {
    const m = readManifest(dir);
    const files = tarList(tarballs.get(m.name)!);
    for (const f of ['package/package.json', 'package/README.md', 'package/LICENSE'])
      expect(files).toContain(f);
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/index.d.ts');
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('package/src/'))).toEqual([]);
    expect(files.filter((f) => /\.(test|bench)\.|__tests__/.test(f))).toEqual([]);
    // Every file the published exports and bin name is in the tarball.
    const packed = tarManifest(tarballs.get(m.name)!);
    for (const target of [...exportTargets(packed.exports), ...Object.values(packed.bin ?? {})]) {
      const path = `package/${target.replace(/^\.\//, '')}`;
      if (path.includes('*')) {
        const re = new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '.+')}$`);
        expect(
          files.some((f) => re.test(f)),
          `${m.name}: nothing matches ${target}`,
        ).toBe(true);
      } else expect(files, `${m.name}: ${target} is not packed`).toContain(path);
    }
  });

  it.each(PUBLIC_DIRS)('%s publishes a complete manifest with real version ranges', (dir) => {
    const m = readManifest(dir);
    const packed = tarManifest(tarballs.get(m.name)!);
    expect(packed.license).toBe('MIT');
    expect(packed.engines?.['node']).toBe(readManifest('.').engines?.['node']);
    expect(packed.repository?.directory).toBe(dir);
    expect(packed.repository?.url).toBe(readManifest('packages/engine').repository?.url);
    // The source condition points at src/, which is not shipped: it must not be published.
    expect(conditionNames(packed.exports)).not.toContain('@kaohe/source');
    const ranges = { ...packed.dependencies, ...packed.peerDependencies };
    for (const [name, range] of Object.entries(ranges)) {
      expect(range, `${m.name} → ${name}`).not.toMatch(/^workspace:/);
      // Siblings are released together (one fixed group): an exact version, the same as ours.
      if (name.startsWith('@kaohe/')) expect(range, `${m.name} → ${name}`).toBe(m.version);
    }
  });

  it.each(PUBLIC_DIRS)('%s passes attw with the ESM-only profile', (dir) => {
    const m = readManifest(dir);
    const attw = require
      .resolve('@arethetypeswrong/cli/package.json')
      .replace(/package\.json$/, '');
    const bin = join(attw, (require(join(attw, 'package.json')) as Manifest).bin!['attw']!);
    const r = run(
      process.execPath,
      [bin, tarballs.get(m.name)!, '--profile', 'esm-only', '--format', 'ascii'],
      work,
    );
    expect(r.status, `${m.name}\n${r.stdout}\n${r.stderr}`).toBe(0);
  });
});

describe('installed into an empty project', () => {
  beforeAll(() => {
    const root = readManifest('.');
    mkdirSync(consumer, { recursive: true });
    const files = Object.fromEntries([...tarballs].map(([name, path]) => [name, `file:${path}`]));
    const cli = readManifest('apps/cli');
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify(
        {
          name: 'kaohe-consumer',
          private: true,
          type: 'module',
          dependencies: files,
          devDependencies: {
            typescript: root.devDependencies!['typescript'],
            '@types/node': cli.devDependencies!['@types/node'],
          },
          // The packages are not on any registry yet: every @kaohe/* range resolves to its tarball.
          pnpm: { overrides: files },
        },
        null,
        2,
      ),
    );
    const { cmd, pre } = pnpm();
    const r = run(
      cmd,
      [
        ...pre,
        'install',
        '--prefer-offline',
        '--ignore-workspace',
        '--config.auto-install-peers=true',
      ],
      consumer,
    );
    expect(r.status, `install failed\n${r.stdout}\n${r.stderr}`).toBe(0);
  });

  it('`npx kaohe --help` prints the usage', () => {
    const r = run('npx', ['--no', '--', 'kaohe', '--help'], consumer);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/kaohe/);
    expect(r.stdout).toContain('validate');
    expect(r.stdout).toContain('review');
  });

  it('`npx kaohe demo` ranks and grades the example units', () => {
    const r = run('npx', ['--no', '--', 'kaohe', 'demo'], consumer);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('昆都仑区');
    expect(r.stdout).toMatch(/优秀|先进|合格/);
  });

  it('a Node script imports every package and scores a unit', () => {
    const script = join(consumer, 'use.mjs');
    writeFileSync(
      script,
      [
        "import { parseRuleSet, compileRuleSet, scoreUnit } from '@kaohe/engine';",
        "import { baotou2012 } from '@kaohe/rulesets';",
        "import { buildTemplate, ruleSetChecksum } from '@kaohe/sheet';",
        "import { readWorkbook } from '@kaohe/xlsx';",
        "import { EXIT } from '@kaohe/cli';",
        "import schema from '@kaohe/engine/rule-set.schema.json' with { type: 'json' };",
        'const parsed = parseRuleSet(baotou2012);',
        "if (!parsed.ok) throw new Error('example rule set invalid');",
        'const result = scoreUnit(compileRuleSet(parsed.value), { id: "u", name: "单位", values: {} });',
        'console.log(JSON.stringify({ total: typeof result.total, checksum: ruleSetChecksum(parsed.value).length,',
        '  template: typeof buildTemplate, read: typeof readWorkbook, exit: EXIT.internal, schema: typeof schema }));',
      ].join('\n'),
    );
    const r = run(process.execPath, [script], consumer);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      total: 'string',
      checksum: 64,
      template: 'function',
      read: 'function',
      exit: 70,
      schema: 'object',
    });
  });

  it('a TypeScript consumer type-checks with skipLibCheck: false', () => {
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          skipLibCheck: false,
          noEmit: true,
          types: ['node'],
        },
        include: ['index.ts'],
      }),
    );
    writeFileSync(
      join(consumer, 'index.ts'),
      [
        "import { parseRuleSet, compileRuleSet, scoreUnit, type UnitResult, type RuleSet } from '@kaohe/engine';",
        "import { baotou2012 } from '@kaohe/rulesets';",
        "import { buildTemplate } from '@kaohe/sheet';",
        "import { readWorkbook } from '@kaohe/xlsx';",
        "import { EXIT, exitCodeOf } from '@kaohe/cli';",
        'const parsed = parseRuleSet(baotou2012);',
        'if (parsed.ok) {',
        '  const rs: RuleSet = parsed.value;',
        "  const r: UnitResult = scoreUnit(compileRuleSet(rs), { id: 'u', name: '单位', values: {} });",
        '  console.log(r.total, buildTemplate, readWorkbook, EXIT.ok, exitCodeOf);',
        '}',
      ].join('\n'),
    );
    const tsc = join(consumer, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = run(process.execPath, [tsc, '-p', consumer], consumer);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
