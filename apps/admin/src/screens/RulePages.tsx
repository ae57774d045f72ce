import type { ReactNode } from 'react';
// The pages for the rule set's lists outside the items: inputs (输入项), sanctions (否决与惩戒),
// grades (等次) and their quotas (名额). Each row is a set of fields bound to its place in the
// draft; every change is one undo step; the engine's issues show at the field they name, and an
// issue at the row itself (or at a field the page has none for) under the row.
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  Text,
  tokens,
  Title3,
} from '@fluentui/react-components';
import { INPUT_SOURCES, INPUT_UNITS, type Issue } from '@kaohe/engine';
import { useTranslation } from 'react-i18next';
import { getAt, type Path } from '../doc/history.ts';
import type { Json } from '../doc/open.ts';
import { textOf, useMsg } from '../i18n/msg.ts';
import {
  DocCheck,
  DocChoice,
  DocLabel,
  DocText,
  issuesAt,
  pathKey,
  type Bound,
} from './DocFields.tsx';
import { ExpressionField } from './ExpressionField.tsx';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '1280px' },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    alignItems: 'start',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  wide: { gridColumn: 'span 2' },
  full: { gridColumn: '1 / -1' },
  rest: { gridColumn: '1 / -1', color: tokens.colorPaletteRedForeground1 },
  actions: { gridColumn: '1 / -1', display: 'flex', gap: tokens.spacingHorizontalS },
});

export interface PageProps extends Bound {
  /** A change that is not one field: adding or removing a row (one undo step). */
  onSetList: (path: Path, value: Json | undefined) => void;
}

const list = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);
const str = (v: Json | undefined): string =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : '';

/** The issues at a row that no field of the row shows: at the row itself or at a field the
 *  page does not offer (a `choices` list, a `rollUp`). */
function Rest(props: { issues: readonly Issue[]; row: Path; fields: readonly string[] }) {
  const styles = useStyles();
  const msg = useMsg();
  const key = pathKey(props.row);
  const rest = issuesAt(props.issues, props.row).filter(
    (i) =>
      !props.fields.some((f) => {
        const at = `${key}.${f}`;
        return i.path === at || i.path.startsWith(`${at}.`) || i.path.startsWith(`${at}[`);
      }),
  );
  if (rest.length === 0) return null;
  return (
    <ul className={styles.rest} aria-label={key}>
      {rest.map((i, n) => (
        <li key={`${i.code}#${n}`}>
          {msg(i.message)}{' '}
          <Caption1>
            <code>{i.code}</code> · <code>{i.path}</code>
          </Caption1>
        </li>
      ))}
    </ul>
  );
}

const BAND_FIELDS = ['id', 'label', 'min', 'maxShare', 'minShare', 'fromBottom', 'consequence'];

interface RowProps {
  at: Path;
  fields: readonly string[];
  issues: readonly Issue[];
  testId: string;
  legend: string;
  /** Absent: the row cannot be removed here (a band on the quotas page). */
  onRemove: (() => void) | undefined;
  children: ReactNode;
}

/** A row's issues and its removal, from the page's props. */
const rowOf = (props: PageProps, at: Path, fields: readonly string[]) => ({
  at,
  fields,
  issues: props.issues,
  onRemove: () => props.onSetList(at, undefined),
});

/** One row of a list page: its fieldset and legend, its fields, the issues none of its fields
 *  shows, and 删除 when it can be removed. */
function Row(props: RowProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <fieldset className={styles.row} data-testid={props.testId}>
      <legend className={styles.legend}>{props.legend}</legend>
      {props.children}
      <Rest issues={props.issues} row={props.at} fields={props.fields} />
      {props.onRemove && (
        <div className={styles.actions}>
          <Button size="small" onClick={props.onRemove}>
            {t('pages.remove')}
          </Button>
        </div>
      )}
    </fieldset>
  );
}

