import fc from 'fast-check';
import type { Root, Table } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/pipeline.js';
import { collectTables, remarkTabTables, type SourceCell, type TableBlock } from '../src/tables/index.js';

const md = (...lines: string[]) => lines.join('\n');

function read(text: string): { tree: Root; tables: TableBlock[] } {
  const tree = parseMarkdown(text);
  return { tree, tables: collectTables(tree, text) };
}

function texts(rows: SourceCell[][]): string[][] {
  return rows.map((r) => r.map((c) => c.text));
}

/** Line and column of an offset computed independently of the code under test. */
function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** Every cell's text is exactly the source under its position, and line/column agree with the offsets. */
function expectExactPositions(text: string, tables: TableBlock[]): void {
  for (const table of tables) {
    for (const cell of [...table.rows.flat(), ...table.body.flat()]) {
      const p = cell.position;
      expect(text.slice(p.offset, p.endOffset)).toBe(cell.text);
      expect(lineCol(text, p.offset)).toEqual({ line: p.line, column: p.column });
      expect(lineCol(text, p.endOffset)).toEqual({ line: p.endLine, column: p.endColumn });
    }
    for (const row of table.body) expect(row).toHaveLength(table.columns.length);
  }
}

const STAFF = md(
  'Didukung SDM dengan rincian sebagai berikut :',
  '',
  'NO\tSATKER\tPOLRI\tPNS BNN\tJML\tKET (+/-)\tTOTAL PEGAWAI',
  '1\tBNNP NTT\t10\t17\t27\t-126\t50',
  '2\tBNNK BELU\t1\t12\t13\t-61\t26',
  '4\tBNNK ROTE NDAO\t-\t8\t8\t-66\t22',
  '\tJUMLAH\t11\t37\t48\t-253\t98',
  '',
  'Dengan kondisi kelembagaan tersebut di atas.',
);

const PK_SPLIT = md(
  'Tabel Perjanjian Kinerja**Tahun Anggaran : 2024**',
  '',
  'NO\tSASARAN KEGIATAN\tINDIKATOR KINERJA KEGIATAN\tTARGET',
  '1\t2\t3\t4',
  '1\tMeningkatnya daya tangkal remaja\tJumlah Kabupaten / Kota berkategori “Tinggi”\t3 Kabupaten / Kota',
  '2\tMeningkatnya kapasitas tenaga teknis\tJumlah petugas IBM yang terlatih\t10 Orang',
  '',
  '',
  'NO\tSASARAN KEGIATAN\tINDIKATOR KINERJA KEGIATAN\tTARGET',
  '1\t2\t3\t4',
  '3\tMeningkatnya kualitas layanan\tIndeks kepuasan penerima layanan\t3.77 Indeks',
  '4\tMeningkatnya tata kelola keuangan\tNilai IKPA\t97.36 Indeks',
);

const PERHITUNGAN = md(
  'Tabel Indeks Kemandirian Partisipasi sebagai berikut:',
  '',
  'NO\tSatker\tKRITERIA\tPERHITUNGAN\t\t\t',
  '\t\t\tPMRNTH\tSWASTA\tMASY.\tPNDKKN',
  '1\tBNNP NTT\tNilai IKP Setelah Dikonversi\t3.47\t-\t-\t3.48',
  '\t\tNilai Interval Konversi Dikalikan 25\t86.75\t-\t-\t87.00',
  '\t\tKategori IKP\tA\t-\t-\tA',
);

const IKPA = md(
  'No\tSatker\tIndikator Pelaksanaan Anggaran\t\t\tNilai Total\tKonversi Bobot\tNilai Akhir (Nilai Total/Konversi Bobot)',
  '\t\tKualitas Perencanaan Anggaran\tKualitas Pelaksanaan Anggaran\tKualitas Hasil Pelaksanaan Anggaran\t\t\t',
  '1\tBNNK Belu\t100\t99.75\t100\t99.90\t100%\t99.90',
  '2\tBNNK Rote Ndao\t90.39\t99.84\t94.44\t96.50\t80%\t92.88',
);

const ZI = md(
  'No\tSatker\tHasil Penilaian Tim Penilai Internal\t\tNilai ZI',
  '\t\tPengungkit\tHasil\t',
  '1\tBNNP NTT\t32.72\t35.49\t68.21',
);

