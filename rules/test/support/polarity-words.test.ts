import { parseDraft } from '@lkip/parse';
import { describe, expect, it } from 'vitest';
import { polarityWords, soundsLowerIsBetter } from '../../src/support/row-achievement.js';

// Which indicator names suggest lower is better is agency vocabulary: the rules read it from the
// profile the draft was read with, not from a list of their own.
const titled = (agency: string) => parseDraft(`LAPORAN KINERJA INSTANSI PEMERINTAH ${agency} TAHUN 2024\n\nBAB I PENDAHULUAN\n\nUraian.\n`);

describe('polarity words from the agency profile', () => {
  it('reads the general words from the generic profile, for any agency', () => {
    const words = polarityWords(titled('DINAS KESEHATAN KABUPATEN CONTOH'));
    expect(soundsLowerIsBetter('Angka kematian ibu', words)).toBe(true);
    expect(soundsLowerIsBetter('Persentase kasus yang diselesaikan', words)).toBe(false);
    expect(soundsLowerIsBetter('Indeks kepuasan masyarakat', words)).toBe(false);
    // A draft that says so itself needs no vocabulary.
    expect(soundsLowerIsBetter('Rasio keluhan (semakin kecil semakin baik)', words)).toBe(true);
  });

  it("adds an agency's own words only for drafts read with its profile", () => {
    const generic = titled('DINAS KESEHATAN KABUPATEN CONTOH');
    const agency = titled('BADAN NARKOTIKA NASIONAL PROVINSI CONTOH');
    expect(agency.meta.profile).toBe('bnn');
    expect(soundsLowerIsBetter('Prevalensi penyalahgunaan', polarityWords(generic))).toBe(true);
    expect(soundsLowerIsBetter('Angka penyalahgunaan', polarityWords(generic))).toBe(false);
    expect(soundsLowerIsBetter('Angka penyalahgunaan', polarityWords(agency))).toBe(true);
    expect(soundsLowerIsBetter('Angka penyalahgunaan yang mengikuti rehabilitasi', polarityWords(agency))).toBe(false);
  });
});
