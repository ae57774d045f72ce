// The admin app: open last year's rules, make next year's draft, edit, check and publish it.
import { Button, makeStyles, MessageBar, Text, tokens, Title3 } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { edit, startHistory, type History } from './doc/history.ts';
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
  const [note, setNote] = useState<{ intent: 'success' | 'error'; text: string }>();

  const say = (intent: 'success' | 'error', m: Msg | string) =>
    setNote({ intent, text: typeof m === 'string' ? m : msg(m) });

  const open = async (file: File) => {
    const opened = openText(await file.text(), file.name);
    if (!opened.ok) return say('error', opened.message);
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
      </div>
    </div>
  );
}
