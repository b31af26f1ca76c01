import { describe, expect, it } from 'vitest';
import { applySuggestion, draft, locate } from './draft-builders.js';
import { findings, HAS_SEED, readDraft, SEED } from './harness.js';

const RULE = 'enumeration-count';

describe('enumeration-count: lists that hold their count stay quiet', () => {
  it('counts commas, the final "dan"/"serta", and keeps "dan" inside earlier items', () => {
    const text = draft(
      'Pada komponen penilaian umum terdapat 5 sub komponen yang menjadi dasar penilaian, yaitu kelembagaan, pelayanan, monitoring dan evaluasi, sarana dan prasarana serta sumber daya manusia.',
      'Kualitas hidup diukur melalui empat domain yaitu kesehatan fisik, kesejahteraan psikologis, hubungan sosial dan hubungan dengan lingkungan.',
      'Struktur organisasi menetapkan 3 (tiga) Bidang sebagai pilar utama yakni Bidang Pencegahan dan Pemberdayaan Masyarakat, Bidang Rehabilitasi dan Bidang Pemberantasan, untuk melaksanakan program.',
      'Ada 3 (tiga) aspek yang diukur yaitu Kualitas Perencanaan Anggaran (20%), Kualitas Pelaksanaan Anggaran (55%) dan Kualitas Hasil Pelaksanaan Anggaran (25%).',
    );
    expect(findings(RULE, text)).toEqual([]);
  });

  it('reads places with their district as one item, at semicolons or at commas', () => {
    const text = draft(
      'Pembentukan desa tangguh sebanyak 3 Kelurahan/Desa yaitu Desa Sukamaju, Kec. Lembah Hijau, Kab. Batu Merah; Kelurahan Pasirputih, Kec. Teluk Biru, Kab. Batu Merah; Desa Mekar, Kec. Sungai Dalam, Kab. Tanjung Kemiri, capaian indeks berkategori “Tinggi”.',
      'Kegiatan dilaksanakan di 2 desa yaitu Desa Sukamaju, Kec. Lembah Hijau, dan Desa Mekar, Kec. Sungai Dalam.',
      'Realisasi berjumlah 3 Kabupaten/Kota yaitu Kota Teluk Biru, Kabupaten Batu Merah, dan Kabupaten Lembah Hijau ,seluruhnya mencapai target.',
    );
    expect(findings(RULE, text)).toEqual([]);
  });

  it('does not take a distributive count ("masing-masing 2 lembaga") for the size of the list', () => {
    const text = draft('Advokasi dilaksanakan pada masing-masing 2 lembaga yaitu instansi pemerintah, instansi swasta, kelompok masyarakat dan lingkungan pendidikan.');
    expect(findings(RULE, text)).toEqual([]);
  });

  it('accepts fewer examples after "antara lain" and a short list with an item that may be two', () => {
    const text = draft(
      'Faktor pendukung keberhasilan terdiri dari 4 faktor antara lain: komitmen pimpinan, dukungan anggaran dan koordinasi lintas sektor.',
      'Pengukuran dilakukan pada 4 aspek yaitu perencanaan dan penganggaran, pelaksanaan, serta pelaporan.',
    );
    expect(findings(RULE, text)).toEqual([]);
  });

  it('counts the list after a colon: a Markdown list or lettered paragraphs', () => {
    const text = draft(
      'Penilaian mandiri terdiri dari 3 (tiga) komponen sebagai berikut:',
      '- 1) Komponen pengungkit.\n- 2) Komponen hasil.\n- 3) Komponen reform.',
      'Jawaban responden meliputi 2 dimensi yaitu:',
      'a. Self regulation',
      'Kemampuan mengendalikan diri.',
      'b. Assertiveness',
      'Kemampuan menyatakan pendapat.',
      'Adapun klasifikasinya sebagai berikut:',
    );
    expect(findings(RULE, text)).toEqual([]);
  });
});

describe('enumeration-count: counts that do not hold', () => {
  it('reports six items announced as five, with a suggestion that writes six', () => {
    const text = draft('Metode pengukuran indeks kemandirian menggunakan kuesioner yang meliputi 5 aspek yaitu: aspek manusia, metode, anggaran, sistem, sarana prasarana, dan kegiatan.');
    const found = findings(RULE, text);
    expect(found.map((m) => ({ id: m.messageId, line: m.line, column: m.column }))).toEqual([{ id: 'tooMany', ...locate(text, '5 aspek') }]);
    expect(found[0]?.message).toContain('6');
    // The items are the finding's places, not part of its message.
    expect(found[0]?.related?.map((r) => r.message).join(' ')).toContain('sarana prasarana');
    const fixed = applySuggestion(text, found[0]!);
    expect(fixed).toContain('meliputi 6 aspek');
    expect(findings(RULE, fixed)).toEqual([]);
  });

  it('rewrites the number words with the figure', () => {
    const text = draft('Indeks diukur dari 4 (empat) dimensi yaitu regulasi diri, ketegasan, keterhubungan, empati dan ketahanan.');
    const found = findings(RULE, text);
    expect(found.map((m) => m.messageId)).toEqual(['tooMany']);
    expect(applySuggestion(text, found[0]!)).toContain('dari 5 (lima) dimensi');
  });

  it('reports an exhaustive list that is short, and more examples than "antara lain" announces', () => {
    const text = draft(
      'Survei kepuasan mencakup 5 unsur yaitu persyaratan, prosedur, waktu pelayanan.',
      'Inovasi yang dilakukan terdiri dari 2 inovasi antara lain: layanan keliling, kelas orang tua, dan konseling daring.',
    );
    expect(findings(RULE, text).map((m) => m.messageId)).toEqual(['tooFew', 'tooMany']);
  });

  it('reads a Markdown list after a counted lead-in', () => {
    const text = draft('Rencana aksi tahun depan meliputi 2 (dua) langkah sebagai berikut:', '- Meningkatkan koordinasi.\n- Menambah fasilitator.\n- Menyusun modul.');
    expect(findings(RULE, text).map((m) => m.messageId)).toEqual(['tooMany']);
  });
});

describe('enumeration-count on the seed', () => {
  it.skipIf(!HAS_SEED)('finds the five aspects that are six (line 681) and nothing else (skipped without shared/seed)', () => {
    expect(findings(RULE, readDraft(SEED)).map((m) => m.line)).toEqual([681]);
  });
});

describe('enumeration-count: breakdowns by figures', () => {
  it('leaves a count broken down into figures to prose-total', () => {
    const text = draft('Selama 2024 ditetapkan 23 produk hukum daerah, terdiri atas 7 peraturan daerah, 12 peraturan wali kota dan 5 keputusan wali kota.');
    expect(findings(RULE, text)).toEqual([]);
  });
});
