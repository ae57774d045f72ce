// kaohe demo --cascade [--out <dir>] [--force]: an assessment round across levels, parts and
// periods, every step done by the command an official would type (template, review, rollup,
// combine — their own functions, printing their own reports), only the clerks' typing and
// self-scoring done here as `kaohe demo` does it. No key, no clock: the same run gives the same
// files, byte for byte (fixed assessment dates, unsigned workbooks).
//   1. six villages' associations certified by their township, one failing, getting its
//      整改通知书, rectifying and passing on re-assessment with its history kept;
//   2. the villages' year-end results rolled up into their townships' sheets, the townships'
//      into the county's (`kaohe rollup`);
//   3. association work combined at 20 % with the population score (`kaohe combine`);
//   4. four quarters, the counters carried from each to the next (`template --counters`),
//      combined into the year.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { msgOf, type Msg, type RuleSetInput } from '@kaohe/engine';
import {
  associationYearEnd,
  baotou2012,
  baotou2012SampleUnits,
  cascadeCounty,
  cascadeTownship,
  cascadeVillage,
  cascadeVillageQuarterly,
  grassrootsCertification,
} from '@kaohe/rulesets';
import { fillWrites, readSheet, workbookFileName, type CellValue } from '@kaohe/sheet';
import type { CommandStatus } from '../../errors.ts';
import { cascadeText as T } from '../../i18n/demo.ts';
import { writeAll } from '../../io/files.ts';
import type { Output } from '../../io/output.ts';
import { refuseExisting } from '../../io/output-policy.ts';
import { resolveInput } from '../../io/paths.ts';
import { ruleSetFromJson } from '../../io/rule-set.ts';
import { sheetFailure } from '../../io/sheet-issues.ts';
import { decodeWorkbook, patchWorkbook, readWorkbookFile } from '../../io/workbook.ts';
import { runCombine } from '../combine/combine.ts';
import { runReview } from '../review/review.ts';
import { runRollup } from '../rollup/rollup.ts';
import { scoreWorkbook } from '../score/score-workbook.ts';
import { runTemplate, type TemplateOptions } from '../template/template.ts';
import {
  ASSOCIATION,
  CERTIFICATION,
  CERTIFICATION_EVIDENCE,
  COMPOSITE_UNITS,
  COUNTY,
  COUNTY_OWN,
  FAILING_VILLAGE,
  FIRST_ASSESSED_ON,
  OTHER_TOWNSHIP,
  OTHER_VILLAGES,
  QUARTERS,
  REASSESSED_ON,
  RECTIFIED,
  TOWNSHIP,
  TOWNSHIP_OWN,
  VILLAGE_YEAR_END,
  VILLAGES,
  type DemoUnit,
  type Figures,
} from './cascade-figures.ts';
import { rosterCsv, rosterRows } from './pipeline.ts';

export interface CascadeDemoOptions {
  out?: string;
  force?: boolean;
}

/** Where the cascade demo's files go, relative to its folder (the commands print them so). */
export const CASCADE = {
  rules: 'rules',
  certification: '1-certification',
  cascade: '2-cascade',
  composite: '3-composite',
  quarters: '4-quarters',
} as const;

const RULES: readonly RuleSetInput[] = [
  grassrootsCertification,
  cascadeVillage,
  cascadeTownship,
  cascadeCounty,
  baotou2012,
  associationYearEnd,
  cascadeVillageQuarterly,
];

interface Run {
  /** The commands' output: the user's language and streams, paths relative to the folder. */
  sub: Output;
  out: Output;
  dir: string;
  force: boolean;
  /** Each command's machine-readable result, in order (the demo's --json gives them all). */
  steps: { step: string; result: unknown }[];
  step: string;
}

const rulesFile = (rs: RuleSetInput): string => join(CASCADE.rules, `${rs.id}.json`);

/** Files the demo itself writes (rules, rosters, declarations, the clerks' workbooks). */
async function put(run: Run, files: { shown: string; data: Uint8Array | string }[]): Promise<void> {
  const pending = files.map((f) => ({ ...f, path: join(run.dir, f.shown) }));
  await refuseExisting(pending, run.force);
  await writeAll(pending);
}

const csv = (units: readonly { id: string; name: string }[]): string =>
  rosterCsv([['单位代码', '单位名称'], ...units.map((u): CellValue[] => [u.id, u.name])]);

/** `kaohe template` for the units, into `<dir>/1-templates`. */
async function templates(
  run: Run,
  rules: RuleSetInput,
  dir: string,
  units: readonly DemoUnit[] | { roster: string },
  extra: Partial<TemplateOptions> = {},
): Promise<string> {
  const out = join(dir, '1-templates');
  await runTemplate(
    rulesFile(rules),
    {
      out,
      force: run.force,
      ...('roster' in units
        ? { roster: units.roster }
        : { unit: units.map((u) => `${u.id}=${u.name}${u.class ? `@${u.class}` : ''}`) }),
      ...extra,
    },
    run.sub,
  );
  return out;
}

