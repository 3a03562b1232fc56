/**
 * The nine SKM elements (unsur) of PermenPANRB 14/2017 and how to recognise
 * them in headers and in "Unsur Perbaikan" entries.
 * Decision (docs/skm-rules.md §1): match by name, never by position, whole
 * words only, the unsur with the most identifying words wins, a tie is unknown.
 */

export const UNSUR_CODES = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'] as const;
export type UnsurCode = (typeof UNSUR_CODES)[number];

export interface Unsur {
  code: UnsurCode;
  name: string;
  nameEn: string;
  short: string;
  words: readonly string[];
}

export const UNSUR: readonly Unsur[] = [
  {
    code: 'U1',
    name: 'Persyaratan',
    nameEn: 'Requirements',
    short: 'Persyaratan',
    words: ['persyaratan'],
  },
  {
    code: 'U2',
    name: 'Sistem, Mekanisme, dan Prosedur',
    nameEn: 'Systems, mechanisms and procedures',
    short: 'Prosedur',
    words: ['prosedur', 'sistem', 'mekanisme'],
  },
  {
    code: 'U3',
    name: 'Waktu Penyelesaian',
    nameEn: 'Completion time',
    short: 'Waktu',
    words: ['waktu'],
  },
  {
    code: 'U4',
    name: 'Biaya/Tarif',
    nameEn: 'Cost/tariff',
    short: 'Biaya',
    words: ['biaya', 'tarif'],
  },
  {
    code: 'U5',
    name: 'Produk Spesifikasi Jenis Pelayanan',
    nameEn: 'Service product specification',
    short: 'Produk',
    words: ['produk', 'spesifikasi'],
  },
  {
    code: 'U6',
    name: 'Kompetensi Pelaksana',
    nameEn: 'Staff competence',
    short: 'Kompetensi',
    words: ['kompetensi'],
  },
  {
    code: 'U7',
    name: 'Perilaku Pelaksana',
    nameEn: 'Staff behaviour',
    short: 'Perilaku',
    words: ['perilaku'],
  },
  {
    code: 'U8',
    name: 'Penanganan Pengaduan, Saran dan Masukan',
    nameEn: 'Handling of complaints, suggestions and feedback',
    short: 'Aduan',
    words: ['aduan', 'pengaduan', 'saran', 'masukan'],
  },
  {
    code: 'U9',
    name: 'Sarana dan Prasarana',
    nameEn: 'Facilities and infrastructure',
    short: 'Sarpras',
    words: ['sarana', 'prasarana', 'sarpras'],
  },
];

export function unsurByCode(code: UnsurCode): Unsur {
  return UNSUR[UNSUR_CODES.indexOf(code)];
}

/** Every identifying word: a header split inside one ("perso" "nil") is re-joined when the pieces make one. */
const ALL_WORDS = new Set(UNSUR.flatMap((u) => u.words));

/** Lower case, accents and punctuation removed, whitespace collapsed. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Words of a text, with pieces broken by a wrapped header joined again when
 * together they form an identifying word ("Persya ratan", "Kompe tensi").
 */
export function words(text: string): string[] {
  const raw = normalise(text).split(' ').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let joined: string | null = null;
    let used = 0;
    if (!ALL_WORDS.has(raw[i])) {
      let acc = raw[i];
      for (let j = i + 1; j < raw.length && j < i + 4; j++) {
        acc += raw[j];
        if (ALL_WORDS.has(acc)) {
          joined = acc;
          used = j - i;
          break;
        }
      }
    }
    if (joined) {
      out.push(joined);
      i += used;
    } else {
      out.push(raw[i]);
    }
  }
  return out;
}

/**
 * The unsur a text names, or null when it names none or ties between two.
 * "Penanganan pengaduan, sarana dan masukan" is U8: two words against one.
 */
export function matchUnsur(text: string): UnsurCode | null {
  return memo(matchCache, text, matchUncached);
}

const matchCache = new Map<string, UnsurCode | null>();

function matchUncached(text: string): UnsurCode | null {
  const code = normalise(text).replace(/\s/g, '');
  const explicit = /^u([1-9])$/.exec(code);
  if (explicit) return `U${explicit[1]}` as UnsurCode;
  const ws = new Set(words(text));
  let best: UnsurCode | null = null;
  let bestCount = 0;
  let tie = false;
  for (const u of UNSUR) {
    const count = u.words.filter((w) => ws.has(w)).length;
    if (count > bestCount) {
      best = u.code;
      bestCount = count;
      tie = false;
    } else if (count > 0 && count === bestCount) {
      tie = true;
    }
  }
  return tie ? null : best;
}

export interface PriorityEntry {
  text: string;
  unsur: UnsurCode | null;
}

/**
 * Splits an "Unsur Perbaikan" cell into its entries: numbered lines
 * ("1. Waktu Pelayanan\n2. Persyaratan"), or ";"-separated, or one per line.
 */
export function parsePriorityList(text: string): PriorityEntry[] {
  return memo(priorityCache, text, parsePriorityUncached);
}

const priorityCache = new Map<string, PriorityEntry[]>();

/** Remembers the reading of texts that recur in every recap (bounded, so a huge recap cannot grow it without end). */
export function memo<T>(cache: Map<string, T>, text: string, read: (text: string) => T): T {
  const known = cache.get(text);
  if (known !== undefined) return known;
  const value = read(text);
  if (cache.size >= 10000) cache.clear();
  cache.set(text, value);
  return value;
}

function parsePriorityUncached(text: string): PriorityEntry[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  let parts: string[];
  // A number is a list marker only where no digit follows its point: "Rp 10.000" and "2.5 jam" are amounts.
  if (/(^|\s)\d+\s*[.)](?!\d)\s*\S/.test(trimmed)) {
    parts = trimmed.split(/(?:^|\s)\d+\s*[.)](?!\d)\s*/);
  } else {
    parts = trimmed.split(/[;\n]+/);
  }
  return parts
    .map((p) => p.trim().replace(/[;,.\s]+$/, ''))
    .filter((p) => p.length > 0)
    .map((p) => ({ text: p, unsur: matchUnsur(p) }));
}
