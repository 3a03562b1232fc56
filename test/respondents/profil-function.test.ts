/** =SKM.PROFIL(kolom; [jenis]): the profile of one questionnaire column, as a cell user spills it. */
import { readFileSync } from 'fs';
import path from 'path';
import { profil } from '../../src/functions/functions';
import { QDIR } from './helpers';

const column = (values: unknown[]) => values.map((v) => [v]);

test('sexes from their spellings, blanks skipped, shares of the filled cells', () => {
  expect(profil(column(['L', 'Perempuan', 'laki - laki', null, 'P', 'Pria', '']))).toEqual([
    ['Laki-laki', 3, 0.6],
    ['Perempuan', 2, 0.4],
  ]);
});

test('ages in bands, in age order', () => {
  expect(profil(column([19, 25, '31', '29 tahun', 64, 40]))).toEqual([
    ['< 20', 1, 1 / 6],
    ['20-29', 2, 2 / 6],
    ['30-39', 1, 1 / 6],
    ['40-49', 1, 1 / 6],
    ['≥ 60', 1, 1 / 6],
  ]);
});

test('the Mahakam Ulu education column, as the CLI profile counts it', () => {
  const lines = readFileSync(path.join(QDIR, 'mahulu-setda-2025-2026.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const education = lines.map((l) => /,(SMA \/ SMK|S1 \/ Setara|S2 \/ S3),/.exec(l)![1]);
  const count = (v: string) => education.filter((e) => e === v).length;
  expect(profil(column(education))).toEqual([
    ['SMA / SMK', count('SMA / SMK'), count('SMA / SMK') / 26],
    ['S1 / Setara', count('S1 / Setara'), count('S1 / Setara') / 26],
    ['S2 / S3', count('S2 / S3'), count('S2 / S3') / 26],
  ]);
});

test('a range of more than one column and one row, or an empty one, is #VALUE! with its reason', () => {
  expect(() =>
    profil([
      [1, 2],
      [3, 4],
    ]),
  ).toThrow(/kolom harus satu kolom atau satu baris, bukan 2x2/);
  expect(() => profil(column([null, '']))).toThrow(/kolom kosong/);
  expect(() => profil(column(['L']), 'umur')).toThrow(/jenis "umur" tidak dikenal/);
});