/** What an input, a derived value and a counter each have: an id and a label in Chinese and in
 *  English, and — `unit` — the unit of its value. */
function Naming(props: PageProps & { at: Path; unit?: boolean }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { at } = props;
  return (
    <>
      <DocText {...props} path={[...at, 'id']} label={t('pages.id')} />
      <div className={styles.wide}>
        <DocLabel {...props} path={[...at, 'label']} label={t('pages.labelZh')} lang="zh" />
      </div>
      <div className={styles.wide}>
        <DocLabel {...props} path={[...at, 'label']} label={t('pages.labelEn')} lang="en" />
      </div>
      {props.unit && (
        <DocChoice
          {...props}
          path={[...at, 'unit']}
          label={t('pages.unit')}
          options={INPUT_UNITS.map((u) => ({ value: u, text: t(`pages.units.${u}`) }))}
        />
      )}
    </>
  );
}

export function InputsPage(props: PageProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const inputs = list(getAt(props.doc, ['inputs']));
  const derived = list(getAt(props.doc, ['derived']));
  const fields = ['id', 'label', 'unit', 'source', 'min', 'max', 'blankMeans', 'evidence'];
  return (
    <section className={styles.page} aria-label={t('pages.inputs')} data-testid="page-inputs">
      <Title3 as="h2">{t('pages.inputs')}</Title3>
      <Text>{t('pages.inputsIntro', { count: inputs.length })}</Text>
      {inputs.map((_, i) => {
        const at = ['inputs', i];
        return (
          <Row
            key={i}
            {...rowOf(props, at, fields)}
            testId={`input-${i}`}
            legend={`${i + 1}. ${str(getAt(props.doc, [...at, 'id']))}`}
          >
            <Naming {...props} at={at} unit />
            <DocChoice
              {...props}
              path={[...at, 'source']}
              label={t('pages.source')}
              options={INPUT_SOURCES.map((s) => ({ value: s, text: t(`pages.sources.${s}`) }))}
              optional={{ text: t('pages.sources.default') }}
            />
            <DocText {...props} path={[...at, 'min']} label={t('pages.min')} optional />
            <DocText {...props} path={[...at, 'max']} label={t('pages.max')} optional />
            <DocText
              {...props}
              path={[...at, 'blankMeans']}
              label={t('pages.blankMeans')}
              hint={t('pages.blankMeansHint')}
              optional
            />
            <DocCheck {...props} path={[...at, 'evidence']} label={t('pages.evidence')} />
          </Row>
        );
      })}
      <div>
        <Button
          onClick={() =>
            props.onSetList(['inputs', inputs.length], { id: '', label: '', unit: 'number' })
          }
        >
          {t('pages.addInput')}
        </Button>
      </div>
      <Title3 as="h3">{t('expr.derived')}</Title3>
      <Text>{t('expr.derivedIntro', { count: derived.length })}</Text>
      {derived.map((_, i) => {
        const at = ['derived', i];
        return (
          <Row
            key={i}
            {...rowOf(props, at, ['id', 'label', 'unit', 'expression'])}
            testId={`derived-${i}`}
            legend={`${i + 1}. ${str(getAt(props.doc, [...at, 'id']))}`}
          >
            <Naming {...props} at={at} unit />
            <div className={styles.full}>
              <ExpressionField
                {...props}
                path={[...at, 'expression']}
                label={t('expr.expression')}
                hint={t('expr.expressionHint')}
              />
            </div>
          </Row>
        );
      })}
      <div>
        <Button
          onClick={() =>
            props.onSetList(['derived', derived.length], {
              id: '',
              label: '',
              unit: 'number',
              expression: '',
            })
          }
        >
          {t('expr.addDerived')}
        </Button>
      </div>
    </section>
  );
}

const LEVELS = ['interview', 'notice', 'no-commendation', 'veto'] as const;

