// A form for the selected item: its code, title and points, and its rule for the kinds the forms
// cover (threshold with its slopes, proportional, yes/no, a formula); of other kinds their
// operands, the rest in the JSON view; and the item's own expressions (applicable, gates, formula
// streams). Every expression is in the one expression editor (ExpressionField).
// Its fields are DocFields' (the pages' own), bound to places under the item: a field is written
// when it loses focus (one undo step per field), and the engine's issues at its path show under it.
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { getAt, type Path } from '../doc/history.ts';
import type { Json } from '../doc/open.ts';
import { DocChoice, DocLabel, DocText, type Bound } from './DocFields.tsx';
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

/** The operands of the rule kinds without a fieldset of their own (schema/rules.ts: each a number
 *  or an expression), in the form's order, with their labels; the rest is the JSON view's. */
const OPERANDS: Readonly<
  Record<string, readonly { key: string; label: string; optional?: true }[]>
> = {
  band: [
    { key: 'value', label: 'form.value' },
    { key: 'low', label: 'expr.low' },
    { key: 'high', label: 'expr.high' },
  ],
  reduction: [
    { key: 'value', label: 'form.value' },
    { key: 'previous', label: 'expr.previous' },
    { key: 'base', label: 'expr.base', optional: true },
  ],
  ramp: [
    { key: 'value', label: 'form.value' },
    { key: 'full', label: 'expr.full' },
    { key: 'zero', label: 'expr.zero' },
  ],
  tiers: [{ key: 'value', label: 'form.value' }],
  piecewise: [{ key: 'value', label: 'form.value' }],
  rank: [{ key: 'value', label: 'form.value' }],
};

const list = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);

/** A rule's operand: a number or an expression, in the expression editor. */
function Operand(props: Props & { rel: Path; label: string; optional?: boolean }) {
  const { t } = useTranslation();
  return (
    <ExpressionField
      {...props}
      path={at(props.path, props.rel)}
      label={props.label}
      hint={t('form.operandHint')}
      operand
      optional={props.optional ?? false}
    />
  );
}

/** The rest of a rule kind without a form of its own: its operands (and its tiers' `than`). */
function OtherRule(props: Props & { kind: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const operands = OPERANDS[props.kind];
  if (!operands) return <Caption1>{t('form.otherKind', { kind: props.kind })}</Caption1>;
  const tiers =
    props.kind === 'tiers' ? list(getAt(props.doc, at(props.path, ['rule', 'tiers']))) : [];
  return (
    <fieldset className={styles.group}>
      <legend>{t(`expr.kinds.${props.kind}`)}</legend>
      {operands.map((o) => (
        <Operand
          key={o.key}
          {...props}
          rel={['rule', o.key]}
          label={t(o.label)}
          {...(o.optional ? { optional: true } : {})}
        />
      ))}
      {tiers.map((tier, n) =>
        getAt(tier, ['than']) === undefined ? null : (
          <Operand
            key={n}
            {...props}
            rel={['rule', 'tiers', n, 'than']}
            label={t('expr.than', { n: n + 1 })}
          />
        ),
      )}
      <Caption1>{t('expr.otherFields', { kind: props.kind })}</Caption1>
    </fieldset>
  );
}

/** An item's own expressions besides its rule: `applicable`, its gates' `when` (with their
 *  reasons) and its formula streams' `amount`. */
function Conditions(props: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const gates = list(getAt(props.doc, at(props.path, ['gates'])));
  const streams = list(getAt(props.doc, at(props.path, ['deductions'])));
  return (
    <fieldset className={styles.group}>
      <legend>{t('expr.conditions')}</legend>
      <ExpressionField
        {...props}
        path={at(props.path, ['applicable'])}
        label={t('expr.applicable')}
        hint={t('expr.applicableHint')}
        optional
      />
      {gates.map((_, n) => (
        <Fragment key={`gate${n}`}>
          <ExpressionField
            {...props}
            path={at(props.path, ['gates', n, 'when'])}
            label={t('expr.gate', { n: n + 1 })}
          />
          <DocLabel
            {...props}
            path={at(props.path, ['gates', n, 'reason'])}
            label={t('expr.gateReason', { n: n + 1 })}
            lang="zh"
          />
        </Fragment>
      ))}
      {streams.map((s, n) => {
        const stream = at(props.path, ['deductions', n]);
        const label = t(getAt(s, ['direction']) === 'add' ? 'expr.streamAdd' : 'expr.stream', {
          n: n + 1,
        });
        if (getAt(s, ['kind']) === 'expr')
          return (
            <ExpressionField
              key={`stream${n}`}
              {...props}
              path={at(stream, ['amount'])}
              label={label}
              hint={t('expr.streamHint')}
            />
          );
        if (getAt(s, ['kind']) !== 'per-record') return null;
        // Per record: which cases count, each one's amount (absent with an escalation), and
        // which weigh more; formulas over the case's fields, which completion offers first.
        const input = getAt(s, ['input']);
        const cases = typeof input === 'string' ? { cases: input } : {};
        return (
          <Fragment key={`stream${n}`}>
            <ExpressionField
              {...props}
              {...cases}
              path={at(stream, ['when'])}
              label={`${label} · ${t('expr.recordWhen')}`}
              hint={t('expr.recordHint')}
              optional
            />
            {getAt(s, ['escalation']) === undefined && (
              <ExpressionField
                {...props}
                {...cases}
                path={at(stream, ['each'])}
                label={`${label} · ${t('expr.recordEach')}`}
                hint={t('expr.recordHint')}
                operand
              />
            )}
            {getAt(s, ['multiplied']) !== undefined && (
              <ExpressionField
                {...props}
                {...cases}
                path={at(stream, ['multiplied', 'when'])}
                label={`${label} · ${t('expr.recordMultiplied')}`}
                hint={t('expr.recordHint')}
              />
            )}
          </Fragment>
        );
      })}
    </fieldset>
  );
}

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
          <Operand {...props} rel={['rule', 'value']} label={t('form.value')} />
          <DocChoice
            {...props}
            path={at(props.path, ['rule', 'op'])}
            label={t('form.op')}
            options={COMPARISONS.map((v) => ({ value: v, text: `${v} ${t(`form.cmp.${v}`)}` }))}
          />
          <Operand {...props} rel={['rule', 'target']} label={t('form.target')} />
          <SlopeFields {...props} at="below" />
          <SlopeFields {...props} at="above" />
        </fieldset>
      )}
      {kind === 'proportional' && (
        <fieldset className={styles.group}>
          <legend>{t('form.kind.proportional')}</legend>
          <Operand {...props} rel={['rule', 'value']} label={t('form.value')} />
          <Operand {...props} rel={['rule', 'target']} label={t('form.target')} />
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
            {...props}
            path={at(props.path, ['rule', 'score'])}
            label={t('expr.score')}
            hint={t('expr.hint')}
          />
        </fieldset>
      )}
      {typeof kind === 'string' && !FORM_KINDS.includes(kind) && (
        <OtherRule {...props} kind={kind} />
      )}
      {props.path.at(-2) === 'items' && <Conditions {...props} />}
    </form>
  );
}
