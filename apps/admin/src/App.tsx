// The admin app: open last year's rules, make next year's draft, edit, check and publish it.
import {
  Button,
  makeStyles,
  MessageBar,
  Tab,
  TabList,
  Text,
  tokens,
  Title3,
} from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validateRuleSet, type Issue } from '@kaohe/engine';
import { clearDraft, loadDraft, saveDraft, type SavedDraft } from './doc/drafts.ts';
import {
  edit,
  getAt,
  redo,
  setAt,
  settle,
  startHistory,
  undo,
  type History,
  type Path,
} from './doc/history.ts';
import type { Draft } from 'immer';
import { pathKey } from './screens/DocFields.tsx';
import { download } from './download.ts';
import { nodeOf, outline, within } from './doc/outline.ts';
import { ItemForm } from './screens/ItemForm.tsx';
import { JsonView } from './screens/JsonView.tsx';
import { OutlineTree } from './screens/OutlineTree.tsx';
import { ProblemsPanel } from './screens/ProblemsPanel.tsx';
import { isNewEdition, setCode } from './doc/lineage.ts';
import { nextYear, openText, savedText, type Doc, type Json } from './doc/open.ts';
import type { EditionFile } from '@kaohe/sheet';
import { shown, textOf, useMsg } from './i18n/msg.ts';
import type { Msg } from '@kaohe/engine';
import { duplicateAt } from './doc/duplicate.ts';

/** The pages of the draft besides the items: each its own, from the navigation. */
const RULE_PAGES = ['inputs', 'sanctions', 'grades', 'quotas'] as const;
type RulePage = (typeof RULE_PAGES)[number];
// Loaded when first opened, like the what-if and publishing pages: not in the first load.
const rulePage = (name: 'InputsPage' | 'SanctionsPage' | 'GradesPage' | 'QuotasPage') =>
  lazy(() => import('./screens/RulePages.tsx').then((m) => ({ default: m[name] })));
const RULE_PAGE = {
  inputs: rulePage('InputsPage'),
  sanctions: rulePage('SanctionsPage'),
  grades: rulePage('GradesPage'),
  quotas: rulePage('QuotasPage'),
};

// Publishing (diff, signing) loads when its page is opened: not in the first load.
const PublishPanel = lazy(() =>
  import('./screens/PublishPanel.tsx').then((m) => ({ default: m.PublishPanel })),
);

const WhatIfPanel = lazy(() =>
  import('./screens/WhatIfPanel.tsx').then((m) => ({ default: m.WhatIfPanel })),
);

