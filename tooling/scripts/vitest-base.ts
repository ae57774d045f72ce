// Shared vitest settings: resolve workspace packages to source, and leave a JSON report
// that tooling/scripts/test.mjs adds up into one closing line for CI.
import { defineConfig, type ViteUserConfig } from 'vitest/config';

export function kaoheVitest(extra: ViteUserConfig['test'] = {}): ViteUserConfig {
  return defineConfig({
    resolve: { conditions: ['@kaohe/source', 'module', 'browser', 'development|production'] },
    ssr: { resolve: { conditions: ['@kaohe/source', 'module', 'node', 'development|production'] } },
    test: {
      include: ['src/**/*.test.{ts,tsx}', '__tests__/**/*.test.{ts,tsx}'],
      reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
      // The suite runs on shared 2-core machines: vitest's 5 s default failed a first run there
      // on a 0.7 s test. CPU-heavy tests set their own, larger timeouts.
      testTimeout: 60_000,
      hookTimeout: 120_000,
      ...extra,
    },
  });
}
