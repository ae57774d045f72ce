// Every field that holds an expression — an `expr` item's score, a rule's operands (a number or an
// expression), a gate's or a sanction's `when`, an item's `applicable`, a derived value's
// `expression`… — is this one: CodeMirror, loaded when the first such field shows. The engine
// judges the text as it is typed — validateRuleSet on the draft with this text in place, its
// issues at this field marked at their span (position–end) — and reads it back in words under
// the editor (expressionInWords). The draft takes the text when the typing pauses and when the
// field loses focus, never while an IME is still composing; the pauses of one burst of typing
// are one undo step (history.ts), which ends when the focus leaves the field.
// Tab leaves the editor for the next field (no key binds it: the keymaps used leave it alone).
import { Caption1, Field, makeStyles, Text, tokens } from '@fluentui/react-components';
import { expressionFunctions, expressionInWords, validateRuleSet, type Issue } from '@kaohe/engine';
import { useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldText, fieldValue, formulaValue } from '../doc/fields.ts';
import { edit, getAt, setAt, startHistory, type Path } from '../doc/history.ts';
import type { Doc, Json } from '../doc/open.ts';
import { within } from '../doc/outline.ts';
import { textOf, useMsg } from '../i18n/msg.ts';
import type { EditorHandle, Mark } from '../expression/editor.ts';
import { pathKey, useFieldProblems, type Bound } from './DocFields.tsx';

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

/** What a field holds: a formula (text, a bare number too), or an operand (a number or a formula);
 *  `optional`: a blank removes the key. */
export interface Holds {
  operand?: boolean;
  optional?: boolean;
}

/** The value the field's text stands for. */
export const valueOf = (text: string, holds: Holds): Json | undefined =>
  (holds.operand ? fieldValue : formulaValue)(text, holds.optional);

/** The engine's issues at `path` (and inside it) when the draft holds `text` there; `known`: the
 *  draft's own issues, taken as they are when the text is what the draft holds. */
export function liveIssues(
  doc: Doc,
  path: Path,
  text: string,
  holds: Holds = {},
  known?: readonly Issue[],
): Issue[] {
  const key = pathKey(path);
  const value = valueOf(text, holds);
  const same = value === getAt(doc, path);
  const issues =
    same && known
      ? known
      : validateRuleSet(same ? doc : edit(startHistory(doc), setAt(path, value)).doc);
  return issues.filter((i) => within(i.path, key));
}

/** Input ids (and derived values) with their labels, for completion; with `cases`, first the
 *  fields of that `cases` input (what a per-record stream's formulas read of each case). */
function namesOf(doc: Doc, language: string, cases?: string): { id: string; label: string }[] {
  const out: { id: string; label: string }[] = [];
  const inputs = Array.isArray(doc['inputs']) ? doc['inputs'] : [];
  const input = cases === undefined ? undefined : inputs.find((i) => getAt(i, ['id']) === cases);
  const fields = getAt(input ?? null, ['fields']);
  for (const list of [fields, doc['inputs'], doc['derived']]) {
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

export function ExpressionField(
  props: Bound &
    Holds & {
      path: Path;
      label: string;
      hint?: string;
      /** A per-record stream's formula: the id of the `cases` input whose fields it reads. */
      cases?: string;
    },
) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const msg = useMsg();
  /** The field's issue path (sections[0].items[2].rule.score). */
  const fieldKey = pathKey(props.path);
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
  /** The draft takes the text: part of this burst of typing (one undo step until settled). */
  const commit = () => {
    const { text: now, written: was, props: p } = latest.current;
    if (!alive.current || now === was) return;
    const next = valueOf(now, p);
    if (next === getAt(p.doc, p.path)) return;
    given.current = fieldText(next);
    p.onSet(p.path, next, true);
  };
  /** The focus left: the text is taken, and the burst of typing is over. */
  const leave = () => {
    if (!alive.current) return;
    commit();
    latest.current.props.onSettle?.();
  };

  // The draft changed under the field (undo, another item): the editor shows it. Its own text
  // coming back leaves the editor alone: typing (or an IME composing) has gone on since.
  useEffect(() => {
    if (written === given.current) return;
    given.current = undefined;
    setText(written);
    editor.current?.setText(written);
  }, [written, fieldKey]);

  // Typing paused: the draft takes the text.
  useEffect(() => {
    if (text === written) return;
    const timer = setTimeout(commit, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, written]);

  const functions = useMemo(() => expressionFunctions(fieldKey), [fieldKey]);
  const names = useMemo(
    () => namesOf(props.doc, i18n.language, props.cases),
    [props.doc, i18n.language, props.cases],
  );
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
          onChange: (now) => {
            // At once, not at the next render: the focus may leave before it.
            latest.current.text = now;
            setText(now);
          },
          onBlur: leave,
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
  }, [fieldKey]);

  const judged = useDeferredValue(text);
  const holds: Holds = { operand: props.operand ?? false, optional: props.optional ?? false };
  const issues = useMemo(
    () => liveIssues(props.doc, props.path, judged, holds, props.issues),
    // The path by its key (a new array each render), the holds by their flags.
    [props.doc, fieldKey, judged, props.issues, holds.operand, holds.optional],
  );
  const problems = useFieldProblems(issues);
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
  // A bare number (an operand's 7.5) reads as itself: nothing to read back.
  const plain = words !== undefined && msg(words) === judged.trim();
  return (
    <div data-expression={fieldKey}>
      <Field label={props.label} hint={props.hint} {...problems}>
        <div
          ref={host}
          className={styles.host}
          data-field={fieldKey}
          aria-invalid={issues.length > 0}
        />
      </Field>
      {!loaded && !failed && <Caption1>{t('expr.loading')}</Caption1>}
      {failed && <Caption1>{t('expr.failed', { message: failed })}</Caption1>}
      {judged.trim() !== '' && !plain && (
        <Text className={styles.words} data-testid="expression-words">
          {words ? `${t('expr.readBack')}${msg(words)}` : t('expr.unreadable')}
        </Text>
      )}
    </div>
  );
}
