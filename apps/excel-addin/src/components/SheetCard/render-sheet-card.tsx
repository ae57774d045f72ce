import { Badge, Button, Card, Subtitle2 } from '@fluentui/react-components';
import type { SheetCardState } from './SheetCard.types.ts';
import type { SheetCardClasses } from './use-sheet-card-styles.styles.ts';

export function renderSheetCard(state: SheetCardState, classes: SheetCardClasses) {
  return (
    <Card className={classes.root} aria-label={state.heading}>
      <div className={classes.header}>
        <Subtitle2 as="h2">{state.heading}</Subtitle2>
        <Button size="small" appearance="subtle" onClick={state.onRefresh} disabled={state.busy}>
          {state.refreshLabel}
        </Button>
      </div>
      {state.notice && <div className={classes.notice}>{state.notice}</div>}
      {state.fields.length > 0 && (
        <dl className={classes.fields}>
          {state.fields.map((field) => [
            <dt key={`${field.label}-t`} className={classes.label}>
              {field.label}
            </dt>,
            <dd key={`${field.label}-d`} className={classes.value}>
              {field.alert ? <Badge color="danger">{field.value}</Badge> : field.value}
            </dd>,
          ])}
        </dl>
      )}
    </Card>
  );
}
