/**
 * The live region: each action's progress and result, announced politely
 * and shown at the bottom of the pane, where it stays in view wherever the
 * pane is scrolled; dismissible.
 */
import * as React from 'react';
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import type { Lang } from '../../engine/messages';
import type { PaneState } from '../store';
import { labels } from '../strings';

const useStyles = makeStyles({
  bar: {
    position: 'sticky',
    bottom: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: '0 12px',
  },
  filled: { paddingBottom: '8px', paddingTop: '4px' },
  body: { overflowWrap: 'anywhere' },
  progress: { display: 'flex', gap: '8px', alignItems: 'center', minHeight: '32px' },
});

const INTENT = {
  success: 'success',
  error: 'error',
  info: 'info',
  warning: 'warning',
} as const;

export function StatusBar(props: {
  status: PaneState['status'];
  lang: Lang;
  onDismiss: () => void;
}): React.JSX.Element {
  const { status, lang, onDismiss } = props;
  const styles = useStyles();
  return (
    <div
      className={status ? `${styles.bar} ${styles.filled}` : styles.bar}
      role="status"
      aria-live="polite"
      data-testid="live-region"
    >
      {status?.kind === 'progress' && (
        <div className={styles.progress} data-testid="progress">
          <Spinner size="tiny" aria-hidden />
          <span>{status.text[lang]}</span>
        </div>
      )}
      {status && status.kind !== 'progress' && (
        <MessageBar intent={INTENT[status.kind]} layout="multiline" data-testid="status">
          <MessageBarBody className={styles.body}>{status.text[lang]}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                size="small"
                aria-label={labels.dismiss[lang]}
                data-testid="btn-dismiss"
                onClick={onDismiss}
              >
                ✕
              </Button>
            }
          />
        </MessageBar>
      )}
    </div>
  );
}
