import { lintDocument, resolveConfig } from '@lkip/engine';
import { parseDraft } from '@lkip/parse';
import { describe, expect, it } from 'vitest';
import { applySuggestion, draft, indicatorSection, lineOf, locate, pkChapter, row, table, TITLE } from './draft-builders.js';
import { brief, findings, HAS_SEED, readDraft, ruleById, SEED } from './harness.js';

const RULE = 'cross-ref-mismatch';
const IKPA = 'Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)';
const GOAL = 'Meningkatnya tata kelola administrasi keuangan';

interface IkpaFigures {
  pk?: string;
  proseTarget?: string;
  proseRealisation?: string;
  tableTarget?: string;
  tableRealisation?: string;
  /** A second, per-office table with the province's row. */
  officeTarget?: string;
}

/** One IKPA indicator stated in the PK table, a sentence and the section's table(s). */
function ikpaDraft(f: IkpaFigures = {}): string {
  const {
    pk = '94.65 Indeks',
    proseTarget = '94.65 Indeks',
    proseRealisation = '89.56 Indeks',
    tableTarget = '94.65 Indeks',
    tableRealisation = '89.56 Indeks',
    officeTarget,
  } = f;
  const blocks = [
    TITLE,
    pkChapter([GOAL, IKPA, pk]),
    'BAB III AKUNTABILITAS KINERJA',
    indicatorSection(1, IKPA),
    `Target ${proseTarget} dengan realisasi ${proseRealisation} atau 94.6 %.`,
    table(['No', 'Indikator', 'Target', 'Realisasi', '%'], ['1', IKPA, tableTarget, tableRealisation, '94.6%']),
  ];
  if (officeTarget !== undefined) {
    blocks.push('Tabel realisasi Indikator Kinerja Kegiatan BNNP Contoh dan BNNK Jajaran sebagai berikut :');
    blocks.push(table(['No', 'Satker', 'Target', 'Realisasi', '%'], ['1', 'BNNP Contoh', officeTarget, '89.56 Indeks', '94.6%']));
  }
  return draft(...blocks);
}

const SATISFACTION = 'Indeks kepuasan penerima layanan rehabilitasi pada fasilitas rehabilitasi BNN';

/** The satisfaction index per office: the province and two district offices. */
function officesDraft(rows: [string, string, string][]): string {
  return draft(
    TITLE,
    pkChapter(['Meningkatnya kualitas layanan rehabilitasi narkotika', SATISFACTION, '3.77 Indeks']),
    'BAB III AKUNTABILITAS KINERJA',
    indicatorSection(1, SATISFACTION),
    table(['No', 'Satker', 'Target', 'Realisasi', '% Realisasi'], ...rows.map(([office, target, realisation], i) => [String(i + 1), office, target, realisation, '100%'])),
  );
}

const FAMILY = 'Jumlah Kabupaten / Kota dengan indeks ketahanan keluarga berkategori “Tinggi” di wilayah Provinsi';

/** A "Jumlah Kab/Kota dengan indeks X" indicator: the count, each office's own index, and the recap. */
function familyDraft(recapRealisation: string): string {
  const goal = 'Meningkatnya daya tangkal keluarga';
  return draft(
    TITLE,
    pkChapter([goal, FAMILY, '2 Kabupaten / Kota']),
    'BAB III AKUNTABILITAS KINERJA',
    indicatorSection(1, FAMILY),
    table(['No', 'Indikator', 'Target', 'Realisasi', '%'], ['1', FAMILY, '2 kab/kota', '2 kab/kota', '100 %']),
    table(['No', 'BNNK', 'Target', 'Realisasi', '%', 'Kategori'], ['1', 'BNNK Pesisir', '85.625', '76.696', '89.6', 'Tinggi'], ['2', 'BNN Kota Bahari', '81.339', '84.375', '103.7', 'Tinggi']),
    'LAMPIRAN',
    'REKAPITULASI INDIKATOR KINERJA KEGIATAN (IKK) SATKER KEWILAYAHAN BNN PROVINSI CONTOH TAHUN ANGGARAN 2024',
    [
      row('NO', 'SASARAN KEGIATAN', 'INDIKATOR KINERJA', 'KOMPILASI CAPAIAN WILAYAH', 'TARGET', 'REALISASI', '%', 'SATUAN'),
      row('1', goal, 'Jumlah Kabupaten/Kota dengan Indeks Ketahanan Keluarga berkategori "Tinggi" di Wilayah Provinsi', 'a. BNNP CONTOH', '2 Kab/Kota', '2 Kab/Kota', '100.0%', 'Persen'),
      row('', goal, 'Indeks Ketahanan Keluarga', 'b. BNNK PESISIR', '85.625 Indeks', '76.696 Indeks', '89,6%', 'Persen'),
      row('', goal, 'Indeks Ketahanan Keluarga', 'c. BNN KOTA BAHARI', '81.339 Indeks', `${recapRealisation} Indeks`, '105,0%', 'Persen'),
    ].join('\n'),
  );
}

