/**
 * The task pane. It never touches Office.js: every workbook action arrives as
 * a plain function through `api` (src/taskpane/excel.ts and summary-undo.ts).
 * Each action announces its progress and result in the live region, keeps
 * focus on its button and leaves the buttons where they were.
 */
import * as React from 'react';
import {
  Button,
  FluentProvider,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import type { Finding } from '../engine/checks';
import type { Lang, Text } from '../engine/messages';
import { planWrites } from '../engine/plan';
import { unitCounts } from '../engine/report';
import { officeApi, type TaskpaneApi } from './api';
import { ActionRow } from './components/Actions';
import { DistrictPreview, SummaryConfirm } from './components/Confirmations';
import { Findings } from './components/Findings';
import { OlahSection } from './components/OlahSection';
import { ReportAction } from './components/ReportAction';
import { StatusBar } from './components/StatusBar';
import { SummaryTable } from './components/SummaryTable';
import type { AverageChange, Outcome, Session } from './excel';
import { paneApi, type PaneApi } from './pane-api';
import { getState, setState, subscribe, type PaneState } from './store';
import { labels, ui } from './strings';
import type { SummaryState } from './summary-undo';
import {
  cellsToMark,
  clock,
  leftOut,
  previewRows,
  severityCounts,
  workbookLang,
  writeBlock,
} from './view-model';

export { officeApi, type TaskpaneApi };
export { validateFromRibbon } from './ribbon';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    padding: '12px 12px 0 12px',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  top: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: '10px',
    rowGap: '4px',
  },
  stamp: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  help: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  section: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

type ActionId =
  | 'validate'
  | 'mark'
  | 'unmark'
  | 'formulas'
  | 'unformulas'
  | 'average'
  | 'restore-average'
  | 'summary'
  | 'restore-summary'
  | 'report'
  | 'olah';

const NO_LEDGERS = { marks: false, formulas: false, average: false };
const NO_SUMMARY: SummaryState = { exists: false, edited: false, known: false, backup: false };

/** The cells the marks cover, to notice when a write makes them stale. */
const marksKey = (s: Session) =>
  planWrites(s.analysis, s.grid, s.lang)
    .marks.map((m) => `${m.row},${m.col},${m.severity}`)
    .join(';');

