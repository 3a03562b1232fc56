/**
 * One action of the pane: its button, a one-line explanation under it (or,
 * when the action is unavailable, why), and whatever the action opens (a
 * preview, a confirmation) right below, where the user is looking.
 * New actions (reports, questionnaires) are one more <ActionRow>.
 */
import * as React from 'react';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Lang, Text } from '../../engine/messages';

const useStyles = makeStyles({
  row: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  undo: { paddingLeft: '12px', borderLeft: `2px solid ${tokens.colorNeutralStroke2}` },
  button: { alignSelf: 'flex-start', maxWidth: '100%', textAlign: 'left' },
  help: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
  reason: { color: tokens.colorNeutralForeground1 },
});

export function ActionRow(props: {
  id: string;
  label: Text;
  help: Text;
  /** Why the action is unavailable; null when it is available. */
  reason: Text | null;
  /** Another action is running: the button stays focusable, so focus stays where it is. */
  busy: boolean;
  lang: Lang;
  primary?: boolean;
  /** An undo, drawn under the action it undoes. */
  undo?: boolean;
  buttonRef?: (el: HTMLButtonElement | null) => void;
  onClick: () => void;
  children?: React.ReactNode;
}): React.JSX.Element {
  const { id, label, help, reason, busy, lang, primary, undo, buttonRef, onClick, children } =
    props;
  const styles = useStyles();
  const helpId = `help-${id}`;
  const unavailable = reason !== null;
  return (
    <div className={mergeClasses(styles.row, undo && styles.undo)} data-testid={`row-${id}`}>
      <Button
        ref={buttonRef}
        className={styles.button}
        appearance={primary ? 'primary' : undo ? 'subtle' : 'secondary'}
        size={undo ? 'small' : 'medium'}
        data-testid={`btn-${id}`}
        disabledFocusable={unavailable || busy}
        aria-describedby={helpId}
        onClick={onClick}
      >
        {label[lang]}
      </Button>
      <p
        id={helpId}
        className={mergeClasses(styles.help, unavailable && styles.reason)}
        data-testid={`help-${id}`}
      >
        {unavailable ? reason[lang] : help[lang]}
      </p>
      {children}
    </div>
  );
}
