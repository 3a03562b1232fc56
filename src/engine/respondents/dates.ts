/**
 * The date of a questionnaire, as SKM applications and staff record it: an
 * Excel serial number, ISO text ("2025-11-12 05:45:53"), Indonesian day-first
 * text ("12/01/2025", "12-01-2025") or words ("12 Januari 2025", "12 Jan 2025").
 * And the periods of the recap it falls in: tahun, semester, triwulan, bulan.
 */
import { isBlank, type CellValue } from '../numbers';
import { normalise } from '../unsur';

export interface SurveyDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  january: 1,
  februari: 2,
  feb: 2,
  pebruari: 2,
  peb: 2,
  february: 2,
  maret: 3,
  mar: 3,
  march: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  jun: 6,
  june: 6,
  juli: 7,
  jul: 7,
  july: 7,
  agustus: 8,
  agu: 8,
  agt: 8,
  ags: 8,
  aug: 8,
  august: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  oct: 10,
  october: 10,
  november: 11,
  nov: 11,
  nopember: 11,
  desember: 12,
  des: 12,
  dec: 12,
  december: 12,
};

export const MONTH_NAMES_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

function valid(year: number, month: number, day: number): SurveyDate | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days ? { year, month, day } : null;
}

/** Excel's serial day (1900 system, as readGrids and Office.js give dates): 45658 is 2025-01-01. */
function fromSerial(serial: number): SurveyDate | null {
  // Days 1-60 fall before Excel's phantom 29 February 1900; surveys are not that old.
  if (!Number.isFinite(serial) || serial < 61 || serial >= 2958466) return null;
  const d = new Date(Math.round((Math.floor(serial) - 25569) * 86400000));
  return valid(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * Day first, as Indonesia writes dates, unless the column shows month first:
 * a second number over 12 and no first one over 12 (Google Forms' "Timestamp"
 * in an English locale: 11/28/2025 10:15:33).
 */
export type DateOrder = 'dmy' | 'mdy';

export function dateOrderOf(values: readonly CellValue[]): DateOrder {
  let dayFirst = false;
  let monthFirst = false;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const m = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.]\d{2,4}(?:$|\s)/.exec(v);
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  return monthFirst && !dayFirst ? 'mdy' : 'dmy';
}

export function readDate(v: CellValue, order: DateOrder = 'dmy'): SurveyDate | null {
  if (isBlank(v)) return null;
  if (typeof v === 'number') return fromSerial(v);
  if (typeof v !== 'string') return null;
  const text = v.trim();
  // ISO, with or without a time: 2025-11-12, 2025-11-12 05:45:53, 2025-11-12T05:45:53Z, 2025/11/12
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[\sT])/.exec(text);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  // Day first (or as the column shows): 12/01/2025, 12-01-2025, 12.01.2025 (two-digit years are 20xx)
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:$|\s)/.exec(text);
  if (dmy) {
    const y = dmy[3].length === 2 ? 2000 + Number(dmy[3]) : Number(dmy[3]);
    return order === 'mdy'
      ? valid(y, Number(dmy[1]), Number(dmy[2]))
      : valid(y, Number(dmy[2]), Number(dmy[1]));
  }
  // Words: "12 Januari 2025", "Senin, 12 Januari 2025", "12 Jan 2025 10:15", "12-Jan-2025"
  const n = normalise(text).replace(/^(senin|selasa|rabu|kamis|jumat|sabtu|minggu|ahad) /, '');
  const words = /^(\d{1,2}) ([a-z]+) (\d{4})(?: |$)/.exec(n);
  if (words && MONTHS[words[2]]) return valid(Number(words[3]), MONTHS[words[2]], Number(words[1]));
  // A serial number typed as text by a CSV export of a date cell.
  if (/^\d{5}(\.\d+)?$/.test(text)) return fromSerial(Number(text));
  return null;
}

export type PeriodBy = 'tahun' | 'semester' | 'triwulan' | 'bulan';

export const PERIOD_BYS: readonly PeriodBy[] = ['tahun', 'semester', 'triwulan', 'bulan'];

const ROMAN = ['I', 'II', 'III', 'IV'];

/** The period a date falls in, with a key that sorts in time order. */
export function periodOf(d: SurveyDate, by: PeriodBy): { key: string; label: string } {
  const y = d.year;
  switch (by) {
    case 'tahun':
      return { key: `${y}`, label: `${y}` };
    case 'semester': {
      const s = d.month <= 6 ? 1 : 2;
      return { key: `${y}-${s}`, label: `Semester ${ROMAN[s - 1]} ${y}` };
    }
    case 'triwulan': {
      const q = Math.ceil(d.month / 3);
      return { key: `${y}-${q}`, label: `Triwulan ${ROMAN[q - 1]} ${y}` };
    }
    case 'bulan':
      return {
        key: `${y}-${String(d.month).padStart(2, '0')}`,
        label: `${MONTH_NAMES_ID[d.month - 1]} ${y}`,
      };
  }
}
