import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../components/ProblemList/ProblemList.tsx';
import type { Problem, RollupPlanView } from '../core/kernel.types.ts';
import { useMsg } from '../i18n/msg.ts';
import { usePane } from '../pane/PaneContext.ts';
import { ActionButton } from './ActionButton.tsx';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { fontWeight: tokens.fontWeightSemibold },
  small: { fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  hidden: { display: 'none' },
  pickers: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  figure: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  blank: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** 汇总下级: the parent's figures from its children's returned workbooks (kaohe rollup). */
export function RollupSection({ blocked }: { blocked: string | null }) {
  const { t } = useTranslation();
  const msg = useMsg();
  const pane = usePane();
  const styles = useStyles();
  const childPicker = useRef<HTMLInputElement>(null);
  const rosterPicker = useRef<HTMLInputElement>(null);
  const [children, setChildren] = useState<File[]>([]);
  const [roster, setRoster] = useState<File | null>(null);
  const [plan, setPlan] = useState<RollupPlanView | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);

  const run = async () => {
    if (!roster) return;
    const applied = await pane.run(async (s) => {
      const files = await pane.decodeFiles(children);
      const [list] = await pane.decodeFiles([roster]);
      return s.rollup(files, list!);
    });
    if (!applied) return;
    if (applied.ok) {
      setPlan(applied.plan);
      setProblems([]);
      pane.setSheet(applied.sheet);
    } else if ('headerChanged' in applied) {
      pane.setError({ code: 'header-changed', detail: applied.headerChanged });
    } else {
      setPlan(null);
      setProblems(applied.problems);
    }
  };

  const unfilled = plan?.figures.filter((f) => f.value === null).length ?? 0;
  return (
    <section className={styles.root} aria-label={t('rollup.title')}>
      <span className={styles.title}>{t('rollup.title')}</span>
      <span className={styles.hint}>{t('rollup.hint')}</span>
      <input
        ref={childPicker}
        className={styles.hidden}
        type="file"
        multiple
        accept=".xlsx"
        data-testid="rollup-children"
        onChange={(e) => setChildren([...(e.target.files ?? [])])}
      />
      <input
        ref={rosterPicker}
        className={styles.hidden}
        type="file"
        accept=".xlsx"
        data-testid="rollup-roster"
        onChange={(e) => setRoster(e.target.files?.[0] ?? null)}
      />
      <div className={styles.pickers}>
        <Button size="small" disabled={pane.busy} onClick={() => childPicker.current?.click()}>
          {t('rollup.pickChildren')}
        </Button>
        <Button size="small" disabled={pane.busy} onClick={() => rosterPicker.current?.click()}>
          {t('rollup.pickRoster')}
        </Button>
      </div>
      {children.length > 0 && (
        <span className={styles.small}>{t('rollup.children', { count: children.length })}</span>
      )}
      {roster && <span className={styles.small}>{t('rollup.roster', { name: roster.name })}</span>}
      <ActionButton
        appearance="primary"
        onClick={() => void run()}
        disabled={pane.busy || !pane.session || !roster || children.length === 0}
        blocked={blocked}
      >
        {t('rollup.run')}
      </ActionButton>
      {problems.length > 0 && (
        <ProblemList
          unit={t('rollup.problems')}
          problems={problems}
          onSelect={(p) => void pane.selectCell(p)}
          selected={pane.selected}
        />
      )}
      {plan && (
        <>
          <div role="status">
            {t(pane.mode === 'standalone' ? 'rollup.writtenStandalone' : 'rollup.written', {
              count: plan.figures.length,
            })}
          </div>
          <span className={styles.small}>
            {t('rollup.heading', {
              title: msg(plan.children.title),
              year: plan.children.year,
              edition: plan.children.edition,
              expected: plan.children.expected,
              from: plan.children.from,
            })}
          </span>
          {plan.figures.map((f) => (
            <div key={f.address} className={styles.figure}>
              <span className={f.value === null ? styles.blank : undefined}>
                {f.value === null
                  ? t('rollup.notFilled', { address: f.address, label: msg(f.label) })
                  : t('rollup.filled', { address: f.address, label: msg(f.label), value: f.value })}
                {f.replaced !== null && (
                  <>
                    {' '}
                    <Badge color="warning" size="small">
                      {t('rollup.replaced', { was: f.replaced })}
                    </Badge>
                  </>
                )}
              </span>
              {f.words && <span className={styles.muted}>{msg(f.words)}</span>}
              {f.issues.map((m, i) => (
                <span key={i}>{msg(m)}</span>
              ))}
            </div>
          ))}
          {plan.unusable.length > 0 && (
            <span className={styles.small}>
              <strong>{t('rollup.unusableTitle')}</strong>
              {plan.unusable.map((u) => (
                <div key={u.unitId}>
                  {t('rollup.unusable', { name: u.name, id: u.unitId, why: msg(u.why) })}
                </div>
              ))}
            </span>
          )}
          {plan.rejected.map((m, i) => (
            <span key={i} className={styles.small}>
              {t('rollup.rejected', { text: msg(m) })}
            </span>
          ))}
          {plan.notes.map((m, i) => (
            <span key={i} className={styles.small}>
              {msg(m)}
            </span>
          ))}
          {unfilled > 0 && (
            <span className={styles.blank}>{t('rollup.unfilled', { count: unfilled })}</span>
          )}
        </>
      )}
    </section>
  );
}
