// kaohe demo [--out <dir>]: the Baotou 2012 example end to end — templates for the sample
// units, filled, scored, reviewed — and the ranking printed in Chinese.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { msgOf } from '@kaohe/engine';
import { baotou2012, baotou2012SampleUnits } from '@kaohe/rulesets';
import type { CommandStatus } from '../../errors.ts';
import { demoText } from '../../i18n/demo.ts';
import { writeAll } from '../../io/files.ts';
import type { Output } from '../../io/output.ts';
import { refuseExisting } from '../../io/output-policy.ts';
import { rankingRows } from '../../report/ranking.ts';
import { resolveInput } from '../../io/paths.ts';
import { startProgress } from '../../io/progress.ts';
import { ruleSetFromJson } from '../../io/rule-set.ts';
import { encodeSummary } from '../../io/workbook.ts';
import { printReview } from '../review/print.ts';
import {
  buildDemo,
  DEMO_DIRS,
  DEMO_EDITION,
  DEMO_ROSTER,
  DEMO_SUMMARY,
  DEMO_TRUST,
} from './pipeline.ts';

/** The sample unit that raises a prefilled baseline (last year's figure) in its data sheet. */
const DEMO_TAMPER = 'gyx';

export interface DemoOptions {
  out?: string;
  force?: boolean;
  /** The round across levels, parts and periods instead (./cascade.ts). */
  cascade?: boolean;
}

export async function runDemo(options: DemoOptions, out: Output): Promise<CommandStatus> {
  if (options.cascade === true) return (await import('./cascade.ts')).runCascadeDemo(options, out);
  const loaded = ruleSetFromJson(baotou2012, 'baotou-2012.json');
  const units = baotou2012SampleUnits;
  const outDir =
    options.out === undefined
      ? await mkdtemp(join(tmpdir(), 'kaohe-demo-'))
      : resolveInput(out, options.out);
  const shownDir = options.out ?? outDir;
  const rulesFile = `${loaded.ruleSet.id}.json`;
  // Refused before the work when the folder already holds an earlier demo; every file after.
  const early = [rulesFile, DEMO_SUMMARY].map((f) => ({
    path: join(outDir, f),
    shown: join(shownDir, f),
    data: '',
  }));
  await refuseExisting(early, options.force);

  const progress = startProgress(out, units.length, out.text(demoText.progress));
  const run = await buildDemo(
    loaded,
    units,
    outDir,
    (name) => progress.tick(name),
    DEMO_TAMPER,
  ).finally(() => progress.stop());
  const files = [
    {
      path: join(outDir, rulesFile),
      shown: join(shownDir, rulesFile),
      data: `${JSON.stringify(baotou2012, null, 2)}\n`,
    },
    ...run.files.map((f) => ({ ...f, shown: join(shownDir, f.shown) })),
    {
      path: join(outDir, DEMO_SUMMARY),
      shown: join(shownDir, DEMO_SUMMARY),
      data: await encodeSummary(run.review.summary),
    },
  ];
  await refuseExisting(files, options.force);
  await writeAll(files);

  const heading = demoText.heading(out.text(msgOf(loaded.ruleSet.title)), units.length);
  const ranking = printReview(
    run.review,
    rankingRows(run.review.cohort),
    loaded.ruleSet,
    out,
    heading,
  );
  out.line('');
  out.line(demoText.signed(DEMO_EDITION, DEMO_ROSTER, DEMO_TRUST, run.publicKey));
  const t = run.tamper;
  if (t) {
    const caught =
      run.review.units.find((u) => u.unitId === t.unitId)?.prefill?.status === 'altered';
    out.line(demoText.tampered(t.name, t.address, String(t.issued), String(t.typed), caught));
  }
  out.line(demoText.outDir(shownDir));
  out.result({
    command: 'demo',
    outDir: shownDir,
    dirs: DEMO_DIRS,
    summary: DEMO_SUMMARY,
    ruleSet: {
      id: loaded.ruleSet.id,
      edition: loaded.ruleSet.edition,
      title: msgOf(loaded.ruleSet.title),
      file: rulesFile,
    },
    ranking,
    grades: run.review.cohort.grades,
    findings: run.review.findings,
    edition: DEMO_EDITION,
    roster: DEMO_ROSTER,
    trust: DEMO_TRUST,
    tamper: run.tamper ?? null,
    issues: run.review.cohort.issues,
  });
  return 'ok';
}
