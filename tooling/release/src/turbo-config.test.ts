// turbo's cache must not replay a result whose inputs changed: a package's typecheck and lint
// depend on its dependencies' typecheck (so an engine change re-runs sheet's typecheck), and
// the shared configs every package reads are global inputs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './packages.ts';

interface TurboTask {
  dependsOn?: string[];
  cache?: boolean;
}
const turbo = JSON.parse(readFileSync(join(repoRoot, 'turbo.json'), 'utf8')) as {
  globalDependencies?: string[];
  tasks: Record<string, TurboTask>;
};

describe('turbo.json', () => {
  it('typecheck and lint wait for (and hash) the typecheck of what they import', () => {
    expect(turbo.tasks['typecheck']?.dependsOn).toContain('^typecheck');
    expect(turbo.tasks['lint']?.dependsOn).toContain('^typecheck');
  });

  it('the shared configs are global inputs', () => {
    for (const file of [
      'tsconfig.base.json',
      '.prettierrc.json',
      'tooling/eslint-config/index.js',
      'tooling/scripts/vitest-base.ts',
    ])
      expect(turbo.globalDependencies, file).toContain(file);
  });

  it('tests are never replayed from cache; the release check runs after the build', () => {
    expect(turbo.tasks['test']?.cache).toBe(false);
    expect(turbo.tasks['@kaohe/release-check#test']).toEqual({
      dependsOn: ['^build'],
      outputs: [],
      cache: false,
    });
  });

  it("the engine's API check runs in the test command, after the engine's build", () => {
    // API Extractor reads the built .d.ts: without the build a fresh clone would check nothing.
    expect(turbo.tasks['api:check']).toEqual({ dependsOn: ['build'], outputs: [], cache: false });
    const engine = JSON.parse(
      readFileSync(join(repoRoot, 'packages/engine/package.json'), 'utf8'),
    ) as { scripts: Record<string, string> };
    expect(engine.scripts['api:check']).toBeDefined();
    const testCommand = readFileSync(join(repoRoot, 'tooling/scripts/test.mjs'), 'utf8');
    expect(testCommand).toMatch(/'test',\s*'api:check',/);
  });
});
