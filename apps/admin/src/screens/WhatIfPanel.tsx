// What-if: last year's returned workbooks (and, beside them, last year's review summary) scored under the last edition and under the draft (in
// a Web Worker), and who moves: total, rank, grade, veto; items the draft cannot score for lack
// of a figure are listed as such, never as 0.
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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Doc } from '../doc/open.ts';
import { useMsg } from '../i18n/msg.ts';
import { FileButton } from './FileButton.tsx';
import type { WhatIfReply, WhatIfRequest } from '../whatif/protocol.ts';
import { UnitResult } from './UnitResult.tsx';

const useStyles = makeStyles({
  panel: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '1100px' },
  down: { color: tokens.colorPaletteRedForeground1 },
  up: { color: tokens.colorPaletteGreenForeground1 },
});

function ask(req: WhatIfRequest): Promise<WhatIfReply> {
  const worker = new Worker(new URL('../whatif/worker.ts', import.meta.url), { type: 'module' });
  return new Promise<WhatIfReply>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<WhatIfReply>) => resolve(e.data);
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage(req);
  }).finally(() => worker.terminate());
}

export function WhatIfPanel(props: { base: Doc; doc: Doc }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const msg = useMsg();
  const [reply, setReply] = useState<WhatIfReply>();
  const [running, setRunning] = useState(false);
  const [failed, setFailed] = useState<string>();

  const run = async (files: readonly File[]) => {
    setRunning(true);
    setFailed(undefined);
    try {
      const read = await Promise.all(
        [...files].map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })),
      );
      setReply(await ask({ base: props.base, draft: props.doc, files: read }));
    } catch (e) {
      setFailed(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  };

  const arrow = (a: string, b: string) => (a === b ? a : `${a} → ${b}`);
  return (
    <section className={styles.panel} aria-label={t('whatif.heading')} data-testid="whatif">
      <Title3 as="h2">{t('whatif.heading')}</Title3>
      <p>{t('whatif.intro')}</p>
      <FileButton
        multiple
        accept=".xlsx"
        testId="cohort-files"
        disabled={running}
        onFiles={(files) => void run(files)}
      />
      <Caption1>{t('cohort.summaryFiles')}</Caption1>
      {running && <MessageBar>{t('whatif.running')}</MessageBar>}
      {failed && <MessageBar intent="error">{failed}</MessageBar>}
      {reply && !reply.ok && <MessageBar intent="error">{msg(reply.message)}</MessageBar>}
      {reply?.ok && (
        <>
          <MessageBar intent="info" data-testid="whatif-summary">
            {t('whatif.summary', {
              units: reply.result.units,
              movers: reply.result.movers.length,
              ms: Math.round(reply.result.ms),
            })}
          </MessageBar>
          {reply.summaries.map((s) => (
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
          {reply.rejected.map((r) => (
            <MessageBar key={r.name} intent="warning">
              {r.name}:{msg(r.message)}
            </MessageBar>
          ))}
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
              {reply.result.movers.map((m) => (
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
          <UnitResult doc={props.doc} units={reply.units} />
        </>
      )}
    </section>
  );
}
