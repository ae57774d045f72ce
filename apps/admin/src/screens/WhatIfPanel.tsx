// What-if: last year's returned workbooks (and, beside them, last year's review summary) scored
// under the last edition and under the draft (in a Web Worker), and who moves: total, rank,
// grade, veto; items the draft cannot score for lack of a figure are listed as such, never as 0.
// Once read, the cohort stays in the worker and the draft is rescored a moment after each edit
// (schedule.ts): the table shown is always said to be the current draft's or an earlier one's.
// One unit's workbook can also be opened alone, to see its result under the draft.
import {
  Caption1,
  makeStyles,
  MessageBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
  Title3,
} from '@fluentui/react-components';
import type { Issue, Msg, UnitInput } from '@kaohe/engine';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Doc } from '../doc/open.ts';
import { useMsg } from '../i18n/msg.ts';
import { FileButton } from './FileButton.tsx';
import { firstProblem, type WhatIf } from '../whatif/compare.ts';
import type { ChosenFile, Rescored, WhatIfReply, WhatIfRequest } from '../whatif/protocol.ts';
import { RescoreScheduler } from '../whatif/schedule.ts';
import { UnitResult } from './UnitResult.tsx';

const useStyles = makeStyles({
  // One column that never grows past the window: a wide table scrolls in its own box.
  panel: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalM,
    maxWidth: '1100px',
  },
  results: { display: 'grid', gap: tokens.spacingVerticalS },
  scroll: { overflowX: 'auto' },
  down: { color: tokens.colorPaletteRedForeground1 },
  up: { color: tokens.colorPaletteGreenForeground1 },
  // An earlier draft's results: kept in view while the current one is rescored, but faded.
  stale: { opacity: 0.55 },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

const newWorker = () =>
  new Worker(new URL('../whatif/worker.ts', import.meta.url), { type: 'module' });

/** One request to a worker of its own (one unit's workbook read), ended after its reply. */
function ask(req: WhatIfRequest): Promise<WhatIfReply> {
  const worker = newWorker();
  return new Promise<WhatIfReply>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<WhatIfReply>) => resolve(e.data);
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage(req);
  }).finally(() => worker.terminate());
}

const readFiles = (files: readonly File[]): Promise<ChosenFile[]> =>
  Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));

/** Each draft (an immutable document: every edit makes a new one) gets a revision once; the
 *  same draft again, after an undo, has its own again — its results are still its own. */
const revisions = new WeakMap<Doc, number>();
let lastRevision = 0;
function revisionOf(doc: Doc): number {
  let rev = revisions.get(doc);
  if (rev === undefined) revisions.set(doc, (rev = ++lastRevision));
  return rev;
}

/** The cohort as read by the worker: what does not depend on the draft. */
type Cohort = Omit<
  Extract<WhatIfReply, { type: 'cohort'; ok: true }>,
  'rescored' | 'rev' | 'type' | 'ok'
>;

interface Opened {
  name: string;
  unit: UnitInput;
  warnings: Msg[];
  /** Counts the files opened, so that each new one is shown at once. */
  seq: number;
}

const DELAY_MS = 400;
/** A returned workbook's warnings shown at most (a sheet left blank gives one a figure). */
const SHOWN_WARNINGS = 3;