function expectFinding(text: string, messageId: string, needle: string, occurrence = 0) {
  return { ruleId: RULE, messageId, ...locate(text, needle, occurrence) };
}

describe('cross-ref-mismatch: valid', () => {
  it('is silent when every place states the same figures', () => {
    expect(findings(RULE, ikpaDraft())).toEqual([]);
  });

  it('accepts a figure rounded to fewer decimals (89.6 for 89.56, 3.8 for 3.80)', () => {
    expect(findings(RULE, ikpaDraft({ proseRealisation: '89.6 Indeks' }))).toEqual([]);
    const offices = officesDraft([
      ['BNNP Contoh', '3.77 Indeks', '3.80 Indeks'],
      ['BNNK Pesisir', '3.06 Indeks', '3.8 Indeks'],
    ]);
    expect(findings(RULE, offices)).toEqual([]);
  });

  it('compares values only: "94.65 %" and "94.65 Indeks" agree (units are unit-mismatch\'s business)', () => {
    expect(findings(RULE, ikpaDraft({ pk: '94.65 %' }))).toEqual([]);
  });

  it('does not compare achievements', () => {
    const text = ikpaDraft().replace('atau 94.6 %', 'atau 95.1 %');
    expect(findings(RULE, text)).toEqual([]);
  });

  it('compares each office with itself only', () => {
    const text = officesDraft([
      ['BNNP Contoh', '3.77 Indeks', '3.77 Indeks'],
      ['BNNK Pesisir', '3.06 Indeks', '3.8 Indeks'],
      ['BNN Kota Bahari', '2.60 Indeks', '3.55 Indeks'],
    ]);
    expect(findings(RULE, text)).toEqual([]);
  });

  it('leaves out the places named in ignorePlaces', () => {
    const text = ikpaDraft({ pk: '97.36 Indeks' });
    expect(findings(RULE, text, { rules: { [RULE]: ['error', { ignorePlaces: ['pk'] }] } })).toEqual([]);
  });

  it('with wholeNumbersExact off, reads "95" as any value rounding to it', () => {
    const text = ikpaDraft({ proseTarget: '95 Indeks' });
    expect(findings(RULE, text, { rules: { [RULE]: ['error', { wholeNumbersExact: false }] } })).toEqual([]);
  });
});

describe('cross-ref-mismatch: invalid', () => {
  it('reports the sentence when a table and a sentence disagree (no majority: the table ranks higher)', () => {
    const text = ikpaDraft({ proseRealisation: '89.58 Indeks' });
    const messages = findings(RULE, text);
    expect(brief(messages)).toEqual([expectFinding(text, 'realisation', '89.58')]);
    expect(messages[0]?.related?.map((r) => ({ line: r.line, column: r.column }))).toEqual([locate(text, '89.56')]);
    // Figures are written in the message's language (Indonesian by default), whatever the draft's style.
    expect(messages[0]?.message).toContain('89,58');
    expect(messages[0]?.message).toContain('89,56');
  });

  it('reports the minority: a PK target against the chapter', () => {
    const text = ikpaDraft({ pk: '97.36 Indeks' });
    expect(brief(findings(RULE, text))).toEqual([expectFinding(text, 'target', '97.36')]);
  });

  it('reports every figure outside the largest group, each against it', () => {
    const text = ikpaDraft({ proseTarget: '96.65 Indeks', officeTarget: '93.65 Indeks' });
    const messages = findings(RULE, text);
    expect(brief(messages)).toEqual([expectFinding(text, 'target', '96.65'), expectFinding(text, 'target', '93.65')]);
    for (const m of messages) expect(m.related?.length).toBe(2);
  });

  it('takes whole numbers as exact: a sentence saying 95 against 94.65 elsewhere', () => {
    const text = ikpaDraft({ proseTarget: '95 Indeks' });
    expect(brief(findings(RULE, text))).toEqual([expectFinding(text, 'target', '95 Indeks')]);
  });

  it("compares a district's own index between the chapter and the recap", () => {
    const text = familyDraft('85.375');
    expect(brief(findings(RULE, text))).toEqual([expectFinding(text, 'realisation', '85.375')]);
    expect(findings(RULE, familyDraft('84.375'))).toEqual([]);
  });

  it('suggests the reference value in the figure\'s own style', () => {
    const dotted = ikpaDraft({ proseRealisation: '89.58 Indeks' });
    const [dotFinding] = findings(RULE, dotted);
    expect(dotFinding?.suggestions?.[0]?.messageId).toBe('useReference');
    const fixed = applySuggestion(dotted, dotFinding!);
    expect(lineOf(fixed, dotFinding!.line)).toContain('realisasi 89.56 Indeks');
    expect(findings(RULE, fixed)).toEqual([]);

    const comma = ikpaDraft({ pk: '97,36 Indeks' });
    const [commaFinding] = findings(RULE, comma);
    expect(lineOf(applySuggestion(comma, commaFinding!), commaFinding!.line)).toContain('94,65 Indeks');
  });
});

