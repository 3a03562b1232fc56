/**
 * The ribbon's "Validasi Rekap" through Microsoft's Office.js client: it marks
 * like the pane, and what it writes into the sheet follows the workbook's
 * language, not Office's display language.
 */
import { installOfficeJs } from '../../src/sim/officejs';
import { cloneWorkbook, parseCellKey } from '../../src/sim/model';
import { validateFromRibbon } from '../../src/taskpane/ribbon';
import { officeApi } from '../../src/taskpane/api';
import { getState } from '../../src/taskpane/store';
import { NOTES_HEADER } from '../../src/engine/plan';
import { smallRecap } from './workbook';

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

function notesOf(model: ReturnType<typeof smallRecap>): string[] {
  const sheet = model.sheets[0];
  const cells = Object.entries(sheet.cells);
  const header = cells.find(([, c]) => c.value === NOTES_HEADER);
  if (!header) throw new Error('no notes column written');
  const { col } = parseCellKey(header[0]);
  return cells
    .filter(([key, c]) => parseCellKey(key).col === col && c.value !== NOTES_HEADER && c.value)
    .map(([, c]) => String(c.value));
}

it.each(['en-US', 'id-ID'])(
  'Office in %s, an Indonesian recap: the notes are written in Bahasa Indonesia',
  async (displayLanguage) => {
    const model = cloneWorkbook(smallRecap());
    const excel = installOfficeJs(model, { displayLanguage });
    uninstall = excel.install();

    const said = await validateFromRibbon(officeApi);

    expect(getState().status?.kind).toBe('success');
    expect(said.id).toMatch(/1/);
    const notes = notesOf(model);
    expect(notes.length).toBeGreaterThan(0);
    const v = await officeApi.validate('id');
    if (!v.ok) throw new Error(v.message.id);
    const sentences = v.value.analysis.findings
      .filter((f) => f.severity === 'error')
      .map((f) => f.message);
    expect(sentences.length).toBeGreaterThan(0);
    for (const m of sentences) {
      expect(notes.join('\n')).toContain(m.id.split(':')[0]);
      if (m.en !== m.id) expect(notes.join('\n')).not.toContain(m.en.split(':')[0]);
    }
  },
);