const APPENDIX = md(
  'LAMPIRAN',
  '',
  'Sasaran Kegiatan\tIndikator Kinerja Kegiatan\tTarget\tRealisasi\t%\tProgram\tAnggaran\t\t',
  '\t\t\t\t\t\tPagu\tRealisasi\t%',
  '1\t2\t3\t4\t5\t6\t7\t8\t9',
  'Meningkatnya daya tangkal remaja\tJumlah Kab/Kota berkategori Tinggi\t3 Kab/ Kota\t2 Kab/ Kota\t66.67\tP4GN\t806.210.000\t734.466.500\t91.10',
  '\tJumlah unit IBM yang operasional\t8 Unit\t8 Unit\t100.00\t\t\t\t',
  '',
  'Kategori Kegiatan\tIndikator Kinerja Kegiatan\tTarget\tRealisasi\t%\tProgram\tAnggaran\t\t',
  '\t\t\t\t\t\tPagu\tRealisasi\t%',
  '1\t2\t3\t4\t5\t6\t7\t8\t9',
  '\t\t\t\t\t\t75.000.000\t75.000.000\t100.00',
  'Total\t\t\t\t\t\t14.798.345.000\t11.351.051.150\t76.70',
);

const RECAP = md(
  'REKAPITULASI INDIKATOR KINERJA KEGIATAN',
  '',
  'NO\tSASARAN KEGIATAN\tINDIKATOR KINERJA\tKOMPILASI CAPAIAN WILAYAH\tTARGET\t\tREALISASI\t\t%',
  '\t\t\t\t3\tBerkas Perkara\t4\tBerkas Perkara\t',
  '9\tMeningkatnya pengungkapan\tJumlah berkas perkara P-21\ta. BNNP NTT\t3\tBerkas Perkara\t4\tBerkas Perkara\t133%',
  'NO\tSASARAN KEGIATAN\tINDIKATOR KINERJA\tKOMPLIASI CAPAIAN WILAYAH\tTARGET\t\tREALISASI\t\t%',
  '\t\t\tb. BNNK BELU\t-\t-\t-\t-\t-',
);

describe('remarkTabTables: tab-separated blocks become table nodes', () => {
  it('replaces the paragraph the tab lines were parsed into with a table node of text cells', () => {
    const { tree } = read(STAFF);
    expect(tree.children.map((c) => c.type)).toEqual(['paragraph', 'table', 'paragraph']);
    const table = tree.children[1] as Table;
    expect(table.data?.lkipFormat).toBe('tsv');
    expect(table.children).toHaveLength(5);
    const cell = table.children[4]?.children[1];
    expect(cell?.children).toEqual([expect.objectContaining({ type: 'text', value: 'JUMLAH' })]);
    expect(cell?.position?.start).toMatchObject({ line: 7, column: 2 });
    expect(table.position?.start.line).toBe(3);
    expect(table.position?.end.line).toBe(7);
  });

  it('keeps the lines of a paragraph that run into the table, re-parsed with their positions', () => {
    const text = md('Tabel 1 Data pegawai', 'NO\tNAMA\tJML', '1\tBNNP\t3', 'Teks sesudah tabel *tanpa* baris kosong.');
    const { tree, tables } = read(text);
    expect(tree.children.map((c) => c.type)).toEqual(['paragraph', 'table', 'paragraph']);
    const after = tree.children[2];
    expect(after?.position?.start).toEqual({ line: 4, column: 1, offset: text.indexOf('Teks') });
    expect(after?.position?.end.offset).toBe(text.length);
    expect(tables[0]?.caption).toBe('Tabel 1 Data pegawai');
  });

  it('replaces list items written as tab rows and keeps the rest of the list', () => {
    const text = md('1. Kegiatan A\tRp.\t410.000.000', '2. Kegiatan B\tRp.\t434.000.000', '3. Kegiatan tanpa anggaran', '', 'Paragraf.');
    const { tree, tables } = read(text);
    expect(tree.children.map((c) => c.type)).toEqual(['table', 'list', 'paragraph']);
    expect(tree.children[1]?.position?.start.line).toBe(3);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.headerRows).toBe(0);
    expect(texts(tables[0]?.body ?? [])).toEqual([
      ['1. Kegiatan A', 'Rp.', '410.000.000'],
      ['2. Kegiatan B', 'Rp.', '434.000.000'],
    ]);
  });

  it('reads a tab-led line (indented code to CommonMark) as part of the table', () => {
    const text = md('No\tSatker\tNilai', '1\tBNNP\t3', '', '\tJUMLAH\t3', '\tRATA-RATA\t3');
    const { tree } = read(text);
    expect(tree.children.filter((c) => c.type === 'code')).toHaveLength(0);
    expect(tree.children.filter((c) => c.type === 'table')).toHaveLength(2);
  });

  it('leaves fenced code, display math and pipe tables alone', () => {
    const text = md('```', 'a\tb\tc', '1\t2\t3', '```', '', '$$', 'a\t= b', '$$', '', '| a | b |', '| - | - |', '| 1\t| 2 |');
    const { tree, tables } = read(text);
    expect(tree.children.map((c) => c.type)).toEqual(['code', 'math', 'table']);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.format).toBe('gfm');
  });

  it('does not turn a single filled cell into a table', () => {
    const { tables } = read(md('Teks dengan tab di akhir\t', '', '\tkode terindentasi'));
    expect(tables).toHaveLength(0);
  });

  it('runs as a plain unified plugin, with or without a processor as `this`', () => {
    const text = md('A\tB', '1\t2');
    const processor = unified().use(remarkParse).use(remarkTabTables);
    const tree = processor.runSync(processor.parse(text), text) as Root;
    expect(tree.children[0]?.type).toBe('table');
    const bare = unified().use(remarkParse).parse(text);
    remarkTabTables()(bare, { toString: () => text } as never);
    expect(bare.children[0]?.type).toBe('table');
  });

  it('handles CRLF line endings', () => {
    const text = 'No\tSatker\tNilai\r\n1\tBNNP\t3.47\r\n';
    const { tables } = read(text);
    expect(texts(tables[0]?.body ?? [])).toEqual([['1', 'BNNP', '3.47']]);
    expectExactPositions(text, tables);
  });
});

