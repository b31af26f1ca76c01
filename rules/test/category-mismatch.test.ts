import { describe, expect, it } from 'vitest';
import { applySuggestion, lineOf, locate } from './draft-builders.js';
import { HAS_SEED, SEED, brief, findings, readDraft } from './harness.js';

const RULE = 'category-mismatch';

/**
 * Dektari with the seed's ≥/≤ list (53,51–53,70 left uncovered), IKP with its two interval
 * columns (1–4 and 25–100), NKA with the prose bands ("lebih dari 90%"), and IKPA with a
 * category but no bands in the draft. Every label fits its value.
 */
const BASE = String.raw`BAB II PERENCANAAN KINERJA DAN PERJANJIAN KINERJA

B. Perjanjian Kinerja

NO	SASARAN KEGIATAN	INDIKATOR KINERJA KEGIATAN	TARGET
1	Meningkatnya daya tangkal anak dan remaja terhadap penyalahgunaan narkotika	Jumlah Kabupaten/Kota dengan Indeks Ketahanan Diri Remaja terhadap Penyalahgunaan Narkoba berkategori “Tinggi” di wilayah Provinsi	3 Kab/Kota
2	Meningkatnya kesadaran dan kepedulian masyarakat dalam penanganan P4GN	Jumlah Kabupaten/Kota dengan Indeks Kemandirian Partisipasi berkategori “Mandiri” di wilayah Provinsi	3 Kab/Kota
3	Meningkatnya proses manajemen kinerja secara efektif dan efisien	Nilai Kinerja Anggaran BNN Provinsi Teluk Cendana	88 Indeks
4	Meningkatnya tata kelola administrasi keuangan yang sesuai prosedur	Nilai Indikator Pelaksanaan Anggaran (IKPA) BNN Provinsi Teluk Cendana	95 Indeks

BAB III AKUNTABILITAS KINERJA

1.

Indikator Kinerja Kegiatan : Jumlah Kabupaten/Kota dengan Indeks Ketahanan Diri Remaja terhadap Penyalahgunaan Narkoba berkategori “Tinggi” di wilayah Provinsi

Klasifikasi Indeks Ketahanan Diri Remaja :

- 1) Kategori sangat tinggi ($\geq 53,71$)
- 2) Kategori tinggi (49,74 – 53,50)
- 3) Kategori rendah (45,98 – 49,73)
- 4) Kategori sangat rendah ($\leq 45,97$)

Nilai per satker :

No	Satker	Target	Realisasi	%	Kategori
1	BNNP Teluk Cendana	51.51	55.16	107.09	Sangat Tinggi
2	BNNK Batu Hijau	50.20	50.10	99.80	Tinggi
3	BNN Kota Cendana	53.65	40.98	76.38	Sangat Rendah
4	BNNK Pulau Sagu	52.00	51.24	98.54	tinggi

2.

Indikator Kinerja Kegiatan : Jumlah Kabupaten/Kota dengan Indeks Kemandirian Partisipasi berkategori “Mandiri” di wilayah Provinsi

Kategori kemandirian ditentukan dengan interval berikut :

NILAI INTERVAL	NILAI INTERVAL KONVERSI	KATEGORI IKP	KRITERIA
1,00 – 1,75	25,00 – 43,75	D	Tidak Mandiri
1,76 – 2,50	43,76 – 62,50	C	Kurang Mandiri
2,51 – 3,25	62,51 – 81,25	B	Mandiri
3,26 – 4,00	81,26 – 100,00	A	Sangat Mandiri

Nilai per satker :

No	Satker	Target (Indeks)	Realisasi (indeks)	%	Kategori
1	BNNP Teluk Cendana	3.43	3.48	101.46	Sangat Mandiri
2	BNNK Batu Hijau	3.00	3.10	103.33	Mandiri
3	BNN Kota Cendana	3.53	3.54	100.28	Sangat Mandiri
4	BNNK Pulau Sagu	60.00	62.10	103.50	Kurang Mandiri

3.

Indikator Kinerja Kegiatan : Nilai Kinerja Anggaran BNN Provinsi Teluk Cendana

Nilai Kinerja Anggaran dikelompokkan ke dalam kategori sebagai berikut:

- 1) Nilai Kinerja Anggaran lebih dari 90% (sembilan puluh persen) dikategorikan dengan Sangat Baik;
- 2) Nilai Kinerja Anggaran lebih dari 80% (delapan puluh persen) sampai dengan 90% (sembilan puluh persen) dikategorikan dengan Baik;
- 3) Nilai Kinerja Anggaran lebih dari 60% (enam puluh persen) sampai dengan 80% (delapan puluh persen) dikategorikan dengan Cukup;
- 4) Nilai Kinerja Anggaran lebih dari 50% (lima puluh persen) sampai dengan 60% (enam puluh persen) dikategorikan dengan Kurang; dan
- 5) Nilai Kinerja Anggaran sampai dengan 50% (lima puluh persen) dikategorikan dengan Sangat Kurang.

No	Indikator	Target	Realisasi	%	Kategori
1	Nilai Kinerja Anggaran BNN Provinsi Teluk Cendana	88	90	102.27%	Sangat Baik

4.

Indikator Kinerja Kegiatan : Nilai Indikator Pelaksanaan Anggaran (IKPA) BNN Provinsi Teluk Cendana

No	Indikator	Target	Realisasi	%	Kategori IKPA
1	Nilai Indikator Pelaksanaan Anggaran (IKPA) BNN Provinsi Teluk Cendana	95	96.20	101.26%	Baik
`;

