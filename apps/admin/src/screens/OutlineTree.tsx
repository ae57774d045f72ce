// The tree of sections, items and sub-items: points against the sum of what each holds, and a
// badge counting the engine's issues inside a node.
import { Button, CounterBadge, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { OutlineNode } from '../doc/outline.ts';
import { shown, useMsg } from '../i18n/msg.ts';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, paddingLeft: tokens.spacingHorizontalL },
  top: { listStyleType: 'none', margin: 0, padding: 0 },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  name: { justifyContent: 'flex-start', textAlign: 'left', flexGrow: 1, minWidth: 0 },
  points: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
});

export function OutlineTree(props: {
  nodes: readonly OutlineNode[];
  selected: string | undefined;
  onSelect: (node: OutlineNode) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const msg = useMsg();
  const render = (nodes: readonly OutlineNode[], top: boolean) => (
    <ul className={top ? styles.top : styles.list} role={top ? 'tree' : 'group'}>
      {nodes.map((n) => (
        <li key={n.key} role="treeitem" aria-selected={n.key === props.selected}>
          <div className={`${styles.row} ${n.key === props.selected ? styles.selected : ''}`}>
            <Button
              appearance="subtle"
              size="small"
              className={styles.name}
              data-testid={`node-${n.code}`}
              onClick={() => props.onSelect(n)}
            >
              {n.code} {n.title ? msg(n.title) : ''}
            </Button>
            <span className={styles.points} title={t('outline.pointsHint')}>
              {n.childSum !== undefined && n.childSum !== shown(n.points)
                ? t('outline.pointsOf', { points: shown(n.points), sum: n.childSum })
                : shown(n.points)}
            </span>
            {n.problems > 0 && (
              <CounterBadge
                count={n.problems}
                color="danger"
                size="small"
                aria-label={t('outline.problems', { count: n.problems })}
              />
            )}
          </div>
          {n.children.length > 0 && render(n.children, false)}
        </li>
      ))}
    </ul>
  );
  return (
    <nav aria-label={t('outline.heading')} data-testid="outline">
      {render(props.nodes, true)}
    </nav>
  );
}
