import { applyFixes } from '@lkip/engine';
import { describe, expect, it } from 'vitest';
import { applySuggestion, locate } from './draft-builders.js';
import { HAS_SEED, SEED, brief, findings, lint, readDraft } from './harness.js';

const RULE = 'count-claim';

/**
 * A small report that lists 3 Sasaran Kegiatan (one of them with two indicators), 4 IKK, 3
 * activity budget lines and a staff table of 62 people (42 + 20), and says so in words and digits.
 */
const BASE = String.raw`IKHTISAR EKSEKUTIF

Pada Tahun 2024 Satker Wilayah BNN Provinsi Teluk Cendana menetapkan 3 (tiga) Sasaran Kegiatan dan 4 (empat) Indikator Kinerja Kegiatan yang didukung oleh 2 (dua) Program dengan 3 (tiga) Kegiatan.

BAB I PENDAHULUAN

Satker Wilayah BNN Provinsi Teluk Cendana didukung Sumber Daya Manusia sebanyak 62 orang yang terdiri dari PNS, anggota Polri dan PPNPN, dengan rincian sebagai berikut :

NO	SATKER	POLRI	PNS BNN	JML	PPNPN	TOTAL PEGAWAI
1	BNNP TELUK CENDANA	8	16	24	18	42
2	BNNK BATU HIJAU	1	9	10	10	20
	JUMLAH	9	25	34	28	62

BAB II PERENCANAAN KINERJA DAN PERJANJIAN KINERJA

B. Perjanjian Kinerja

NO	SASARAN KEGIATAN	INDIKATOR KINERJA KEGIATAN	TARGET
1	Meningkatnya kapasitas tenaga teknis rehabilitasi	Jumlah petugas penyelenggara layanan IBM yang terlatih	10 Orang
2	Meningkatnya aksesibilitas dan kemampuan fasilitas layanan rehabilitasi narkotika	Jumlah lembaga rehabilitasi yang memenuhi Standar Pelayanan Minimal (SPM) yang operasional	1 Lembaga
		Jumlah unit penyelenggara layanan rehabilitasi Intervensi Berbasis Masyarakat (IBM) yang operasional	8 Unit
3	Meningkatnya proses manajemen kinerja secara efektif dan efisien	Nilai Kinerja Anggaran BNN Provinsi Teluk Cendana	88.00 Indeks

Anggaran Satker Wilayah BNN Provinsi Teluk Cendana Tahun 2024 per kegiatan adalah sebagai berikut :

1. Kegiatan Penguatan Lembaga Rehabilitasi Komponen Masyarakat	Rp.	360.000.000
2. Kegiatan Pembinaan Administrasi dan Pengelolaan Keuangan	Rp.	4.240.000.000
3. Kegiatan Penyelenggaraan Ketatausahaan, Rumah Tangga dan Pengelolaan Sarana dan Prasarana	Rp.	5.200.000.000

BAB III AKUNTABILITAS KINERJA

Pada tahun 2024 Satker Wilayah BNN Provinsi Teluk Cendana mempunyai 3 (tiga) Sasaran Kegiatan dan 4 (empat) Indikator Kinerja Kegiatan.
`;

const SUMMARY = 'menetapkan 3 (tiga) Sasaran Kegiatan dan 4 (empat) Indikator Kinerja Kegiatan yang didukung oleh 2 (dua) Program dengan 3 (tiga) Kegiatan.';

function withSummary(goals: string, indicators: string, programs: string, activities: string): string {
  return BASE.replace(SUMMARY, `menetapkan ${goals} Sasaran Kegiatan dan ${indicators} Indikator Kinerja Kegiatan yang didukung oleh ${programs} Program dengan ${activities} Kegiatan.`);
}

function fixed(draft: string): string {
  return applyFixes(draft, findings(RULE, draft)).output;
}

describe('count-claim: valid', () => {
  it('stays silent when every count matches its words and the lists', () => {
    expect(brief(findings(RULE, BASE))).toEqual([]);
  });

  it('accepts a staff count of one office from the staff table', () => {
    const draft = BASE.replace('sebanyak 62 orang', 'sebanyak 42 orang');
    expect(brief(findings(RULE, draft))).toEqual([]);
  });

  it('does not count Sasaran Strategis against the PK goals', () => {
    const draft = BASE.replace(SUMMARY, `${SUMMARY} Renstra BNN memuat 2 (dua) Sasaran Strategis.`);
    expect(brief(findings(RULE, draft))).toEqual([]);
  });

  it('leaves counts of programs to the digit and word check', () => {
    const draft = withSummary('3 (tiga)', '4 (empat)', '5 (lima)', '3 (tiga)');
    expect(brief(findings(RULE, draft))).toEqual([]);
  });
});

