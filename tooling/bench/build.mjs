// Bundles the benchmarks from source (the @kaohe/source condition) so they run on plain
// Node, without a TypeScript loader's wrappers in the figures.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/run.ts', 'src/cohort.ts', 'src/unit.ts', 'src/bench30.ts', 'src/examples.ts'],
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['@kaohe/source'],
  packages: 'bundle',
  // zen-engine loads a native module for the platform: left to Node's resolution.
  external: ['exceljs', '@gorules/zen-engine'],
  logLevel: 'warning',
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
});
