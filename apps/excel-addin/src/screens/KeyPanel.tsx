import {
  Button,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyInfo } from '../core/kernel.types.ts';
import { useMsg } from '../i18n/msg.ts';
import { usePane } from '../pane/PaneContext.ts';

const useStyles = makeStyles({
  // In the pane's flow, not a modal: a task pane is 320–350 px wide, a dialog would cover it all.
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  line: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  label: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, wordBreak: 'break-word' },
  fingerprint: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  list: {
    listStyle: 'none',
    padding: 0,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  itemText: { wordBreak: 'break-word', fontSize: tokens.fontSizeBase200 },
});

function KeyFields({ k }: { k: KeyInfo }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <dl className={styles.fields} data-testid="key-preview">
      <dt className={styles.label}>{t('keys.issuer')}</dt>
      <dd className={styles.value}>{k.issuer}</dd>
      <dt className={styles.label}>{t('keys.fingerprint')}</dt>
      <dd className={`${styles.value} ${styles.fingerprint}`}>{k.fingerprint}</dd>
      <dt className={styles.label}>{t('keys.years')}</dt>
      <dd className={styles.value}>{t('keys.yearsValue', { from: k.validFrom, to: k.validTo })}</dd>
    </dl>
  );
}

/**
 * Revoke a key as a later notice says: its key id or fingerprint (the same reading as `kaohe trust
 * revoke`, @kaohe/sheet's trustRevoke), shown for confirmation, then kept with the reason.
 */
function RevokeSection() {
  const { t } = useTranslation();
  const msg = useMsg();
  const pane = usePane();
  const styles = useStyles();
  const [typed, setTyped] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const preview = typed.trim() === '' ? null : pane.previewRevoke(typed);
  const revoked = pane.trust?.revoked ?? [];

  const confirm = async () => {
    const result = await pane.revokeKey(typed, reason);
    if (!result?.ok) return;
    const { issuer, fingerprint } = result.value;
    setDone(t('keys.revokedDone', { who: issuer ?? t('keys.notImported'), fingerprint }));
    setTyped('');
    setReason('');
  };

  return (
    <section className={styles.content} aria-label={t('keys.revokeTitle')}>
      <strong>{t('keys.revokeTitle')}</strong>
      <span className={styles.small}>{t('keys.revokeIntro')}</span>
      <Field
        label={t('keys.revokeId')}
        validationState={preview && !preview.ok ? 'error' : 'none'}
        validationMessage={preview && !preview.ok ? msg(preview.message) : undefined}
      >
        <Input
          value={typed}
          input={{ className: styles.line, spellCheck: false }}
          placeholder="9C32 116E 0A1B 2C3D"
          onChange={(_, data) => {
            setTyped(data.value);
            setDone(null);
          }}
        />
      </Field>
      <Field label={t('keys.revokeReason')}>
        <Input value={reason} onChange={(_, data) => setReason(data.value)} />
      </Field>
      {preview?.ok && (
        <span className={styles.small} data-testid="revoke-preview">
          {preview.value.issuer === null
            ? t('keys.revokeUnknown', { fingerprint: preview.value.fingerprint })
            : t('keys.revokeKnown', {
                issuer: preview.value.issuer,
                fingerprint: preview.value.fingerprint,
              })}
        </span>
      )}
      {done && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button disabled={!preview?.ok || pane.busy} onClick={() => void confirm()}>
          {t('keys.revokeConfirm')}
        </Button>
      </div>
      {revoked.length > 0 && (
        <ul className={styles.list} aria-label={t('keys.revokedList')}>
          {revoked.map((r) => (
            <li key={r.keyId} className={styles.itemText}>
              {r.issuer ?? t('keys.notImported')}{' '}
              <span className={styles.fingerprint}>{r.fingerprint}</span> ·{' '}
              {r.reason ? t('keys.revokedWhy', { reason: r.reason }) : t('keys.revoked')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Import a public key once (paste, confirm issuer and fingerprint), list and remove keys. Shown
 * in the pane under the edition line, not as a modal dialog.
 */
export function KeyPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const msg = useMsg();
  const pane = usePane();
  const styles = useStyles();
  const [line, setLine] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const preview = line.trim() === '' ? null : pane.previewKey(line);
  const keys = pane.trust?.keys ?? [];

  const confirm = async () => {
    const added = await pane.importKey(line);
    if (!added?.ok) return;
    const { key, already } = added.value;
    setDone(
      t(already ? 'keys.already' : 'keys.imported', {
        issuer: key.issuer,
        fingerprint: key.fingerprint,
      }),
    );
    setLine('');
  };

  return (
    <Card className={styles.root} role="region" aria-label={t('keys.title')} data-testid="keys">
      <Subtitle2 as="h2">{t('keys.title')}</Subtitle2>
      <div className={styles.content}>
        <span className={styles.small}>{t('keys.intro')}</span>
        <Field
          label={t('keys.paste')}
          validationState={preview && !preview.ok ? 'error' : 'none'}
          validationMessage={preview && !preview.ok ? msg(preview.message) : undefined}
        >
          <Textarea
            value={line}
            resize="vertical"
            textarea={{ className: styles.line, spellCheck: false }}
            placeholder="kaohe-ed25519 …"
            onChange={(_, data) => {
              setLine(data.value);
              setDone(null);
            }}
          />
        </Field>
        {preview?.ok && (
          <>
            <span className={styles.small}>{t('keys.check')}</span>
            <KeyFields k={preview.value} />
          </>
        )}
        {pane.error?.code === 'trust-not-saved' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              {t('errors.trust-not-saved', { detail: pane.error.detail })}
            </MessageBarBody>
          </MessageBar>
        )}
        {done && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{done}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={!preview?.ok || pane.busy}
            onClick={() => void confirm()}
          >
            {t('keys.confirm')}
          </Button>
          <Button onClick={onClose}>{t('keys.close')}</Button>
        </div>
        <strong>{t('keys.list')}</strong>
        {keys.length === 0 ? (
          <span className={styles.small}>{t('keys.none')}</span>
        ) : (
          <ul className={styles.list} aria-label={t('keys.list')}>
            {keys.map((k) => (
              <li key={k.keyId} className={styles.item}>
                <span className={styles.itemText}>
                  {k.issuer}
                  <br />
                  <span className={styles.fingerprint}>{k.fingerprint}</span>{' '}
                  {t('keys.yearsValue', { from: k.validFrom, to: k.validTo })}
                  {k.revoked !== undefined &&
                    ` · ${k.revoked ? t('keys.revokedWhy', { reason: k.revoked }) : t('keys.revoked')}`}
                </span>
                <Button
                  size="small"
                  aria-label={t('keys.removeLabel', { issuer: k.issuer })}
                  onClick={() => void pane.removeKey(k.keyId)}
                  disabled={pane.busy}
                >
                  {t('keys.remove')}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <RevokeSection />
      </div>
    </Card>
  );
}
