// A form for the selected item: its code, title and points, and its rule for the kinds the forms
// cover (threshold with its slopes, proportional, yes/no, a formula); other kinds are edited in
// the JSON view.
// Its fields are DocFields' (the pages' own), bound to places under the item: a field is written
// when it loses focus (one undo step per field), and the engine's issues at its path show under it.
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { getAt, type Path } from '../doc/history.ts';
import { DocChoice, DocLabel, DocText, pathKey, type Bound } from './DocFields.tsx';
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

interface Props extends Bound {
  /** The item's place in the draft; its fields are DocFields bound to places under it. */
  path: Path;
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
      <DocText {...props} path={[...props.path, ...rel, 'per']} label={t('form.per')} />
      <DocText {...props} path={[...props.path, ...rel, 'points']} label={t('form.stepPoints')} />
      <DocChoice
        {...props}
        path={[...props.path, ...rel, 'steps']}
        label={t('form.steps')}
        options={(['each-started', 'each-full', 'pro-rata'] as const).map((v) => ({
          value: v,
          text: t(`form.step.${v}`),
        }))}
      />
      <DocText {...props} path={[...props.path, ...rel, 'cap']} label={t('form.cap')} optional />
    </fieldset>
  );
}

/** A place under the item. */
const at = (item: Path, rel: Path): Path => [...item, ...rel];

const COMPARISONS = ['>=', '>', '<=', '<', '='] as const;
const FORM_KINDS = ['threshold', 'proportional', 'yesno', 'expr'];

export function ItemForm(props: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const item = getAt(props.doc, props.path);
  const rule = getAt(props.doc, [...props.path, 'rule']);
  const kind = rule && typeof rule === 'object' && !Array.isArray(rule) ? rule['kind'] : undefined;
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
      <DocText {...props} path={at(props.path, ['code'])} label={t('form.code')} />
      <DocLabel {...props} path={at(props.path, ['title'])} label={t('form.title')} lang="zh" />
      <DocText {...props} path={at(props.path, ['points'])} label={t('form.points')} />
      {kind === 'threshold' && (
        <fieldset className={styles.group}>
          <legend>{t('form.kind.threshold')}</legend>
          <DocText
            {...props}
            path={at(props.path, ['rule', 'value'])}
            label={t('form.value')}
            hint={t('form.operandHint')}
          />
          <DocChoice
            {...props}
            path={at(props.path, ['rule', 'op'])}
            label={t('form.op')}
            options={COMPARISONS.map((v) => ({ value: v, text: `${v} ${t(`form.cmp.${v}`)}` }))}
          />
          <DocText
            {...props}
            path={at(props.path, ['rule', 'target'])}
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
          <DocText
            {...props}
            path={at(props.path, ['rule', 'value'])}
            label={t('form.value')}
            hint={t('form.operandHint')}
          />
          <DocText
            {...props}
            path={at(props.path, ['rule', 'target'])}
            label={t('form.target')}
            hint={t('form.operandHint')}
          />
        </fieldset>
      )}
      {kind === 'yesno' && (
        <fieldset className={styles.group}>
          <legend>{t('form.kind.yesno')}</legend>
          <DocChoice
            {...props}
            path={at(props.path, ['rule', 'input'])}
            label={t('form.input')}
            options={inputIds.map((id) => ({ value: id, text: id }))}
          />
          <DocText
            {...props}
            path={at(props.path, ['rule', 'yes'])}
            label={t('form.yes')}
            optional
            hint={t('form.yesDefault')}
          />
          <DocText
            {...props}
            path={at(props.path, ['rule', 'no'])}
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
            fieldKey={pathKey(at(props.path, ['rule', 'score']))}
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
