/** Recognising the nine unsur by name (docs/skm-rules.md §1). */
import { matchUnsur, normalise, parsePriorityList, UNSUR, words } from '../../src/engine/unsur';

describe('matchUnsur', () => {
  it.each([
    ['Persyaratan', 'U1'],
    ['Prosedur', 'U2'],
    ['Sistem, Mekanisme, dan Prosedur', 'U2'],
    ['Waktu', 'U3'],
    ['Waktu Pelayanan', 'U3'],
    ['Waktu Penyelesaian', 'U3'],
    ['Biaya', 'U4'],
    ['Biaya/Tarif', 'U4'],
    ['Produk', 'U5'],
    ['Produk Spesifikasi Jenis Pelayanan', 'U5'],
    ['Kompetensi', 'U6'],
    ['Kompetensi Pelaksana', 'U6'],
    ['Perilaku', 'U7'],
    ['Perilaku Pelaksana', 'U7'],
    ['Aduan', 'U8'],
    ['Penanganan Pengaduan, Saran dan Masukan', 'U8'],
    ['Sarpras', 'U9'],
    ['Sarana dan Prasarana', 'U9'],
  ])('"%s" is %s', (text, code) => {
    expect(matchUnsur(text)).toBe(code);
  });

  it('names every unsur by its canonical name', () => {
    for (const u of UNSUR) expect(matchUnsur(u.name)).toBe(u.code);
  });

  it('matches whole words: "saran" is U8, "sarana" is U9', () => {
    expect(matchUnsur('Saran')).toBe('U8');
    expect(matchUnsur('Sarana')).toBe('U9');
  });

  it('does not match a word inside another word', () => {
    // "waktunya" and "biayanya" hold "waktu" and "biaya" only as substrings.
    expect(matchUnsur('Ketepatan waktunya')).toBeNull();
    expect(matchUnsur('biayanya')).toBeNull();
  });

  it('takes "Penanganan pengaduan, sarana dan masukan" (as printed in Banjar) as U8: two words against one', () => {
    expect(matchUnsur('Penanganan pengaduan, sarana dan masukan')).toBe('U8');
  });

  it.each([
    ['Persya ratan', 'U1'],
    ['Kompe tensi', 'U6'],
    ['Peri laku', 'U7'],
    ['Sara na dan Pra sarana', 'U9'],
  ])('joins the wrapped header "%s" again: %s', (text, code) => {
    expect(matchUnsur(text)).toBe(code);
  });

  it('gives no unsur on a tie', () => {
    expect(matchUnsur('Waktu dan Biaya')).toBeNull();
    expect(matchUnsur('Sarana dan pengaduan')).toBeNull();
  });

  it('gives no unsur where no identifying word stands', () => {
    expect(matchUnsur('Kebersihan ruang tunggu')).toBeNull();
    expect(matchUnsur('')).toBeNull();
  });

  it.each([
    ['U1', 'U1'],
    ['U5', 'U5'],
    ['u9', 'U9'],
    ['U 8', 'U8'],
  ])('reads the code header "%s" as %s', (text, code) => {
    expect(matchUnsur(text)).toBe(code);
  });

  it('ignores case and accents', () => {
    expect(matchUnsur('PERSYARATAN')).toBe('U1');
    expect(matchUnsur('Perílaku')).toBe('U7');
    expect(normalise('  Biaya/Tarif! ')).toBe('biaya tarif');
  });

  it('splits into words with the wrapped pieces joined', () => {
    expect(words('Persya ratan Pelayanan')).toEqual(['persyaratan', 'pelayanan']);
  });
});

describe('parsePriorityList: the "Unsur Perbaikan" cell', () => {
  it('splits numbered lines', () => {
    expect(
      parsePriorityList(
        '1. Waktu Pelayanan\n2. Produk spesifikasi jenis pelayanan\n3. Persyaratan',
      ),
    ).toEqual([
      { text: 'Waktu Pelayanan', unsur: 'U3' },
      { text: 'Produk spesifikasi jenis pelayanan', unsur: 'U5' },
      { text: 'Persyaratan', unsur: 'U1' },
    ]);
  });

  it('splits numbered entries on one line', () => {
    expect(parsePriorityList('1. Biaya/tarif 2. Sarana dan prasarana').map((e) => e.unsur)).toEqual(
      ['U4', 'U9'],
    );
  });

  it('splits ";"-separated entries', () => {
    expect(
      parsePriorityList('Penanganan pengaduan, saran dan masukan; Biaya/tarif').map((e) => e.unsur),
    ).toEqual(['U8', 'U4']);
  });

  it('marks an entry that names no unsur', () => {
    expect(parsePriorityList('1. Kebersihan\n2. Waktu penyelesaian')).toEqual([
      { text: 'Kebersihan', unsur: null },
      { text: 'Waktu penyelesaian', unsur: 'U3' },
    ]);
  });

  it('is empty for a blank cell', () => {
    expect(parsePriorityList('  ')).toEqual([]);
  });
});
