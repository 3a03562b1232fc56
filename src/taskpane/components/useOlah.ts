/**
 * The state and actions of "Olah Data Responden" and "Masukkan ke Rekap":
 * each action announces its progress and result in the live region (the
 * pane's store) and returns focus to its button; the recap entry is shown
 * before it is written.
 */
import * as React from 'react';
import type { Lang, Text } from '../../engine/messages';
import type { Outcome, Session } from '../excel';
import type { OlahResult } from '../excel/olah';
import type { EntryPlan, PeriodChoice } from '../excel/olah-rekap';
import { entryPlan, matchUnit, PERIODS, unitPeriods } from '../excel/olah-rekap';
import { olahApi, type OlahApi } from '../olah-api';
import { olahLabels as L } from '../olah-strings';
import { setState } from '../store';
import { ui } from '../strings';

export type OlahAction = 'olah' | 'undo-olah' | 'rekap' | 'write-rekap' | 'undo-rekap';

export interface EntryForm {
  recaps: Session[];
  sheet: number;
  /** The unit chosen, null until one is (no name matched). */
  unit: number | null;
  /** Set when the unit was chosen by the answers sheet's name; the note otherwise. */
  guess: Text;
  period: number;
  plan: Outcome<EntryPlan> | null;
}

export function useOlah(opts: {
  lang: Lang;
  /** The language of what is written (the workbook's). */
  writeLang: Lang;
  busy: boolean;
  onBusy: (running: boolean) => void;
  api?: OlahApi;
}) {
  const { lang, writeLang, onBusy, api = olahApi } = opts;
  const [result, setResult] = React.useState<OlahResult | null>(null);
  const [sheets, setSheets] = React.useState(0);
  const [entries, setEntries] = React.useState<string[]>([]);
  const [form, setForm] = React.useState<EntryForm | null>(null);
  const buttons = React.useRef(new Map<OlahAction, HTMLButtonElement | null>());

  React.useEffect(() => {
    let current = true;
    void api.olahSheets().then((n) => current && setSheets(n));
    void api.entrySheets().then((e) => current && setEntries(e));
    return () => {
      current = false;
    };
  }, [api]);

  const refOf = (id: OlahAction) => (el: HTMLButtonElement | null) => {
    buttons.current.set(id, el);
  };
  const focus = (id: OlahAction) => window.setTimeout(() => buttons.current.get(id)?.focus(), 0);

  async function act<T>(
    id: OlahAction,
    progress: Text,
    action: () => Promise<Outcome<T>>,
    done: (v: T) => Text | null,
    focusOn: OlahAction = id,
  ): Promise<void> {
    onBusy(true);
    setState({ status: { kind: 'progress', text: progress } });
    try {
      const r = await action();
      if (!r.ok) setState({ status: { kind: 'error', text: r.message } });
      else {
        const text = done(r.value);
        setState({ status: text ? { kind: 'success', text } : null });
      }
    } catch (err) {
      setState({
        status: { kind: 'error', text: ui.excelError(String((err as Error)?.message ?? err)) },
      });
    } finally {
      onBusy(false);
      focus(focusOn);
    }
  }

  const olah = () =>
    act(
      'olah',
      L.progressOlah,
      () => api.olahActiveSheet(writeLang),
      (v) => {
        setResult(v);
        setForm(null);
        setSheets((n) => n + 1);
        return L.olahDone(v.sheet, v.processed.scores.respondents, v.charts);
      },
    );

  const undoOlah = () =>
    act(
      'undo-olah',
      L.progressUndoOlah,
      () => api.undoOlah(),
      (v) => {
        setSheets((n) => Math.max(0, n - 1));
        return L.undoOlahDone(v.sheet);
      },
    );

  function planFor(recaps: Session[], sheet: number, unit: number | null, period: number) {
    if (!result || unit === null) return null;
    return entryPlan(recaps[sheet], unit, PERIODS[period], result.processed);
  }

  /** The period a unit reports, preferring Tahunan: the first it has rows for. */
  function periodFor(session: Session, unit: number | null): number {
    if (unit === null) return 0;
    const has: PeriodChoice[] = unitPeriods(session, unit);
    const first = has[0];
    return first ? PERIODS.findIndex((p) => p.kind === first.kind && p.index === first.index) : 0;
  }

  function formFor(recaps: Session[], sheet: number): EntryForm {
    const source = result?.source ?? '';
    // The sheet's name first, then its title lines.
    const unit =
      (result?.hints ?? [source])
        .map((h) => matchUnit(recaps[sheet], h))
        .find((u): u is number => u !== null) ?? null;
    const guess =
      unit === null
        ? L.unitNoMatch(source)
        : L.unitGuess(recaps[sheet].analysis.table.units[unit].name);
    const period = periodFor(recaps[sheet], unit);
    return { recaps, sheet, unit, guess, period, plan: planFor(recaps, sheet, unit, period) };
  }

  const openEntry = () =>
    act(
      'rekap',
      L.progressRecaps,
      () => api.recapSessions(writeLang),
      (recaps) => {
        setForm(formFor(recaps, 0));
        return null;
      },
    );

  function choose(change: Partial<Pick<EntryForm, 'sheet' | 'unit' | 'period'>>): void {
    if (!form) return;
    if (change.sheet !== undefined && change.sheet !== form.sheet) {
      setForm(formFor(form.recaps, change.sheet));
      return;
    }
    const unit = change.unit !== undefined ? change.unit : form.unit;
    const period =
      change.unit !== undefined
        ? periodFor(form.recaps[form.sheet], unit)
        : (change.period ?? form.period);
    setForm({ ...form, unit, period, plan: planFor(form.recaps, form.sheet, unit, period) });
  }

  function cancel(): void {
    setForm(null);
    focus('rekap');
  }

  const writeRekap = () => {
    if (!form?.plan?.ok) return Promise.resolve();
    const plan = form.plan.value;
    const session = form.recaps[form.sheet];
    return act(
      'write-rekap',
      L.progressWrite,
      () => api.writeEntry(session, plan),
      (v) => {
        setForm(null);
        setEntries((e) => (e.includes(plan.sheet) ? e : [...e, plan.sheet]));
        return L.writeDone(v.written, plan.sheet, plan.unit, plan.period);
      },
      'rekap',
    );
  };

  const undoRekap = () => {
    const sheet = entries[entries.length - 1];
    if (!sheet) return Promise.resolve();
    return act(
      'undo-rekap',
      L.progressUndo,
      () => api.undoEntry(sheet),
      (v) => {
        setEntries((e) => e.filter((x) => x !== sheet));
        setForm(null);
        return L.undoRekapDone(v.restored, v.keptChanged);
      },
    );
  };

  return {
    lang,
    result,
    sheets,
    entries,
    form,
    refOf,
    olah,
    undoOlah,
    openEntry,
    choose,
    cancel,
    writeRekap,
    undoRekap,
  };
}
