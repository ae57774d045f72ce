import { Badge, Button, Subtitle2 } from '@fluentui/react-components';
import { mergeClasses } from '@fluentui/react-components';
import type { ProblemListState } from './ProblemList.types.ts';
import {
  problemListClassNames,
  type ProblemListClasses,
} from './use-problem-list-styles.styles.ts';

export function renderProblemList(state: ProblemListState, classes: ProblemListClasses) {
  return (
    <section className={classes.rootClass} aria-label={state.heading}>
      <Subtitle2 as="h3">{state.heading}</Subtitle2>
      {state.empty && <span className={classes.empty}>{state.empty}</span>}
      {state.groups.map((group) => (
        <ul
          key={group.code}
          className={mergeClasses(problemListClassNames.group, classes.group)}
          aria-label={group.label}
        >
          <li className={classes.groupHeading}>
            <Badge appearance="tint" color={group.severity === 'error' ? 'danger' : 'warning'}>
              {group.items.length}
            </Badge>
            {group.label}
          </li>
          {group.items.map((item) => (
            <li
              key={item.key}
              className={mergeClasses(
                problemListClassNames.item,
                classes.item,
                classes[item.problem.severity],
              )}
            >
              <span className={classes.text}>{item.text}</span>
              {item.location && (
                <Button
                  size="small"
                  appearance="subtle"
                  onClick={() => state.onSelect(item)}
                  aria-label={state.selectLabel(item)}
                >
                  {item.location}
                </Button>
              )}
              {item.key === state.selectedKey && state.note && (
                <div className={classes.note} role="status" data-testid="selection">
                  {state.note}
                </div>
              )}
            </li>
          ))}
        </ul>
      ))}
    </section>
  );
}
