import { describe, expect, it } from 'vitest';
import { locate } from './draft-builders.js';
import { HAS_SEED, SEED, brief, findings, readDraft } from './harness.js';

const RULE = 'band-definition';

/**
 * Scales written the ways drafts write them, all contiguous: a closed list (Dektara), a ≥/≤
 * list, the IKP interval table with two columns, the NKA prose with "lebih dari … sampai dengan",
 * and a list whose bands share their edges ("80 – 90", "90 – 100").
 */
const BASE = String.raw`Klasifikasi Indeks Ketahanan Keluarga Anti Narkoba :

- 1) Kategori sangat tinggi (88,31 – 100,00)
- 2) Kategori tinggi (76,61 – 88,30)
- 3) Kategori rendah (65,00 – 76,60)
- 4) Kategori sangat rendah (25,00 – 64,99)

Klasifikasi Indeks Ketahanan Diri Remaja :

- 1) Kategori sangat tinggi ($\geq 53,51$)
- 2) Kategori tinggi (49,74 – 53,50)
- 3) Kategori rendah (45,98 – 49,73)
- 4) Kategori sangat rendah ($\leq 45,97$)

Kategori kemandirian ditentukan dengan interval berikut :

NILAI INTERVAL	NILAI INTERVAL KONVERSI	KATEGORI IKP	KRITERIA
1,00 – 1,75	25,00 – 43,75	D	Tidak Mandiri
1,76 – 2,50	43,76 – 62,50	C	Kurang Mandiri
2,51 – 3,25	62,51 – 81,25	B	Mandiri
3,26 – 4,00	81,26 – 100,00	A	Sangat Mandiri

Nilai Kinerja Anggaran dikelompokkan ke dalam kategori sebagai berikut:

- 1) Nilai Kinerja Anggaran lebih dari 90% (sembilan puluh persen) dikategorikan dengan Sangat Baik;
- 2) Nilai Kinerja Anggaran lebih dari 80% (delapan puluh persen) sampai dengan 90% (sembilan puluh persen) dikategorikan dengan Baik;
- 3) Nilai Kinerja Anggaran lebih dari 60% (enam puluh persen) sampai dengan 80% (delapan puluh persen) dikategorikan dengan Cukup;
- 4) Nilai Kinerja Anggaran lebih dari 50% (lima puluh persen) sampai dengan 60% (enam puluh persen) dikategorikan dengan Kurang; dan
- 5) Nilai Kinerja Anggaran sampai dengan 50% (lima puluh persen) dikategorikan dengan Sangat Kurang.

Klasifikasi Indeks Kepuasan :

- 1) Kategori sangat puas (90 – 100)
- 2) Kategori puas (80 – 90)
- 3) Kategori cukup puas (70 – 80)
`;

describe('band-definition: valid', () => {
  it('stays silent on contiguous scales in every written form', () => {
    expect(brief(findings(RULE, BASE))).toEqual([]);
  });

  it('treats "lebih dari 90" after "sampai dengan 90" as contiguous', () => {
    expect(BASE).toContain('lebih dari 90% (sembilan puluh persen) dikategorikan dengan Sangat Baik');
    expect(brief(findings(RULE, BASE))).toEqual([]);
  });

  it('allows bands to share an edge value', () => {
    expect(BASE).toContain('(80 – 90)');
    expect(brief(findings(RULE, BASE))).toEqual([]);
  });
});

describe('band-definition: invalid', () => {
  it('reports a gap at the later band, with the interval left uncovered', () => {
    const draft = BASE.replace('$\\geq 53,51$', '$\\geq 53,71$');
    const at = locate(draft, '53,71');
    const messages = findings(RULE, draft);
    expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'gap', line: at.line, column: at.column }]);
    expect(messages[0]?.message).toContain('53,51 – 53,70');
    expect(messages[0]?.severity).toBe(1);
  });

  it('reports a gap of a single value between exclusive edges', () => {
    const draft = BASE.replace('Nilai Kinerja Anggaran lebih dari 90% (sembilan puluh persen) dikategorikan dengan Sangat Baik', 'Nilai Kinerja Anggaran lebih dari 91% (sembilan puluh satu persen) dikategorikan dengan Sangat Baik');
    const at = locate(draft, '91%');
    const messages = findings(RULE, draft);
    expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'gap', line: at.line, column: at.column }]);
    expect(messages[0]?.message).toMatch(/\b91\b.*(tidak mencakup|uncovered)|(tidak mencakup|uncovered).*\b91\b/);
  });

  it('reports bands that overlap by more than an edge', () => {
    const draft = BASE.replace('Kategori sangat tinggi (88,31 – 100,00)', 'Kategori sangat tinggi (88,00 – 100,00)');
    const at = locate(draft, '88,00');
    const messages = findings(RULE, draft);
    expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'overlap', line: at.line, column: at.column }]);
    expect(messages[0]?.message).toContain('88,00 – 88,30');
  });

  it('finds the problem in a table of intervals too', () => {
    const draft = BASE.replace('2,51 – 3,25	62,51 – 81,25', '2,51 – 3,20	62,51 – 81,25');
    const at = locate(draft, '3,26 – 4,00');
    expect(brief(findings(RULE, draft))).toEqual([{ ruleId: RULE, messageId: 'gap', line: at.line, column: at.column }]);
  });
});