const bandOptions = (props: Bound): { value: string; text: string }[] =>
  list(getAt(props.doc, ['grades', 'bands'])).flatMap((b, i) => {
    const id = getAt(props.doc, ['grades', 'bands', i, 'id']);
    const label = textOf(getAt(props.doc, ['grades', 'bands', i, 'label']));
    const zh = typeof label === 'string' ? label : (label?.zh ?? '');
    return typeof id === 'string' && id !== '' && b !== null
      ? [{ value: id, text: `${zh} ${id}` }]
      : [];
  });

export function SanctionsPage(props: PageProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const sanctions = list(getAt(props.doc, ['sanctions']));
  const bands = bandOptions(props);
  const fields = [
    'id',
    'level',
    'when',
    'reason',
    'consequence',
    'gradeCap',
    'excludeFromGrades',
    'carries.amount',
  ];
  const counters = list(getAt(props.doc, ['counters']));
  return (
    <section className={styles.page} aria-label={t('pages.sanctions')} data-testid="page-sanctions">
      <Title3 as="h2">{t('pages.sanctions')}</Title3>
      <Text>{t('pages.sanctionsIntro', { count: sanctions.length })}</Text>
      {sanctions.map((_, i) => {
        const at = ['sanctions', i];
        return (
          <Row
            key={i}
            {...rowOf(props, at, fields)}
            testId={`sanction-${i}`}
            legend={`${i + 1}. ${str(getAt(props.doc, [...at, 'id']))}`}
          >
            <DocText {...props} path={[...at, 'id']} label={t('pages.id')} />
            <DocChoice
              {...props}
              path={[...at, 'level']}
              label={t('pages.level')}
              options={LEVELS.map((l) => ({ value: l, text: t(`pages.levels.${l}`) }))}
            />
            <div className={styles.wide}>
              <ExpressionField
                {...props}
                path={[...at, 'when']}
                label={t('pages.when')}
                hint={t('pages.whenHint')}
              />
            </div>
            {getAt(props.doc, [...at, 'carries']) !== undefined && (
              <div className={styles.wide}>
                <ExpressionField
                  {...props}
                  path={[...at, 'carries', 'amount']}
                  label={t('expr.carries')}
                  hint={t('expr.carriesHint')}
                  operand
                />
              </div>
            )}
            <div className={styles.wide}>
              <DocLabel {...props} path={[...at, 'reason']} label={t('pages.reasonZh')} lang="zh" />
            </div>
            <div className={styles.wide}>
              <DocLabel {...props} path={[...at, 'reason']} label={t('pages.reasonEn')} lang="en" />
            </div>
            {getAt(props.doc, [...at, 'consequence']) !== undefined && (
              <div className={styles.wide}>
                <DocLabel
                  {...props}
                  path={[...at, 'consequence']}
                  label={t('pages.consequence')}
                  lang="zh"
                />
              </div>
            )}
            <DocChoice
              {...props}
              path={[...at, 'gradeCap']}
              label={t('pages.gradeCap')}
              options={bands}
              optional={{ text: t('pages.noCap') }}
            />
            <DocCheck
              {...props}
              path={[...at, 'excludeFromGrades']}
              label={t('pages.excludeFromGrades')}
            />
          </Row>
        );
      })}
      <div>
        <Button
          onClick={() =>
            props.onSetList(['sanctions', sanctions.length], {
              id: '',
              level: 'veto',
              when: '',
              reason: '',
            })
          }
        >
          {t('pages.addSanction')}
        </Button>
      </div>
      <Title3 as="h3">{t('expr.counters')}</Title3>
      <Text>{t('expr.countersIntro')}</Text>
      {counters.map((_, i) => {
        const at = ['counters', i];
        return (
          <Row
            key={i}
            {...rowOf(props, at, ['id', 'label', 'when'])}
            testId={`counter-${i}`}
            legend={`${i + 1}. ${str(getAt(props.doc, [...at, 'id']))}`}
          >
            <Naming {...props} at={at} />
            <div className={styles.wide}>
              <ExpressionField
                {...props}
                path={[...at, 'when']}
                label={t('expr.counterWhen')}
                hint={t('pages.whenHint')}
              />
            </div>
          </Row>
        );
      })}
      <div>
        <Button
          onClick={() =>
            props.onSetList(['counters', counters.length], { id: '', label: '', when: '' })
          }
        >
          {t('expr.addCounter')}
        </Button>
      </div>
    </section>
  );
}

