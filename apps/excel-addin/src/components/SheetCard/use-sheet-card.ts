import { useTranslation } from 'react-i18next';
import { pick } from '../../i18n/msg.ts';
import type { SheetCardField, SheetCardProps, SheetCardState } from './SheetCard.types.ts';

const STATUS = {
  blank: 'sheet.statusBlank',
  filled: 'sheet.statusFilled',
  scored: 'sheet.statusScored',
  reviewed: 'sheet.statusReviewed',
} as const;

export function useSheetCard(props: SheetCardProps): SheetCardState {
  const { t, i18n } = useTranslation();
  const state = props.state;
  let notice: string | null = null;
  let fields: SheetCardField[] = [];
  if (state?.kind === 'no-assessment') notice = t('sheet.none');
  if (state?.kind === 'damaged')
    notice = `${t('sheet.damaged')} ${state.problems.map((p) => pick(p.message, i18n.language)).join(';')}`;
  if (state?.kind === 'summary') notice = t('sheet.summary');
  const ruleSet = state?.kind === 'assessment' || state?.kind === 'summary' ? state.ruleSet : null;
  if (ruleSet) {
    fields = [
      { label: t('sheet.ruleSet'), value: pick(ruleSet.title, i18n.language) },
      { label: t('sheet.issuer'), value: pick(ruleSet.issuer, i18n.language) },
      { label: t('sheet.year'), value: String(ruleSet.year) },
      { label: t('sheet.edition'), value: String(ruleSet.edition) },
      {
        label: t('sheet.integrity'),
        value: t(`sheet.${ruleSet.integrity}`),
        alert: ruleSet.integrity !== 'intact',
      },
    ];
  }
  if (state?.kind === 'assessment') {
    fields.push(
      { label: t('sheet.unit'), value: state.unit.name },
      { label: t('sheet.status'), value: t(STATUS[state.status]) },
    );
  }
  return {
    heading: state ? t('sheet.headingWith', { sheet: state.sheet }) : t('sheet.heading'),
    notice,
    fields,
    refreshLabel: t('sheet.refresh'),
    busy: props.busy,
    onRefresh: props.onRefresh,
  };
}
