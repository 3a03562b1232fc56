/**
 * The processing sheet in the official layout of PermenPANRB 14/2017 (its
 * appendix): "PENGOLAHAN DATA SURVEI KEPUASAN MASYARAKAT PER RESPONDEN DAN PER
 * UNSUR PELAYANAN", one row per respondent, then Σ Nilai, respondents who
 * answered, NRR, NRR tertimbang, IKM and category, as live formulas, the band
 * legend, the unsur names and the quality notes. Pure data: the exceljs copy
 * (skm-rekap olah --out) and the add-in both write it.
 */
import { a1, columnLetters } from '../address';
import type { Area } from '../address';
import { say, type Lang } from '../messages';
import { BAND_LOWER } from '../scores';
import { BAND_LOWER_2004 } from './compute';
import type { Processed } from './process';
import type { ProfileEntry } from './profile';
import type { ProfileField } from './table';

export interface PlanCell {
  row: number;
  col: number;
  value?: string | number;
  /** With its "=" (Office.js range.formulas); exceljs takes it without. */
  formula?: string;
  /** Number format, "0.00" style (never "0,00"). */
  format?: string;
  bold?: boolean;
}

export interface SheetPlan {
  name: string;
  cells: PlanCell[];
  merges: Area[];
  /** The profile tables (label, count, share with its header row): sources for the add-in's charts. */
  profileTables: { field: ProfileField; area: Area }[];
  widths: { col: number; width: number }[];
  /** Where the results stand, for tests and for the pane. */
  at: {
    firstRespondentRow: number;
    lastRespondentRow: number;
    sumRow: number;
    answeredRow: number;
    nrrRow: number;
    weightedRow: number;
    /** Σ NRR tertimbang. */
    total: string;
    ikm: string;
    category: string;
  };
}

export const PLAN_TITLE =
  'PENGOLAHAN DATA SURVEI KEPUASAN MASYARAKAT PER RESPONDEN DAN PER UNSUR PELAYANAN';

const L = {
  no: { id: 'No. Resp', en: 'Resp. no.' },
  source: { id: 'Sumber', en: 'Source' },
  row: { id: 'baris', en: 'row' },
  sum: { id: 'Σ Nilai / Unsur', en: 'Σ Nilai / Unsur (sum)' },
  answered: { id: 'Responden menjawab / Unsur', en: 'Respondents who answered' },
  nrr: { id: 'NRR / Unsur', en: 'NRR / Unsur (mean)' },
  weighted: { id: 'NRR tertimbang / Unsur', en: 'NRR tertimbang / Unsur (weighted)' },
  total: { id: 'Σ NRR tertimbang', en: 'Σ NRR tertimbang (sum)' },
  ikm: { id: 'IKM UNIT PELAYANAN', en: 'IKM UNIT PELAYANAN' },
  category: { id: 'Mutu pelayanan', en: 'Service quality' },
  legend: {
    id: [
      'Nilai Persepsi',
      'Nilai Interval (NI)',
      'Nilai Interval Konversi (NIK)',
      'Mutu Pelayanan',
      'Kinerja Unit Pelayanan',
    ],
    en: ['Perception', 'Interval (NI)', 'Converted interval (NIK)', 'Quality', 'Performance'],
  },
  names: { id: 'Unsur pelayanan', en: 'Items' },
  count: { id: 'Jumlah', en: 'Count' },
  share: { id: 'Persentase', en: 'Share' },
  fields: {
    jenisKelamin: { id: 'Jenis kelamin', en: 'Sex' },
    usia: { id: 'Usia', en: 'Age' },
    pendidikan: { id: 'Pendidikan', en: 'Education' },
    pekerjaan: { id: 'Pekerjaan', en: 'Occupation' },
    layanan: { id: 'Jenis layanan', en: 'Service' },
  } as Record<ProfileField, { id: string; en: string }>,
  notes: { id: 'Catatan mutu data', en: 'Data quality notes' },
  uncounted: {
    id: 'Jawaban di luar 1-4 atau tak terbaca dikosongkan di lembar ini (lihat catatan).',
    en: 'Answers outside 1-4 or unreadable are left blank on this sheet (see the notes).',
  },
  weightNote: {
    id: (n: number) => `Bobot tiap unsur tepat 1/${n} (bukan 0,111).`,
    en: (n: number) => `Each item's weight is exactly 1/${n} (not 0.111).`,
  },
};

