import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  ToggleButton,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SheetCard } from './components/SheetCard/SheetCard.tsx';
import type { Boot } from './pane/boot.types.ts';
import { PaneContext } from './pane/PaneContext.ts';
import { usePaneController } from './pane/use-pane-controller.ts';
import { pick } from './i18n/msg.ts';
import { verificationLines } from './pane/verification-lines.ts';
import { VerificationBanner } from './screens/VerificationBanner.tsx';
import { ErrorBar } from './screens/ErrorBar.tsx';
import { ReviewScreen } from './screens/ReviewScreen.tsx';
import { SelfAssessScreen } from './screens/SelfAssessScreen.tsx';
import { StandaloneBar } from './screens/StandaloneBar.tsx';
import { SummaryScreen } from './screens/SummaryScreen.tsx';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
  languages: { display: 'flex', columnGap: tokens.spacingHorizontalXS },
  keys: { alignSelf: 'flex-start' },
});

// Loaded when first opened: the key import is used once per browser, not on every load.
const KeyPanel = lazy(() =>
  import('./screens/KeyPanel.tsx').then((m) => ({ default: m.KeyPanel })),
);

type TabId = 'self' | 'review' | 'summary';

export function App({ boot }: { boot: Boot }) {
  const { t, i18n } = useTranslation();
  const pane = usePaneController(boot);
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>('self');
  const [keysOpen, setKeysOpen] = useState(false);
  const switchTo = (lng: 'zh-CN' | 'en') => {
    void i18n.changeLanguage(lng);
    document.documentElement.lang = lng;
  };
  return (
    <PaneContext.Provider value={pane}>
      <main className={styles.root}>
        <header className={styles.header}>
          <Title3 as="h1">{t('app.title')}</Title3>
          <div className={styles.languages} role="group" aria-label={t('language.label')}>
            <ToggleButton
              size="small"
              checked={i18n.language === 'zh-CN'}
              onClick={() => switchTo('zh-CN')}
            >
              {t('language.zh')}
            </ToggleButton>
            <ToggleButton
              size="small"
              checked={i18n.language === 'en'}
              onClick={() => switchTo('en')}
            >
              {t('language.en')}
            </ToggleButton>
          </div>
        </header>
        {pane.mode === 'standalone' && <StandaloneBar />}
        <ErrorBar error={pane.error} />
        {pane.session && (
          <VerificationBanner
            lines={verificationLines(pane.sheet)}
            onImportKey={() => setKeysOpen(true)}
          />
        )}
        {pane.trustIssue && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              {pane.trustIssue.kind === 'unavailable'
                ? t('keys.unavailable', { detail: pane.trustIssue.detail })
                : t('keys.malformed', { detail: pick(pane.trustIssue.message, i18n.language) })}
            </MessageBarBody>
          </MessageBar>
        )}
        {pane.trust && (
          <Button
            className={styles.keys}
            size="small"
            appearance="subtle"
            aria-expanded={keysOpen}
            onClick={() => setKeysOpen((open) => !open)}
          >
            {t('verify.keys', { count: pane.trust.keys.length })}
          </Button>
        )}
        {pane.trust && keysOpen && (
          <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
            <KeyPanel onClose={() => setKeysOpen(false)} />
          </Suspense>
        )}
        {pane.session && (
          <SheetCard state={pane.sheet} busy={pane.busy} onRefresh={() => void pane.refresh()} />
        )}
        {pane.session && (
          <>
            <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TabId)}>
              <Tab value="self">{t('tabs.self')}</Tab>
              <Tab value="review">{t('tabs.review')}</Tab>
              <Tab value="summary">{t('tabs.summary')}</Tab>
            </TabList>
            {tab === 'self' && <SelfAssessScreen />}
            {tab === 'review' && <ReviewScreen />}
            {tab === 'summary' && <SummaryScreen />}
          </>
        )}
      </main>
    </PaneContext.Provider>
  );
}
