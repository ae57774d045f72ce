import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SummaryPlan } from '../core/kernel.types.ts';
import { useMsg } from '../i18n/msg.ts';
import { usePane } from '../pane/PaneContext.ts';
import { useBlocked } from '../pane/use-blocked.ts';
import { ActionButton } from './ActionButton.tsx';
import { CombineSection } from './CombineSection.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

/** 汇总: rank, grade (with quotas) and vetoes, written to summary sheets (in Excel, with a chart). */
export function SummaryScreen() {
  const { t, i18n } = useTranslation();
  const msg = useMsg();
  const pane = usePane();
  const styles = useStyles();
  const blocked = useBlocked();
  const [plan, setPlan] = useState<SummaryPlan | null>(null);
  const [chart, setChart] = useState(false);

  const rules =
    pane.sheet?.kind === 'assessment' || pane.sheet?.kind === 'summary' ? pane.sheet.ruleSet : null;
  const certification = rules?.kind === 'certification';
  const summarise = async () => {
    const applied = await pane.run((s) =>
      s.summarise(certification ? { assessedOn: pane.assessedOn } : {}),
    );
    if (applied?.ok) {
      setPlan(applied.plan);
      setChart(applied.written.chart);
      pane.setSheet(applied.sheet);
      pane.setSummary(applied.plan.printable);
    }
  };
  // A chart is claimed only where one was written; browser mode's summary workbook has none.
  const written =
    pane.mode === 'standalone'
      ? 'summary.writtenStandalone'
      : plan?.chart === null
        ? 'summary.writtenCertification'
        : chart
          ? 'summary.written'
          : 'summary.writtenNoChart';

  return (
    <div className={styles.root} lang={i18n.language}>
      <ActionButton
        appearance="primary"
        onClick={() => void summarise()}
        disabled={pane.busy || !pane.session}
        blocked={blocked.all}
      >
        {t('summary.run')}
      </ActionButton>
      {plan && <div role="status">{t(written, { sheet: plan.sheet })}</div>}
      {plan && plan.chart !== null && (
        <Table size="small" aria-label={t('tabs.summary')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('summary.rank')}</TableHeaderCell>
              <TableHeaderCell>{t('summary.unit')}</TableHeaderCell>
              <TableHeaderCell>{t('summary.total')}</TableHeaderCell>
              <TableHeaderCell>{t('summary.grade')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {plan.rows.map((row) => (
              <TableRow key={row.unit.id}>
                <TableCell>{row.rank}</TableCell>
                <TableCell>{row.unit.name}</TableCell>
                <TableCell>{row.total}</TableCell>
                <TableCell>
                  {row.vetoed ? (
                    <Badge color="danger">{t('self.vetoed')}</Badge>
                  ) : row.grade ? (
                    msg(row.grade)
                  ) : (
                    '—'
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <CombineSection blocked={null} />
    </div>
  );
}
