// The admin app: open last year's rules, make next year's draft, edit, check and publish it.
import { Button, makeStyles, MessageBar, Text, tokens, Title3 } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validateRuleSet, type Issue } from '@kaohe/engine';
import { edit, getAt, setAt, startHistory, type History } from './doc/history.ts';
import { nodeOf, outline, within } from './doc/outline.ts';
import { JsonView } from './screens/JsonView.tsx';
import { OutlineTree } from './screens/OutlineTree.tsx';
import { ProblemsPanel } from './screens/ProblemsPanel.tsx';
import { nextYear, openText, type Doc, type Json } from './doc/open.ts';
import type { EditionFile } from '@kaohe/sheet';
import { shown, textOf, useMsg } from './i18n/msg.ts';
import type { Msg } from '@kaohe/engine';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    flexWrap: 'wrap',
    padding: tokens.spacingVerticalM,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  grow: { flexGrow: 1 },
  body: { padding: tokens.spacingVerticalM },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(280px, 1fr) minmax(360px, 1.4fr) minmax(260px, 1fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  pane: { maxHeight: 'calc(100vh - 180px)', overflowY: 'auto' },
});

interface Session {
  name: string;
  /** The rules as opened: the last edition the draft is compared with. */
  base: Doc;
  baseEdition?: EditionFile;
  history: History;
}

const field = (doc: Doc, key: string): Json | undefined => doc[key];

export function App() {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const msg = useMsg();
  const input = useRef<HTMLInputElement>(null);
  const [session, setSession] = useState<Session>();
  const [selected, setSelected] = useState<string>();
  const [note, setNote] = useState<{ intent: 'success' | 'error'; text: string }>();

  const say = (intent: 'success' | 'error', m: Msg | string) =>
    setNote({ intent, text: typeof m === 'string' ? m : msg(m) });

  const open = async (file: File) => {
    const opened = openText(await file.text(), file.name);
    if (!opened.ok) return say('error', opened.message);
    setSelected(undefined);
    setSession({
      name: file.name,
      base: opened.doc,
      ...(opened.edition ? { baseEdition: opened.edition } : {}),
      history: startHistory(opened.doc),
    });
    say('success', t('app.opened', { name: file.name }));
  };

  const change = (next: (h: History) => History) =>
    setSession((s) => (s ? { ...s, history: next(s.history) } : s));

  const doc: Doc = session?.history.doc ?? {};
  const title = textOf(field(doc, 'title'));
  const issues = useMemo(() => (session ? validateRuleSet(session.history.doc) : []), [session]);
  const tree = useMemo(() => outline(doc, issues), [doc, issues]);
  const node = selected === undefined ? undefined : nodeOf(tree, selected);
  const nodeIssues = node ? issues.filter((i) => within(i.path, node.key)) : [];
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
        {session && (
          <section aria-label={t('doc.heading')}>
            <Title3 as="h2">{title ? msg(title) : session.name}</Title3>
            <dl data-testid="identity">
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
                  <JsonView
                    value={getAt(doc, node.path)}
                    nodeKey={node.key}
                    issues={nodeIssues}
                    onApply={(value) => change((h) => edit(h, setAt(node.path, value)))}
                  />
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