function NoGrades() {
  const { t } = useTranslation();
  return <MessageBar intent="info">{t('pages.noGrades')}</MessageBar>;
}

export function GradesPage(props: PageProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const grades = getAt(props.doc, ['grades']);
  const bands = list(getAt(props.doc, ['grades', 'bands']));
  const options = bandOptions(props);
  const certifiers = list(getAt(props.doc, ['certifiedBy']));
  return (
    <section className={styles.page} aria-label={t('pages.grades')} data-testid="page-grades">
      <Title3 as="h2">{t('pages.grades')}</Title3>
      <Text>{t('pages.gradesIntro')}</Text>
      {grades === undefined ? (
        <NoGrades />
      ) : (
        <>
          <fieldset className={styles.row}>
            <legend className={styles.legend}>{t('pages.gradeRules')}</legend>
            <DocChoice
              {...props}
              path={['grades', 'vetoed']}
              label={t('pages.vetoedGrade')}
              options={options}
              optional={{ text: t('pages.vetoedOut') }}
            />
            <DocChoice
              {...props}
              path={['grades', 'noCommendationCap']}
              label={t('pages.noCommendationCap')}
              options={options}
              optional={{ text: t('pages.noCap') }}
            />
            <Rest
              issues={props.issues}
              row={['grades']}
              fields={['vetoed', 'noCommendationCap', 'bands']}
            />
          </fieldset>
          {bands.map((_, i) => {
            const at = ['grades', 'bands', i];
            return (
              <Row
                key={i}
                {...rowOf(props, at, BAND_FIELDS)}
                testId={`band-${i}`}
                legend={`${i + 1}. ${str(getAt(props.doc, [...at, 'id']))}`}
              >
                <DocText {...props} path={[...at, 'id']} label={t('pages.id')} />
                <DocLabel {...props} path={[...at, 'label']} label={t('pages.labelZh')} lang="zh" />
                <DocLabel {...props} path={[...at, 'label']} label={t('pages.labelEn')} lang="en" />
                <DocText
                  {...props}
                  path={[...at, 'min']}
                  label={t('pages.bandMin')}
                  hint={i === bands.length - 1 ? t('pages.bandMinLast') : t('pages.bandMinHint')}
                />
              </Row>
            );
          })}
          <div>
            <Button
              onClick={() =>
                props.onSetList(['grades', 'bands', bands.length], { id: '', label: '', min: null })
              }
            >
              {t('pages.addBand')}
            </Button>
          </div>
        </>
      )}
      <Amounts {...props} />
      {certifiers.map((_, i) => {
        const at = ['certifiedBy', i];
        return (
          <Row
            key={i}
            {...rowOf(props, at, ['when', 'by'])}
            testId={`certifier-${i}`}
            legend={`${t('expr.certifier')} ${i + 1}`}
          >
            <div className={styles.wide}>
              <ExpressionField
                {...props}
                path={[...at, 'when']}
                label={t('expr.certifierWhen')}
                hint={t('pages.whenHint')}
              />
            </div>
            <div className={styles.wide}>
              <DocLabel {...props} path={[...at, 'by']} label={t('expr.certifierBy')} lang="zh" />
            </div>
          </Row>
        );
      })}
    </section>
  );
}

/** Money carried as output (奖惩金额): each amount's id, label, unit and formula; an amount by
 *  grade (`byGrade`) is the JSON view's. */
