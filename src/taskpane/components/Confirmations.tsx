/** What the pane asks before it replaces something: the district line's old and new values, an edited summary. */
import * as React from 'react';
import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import type { Lang, Text } from '../../engine/messages';
import { labels } from '../strings';
import type { PreviewRow } from '../view-model';
import { cardStyles } from './card-styles';

const useStyles = makeStyles({
  ...cardStyles,
  td: {
    padding: '2px 4px',
    verticalAlign: 'top',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    overflowWrap: 'anywhere',
  },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
});

export function DistrictPreview(props: {
  rows: PreviewRow[];
  basis: string;
  leftOut: string[];
  lang: Lang;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}): React.JSX.Element {
  const { rows, basis, leftOut, lang, busy, onConfirm, onCancel } = props;
  const styles = useStyles();
  const values = rows.filter((r) => !r.sentence);
  const sentences = rows.filter((r) => r.sentence);
  return (
    <section
      className={styles.card}
      data-testid="average-preview"
      aria-labelledby="average-preview-title"
    >
      <h3 id="average-preview-title" className={styles.heading}>
        {labels.changesTitle[lang]}
      </h3>
      <p className={styles.note} data-testid="average-basis">
        {basis}
      </p>
      {leftOut.map((line) => (
        <p key={line} className={styles.note} data-testid="average-left-out">
          {line}
        </p>
      ))}
      {values.length > 0 && (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col" className={styles.th} style={{ width: '46%' }}>
                {labels.item[lang]}
              </th>
              <th scope="col" className={`${styles.th} ${styles.num}`}>
                {labels.old[lang]}
              </th>
              <th scope="col" className={`${styles.th} ${styles.num}`}>
                {labels.new[lang]}
              </th>
            </tr>
          </thead>
          <tbody>
            {values.map((r) => (
              <tr key={r.address} data-testid="average-row">
                <th scope="row" className={styles.td} style={{ fontWeight: 'normal' }}>
                  {r.item}{' '}
                  <span style={{ color: tokens.colorNeutralForeground3 }}>({r.address})</span>
                </th>
                <td className={`${styles.td} ${styles.num}`}>{r.before}</td>
                <td className={`${styles.td} ${styles.num}`}>{r.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {sentences.map((r) => (
        <p key={r.address} className={styles.note} data-testid="average-sentence">
          <strong>
            {r.item} ({r.address}):
          </strong>{' '}
          {r.after}
        </p>
      ))}
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          data-testid="btn-confirm-average"
          disabledFocusable={busy}
          onClick={onConfirm}
        >
          {labels.confirm[lang]}
        </Button>
        <Button data-testid="btn-cancel-average" onClick={onCancel}>
          {labels.cancel[lang]}
        </Button>
      </div>
    </section>
  );
}

export function SummaryConfirm(props: {
  message: Text;
  lang: Lang;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}): React.JSX.Element {
  const { message, lang, busy, onConfirm, onCancel } = props;
  const styles = useStyles();
  return (
    <section
      className={styles.card}
      data-testid="summary-confirm"
      aria-label={labels.summarySheet[lang]}
    >
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{message[lang]}</MessageBarBody>
      </MessageBar>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          data-testid="btn-confirm-summary"
          disabledFocusable={busy}
          onClick={onConfirm}
        >
          {labels.replaceSummary[lang]}
        </Button>
        <Button data-testid="btn-cancel-summary" onClick={onCancel}>
          {labels.cancel[lang]}
        </Button>
      </div>
    </section>
  );
}