describe('count-claim: invalid', () => {
  it('fixes the number word when the digits agree with the list', () => {
    const draft = withSummary('3 (empat)', '4 (empat)', '2 (dua)', '3 (tiga)');
    const at = locate(draft, 'empat) Sasaran');
    expect(brief(findings(RULE, draft))).toEqual([{ ruleId: RULE, messageId: 'wordMismatch', line: at.line, column: at.column }]);
    expect(fixed(draft)).toBe(BASE);
  });

  it('fixes the digits when the number word agrees with the list', () => {
    const draft = withSummary('3 (tiga)', '5 (empat)', '2 (dua)', '3 (tiga)');
    const at = locate(draft, '5 (empat)');
    expect(brief(findings(RULE, draft))).toEqual([{ ruleId: RULE, messageId: 'wordMismatch', line: at.line, column: at.column }]);
    expect(fixed(draft)).toBe(BASE);
  });

  it('offers both readings when nothing settles which is right', () => {
    const draft = withSummary('3 (tiga)', '4 (empat)', '2 (tiga)', '3 (tiga)');
    const at = locate(draft, '2 (tiga)');
    const messages = findings(RULE, draft);
    expect(brief(messages)).toEqual([{ ruleId: RULE, messageId: 'wordMismatch', line: at.line, column: at.column }]);
    expect(messages[0]?.fix).toBeUndefined();
    expect(applySuggestion(draft, messages[0]!, 0)).toBe(BASE);
    expect(applySuggestion(draft, messages[0]!, 1)).toContain('didukung oleh 3 (tiga) Program');
  });

  it('reports and fixes a count that differs from the list, words included', () => {
    const draft = withSummary('3 (tiga)', '5 (lima)', '2 (dua)', '4 (empat)');
    const indicators = locate(draft, '5 (lima)');
    const activities = locate(draft, '4 (empat) Kegiatan');
    expect(brief(findings(RULE, draft))).toEqual([
      { ruleId: RULE, messageId: 'countMismatch', line: indicators.line, column: indicators.column },
      { ruleId: RULE, messageId: 'countMismatch', line: activities.line, column: activities.column },
    ]);
    expect(fixed(draft)).toBe(BASE);
  });

  it('fixes both the figure and the words when neither matches the list', () => {
    const draft = withSummary('5 (enam)', '4 (empat)', '2 (dua)', '3 (tiga)');
    const at = locate(draft, '5 (enam)');
    expect(brief(findings(RULE, draft))).toEqual([{ ruleId: RULE, messageId: 'countMismatch', line: at.line, column: at.column }]);
    expect(fixed(draft)).toBe(BASE);
  });

  it('fixes a staff count against a staff table that adds up', () => {
    const draft = BASE.replace('sebanyak 62 orang', 'sebanyak 61 orang');
    const at = locate(draft, '61 orang');
    expect(brief(findings(RULE, draft))).toEqual([{ ruleId: RULE, messageId: 'countMismatch', line: at.line, column: at.column }]);
    expect(fixed(draft)).toBe(BASE);
  });

  it('only suggests the staff total when the table does not add up', () => {
    const draft = BASE.replace('sebanyak 62 orang', 'sebanyak 61 orang').replace('20\n\tJUMLAH\t9\t25\t34\t28\t62', '21\n\tJUMLAH\t9\t25\t34\t28\t62');
    const messages = findings(RULE, draft);
    expect(messages.map((m) => m.messageId)).toEqual(['countMismatch']);
    expect(messages[0]?.fix).toBeUndefined();
    expect(applySuggestion(draft, messages[0]!)).toContain('sebanyak 62 orang');
  });
});

describe('count-claim on the seed', () => {
  it.skipIf(!HAS_SEED)('finds nothing: 12 Sasaran Kegiatan, 16 IKK, 14 Kegiatan and 119 orang all hold', () => {
    expect(brief(findings(RULE, readDraft(SEED)))).toEqual([]);
  });

  it.skipIf(!HAS_SEED)('still reads the claims it checks there', () => {
    // Guards the silence above: it must come from holding counts, not from claims the reader lost.
    const text = readDraft(SEED);
    const wrong = text.replace('menjadi 12 (dua belas) Sasaran Kegiatan dan 16 (enam belas) target', 'menjadi 13 (tiga belas) Sasaran Kegiatan dan 16 (tujuh belas) target').replace('sebanyak 119 orang', 'sebanyak 118 orang');
    const messages = lint(wrong, [RULE]);
    expect(messages.map((m) => `${m.line}:${m.messageId}`)).toEqual(['103:countMismatch', '103:wordMismatch', '229:countMismatch']);
  });
});