function Amounts(props: PageProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const amounts = list(getAt(props.doc, ['amounts']));
  return (
    <>
      <Title3 as="h3">{t('expr.amounts')}</Title3>
      <Text>{t('expr.amountsIntro', { count: amounts.length })}</Text>
      {amounts.map((_, i) => {
        const at = ['amounts', i];
        const byGrade = getAt(props.doc, [...at, 'byGrade']) !== undefined;
        return (
          <Row
            key={i}
            {...rowOf(props, at, ['id', 'label', 'unit', 'amount'])}
            testId={`amount-${i}`}
            legend={`${i + 1}. ${str(getAt(props.doc, [...at, 'id']))}`}
          >
            <Naming {...props} at={at} />
            <DocChoice
              {...props}
              path={[...at, 'unit']}
              label={t('pages.unit')}
              options={(['元', '万元'] as const).map((u) => ({ value: u, text: u }))}
            />
            {byGrade ? (
              <Caption1>{t('expr.byGrade')}</Caption1>
            ) : (
              <div className={styles.full}>
                <ExpressionField
                  {...props}
                  path={[...at, 'amount']}
                  label={t('expr.amount')}
                  hint={t('expr.amountHint')}
                />
              </div>
            )}
          </Row>
        );
      })}
      <div>
        <Button
          onClick={() =>
            props.onSetList(['amounts', amounts.length], {
              id: '',
              label: '',
              unit: '元',
              amount: '',
            })
          }
        >
          {t('expr.addAmount')}
        </Button>
      </div>
    </>
  );
}

export function QuotasPage(props: PageProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const msg = useMsg();
  const bands = list(getAt(props.doc, ['grades', 'bands']));
  return (
    <section className={styles.page} aria-label={t('pages.quotas')} data-testid="page-quotas">
      <Title3 as="h2">{t('pages.quotas')}</Title3>
      <Text>{t('pages.quotasIntro')}</Text>
      {getAt(props.doc, ['grades']) === undefined && <NoGrades />}
      {bands.map((_, i) => {
        const at = ['grades', 'bands', i];
        const label = textOf(getAt(props.doc, [...at, 'label']));
        const bottom = getAt(props.doc, [...at, 'fromBottom']);
        return (
          <Row
            key={i}
            {...rowOf(props, at, BAND_FIELDS)}
            onRemove={undefined}
            testId={`quota-${i}`}
            legend={label ? msg(label) : str(getAt(props.doc, [...at, 'id']))}
          >
            <DocText
              {...props}
              path={[...at, 'maxShare']}
              label={t('pages.maxShare')}
              hint={t('pages.shareHint')}
              optional
            />
            <DocText
              {...props}
              path={[...at, 'minShare']}
              label={t('pages.minShare')}
              hint={t('pages.shareHint')}
              optional
            />
            {bottom === undefined ? (
              // Only the last band may count a share from the bottom (the engine says so too).
              i === bands.length - 1 && (
                <div className={styles.actions}>
                  <Button
                    size="small"
                    onClick={() =>
                      props.onSetList([...at, 'fromBottom'], { share: null, rounding: null })
                    }
                  >
                    {t('pages.addFromBottom')}
                  </Button>
                </div>
              )
            ) : (
              <>
                <DocText
                  {...props}
                  path={[...at, 'fromBottom', 'share']}
                  label={t('pages.bottomShare')}
                  hint={t('pages.shareHint')}
                />
                <DocChoice
                  {...props}
                  path={[...at, 'fromBottom', 'rounding']}
                  label={t('pages.bottomRounding')}
                  options={(['floor', 'round', 'ceil'] as const).map((r) => ({
                    value: r,
                    text: t(`pages.roundings.${r}`),
                  }))}
                />
                <div className={styles.actions}>
                  <Button
                    size="small"
                    onClick={() => props.onSetList([...at, 'fromBottom'], undefined)}
                  >
                    {t('pages.removeFromBottom')}
                  </Button>
                </div>
              </>
            )}
          </Row>
        );
      })}
    </section>
  );
}
