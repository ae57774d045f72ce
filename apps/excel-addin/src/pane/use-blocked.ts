import { useTranslation } from 'react-i18next';
import { usePane } from './PaneContext.ts';

/** Why the pane's actions cannot run on the open workbook (null: they can). */
export interface Blocked {
  /** Review and summary (and so self-assessment). */
  all: string | null;
  self: string | null;
}

export function useBlocked(): Blocked {
  const { t } = useTranslation();
  const { sheet } = usePane();
  if (!sheet) return { all: null, self: null };
  const all =
    sheet.kind === 'damaged'
      ? t('blocked.damaged')
      : sheet.kind === 'no-assessment'
        ? t('blocked.none')
        : null;
  const self =
    all ??
    (sheet.kind === 'summary'
      ? t('blocked.summary')
      : sheet.kind === 'assessment' && sheet.unit.name === ''
        ? t('blocked.blank')
        : sheet.kind === 'assessment' && sheet.edition.gate === 'refused'
          ? t('blocked.unverified')
          : null);
  return { all, self };
}