/** The clerk's typing into a workbook's data sheet (through the codec's map, as `kaohe demo`
 *  fills it), then the self-assessment; both workbooks written. */
async function fillAndScore(
  run: Run,
  from: string,
  filledShown: string,
  scoredShown: string | undefined,
  unit: DemoUnit,
  evidence: Readonly<Record<string, boolean>> = {},
): Promise<void> {
  const bytes = await readWorkbookFile(join(run.dir, from), from);
  const read = readSheet(await decodeWorkbook(bytes, from));
  if (!read.ok) throw sheetFailure(from, read.issues);
  const { ruleSet, map } = read.value;
  const present = Object.fromEntries(
    Object.entries(evidence).filter(([id]) => unit.figures[id] !== undefined),
  );
  const filled = await patchWorkbook(
    bytes,
    fillWrites(ruleSet, map.data, {
      id: unit.id,
      name: unit.name,
      values: unit.figures,
      evidence: present,
    }),
    filledShown,
  );
  const files = [{ shown: filledShown, data: filled }];
  if (scoredShown !== undefined) {
    const scored = await scoreWorkbook(filled, filledShown, 'self');
    files.push({ shown: scoredShown, data: scored.bytes });
    await put(run, files);
    run.out.line(T.filled(scoredShown, scored.result.total ?? '—', scored.result.complete));
    return;
  }
  await put(run, files);
}

/** Templates for the units, filled and self-scored: `<dir>/1-templates`, `2-filled`, `3-scored`. */
async function round(
  run: Run,
  rules: RuleSetInput,
  dir: string,
  units: readonly DemoUnit[],
  extra: Partial<TemplateOptions> = {},
  evidence: Readonly<Record<string, boolean>> = {},
): Promise<string> {
  const t = await templates(run, rules, dir, units, extra);
  for (const u of units) {
    const file = workbookFileName(u.name);
    await fillAndScore(
      run,
      join(t, file),
      join(dir, '2-filled', file),
      join(dir, '3-scored', file),
      u,
      evidence,
    );
  }
  return join(dir, '3-scored');
}

const unitsOf = (
  list: readonly { id: string; name: string }[],
  figures: Record<string, Figures>,
): DemoUnit[] => list.map((u) => ({ ...u, figures: figures[u.id] ?? {} }));

/** 1. Certification, a failure, its notice, the rectification and the re-assessment. */
async function certification(run: Run): Promise<void> {
  const dir = CASCADE.certification;
  const rules = rulesFile(grassrootsCertification);
  run.out.line('');
  run.out.line(T.step(1, T.certify(TOWNSHIP.name, VILLAGES.length)));
  const scored = await round(
    run,
    grassrootsCertification,
    join(dir, '1-first'),
    unitsOf(VILLAGES, CERTIFICATION),
    {},
    CERTIFICATION_EVIDENCE,
  );
  const first = join(dir, '1-first', '4-summary.xlsx');
  await runReview(
    [scored],
    { rules, out: first, assessedOn: FIRST_ASSESSED_ON, force: run.force },
    run.sub,
  );
  run.out.line(T.part(T.reassess(FAILING_VILLAGE.name, FIRST_ASSESSED_ON, REASSESSED_ON)));
  // The village's next workbook carries its record; the reviewer checks it against its own.
  const again = await round(
    run,
    grassrootsCertification,
    join(dir, '2-reassessment'),
    [{ ...FAILING_VILLAGE, figures: RECTIFIED }],
    { history: first },
    CERTIFICATION_EVIDENCE,
  );
  await runReview(
    [again],
    {
      rules,
      out: join(dir, '2-reassessment', '4-summary.xlsx'),
      assessedOn: REASSESSED_ON,
      history: first,
      force: run.force,
    },
    run.sub,
  );
}

