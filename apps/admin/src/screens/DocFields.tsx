// Fields bound to a place in the draft by its absolute path, for the item form and the pages of
// inputs, sanctions, grades and quotas: shown as written, written back on blur (one undo step per
// field), with the engine's issues at that path (and inside it) under the field. The text ↔ value
// mapping is fields.ts's; the matching of issues to a place is outline.ts's `within`. A field
// holding an expression is ExpressionField (CodeMirror), bound the same way.
import { Checkbox, Dropdown, Field, Input, makeStyles, Option } from '@fluentui/react-components';
import type { Issue } from '@kaohe/engine';
import { useState } from 'react';
import { fieldText, fieldValue } from '../doc/fields.ts';
import { getAt, type Path } from '../doc/history.ts';
import type { Doc, Json } from '../doc/open.ts';
import { within } from '../doc/outline.ts';
import { useMsg } from '../i18n/msg.ts';

// Fields fill their cell of the page's grid (Fluent's inputs and dropdowns have their own
// minimum widths, which would overlap the next cell).
const useStyles = makeStyles({ fill: { width: '100%', minWidth: 0, maxWidth: '100%' } });

export interface Bound {
  doc: Doc;
  issues: readonly Issue[];
  /** Writes a field: one undo step; with `burst`, part of the burst of typing at that place
   *  (a formula taken at each pause), one undo step with the rest of it until `onSettle`. */
  onSet: (path: Path, value: Json | undefined, burst?: boolean) => void;
  /** The focus left a field typed in: its burst of typing is over. */
  onSettle?: () => void;
}

/** The engine's name of a place: ['inputs', 2, 'label', 'zh'] → "inputs[2].label.zh". */
export const pathKey = (path: Path): string =>
  path.reduce<string>(
    (k, p) => (typeof p === 'number' ? `${k}[${p}]` : k === '' ? p : `${k}.${p}`),
    '',
  );

/** The issues at a place or inside it. */
export const issuesAt = (issues: readonly Issue[], path: Path): Issue[] => {
  const key = pathKey(path);
  return issues.filter((i) => within(i.path, key));
};

/** A field's validation state and message for the issues at it (each with its code). */
export function useFieldProblems(here: readonly Issue[]) {
  const msg = useMsg();
  return {
    validationState: here.length > 0 ? ('error' as const) : ('none' as const),
    validationMessage:
      here.length > 0 ? here.map((i) => `${msg(i.message)}(${i.code})`).join(';') : undefined,
  };
}

function useProblems(props: Bound, path: Path, issuePath?: Path) {
  return useFieldProblems(issuesAt(props.issues, issuePath ?? path));
}

/**
 * A field's text, starting as the draft's and following it when the draft changes under the
 * field (an undo, an edit elsewhere); typing changes it until then. `onFollow` runs as it
 * follows. Adjusted while rendering, not in an effect: a mount effect still pending when the
 * first keystroke came (a page committed by React's scheduler after a lazy load, on a busy
 * machine) ran after it and put the old text back, so the blur committed nothing.
 */
export function useTextOf(shown: string, onFollow?: () => void) {
  const [text, setText] = useState(shown);
  const [seen, setSeen] = useState(shown);
  if (seen !== shown) {
    setSeen(shown);
    setText(shown);
    onFollow?.();
  }
  return [text, setText] as const;
}

/** A text field. `optional`: a blank removes the key (its default applies), else it is null,
 *  which the engine reports at the field — never 0. */
export function DocText(
  props: Bound & {
    path: Path;
    label: string;
    optional?: boolean;
    hint?: string;
    /** Where the engine reports this field's problems, when not at its own path (a text's
     *  Chinese: the issue is at the text). */
    issuePath?: Path;
  },
) {
  const styles = useStyles();
  const value = getAt(props.doc, props.path);
  const shownText = fieldText(value);
  const [text, setText] = useTextOf(shownText);
  const problems = useProblems(props, props.path, props.issuePath);
  const commit = () => {
    if (text === shownText && value !== undefined) return;
    const next = fieldValue(text, props.optional);
    if (next === value || (next === undefined && value === undefined)) return;
    props.onSet(props.path, next);
  };
  return (
    <Field label={props.label} hint={props.hint} {...problems}>
      <Input
        className={styles.fill}
        value={text}
        data-field={pathKey(props.path)}
        onChange={(_, d) => setText(d.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </Field>
  );
}

/** A text that may be written as one string or as { zh, en }: its Chinese, or its English (an
 *  English added to a plain string makes it { zh, en }; a blank English removes it). */
export function DocLabel(props: Bound & { path: Path; label: string; lang: 'zh' | 'en' }) {
  const raw = getAt(props.doc, props.path);
  const plain = typeof raw === 'string';
  const own = [...props.path, props.lang];
  if (plain && props.lang === 'en')
    return (
      <DocText
        {...props}
        path={own}
        optional
        onSet={(_, v) => {
          if (v !== undefined) props.onSet(props.path, { zh: raw, en: v });
        }}
      />
    );
  return (
    <DocText
      {...props}
      path={plain ? props.path : own}
      optional={props.lang === 'en'}
      issuePath={props.lang === 'zh' ? props.path : own}
    />
  );
}

/** A yes/no flag: ticked writes true, unticked removes the key (its default, false, applies). */
export function DocCheck(props: Bound & { path: Path; label: string }) {
  const value = getAt(props.doc, props.path);
  const problems = useProblems(props, props.path);
  return (
    <Field {...problems}>
      <Checkbox
        label={props.label}
        data-field={pathKey(props.path)}
        checked={value === true}
        onChange={(_, d) => props.onSet(props.path, d.checked === true ? true : undefined)}
      />
    </Field>
  );
}

/** A choice among fixed values; `optional` adds a blank choice that removes the key. */
export function DocChoice(
  props: Bound & {
    path: Path;
    label: string;
    options: readonly { value: string; text: string }[];
    optional?: { text: string };
  },
) {
  const styles = useStyles();
  const value = getAt(props.doc, props.path);
  const problems = useProblems(props, props.path);
  const none = '\u0000none';
  const options = props.optional
    ? [{ value: none, text: props.optional.text }, ...props.options]
    : props.options;
  const current = options.find((o) => o.value === (value === undefined ? none : value));
  return (
    <Field label={props.label} {...problems}>
      <Dropdown
        className={styles.fill}
        data-field={pathKey(props.path)}
        value={current?.text ?? fieldText(value)}
        selectedOptions={current ? [current.value] : []}
        onOptionSelect={(_, d) => {
          const v = d.optionValue;
          if (v === undefined) return;
          if (v === none) {
            if (value !== undefined) props.onSet(props.path, undefined);
          } else if (v !== value) props.onSet(props.path, v);
        }}
      >
        {options.map((o) => (
          <Option key={o.value} value={o.value}>
            {o.text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
