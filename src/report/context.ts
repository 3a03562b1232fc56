/**
 * What every part of the report needs to know: the checked recap, its
 * summary, the settings sheet, and the region and year, all from the
 * workbook (the settings sheet first, then the recap's title rows and sheet
 * names), never assumed.
 */
import type { Analysis } from '../engine/analyse';
import type { SheetGrid } from '../engine/model';
import { summarise, type Summary } from '../engine/summary';
import { dateId, nipGroups, upper } from './format';
import { ph, t, type Block, type Run } from './model';
import { readSettings, type ReportSettings } from './settings';
import type { Text } from '../engine/messages';

export interface ReportOptions {
  /** Leave out the note on the first page about errors still in the recap. */
  ignoreErrors?: boolean;
  /** The workbook's file name, for the note's `skm-rekap check` command. */
  fileName?: string;
}

export interface ReportContext {
  analysis: Analysis;
  summary: Summary;
  sheets: readonly SheetGrid[];
  settings: ReportSettings;
  settingsSheet: string | null;
  settingsIssues: Text[];
  region: string | null;
  year: number | null;
  /** "Kabupaten", "Kota", "Provinsi" (as the region is named), else the average line's level. */
  levelWord: string;
  options: ReportOptions;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function reportContext(
  analysis: Analysis,
  sheets: readonly SheetGrid[],
  options: ReportOptions = {},
): ReportContext {
  const summary = summarise(analysis, [...sheets]);
  const read = readSettings(sheets);
  const region = read.settings.region ?? summary.region;
  const year = read.settings.year ?? summary.year;
  const levelWord = region ? region.split(/\s+/)[0] : capital(analysis.district.level);
  return {
    analysis,
    summary,
    sheets,
    settings: read.settings,
    settingsSheet: read.sheet,
    settingsIssues: read.issues,
    region,
    year,
    levelWord: capital(levelWord.toLowerCase()),
    options,
  };
}

/** The region as a run: "Kabupaten Banjar", or a highlighted placeholder. */
export const regionRun = (c: ReportContext): Run =>
  c.region ? t(c.region) : ph('[Kabupaten/Kota ...]');

export const yearRun = (c: ReportContext): Run => (c.year ? t(String(c.year)) : ph('[Tahun]'));

/** Bagian Organisasi of a kabupaten or kota; a province has a Biro Organisasi. */
export function officeName(c: ReportContext): string | null {
  if (c.settings.office) return c.settings.office;
  if (!c.region) return null;
  const unit = /^provinsi\b/i.test(c.region) ? 'Biro Organisasi' : 'Bagian Organisasi';
  return `${unit} Sekretariat Daerah ${c.region}`;
}

export const officeRun = (c: ReportContext): Run => {
  const o = officeName(c);
  return o ? t(o) : ph('[Bagian Organisasi Sekretariat Daerah ...]');
};

/** The period the survey covers: the settings' "Periode", else the year. */
export const periodRuns = (c: ReportContext): Run[] =>
  c.settings.period ? [t(c.settings.period)] : [t('Tahun '), yearRun(c)];

/** Place, date and the signer: from "Pengaturan Laporan", else highlighted placeholders. */
export function signature(c: ReportContext): Block {
  const s = c.settings;
  const lines: Run[][] = [
    [
      s.place ? t(s.place) : ph('[Tempat]'),
      t(', '),
      s.date ? t(dateId(s.date)) : ph('[tanggal bulan tahun]'),
    ],
  ];
  if (s.electronic) lines.push([t('Ditandatangani secara elektronik oleh:')]);
  lines.push([
    t(upper(s.signerOffice ?? `Sekretaris Daerah${c.region ? ` ${c.region}` : ''}`)),
    ...(s.signerOffice || c.region ? [] : [ph(' [KABUPATEN/KOTA]')]),
  ]);
  if (!s.electronic) lines.push([t('')], [t('')], [t('')]);
  lines.push([s.signerName ? t(s.signerName, { bold: true, underline: true }) : ph('[Nama]')]);
  lines.push([s.signerRank ? t(s.signerRank) : ph('[Pangkat (Golongan)]')]);
  lines.push([t('NIP. '), s.nip ? t(nipGroups(s.nip)) : ph('[18 angka]')]);
  return { kind: 'signature', lines };
}

/** The note under an electronic signature: certified by BSrE, so no wet signature or stamp. */
export const BSRE_NOTE =
  'Dokumen ini ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan oleh Balai Besar Sertifikasi Elektronik (BSrE), sehingga tidak memerlukan tanda tangan basah dan stempel.';
