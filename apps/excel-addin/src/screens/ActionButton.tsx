import { Button, Text, makeStyles, tokens, type ButtonProps } from '@fluentui/react-components';
import { useId } from 'react';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  reason: { color: tokens.colorNeutralForeground3 },
});

/** A button that, when it cannot be used for a reason, is disabled and says why beside it. */
export function ActionButton({
  blocked,
  disabled,
  ...props
}: ButtonProps & { blocked: string | null }) {
  const styles = useStyles();
  const id = useId();
  return (
    <div className={styles.root}>
      <Button
        {...props}
        disabled={Boolean(disabled) || blocked !== null}
        aria-describedby={blocked ? id : undefined}
      />
      {blocked && (
        <Text id={id} size={200} className={styles.reason} data-testid="blocked">
          {blocked}
        </Text>
      )}
    </div>
  );
}
