// A file chooser as a Fluent button (打开文件…) over a hidden native input: the browser's own
// control would say "Choose Files" / "No file chosen" in its own language, whatever the app's.
// The chosen file's name (or how many were chosen) shows beside the button.
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export function FileButton(props: {
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  /** The hidden input's test id (tests hand it files directly). */
  testId: string;
  /** The button's words; 打开文件… when not given. */
  label?: string;
  /** Whether the chosen file's name shows beside the button (not when a field's hint says it). */
  showChosen?: boolean;
  onFiles: (files: File[]) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string>();
  return (
    <span className={styles.row}>
      <input
        ref={input}
        type="file"
        hidden
        accept={props.accept}
        multiple={props.multiple}
        disabled={props.disabled}
        data-testid={props.testId}
        onChange={(e) => {
          // Taken out of the input before it is cleared (clearing empties its list).
          const files = [...(e.target.files ?? [])];
          if (files.length === 0) return;
          setChosen(
            files.length === 1 ? files[0]?.name : t('file.chosen', { count: files.length }),
          );
          props.onFiles(files);
          // The same file chosen again is a change too.
          e.target.value = '';
        }}
      />
      <Button disabled={props.disabled} onClick={() => input.current?.click()}>
        {props.label ?? t('file.open')}
      </Button>
      {chosen && props.showChosen !== false && <Caption1>{chosen}</Caption1>}
    </span>
  );
}
