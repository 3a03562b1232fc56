/**
 * The task pane. It never touches Office.js: every workbook action arrives as
 * a plain function through `api` (src/taskpane/excel.ts by default).
 */
import * as React from 'react';
import {
  Badge,
  Button,
  Card,
  Divider,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text as FText,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import type { Finding, Severity } from '../engine/checks';
import type { Lang, Text } from '../engine/messages';
import { formatEn, formatId } from '../engine/numbers';
import { findingMessage, unitCounts } from '../engine/report';
import { officeApi, type TaskpaneApi } from './api';
import type { AverageChange, Outcome } from './excel';
import { getState, setState, subscribe, type PaneState } from './store';
import { labels, t, ui } from './strings';

export { officeApi, type TaskpaneApi };
export { validateFromRibbon } from './ribbon';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: '10px',
    padding: '12px',
    fontFamily: tokens.fontFamilyBase,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: '6px' },
  summary: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: '10px', rowGap: '2px' },
  unit: { marginTop: '8px', fontWeight: tokens.fontWeightSemibold },
  finding: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    padding: '4px 6px',
    border: 'none',
    background: 'transparent',
    cursor: 'pointer',
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, marginRight: '6px' },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
});

const SEVERITY_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

type Filter = 'all' | Severity;

export function App({ api = officeApi }: { api?: TaskpaneApi }): React.JSX.Element {
  const styles = useStyles();
  const [lang] = React.useState<Lang>(() => api.lang());
  const [pane, setPane] = React.useState<PaneState>(getState());
  const [busy, setBusy] = React.useState(false);
  const [filter, setFilter] = React.useState<Filter>('all');
  const [pending, setPending] = React.useState<AverageChange[] | null>(null);
  const [ledgers, setLedgers] = React.useState({ marks: false, formulas: false, average: false });
  React.useEffect(() => subscribe(setPane), []);

  const session = pane.session;
  const s = (x: Text) => t(x, lang);
  const num = (x: number) => (lang === 'id' ? formatId(x) : formatEn(x));

  // Whenever the session changes, from this pane or from the ribbon, the undo buttons follow the workbook's ledgers.
  React.useEffect(() => {
    let current = true;
    if (session) void api.ledgersOf(session.sheet).then((l) => current && setLedgers(l));
    return () => {
      current = false;
    };
  }, [api, session]);

  async function run<T>(
    action: () => Promise<Outcome<T>>,
    done: (v: T) => Text,
    revalidate = true,
  ): Promise<void> {
    setBusy(true);
    try {
      const r = await action();
      if (!r.ok) {
        setState({ status: { kind: 'error', text: r.message } });
        return;
      }
      const message = done(r.value);
      // What was written changes the sheet: read it again so the pane shows what is there now.
      if (revalidate) {
        const v = await api.validate(lang);
        setState({ session: v.ok ? v.value : null, status: { kind: 'success', text: message } });
      } else {
        setState({ status: { kind: 'success', text: message } });
      }
    } finally {
      setBusy(false);
    }
  }

  async function onValidate(): Promise<void> {
    setBusy(true);
    setPending(null);
    try {
      const r = await api.validate(lang);
      if (r.ok) setState({ session: r.value, status: null });
      else setState({ session: null, status: { kind: 'error', text: r.message } });
    } finally {
      setBusy(false);
    }
  }

  function onPreviewAverage(): void {
    if (!session) return;
    const { changes } = api.previewDistrictLine(session);
    if (changes.length === 0) setState({ status: { kind: 'info', text: labels.noChanges } });
    else setPending(changes);
  }

  const findings = session ? session.analysis.findings : [];
  const shown = findings.filter((f) => filter === 'all' || f.severity === filter);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root} lang={lang}>
        <FText as="h1" size={500} weight="semibold">
          SKM Rekap
        </FText>
        <FText>{s(labels.intro)}</FText>
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            data-testid="btn-validate"
            disabled={busy}
            onClick={onValidate}
          >
            {s(labels.validate)}
          </Button>
        </div>
        {busy && <Spinner size="tiny" label={s(labels.working)} />}
        {pane.status && (
          <MessageBar
            intent={
              pane.status.kind === 'error'
                ? 'error'
                : pane.status.kind === 'success'
                  ? 'success'
                  : 'info'
            }
            data-testid="status"
          >
            <MessageBarBody>{s(pane.status.text)}</MessageBarBody>
          </MessageBar>
        )}
        {session && (
          <>
            <Card data-testid="summary">
              <FText weight="semibold">{s(labels.summary)}</FText>
              <div className={styles.summary}>
                <span>{s(labels.sheet)}</span>
                <span>{session.sheet}</span>
                <span>{s(labels.units)}</span>
                <span data-testid="summary-units">
                  {(() => {
                    const u = unitCounts(session.analysis);
                    return `${u.listed} ${s(labels.listed)}, ${u.withData} ${s(labels.withData)}, ${u.inAverage} ${s(labels.inAverage)}`;
                  })()}
                </span>
                <span>{s(labels.errors)}</span>
                <span data-testid="summary-errors">{counts.error}</span>
                <span>{s(labels.warnings)}</span>
                <span data-testid="summary-warnings">{counts.warning}</span>
                <span>{s(labels.districtIkm)}</span>
                <span data-testid="summary-ikm">
                  {session.analysis.district.ikm !== null
                    ? `${num(session.analysis.district.ikm)} ${session.analysis.district.category}`
                    : '-'}
                </span>
                <span>{s(labels.lowest)}</span>
                <span data-testid="summary-lowest">
                  {session.analysis.district.lowest
                    .map((u) => `${u.name} (${num(u.value)})`)
                    .join(', ') || '-'}
                </span>
              </div>
            </Card>
            <div className={styles.buttons}>
              <Button
                data-testid="btn-mark"
                disabled={busy}
                onClick={() =>
                  run(
                    () => api.markFindings(session),
                    (v) => labels.markedDone(v.marked, v.notes, v.notesColumn),
                  )
                }
              >
                {s(labels.mark)}
              </Button>
              <Button
                data-testid="btn-unmark"
                disabled={busy || !ledgers.marks}
                onClick={() =>
                  run(
                    () => api.undo('marks', session.sheet),
                    (v) => labels.undoDone(v.restored, v.keptChanged),
                  )
                }
              >
                {s(labels.unmark)}
              </Button>
              <Button
                data-testid="btn-formulas"
                disabled={busy}
                onClick={() =>
                  run(
                    () => api.addFormulaColumns(session),
                    (v) => labels.formulasDone(v.formulas, v.columns),
                  )
                }
              >
                {s(labels.formulas)}
              </Button>
              <Button
                data-testid="btn-unformulas"
                disabled={busy || !ledgers.formulas}
                onClick={() =>
                  run(
                    () => api.undo('formulas', session.sheet),
                    (v) => labels.undoDone(v.restored, v.keptChanged),
                  )
                }
              >
                {s(labels.removeFormulas)}
              </Button>
              <Button data-testid="btn-average" disabled={busy} onClick={onPreviewAverage}>
                {s(labels.average)}
              </Button>
              <Button
                data-testid="btn-summary"
                disabled={busy}
                onClick={() =>
                  run(
                    () => api.writeSummary(session),
                    (v) => labels.summaryDone(v.sheet, v.charts),
                    false,
                  )
                }
              >
                {s(labels.summarySheet)}
              </Button>
              <Button
                data-testid="btn-restore-average"
                disabled={busy || !ledgers.average}
                onClick={() =>
                  run(
                    () => api.undo('average', session.sheet),
                    (v) => labels.undoDone(v.restored, v.keptChanged),
                  )
                }
              >
                {s(labels.restoreAverage)}
              </Button>
            </div>
            {pending && (
              <Card data-testid="average-preview">
                <FText weight="semibold">{s(labels.changesTitle)}</FText>
                <table className={styles.table}>
                  <thead>
                    <tr>
                      <th>{s(labels.cell)}</th>
                      <th>{s(labels.item)}</th>
                      <th>{s(labels.old)}</th>
                      <th>{s(labels.new)}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {pending.map((c) => (
                      <tr key={c.address}>
                        <td className={styles.cell}>{c.address}</td>
                        <td>{c.label}</td>
                        <td>{show(c.before, num)}</td>
                        <td>{show(c.after, num)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <div className={styles.buttons}>
                  <Button
                    appearance="primary"
                    data-testid="btn-confirm-average"
                    disabled={busy}
                    onClick={() => {
                      setPending(null);
                      void run(
                        () => api.writeDistrictLine(session),
                        (v) => labels.averageDone(v.written, v.row),
                      );
                    }}
                  >
                    {s(labels.confirm)}
                  </Button>
                  <Button onClick={() => setPending(null)}>{s(labels.cancel)}</Button>
                </div>
              </Card>
            )}
            <Divider />
            <FText weight="semibold">{s(labels.findings)}</FText>
            <TabList
              selectedValue={filter}
              onTabSelect={(_, d) => setFilter(d.value as Filter)}
              size="small"
            >
              <Tab value="all" data-testid="filter-all">
                {s(labels.all)} ({findings.length})
              </Tab>
              <Tab value="error" data-testid="filter-error">
                {s(labels.errors)} ({counts.error})
              </Tab>
              <Tab value="warning" data-testid="filter-warning">
                {s(labels.warnings)} ({counts.warning})
              </Tab>
              <Tab value="info" data-testid="filter-info">
                {s(labels.infos)} ({counts.info})
              </Tab>
            </TabList>
            <FindingList
              findings={shown}
              lang={lang}
              styles={styles}
              empty={s(labels.noFindings)}
              onSelect={(f) =>
                f.cell &&
                void api
                  .selectCell(f.sheet, f.cell)
                  .then((r) => !r.ok && setState({ status: { kind: 'error', text: r.message } }))
              }
            />
          </>
        )}
      </main>
    </FluentProvider>
  );
}

function show(v: unknown, num: (x: number) => string): string {
  if (typeof v === 'number') return num(v);
  if (v === null || v === undefined || v === '') return '—';
  return String(v);
}

function FindingList(props: {
  findings: Finding[];
  lang: Lang;
  styles: ReturnType<typeof useStyles>;
  empty: string;
  onSelect: (f: Finding) => void;
}): React.JSX.Element {
  const { findings, lang, styles, empty, onSelect } = props;
  if (findings.length === 0) return <FText>{empty}</FText>;
  const groups: { key: string; title: string; items: Finding[] }[] = [];
  for (const f of findings) {
    const key = `${f.unitNo ?? ''}|${f.unit}`;
    let g = groups[groups.length - 1];
    if (!g || g.key !== key) {
      g = { key, title: `${f.unitNo !== null ? `${f.unitNo}. ` : ''}${f.unit}`, items: [] };
      groups.push(g);
    }
    g.items.push(f);
  }
  return (
    <div data-testid="findings">
      {groups.map((g) => (
        <section key={g.key}>
          <div className={styles.unit}>{g.title}</div>
          {g.items.map((f, i) => (
            <button
              key={i}
              type="button"
              className={styles.finding}
              data-testid="finding"
              data-code={f.code}
              data-cell={f.cell ?? ''}
              onClick={() => onSelect(f)}
            >
              <Badge appearance="tint" color={SEVERITY_COLOR[f.severity]} size="small">
                {f.severity === 'error'
                  ? t(labels.errors, lang)
                  : f.severity === 'warning'
                    ? t(labels.warnings, lang)
                    : t(labels.infos, lang)}
              </Badge>{' '}
              {f.cell && <span className={styles.cell}>{f.cell}</span>}
              {f.period && <span>{f.period}: </span>}
              {findingMessage(f, lang)}
            </button>
          ))}
        </section>
      ))}
    </div>
  );
}

export default App;

export { ui };
