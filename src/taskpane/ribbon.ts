/**
 * The ribbon's "Validasi Rekap": validate and mark, leaving the outcome in the
 * store for the task pane. No React here, so that the commands bundle stays small.
 */
import type { Text } from '../engine/messages';
import { officeApi, type TaskpaneApi } from './api';
import { setState } from './store';
import { labels, ui } from './strings';
import { workbookLang } from './view-model';

export async function validateFromRibbon(api: TaskpaneApi = officeApi): Promise<Text> {
  try {
    const lang = api.lang();
    const v = await api.validate(lang);
    if (!v.ok) {
      setState({ session: null, status: { kind: 'error', text: v.message } });
      return v.message;
    }
    // The notes written into the sheet follow the workbook's language, as from the pane.
    const m = await api.markFindings({ ...v.value, lang: workbookLang(v.value) });
    if (!m.ok) {
      setState({ session: v.value, status: { kind: 'error', text: m.message } });
      return m.message;
    }
    // Read again, so that the pane's session matches the sheet with its marks.
    const again = await api.validate(lang);
    const counts = { error: 0, warning: 0 };
    for (const f of v.value.analysis.findings) if (f.severity !== 'info') counts[f.severity]++;
    const text = labels.ribbonDone(counts.error, counts.warning, m.value.marked);
    setState({ session: again.ok ? again.value : v.value, status: { kind: 'success', text } });
    return text;
  } catch (err) {
    // The adapter turns Excel's refusals into messages; anything else still reaches the pane as one.
    const text = ui.excelError(String((err as Error)?.message ?? err));
    setState({ status: { kind: 'error', text } });
    return text;
  }
}
