import { useTranslation } from 'react-i18next';
import type { ProblemCode } from '../../core/kernel.types.ts';
import { pick } from '../../i18n/msg.ts';
import type { ProblemGroup, ProblemListProps, ProblemListState } from './ProblemList.types.ts';

// Errors before warnings; inside a group, sheet order then cell order as the engine gave them.
const ORDER: ProblemCode[] = [
  'not-reviewed',
  'sheet-damaged',
  'rules-altered',
  'rules-differ',
  'invalid-value',
  'missing-input',
  'ambiguous-value',
  'missing-evidence',
  'score-differs',
  'not-scored',
  'duplicate-file',
];

export function useProblemList(props: ProblemListProps): ProblemListState {
  const { t, i18n } = useTranslation();
  const groups: ProblemGroup[] = [];
  props.problems.forEach((problem, index) => {
    let group = groups.find((g) => g.code === problem.code);
    if (!group) {
      group = {
        code: problem.code,
        label: t(`problem.${problem.code}`),
        severity: problem.severity,
        items: [],
      };
      groups.push(group);
    }
    if (problem.severity === 'error') group.severity = 'error';
    group.items.push({
      key: `${index}`,
      problem,
      text: pick(problem.message, i18n.language),
      location: problem.address ? `${problem.sheet}!${problem.address}` : null,
    });
  });
  groups.sort((a, b) => ORDER.indexOf(a.code) - ORDER.indexOf(b.code));
  const { selected } = props;
  const chosen = selected
    ? groups
        .flatMap((g) => g.items)
        .find((i) => i.problem.sheet === selected.sheet && i.problem.address === selected.address)
    : undefined;
  return {
    heading:
      props.unit === undefined
        ? t('self.problems', { count: props.problems.length })
        : t('self.unitProblems', { unit: props.unit, count: props.problems.length }),
    selectedKey: chosen?.key ?? null,
    note: props.note ?? null,
    empty: props.problems.length === 0 ? t('self.noProblems') : null,
    groups,
    selectLabel: (item) => t('problem.select', { address: item.location ?? '' }),
    onSelect: (item) => {
      if (item.problem.address) props.onSelect(item.problem);
    },
  };
}
