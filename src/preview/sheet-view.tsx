/**
 * The active sheet of the simulated workbook as an HTML table, re-rendered
 * after every sync: row numbers and column letters, merged areas as
 * rowspan/colspan, fills as background colours, the selection outlined, a tab
 * bar to switch sheets. Cells carry data-testid="cell-A1", data-fill and
 * data-value so end-to-end tests can read the sheet.
 */
import { useCallback, useRef, useSyncExternalStore, type MouseEvent } from 'react';
import {
  areaAddress,
  boundingArea,
  cellAddress,
  columnLetters,
  parseAddress,
  type Area,
} from '../sim/a1';
import type { ExcelHost } from '../sim/host';
import { cellKey, findSheet, usedArea, type SheetModel } from '../sim/model';
import { displayText } from '../sim/number-format';
import { PREVIEW_TEXT, type PreviewLang } from './preview-text';

const MAX_VIEW_ROWS = 2000;
const MAX_VIEW_COLS = 60;

/** A counter bumped by every host event, so React re-renders after each sync or edit. */
function useHostVersion(host: ExcelHost): number {
  const version = useRef(0);
  const subscribe = useCallback(
    (onChange: () => void) =>
      host.subscribe(() => {
        version.current++;
        onChange();
      }),
    [host],
  );
  return useSyncExternalStore(subscribe, () => version.current);
}

function viewExtent(
  sheet: SheetModel,
  selection: Area | undefined,
): { rows: number; cols: number; totalRows: number } {
  const used = usedArea(sheet) ?? { top: 1, left: 1, bottom: 1, right: 1 };
  const selBottom = selection ? Math.min(selection.bottom, used.bottom + 5) : 0;
  const selRight = selection ? Math.min(selection.right, used.right + 3) : 0;
  const totalRows = Math.max(used.bottom, selBottom, 30) + 2;
  const cols = Math.min(MAX_VIEW_COLS, Math.max(used.right, selRight, 10) + 1);
  return { rows: Math.min(MAX_VIEW_ROWS, totalRows), cols, totalRows };
}

function inArea(a: Area | undefined, r: number, c: number): boolean {
  return a !== undefined && a.top <= r && r <= a.bottom && a.left <= c && c <= a.right;
}