export function WhatIfPanel(props: { base: Doc; doc: Doc; issues: readonly Issue[] }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const msg = useMsg();
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState<string>();
  const [cohort, setCohort] = useState<Cohort>();
  /** The last results the worker gave, and the draft revision they are of. */
  const [shown, setShown] = useState<{ rev: number; result: WhatIf }>();
  const [refused, setRefused] = useState<{ rev: number; message: Msg }>();
  const [opened, setOpened] = useState<Opened>();
  const [opening, setOpening] = useState<string>();
  const [openFailed, setOpenFailed] = useState<{ name: string; message: Msg }>();

  const rev = revisionOf(props.doc);
  const problem = useMemo(() => firstProblem(props.issues), [props.issues]);
  const now = useRef({ rev, doc: props.doc, problem });
  now.current = { rev, doc: props.doc, problem };
  const worker = useRef<{ worker: Worker; scheduler: RescoreScheduler<Doc> }>(undefined);

  const stop = () => {
    worker.current?.scheduler.dispose();
    worker.current?.worker.terminate();
    worker.current = undefined;
  };
  useEffect(() => stop, []);

  // Each edit of the draft: rescored after a pause, if a cohort is read (or being read).
  useEffect(() => {
    worker.current?.scheduler.change(rev, props.doc, !problem);
  }, [rev, props.doc, problem]);

  const took = (at: number, rescored: Rescored) => {
    if (rescored.ok) {
      setShown({ rev: at, result: rescored.result });
      setRefused(undefined);
    } else setRefused({ rev: at, message: rescored.message });
  };

  /** No cohort (another being read, or the worker lost): nothing shown as if rescored. */
  const drop = () => {
    stop();
    setCohort(undefined);
    setShown(undefined);
    setRefused(undefined);
  };

  const load = async (files: readonly File[]) => {
    drop();
    setLoading(true);
    setFailed(undefined);
    let chosen: ChosenFile[];
    try {
      chosen = await readFiles(files);
    } catch (e) {
      setLoading(false);
      setFailed(e instanceof Error ? e.message : String(e));
      return;
    }
    const w = newWorker();
    const at = now.current;
    const scheduler = new RescoreScheduler<Doc>(
      {
        delayMs: DELAY_MS,
        send: (r, draft) =>
          w.postMessage({ type: 'rescore', rev: r, draft } satisfies WhatIfRequest),
      },
      { rev: at.rev, draft: at.doc, compiles: !at.problem },
    );
    worker.current = { worker: w, scheduler };
    w.onmessage = (e: MessageEvent<WhatIfReply>) => {
      const reply = e.data;
      if (reply.type === 'cohort') {
        setLoading(false);
        if (!reply.ok) {
          setFailed(msg(reply.message));
          drop();
          return;
        }
        setCohort({
          rejected: reply.rejected,
          warned: reply.warned,
          units: reply.units,
          summaries: reply.summaries,
        });
        if (scheduler.settle(reply.rev)) took(reply.rev, reply.rescored);
      } else if (reply.type === 'rescore' && scheduler.settle(reply.rev))
        took(reply.rev, reply.rescored);
    };
    w.onerror = (e) => {
      setLoading(false);
      setFailed(e.message);
      drop();
    };
    w.postMessage(
      {
        type: 'cohort',
        rev: at.rev,
        base: props.base,
        draft: at.doc,
        files: chosen,
      } satisfies WhatIfRequest,
      chosen.map((f) => f.bytes),
    );
  };

  const openUnit = async (file: File) => {
    setOpening(file.name);
    setOpenFailed(undefined);
    try {
      const [chosen] = await readFiles([file]);
      const reply = await ask({ type: 'unit', base: props.base, file: chosen! });
      if (reply.type !== 'unit') throw new Error(`unexpected reply ${reply.type}`);
      if (reply.ok)
        setOpened((o) => ({
          name: file.name,
          unit: reply.unit,
          warnings: reply.warnings,
          seq: (o?.seq ?? 0) + 1,
        }));
      else setOpenFailed({ name: file.name, message: reply.message });
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      setOpenFailed({ name: file.name, message: { zh: text, en: text } });
    } finally {
      setOpening(undefined);
    }
  };

  const current = shown?.rev === rev;
  const arrow = (a: string, b: string) => (a === b ? a : `${a} → ${b}`);
  return (
    <section className={styles.panel} aria-label={t('whatif.heading')} data-testid="whatif">
      <Title3 as="h2">{t('whatif.heading')}</Title3>
      <p>
        {t('whatif.intro')}
        <br />
        {t('whatif.auto')}
      </p>
      <FileButton
        multiple
        accept=".xlsx"
        testId="cohort-files"
        label={t('whatif.cohortFiles')}
        disabled={loading}
        onFiles={(files) => void load(files)}
      />
      <Caption1>{t('cohort.summaryFiles')}</Caption1>
      {loading && <MessageBar>{t('whatif.running')}</MessageBar>}
      {failed && <MessageBar intent="error">{failed}</MessageBar>}
      {cohort && (
        <>
          {cohort.summaries.map((s) => (
            <MessageBar
              key={s.name}
              intent={
                s.otherRules || s.noFigures.length > 0 || s.differs.length > 0 ? 'warning' : 'info'
              }
              data-testid="whatif-from-summary"
            >
              <div>
                {t('cohort.fromSummary', {
                  name: s.name,
                  year: s.year,
                  edition: s.edition,
                  units: s.units,
                })}
                {s.otherRules && ` ${t('cohort.otherRules', { id: s.ruleSetId })}`}
                {s.noFigures.length > 0 && (
                  <div>
                    {t('cohort.noFigures', {
                      count: s.noFigures.length,
                      names: s.noFigures.map((u) => u.name).join('、'),
                    })}
                  </div>
                )}
                {s.differs.map((d) => (
                  <div key={d.unitId}>
                    {t('cohort.differs', {
                      name: d.name,
                      reviewed: d.reviewed ?? '—',
                      rescored: d.rescored,
                    })}
                  </div>
                ))}
              </div>
            </MessageBar>
          ))}
          {cohort.rejected.map((r) => (
            <MessageBar key={r.name} intent="warning">
              {r.name}:{msg(r.message)}
            </MessageBar>
          ))}
          {cohort.warned.map((w, k) => (
            <MessageBar key={`${k}:${w.name}`} intent="warning" data-testid="cohort-warned">
              <div>
                <div>{t('cohort.warned', { name: w.name, count: w.warnings.length })}</div>
                {w.warnings.slice(0, SHOWN_WARNINGS).map((m, i) => (
                  <div key={i}>{msg(m)}</div>
                ))}
                {w.warnings.length > SHOWN_WARNINGS && (
                  <div>
                    {t('cohort.moreWarnings', { count: w.warnings.length - SHOWN_WARNINGS })}
                  </div>
                )}
              </div>
            </MessageBar>
          ))}
          {problem ? (
            <MessageBar intent="error" data-testid="whatif-blocked">
              {t('whatif.blocked', { problem: msg(problem) })}
            </MessageBar>
          ) : refused?.rev === rev ? (
            <MessageBar intent="error" data-testid="whatif-blocked">
              {t('whatif.failed', { problem: msg(refused.message) })}
            </MessageBar>
          ) : (
            !current && (
              <MessageBar data-testid="whatif-rescoring">{t('whatif.rescoring')}</MessageBar>
            )
          )}
        </>
      )}
      {cohort && shown && (
        <div
          className={styles.results}
          data-testid="whatif-results"
          data-state={current ? 'current' : 'stale'}
          aria-busy={!current && !problem}
        >
          {!current && <Caption1 data-testid="whatif-stale">{t('whatif.stale')}</Caption1>}
          <div className={current ? styles.scroll : `${styles.scroll} ${styles.stale}`}>
            <MessageBar intent="info" data-testid="whatif-summary">
              {t('whatif.summary', {
                units: shown.result.units,
                movers: shown.result.movers.length,
                ms: Math.round(shown.result.ms),
              })}
            </MessageBar>
            {shown.result.movers.length > 0 && (
              <Table aria-label={t('whatif.movers')} size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('whatif.unit')}</TableHeaderCell>
                    <TableHeaderCell>{t('whatif.total')}</TableHeaderCell>
                    <TableHeaderCell>{t('whatif.rank')}</TableHeaderCell>
                    <TableHeaderCell>{t('whatif.grade')}</TableHeaderCell>
                    <TableHeaderCell>{t('whatif.veto')}</TableHeaderCell>
                    <TableHeaderCell>{t('whatif.unscoreable')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {shown.result.movers.map((m) => (
                    <TableRow key={m.unitId}>
                      <TableCell>{m.name}</TableCell>
                      <TableCell
                        className={
                          Number(m.after.total) < Number(m.before.total)
                            ? styles.down
                            : Number(m.after.total) > Number(m.before.total)
                              ? styles.up
                              : undefined
                        }
                      >
                        {arrow(m.before.total, m.after.total)}
                        {!m.after.complete && ` ${t('whatif.incomplete')}`}
                      </TableCell>
                      <TableCell>{arrow(String(m.before.rank), String(m.after.rank))}</TableCell>
                      <TableCell>
                        {arrow(
                          m.before.grade ? msg(m.before.grade) : '—',
                          m.after.grade ? msg(m.after.grade) : '—',
                        )}
                      </TableCell>
                      <TableCell>
                        {arrow(
                          m.before.vetoed ? t('whatif.yes') : t('whatif.no'),
                          m.after.vetoed ? t('whatif.yes') : t('whatif.no'),
                        )}
                      </TableCell>
                      <TableCell>
                        {m.unscoreable
                          .map((u) => `${u.path} ${msg(u.title)}(${u.missing.join('、')})`)
                          .join(';')}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </div>
        </div>
      )}
      <UnitResult
        key={opened?.seq ?? 0}
        doc={props.doc}
        units={cohort?.units ?? []}
        {...(opened ? { opened: { name: opened.name, unit: opened.unit } } : {})}
      >
        <Caption1>{t('unitResult.openHint')}</Caption1>
        <div className={styles.row}>
          <FileButton
            accept=".xlsx"
            testId="unit-file"
            label={t('unitResult.openFile')}
            disabled={opening !== undefined}
            onFiles={(files) => files[0] && void openUnit(files[0])}
          />
        </div>
        {opening && <MessageBar>{t('unitResult.reading', { name: opening })}</MessageBar>}
        {openFailed && (
          <MessageBar intent="error" data-testid="unit-file-refused">
            {t('unitResult.refused', { name: openFailed.name, message: msg(openFailed.message) })}
          </MessageBar>
        )}
        {opened?.warnings.map((w, i) => (
          <MessageBar key={i} intent="warning">
            {t('unitResult.warning', { name: opened.name, message: msg(w) })}
          </MessageBar>
        ))}
      </UnitResult>
    </section>
  );
}