export function processingSheetPlan(
  p: Processed,
  lang: Lang = 'id',
  name = 'Pengolahan SKM',
): SheetPlan {
  const items = p.table.items;
  const n = items.length;
  const cells: PlanCell[] = [];
  const put = (row: number, col: number, c: Omit<PlanCell, 'row' | 'col'>) =>
    cells.push({ row, col, ...c });
  const lastCol = n + 1;

  put(1, 1, { value: PLAN_TITLE, bold: true });
  put(2, 1, {
    value: `${L.source[lang]}: "${p.table.sheet}", ${L.row[lang]} ${p.table.headerRow + 1}-${p.rows[p.rows.length - 1].row}`,
  });
  const header = 4;
  put(header, 1, { value: L.no[lang], bold: true });
  items.forEach((it, i) => put(header, i + 2, { value: it.code, bold: true }));

  const first = header + 1;
  p.rows.forEach((r, k) => {
    put(first + k, 1, { value: k + 1 });
    r.answers.forEach((a, i) => {
      // Only the counted answers: a slip stays blank so the formulas give what the rule gives.
      if (a.kind === 'value') put(first + k, i + 2, { value: a.value });
    });
  });
  const last = first + p.rows.length - 1;

  const sumRow = last + 1;
  const answeredRow = last + 2;
  const nrrRow = last + 3;
  const weightedRow = last + 4;
  const totalRow = last + 5;
  const ikmRow = last + 6;
  const categoryRow = last + 7;
  put(sumRow, 1, { value: L.sum[lang], bold: true });
  put(answeredRow, 1, { value: L.answered[lang], bold: true });
  put(nrrRow, 1, { value: L.nrr[lang], bold: true });
  put(weightedRow, 1, { value: L.weighted[lang], bold: true });
  for (let i = 0; i < n; i++) {
    const c = i + 2;
    const col = columnLetters(c);
    const range = `${col}${first}:${col}${last}`;
    put(sumRow, c, { formula: `=SUM(${range})`, format: '0' });
    put(answeredRow, c, { formula: `=COUNT(${range})`, format: '0' });
    put(nrrRow, c, {
      formula: `=IF(${col}${answeredRow}=0,"",${col}${sumRow}/${col}${answeredRow})`,
      format: '0.00',
    });
    // Exactly 1/n, written as a division so no rounded weight appears (docs/skm-rules.md §2).
    put(weightedRow, c, {
      formula: `=IF(${col}${answeredRow}=0,"",${col}${nrrRow}/${n})`,
      format: '0.000',
    });
  }
  const lastLetter = columnLetters(lastCol);
  const total = a1(totalRow, 2);
  const ikm = a1(ikmRow, 2);
  const category = a1(categoryRow, 2);
  put(totalRow, 1, { value: L.total[lang], bold: true });
  put(totalRow, 2, {
    formula: `=SUM(B${weightedRow}:${lastLetter}${weightedRow})`,
    format: '0.000',
  });
  put(ikmRow, 1, { value: L.ikm[lang], bold: true });
  put(ikmRow, 2, {
    formula: `=IF(COUNT(B${nrrRow}:${lastLetter}${nrrRow})<${n},"",${total}*25)`,
    format: '0.00',
    bold: true,
  });
  put(categoryRow, 1, { value: L.category[lang], bold: true });
  const bands = p.regulation === 'Kepmenpan 25/2004' ? BAND_LOWER_2004 : BAND_LOWER;
  const r = `ROUND(${ikm},2)`;
  put(categoryRow, 2, {
    formula: `=IF(${ikm}="","",IF(${r}>=${bands.A},"A (Sangat Baik)",IF(${r}>=${bands.B},"B (Baik)",IF(${r}>=${bands.C},"C (Kurang Baik)","D (Tidak Baik)"))))`,
    bold: true,
  });

  // The band legend of the rule the questionnaire follows.
  let row = categoryRow + 2;
  put(row, 1, {
    value: say(
      {
        id: p.regulation === 'none' ? 'Rentang PermenPANRB 14/2017' : `Rentang ${p.regulation}`,
        en: p.regulation === 'none' ? 'Bands of PermenPANRB 14/2017' : `Bands of ${p.regulation}`,
      },
      lang,
    ),
    bold: true,
  });
  row++;
  L.legend[lang].forEach((h, i) => put(row, i + 1, { value: h, bold: true }));
  const legend =
    p.regulation === 'Kepmenpan 25/2004'
      ? [
          [1, '1,00 - 1,75', '25,00 - 43,75', 'D', 'Tidak Baik'],
          [2, '1,76 - 2,50', '43,76 - 62,50', 'C', 'Kurang Baik'],
          [3, '2,51 - 3,25', '62,51 - 81,25', 'B', 'Baik'],
          [4, '3,26 - 4,00', '81,26 - 100,00', 'A', 'Sangat Baik'],
        ]
      : [
          [1, '1,00 - 2,5996', '25,00 - 64,99', 'D', 'Tidak Baik'],
          [2, '2,60 - 3,064', '65,00 - 76,60', 'C', 'Kurang Baik'],
          [3, '3,0644 - 3,532', '76,61 - 88,30', 'B', 'Baik'],
          [4, '3,5324 - 4,00', '88,31 - 100,00', 'A', 'Sangat Baik'],
        ];
  for (const line of legend) {
    row++;
    line.forEach((v, i) => put(row, i + 1, { value: v }));
  }

  row += 2;
  put(row, 1, { value: L.names[lang], bold: true });
  for (const it of items) {
    row++;
    put(row, 1, { value: it.code });
    put(row, 2, { value: it.name });
  }
  // The respondent profile: one small table per field, each a chart's source in the add-in.
  const profileTables: SheetPlan['profileTables'] = [];
  for (const [field, entries] of Object.entries(p.profile) as [ProfileField, ProfileEntry[]][]) {
    row += 2;
    const top = row;
    put(row, 1, { value: L.fields[field][lang], bold: true });
    put(row, 2, { value: L.count[lang], bold: true });
    put(row, 3, { value: L.share[lang], bold: true });
    const firstEntry = row + 1;
    const lastEntry = row + entries.length;
    for (const e of entries) {
      row++;
      put(row, 1, { value: e.value });
      put(row, 2, { value: e.count, format: '0' });
      put(row, 3, { formula: `=B${row}/SUM(B${firstEntry}:B${lastEntry})`, format: '0.0%' });
    }
    profileTables.push({ field, area: { top, left: 1, bottom: row, right: 3 } });
  }

  row += 2;
  put(row, 1, { value: L.weightNote[lang](n) });
  row++;
  put(row, 1, { value: L.notes[lang], bold: true });
  if (p.quality.some((q) => q.kind === 'out-of-range' || q.kind === 'unreadable')) {
    row++;
    put(row, 1, { value: L.uncounted[lang] });
  }
  for (const q of p.quality) {
    row++;
    put(row, 1, { value: say(q.message, lang) });
  }

  return {
    name,
    cells,
    profileTables,
    merges: [{ top: 1, left: 1, bottom: 1, right: Math.max(lastCol, 5) }],
    widths: [{ col: 1, width: 28 }, ...items.map((_, i) => ({ col: i + 2, width: 9 }))],
    at: {
      firstRespondentRow: first,
      lastRespondentRow: last,
      sumRow,
      answeredRow,
      nrrRow,
      weightedRow,
      total,
      ikm,
      category,
    },
  };
}