const useStyles = makeStyles({
  /** The pages' tabs: they scroll on their own in a narrow window, not the whole page. */
  tabs: { maxWidth: '100%', overflowX: 'auto', flexShrink: 0 },
  bar: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    flexWrap: 'wrap',
    padding: tokens.spacingVerticalM,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  grow: { flexGrow: 1 },
  identity: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalM}`,
    '& dd': { margin: `0 ${tokens.spacingHorizontalL} 0 0`, fontWeight: tokens.fontWeightSemibold },
  },
  body: { padding: tokens.spacingVerticalM },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(280px, 1fr) minmax(360px, 1.4fr) minmax(260px, 1fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    // A narrow window (a laptop half-screen, a tablet): outline, form and problems one under
    // another, each the window's width, instead of a page wider than the window.
    '@media (max-width: 960px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  pane: {
    maxHeight: 'calc(100vh - 180px)',
    overflowY: 'auto',
    '@media (max-width: 960px)': { maxHeight: 'none' },
  },
});

interface Session {
  name: string;
  /** The rules as opened: the last edition the draft is compared with. */
  base: Doc;
  baseEdition?: EditionFile;
  history: History;
}

const field = (doc: Doc, key: string): Json | undefined => doc[key];

/** The saved file's name: the rule set's id and year ("baotou-2012-2013.json"). */
const fileName = (doc: Doc): string =>
  `${shown(doc['id']).replace(/[\\/:*?"<>|]/g, '_')}-${shown(doc['year'])}.json`;

export function App() {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const msg = useMsg();
  const input = useRef<HTMLInputElement>(null);
  const [session, setSession] = useState<Session>();
  const [selected, setSelected] = useState<string>();
  const [view, setView] = useState<'form' | 'json'>('form');
  const [page, setPage] = useState<'edit' | 'publish' | 'whatif' | RulePage>('edit');
  const [note, setNote] = useState<{ intent: 'success' | 'error'; text: string }>();

  const [offer, setOffer] = useState<SavedDraft>();
  const [autosaved, setAutosaved] = useState(false);
  const change = (next: (h: History) => History) =>
    setSession((s) => {
      if (!s) return s;
      const history = next(s.history);
      return history === s.history ? s : { ...s, history };
    });
  /** A field written: one undo step, or part of the burst of typing at its place (history.ts). */
  const write =
    (
      recipe: (path: Path, value: Json | undefined, doc: Doc) => (draft: Draft<Doc>) => Doc | void,
    ) =>
    (path: Path, value: Json | undefined, burst?: boolean) =>
      change((h) => edit(h, recipe(path, value, h.doc), burst ? pathKey(path) : undefined));
  const onSettle = () => change(settle);

  // A draft left by an earlier visit is offered back, never applied unasked.
  useEffect(() => {
    void loadDraft().then(setOffer, (e: unknown) =>
      setNote({ intent: 'error', text: t('draft.unavailable', { message: String(e) }) }),
    );
  }, [t]);

  // Autosave: the draft is written shortly after each change.
  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(() => {
      const { name, base, baseEdition, history } = session;
      saveDraft({
        name,
        base,
        ...(baseEdition ? { baseEdition } : {}),
        doc: history.doc,
        savedAt: new Date().toISOString(),
      }).then(
        () => setAutosaved(true),
        (e: unknown) =>
          setNote({ intent: 'error', text: t('draft.unavailable', { message: String(e) }) }),
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [session, t]);

  // Ctrl+Z undoes, Ctrl+Y or Ctrl+Shift+Z redoes (not inside a text field: it has its own).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof Element && e.target.closest('input, textarea, [contenteditable]'))
        return;
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) change(undo);
      else if (key === 'y' || (key === 'z' && e.shiftKey)) change(redo);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Ctrl+D duplicates the selected item (on the items page; not inside a multi-line editor).
  const duplicateRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.key.toLowerCase() !== 'd') return;
      if (e.target instanceof Element && e.target.closest('textarea, [contenteditable]')) return;
      e.preventDefault();
      duplicateRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const say = (intent: 'success' | 'error', m: Msg | string) =>
    setNote({ intent, text: typeof m === 'string' ? m : msg(m) });

  const open = async (file: File) => {
    const opened = await openText(await file.text(), file.name);
    if (!opened.ok) return say('error', opened.message);
    setSelected(undefined);
    setPage('edit');
    setSession({
      name: file.name,
      base: opened.doc,
      ...(opened.edition ? { baseEdition: opened.edition } : {}),
      history: startHistory(opened.doc),
    });
    say('success', t('app.opened', { name: file.name }));
  };

  const restore = (d: SavedDraft) => {
    setSelected(undefined);
    setSession({
      name: d.name,
      base: d.base,
      ...(d.baseEdition ? { baseEdition: d.baseEdition } : {}),
      history: startHistory(d.doc),
    });
    setOffer(undefined);
    say('success', t('draft.restored', { name: d.name }));
  };

  const save = () => {
    if (!session) return;
    const d = session.history.doc;
    download(fileName(d), savedText(d), 'application/json');
    say('success', t('doc.saved', { name: fileName(d) }));
  };

  // The rules the what-if page was opened for (it stays mounted from then on, for them only).
  const [whatIfOf, setWhatIfOf] = useState<Doc>();
  if (session && page === 'whatif' && whatIfOf !== session.base) setWhatIfOf(session.base);

  const doc: Doc = session?.history.doc ?? {};
  const title = textOf(field(doc, 'title'));
  const issues = useMemo(() => (session ? validateRuleSet(session.history.doc) : []), [session]);
  const tree = useMemo(() => outline(doc, issues), [doc, issues]);
  const node = selected === undefined ? undefined : nodeOf(tree, selected);
  const nodeIssues = node ? issues.filter((i) => within(i.path, node.key)) : [];
  const duplicate = () => {
    if (!session || !node || page !== 'edit') return;
    const path = node.path;
    const parent = node.key.slice(0, node.key.lastIndexOf('['));
    let code = '';
    const history = edit(
      session.history,
      duplicateAt(path, (c) => (code = c)),
    );
    setSession({ ...session, history });
    if (code) {
      setSelected(`${parent}[${Number(path.at(-1)) + 1}]`);
      say('success', t('pages.duplicated', { code }));
    }
  };
  duplicateRef.current = duplicate;
  const selectIssue = (issue: Issue) => {
    const at = nodeOf(tree, issue.path);
    if (at) setSelected(at.key);
  };

  return (
    <div>
      <div className={styles.bar} role="toolbar" aria-label={t('app.title')}>
        <Title3 as="h1">{t('app.title')}</Title3>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="open-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void open(file);
          }}
        />
        <Button appearance="primary" onClick={() => input.current?.click()}>
          {t('app.open')}
        </Button>
        {session && (
          <Button
            onClick={() => {
              change((h) => edit(h, () => nextYear(h.doc)));
              const next = nextYear(doc);
              say(
                'success',
                t('doc.nextYearDone', {
                  year: shown(field(next, 'year')),
                  edition: shown(field(next, 'edition')),
                }),
              );
            }}
          >
            {t('doc.nextYear')}
          </Button>
        )}
        {session && (
          <>
            <Button
              disabled={session.history.past.length === 0}
              onClick={() => change(undo)}
              title="Ctrl+Z"
            >
              {t('doc.undo')}
            </Button>
            <Button
              disabled={session.history.future.length === 0}
              onClick={() => change(redo)}
              title="Ctrl+Y"
            >
              {t('doc.redo')}
            </Button>
            <Button onClick={save}>{t('doc.save')}</Button>
            <Button onClick={() => setPage(page === 'whatif' ? 'edit' : 'whatif')}>
              {page === 'whatif' ? t('publish.back') : t('whatif.open')}
            </Button>
            <Button
              appearance={page === 'publish' ? 'secondary' : 'primary'}
              onClick={() => setPage(page === 'publish' ? 'edit' : 'publish')}
            >
              {page === 'publish' ? t('publish.back') : t('publish.open')}
            </Button>
            {autosaved && <Text data-testid="autosaved">{t('draft.autosaved')}</Text>}
          </>
        )}
        <span className={styles.grow} />
        <Button
          appearance="subtle"
          onClick={() => void i18n.changeLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
        >
          {t('app.language')}
        </Button>
      </div>
      <div className={styles.body}>
        {note && (
          <MessageBar intent={note.intent} role="status">
            {note.text}
          </MessageBar>
        )}
        {!session && <Text as="p">{t('app.intro')}</Text>}
        {!session && offer && (
          <MessageBar intent="info" data-testid="draft-offer">
            {t('draft.offer', { name: offer.name, at: offer.savedAt })}{' '}
            <Button size="small" appearance="primary" onClick={() => restore(offer)}>
              {t('draft.restore')}
            </Button>{' '}
            <Button
              size="small"
              onClick={() => {
                setOffer(undefined);
                void clearDraft();
              }}
            >
              {t('draft.discard')}
            </Button>
          </MessageBar>
        )}
        {session && (
          <section aria-label={t('doc.heading')}>
            <Title3 as="h2">{title ? msg(title) : session.name}</Title3>
            <dl className={styles.identity} data-testid="identity">
              <dt>{t('doc.year')}</dt>
              <dd data-testid="year">{shown(field(doc, 'year'))}</dd>
              <dt>{t('doc.edition')}</dt>
              <dd data-testid="edition">{shown(field(doc, 'edition'))}</dd>
            </dl>
            {session.baseEdition && (
              <Text>
                {t('app.fromEdition', { edition: shown(field(session.base, 'edition')) })}
              </Text>
            )}
          </section>
        )}
        {session && (
          <TabList
            className={styles.tabs}
            aria-label={t('pages.nav')}
            selectedValue={page}
            onTabSelect={(_, d) => setPage(d.value as typeof page)}
            data-testid="pages-nav"
          >
            <Tab value="edit">{t('pages.items')}</Tab>
            {RULE_PAGES.map((p) => (
              <Tab key={p} value={p}>
                {t(`pages.${p}`)}
              </Tab>
            ))}
            <Tab value="whatif">{t('whatif.open')}</Tab>
            <Tab value="publish">{t('publish.open')}</Tab>
          </TabList>
        )}
        {session &&
          RULE_PAGES.map((p) => {
            const Page = RULE_PAGE[p];
            return (
              page === p && (
                <Suspense key={p} fallback={<Text>{t('app.loading')}</Text>}>
                  <Page
                    doc={doc}
                    issues={issues}
                    onSet={write(setAt)}
                    onSettle={onSettle}
                    onSetList={(path, value) => change((h) => edit(h, setAt(path, value)))}
                  />
                </Suspense>
              )
            );
          })}
        {session && page === 'publish' && (
          <Suspense fallback={<Text>{t('app.loading')}</Text>}>
            <PublishPanel
              base={session.base}
              {...(session.baseEdition ? { baseEdition: session.baseEdition } : {})}
              doc={doc}
            />
          </Suspense>
        )}
        {session && whatIfOf === session.base && (
          // Kept (hidden) on the other pages once opened: the cohort read stays, rescored
          // after each edit. Opening other rules (another base) starts it afresh.
          <div hidden={page !== 'whatif'}>
            <Suspense fallback={<Text>{t('app.loading')}</Text>}>
              <WhatIfPanel base={session.base} doc={doc} issues={issues} />
            </Suspense>
          </div>
        )}
        {session && page === 'edit' && (
          <div className={styles.columns}>
            <div className={styles.pane}>
              <OutlineTree nodes={tree} selected={node?.key} onSelect={(n) => setSelected(n.key)} />
            </div>
            <div className={styles.pane} data-testid="detail">
              {node ? (
                <section aria-label={t('item.heading')}>
                  <Title3 as="h2">
                    {node.code} {node.title ? msg(node.title) : ''}
                  </Title3>
                  <TabList
                    selectedValue={view}
                    onTabSelect={(_, d) => setView(d.value as 'form' | 'json')}
                  >
                    <Tab value="form">{t('form.tab')}</Tab>
                    <Tab value="json">{t('form.json')}</Tab>
                  </TabList>
                  {node.path.at(-2) === 'items' && (
                    <Button size="small" onClick={duplicate} title="Ctrl+D">
                      {t('pages.duplicate')}
                    </Button>
                  )}
                  {view === 'form' ? (
                    <ItemForm
                      doc={doc}
                      path={node.path}
                      issues={nodeIssues}
                      onSet={write((path, value, now) =>
                        // A code changed in a new edition keeps its lineage (formerly).
                        path.at(-1) === 'code' &&
                        isNewEdition(now, session.base, !!session.baseEdition)
                          ? setCode(path.slice(0, -1), value, session.base)
                          : setAt(path, value),
                      )}
                      onSettle={onSettle}
                    />
                  ) : (
                    <JsonView
                      value={getAt(doc, node.path)}
                      nodeKey={node.key}
                      issues={nodeIssues}
                      onApply={(value) => change((h) => edit(h, setAt(node.path, value)))}
                    />
                  )}
                </section>
              ) : (
                <Text as="p">{t('item.none')}</Text>
              )}
            </div>
            <div className={styles.pane}>
              <ProblemsPanel issues={issues} onSelect={selectIssue} />
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
