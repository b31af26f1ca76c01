import { applyFixes } from '@lkip/engine';
import { describe, expect, it } from 'vitest';
import { applySuggestion, locate } from './draft-builders.js';
import { HAS_SEED, SEED, brief, findings, readDraft } from './harness.js';

const RULE = 'tally-mismatch';

/**
 * A small report in the seed's shape: IKK 1 counts districts with a Dektari category of Tinggi or
 * higher (Batu Hijau Sangat Tinggi and Pulau Sagu Tinggi: 2), IKK 2 is met only as rounded
 * (501 / 500 = 100,2 %, printed 100 %), IKK 3 is above target, IKK 4 counts districts whose NKA
 * reaches its target (2 of 3) and has no BAB III summary table, so its PK target and stated
 * realisation decide. Tally: above 1, at 1, below 2.
 */
const BASE = String.raw`IKHTISAR EKSEKUTIF

Satker Wilayah BNN Provinsi Teluk Cendana menetapkan 4 (empat) Sasaran Kegiatan dan 4 (empat) Indikator Kinerja Kegiatan.

1. Indikator Kinerja Kegiatan Jumlah Kabupaten/Kota dengan Indeks Ketahanan Diri Remaja terhadap Penyalahgunaan Narkoba berkategori “Tinggi” di wilayah Provinsi: target 3 Kab/Kota, realisasi 2 Kab/Kota atau sebesar 66.67 %, di bawah target.

2. Indikator Kinerja Kegiatan Jumlah petugas penyelenggara layanan IBM yang terlatih: target 500 Orang, realisasi 501 Orang atau sebesar 100 %, sesuai target.

3. Indikator Kinerja Kegiatan Nilai Kinerja Anggaran BNN Provinsi Teluk Cendana: target 88.00 Indeks, realisasi 90.60 Indeks atau sebesar 102.95 %, melebihi target.

4. Indikator Kinerja Kegiatan Jumlah BNN Kabupaten/Kota di wilayah Provinsi dengan Nilai Kinerja Anggaran mencapai target: target 3 Kab/Kota, realisasi 2 Kab/Kota atau sebesar 66.67 %, di bawah target.

Indikator Kinerja Kegiatan di atas target berjumlah 1 (satu); Indikator Kinerja Kegiatan sesuai target berjumlah 1 (satu); dan Indikator Kinerja Kegiatan di bawah target berjumlah 2 (dua).

BAB II PERENCANAAN KINERJA DAN PERJANJIAN KINERJA

B. Perjanjian Kinerja

NO	SASARAN KEGIATAN	INDIKATOR KINERJA KEGIATAN	TARGET
1	Meningkatnya daya tangkal anak dan remaja terhadap penyalahgunaan narkotika	Jumlah Kabupaten/Kota dengan Indeks Ketahanan Diri Remaja terhadap Penyalahgunaan Narkoba berkategori “Tinggi” di wilayah Provinsi	3 Kab/Kota
2	Meningkatnya kapasitas tenaga teknis rehabilitasi	Jumlah petugas penyelenggara layanan IBM yang terlatih	500 Orang
3	Meningkatnya proses manajemen kinerja secara efektif dan efisien	Nilai Kinerja Anggaran BNN Provinsi Teluk Cendana	88.00 Indeks
4	Meningkatnya tata kelola keuangan satker jajaran	Jumlah BNN Kabupaten/Kota di wilayah Provinsi dengan Nilai Kinerja Anggaran mencapai target	3 Kab/Kota

BAB III AKUNTABILITAS KINERJA

1.

Indikator Kinerja Kegiatan : Jumlah Kabupaten/Kota dengan Indeks Ketahanan Diri Remaja terhadap Penyalahgunaan Narkoba berkategori “Tinggi” di wilayah Provinsi

No	Indikator	Target	Realisasi	%
1	Jumlah Kabupaten/Kota dengan Indeks Ketahanan Diri Remaja terhadap Penyalahgunaan Narkoba berkategori “Tinggi” di wilayah Provinsi	3 Kab/Kota	2 Kab/Kota	66.67 %

Klasifikasi Indeks Ketahanan Diri Remaja :

- 1) Kategori sangat tinggi ($\geq 53.71$)
- 2) Kategori tinggi (49.74 – 53.70)
- 3) Kategori rendah (45.98 – 49.73)
- 4) Kategori sangat rendah ($\leq 45.97$)

Nilai per satker :

No	Satker	Target	Realisasi	%	Kategori
1	BNNP Teluk Cendana	51.20	52.60	102.73	Tinggi
2	BNNK Batu Hijau	50.50	54.10	107.13	Sangat Tinggi
3	BNN Kota Cendana	51.00	47.85	93.82	Rendah
4	BNNK Pulau Sagu	50.10	50.65	101.10	Tinggi

Dari 3 Kabupaten/Kota, 1 Kab/Kota berkategori “Sangat Tinggi” yaitu Kabupaten Batu Hijau dan 1 Kab/Kota berkategori “Rendah” yaitu Kota Cendana.

2.

Indikator Kinerja Kegiatan : Jumlah petugas penyelenggara layanan IBM yang terlatih

No	Indikator	Target	Realisasi	%
1	Jumlah petugas penyelenggara layanan IBM yang terlatih	500 Orang	501 Orang	100 %

3.

Indikator Kinerja Kegiatan : Nilai Kinerja Anggaran BNN Provinsi Teluk Cendana

No	Indikator	Target	Realisasi	%
1	Nilai Kinerja Anggaran BNN Provinsi Teluk Cendana	88.00 Indeks	90.60 Indeks	102.95 %

4.

Indikator Kinerja Kegiatan : Jumlah BNN Kabupaten/Kota di wilayah Provinsi dengan Nilai Kinerja Anggaran mencapai target

Nilai Kinerja Anggaran per satker :

No	Satker	Target	Realisasi	%
1	BNNK Batu Hijau	87	90.12	103.59
2	BNN Kota Cendana	87	88.40	101.61
3	BNNK Pulau Sagu	90	85.95	95.50
`;

