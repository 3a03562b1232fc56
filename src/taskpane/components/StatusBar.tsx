/**
 * The live region: each action's progress and result, announced politely
 * and shown at the bottom of the pane, where it stays in view wherever the
 * pane is scrolled. The region holds only the text; the button that
 * dismisses it sits beside it, so that it is not read out with every message.
 */
import * as React from 'react';
import { Button, makeStyles, mergeClasses, Spinner, tokens } from '@fluentui/react-components';
import type { Lang } from '../../engine/messages';
import type { PaneState } from '../store';
import { labels } from '../strings';

const useStyles = makeStyles({
  bar: {
    position: 'sticky',
    bottom: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  filled: { padding: '4px 0 8px 0' },
  box: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: '4px',
    borderRadius: tokens.borderRadiusMedium,
    border: '1px solid transparent',
  },
  shown: { padding: '6px 4px 6px 10px' },
  text: {
    flex: 1,
    minWidth: 0,
    display: 'flex',
    gap: '8px',
    alignItems: 'center',
    overflowWrap: 'anywhere',
    minHeight: '24px',
  },
  success: { backgroundColor: '#f1faf1', border: '1px solid #9fd89f' },
  error: { backgroundColor: '#fdf3f4', border: '1px solid #eeacb2' },
  warning: { backgroundColor: '#fff9f5', border: '1px solid #fdcfb4' },
  info: {
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  progress: {
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export function StatusBar(props: {
  status: PaneState['status'];
  lang: Lang;
  onDismiss: () => void;
}): React.JSX.Element {
  const { status, lang, onDismiss } = props;
  const styles = useStyles();
  return (
    <div className={mergeClasses(styles.bar, status !== null && styles.filled)}>
      <div
        className={mergeClasses(
          styles.box,
          status !== null && styles.shown,
          status !== null && styles[status.kind],
        )}
      >
        <div
          className={styles.text}
          role="status"
          aria-live="polite"
          data-testid={status && status.kind !== 'progress' ? 'status' : 'live-region'}
          data-kind={status?.kind ?? ''}
        >
          {status?.kind === 'progress' && (
            <Spinner size="tiny" aria-hidden data-testid="progress" />
          )}
          {status ? status.text[lang] : ''}
        </div>
        {status && status.kind !== 'progress' && (
          <Button
            appearance="transparent"
            size="small"
            aria-label={labels.dismiss[lang]}
            data-testid="btn-dismiss"
            onClick={onDismiss}
          >
            ✕
          </Button>
        )}
      </div>
    </div>
  );
}