export function App({ api = paneApi }: { api?: PaneApi }): React.JSX.Element {
  const styles = useStyles();
  const [lang] = React.useState<Lang>(() => api.lang());
  const [pane, setPane] = React.useState<PaneState>(getState());
  const [busy, setBusy] = React.useState<ActionId | null>(null);
  const [pending, setPending] = React.useState<AverageChange[] | null>(null);
  const [confirmSummary, setConfirmSummary] = React.useState<Text | null>(null);
  const [ledgers, setLedgers] = React.useState(NO_LEDGERS);
  const [summary, setSummary] = React.useState<SummaryState>(NO_SUMMARY);
  const [validatedAt, setValidatedAt] = React.useState<Date | null>(null);
  const [selected, setSelected] = React.useState<string | null>(null);
  const [marksStale, setMarksStale] = React.useState(false);
  const buttons = React.useRef(new Map<ActionId, HTMLButtonElement | null>());
  React.useEffect(() => subscribe(setPane), []);

  // What is written into the workbook follows the workbook's language, whoever clicks.
  const session = React.useMemo(
    () => (pane.session ? { ...pane.session, lang: workbookLang(pane.session) } : null),
    [pane.session],
  );

  // Each new validation (from here or from the ribbon) is stamped, and the undo buttons follow the workbook.
  React.useEffect(() => {
    let current = true;
    if (!pane.session) return;
    setValidatedAt(new Date());
    setSelected(null);
    void api.ledgersOf(pane.session.sheet).then((l) => current && setLedgers(l));
    void api.summaryState().then((s) => current && setSummary(s));
    return () => {
      current = false;
    };
  }, [api, pane.session]);

  const refOf = (id: ActionId) => (el: HTMLButtonElement | null) => {
    buttons.current.set(id, el);
  };
  const focus = (id: ActionId) =>
    // After React has re-rendered the pane with the result.
    window.setTimeout(() => buttons.current.get(id)?.focus(), 0);

  /**
   * Runs one action: its progress replaces any older message, its result
   * stays in the live region, focus returns to its button.
   */
  async function run<T>(
    id: ActionId,
    progress: Text,
    action: () => Promise<Outcome<T>>,
    done: (v: T) => Text,
    opts: { revalidate?: boolean; focusOn?: ActionId } = {},
  ): Promise<void> {
    const { revalidate = true, focusOn = id } = opts;
    const before = session;
    setBusy(id);
    setState({ status: { kind: 'progress', text: progress } });
    try {
      const r = await action();
      if (!r.ok) {
        setState({ status: { kind: 'error', text: r.message } });
        return;
      }
      const message = done(r.value);
      if (!revalidate) {
        setState({ status: { kind: 'success', text: message } });
        return;
      }
      // What was written changes the sheet: read it again so the pane shows what is there now.
      const v = await api.validate(lang);
      const next = v.ok ? { ...v.value, lang: workbookLang(v.value) } : null;
      setState({ session: next, status: { kind: 'success', text: message } });
      if (id === 'mark' || id === 'unmark') setMarksStale(false);
      else if (before && next && ledgers.marks && marksKey(before) !== marksKey(next))
        setMarksStale(true);
    } catch (err) {
      setState({
        status: { kind: 'error', text: ui.excelError(String((err as Error)?.message ?? err)) },
      });
    } finally {
      setBusy(null);
      focus(focusOn);
    }
  }

  async function onValidate(): Promise<void> {
    setBusy('validate');
    setPending(null);
    setConfirmSummary(null);
    setState({ status: { kind: 'progress', text: labels.progressValidate } });
    try {
      const r = await api.validate(lang);
      if (r.ok) {
        const c = severityCounts(r.value.analysis.findings);
        setState({
          session: r.value,
          status: { kind: 'success', text: labels.validatedDone(c.error, c.warning) },
        });
      } else setState({ session: null, status: { kind: 'error', text: r.message } });
    } finally {
      setBusy(null);
      focus('validate');
    }
  }

  function onPreviewAverage(): void {
    if (!session) return;
    setConfirmSummary(null);
    const { changes } = api.previewDistrictLine(session);
    if (changes.length === 0) {
      setPending(null);
      setState({ status: { kind: 'info', text: labels.noChanges } });
    } else {
      setState({ status: null });
      setPending(changes);
    }
  }

  async function onSummary(confirmed: boolean): Promise<void> {
    if (!session) return;
    setPending(null);
    if (!confirmed) {
      const state = await api.summaryState();
      setSummary(state);
      if (state.edited) {
        setState({ status: null });
        setConfirmSummary(replaceQuestion(state));
        return;
      }
    }
    setConfirmSummary(null);
    await run(
      'summary',
      labels.progressSummary,
      () => api.writeSummaryKeepingOld(session),
      (v) => labels.summaryDone(v.sheet, v.charts, v.kept),
      { revalidate: false },
    );
    setSummary(await api.summaryState());
  }

  const block = session ? writeBlock(session) : null;
  const counts = session ? severityCounts(session.analysis.findings) : null;
  const isBusy = busy !== null;
  const why = (available: boolean, reason: Text): Text | null =>
    block ?? (available ? null : reason);

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root} lang={lang}>
        <h1 className={styles.hidden}>SKM Rekap</h1>
        <div className={styles.top}>
          <Button
            ref={refOf('validate')}
            appearance="primary"
            data-testid="btn-validate"
            disabledFocusable={isBusy}
            aria-describedby="validate-help"
            onClick={onValidate}
          >
            {labels.validate[lang]}
          </Button>
          {validatedAt && session && (
            <span className={styles.stamp} data-testid="validated-at">
              {labels.validatedAt(clock(validatedAt, lang))[lang]}
            </span>
          )}
        </div>
        <p id="validate-help" className={session ? styles.hidden : styles.help}>
          {labels.validateHelp[lang]}
        </p>

        {session && counts && (
          <>
            <section className={styles.section} aria-labelledby="h-summary">
              <h2 id="h-summary" className={styles.h2}>
                {labels.summary[lang]}
              </h2>
              {block && (
                <p className={styles.help} role="note" data-testid="write-block">
                  <strong>{block[lang]}</strong>
                </p>
              )}
              <SummaryTable session={session} lang={lang} />
            </section>

            <section className={styles.section} aria-labelledby="h-findings">
              <h2 id="h-findings" className={styles.h2}>
                {labels.findings[lang]}
              </h2>
              <Findings
                // A new validation starts the list afresh (filter, folds).
                key={validatedAt?.getTime() ?? 0}
                findings={session.analysis.findings}
                lang={lang}
                selected={selected}
                onSelect={(f: Finding, key: string) => {
                  if (!f.cell) return;
                  setSelected(key);
                  void api.selectCell(f.sheet, f.cell).then((r) =>
                    setState({
                      status: r.ok
                        ? { kind: 'info', text: labels.selected(f.cell!) }
                        : { kind: 'error', text: r.message },
                    }),
                  );
                }}
              />
            </section>

            <section className={styles.section} aria-labelledby="h-actions">
              <h2 id="h-actions" className={styles.h2}>
                {labels.actions[lang]}
              </h2>
              <ActionRow
                id="mark"
                label={marksStale ? labels.refreshMarks : labels.mark}
                help={marksStale ? labels.marksStale : labels.markHelp}
                reason={why(counts.error + counts.warning > 0, labels.whyNoFindings)}
                busy={isBusy}
                lang={lang}
                buttonRef={refOf('mark')}
                onClick={() =>
                  void run(
                    'mark',
                    labels.progressMark(cellsToMark(session)),
                    () => api.markFindings(session),
                    (v) => labels.markedDone(v.marked, v.notes, v.notesColumn, v.notesSkipped),
                  )
                }
              />
              <ActionRow
                id="unmark"
                undo
                label={labels.unmark}
                help={labels.unmarkHelp}
                reason={ledgers.marks ? null : labels.whyNoMarks}
                busy={isBusy}
                lang={lang}
                buttonRef={refOf('unmark')}
                onClick={() =>
                  void run(
                    'unmark',
                    labels.progressUndo,
                    () => api.undo('marks', session.sheet),
                    (v) => labels.undoDone(v.restored, v.keptChanged),
                  )
                }
              />
              <ActionRow
                id="formulas"
                label={labels.formulas}
                help={labels.formulasHelp}
                reason={block}
                busy={isBusy}
                lang={lang}
                buttonRef={refOf('formulas')}
                onClick={() =>
                  void run(
                    'formulas',
                    labels.progressFormulas(session.analysis.table.records.length),
                    () => api.addFormulaColumns(session),
                    (v) => labels.formulasDone(v.formulas, v.columns),
                  )
                }
              />
              <ActionRow
                id="unformulas"
                undo
                label={labels.removeFormulas}
                help={labels.removeFormulasHelp}
                reason={ledgers.formulas ? null : labels.whyNoFormulas}
                busy={isBusy}
                lang={lang}
                buttonRef={refOf('unformulas')}
                onClick={() =>
                  void run(
                    'unformulas',
                    labels.progressUndo,
                    () => api.undo('formulas', session.sheet),
                    (v) => labels.undoDone(v.restored, v.keptChanged),
                  )
                }
              />
              <ActionRow
                id="average"
                label={labels.average}
                help={labels.averageHelp}
                reason={why(session.analysis.district.ikm !== null, labels.whyNoDistrict)}
                busy={isBusy}
                lang={lang}
                buttonRef={refOf('average')}
                onClick={onPreviewAverage}
              >
                {pending && (
                  <DistrictPreview
                    rows={previewRows(session, pending, lang)}
                    basis={
                      labels.averageBasis(
                        unitCounts(session.analysis).inAverage,
                        unitCounts(session.analysis).listed,
                      )[lang]
                    }
                    leftOut={leftOut(session, lang)}
                    lang={lang}
                    busy={isBusy}
                    onConfirm={() => {
                      setPending(null);
                      void run(
                        'average',
                        labels.progressAverage,
                        () => api.writeDistrictLine(session),
                        (v) => labels.averageDone(v.written, v.row),
                      );
                    }}
                    onCancel={() => {
                      setPending(null);
                      focus('average');
                    }}
                  />
                )}
              </ActionRow>
              <ActionRow
                id="restore-average"
                undo
                label={labels.restoreAverage}
                help={labels.restoreAverageHelp}
                reason={ledgers.average ? null : labels.whyNoAverage}
                busy={isBusy}
                lang={lang}
                buttonRef={refOf('restore-average')}
                onClick={() =>
                  void run(
                    'restore-average',
                    labels.progressUndo,
                    () => api.undo('average', session.sheet),
                    (v) => labels.undoDone(v.restored, v.keptChanged),
                  )
                }
              />
              <ActionRow
                id="summary"
                label={labels.summarySheet}
                help={labels.summaryHelp}
                reason={block}
                busy={isBusy}
                lang={lang}
                buttonRef={refOf('summary')}
                onClick={() => void onSummary(false)}
              >
                {confirmSummary && (
                  <SummaryConfirm
                    message={confirmSummary}
                    lang={lang}
                    busy={isBusy}
                    onConfirm={() => void onSummary(true)}
                    onCancel={() => {
                      setConfirmSummary(null);
                      focus('summary');
                    }}
                  />
                )}
              </ActionRow>
              <ActionRow
                id="restore-summary"
                undo
                label={labels.restoreSummary}
                help={labels.restoreSummaryHelp}
                reason={summary.backup ? null : labels.whyNoBackup}
                busy={isBusy}
                lang={lang}
                buttonRef={refOf('restore-summary')}
                onClick={() =>
                  void run(
                    'restore-summary',
                    labels.progressRestoreSummary,
                    () => api.restoreSummary(),
                    () => labels.summaryRestored,
                    { revalidate: false },
                  ).then(async () => setSummary(await api.summaryState()))
                }
              />
              <ReportAction
                session={session}
                lang={lang}
                busy={isBusy}
                blocked={block}
                onBusy={(on) => setBusy(on ? 'report' : null)}
              />
            </section>
          </>
        )}
        <OlahSection
          lang={lang}
          writeLang={session?.lang ?? 'id'}
          busy={isBusy}
          onBusy={(on) => setBusy(on ? 'olah' : null)}
        />
        <StatusBar
          status={pane.status}
          lang={lang}
          onDismiss={() => {
            setState({ status: null });
            focus('validate');
          }}
        />
      </main>
    </FluentProvider>
  );
}

/** The question before replacing a summary: one SKM Rekap wrote and staff edited, or one it never wrote. */
function replaceQuestion(state: SummaryState): Text {
  return state.known ? labels.summaryEdited : labels.summaryExists;
}

export default App;

export { ui };
