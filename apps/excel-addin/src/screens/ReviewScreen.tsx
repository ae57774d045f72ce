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
import type { ReviewPlan } from '../core/kernel.types.ts';
import { usePane } from '../pane/PaneContext.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  differs: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  hidden: { display: 'none' },
});

/** 审核: bring in returned workbooks, recompute every unit with the reviewer's rule set. */
export function ReviewScreen() {
  const { t } = useTranslation();
  const pane = usePane();
  const styles = useStyles();
  const [imported, setImported] = useState<number | null>(null);
  const [plan, setPlan] = useState<ReviewPlan | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  const importFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const buffers = await Promise.all([...files].map((f) => f.arrayBuffer()));
    const names = await pane.run((s) => s.importWorkbooks(buffers));
    if (names) setImported(names.length);
  };

  const review = async () => {
    const applied = await pane.run((s) => s.review());
    if (applied?.ok) setPlan(applied.plan);
    else if (applied && 'headerChanged' in applied)
      pane.setError({ code: 'header-changed', detail: applied.headerChanged });
  };

  return (
    <div className={styles.root}>
      <input
        ref={picker}
        className={styles.hidden}
        type="file"
        multiple
        accept=".xlsx"
        data-testid="import-files"
        onChange={(e) => void importFiles(e.target.files)}
      />
      <Button onClick={() => picker.current?.click()} disabled={pane.busy || !pane.session}>
        {t('review.pick')}
      </Button>
      {imported !== null && <div role="status">{t('review.imported', { count: imported })}</div>}
      <Button
        appearance="primary"
        onClick={() => void review()}
        disabled={pane.busy || !pane.session}
      >
        {t('review.run')}
      </Button>
      {plan && plan.units.length === 0 && <div>{t('review.none')}</div>}
      {plan && plan.units.length > 0 && (
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
                  {!u.rulesMatch && <Badge color="danger">{t('review.rulesDiffer')}</Badge>}
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
      {plan && (
        <ProblemList
          problems={[...plan.unread, ...plan.units.flatMap((u) => u.problems)]}
          onSelect={(p) => void pane.selectCell(p)}
        />
      )}
    </div>
  );
}
