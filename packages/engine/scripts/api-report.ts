// The engine's API reports (etc/*.api.md), from the built .d.ts: every name and signature that
// `@kaohe/engine` and `@kaohe/engine/internal` export, so that the surface changes only on purpose.
//   pnpm --filter @kaohe/engine api:check    fails when a report differs from the build (the test
//                                            command runs it, after the engine's build)
//   pnpm --filter @kaohe/engine api:update   builds and rewrites the reports; review and commit them
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';

const update = process.argv.includes('--update');
const project = join(import.meta.dirname, '..');
const repo = join(project, '..', '..');
const shown = (path: string): string => relative(repo, path);
const updateCommand = 'pnpm --filter @kaohe/engine api:update';

/** One report per entry point: `.` and `./internal` of package.json `exports`. The public one
 *  also spells out the types its signatures use without exporting them (they are part of the
 *  surface too); the internal one names them only, so that a public change is reported once. */
const entries = [
  { entry: 'dist/index.d.ts', report: 'engine', forgotten: true },
  { entry: 'dist/internal.d.ts', report: 'engine-internal', forgotten: false },
];

let failed = false;
const changed: { accepted: string; built: string }[] = [];
for (const { entry, report, forgotten } of entries) {
  const entryPath = join(project, entry);
  if (!existsSync(entryPath)) {
    console.error(
      `${shown(entryPath)} is missing: build the engine first (pnpm --filter @kaohe/engine build).`,
    );
    process.exit(1);
  }
  const reportFolder = join(project, 'etc');
  const tempFolder = join(project, 'temp');
  mkdirSync(reportFolder, { recursive: true });
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: project,
      mainEntryPointFilePath: entryPath,
      bundledPackages: [],
      compiler: {
        // Declarations only: what a consumer's TypeScript reads. `.ts` specifiers are kept in the
        // emitted .d.ts (rewriteRelativeImportExtensions rewrites only the JavaScript).
        overrideTsconfig: {
          compilerOptions: {
            target: 'ES2022',
            lib: ['ES2022'],
            module: 'ESNext',
            moduleResolution: 'Bundler',
            allowImportingTsExtensions: true,
            noEmit: true,
            strict: true,
            skipLibCheck: true,
            types: [],
          },
          files: [entryPath],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: report,
        reportFolder,
        reportTempFolder: tempFolder,
        includeForgottenExports: forgotten,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
        extractorMessageReporting: {
          default: { logLevel: ExtractorLogLevel.Warning },
          // No release tags (@public, @beta): the entry point says what is public.
          'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None },
          // Documentation is the README's; the report is about names and signatures.
          'ae-undocumented': { logLevel: ExtractorLogLevel.None },
          // A type used but not exported: spelled out in the public report, named in the other.
          'ae-forgotten-export': {
            logLevel: ExtractorLogLevel.None,
            addToApiReportFile: forgotten,
          },
        },
        // The comments are prose, not TSDoc.
        tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: join(project, 'package.json'),
  });
  const result = Extractor.invoke(config, {
    localBuild: update,
    messageCallback(message) {
      // Said below, once for both reports, with the command that updates them.
      if (message.messageId.startsWith('console-api-report-')) message.handled = true;
      if (message.messageId === 'console-compiler-version-notice') message.handled = true;
      // A routine line per report (analysing, writing); the warnings and errors are kept.
      if (message.logLevel === ExtractorLogLevel.Info) message.handled = true;
    },
  });
  if (!result.succeeded) failed = true;
  if (result.apiReportChanged) {
    const accepted = join(reportFolder, `${report}.api.md`);
    const built = join(tempFolder, `${report}.api.md`);
    if (update) console.log(`${shown(accepted)} updated: review the diff and commit it.`);
    else changed.push({ accepted, built });
  }
}

if (changed.length > 0) {
  for (const { accepted, built } of changed) {
    console.error(`\nThe API differs from ${shown(accepted)} (the built one: ${shown(built)}):`);
    const before = existsSync(accepted) ? shown(accepted) : '/dev/null';
    const diff = spawnSync(
      'git',
      ['diff', '--no-index', '--no-color', '--', before, shown(built)],
      {
        cwd: repo,
        encoding: 'utf8',
      },
    );
    console.error(diff.stdout || '(no diff: compare the two files)');
  }
  console.error(
    `\n引擎导出的接口变了:若是有意为之,运行 \`${updateCommand}\`,审阅并提交 etc/ 下的报告;` +
      '若非有意,恢复 src/index.ts(或 src/internal.ts)原先的导出。' +
      `\nWhat the engine exports changed. If that is meant, run \`${updateCommand}\`, then` +
      ' review and commit the report(s) under packages/engine/etc/; if not, put back what' +
      ' src/index.ts (or src/internal.ts) exported.',
  );
  failed = true;
}
process.exit(failed ? 1 : 0);