/** 2. Villages → townships → county. */
async function cascade(run: Run): Promise<void> {
  const dir = CASCADE.cascade;
  run.out.line('');
  run.out.line(T.step(2, T.rollUp(TOWNSHIP.name, COUNTY.name)));
  const townships = [
    { ...TOWNSHIP, villages: VILLAGES },
    { ...OTHER_TOWNSHIP, villages: OTHER_VILLAGES },
  ];
  await put(run, [
    ...townships.map((t) => ({
      shown: join(dir, `0-villages-${t.name}.csv`),
      data: csv(t.villages),
    })),
    { shown: join(dir, '0-townships.csv'), data: csv(townships) },
  ]);
  // The villages' year-end workbooks, township by township.
  for (const t of townships) {
    run.out.line(T.part({ zh: `${t.name}所辖村`, en: `${t.name}'s villages` }));
    await round(
      run,
      cascadeVillage,
      join(dir, '1-villages', t.name),
      unitsOf(t.villages, VILLAGE_YEAR_END),
    );
  }
  // Each township types its own figure, rolls its villages up into its sheet and scores it.
  run.out.line(T.part({ zh: '乡镇', en: 'the townships' }));
  const tDir = join(dir, '2-townships');
  const tTemplates = await templates(
    run,
    cascadeTownship,
    tDir,
    townships.map((t) => ({ id: t.id, name: t.name, figures: {} })),
  );
  for (const t of townships) {
    const file = workbookFileName(t.name);
    const filled = join(tDir, '2-filled', file);
    await fillAndScore(run, join(tTemplates, file), filled, undefined, {
      ...t,
      figures: TOWNSHIP_OWN[t.id] ?? {},
    });
    await rollUpAndScore(run, tDir, file, filled, {
      scored: join(dir, '1-villages', t.name, '3-scored'),
      rules: cascadeVillage,
      roster: join(dir, `0-villages-${t.name}.csv`),
    });
  }
  // The county: its own figure, the townships rolled up, self-scored.
  run.out.line(T.part({ zh: COUNTY.name, en: COUNTY.name }));
  const cDir = join(dir, '3-county');
  const cTemplates = await templates(run, cascadeCounty, cDir, [{ ...COUNTY, figures: {} }]);
  const file = workbookFileName(COUNTY.name);
  const filled = join(cDir, '2-filled', file);
  await fillAndScore(run, join(cTemplates, file), filled, undefined, {
    ...COUNTY,
    figures: COUNTY_OWN,
  });
  await rollUpAndScore(run, cDir, file, filled, {
    scored: join(tDir, '4-scored'),
    rules: cascadeTownship,
    roster: join(dir, '0-townships.csv'),
  });
}

/** The children's scored workbooks rolled up into the parent's filled one (`kaohe rollup`),
 *  which is then self-scored into `<partDir>/4-scored` and its total said. */
async function rollUpAndScore(
  run: Run,
  partDir: string,
  file: string,
  filled: string,
  children: { scored: string; rules: RuleSetInput; roster: string },
): Promise<void> {
  const rolled = join(partDir, '3-rolled-up', file);
  await runRollup(
    [children.scored],
    {
      rules: rulesFile(children.rules),
      children: children.roster,
      into: filled,
      out: rolled,
      force: run.force,
    },
    run.sub,
  );
  const bytes = await readWorkbookFile(join(run.dir, rolled), rolled);
  const scored = await scoreWorkbook(bytes, rolled, 'self');
  const shown = join(partDir, '4-scored', file);
  await put(run, [{ shown, data: scored.bytes }]);
  run.out.line(T.filled(shown, scored.result.total ?? '—', scored.result.complete));
}

/** 3. Association work at 20 % of the population score. */
async function composite(run: Run): Promise<void> {
  const dir = CASCADE.composite;
  run.out.line('');
  run.out.line(T.step(3, T.combine));
  const sample = baotou2012SampleUnits.filter((u) =>
    (COMPOSITE_UNITS as readonly string[]).includes(u.id),
  );
  // The population part: the Baotou sample units, last year's figures from the roster.
  const loaded = ruleSetFromJson(baotou2012, 'baotou-2012.json');
  const roster = join(dir, '0-roster.csv');
  await put(run, [{ shown: roster, data: rosterCsv(rosterRows(loaded, sample)) }]);
  run.out.line(T.part({ zh: msgOf(baotou2012.title).zh, en: msgOf(baotou2012.title).en }));
  const pDir = join(dir, 'population');
  const pTemplates = await templates(run, baotou2012, pDir, { roster });
  for (const u of sample) {
    const file = workbookFileName(u.name);
    await fillAndScore(
      run,
      join(pTemplates, file),
      join(pDir, '2-filled', file),
      join(pDir, '3-scored', file),
      { id: u.id, name: u.name, figures: u.values as Figures },
      Object.fromEntries(Object.entries(u.evidence ?? {}).map(([k, v]) => [k, v === true])),
    );
  }
  await runReview(
    [join(pDir, '3-scored')],
    { rules: rulesFile(baotou2012), out: join(pDir, '4-summary.xlsx'), force: run.force },
    run.sub,
  );
  // The association part: the same units.
  run.out.line(
    T.part({ zh: msgOf(associationYearEnd.title).zh, en: msgOf(associationYearEnd.title).en }),
  );
  const aDir = join(dir, 'association');
  const evidence = Object.fromEntries(
    associationYearEnd.inputs.filter((d) => d.evidence).map((d) => [d.id, true]),
  );
  const aScored = await round(
    run,
    associationYearEnd,
    aDir,
    sample.map((u) => ({
      id: u.id,
      name: u.name,
      class: 'other',
      figures: ASSOCIATION[u.id] ?? {},
    })),
    {},
    evidence,
  );
  await runReview(
    [aScored],
    {
      rules: rulesFile(associationYearEnd),
      out: join(aDir, '4-summary.xlsx'),
      force: run.force,
    },
    run.sub,
  );
  const declaration = join(dir, 'combination.json');
  await put(run, [
    {
      shown: declaration,
      data: `${JSON.stringify(
        {
          kind: 'combination',
          id: 'population-composite',
          title: '人口和计划生育目标管理责任制考核综合得分',
          year: baotou2012.year,
          weights: 'percent',
          outOf: 100,
          rounding: { dp: 2, mode: 'half-up' },
          parts: [
            {
              id: 'population',
              label: '人口计生工作',
              summary: join('population', '4-summary.xlsx'),
              ruleSet: baotou2012.id,
              weight: 80,
            },
            {
              id: 'association',
              label: '计生协会工作',
              summary: join('association', '4-summary.xlsx'),
              ruleSet: associationYearEnd.id,
              weight: 20,
              noCommendationGrades: ['backward'],
            },
          ],
        },
        null,
        2,
      )}\n`,
    },
  ]);
  await runCombine(declaration, { out: join(dir, 'composite.xlsx'), force: run.force }, run.sub);
}