const TALLY_LINE = 'Indikator Kinerja Kegiatan di atas target berjumlah 1 (satu); Indikator Kinerja Kegiatan sesuai target berjumlah 1 (satu); dan Indikator Kinerja Kegiatan di bawah target berjumlah 2 (dua).';

function withTally(above: string, at: string, below: string): string {
  return BASE.replace(
    TALLY_LINE,
    `Indikator Kinerja Kegiatan di atas target berjumlah ${above}; Indikator Kinerja Kegiatan sesuai target berjumlah ${at}; dan Indikator Kinerja Kegiatan di bawah target berjumlah ${below}.`,
  );
}

function fixed(draft: string): string {
  return applyFixes(draft, findings(RULE, draft)).output;
}

describe('tally-mismatch: valid', () => {
  it('stays silent when the tally and every count agree with the figures', () => {
    expect(brief(findings(RULE, BASE))).toEqual([]);
  });

  it('counts an achievement printed as 100 % as "sesuai target" (501 / 500 = 100,2 %)', () => {
    // The tally would need IKK 2 above target if 100,2 % were not read at the printed precision.
    expect(BASE).toContain('501 Orang	100 %');
    expect(brief(findings(RULE, BASE))).toEqual([]);
  });

  it('reads a lower-is-better indicator the other way round when configured', () => {
    const draft = BASE.replaceAll('Nilai Kinerja Anggaran BNN Provinsi Teluk Cendana', 'Persentase prevalensi penyalahgunaan narkoba')
      .replace('target 88.00 Indeks, realisasi 90.60 Indeks atau sebesar 102.95 %', 'target 2.00 %, realisasi 1.80 % atau sebesar 111.11 %')
      .replace('88.00 Indeks	90.60 Indeks	102.95 %', '2.00 %	1.80 %	111.11 %')
      .replace('Persentase prevalensi penyalahgunaan narkoba	88.00 Indeks', 'Persentase prevalensi penyalahgunaan narkoba	2.00 %');
    const config = { polarity: [{ pattern: 'prevalensi', polarity: 'lower-is-better' as const }] };
    expect(brief(findings(RULE, draft, config))).toEqual([]);
    // Without the configuration 1,80 against 2,00 reads as below target: the tally no longer holds.
    expect(findings(RULE, draft).map((m) => m.messageId)).toEqual(['tallyAbove', 'tallyBelow']);
  });

  it('accepts a district count that holds only if a rounded NKA reaches its target', () => {
    // 89.96 against a target of 90 (written without decimals, so 89,5–90,5) may reach it.
    const draft = BASE.replace('90	85.95	95.50', '90	89.96	99.96').replace('realisasi 2 Kab/Kota atau sebesar 66.67 %, di bawah target.\n\nIndikator', 'realisasi 3 Kab/Kota atau sebesar 100 %, sesuai target.\n\nIndikator');
    expect(findings(RULE, draft).filter((m) => m.messageId === 'countOfTarget')).toEqual([]);
  });
});