describe('band-definition on the seed', () => {
  it.skipIf(!HAS_SEED)('reports only the Dektari gap 53,51 – 53,70 (line 392)', () => {
    // ≥ 53,71 / 49,74 – 53,50 / 45,98 – 49,73 / ≤ 45,97; Dektara, both IKP columns and the NKA
    // prose bands are contiguous.
    const messages = findings(RULE, readDraft(SEED));
    expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'gap', line: 392, column: 36 }]);
    expect(messages[0]?.message).toContain('53,51 – 53,70');
  });
});

/**
 * A unit's own predikat table with whole-number bands, and the results it classifies. The
 * results are capaian with two decimals, so (90, 91) and (75, 76) are holes in practice.
 */
function integerBands(results: string): string {
  return String.raw`LAPORAN KINERJA KANTOR CONTOH KABUPATEN LEMBAH HIJAU TAHUN 2024

Tabel 2.1 Predikat capaian kinerja

| Rentang Capaian (%) | Predikat |
| --- | --- |
| 91 – 100 | Sangat Baik |
| 76 – 90 | Baik |
| 60 – 75 | Cukup |
| 0 – 59 | Kurang |

Tabel 3.1 Capaian indikator kinerja utama

| No | Indikator | Target | Realisasi | Capaian (%) | Predikat |
| --- | --- | --- | --- | --- | --- |
${results}
`;
}

describe('band-definition: whole-number bands and values above the top band', () => {
  it('reports whole-number bands that leave values with decimals uncovered', () => {
    const draft = integerBands(
      ['| 1 | Persentase layanan tepat waktu | 90 | 81,45 | 90,50 | Baik |', '| 2 | Indeks kepuasan layanan | 80 | 78,12 | 97,65 | Sangat Baik |'].join('\n'),
    );
    const messages = findings(RULE, draft);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.messageId === 'precisionGap' || m.messageId === 'precisionGaps')).toBe(true);
    expect(messages.map((m) => m.message).join(' ')).toContain('90,50');
  });

  it('stays silent on whole-number bands when the values are whole numbers too', () => {
    const draft = integerBands(['| 1 | Jumlah layanan tepat waktu | 90 | 85 | 94 | Sangat Baik |', '| 2 | Jumlah aduan selesai | 80 | 64 | 80 | Baik |'].join('\n'));
    expect(brief(findings(RULE, draft))).toEqual([]);
  });

  it('reports a capaian above 100 that no band takes', () => {
    const draft = integerBands(['| 1 | Jumlah layanan tepat waktu | 80 | 90 | 113 | Sangat Baik |', '| 2 | Jumlah aduan selesai | 80 | 64 | 80 | Baik |'].join('\n'));
    const messages = findings(RULE, draft);
    expect(messages.map((m) => m.messageId)).toEqual(['noBandAbove']);
    expect(messages[0]?.message).toContain('113');
  });

  it('stays silent on bands written to the hundredth for figures with three decimals', () => {
    const draft = String.raw`Klasifikasi indeks layanan :

- 1) Kategori sangat tinggi (88,31 – 100,00)
- 2) Kategori tinggi (76,61 – 88,30)

| No | Satker | Target | Realisasi | Kategori |
| --- | --- | --- | --- | --- |
| 1 | Kantor Kota Batu Merah | 80,00 | 88,929 | Sangat Tinggi |
| 2 | Kantor Kabupaten Lembah Hijau | 80,00 | 82,455 | Tinggi |
`;
    expect(brief(findings(RULE, draft))).toEqual([]);
  });
});
