/**
 * "Buat Laporan (.docx)": the annual report from a fresh read of every sheet,
 * built in the pane (charts drawn by a canvas) and handed over as a link the
 * user clicks (`<a download>` with a Blob URL: Excel on the web and WebView2
 * download it; a synthetic click after an await may be blocked). Excel for
 * Mac's webview cannot save files, so there the action says what to do
 * instead (docs/report.md).
 */
import * as React from 'react';
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang, Text } from '../../engine/messages';
import { draftReport, packReport } from '../../report/build';
import { renderPngCanvas } from '../../report/render-canvas';
import type { Outcome, Session } from '../excel';
import { readForReport } from '../excel/report-read';
import { setState } from '../store';
import { labels, reportLabels as L } from '../strings';
import { ActionRow } from './Actions';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: '8px', marginTop: '4px' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
  link: {
    alignSelf: 'flex-start',
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForegroundLink,
  },
});

/** Excel for Mac (WKWebView): no download from the pane. */
export function onMac(): boolean {
  if (typeof Office === 'undefined') return false;
  return String(Office.context?.platform ?? '') === 'Mac';
}

/** The workbook's file name from the host's document URL (a path or a web address), for the note's command line. */
export function workbookFileName(): string | undefined {
  if (typeof Office === 'undefined') return undefined;
  const url = String(Office.context?.document?.url ?? '');
  const last = url.split(/[?#]/)[0].split(/[\\/]/).pop() ?? '';
  try {
    return decodeURIComponent(last) || undefined;
  } catch {
    return last || undefined;
  }
}

/** A file name Windows and the web accept, from the report's title. */
export function reportFileName(title: string): string {
  const safe = title
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `${safe || 'Laporan SKM'}.docx`;
}

export interface BuiltReport {
  bytes: Uint8Array;
  name: string;
  placeholders: number;
}

/** Reads the workbook again and builds the report's bytes, as `skm-rekap laporan` does from the file. */
export async function buildPaneReport(
  session: Session,
  ignoreErrors: boolean,
): Promise<Outcome<BuiltReport>> {
  const source = await readForReport(session.sheet);
  if (!source.ok) return source;
  try {
    const draft = draftReport(source.value.analysis, source.value.grids, {
      ignoreErrors,
      fileName: workbookFileName(),
    });
    const bytes = await packReport(draft, renderPngCanvas);
    return {
      ok: true,
      value: { bytes, name: reportFileName(draft.doc.title), placeholders: draft.placeholders },
    };
  } catch (err) {
    const detail = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    return { ok: false, message: L.failed(detail.slice(0, 200)) };
  }
}

export function ReportAction(props: {
  session: Session;
  lang: Lang;
  busy: boolean;
  /** Why the recap has nothing to report (no units, no data), as for the write actions. */
  blocked: Text | null;
  onBusy: (running: boolean) => void;
}): React.JSX.Element {
  const { session, lang, busy, blocked, onBusy } = props;
  const styles = useStyles();
  const button = React.useRef<HTMLButtonElement | null>(null);
  const [ask, setAsk] = React.useState<Text | null>(null);
  const [file, setFile] = React.useState<{ url: string; name: string } | null>(null);
  const errors = session.analysis.findings.filter((f) => f.severity === 'error').length;

  // A Blob URL holds its bytes until revoked: one report at a time.
  React.useEffect(
    () => () => {
      if (file) URL.revokeObjectURL(file.url);
    },
    [file],
  );

  async function build(ignoreErrors: boolean): Promise<void> {
    setAsk(null);
    setFile(null);
    onBusy(true);
    setState({ status: { kind: 'progress', text: L.progress } });
    try {
      const r = await buildPaneReport(session, ignoreErrors);
      if (!r.ok) {
        setState({ status: { kind: 'error', text: r.message } });
        return;
      }
      const blob = new Blob([r.value.bytes as BlobPart], { type: DOCX });
      setFile({ url: URL.createObjectURL(blob), name: r.value.name });
      setState({ status: { kind: 'success', text: L.done(r.value.name, r.value.placeholders) } });
    } finally {
      onBusy(false);
      window.setTimeout(() => button.current?.focus(), 0);
    }
  }

  return (
    <ActionRow
      id="report"
      label={L.button}
      help={L.help}
      reason={blocked ?? (onMac() ? L.whyMac : null)}
      busy={busy}
      lang={lang}
      buttonRef={(el) => {
        button.current = el;
      }}
      onClick={() => {
        if (errors > 0) setAsk(L.askErrors(errors));
        else void build(false);
      }}
    >
      {ask && (
        <section className={styles.card} data-testid="report-confirm" aria-label={L.button[lang]}>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{ask[lang]}</MessageBarBody>
          </MessageBar>
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              data-testid="btn-report-ignore"
              disabledFocusable={busy}
              onClick={() => void build(true)}
            >
              {L.ignoreErrors[lang]}
            </Button>
            <Button
              data-testid="btn-report-note"
              disabledFocusable={busy}
              onClick={() => void build(false)}
            >
              {L.withNote[lang]}
            </Button>
            <Button
              data-testid="btn-report-cancel"
              onClick={() => {
                setAsk(null);
                button.current?.focus();
              }}
            >
              {labels.cancel[lang]}
            </Button>
          </div>
        </section>
      )}
      {file && (
        <a
          className={styles.link}
          href={file.url}
          download={file.name}
          data-testid="report-download"
        >
          {L.download[lang]} ({file.name})
        </a>
      )}
    </ActionRow>
  );
}
