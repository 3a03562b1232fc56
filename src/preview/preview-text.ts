/** What the preview page says, in Bahasa Indonesia and English (?lang=en-US). */

export type PreviewLang = 'id' | 'en';

export const PREVIEW_TEXT = {
  id: {
    title: 'Pratinjau SKM Rekap',
    subtitle: 'Excel tiruan, tanpa Excel',
    download: 'Unduh .xlsx',
    otherLanguage: 'English',
    stats: (syncs: number, req: number, res: number) =>
      `Sinkronisasi: ${syncs} · permintaan terbesar: ${kb(req)} · respons terbesar: ${kb(res)}`,
    hiddenSheets: (n: number) => `${n} lembar tersembunyi`,
    truncated: (shown: number, total: number) => `Menampilkan ${shown} dari ${total} baris.`,
    editPrompt: (address: string) =>
      `Isi baru untuk ${address} (seperti diketik di Excel; awali dengan = untuk rumus):`,
    taskpaneMissing: 'Panel tugas belum tersedia: src/taskpane/App.tsx belum ada.',
    loadFailed: 'Gagal memuat buku kerja',
    sheetTabs: 'Lembar',
    charts: 'Grafik di lembar ini',
    chart: (type: string, source: string, at: string) =>
      `${type} dari ${source}${at ? `, di ${at}` : ''}`,
  },
  en: {
    title: 'SKM Rekap preview',
    subtitle: 'simulated Excel, no Excel needed',
    download: 'Download .xlsx',
    otherLanguage: 'Bahasa Indonesia',
    stats: (syncs: number, req: number, res: number) =>
      `Syncs: ${syncs} · largest request: ${kb(req)} · largest response: ${kb(res)}`,
    hiddenSheets: (n: number) => `${n} hidden sheet${n === 1 ? '' : 's'}`,
    truncated: (shown: number, total: number) => `Showing ${shown} of ${total} rows.`,
    editPrompt: (address: string) =>
      `New content for ${address} (as typed in Excel; start with = for a formula):`,
    taskpaneMissing: 'The task pane is not available yet: src/taskpane/App.tsx does not exist.',
    loadFailed: 'Could not load the workbook',
    sheetTabs: 'Sheets',
    charts: 'Charts on this sheet',
    chart: (type: string, source: string, at: string) =>
      `${type} from ${source}${at ? `, at ${at}` : ''}`,
  },
} as const;

function kb(bytes: number): string {
  return bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(1)} kB`;
}

export function previewLang(displayLanguage: string): PreviewLang {
  return displayLanguage.toLowerCase().startsWith('en') ? 'en' : 'id';
}
