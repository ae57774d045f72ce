import {
  Badge,
  Field,
  Input,
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
import type { ImportNaming, ReviewPlan } from '../core/kernel.types.ts';
import { useMsg } from '../i18n/msg.ts';
import { usePane } from '../pane/PaneContext.ts';
import { useBlocked } from '../pane/use-blocked.ts';
import { ActionButton } from './ActionButton.tsx';
import { CertificationList } from './CertificationList.tsx';
import { RollupSection } from './RollupSection.tsx';
import { SelectionNote } from './SelectionNote.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  differs: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  hidden: { display: 'none' },
  start: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase200,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  startTitle: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
});

/** 审核: bring in returned workbooks, recompute every unit with the reviewer's rule set. */
export function ReviewScreen() {
  const { t, i18n } = useTranslation();
  const msg = useMsg();
  const pane = usePane();
  const blocked = useBlocked();
  const styles = useStyles();
  const [imported, setImported] = useState<ImportNaming['files'] | null>(null);
  const [plan, setPlan] = useState<ReviewPlan | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const rules =
    pane.sheet?.kind === 'assessment' || pane.sheet?.kind === 'summary' ? pane.sheet.ruleSet : null;

  const importFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const buffers = await Promise.all([...files].map((f) => f.arrayBuffer()));
    const named = await pane.run((s) => s.importWorkbooks(buffers));
    if (named) setImported(named);
    if (picker.current) picker.current.value = '';
  };

  const certification = rules?.kind === 'certification';
  const review = async () => {
    const applied = await pane.run((s) =>
      s.review(certification ? { assessedOn: pane.assessedOn } : {}),
    );
    if (applied?.ok) setPlan(applied.plan);
    else if (applied && 'headerChanged' in applied)
      pane.setError({ code: 'header-changed', detail: applied.headerChanged });
  };

  const units = imported?.flatMap((f) => (f.unit ? [f.unit.name] : [])) ?? [];
  const unnamed = imported?.filter((f) => !f.unit).length ?? 0;

  return (
    <div className={styles.root}>
      {rules?.rollsUp && pane.sheet?.kind === 'assessment' && pane.sheet.unit.name !== '' && (
        <RollupSection blocked={blocked.all} />
      )}
      {rules && (
        <section className={styles.start} aria-label={t('review.start')}>
          <span className={styles.startTitle}>{t('review.start')}</span>
          <span>
            {t('review.startRules', {
              title: msg(rules.title),
              year: rules.year,
              edition: rules.edition,
              issuer: msg(rules.issuer),
              checksum: rules.checksum.slice(0, 12),
            })}
          </span>
          <span>
            {t(pane.mode === 'standalone' ? 'review.startStepsStandalone' : 'review.startSteps')}
          </span>
        </section>
      )}
      <input
        ref={picker}
        className={styles.hidden}
        type="file"
        multiple
        accept=".xlsx"
        data-testid="import-files"
        onChange={(e) => void importFiles(e.target.files)}
      />
      <ActionButton
        onClick={() => picker.current?.click()}
        disabled={pane.busy || !pane.session}
        blocked={blocked.all}
      >
        {t('review.pick')}
      </ActionButton>
      {imported !== null && (
        <div role="status">
          {units.length > 0 &&
            t('review.imported', {
              count: units.length,
              names: units.join(i18n.language === 'en' ? ', ' : '、'),
            })}
          {unnamed > 0 && ` ${t('review.unnamed', { count: unnamed })}`}
        </div>
      )}
      {certification && (
        <Field label={t('review.date')} hint={t('review.dateHint')}>
          <Input
            type="date"
            value={pane.assessedOn}
            onChange={(_, data) => pane.setAssessedOn(data.value)}
          />
        </Field>
      )}
      <ActionButton
        appearance="primary"
        onClick={() => void review()}
        disabled={pane.busy || !pane.session}
        blocked={blocked.all}
      >
        {t('review.run')}
      </ActionButton>
      {plan && plan.units.length > 0 && (
        <div role="status">
          {t(pane.mode === 'standalone' ? 'review.writtenStandalone' : 'review.written', {
            count: plan.units.length,
          })}
        </div>
      )}
      {plan && plan.units.length === 0 && <div>{t('review.none')}</div>}
      {plan?.certification && <CertificationList view={plan.certification} />}
      {plan && plan.units.length > 0 && !plan.certification && (
        <Table size="small" aria-label={t('tabs.review')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('summary.unit')}</TableHeaderCell>
              <TableHeaderCell>{t('review.reported')}</TableHeaderCell>
              <TableHeaderCell>{t('review.recomputed')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {plan.units.map((u) => (
              <TableRow key={u.sheet}>
                <TableCell>
                  {u.unit.name}{' '}
                  {u.rules === 'altered' && (
                    <Badge color="danger">{t('review.rulesAltered')}</Badge>
                  )}
                  {u.rules === 'other-edition' && (
                    <Badge color="danger">{t('review.rulesDiffer')}</Badge>
                  )}
                  {u.stage === null && <Badge color="warning">{t('review.notScored')}</Badge>}
                  {u.metaUnhidden && <Badge color="danger">{t('review.metaUnhidden')}</Badge>}
                </TableCell>
                <TableCell>{u.reported ?? '—'}</TableCell>
                <TableCell
                  className={
                    u.reported !== null && u.reported !== u.result.total
                      ? styles.differs
                      : undefined
                  }
                >
                  {u.result.total}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {plan?.units.map((u) => (
        <ProblemList
          key={u.sheet}
          unit={u.unit.name}
          problems={u.problems}
          onSelect={(p) => void pane.selectCell(p)}
          selected={pane.selected}
          note={<SelectionNote />}
        />
      ))}
      {plan && plan.unread.length > 0 && (
        <ProblemList
          unit={t('review.unread')}
          problems={plan.unread}
          onSelect={(p) => void pane.selectCell(p)}
          selected={pane.selected}
          note={<SelectionNote />}
        />
      )}
    </div>
  );
}