/** 4. Four quarters, the counters carried, combined into the year. */
async function quarters(run: Run): Promise<void> {
  const dir = CASCADE.quarters;
  run.out.line('');
  run.out.line(T.step(4, T.quarters(TOWNSHIP.name, VILLAGES.length)));
  const rules = rulesFile(cascadeVillageQuarterly);
  for (const [i, figures] of QUARTERS.entries()) {
    const n = i + 1;
    run.out.line(T.part(T.quarter(n)));
    const qDir = join(dir, `q${n}`);
    const scored = await round(
      run,
      cascadeVillageQuarterly,
      qDir,
      unitsOf(VILLAGES, figures),
      n > 1 ? { counters: join(dir, `q${n - 1}`, '4-summary.xlsx') } : {},
    );
    await runReview(
      [scored],
      { rules, out: join(qDir, '4-summary.xlsx'), force: run.force },
      run.sub,
    );
  }
  run.out.line(T.part({ zh: '全年', en: 'the year' }));
  const declaration = join(dir, 'year.json');
  await put(run, [
    {
      shown: declaration,
      data: `${JSON.stringify(
        {
          kind: 'combination',
          id: 'quarters-year',
          title: `${TOWNSHIP.name}村级计划生育工作全年考核(四个季度合成)`,
          year: cascadeVillageQuarterly.year,
          weights: 'ratio',
          rounding: { dp: 2, mode: 'half-up' },
          parts: QUARTERS.map((_, i) => ({
            id: `q${i + 1}`,
            label: `第${'一二三四'[i]}季度`,
            summary: join(`q${i + 1}`, '4-summary.xlsx'),
            ruleSet: cascadeVillageQuarterly.id,
            weight: 1,
          })),
        },
        null,
        2,
      )}\n`,
    },
  ]);
  await runCombine(declaration, { out: join(dir, 'year.xlsx'), force: run.force }, run.sub);
}

export async function runCascadeDemo(
  options: CascadeDemoOptions,
  out: Output,
): Promise<CommandStatus> {
  const dir =
    options.out === undefined
      ? await mkdtemp(join(tmpdir(), 'kaohe-demo-cascade-'))
      : resolveInput(out, options.out);
  const shownDir = options.out ?? dir;
  const steps: Run['steps'] = [];
  const run: Run = {
    out,
    dir,
    force: options.force === true,
    steps,
    step: '',
    sub: {
      lang: out.lang,
      json: out.json,
      streams: { ...out.streams, cwd: dir },
      text: (m: Msg) => out.text(m),
      line: (t) => out.line(t),
      note: (t) => out.note(t),
      result: (value) => steps.push({ step: run.step, result: value }),
    },
  };
  out.line(T.heading(shownDir));
  await put(
    run,
    RULES.map((rs) => ({ shown: rulesFile(rs), data: `${JSON.stringify(rs, null, 2)}\n` })),
  );
  run.step = 'certification';
  await certification(run);
  run.step = 'cascade';
  await cascade(run);
  run.step = 'composite';
  await composite(run);
  run.step = 'quarters';
  await quarters(run);
  out.line('');
  out.line(T.done(shownDir));
  out.result({ command: 'demo', cascade: true, outDir: shownDir, dirs: CASCADE, steps });
  return 'ok';
}
