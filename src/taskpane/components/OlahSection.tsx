/**
 * "Olah Data Responden" and "Masukkan ke Rekap" in the pane: the processing
 * of the answers on the active sheet and its result (IKM, category,
 * respondents, quality notes), then the choice of recap sheet, unit and
 * period with the lines to be written next to what is there, written on
 * confirmation. Each write has its undo right under it.
 */
import * as React from 'react';
import { Button, Label, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang, Text } from '../../engine/messages';
import type { CellValue } from '../../engine/numbers';
import { formatEn, formatId } from '../../engine/numbers';
import { PERIODS, type EntryCell } from '../excel/olah-rekap';
import type { OlahApi } from '../olah-api';
import { olahLabels as L } from '../olah-strings';
import { ActionRow } from './Actions';
import { cardStyles } from './card-styles';
import { useOlah, type EntryForm } from './useOlah';

const useStyles = makeStyles({
  ...cardStyles,
  section: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    columnGap: '8px',
    rowGap: '2px',
    margin: 0,
  },
  dt: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  dd: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  list: { margin: 0, paddingLeft: '18px', fontSize: tokens.fontSizeBase200 },
  field: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  select: { maxWidth: '100%', minWidth: 0 },
  rowHead: {
    textAlign: 'left',
    fontWeight: 'normal',
    padding: '2px 4px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    overflowWrap: 'anywhere',
  },
  td: {
    padding: '2px 4px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    textAlign: 'right',
    fontVariantNumeric: 'tabular-nums',
    overflowWrap: 'anywhere',
  },
  address: { color: tokens.colorNeutralForeground3 },
});

const fmt = (lang: Lang, v: number, d: number) => (lang === 'id' ? formatId(v, d) : formatEn(v, d));

/** A recap cell as staff read it: numbers with two decimals (more where typed with more), a blank as a dash. */
export function shown(v: CellValue, lang: Lang): string {
  if (typeof v === 'number') {
    const typed = (String(v).split('.')[1] ?? '').length;
    return fmt(lang, v, Number.isInteger(v) ? 0 : Math.min(Math.max(typed, 2), 3));
  }
  if (v === null || v === undefined || v === '') return '—';
  return String(v);
}

function itemLabel(c: EntryCell, lang: Lang): string {
  if (c.field === 'nrr' || c.field === 'conv') return `${L.field[c.field][lang]} ${c.item}`;
  return L.field[c.field][lang];
}

export function OlahSection(props: {
  lang: Lang;
  writeLang: Lang;
  busy: boolean;
  onBusy: (running: boolean) => void;
  api?: OlahApi;
}): React.JSX.Element {
  const { lang, busy } = props;
  const styles = useStyles();
  const o = useOlah(props);
  const p = o.result?.processed;
  const t = (x: Text) => x[lang];

  return (
    <section className={styles.section} aria-labelledby="h-olah" data-testid="olah-section">
      <h2 id="h-olah" className={styles.h2}>
        {t(L.heading)}
      </h2>
      <ActionRow
        id="olah"
        label={L.olah}
        help={L.olahHelp}
        reason={null}
        busy={busy}
        lang={lang}
        buttonRef={o.refOf('olah')}
        onClick={() => void o.olah()}
      >
        {o.result && p && (
          <section
            className={styles.card}
            aria-labelledby="olah-result-title"
            data-testid="olah-result"
          >
            <h3 id="olah-result-title" className={styles.heading}>
              {t(L.result)}
            </h3>
            <dl className={styles.facts}>
              <dt className={styles.dt}>{t(L.source)}</dt>
              <dd className={styles.dd}>{o.result.source}</dd>
              <dt className={styles.dt}>{t(L.respondents)}</dt>
              <dd className={styles.dd} data-testid="olah-respondents">
                {p.scores.respondents}
              </dd>
              <dt className={styles.dt}>{t(L.ikm)}</dt>
              <dd className={styles.dd} data-testid="olah-ikm">
                {p.scores.ikm === null ? '—' : fmt(lang, p.scores.ikm, 2)}
              </dd>
              <dt className={styles.dt}>{t(L.category)}</dt>
              <dd className={styles.dd} data-testid="olah-category">
                {p.scores.category?.label ?? '—'}
              </dd>
              <dt className={styles.dt}>{t(L.lowest)}</dt>
              <dd className={styles.dd}>
                {p.scores.lowest
                  .map((code) => {
                    const s = p.scores.items.find((i) => i.code === code);
                    return s ? `${s.name} (${fmt(lang, s.nrr ?? 0, 2)})` : code;
                  })
                  .join(', ')}
              </dd>
              <dt className={styles.dt}>{t(L.regulation)}</dt>
              <dd className={styles.dd}>
                {p.regulation === 'none' ? t(L.notPermen) : p.regulation}
              </dd>
            </dl>
            <h3 className={styles.heading}>{t(L.quality)}</h3>
            {p.quality.length === 0 ? (
              <p className={styles.note}>{t(L.noQuality)}</p>
            ) : (
              <ul className={styles.list} data-testid="olah-quality">
                {p.quality.map((q, i) => (
                  <li key={i}>{t(q.message)}</li>
                ))}
              </ul>
            )}
          </section>
        )}
      </ActionRow>
      <ActionRow
        id="undo-olah"
        undo
        label={L.undoOlah}
        help={L.undoOlahHelp}
        reason={o.sheets > 0 ? null : L.whyNoOlahSheet}
        busy={busy}
        lang={lang}
        buttonRef={o.refOf('undo-olah')}
        onClick={() => void o.undoOlah()}
      />
      <ActionRow
        id="rekap"
        label={L.rekap}
        help={L.rekapHelp}
        reason={o.result ? null : L.whyNoResult}
        busy={busy}
        lang={lang}
        buttonRef={o.refOf('rekap')}
        onClick={() => void o.openEntry()}
      >
        {o.form && (
          <EntryCard
            form={o.form}
            lang={lang}
            busy={busy}
            onChoose={o.choose}
            onWrite={() => void o.writeRekap()}
            onCancel={o.cancel}
            writeRef={o.refOf('write-rekap')}
          />
        )}
      </ActionRow>
      <ActionRow
        id="undo-rekap"
        undo
        label={L.undoRekap}
        help={L.undoRekapHelp}
        reason={o.entries.length > 0 ? null : L.whyNoEntry}
        busy={busy}
        lang={lang}
        buttonRef={o.refOf('undo-rekap')}
        onClick={() => void o.undoRekap()}
      />
    </section>
  );
}

