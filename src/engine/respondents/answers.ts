/**
 * One questionnaire answer as units record it: a number 1-4, a letter a-d of
 * the paper form (a is the lowest), or the answer words of the PermenPANRB
 * 14/2017 form ("Sangat sesuai", "Cukup mahal", "Dikelola dengan baik", ...).
 */
import { isBlank, parseNumber, type CellValue } from '../numbers';
import { normalise } from '../unsur';

export type Answer =
  | { kind: 'blank' }
  | { kind: 'value'; value: 1 | 2 | 3 | 4 }
  /** A number that is not 1, 2, 3 or 4 (0, 5, 3.5). */
  | { kind: 'out-of-range'; value: number }
  | { kind: 'unreadable'; text: string };

const BLANK: Answer = { kind: 'blank' };

/**
 * Answers whose words are not "tidak/kurang/-/sangat X": the cost scale of U4,
 * the complaint-handling scale of U8 and the facilities scale of U9
 * (PermenPANRB 14/2017, appendix, the questionnaire).
 */
const SPECIAL: Record<string, 1 | 2 | 3 | 4> = {
  'sangat mahal': 1,
  'cukup mahal': 2,
  mahal: 2,
  murah: 3,
  gratis: 4,
  'tidak ada': 1,
  'ada tetapi tidak berfungsi': 2,
  'ada tapi tidak berfungsi': 2,
  'berfungsi kurang maksimal': 3,
  'dikelola dengan baik': 4,
  buruk: 1,
  'sangat buruk': 1,
  cukup: 2,
};

/** The four-step scale of a column: whether "sangat tidak X" appears (then "tidak X" is 2). */
export interface Scale {
  sangatTidak: boolean;
}

export const FORM_SCALE: Scale = { sangatTidak: false };

/**
 * The words of a text answer read on the form's scale: "tidak X" 1, "kurang X"
 * 2, "X" 3, "sangat X" 4; on a scale that has "sangat tidak X", that is 1 and
 * "tidak X" is 2. Null when the words are not an answer.
 */
function fromWords(n: string, scale: Scale): 1 | 2 | 3 | 4 | null {
  const special = SPECIAL[n];
  if (special) return special;
  const m = /^(sangat tidak |tidak |kurang |sangat )?(.+)$/.exec(n);
  if (!m) return null;
  // Only the form's short answers: a positive word, or two joined by "dan" ("sopan dan ramah").
  const stem = m[2].split(' dan ');
  if (stem.length > 2 || !stem.every((w) => POSITIVE.has(w))) return null;
  switch (m[1]) {
    case 'sangat tidak ':
      return 1;
    case 'tidak ':
      return scale.sangatTidak ? 2 : 1;
    case 'kurang ':
      return 2;
    case 'sangat ':
      return 4;
    default:
      return 3;
  }
}

/** The positive words of the form and of common variants ("puas", "jelas", "wajar"). */
const POSITIVE = new Set([
  'sesuai',
  'mudah',
  'cepat',
  'kompeten',
  'sopan',
  'ramah',
  'baik',
  'puas',
  'jelas',
  'wajar',
  'tepat',
  'mampu',
  'memuaskan',
  'lengkap',
  'nyaman',
  'berkualitas',
  'profesional',
  'bagus',
  'terjangkau',
  'berfungsi',
  'tanggap',
  'informatif',
  'transparan',
  'efektif',
  'efisien',
  'lancar',
]);

/** Whether a text answer uses the five-word Likert form ("sangat tidak puas"). */
export function usesSangatTidak(v: CellValue): boolean {
  return typeof v === 'string' && /^sangat tidak \S/.test(normalise(v));
}

export function readAnswer(v: CellValue, scale: Scale = FORM_SCALE): Answer {
  if (isBlank(v)) return BLANK;
  if (typeof v === 'number') return byNumber(v);
  const text = String(v).trim();
  const n = normalise(text);
  // "4", "4,0"
  const p = parseNumber(text);
  if (p.kind === 'number') return byNumber(p.value);
  // "a", "D", "a." or "d) Sangat sesuai": the letter of the paper form.
  const letter = /^([a-d])(?:[.)]|\s|$)/i.exec(text);
  if (letter && (n.length === 1 || /^[a-d][.)]/i.test(text) || /^[a-d]\s+\S/i.test(text))) {
    const rest = normalise(text.slice(1));
    const byLetter = ('abcd'.indexOf(letter[1].toLowerCase()) + 1) as 1 | 2 | 3 | 4;
    if (!rest || fromWords(rest, scale) !== null || /^[a-d][.)]/i.test(text)) {
      return { kind: 'value', value: byLetter };
    }
  }
  // "4 - Sangat sesuai", "3. Sesuai", "Sangat sesuai (4)"
  const numbered = /^(\d+)\s*[.)\-:]\s*\S/.exec(text) ?? /\S\s*\((\d+)\)$/.exec(text);
  if (numbered) return byNumber(Number(numbered[1]));
  const words = fromWords(n, scale);
  if (words !== null) return { kind: 'value', value: words };
  return { kind: 'unreadable', text };
}

function byNumber(x: number): Answer {
  if (x === 1 || x === 2 || x === 3 || x === 4) return { kind: 'value', value: x };
  return { kind: 'out-of-range', value: x };
}

/** Whether a cell reads as an answer of some kind (for telling answer columns from free text). */
export function looksLikeAnswer(v: CellValue): boolean {
  const a = readAnswer(v);
  // A slip of a digit (0, 5) is an answer out of range; a year or a date serial is not an answer.
  return a.kind === 'value' || (a.kind === 'out-of-range' && a.value >= 0 && a.value <= 10);
}
