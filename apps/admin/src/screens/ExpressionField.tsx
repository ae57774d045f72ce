// A formula field (an `expr` item's score): CodeMirror, loaded when the first such field shows.
// The engine judges the text as it is typed — validateRuleSet on the draft with this text in
// place, its issues at this field marked at their span (position–end) — and reads it back in
// words under the editor (expressionInWords). The draft takes the text when the typing pauses and
// when the field loses focus (one undo step each), never while an IME is still composing.
import { Caption1, Field, makeStyles, Text, tokens } from '@fluentui/react-components';
import { expressionFunctions, expressionInWords, validateRuleSet, type Issue } from '@kaohe/engine';
import { useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldText, fieldValue } from '../doc/fields.ts';
import { edit, getAt, setAt, startHistory, type Path } from '../doc/history.ts';
import type { Doc, Json } from '../doc/open.ts';
import { within } from '../doc/outline.ts';
import { textOf, useMsg } from '../i18n/msg.ts';
import type { EditorHandle, Mark } from '../expression/editor.ts';

const useStyles = makeStyles({
  host: { minHeight: '32px' },
  words: {
    display: 'block',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    marginTop: tokens.spacingVerticalXS,
  },
});

/** How long typing pauses before the draft takes the text. */
const PAUSE_MS = 600;

/** The engine's issues at `key` when the draft holds `text` there. */
export function liveIssues(doc: Doc, path: Path, key: string, text: string): Issue[] {
  const value = fieldValue(text);
  const next = value === getAt(doc, path) ? doc : edit(startHistory(doc), setAt(path, value)).doc;
  return validateRuleSet(next).filter((i) => within(i.path, key));
}

/** Input ids (and derived values) with their labels, for completion. */
function namesOf(doc: Doc, language: string): { id: string; label: string }[] {
  const out: { id: string; label: string }[] = [];
  for (const list of [doc['inputs'], doc['derived']]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      if (!entry || typeof entry !== 'object' || Array.isArray(entry)) continue;
      const id = entry['id'];
      const label = textOf(entry['label']);
      if (typeof id !== 'string') continue;
      const shown = label === undefined ? '' : typeof label === 'string' ? label : label.zh;
      const en = label && typeof label === 'object' ? (label.en ?? label.zh) : shown;
      out.push({ id, label: language === 'en' ? en : shown });
    }
  }
  return out;
}

export function ExpressionField(props: {
  doc: Doc;
  path: Path;
  /** The field's issue path (sections[0].items[2].rule.score). */
  fieldKey: string;
  label: string;
  hint?: string;
  onSet: (path: Path, value: Json | undefined) => void;
}) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const msg = useMsg();
  const value = getAt(props.doc, props.path);
  const written = fieldText(value);
  const [text, setText] = useState(written);
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<EditorHandle>(undefined);
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState<string>();
  // The latest props for the editor's callbacks (it is made once per field).
  const latest = useRef({ text, written, props });
  latest.current = { text, written, props };

  // Removing a focused editor blurs it (Chromium): a field already gone (another file opened,
  // another item selected) writes nothing into the document that replaced its own.
  const alive = useRef(true);
  // A layout effect: its cleanup runs before React removes the editor's element.
  useLayoutEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  /** The text this field last gave the draft: its echo back is not a change from elsewhere. */
  const given = useRef<string>(undefined);
  const commit = () => {
    const { text: now, written: was, props: p } = latest.current;
    if (!alive.current || now === was) return;
    given.current = fieldText(fieldValue(now));
    p.onSet(p.path, fieldValue(now));
  };

  // The draft changed under the field (undo, another item): the editor shows it. Its own text
  // coming back leaves the editor alone: typing (or an IME composing) has gone on since.
  useEffect(() => {
    if (written === given.current) return;
    given.current = undefined;
    setText(written);
    editor.current?.setText(written);
  }, [written, props.fieldKey]);

  // Typing paused: the draft takes the text.
  useEffect(() => {
    if (text === written) return;
    const timer = setTimeout(commit, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, written]);

  const functions = useMemo(() => expressionFunctions(props.fieldKey), [props.fieldKey]);
  const names = useMemo(() => namesOf(props.doc, i18n.language), [props.doc, i18n.language]);
  const namesRef = useRef(names);
  namesRef.current = names;

  useEffect(() => {
    let gone = false;
    import('../expression/editor.ts').then(
      ({ mountEditor }) => {
        if (gone || !host.current) return;
        editor.current = mountEditor(host.current, {
          text: latest.current.text,
          label: props.label,
          get inputs() {
            return namesRef.current;
          },
          functions,
          onChange: setText,
          onBlur: commit,
        });
        setLoaded(true);
      },
      (e: unknown) => setFailed(String(e)),
    );
    return () => {
      gone = true;
      const going = alive.current;
      alive.current = false; // its blur on the way out writes nothing
      editor.current?.destroy();
      alive.current = going;
      editor.current = undefined;
    };
  }, [props.fieldKey]);

  const judged = useDeferredValue(text);
  const issues = useMemo(
    () => liveIssues(props.doc, props.path, props.fieldKey, judged),
    [props.doc, props.path, props.fieldKey, judged],
  );
  useEffect(() => {
    if (!loaded) return;
    const marks: Mark[] = issues.map((i) => ({
      // An issue without a span (a misplaced function, a blank) marks the whole formula.
      from: i.position ?? 0,
      to: i.end ?? (i.position === undefined ? judged.length : i.position + 1),
      severity: i.severity === 'warning' ? 'warning' : 'error',
      message: msg(i.message),
    }));
    editor.current?.mark(marks);
  }, [issues, loaded]);

  const words = expressionInWords(props.doc, judged);
  return (
    <div>
      <Field
        label={props.label}
        hint={props.hint}
        validationState={issues.length > 0 ? 'error' : 'none'}
        validationMessage={
          issues.length > 0 ? issues.map((i) => msg(i.message)).join(';') : undefined
        }
      >
        <div
          ref={host}
          className={styles.host}
          data-field={props.fieldKey}
          aria-invalid={issues.length > 0}
        />
      </Field>
      {!loaded && !failed && <Caption1>{t('expr.loading')}</Caption1>}
      {failed && <Caption1>{t('expr.failed', { message: failed })}</Caption1>}
      {judged.trim() !== '' && (
        <Text className={styles.words} data-testid="expression-words">
          {words ? `${t('expr.readBack')}${msg(words)}` : t('expr.unreadable')}
        </Text>
      )}
    </div>
  );
}