describe('cross-ref-mismatch: ambiguous figures', () => {
  // The reader marks text it cannot decide ("1.250": 1250 or 1,25); no small draft makes it do
  // so for a target, so the test marks the sentence's realisation itself.
  function lintWithAmbiguousRealisation(text: string, readings: { value: number; decimals: number }[]) {
    const doc = parseDraft(text);
    const sentence = doc.measurements.find((m) => m.role === 'realisation' && m.place.kind === 'chapter-prose');
    if (!sentence?.quantity) throw new Error('the draft has no realisation in prose');
    sentence.quantity.ambiguous = { readings, reason: 'test' };
    return lintDocument(doc, { rules: [ruleById(RULE)], config: resolveConfig({ reportUnusedDisableDirectives: 'off' }), text });
  }

  it('is silent when one reading agrees', () => {
    const text = ikpaDraft({ proseRealisation: '8.956 Indeks' });
    expect(lintWithAmbiguousRealisation(text, [{ value: 8956, decimals: 0 }, { value: 89.56, decimals: 2 }])).toEqual([]);
  });

  it('reports the figure when no reading agrees', () => {
    const text = ikpaDraft({ proseRealisation: '8.958 Indeks' });
    const messages = lintWithAmbiguousRealisation(text, [{ value: 8958, decimals: 0 }, { value: 89.58, decimals: 2 }]);
    expect(brief(messages)).toEqual([expectFinding(text, 'realisation', '8.958')]);
  });
});

describe('cross-ref-mismatch: the seed', () => {
  // Each line is a real inconsistency, checked by hand against the seed.
  const EXPECTED = [
    '107:179 realisation', // Ikhtisar: Dektari count "1 Kabupaten/Kota" vs 2 in BAB III, Lampiran, recap and the same paragraph
    '328:149 target', // BAB II PK: IKPA 97.36 vs 94.65 in BAB III, Lampiran, recap, Ikhtisar
    '698:32 realisation', // IKP component table: Rote Ndao 3.49 vs 3.37 in the IKP table and the recap
    '699:27 realisation', // IKP component table: Belu 3.36 vs 3.49 in the IKP table and the recap
    '1567:259 realisation', // BAB III prose: IKPA 89.58 vs 89.56 in both tables and the Lampiran
    '1982:124 target', // signed PK of the province: IKPA 97,36 vs 94.65
    '2105:123 target', // signed PK of the Bagian Umum: IKPA 97,36 vs 94.65
    '2325:105 target', // signed PK of Belu: IKP 3,48 vs 3.25 in the IKP table and the recap
    '2332:124 target', // signed PK of Belu: IKPA 94,65 vs 95 in BAB III, Ikhtisar and recap
    '2546:197 realisation', // recap: Dektara Kota Kupang 85.375 vs 84.375 in BAB III
    '2649:149 realisation', // recap: IKPA 89.58 vs 89.56
    '2653:154 realisation', // recap: IKPA Kota Kupang 97.98 vs 97.96 in BAB III and the Ikhtisar
  ];
  // Findings caused by the reader, not by the draft (see the report): the Ikhtisar's tally
  // "berjumlah 4 (empat)" read as the ZI realisation, and Rote Ndao's 3.91 Indeks read as the
  // province's. They may disappear when the reader improves; no other finding may appear.
  const READER_ARTEFACTS = ['126:59 realisation', '144:220 realisation'];

  it.skipIf(!HAS_SEED)(`reports the twelve real inconsistencies and nothing else${HAS_SEED ? '' : ` (skipped: no seed draft at ${SEED})`}`, () => {
    const found = findings(RULE, readDraft(SEED)).map((m) => `${m.line}:${m.column} ${m.messageId}`);
    for (const expected of EXPECTED) expect(found, `missing ${expected}`).toContain(expected);
    const unexpected = found.filter((f) => !EXPECTED.includes(f) && !READER_ARTEFACTS.includes(f));
    expect(unexpected).toEqual([]);
  });
});
