// The selected node as JSON, for what no form covers: edited text is applied as one change
// (undoable), then the engine checks the whole draft again and the node's issues show below,
// each at its field (the path inside the node).
import { Button, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import type { Issue } from '@kaohe/engine';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Json } from '../doc/open.ts';
import { useMsg } from '../i18n/msg.ts';
import { useTextOf } from './DocFields.tsx';

const useStyles = makeStyles({
  text: { fontFamily: tokens.fontFamilyMonospace, minHeight: '320px' },
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function JsonView(props: {
  value: Json | undefined;
  nodeKey: string;
  issues: readonly Issue[];
  onApply: (value: Json) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const msg = useMsg();
  const written = JSON.stringify(props.value ?? null, null, 2);
  const [error, setError] = useState<string>();
  const [text, setText] = useTextOf(written, () => setError(undefined));
  const apply = () => {
    try {
      props.onApply(JSON.parse(text) as Json);
      setError(undefined);
    } catch (e) {
      if (!(e instanceof SyntaxError)) throw e;
      setError(t('json.invalid', { message: e.message }));
    }
  };
  return (
    <div>
      <Field
        label={t('json.label')}
        validationState={error ? 'error' : 'none'}
        validationMessage={error}
      >
        <Textarea
          textarea={{ className: styles.text, spellCheck: false }}
          data-testid="json-text"
          value={text}
          onChange={(_, d) => setText(d.value)}
          resize="vertical"
        />
      </Field>
      <Button onClick={apply} disabled={text === written}>
        {t('json.apply')}
      </Button>
      {props.issues.length > 0 && (
        <ul className={styles.issues} aria-label={t('json.issues')}>
          {props.issues.map((i, n) => (
            <li key={n}>
              <code>{i.path.slice(props.nodeKey.length).replace(/^\./, '') || '·'}</code>{' '}
              {msg(i.message)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
