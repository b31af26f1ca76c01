import { describe, expect, it } from 'vitest';
import { locate } from './draft-builders.js';
import { findings, HAS_SEED, readDraft, SEED } from './harness.js';

const RULE = 'prose-category';

function section(...sentences: string[]): string {
  return [
    'LAPORAN KINERJA INSTANSI PEMERINTAH KANTOR WILAYAH KEMENTERIAN HUKUM PROVINSI TELUK BIRU TAHUN 2024',
    'BAB III AKUNTABILITAS KINERJA',
    '1. Indikator Kinerja Utama : Nilai Kinerja Anggaran',
    'Nilai Kinerja Anggaran dikelompokkan ke dalam kategori sebagai berikut:',
    '- 1) Nilai Kinerja Anggaran lebih dari 90% dikategorikan dengan Sangat Baik;\n- 2) Nilai Kinerja Anggaran lebih dari 80% sampai dengan 90% dikategorikan dengan Baik;\n- 3) Nilai Kinerja Anggaran lebih dari 60% sampai dengan 80% dikategorikan dengan Cukup;\n- 4) Nilai Kinerja Anggaran sampai dengan 60% dikategorikan dengan Kurang.',
    ...sentences,
  ].join('\n\n') + '\n';
}

describe('prose-category', () => {
  it('is silent on categories that fit their band, this year and earlier years', () => {
    const text = section(
      'Tahun 2024 nilai kinerja anggaran 94,57 indeks berkategori “Sangat Baik”, sedangkan Tahun 2023 nilai kinerja anggaran 77,91 indeks berkategori “Cukup” dan Tahun 2022 nilai 86,61 indeks berkategori “**Baik**”.',
    );
    expect(findings(RULE, text)).toEqual([]);
  });

  it('judges no label without its value, and no count', () => {
    const text = section('Sebanyak 3 kantor berkategori “Sangat Baik”.', 'Nilai kinerja anggaran kantor wilayah berkategori “Baik”.');
    expect(findings(RULE, text)).toEqual([]);
  });

  it('reports an earlier year labelled with the wrong band, with a suggestion', () => {
    const text = section('Tahun 2024 nilai kinerja anggaran 94,57 indeks berkategori “Sangat Baik”, sedangkan Tahun 2023 nilai kinerja anggaran 77,91 indeks berkategori “Baik”.');
    const found = findings(RULE, text);
    expect(found.map((m) => ({ line: m.line, column: m.column }))).toEqual([locate(text, 'Baik”.')]);
    expect(found[0]?.message).toContain('2023');
    expect(found[0]?.message).toContain('Cukup');
    expect(found[0]?.suggestions?.[0]?.fix.text).toBe('Cukup');
  });
});

describe('prose-category on the seed', () => {
  it.skipIf(!HAS_SEED)('finds the 2023 NKA of Rote Ndao (77.91) labelled “Baik” (skipped without shared/seed)', () => {
    expect(findings(RULE, readDraft(SEED)).map((m) => m.line)).toEqual([1538]);
  });
});