describe('collectTables: header rows and column names', () => {
  it('reads a plain table: columns as written, the total row with its empty leading cell', () => {
    const { tables } = read(STAFF);
    expect(tables).toHaveLength(1);
    const [t] = tables as [TableBlock];
    expect(t.id).toBe('t1');
    expect(t.format).toBe('tsv');
    expect(t.headerRows).toBe(1);
    expect(t.columns).toEqual(['NO', 'SATKER', 'POLRI', 'PNS BNN', 'JML', 'KET (+/-)', 'TOTAL PEGAWAI']);
    expect(t.body).toHaveLength(4);
    expect(texts(t.body).at(-1)).toEqual(['', 'JUMLAH', '11', '37', '48', '-253', '98']);
    expect(t.caption).toBe('Didukung SDM dengan rincian sebagai berikut :');
    expect(t.position).toMatchObject({ line: 3, column: 1, endLine: 7 });
    expectExactPositions(STAFF, tables);
  });

  it('merges a table continued after a page break that repeats its header and column numbers', () => {
    const { tables } = read(PK_SPLIT);
    expect(tables).toHaveLength(1);
    const [t] = tables as [TableBlock];
    expect(t.headerRows).toBe(2);
    expect(t.columns).toEqual(['NO', 'SASARAN KEGIATAN', 'INDIKATOR KINERJA KEGIATAN', 'TARGET']);
    expect(t.rows).toHaveLength(8);
    expect(t.body.map((r) => r[0]?.text)).toEqual(['1', '2', '3', '4']);
    expect(t.body[3]?.[3]?.position.line).toBe(12);
    expect(t.position).toMatchObject({ line: 3, endLine: 12 });
    expect(t.caption).toBe('Tabel Perjanjian KinerjaTahun Anggaran : 2024');
    expectExactPositions(PK_SPLIT, tables);
  });

  it('does not merge tables with prose between them, or with another header', () => {
    const prose = md('A\tB\tC\tD', '1\tx\ty\tz', '', 'Teks di antara.', '', 'A\tB\tC\tD', '2\tx\ty\tz');
    expect(read(prose).tables.map((t) => t.id)).toEqual(['t1', 't2']);
    const other = md('A\tB\tC\tD', '1\tx\ty\tz', '', 'E\tF\tG\tH', '2\tx\ty\tz');
    expect(read(other).tables).toHaveLength(2);
  });

  it('merges a continuation that left out the header when its numbering carries on', () => {
    const text = md('No\tSatker\tTarget\tRealisasi\t%', '1\tBNNP\t10 Orang\t10 Orang\t100%', '2\tBelu\t10 Orang\t10 Orang\t100%', '', '3\tRote Ndao\t10 Orang\t10 Orang\t100%', '---\t---------\t------\t------\t---');
    const { tables } = read(text);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.body.map((r) => r[1]?.text)).toEqual(['BNNP', 'Belu', 'Rote Ndao']);
  });

  it('joins a title spanning empty cells with the sub-titles under it ("PERHITUNGAN PMRNTH")', () => {
    const { tables } = read(PERHITUNGAN);
    const [t] = tables as [TableBlock];
    expect(t.headerRows).toBe(2);
    expect(t.columns).toEqual(['NO', 'Satker', 'KRITERIA', 'PERHITUNGAN PMRNTH', 'PERHITUNGAN SWASTA', 'PERHITUNGAN MASY.', 'PERHITUNGAN PNDKKN']);
    expect(texts(t.body)).toEqual([
      ['1', 'BNNP NTT', 'Nilai IKP Setelah Dikonversi', '3.47', '-', '-', '3.48'],
      ['', '', 'Nilai Interval Konversi Dikalikan 25', '86.75', '-', '-', '87.00'],
      ['', '', 'Kategori IKP', 'A', '-', '-', 'A'],
    ]);
    expect(t.caption).toBe('Tabel Indeks Kemandirian Partisipasi sebagai berikut:');
    expectExactPositions(PERHITUNGAN, tables);
  });

  it('resolves the IKPA header: "Indikator Pelaksanaan Anggaran" over three sub-columns', () => {
    const [t] = read(IKPA).tables as [TableBlock];
    expect(t.columns).toEqual([
      'No',
      'Satker',
      'Indikator Pelaksanaan Anggaran Kualitas Perencanaan Anggaran',
      'Indikator Pelaksanaan Anggaran Kualitas Pelaksanaan Anggaran',
      'Indikator Pelaksanaan Anggaran Kualitas Hasil Pelaksanaan Anggaran',
      'Nilai Total',
      'Konversi Bobot',
      'Nilai Akhir (Nilai Total/Konversi Bobot)',
    ]);
    expect(t.body).toHaveLength(2);
    expect(t.caption).toBeUndefined();
  });

  it('resolves the ZI header: "Hasil Penilaian Tim Penilai Internal" over "Pengungkit | Hasil"', () => {
    const [t] = read(ZI).tables as [TableBlock];
    expect(t.columns).toEqual(['No', 'Satker', 'Hasil Penilaian Tim Penilai Internal Pengungkit', 'Hasil Penilaian Tim Penilai Internal Hasil', 'Nilai ZI']);
    expect(texts(t.body)).toEqual([['1', 'BNNP NTT', '32.72', '35.49', '68.21']]);
  });

  it('reads the appendix: three header rows, a retyped repeated header, rows with empty leading cells', () => {
    const { tables } = read(APPENDIX);
    expect(tables).toHaveLength(1);
    const [t] = tables as [TableBlock];
    expect(t.headerRows).toBe(3);
    expect(t.columns).toEqual(['Sasaran Kegiatan', 'Indikator Kinerja Kegiatan', 'Target', 'Realisasi', '%', 'Program', 'Anggaran Pagu', 'Anggaran Realisasi', 'Anggaran %']);
    expect(t.rows).toHaveLength(10);
    expect(texts(t.body)).toEqual([
      ['Meningkatnya daya tangkal remaja', 'Jumlah Kab/Kota berkategori Tinggi', '3 Kab/ Kota', '2 Kab/ Kota', '66.67', 'P4GN', '806.210.000', '734.466.500', '91.10'],
      ['', 'Jumlah unit IBM yang operasional', '8 Unit', '8 Unit', '100.00', '', '', '', ''],
      ['', '', '', '', '', '', '75.000.000', '75.000.000', '100.00'],
      ['Total', '', '', '', '', '', '14.798.345.000', '11.351.051.150', '76.70'],
    ]);
    expectExactPositions(APPENDIX, tables);
  });

  it('drops a header repeated inside a block and keeps the unit sub-row as data', () => {
    const [t] = read(RECAP).tables as [TableBlock];
    expect(t.headerRows).toBe(1);
    expect(t.rows).toHaveLength(5);
    expect(t.columns.slice(4, 8)).toEqual(['TARGET', '', 'REALISASI', '']);
    expect(t.body.map((r) => r[3]?.text)).toEqual(['', 'a. BNNP NTT', 'b. BNNK BELU']);
    expect(t.body[0]?.[5]?.text).toBe('Berkas Perkara');
    expectExactPositions(RECAP, [t]);
  });

  it('pads short rows with zero-width empty cells at the end of the row', () => {
    const text = md('No\tSatker\tTarget\tRealisasi\t%', '1\tBNNP NTT\t3');
    const [t] = read(text).tables as [TableBlock];
    const row = t.body[0] as SourceCell[];
    expect(row.map((c) => c.text)).toEqual(['1', 'BNNP NTT', '3', '', '']);
    const end = text.length;
    expect(row[3]?.position).toMatchObject({ offset: end, endOffset: end, line: 2, column: 13 });
    expectExactPositions(text, [t]);
  });

  it('keeps a year row as a header and a band table as written', () => {
    const years = md('Satker\t2022\t2023\t2024', 'BNNP\t3.1\t3.2\t3.3');
    expect(read(years).tables[0]?.columns).toEqual(['Satker', '2022', '2023', '2024']);
    const bands = md('NILAI INTERVAL\tNILAI INTERVAL KONVERSI\tKATEGORI IKP\tKRITERIA', '1,00 – 1,75\t25,00 – 43,75\tD\tTidak Mandiri', '3,26 – 4,00\t81,26 – 100,00\tA\tSangat Mandiri');
    const [t] = read(bands).tables as [TableBlock];
    expect(t.headerRows).toBe(1);
    expect(t.body.map((r) => r[0]?.text)).toEqual(['1,00 – 1,75', '3,26 – 4,00']);
  });

  it('keeps HTML and LaTeX cells as their source text', () => {
    const text = md(
      'NO\tISI\tRUMUS',
      '1\t<ol style="list-style-type: none">1. SATU.2. DUA.</ol>\t$\\frac{a}{b}$',
      '2\t<p style="text-align: center; margin: 0;">Teks</p>\t**tebal**',
    );
    const [t] = read(text).tables as [TableBlock];
    expect(texts(t.body)).toEqual([
      ['1', '<ol style="list-style-type: none">1. SATU.2. DUA.</ol>', '$\\frac{a}{b}$'],
      ['2', '<p style="text-align: center; margin: 0;">Teks</p>', '**tebal**'],
    ]);
    expectExactPositions(text, [t]);
  });

  it('treats a one-row table as data and the rule under it as an artefact', () => {
    const text = md('VISI\tMEWUJUDKAN MASYARAKAT YANG TERLINDUNG', '-------------\t---', '', 'Teks.', '', '------------\t---');
    const { tree, tables } = read(text);
    expect(tables).toHaveLength(1);
    const [t] = tables as [TableBlock];
    expect(t.headerRows).toBe(0);
    expect(texts(t.rows)).toEqual([['VISI', 'MEWUJUDKAN MASYARAKAT YANG TERLINDUNG']]);
    expect(t.position).toMatchObject({ line: 1, endLine: 2 });
    // The rule on its own is no table: the parser's thematic break stays.
    expect(tree.children.map((c) => c.type)).toEqual(['table', 'paragraph', 'thematicBreak']);
  });

  it('does not read fraction layouts as tables', () => {
    const text = md(
      'Perhitungan Capaian :',
      '',
      '% Capaian\t3 Kab/Kota\tx 100% = 66.7 %',
      '\t2 Kab/Kota\t',
      '',
      'Realisasi:\t$\\frac{3 \\text{ Kab/Kota}}{3 \\text{ Kab/Kota}} \\times 100\\% = 100\\%$',
      '------------\t--',
      '',
      '\t94.65 indeks\t\tx 100% = 94.6 %',
      '% Capaian\t:\t89.56 indeks\t',
      '',
      '% Capaian\t:\t$\\frac{10 \\text{ Orang}}{10 \\text{ Orang}}$\tx 100% = 100 %',
      '-----------\t---\t---\t----------------',
    );
    const { tree, tables } = read(text);
    expect(tables).toHaveLength(0);
    expect(tree.children.some((c) => c.type === 'table')).toBe(false);
  });

  it('finds the caption among the three non-empty lines above, skipping a stray ":"', () => {
    const withColon = md('Tabel realisasi tahun 2024 :', '', ':', '', 'NO\tKasus\tNilai', '1\tMasuk\t100');
    expect(read(withColon).tables[0]?.caption).toBe('Tabel realisasi tahun 2024 :');
    const plain = md('Paragraf biasa tanpa titik dua.', '', 'NO\tKasus\tNilai', '1\tMasuk\t100');
    expect(read(plain).tables[0]?.caption).toBeUndefined();
    const far = md('Tabel jauh:', '', 'satu', '', 'dua', '', 'tiga', '', 'NO\tKasus\tNilai', '1\tMasuk\t100');
    expect(read(far).tables[0]?.caption).toBeUndefined();
  });
});

