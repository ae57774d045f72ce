import {
  Table,
  TableBody,
  TableCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { unscoredBySection } from '@kaohe/sheet';
import type { UnitResult } from '../core/kernel.types.ts';
import { useMsg } from '../i18n/msg.ts';

const useStyles = makeStyles({
  score: {
    width: '72px',
    textAlign: 'end',
    whiteSpace: 'nowrap',
    fontVariantNumeric: 'tabular-nums',
  },
  code: { width: '64px', whiteSpace: 'nowrap', color: tokens.colorNeutralForeground3 },
  partial: { color: tokens.colorPaletteRedForeground1, whiteSpace: 'nowrap' },
});

/** 「8 / 10」; a section whose items are pending has no score (— / 10), never a 0. */
const outOf = (s: UnitResult['sections'][number]): string => `${s.score ?? '—'} / ${s.max}`;

/** Section subtotals and the bonus, as the engine summed them (rounded items, exact sums). */
export function SectionScores({ result }: { result: UnitResult }) {
  const { t } = useTranslation();
  const msg = useMsg();
  const styles = useStyles();
  // A section with items not scored shows its sum as a part (不完整), never as its score.
  const unscored = unscoredBySection(result);
  return (
    <Table size="extra-small" aria-label={t('self.sections')}>
      <TableBody>
        {result.sections.map((section) => (
          <TableRow key={section.code}>
            <TableCell className={styles.code}>{section.code}</TableCell>
            <TableCell>
              {msg(section.title)}
              {unscored.has(section.code) && (
                <div className={styles.partial}>
                  {t('self.sectionPartial', { count: unscored.get(section.code) })}
                </div>
              )}
            </TableCell>
            <TableCell className={styles.score}>{outOf(section)}</TableCell>
          </TableRow>
        ))}
        {result.bonus.items.length > 0 && (
          <TableRow>
            <TableCell className={styles.code}>+</TableCell>
            <TableCell>{t('self.bonus')}</TableCell>
            <TableCell className={styles.score}>{result.bonus.score}</TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