function EntryCard(props: {
  form: EntryForm;
  lang: Lang;
  busy: boolean;
  onChoose: (c: Partial<Pick<EntryForm, 'sheet' | 'unit' | 'period'>>) => void;
  onWrite: () => void;
  onCancel: () => void;
  writeRef: (el: HTMLButtonElement | null) => void;
}): React.JSX.Element {
  const { form, lang, busy, onChoose, onWrite, onCancel, writeRef } = props;
  const styles = useStyles();
  const t = (x: Text) => x[lang];
  const session = form.recaps[form.sheet];
  const plan = form.plan;
  return (
    <section className={styles.card} aria-labelledby="entry-title" data-testid="entry-card">
      <h3 id="entry-title" className={styles.heading}>
        {t(L.rekap)}
      </h3>
      <div className={styles.field}>
        <Label htmlFor="entry-sheet">{t(L.recapSheet)}</Label>
        <Select
          id="entry-sheet"
          className={styles.select}
          data-testid="entry-sheet"
          value={String(form.sheet)}
          onChange={(_, d) => onChoose({ sheet: Number(d.value) })}
        >
          {form.recaps.map((s, i) => (
            <option key={s.sheet} value={i}>
              {s.sheet}
            </option>
          ))}
        </Select>
      </div>
      <div className={styles.field}>
        <Label htmlFor="entry-unit">{t(L.unit)}</Label>
        <Select
          id="entry-unit"
          className={styles.select}
          data-testid="entry-unit"
          aria-describedby="entry-unit-note"
          value={form.unit === null ? '' : String(form.unit)}
          onChange={(_, d) => onChoose({ unit: d.value === '' ? null : Number(d.value) })}
        >
          <option value="">{t(L.pickUnit)}</option>
          {session.analysis.table.units.map((u, i) => (
            <option key={`${i}-${u.name}`} value={i}>
              {u.no !== null && u.no !== '' ? `${u.no}. ` : ''}
              {u.name}
            </option>
          ))}
        </Select>
        <p id="entry-unit-note" className={styles.note} data-testid="entry-unit-note">
          {t(form.guess)}
        </p>
      </div>
      <div className={styles.field}>
        <Label htmlFor="entry-period">{t(L.period)}</Label>
        <Select
          id="entry-period"
          className={styles.select}
          data-testid="entry-period"
          value={String(form.period)}
          onChange={(_, d) => onChoose({ period: Number(d.value) })}
        >
          {PERIODS.map((p, i) => (
            <option key={p.label} value={i}>
              {p.label}
            </option>
          ))}
        </Select>
      </div>
      {plan && !plan.ok && (
        <p className={styles.note} role="note" data-testid="entry-problem">
          <strong>{t(plan.message)}</strong>
        </p>
      )}
      {plan?.ok && (
        <>
          <h4 className={styles.heading} data-testid="entry-title">
            {t(L.entryTitle(plan.value.unit, plan.value.period))}
          </h4>
          {plan.value.missing.map((m) => (
            <p key={m} className={styles.note}>
              {t(L.missingLine(m))}
            </p>
          ))}
          <table className={styles.table} data-testid="entry-table">
            <thead>
              <tr>
                <th scope="col" className={styles.th} style={{ width: '44%' }}>
                  {t(L.item)}
                </th>
                <th scope="col" className={styles.th} style={{ textAlign: 'right' }}>
                  {t(L.now)}
                </th>
                <th scope="col" className={styles.th} style={{ textAlign: 'right' }}>
                  {t(L.new)}
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.value.cells.map((c) => (
                <tr key={c.address} data-testid="entry-row">
                  <th scope="row" className={styles.rowHead}>
                    {itemLabel(c, lang)} <span className={styles.address}>({c.address})</span>
                  </th>
                  <td className={styles.td}>{shown(c.before, lang)}</td>
                  <td className={styles.td}>
                    {typeof c.after === 'number'
                      ? fmt(lang, c.after, c.field === 'respondents' ? 0 : 2)
                      : c.after}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className={styles.buttons}>
        <Button
          ref={writeRef}
          appearance="primary"
          data-testid="btn-write-rekap"
          disabledFocusable={busy || !plan?.ok}
          onClick={onWrite}
        >
          {t(L.write)}
        </Button>
        <Button data-testid="btn-cancel-rekap" onClick={onCancel} disabledFocusable={busy}>
          {t(L.cancel)}
        </Button>
      </div>
    </section>
  );
}
