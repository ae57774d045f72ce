// One unit's full result under the draft: every item's score against its points, its status
// and the engine's reason (Chinese first, English under it), section subtotals, the bonus, the
// total and the sanctions that hold. Everything shown is scoreUnit's: the app decides nothing.
import {
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
  Title3,
} from '@fluentui/react-components';
import {
  compileRuleSet,
  parseRuleSet,
  scoreUnit,
  type IndicatorResult,
  type Msg,
  type UnitInput,
} from '@kaohe/engine';
import { useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Doc } from '../doc/open.ts';
import { useMsg } from '../i18n/msg.ts';
import { firstProblem } from '../whatif/compare.ts';

const useStyles = makeStyles({
  panel: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalS },
  scroll: { overflowX: 'auto' },
  section: {
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
  },
  missing: { color: tokens.colorPaletteRedForeground1 },
  second: { display: 'block', color: tokens.colorNeutralForeground3 },
  score: { whiteSpace: 'nowrap' },
  // The draft before the last edit, while the current one is scored: faded, never as current.
  behind: { opacity: 0.55 },
});

/** A reason in the app's language, the other one under it (zh-CN first when in Chinese). */
function Reason(props: { text: Msg }) {
  const styles = useStyles();
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <>
      {en ? props.text.en : props.text.zh}
      <Caption1 className={styles.second} lang={en ? 'zh-CN' : 'en'}>
        {en ? props.text.zh : props.text.en}
      </Caption1>
    </>
  );
}

/** An item the engine could not judge (a figure missing or not computable): said in red. */
const unjudged = (i: IndicatorResult): boolean =>
  i.status === 'missing-input' || i.status === 'cannot-compute';

/** The picker's value for a unit of the cohort; the workbook opened alone is FILE. */
const cohortKey = (u: UnitInput) => `unit:${u.id}`;
const FILE = 'file';

/** `units`: the cohort's (may be none); `opened`: one unit's workbook opened alone, shown
 *  first; `children`: what opens it, under the heading. */
export function UnitResult(props: {
  doc: Doc;
  units: readonly UnitInput[];
  opened?: { name: string; unit: UnitInput };
  children?: ReactNode;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const msg = useMsg();
  const choices = [
    ...(props.opened ? [{ key: FILE, unit: props.opened.unit, file: props.opened.name }] : []),
    ...props.units.map((u) => ({ key: cohortKey(u), unit: u, file: undefined })),
  ];
  const [picked, setPicked] = useState(choices[0]?.key ?? '');
  // Scored after the edit is shown elsewhere (a deferred render): typing never waits for it.
  const doc = useDeferredValue(props.doc);
  const compiled = useMemo(() => {
    const parsed = parseRuleSet(doc);
    return parsed.ok
      ? { rules: compileRuleSet(parsed.value) }
      : { problem: firstProblem(parsed.issues) };
  }, [doc]);
  const unit = (choices.find((c) => c.key === picked) ?? choices[0])?.unit;
  const result = useMemo(
    () => (compiled.rules && unit ? scoreUnit(compiled.rules, unit) : undefined),
    [compiled, unit],
  );
  const rows = (items: readonly IndicatorResult[], depth: number): React.ReactNode[] =>
    items.flatMap((i) => [
      <TableRow key={i.path} data-testid={`result-${i.path}`}>
        <TableCell style={{ paddingLeft: `${8 + depth * 16}px` }}>
          {i.path} {msg(i.title)}
        </TableCell>
        <TableCell className={`${styles.score} ${unjudged(i) ? styles.missing : ''}`}>
          {i.score ?? (i.status === 'not-applicable' ? '—' : t('unitResult.pending'))} / {i.max}
        </TableCell>
        <TableCell className={unjudged(i) ? styles.missing : undefined}>
          {t(`unitResult.statuses.${i.status}`)}
        </TableCell>
        <TableCell>
          <Reason text={i.reason} />
        </TableCell>
      </TableRow>,
      ...rows(i.children ?? [], depth + 1),
    ]);
  return (
    <section
      className={styles.panel}
      aria-label={t('unitResult.heading')}
      data-testid="unit-result"
    >
      <Title3 as="h3">{t('unitResult.heading')}</Title3>
      <Text>{t('unitResult.intro')}</Text>
      {props.children}
      {choices.length > 0 && (
        <Field label={t('unitResult.pick')}>
          <Select value={picked} onChange={(_, d) => setPicked(d.value)} data-testid="unit-pick">
            {choices.map((c) => {
              const name = `${c.unit.name}(${c.unit.id})`;
              return (
                <option key={c.key} value={c.key}>
                  {c.file ? t('unitResult.fromFile', { name, file: c.file }) : name}
                </option>
              );
            })}
          </Select>
        </Field>
      )}
      {unit && compiled.problem && (
        <MessageBar intent="error" data-testid="unit-blocked">
          {t('unitResult.blocked', { problem: msg(compiled.problem) })}
        </MessageBar>
      )}
      {result && (
        <div
          className={doc === props.doc ? styles.panel : `${styles.panel} ${styles.behind}`}
          aria-busy={doc !== props.doc}
        >
          <MessageBar intent={result.complete ? 'info' : 'warning'} data-testid="unit-total">
            {t('unitResult.total', { total: result.total, max: result.max })}
            {!result.complete && `;${t('unitResult.incomplete')}`}
          </MessageBar>
          <div>
            <Text weight="semibold">{t('unitResult.sanctions')}:</Text>{' '}
            {result.sanctions.length === 0
              ? t('unitResult.noSanctions')
              : result.sanctions.map((s) => (
                  <span key={s.id} data-testid={`sanction-${s.id}`}>
                    <Reason text={s.reason} />
                  </span>
                ))}
          </div>
          <div className={styles.scroll}>
            <Table size="small" aria-label={t('unitResult.heading')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell style={{ width: '30%' }}>{t('unitResult.item')}</TableHeaderCell>
                  <TableHeaderCell style={{ width: '10%' }}>
                    {t('unitResult.score')} / {t('unitResult.max')}
                  </TableHeaderCell>
                  <TableHeaderCell style={{ width: '9%' }}>
                    {t('unitResult.status')}
                  </TableHeaderCell>
                  <TableHeaderCell style={{ width: '51%' }}>
                    {t('unitResult.reason')}
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.sections.flatMap((s) => [
                  <TableRow key={`section-${s.code}`} className={styles.section}>
                    <TableCell>
                      {s.code} {msg(s.title)}
                    </TableCell>
                    <TableCell className={s.score === null ? styles.missing : undefined}>
                      {s.score ?? t('unitResult.pending')} / {s.max}
                    </TableCell>
                    <TableCell />
                    <TableCell>
                      {s.reason ? (
                        <Reason text={s.reason} />
                      ) : s.pending ? (
                        <Reason text={s.pending} />
                      ) : null}
                    </TableCell>
                  </TableRow>,
                  ...rows(s.items, 1),
                ])}
                {result.bonus.items.length > 0 && (
                  <TableRow className={styles.section}>
                    <TableCell>{t('unitResult.bonus')}</TableCell>
                    <TableCell>
                      {result.bonus.score}
                      {result.bonus.cap !== null && ` / ${result.bonus.cap}`}
                    </TableCell>
                    <TableCell />
                    <TableCell />
                  </TableRow>
                )}
                {rows(result.bonus.items, 1)}
              </TableBody>
            </Table>
          </div>
        </div>
      )}
    </section>
  );
}
