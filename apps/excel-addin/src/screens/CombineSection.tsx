import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../components/ProblemList/ProblemList.tsx';
import type { CombinePlan, Problem } from '../core/kernel.types.ts';
import { useMsg } from '../i18n/msg.ts';
import { usePane } from '../pane/PaneContext.ts';
import { ActionButton } from './ActionButton.tsx';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { fontWeight: tokens.fontWeightSemibold },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  hidden: { display: 'none' },
  chosen: { fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  notes: { fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  pickers: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** 汇总 of parts: several reviewed summaries combined as a declaration says (kaohe combine). */
export function CombineSection({ blocked }: { blocked: string | null }) {
  const { t, i18n } = useTranslation();
  const msg = useMsg();
  const pane = usePane();
  const styles = useStyles();
  const declPicker = useRef<HTMLInputElement>(null);
  const partsPicker = useRef<HTMLInputElement>(null);
  const [declaration, setDeclaration] = useState<File | null>(null);
  const [summaries, setSummaries] = useState<File[]>([]);
  const [plan, setPlan] = useState<CombinePlan | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const list = (names: string[]) => names.join(i18n.language === 'en' ? ', ' : '、');

  const combine = async () => {
    if (!declaration) return;
    const applied = await pane.run(async (s) => {
      const text = await declaration.text();
      const files = await pane.decodeFiles(summaries);
      return s.combine({ name: declaration.name, text }, files);
    });
    if (!applied) return;
    if (applied.ok) {
      setPlan(applied.plan);
      setProblems([]);
      pane.setSheet(applied.sheet);
      pane.setSummary(applied.plan.printable);
    } else if ('headerChanged' in applied) {
      pane.setError({ code: 'header-changed', detail: applied.headerChanged });
    } else {
      setPlan(null);
      setProblems(applied.problems);
    }
  };

  const notComputed = plan?.units.filter((u) => u.value === null).length ?? 0;
  return (
    <section className={styles.root} aria-label={t('summary.combine')}>
      <span className={styles.title}>{t('summary.combine')}</span>
      <span className={styles.hint}>{t('summary.combineHint')}</span>
      <input
        ref={declPicker}
        className={styles.hidden}
        type="file"
        accept=".json,application/json"
        data-testid="combine-declaration"
        onChange={(e) => setDeclaration(e.target.files?.[0] ?? null)}
      />
      <input
        ref={partsPicker}
        className={styles.hidden}
        type="file"
        multiple
        accept=".xlsx"
        data-testid="combine-summaries"
        onChange={(e) => setSummaries([...(e.target.files ?? [])])}
      />
      <div className={styles.pickers}>
        <Button size="small" disabled={pane.busy} onClick={() => declPicker.current?.click()}>
          {t('summary.pickDeclaration')}
        </Button>
        <Button size="small" disabled={pane.busy} onClick={() => partsPicker.current?.click()}>
          {t('summary.pickSummaries')}
        </Button>
      </div>
      {declaration && (
        <span className={styles.chosen}>
          {t('summary.declaration', { name: declaration.name })}
        </span>
      )}
      {summaries.length > 0 && (
        <span className={styles.chosen}>
          {t('summary.summaries', { names: list(summaries.map((f) => f.name)) })}
        </span>
      )}
      <ActionButton
        appearance="primary"
        onClick={() => void combine()}
        disabled={pane.busy || !pane.session || !declaration || summaries.length === 0}
        blocked={blocked}
      >
        {t('summary.combineRun')}
      </ActionButton>
      {problems.length > 0 && (
        <ProblemList
          unit={t('summary.combineProblems')}
          problems={problems}
          onSelect={() => undefined}
          selected={null}
        />
      )}
      {plan && (
        <>
          <div role="status">
            {t(
              pane.mode === 'standalone'
                ? 'summary.combineWrittenStandalone'
                : 'summary.combineWritten',
              { sheet: plan.sheet },
            )}
          </div>
          <span className={styles.chosen}>
            {t('summary.parts', {
              title: msg(plan.title),
              year: plan.year,
              parts: plan.parts.map((p) => `${msg(p.label)} ${p.weightShown}`).join(' + '),
              outOf: plan.outOf,
            })}
          </span>
          <Table size="small" aria-label={t('summary.composite')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('summary.rank')}</TableHeaderCell>
                <TableHeaderCell>{t('summary.unit')}</TableHeaderCell>
                <TableHeaderCell>{t('summary.composite')}</TableHeaderCell>
                <TableHeaderCell>{t('summary.grade')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {plan.units.map((u) => (
                <TableRow key={u.unit.id}>
                  <TableCell>{u.rank ?? '—'}</TableCell>
                  <TableCell>{u.unit.name}</TableCell>
                  <TableCell>
                    {u.value ?? <Badge color="warning">{t('summary.notComputed')}</Badge>}
                  </TableCell>
                  <TableCell>
                    {u.vetoed && <Badge color="danger">{t('self.vetoed')}</Badge>}
                    {u.noCommendation && (
                      <Badge color="warning">{t('summary.noCommendation')}</Badge>
                    )}
                    {!u.vetoed && !u.noCommendation && (u.grade ? msg(u.grade) : '—')}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {plan.units
            .filter((u) => u.notes.length > 0)
            .map((u) => (
              <span key={u.unit.id} className={styles.notes}>
                {u.unit.name}:{u.notes.map((n) => msg(n)).join(i18n.language === 'en' ? '; ' : ';')}
              </span>
            ))}
          {plan.issues.map((m, i) => (
            <span key={i} className={styles.notes}>
              {msg(m)}
            </span>
          ))}
          {notComputed > 0 && (
            <span className={styles.notes}>
              {t('summary.notComputedCount', { count: notComputed })}
            </span>
          )}
        </>
      )}
    </section>
  );
}