export function SheetView({ host, lang }: { host: ExcelHost; lang: PreviewLang }) {
  useHostVersion(host);
  const t = PREVIEW_TEXT[lang];
  const { model, stats } = host;
  const sheet = findSheet(model, model.activeSheet) ?? model.sheets[0];
  if (!sheet) return null;
  const selection =
    model.selection && findSheet(model, model.selection.sheet) === sheet
      ? parseAddress(model.selection.address)?.area
      : undefined;
  const active = selection ? { row: selection.top, col: selection.left } : undefined;
  const { rows, cols, totalRows } = viewExtent(sheet, selection);

  const mergeByTopLeft = new Map<string, Area>();
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    mergeByTopLeft.set(cellKey(m.top, m.left), m);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) covered.add(cellKey(r, c));
  }

  const activeCell = active ? sheet.cells[cellKey(active.row, active.col)] : undefined;
  const activeContent = activeCell ? (activeCell.formula ?? String(activeCell.value)) : '';

  const onCellClick = (e: MouseEvent, area: Area) => {
    if (e.shiftKey && active)
      host.select(
        sheet.name,
        areaAddress(
          boundingArea(
            { top: active.row, left: active.col, bottom: active.row, right: active.col },
            area,
          ),
        ),
      );
    else host.select(sheet.name, areaAddress(area));
  };

  const onCellEdit = (row: number, col: number) => {
    const address = cellAddress(row, col);
    const cell = sheet.cells[cellKey(row, col)];
    const input = window.prompt(
      t.editPrompt(address),
      cell ? (cell.formula ?? String(cell.value)) : '',
    );
    if (input !== null) host.editCell(sheet.name, address, input);
  };

  const visible = model.sheets.filter((s) => s.visibility === 'Visible');
  const hidden = model.sheets.length - visible.length;
  const otherLang = lang === 'id' ? 'en-US' : 'id-ID';

  const body = [];
  for (let r = 1; r <= rows; r++) {
    const tds = [];
    for (let c = 1; c <= cols; c++) {
      const key = cellKey(r, c);
      if (covered.has(key)) continue;
      const merge = mergeByTopLeft.get(key);
      const area = merge ?? { top: r, left: c, bottom: r, right: c };
      const cell = sheet.cells[key];
      const text = cell
        ? displayText(cell.value, cell.numberFormat, host.options.numberLocale)
        : '';
      const classes = [
        typeof cell?.value === 'number' ? 'num' : '',
        inArea(selection, r, c) ? 'sel' : '',
        active && active.row === r && active.col === c ? 'active' : '',
      ]
        .filter(Boolean)
        .join(' ');
      tds.push(
        <td
          key={key}
          data-testid={`cell-${cellAddress(r, c)}`}
          data-fill={cell?.fill}
          data-value={cell && cell.value !== '' ? String(cell.value) : undefined}
          rowSpan={merge ? Math.min(merge.bottom, rows) - merge.top + 1 : undefined}
          colSpan={merge ? Math.min(merge.right, cols) - merge.left + 1 : undefined}
          className={classes || undefined}
          style={cell?.fill ? { backgroundColor: cell.fill } : undefined}
          title={text.length > 24 ? text : undefined}
          onClick={(e) => onCellClick(e, area)}
          onDoubleClick={() => onCellEdit(r, c)}
        >
          {text}
        </td>,
      );
    }
    body.push(
      <tr key={r}>
        <th scope="row">{r}</th>
        {tds}
      </tr>,
    );
  }

  return (
    <>
      <header className="preview-bar">
        <span className="title">{t.title}</span>
        <span>{t.subtitle}</span>
        <a href="workbook.xlsx" download>
          {t.download}
        </a>
        <a href={`?lang=${otherLang}`}>{t.otherLanguage}</a>
        <span className="stats" data-testid="stats">
          {t.stats(stats.syncCount, stats.maxRequestBytes, stats.maxResponseBytes)}
        </span>
      </header>
      <div className="formula-bar" data-testid="formula-bar">
        <span className="name-box">{selection ? areaAddress(selection) : ''}</span>
        <span>{activeContent}</span>
      </div>
      <div className="grid-scroll">
        <table className="grid" data-testid="sheet-view" data-sheet={sheet.name}>
          <thead>
            <tr>
              <th />
              {Array.from({ length: cols }, (_, i) => (
                <th key={i} scope="col">
                  {columnLetters(i + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
        {rows < totalRows ? <p className="truncated">{t.truncated(rows, totalRows)}</p> : null}
        {sheet.charts?.length ? (
          <section className="charts" data-testid="charts">
            <h2>{t.charts}</h2>
            <ul>
              {sheet.charts.map((c) => (
                <li key={c.name} data-testid={`chart-${c.name}`}>
                  <strong>{c.title ?? c.name}</strong> —{' '}
                  {t.chart(c.type, c.source, c.position?.start ?? '')}
                  {c.pointFills?.map((p) => (
                    <span
                      key={`${p.series},${p.point}`}
                      className="swatch"
                      style={{ backgroundColor: p.color }}
                      title={`${p.series + 1}/${p.point + 1}`}
                    />
                  ))}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
      <nav className="tabs" role="tablist" aria-label={t.sheetTabs}>
        {visible.map((s) => (
          <button
            key={s.name}
            role="tab"
            aria-selected={s === sheet}
            data-testid={`tab-${s.name}`}
            onClick={() => host.activateSheet(s.name)}
          >
            {s.name}
          </button>
        ))}
        {hidden > 0 ? <span className="hidden-note">{t.hiddenSheets(hidden)}</span> : null}
      </nav>
    </>
  );
}
