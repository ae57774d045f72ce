// Publish: the diff against the edition opened, in business terms (收紧/放宽), a confirmation,
// then the numbered edition downloaded — signed when the issuer's key is given — and the unit
// templates for a roster as one .zip.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  Textarea,
  tokens,
  Title3,
} from '@fluentui/react-components';
import type { Msg, RuleSet } from '@kaohe/engine';
import type { EditionFile } from '@kaohe/sheet';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../download.ts';
import { savedText, type Doc } from '../doc/open.ts';
import { useMsg } from '../i18n/msg.ts';
import { FileButton } from './FileButton.tsx';
import { publishPlan, rosterUnits, signedEdition } from '../publish/publish.ts';
import type { RosterEntry } from '../publish/templates.ts';

const useStyles = makeStyles({
  panel: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '960px' },
  diff: { margin: 0, padding: 0, listStyleType: 'none', lineHeight: tokens.lineHeightBase400 },
  tightened: { color: tokens.colorPaletteRedForeground1 },
  loosened: { color: tokens.colorPaletteGreenForeground1 },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
});

export function PublishPanel(props: { base: Doc; baseEdition?: EditionFile; doc: Doc }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const msg = useMsg();
  const plan = useMemo(() => publishPlan(props.base, props.doc), [props.base, props.doc]);
  const [keyFile, setKeyFile] = useState<{ name: string; json: unknown }>();
  const [pass, setPass] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<Msg | string>();
  const [published, setPublished] = useState<{
    ruleSet: RuleSet;
    edition?: EditionFile;
    name: string;
  }>();
  const [roster, setRoster] = useState('');
  // A roster read from a workbook (its units with their prefill), until the text is edited.
  const [rosterBook, setRosterBook] = useState<{ name: string; units: RosterEntry[] }>();
  const [making, setMaking] = useState(false);
  const [made, setMade] = useState<string>();

  const label = plan.ok
    ? t('publish.which', { year: plan.ruleSet.year, edition: plan.ruleSet.edition })
    : '';
  const fileBase = plan.ok
    ? `${plan.ruleSet.id}-${plan.ruleSet.year}-ed${plan.ruleSet.edition}`
    : '';

  const publish = () => {
    setConfirming(false);
    if (!plan.ok) return;
    if (keyFile) {
      const signed = signedEdition(
        plan.ruleSet,
        keyFile.json,
        pass,
        props.baseEdition,
        new Date().toISOString(),
      );
      if (!signed.ok) return setProblem(signed.message);
      const name = `${fileBase}.edition.json`;
      download(name, `${JSON.stringify(signed.edition, null, 2)}\n`, 'application/json');
      setPublished({ ruleSet: plan.ruleSet, edition: signed.edition, name });
    } else {
      const name = `${fileBase}.json`;
      download(name, savedText(props.doc), 'application/json');
      setPublished({ ruleSet: plan.ruleSet, name });
    }
    setProblem(undefined);
  };

  const templates = async () => {
    if (!published) return;
    const units = rosterBook ? { ok: true as const, units: rosterBook.units } : rosterUnits(roster);
    if (!units.ok) return setProblem(units.message);
    if (units.units.length === 0) return setProblem(t('publish.noUnits'));
    setMaking(true);
    try {
      const { templatesZip } = await import('../publish/templates.ts');
      const zip = await templatesZip(published.ruleSet, units.units, published.edition);
      const name = `${fileBase}-templates.zip`;
      download(name, zip as Uint8Array<ArrayBuffer>, 'application/zip');
      setMade(t('publish.templatesMade', { count: units.units.length, name }));
      setProblem(undefined);
    } catch (e) {
      setProblem(
        t('publish.templatesFailed', { message: e instanceof Error ? e.message : String(e) }),
      );
    } finally {
      setMaking(false);
    }
  };

  const readRosterBook = async (file: File) => {
    if (!published) return;
    try {
      const { rosterFromWorkbook } = await import('../publish/templates.ts');
      const read = await rosterFromWorkbook(
        new Uint8Array(await file.arrayBuffer()),
        file.name,
        published.ruleSet,
      );
      if (!read.ok) {
        setRosterBook(undefined);
        return setProblem(read.message);
      }
      setRosterBook({ name: file.name, units: read.units });
      setRoster(read.units.map((u) => u.name).join('\n'));
      setMade(t('cohort.rosterRead', { name: file.name, count: read.units.length }));
      setProblem(undefined);
    } catch (e) {
      setProblem(
        t('cohort.rosterFailed', {
          name: file.name,
          message: e instanceof Error ? e.message : String(e),
        }),
      );
    }
  };

  return (
    <section className={styles.panel} aria-label={t('publish.heading')} data-testid="publish">
      <Title3 as="h2">{t('publish.heading')}</Title3>
      {!plan.ok && <MessageBar intent="error">{msg(plan.message)}</MessageBar>}
      {plan.ok && !plan.report && <MessageBar intent="warning">{t('publish.noBase')}</MessageBar>}
      {plan.ok && plan.report && (
        <div data-testid="diff">
          <p>{msg(plan.report.heading)}</p>
          {plan.report.otherRuleSet && (
            <MessageBar intent="warning">{msg(plan.report.otherRuleSet)}</MessageBar>
          )}
          {plan.report.lines.length === 0 ? (
            <p>{t('publish.noChanges')}</p>
          ) : (
            <ul className={styles.diff}>
              {plan.report.lines.map((l, i) => (
                <li
                  key={i}
                  className={
                    l.change.direction === 'tightened'
                      ? styles.tightened
                      : l.change.direction === 'loosened'
                        ? styles.loosened
                        : undefined
                  }
                >
                  {msg(l.text)}
                </li>
              ))}
            </ul>
          )}
          <p data-testid="diff-summary">{msg(plan.report.summary)}</p>
        </div>
      )}
      {plan.ok && (
        <div className={styles.row}>
          <Field label={t('publish.key')} hint={keyFile?.name ?? t('publish.keyHint')}>
            <FileButton
              accept=".key,.json,application/json"
              testId="key-file"
              showChosen={false}
              onFiles={([file]) => {
                if (!file) return setKeyFile(undefined);
                void file.text().then((text) => {
                  try {
                    setKeyFile({ name: file.name, json: JSON.parse(text) as unknown });
                  } catch (err) {
                    if (!(err instanceof SyntaxError)) throw err;
                    setProblem(t('publish.keyUnreadable', { name: file.name }));
                  }
                });
              }}
            />
          </Field>
          {keyFile && (
            <Field label={t('publish.passphrase')}>
              <Input type="password" value={pass} onChange={(_, d) => setPass(d.value)} />
            </Field>
          )}
          <Button
            appearance="primary"
            onClick={() => setConfirming(true)}
            disabled={published !== undefined}
          >
            {t('publish.publish')}
          </Button>
        </div>
      )}
      {problem && (
        <MessageBar intent="error" role="alert">
          {typeof problem === 'string' ? problem : msg(problem)}
        </MessageBar>
      )}
      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('publish.confirmTitle', { which: label })}</DialogTitle>
            <DialogContent>
              {keyFile ? t('publish.confirmSigned') : t('publish.confirmUnsigned')}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={publish}>
                {t('publish.confirm')}
              </Button>
              <Button onClick={() => setConfirming(false)}>{t('publish.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {published && (
        <>
          <MessageBar intent="success" data-testid="published">
            {t(published.edition ? 'publish.doneSigned' : 'publish.doneUnsigned', {
              which: label,
              name: published.name,
            })}
          </MessageBar>
          <Field label={t('publish.roster')} hint={t('publish.rosterHint')}>
            <Textarea
              value={roster}
              onChange={(_, d) => {
                setRoster(d.value);
                setRosterBook(undefined);
              }}
              data-testid="roster"
              rows={6}
            />
          </Field>
          <Field label={t('cohort.rosterFile')}>
            <input
              type="file"
              accept=".xlsx"
              data-testid="roster-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void readRosterBook(file);
              }}
            />
          </Field>
          <div>
            <Button onClick={() => void templates()} disabled={making}>
              {making ? t('publish.making') : t('publish.templates')}
            </Button>
          </div>
          {made && <MessageBar intent="success">{made}</MessageBar>}
        </>
      )}
    </section>
  );
}