const IKPA_SCALE = {
  scales: [
    {
      name: 'IKPA',
      indicatorPattern: 'IKPA',
      bands: [
        { label: 'Sangat Baik', min: 95 },
        { label: 'Baik', min: 89, max: 95, maxInclusive: false },
        { label: 'Cukup', min: 70, max: 89, maxInclusive: false },
        { label: 'Kurang', max: 70, maxInclusive: false },
      ],
    },
  ],
};

describe('category-mismatch: valid', () => {
  it('stays silent when every label is the band of its value', () => {
    expect(brief(findings(RULE, BASE))).toEqual([]);
  });

  it('reads each value on the scale whose range holds it (IKP 1–4 and 25–100)', () => {
    // 62,10 is "Kurang Mandiri" on the converted scale; on the 1–4 scale it would be off the range.
    expect(BASE).toContain('62.10	103.50	Kurang Mandiri');
    expect(brief(findings(RULE, BASE))).toEqual([]);
  });

  it('accepts either band for a rounded value that straddles an edge', () => {
    // 53,5 stands for 53,45–53,55: it may be 53,50 (Tinggi).
    const draft = BASE.replace('50.20	50.10	99.80	Tinggi', '50.20	53.5	106.57	Tinggi');
    expect(brief(findings(RULE, draft))).toEqual([]);
    // 80 stands for 79,5–81 and "lebih dari 80%" starts Baik: Cukup and Baik both fit.
    const nka = BASE.replace('88	90	102.27%	Sangat Baik', '88	80	90.91%	Baik');
    expect(brief(findings(RULE, nka))).toEqual([]);
  });

  it('leaves a category without any scale alone', () => {
    expect(BASE).toContain('96.20	101.26%	Baik');
    expect(brief(findings(RULE, BASE))).toEqual([]);
  });
});

describe('category-mismatch: invalid', () => {
  it('reports a label outside the band of its value, with the band as suggestion', () => {
    const draft = BASE.replace('55.16	107.09	Sangat Tinggi', '55.16	107.09	Tinggi');
    const at = locate(draft, '55.16	107.09	Tinggi');
    const messages = findings(RULE, draft);
    expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'mismatch', line: at.line, column: at.column + '55.16	107.09	'.length }]);
    expect(messages[0]?.fix).toBeUndefined();
    expect(applySuggestion(draft, messages[0]!)).toBe(BASE);
  });

  it('keeps the letter case of the label it replaces', () => {
    const draft = BASE.replace('51.24	98.54	tinggi', '51.24	98.54	sangat tinggi');
    const messages = findings(RULE, draft);
    expect(messages.map((m) => m.messageId)).toEqual(['mismatch']);
    expect(lineOf(applySuggestion(draft, messages[0]!), messages[0]!.line)).toBe('4	BNNK Pulau Sagu	52.00	51.24	98.54	tinggi');
  });

  it('reports a value in a gap of the scale with its own message', () => {
    const draft = BASE.replace('50.20	50.10	99.80	Tinggi', '50.20	53.60	106.77	Tinggi');
    const at = locate(draft, '53.60	106.77	Tinggi');
    expect(brief(findings(RULE, draft))).toEqual([{ ruleId: RULE, messageId: 'inGap', line: at.line, column: at.column + '53.60	106.77	'.length }]);
  });

  it('judges both IKP interval columns', () => {
    const draft = BASE.replace('3.10	103.33	Mandiri', '3.10	103.33	Sangat Mandiri').replace('62.10	103.50	Kurang Mandiri', '62.10	103.50	Mandiri');
    const messages = findings(RULE, draft);
    const first = locate(draft, '3.10	103.33	Sangat Mandiri');
    const second = locate(draft, '62.10	103.50	Mandiri');
    expect(brief(messages)).toEqual([
      { ruleId: RULE, messageId: 'mismatch', line: first.line, column: first.column + '3.10	103.33	'.length },
      { ruleId: RULE, messageId: 'mismatch', line: second.line, column: second.column + '62.10	103.50	'.length },
    ]);
    expect(messages.map((m) => m.suggestions?.map((s) => s.fix.text))).toEqual([['Mandiri'], ['Kurang Mandiri']]);
  });

  it('reads prose bands with exclusive edges', () => {
    const draft = BASE.replace('88	90	102.27%	Sangat Baik', '88	78	88.64%	Baik');
    const messages = findings(RULE, draft);
    expect(messages.map((m) => m.messageId)).toEqual(['mismatch']);
    expect(messages[0]?.suggestions?.map((s) => s.fix.text)).toEqual(['Cukup']);
  });

  it('judges against a configured scale when the draft gives none', () => {
    const messages = findings(RULE, BASE, IKPA_SCALE);
    const at = locate(BASE, '96.20	101.26%	Baik');
    expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'mismatch', line: at.line, column: at.column + '96.20	101.26%	'.length }]);
    expect(messages[0]?.suggestions?.map((s) => s.fix.text)).toEqual(['Sangat Baik']);
  });
});

describe('category-mismatch on the seed', () => {
  it.skipIf(!HAS_SEED)('reports only BNNP NTT’s Dektari 55.16 labelled "Tinggi" (line 404)', () => {
    // ≥ 53,71 is Sangat Tinggi; every other Dektari, Dektara, IKP and NKA label fits its band.
    const messages = findings(RULE, readDraft(SEED));
    expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'mismatch', line: 404, column: 31 }]);
    expect(messages[0]?.suggestions?.map((s) => s.fix.text)).toEqual(['Sangat Tinggi']);
  });
});