describe('tally-mismatch: invalid', () => {
  it('reports each tally figure the indicators do not give, at the figure', () => {
    const draft = withTally('2 (dua)', '1 (satu)', '1 (satu)');
    const tally = locate(draft, 'Indikator Kinerja Kegiatan di atas target');
    const above = locate(draft, '2 (dua)');
    const below = locate(draft, '1 (satu).');
    expect(brief(findings(RULE, draft))).toEqual([
      { ruleId: RULE, messageId: 'tallyAbove', line: tally.line, column: above.column },
      { ruleId: RULE, messageId: 'tallyBelow', line: tally.line, column: below.column },
    ]);
  });

  it('fixes the figure and its number word together', () => {
    const out = fixed(withTally('2 (dua)', '1 (satu)', '1 (satu)'));
    expect(out).toBe(BASE);
  });

  it('keeps the case of the number word it rewrites', () => {
    const out = fixed(withTally('1 (Satu)', '1 (Satu)', '3 (Tiga)'));
    expect(out).toContain('di bawah target berjumlah 2 (Dua).');
  });

  it('reports a realisation that differs from the districts in the category, with a fix', () => {
    const draft = BASE.replace('target 3 Kab/Kota, realisasi 2 Kab/Kota atau sebesar 66.67 %, di bawah target.', 'target 3 Kab/Kota, realisasi 1 Kab/Kota atau sebesar 33.33 %, di bawah target.');
    const at = locate(draft, 'realisasi 1 Kab/Kota');
    expect(brief(findings(RULE, draft))).toEqual([{ ruleId: RULE, messageId: 'countOfCategory', line: at.line, column: at.column + 'realisasi '.length }]);
    expect(fixed(draft)).toContain('realisasi 2 Kab/Kota atau sebesar 33.33 %');
  });

  it('reports a realisation that differs from the districts reaching their target', () => {
    const draft = BASE.replace('realisasi 2 Kab/Kota atau sebesar 66.67 %, di bawah target.\n\nIndikator', 'realisasi 3 Kab/Kota atau sebesar 100 %, sesuai target.\n\nIndikator');
    const at = locate(draft, 'realisasi 3 Kab/Kota');
    const messages = findings(RULE, draft);
    expect(brief(messages.filter((m) => m.messageId === 'countOfTarget'))).toEqual([{ ruleId: RULE, messageId: 'countOfTarget', line: at.line, column: at.column + 'realisasi '.length }]);
    // IKK 4 now reads as met, so the tally's "sesuai 1, di bawah 2" is off as well.
    expect(messages.filter((m) => m.messageId?.startsWith('tally')).map((m) => m.messageId)).toEqual(['tallyAt', 'tallyBelow']);
  });

  it('reports a category count the BAB III table does not give, with a suggestion', () => {
    const draft = BASE.replace('1 Kab/Kota berkategori “Sangat Tinggi” yaitu Kabupaten Batu Hijau', '2 Kab/Kota berkategori “Sangat Tinggi” yaitu Kabupaten Batu Hijau');
    const at = locate(draft, '2 Kab/Kota berkategori “Sangat Tinggi”');
    const messages = findings(RULE, draft);
    expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'categoryCount', line: at.line, column: at.column }]);
    expect(messages[0]?.fix).toBeUndefined();
    expect(applySuggestion(draft, messages[0]!)).toBe(BASE);
  });

  it('reports a named district that does not carry the category', () => {
    const draft = BASE.replace('1 Kab/Kota berkategori “Rendah” yaitu Kota Cendana', '1 Kab/Kota berkategori “Rendah” yaitu Kabupaten Pulau Sagu');
    const at = locate(draft, '1 Kab/Kota berkategori “Rendah”');
    const messages = findings(RULE, draft);
    // The count still holds (one district is Rendah); the name does not.
    expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'unitNotInCategory', line: at.line, column: at.column }]);
  });
});

describe('tally-mismatch on the seed', () => {
  it.skipIf(!HAS_SEED)('reports only the summary realisation "1 Kabupaten/Kota" of the Dektari indicator (line 107)', () => {
    // The BAB III categories give 2 districts at Tinggi or above (Belu Sangat Tinggi, Rote Ndao
    // Tinggi); the 4/8/4 tally, the other realisations and the category counts all hold.
    const messages = findings(RULE, readDraft(SEED));
    expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'countOfCategory', line: 107, column: 179 }]);
    expect(messages[0]?.fix?.text).toBe('2');
  });
});