/** Rewrites every block of tab lines as a pipe table: first line as header, then a delimiter row. */
function toPipeTables(text: string): string {
  const out: string[] = [];
  let inBlock = false;
  for (const line of text.split('\n')) {
    if (!line.includes('\t')) {
      inBlock = false;
      out.push(line);
      continue;
    }
    const cells = line.split('\t').map((c) => c.trim());
    out.push(`| ${cells.join(' | ')} |`);
    if (!inBlock) out.push(`|${cells.map(() => ' --- ').join('|')}|`);
    inBlock = true;
  }
  return out.join('\n');
}

describe('collectTables: pipe tables', () => {
  it('reads a pipe table with exact cell positions', () => {
    const text = md('Tabel capaian:', '', '| No | Satker | Target | Realisasi | % |', '| --- | --- | --- | ---: | --- |', '| 1 | BNNP NTT | 3.43 | 3.48 | 101.46 |', '|  | Rata-rata | 3.39 |');
    const { tables } = read(text);
    const [t] = tables as [TableBlock];
    expect(t.format).toBe('gfm');
    expect(t.columns).toEqual(['No', 'Satker', 'Target', 'Realisasi', '%']);
    expect(texts(t.body)).toEqual([
      ['1', 'BNNP NTT', '3.43', '3.48', '101.46'],
      ['', 'Rata-rata', '3.39', '', ''],
    ]);
    expect(t.caption).toBe('Tabel capaian:');
    expectExactPositions(text, tables);
  });

  it('gives the same tables for a draft written with pipes as for the same draft with tabs', () => {
    for (const draft of [STAFF, PK_SPLIT, PERHITUNGAN, IKPA, ZI, APPENDIX, RECAP]) {
      const piped = toPipeTables(draft);
      const fromTabs = read(draft).tables;
      const fromPipes = read(piped).tables;
      expect(fromPipes.every((t) => t.format === 'gfm')).toBe(true);
      const shape = (ts: TableBlock[]) => ts.map((t) => ({ columns: t.columns, headerRows: t.headerRows, rows: t.rows.length, body: texts(t.body), caption: t.caption }));
      expect(shape(fromPipes)).toEqual(shape(fromTabs));
      expectExactPositions(piped, fromPipes);
    }
  });
});

describe('robustness', () => {
  const unit = fc.constantFrom('a', 'B', '1', '2.5', ' ', '\t', '\t', '\n', '\n', '|', '-', '---', '$', '$$', '\\frac{', '}', '{', 'x 100% = ', '%', ':', '`', '```', '>', '*', '1.', '\r\n', 'Tabel ', 'NO', '<p>', '\\');
  it('never throws and keeps cell positions exact on random drafts', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 120 }), (text) => {
        const { tables } = read(text);
        for (const t of tables) {
          for (const cell of [...t.rows.flat(), ...t.body.flat()]) {
            if (text.slice(cell.position.offset, cell.position.endOffset) !== cell.text) return false;
          }
          if (t.body.some((r) => r.length !== t.columns.length)) return false;
        }
        return true;
      }),
      { numRuns: 400 },
    );
  });
});
