import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMsg } from '../i18n/msg.ts';
import { ProblemList } from '../components/ProblemList/ProblemList.tsx';
import type { Problem, ScoringPlan } from '../core/kernel.types.ts';
import { usePane } from '../pane/PaneContext.ts';
import { useBlocked } from '../pane/use-blocked.ts';
import { ActionButton } from './ActionButton.tsx';
import { SanctionsBanner } from './SanctionsBanner.tsx';
import { SectionScores } from './SectionScores.tsx';
import { SelectionNote } from './SelectionNote.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  total: {
    fontSize: tokens.fontSizeHero700,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightHero700,
  },
  max: { color: tokens.colorNeutralForeground3, marginLeft: tokens.spacingHorizontalS },
  draft: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** 自评: score the active sheet, write back, list what needs attention. */
export function SelfAssessScreen() {
  const { t } = useTranslation();
  const pane = usePane();
  const blocked = useBlocked();
  const styles = useStyles();
  const msg = useMsg();
  const [plan, setPlan] = useState<ScoringPlan | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [written, setWritten] = useState<number | null>(null);

  // Rules that fail verification: not scored, unless asked for as a draft (kaohe score --unsigned).
  const refused = pane.sheet?.kind === 'assessment' && pane.sheet.edition.gate === 'refused';
  const score = async (draft = false) => {
    const applied = await pane.run((s) => s.selfAssess({ draft }));
    if (!applied) return;
    if (applied.ok) {
      setPlan(applied.plan);
      setProblems(applied.plan.problems);
      setWritten(applied.written.cells);
      pane.setSheet(applied.sheet);
    } else if ('headerChanged' in applied) {
      pane.setError({ code: 'header-changed', detail: applied.headerChanged });
    } else {
      setPlan(null);
      setWritten(null);
      setProblems(applied.problems);
    }
  };

  return (
    <div className={styles.root}>
      <ActionButton
        appearance="primary"
        onClick={() => void score()}
        disabled={pane.busy || pane.sheet?.kind !== 'assessment'}
        blocked={blocked.self}
      >
        {pane.busy ? <Spinner size="tiny" label={t('self.running')} /> : t('self.run')}
      </ActionButton>
      {refused && blocked.self === t('blocked.unverified') && (
        <div className={styles.draft}>
          <span className={styles.hint}>{t('self.draftHint')}</span>
          <Button onClick={() => void score(true)} disabled={pane.busy}>
            {t('self.draftRun')}
          </Button>
        </div>
      )}
      {plan && plan.scoredAs.decision === 'draft' && (
        <MessageBar intent="warning" layout="multiline" data-testid="scored-as-draft">
          <MessageBarBody>
            {t(plan.scoredAs.forced ? 'self.draftForced' : 'self.draftUnsigned', {
              what: msg(plan.scoredAs.message),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {plan && <SanctionsBanner result={plan.result} />}
      {plan && (
        <div aria-label={t('self.total')} role="group">
          {t('self.total')}
          <div>
            <span className={styles.total} data-testid="total">
              {plan.result.total}
            </span>
            <span className={styles.max}>{t('self.of', { max: plan.result.max })}</span>
          </div>
        </div>
      )}
      {plan && !plan.result.complete && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('self.incomplete')}</MessageBarBody>
        </MessageBar>
      )}
      {plan && <SectionScores result={plan.result} />}
      {written !== null && (
        <div role="status">
          {t(pane.mode === 'standalone' ? 'self.writtenStandalone' : 'self.written', {
            cells: written,
          })}
        </div>
      )}
      {(plan || problems.length > 0) && (
        <ProblemList
          problems={problems}
          onSelect={(p) => void pane.selectCell(p)}
          selected={pane.selected}
          note={<SelectionNote />}
        />
      )}
    </div>
  );
}
