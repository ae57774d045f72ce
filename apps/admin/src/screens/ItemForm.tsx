// A form for the selected item: its code, title and points, and its rule for the kinds the forms
// cover (threshold with its slopes, proportional, yes/no, a formula); other kinds are edited in
// the JSON view.
// A field is written when it loses focus (one undo step per field), and the engine's issues at
// its path show under it.
import {
  Caption1,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  tokens,
} from '@fluentui/react-components';
import type { Issue } from '@kaohe/engine';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldText, fieldValue } from '../doc/fields.ts';
import { getAt, type Path } from '../doc/history.ts';
import type { Doc, Json } from '../doc/open.ts';
import { within } from '../doc/outline.ts';
import { useMsg } from '../i18n/msg.ts';
import { ExpressionField } from './ExpressionField.tsx';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '560px' },
  group: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalM,
    margin: 0,
  },
});

interface Props {
  doc: Doc;
  path: Path;
  nodeKey: string;
  issues: readonly Issue[];
  onSet: (path: Path, value: Json | undefined) => void;
}

const keyOf = (nodeKey: string, rel: readonly (string | number)[]): string =>
  rel.reduce<string>((k, p) => (typeof p === 'number' ? `${k}[${p}]` : `${k}.${p}`), nodeKey);

/** One text field: shown as written, written back on blur (or Enter). */
function TextField(
  props: Props & { rel: (string | number)[]; label: string; optional?: boolean; hint?: string },
) {
  const msg = useMsg();
  const value = getAt(props.doc, [...props.path, ...props.rel]);
  const shownText = fieldText(value);
  const [text, setText] = useState(shownText);
  useEffect(() => setText(shownText), [shownText]);
  const key = keyOf(props.nodeKey, props.rel);
  const here = props.issues.filter((i) => within(i.path, key));
  const commit = () => {
    if (text === shownText && value !== undefined) return;
    const next = fieldValue(text, props.optional);
    if (next === value || (next === undefined && value === undefined)) return;
    props.onSet([...props.path, ...props.rel], next);
  };
  return (
    <Field
      label={props.label}
      hint={props.hint}
      validationState={here.length > 0 ? 'error' : 'none'}
      validationMessage={here.length > 0 ? here.map((i) => msg(i.message)).join(';') : undefined}
    >
      <Input
        value={text}
        data-field={key}
        onChange={(_, d) => setText(d.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </Field>
  );
}

function ChoiceField(
  props: Props & {
    rel: (string | number)[];
    label: string;
    options: readonly { value: string; text: string }[];
  },
) {
  const msg = useMsg();
  const value = getAt(props.doc, [...props.path, ...props.rel]);
  const key = keyOf(props.nodeKey, props.rel);
  const here = props.issues.filter((i) => within(i.path, key));
  const current = props.options.find((o) => o.value === value);
  return (
    <Field
      label={props.label}
      validationState={here.length > 0 ? 'error' : 'none'}
      validationMessage={here.length > 0 ? here.map((i) => msg(i.message)).join(';') : undefined}
    >
      <Dropdown
        data-field={key}
        value={current?.text ?? fieldText(value)}
        selectedOptions={current ? [current.value] : []}
        onOptionSelect={(_, d) => {
          if (d.optionValue !== undefined && d.optionValue !== value)
            props.onSet([...props.path, ...props.rel], d.optionValue);
        }}
      >
        {props.options.map((o) => (
          <Option key={o.value} value={o.value}>
            {o.text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

function SlopeFields(props: Props & { at: 'below' | 'above' }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const rel = ['rule', props.at];
  const slope = getAt(props.doc, [...props.path, ...rel]);
  if (slope === undefined)
    return (
      <Caption1>
        {t(`form.${props.at}`)}: {t(`form.${props.at}None`)}
      </Caption1>
    );
  return (
    <fieldset className={styles.group}>
      <legend>{t(`form.${props.at}`)}</legend>
      <TextField {...props} rel={[...rel, 'per']} label={t('form.per')} />
      <TextField {...props} rel={[...rel, 'points']} label={t('form.stepPoints')} />
      <ChoiceField
        {...props}
        rel={[...rel, 'steps']}
        label={t('form.steps')}
        options={(['each-started', 'each-full', 'pro-rata'] as const).map((v) => ({
          value: v,
          text: t(`form.step.${v}`),
        }))}
      />
      <TextField {...props} rel={[...rel, 'cap']} label={t('form.cap')} optional />
    </fieldset>
  );
}

const COMPARISONS = ['>=', '>', '<=', '<', '='] as const;
const FORM_KINDS = ['threshold', 'proportional', 'yesno', 'expr'];

export function ItemForm(props: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const item = getAt(props.doc, props.path);
  const rule = getAt(props.doc, [...props.path, 'rule']);
  const kind = rule && typeof rule === 'object' && !Array.isArray(rule) ? rule['kind'] : undefined;
  const titleIsText = typeof getAt(props.doc, [...props.path, 'title']) === 'string';
  const inputs = getAt(props.doc, ['inputs']);
  const inputIds = (Array.isArray(inputs) ? inputs : []).flatMap((i) =>
    i && typeof i === 'object' && !Array.isArray(i) && typeof i['id'] === 'string' ? [i['id']] : [],
  );
  if (!item || typeof item !== 'object') return null;
  return (
    <form
      className={styles.form}
      aria-label={t('form.heading')}
      onSubmit={(e) => e.preventDefault()}
    >
      <TextField {...props} rel={['code']} label={t('form.code')} />
      <TextField
        {...props}
        rel={titleIsText ? ['title'] : ['title', 'zh']}
        label={t('form.title')}
      />
      <TextField {...props} rel={['points']} label={t('form.points')} />
      {kind === 'threshold' && (
        <fieldset className={styles.group}>
          <legend>{t('form.kind.threshold')}</legend>
          <TextField
            {...props}
            rel={['rule', 'value']}
            label={t('form.value')}
            hint={t('form.operandHint')}
          />
          <ChoiceField
            {...props}
            rel={['rule', 'op']}
            label={t('form.op')}
            options={COMPARISONS.map((v) => ({ value: v, text: `${v} ${t(`form.cmp.${v}`)}` }))}
          />
          <TextField
            {...props}
            rel={['rule', 'target']}
            label={t('form.target')}
            hint={t('form.operandHint')}
          />
          <SlopeFields {...props} at="below" />
          <SlopeFields {...props} at="above" />
        </fieldset>
      )}
      {kind === 'proportional' && (
        <fieldset className={styles.group}>
          <legend>{t('form.kind.proportional')}</legend>
          <TextField
            {...props}
            rel={['rule', 'value']}
            label={t('form.value')}
            hint={t('form.operandHint')}
          />
          <TextField
            {...props}
            rel={['rule', 'target']}
            label={t('form.target')}
            hint={t('form.operandHint')}
          />
        </fieldset>
      )}
      {kind === 'yesno' && (
        <fieldset className={styles.group}>
          <legend>{t('form.kind.yesno')}</legend>
          <ChoiceField
            {...props}
            rel={['rule', 'input']}
            label={t('form.input')}
            options={inputIds.map((id) => ({ value: id, text: id }))}
          />
          <TextField
            {...props}
            rel={['rule', 'yes']}
            label={t('form.yes')}
            optional
            hint={t('form.yesDefault')}
          />
          <TextField
            {...props}
            rel={['rule', 'no']}
            label={t('form.no')}
            optional
            hint={t('form.noDefault')}
          />
        </fieldset>
      )}
      {kind === 'expr' && (
        <fieldset className={styles.group}>
          <legend>{t('expr.kind')}</legend>
          <ExpressionField
            doc={props.doc}
            path={[...props.path, 'rule', 'score']}
            fieldKey={keyOf(props.nodeKey, ['rule', 'score'])}
            label={t('expr.score')}
            hint={t('expr.hint')}
            onSet={props.onSet}
          />
        </fieldset>
      )}
      {typeof kind === 'string' && !FORM_KINDS.includes(kind) && (
        <Caption1>{t('form.otherKind', { kind })}</Caption1>
      )}
    </form>
  );
}
