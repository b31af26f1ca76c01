import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseDraft } from '../src/index.js';
import { parseMarkdown } from '../src/pipeline.js';
import { remarkGfmTables } from '../src/tables/gfm-tables.js';
import { collectTables, remarkTabTables, type SourceCell, type TableBlock } from '../src/tables/index.js';
import { maskTabTables } from '../src/tables/mask.js';

// Every table, agency and place below is invented; the shapes are those of real LKIP pages as
// PDF converters give them.

const md = (...lines: string[]) => lines.join('\n');

function read(text: string): TableBlock[] {
  return collectTables(parseMarkdown(text), text);
}

function texts(rows: SourceCell[][]): string[][] {
  return rows.map((r) => r.map((c) => c.text));
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/**
 * A cell on one line is exactly the source under its position. A cell broken over lines (a
 * label carried on, HTML with markup) starts at its first word and ends at its last.
 */
function expectPositions(text: string, table: TableBlock): void {
  for (const cell of [...table.rows.flat(), ...table.body.flat()]) {
    const p = cell.position;
    const under = text.slice(p.offset, p.endOffset);
    expect(lineCol(text, p.offset)).toEqual({ line: p.line, column: p.column });
    expect(lineCol(text, p.endOffset)).toEqual({ line: p.endLine, column: p.endColumn });
    if (cell.text === '') {
      expect(p.endOffset).toBe(p.offset);
      continue;
    }
    if (!under.includes('\n') && !under.includes('<') && !under.includes('&')) {
      expect(under).toBe(cell.text);
      continue;
    }
    const words = cell.text.split(' ');
    expect(under.startsWith(words[0] as string)).toBe(true);
    expect(under.endsWith(words[words.length - 1] as string)).toBe(true);
  }
  for (const row of table.body) expect(row).toHaveLength(table.columns.length);
}

/** The offsets of the `n`-th occurrence of `needle` (0-based). */
function at(text: string, needle: string, n = 0): { offset: number; endOffset: number } {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`${needle} not in text`);
  return { offset: i, endOffset: i + needle.length };
}

function span(cell: SourceCell | undefined): { offset: number; endOffset: number } {
  return { offset: cell?.position.offset ?? -1, endOffset: cell?.position.endOffset ?? -1 };
}

describe('HTML tables inside Markdown', () => {
  const TEXT = md(
    'Tabel 3.6 Realisasi Anggaran per Kegiatan',
    '',
    '<table>',
    '<thead>',
    '<tr><th rowspan="2">No</th><th rowspan="2">Kegiatan</th><th colspan="3">Anggaran (Rp)</th><th rowspan="2">Sisa (Rp)</th></tr>',
    '<tr><th>Pagu</th><th>Realisasi</th><th>%</th></tr>',
    '</thead>',
    '<tbody>',
    '<tr><td>1</td><td>Pengelolaan Air Minum</td><td>1.250.000.000</td><td>1.187.500.000</td><td>95,00</td><td>62.500.000</td></tr>',
    '<tr><td>2</td><td>Sanitasi &amp; Drainase <b>Lingkungan</b></td><td>800.000.000</td><td>736.000.000</td><td>92,00</td><td>64.000.000</td></tr>',
    '<tr><td colspan="2">Jumlah</td><td>2.050.000.000</td><td>1.923.500.000</td><td>93,83</td><td>126.500.000</td></tr>',
    '</tbody>',
    '</table>',
    '',
    'Realisasi anggaran mencapai 93,83 persen.',
  );

  it('spreads rowspan and colspan, joins the merged header, keeps exact cell positions', () => {
    const [table, ...rest] = read(TEXT);
    expect(rest).toHaveLength(0);
    expect(table?.format).toBe('html');
    expect(table?.headerRows).toBe(2);
    expect(table?.columns).toEqual(['No', 'Kegiatan', 'Anggaran (Rp) Pagu', 'Anggaran (Rp) Realisasi', 'Anggaran (Rp) %', 'Sisa (Rp)']);
    expect(texts(table!.body)).toEqual([
      ['1', 'Pengelolaan Air Minum', '1.250.000.000', '1.187.500.000', '95,00', '62.500.000'],
      ['2', 'Sanitasi & Drainase Lingkungan', '800.000.000', '736.000.000', '92,00', '64.000.000'],
      ['Jumlah', '', '2.050.000.000', '1.923.500.000', '93,83', '126.500.000'],
    ]);
    expectPositions(TEXT, table!);
    expect(span(table!.body[0]![3])).toEqual(at(TEXT, '1.187.500.000'));
    // A cell with markup: from its first character to its last, entity and tags between.
    expect(span(table!.body[1]![1])).toEqual({ offset: at(TEXT, 'Sanitasi').offset, endOffset: at(TEXT, 'Lingkungan').endOffset });
  });

  it('gives the columns their roles in the model', () => {
    const doc = parseDraft(TEXT);
    const table = doc.tables[0];
    expect(table?.format).toBe('html');
    expect(table?.kind).toBe('budget');
    expect(table?.roles).toEqual(['number', 'label', 'ceiling', 'spent', 'spent-percent', 'remaining']);
    expect(table?.years).toEqual([null, null, null, null, null, null]);
  });

  it('counts a numbering row under <th> cells as header', () => {
    const text = md(
      '<table>',
      '<tr><th>No</th><th>Indikator</th><th>Target</th><th>Realisasi</th><th>%</th></tr>',
      '<tr><td>(1)</td><td>(2)</td><td>(3)</td><td>(4)</td><td>(5)</td></tr>',
      '<tr><td>1</td><td>Indeks kepuasan layanan</td><td>3,50</td><td>3,42</td><td>97,71</td></tr>',
      '<tr><td>2</td><td>Persentase aduan selesai</td><td>90</td><td>93</td><td>103,33</td></tr>',
      '</table>',
    );
    const [t] = read(text);
    expect(t?.headerRows).toBe(2);
    expect(t?.body.map((r) => r[0]?.text)).toEqual(['1', '2']);
  });

  it('joins a table continued after a page break', () => {
    const row = (n: number, v: string) => `<tr><td>${n}</td><td>Indikator ${n}</td><td>${v}</td><td>${v}</td><td>100,00</td></tr>`;
    const head = '<tr><th>No</th><th>Indikator</th><th>Target</th><th>Realisasi</th><th>%</th></tr>';
    const text = md('<table>', head, row(1, '10'), row(2, '20'), '</table>', '', 'Halaman 12', '', '<table>', head, row(3, '30'), '</table>');
    const tables = read(text);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.body.map((r) => r[0]?.text)).toEqual(['1', '2', '3']);
  });

  it('reads a table without <th> from its first row, and leaves tables in code alone', () => {
    const text = md(
      '<table>',
      '<tr><td>Indikator</td><td>Target 2024</td><td>Realisasi 2024</td><td>Capaian (%)</td></tr>',
      '<tr><td>Indeks kepuasan layanan</td><td>3,50</td><td>3,42</td><td>97,71</td></tr>',
      '<tr><td>Persentase aduan selesai</td><td>90</td><td>93</td><td>103,33</td></tr>',
      '</table>',
      '',
      '```html',
      '<table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>',
      '```',
    );
    const tables = read(text);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.headerRows).toBe(1);
    expect(tables[0]?.columns).toEqual(['Indikator', 'Target 2024', 'Realisasi 2024', 'Capaian (%)']);
    expectPositions(text, tables[0]!);
    const doc = parseDraft(text);
    expect(doc.tables[0]?.roles).toEqual(['indicator', 'target', 'realisation', 'achievement']);
    expect(doc.tables[0]?.years).toEqual([null, 2024, 2024, null]);
  });
});

describe('whitespace-aligned columns (pdftotext -layout)', () => {
  const TEXT = md(
    '   Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2024',
    '',
    '    No   Indikator Kinerja Utama                     Satuan      Target    Realisasi     Capaian',
    '                                                                   2024         2024         (%)',
    '    1    Persentase rumah tangga dengan akses        %            80,00        76,00       95,00',
    '         air minum layak',
    '    2    Kapasitas debit air bersih                  Liter/detik    405           65       16,05',
    '',
    '',
    '                                                                                          22',
    '\f                     Laporan Kinerja Dinas Air Minum Kabupaten Tanjung Sepi Tahun 2024',
    '',
    '    No   Indikator Kinerja Utama                     Satuan      Target    Realisasi     Capaian',
    '                                                                   2024         2024         (%)',
    '    3    Panjang jaringan pipa distribusi baru       Km              12         12,4      103,33',
    '',
    '   Sumber: Bidang Air Minum.',
  );

  it('finds the columns, the wrapped header, carried-on labels and the page break', () => {
    const tables = read(TEXT);
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.format).toBe('aligned');
    expect(t.columns).toEqual(['No', 'Indikator Kinerja Utama', 'Satuan', 'Target 2024', 'Realisasi 2024', 'Capaian (%)']);
    expect(texts(t.body)).toEqual([
      ['1', 'Persentase rumah tangga dengan akses air minum layak', '%', '80,00', '76,00', '95,00'],
      ['2', 'Kapasitas debit air bersih', 'Liter/detik', '405', '65', '16,05'],
      ['3', 'Panjang jaringan pipa distribusi baru', 'Km', '12', '12,4', '103,33'],
    ]);
    expectPositions(TEXT, t);
    const sixtyFive = at(TEXT, '65       16,05').offset;
    expect(span(t.body[1]![4])).toEqual({ offset: sixtyFive, endOffset: sixtyFive + 2 });
    expect(span(t.body[2]![5])).toEqual(at(TEXT, '103,33'));
    // The carried-on label spans both of its lines.
    expect(span(t.body[0]![1])).toEqual({ offset: at(TEXT, 'Persentase rumah').offset, endOffset: at(TEXT, 'air minum layak').endOffset });
  });

  it('gives roles and years', () => {
    const doc = parseDraft(TEXT);
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]?.format).toBe('aligned');
    expect(doc.tables[0]?.kind).toBe('indicator-summary');
    expect(doc.tables[0]?.roles).toEqual(['number', 'indicator', 'measure-unit', 'target', 'realisation', 'achievement']);
    expect(doc.tables[0]?.years).toEqual([null, null, null, 2024, 2024, null]);
  });

  it('spreads a title centred over the columns it spans, and skips a numbering line', () => {
    const text = md(
      'No   Program / Kegiatan                                Anggaran                        Sisa',
      '                                           Pagu          Realisasi           %',
      '(1)  (2)                                    (3)                (4)          (5)          (6)',
      '1    Program Penunjang Urusan          4.500.000      4.275.000        95,00      225.000',
      '2    Program Pengelolaan Air Minum     2.000.000      1.700.000        85,00      300.000',
      '3    Program Sanitasi                  1.000.000        990.000        99,00       10.000',
    );
    const [t, ...rest] = read(text);
    expect(rest).toHaveLength(0);
    expect(t?.columns).toEqual(['No', 'Program / Kegiatan', 'Anggaran Pagu', 'Anggaran Realisasi', 'Anggaran %', 'Sisa']);
    expect(t?.body).toHaveLength(3);
    expect(texts(t!.body)[2]).toEqual(['3', 'Program Sanitasi', '1.000.000', '990.000', '99,00', '10.000']);
    expectPositions(text, t!);
    expect(parseDraft(text).tables[0]?.roles).toEqual(['number', 'label', 'ceiling', 'spent', 'spent-percent', 'remaining']);
  });

  it('reads a label whose figures sit on its middle line', () => {
    const text = md(
      'No   Uraian                         Target     Realisasi    Capaian',
      '1    Indeks kepuasan masyarakat       3,50          3,42      97,71',
      '     Persentase dokumen',
      '2    perencanaan yang tepat          100            100     100,00',
      '     waktu',
      '3    Nilai evaluasi SAKIP             70          72,40     103,43',
    );
    const [t] = read(text);
    expect(texts(t!.body).map((r) => r[1])).toEqual(['Indeks kepuasan masyarakat', 'Persentase dokumen perencanaan yang tepat waktu', 'Nilai evaluasi SAKIP']);
    expectPositions(text, t!);
  });

  it('keeps group headings between the rows as rows of their own', () => {
    const text = md(
      ' No   Indikator Kinerja                    Satuan     Target    Realisasi    Capaian',
      ' Sasaran 1: Meningkatnya kualitas pelayanan perizinan daerah',
      '  1   Indeks kepuasan pemohon              Indeks       3,50        3,42      97,71',
      '  2   Persentase izin terbit tepat waktu   %              90          94     104,44',
      ' Sasaran 2: Tata kelola',
      '  3   Nilai SAKIP                          Nilai          70       72,40     103,43',
    );
    const [t, ...rest] = read(text);
    expect(rest).toHaveLength(0);
    expect(t?.columns).toEqual(['No', 'Indikator Kinerja', 'Satuan', 'Target', 'Realisasi', 'Capaian']);
    expect(texts(t!.body).map((r) => r.slice(0, 2))).toEqual([
      ['', 'Sasaran 1: Meningkatnya kualitas pelayanan perizinan daerah'],
      ['1', 'Indeks kepuasan pemohon'],
      ['2', 'Persentase izin terbit tepat waktu'],
      ['', 'Sasaran 2: Tata kelola'],
      ['3', 'Nilai SAKIP'],
    ]);
    expectPositions(text, t!);
  });

  it('leaves a table of contents alone', () => {
    const text = md(
      '   1.1   Latar Belakang ....................................    1',
      '   1.2   Maksud dan Tujuan .................................    2',
      '   1.3   Tugas Pokok dan Fungsi ............................    3',
      '   2.1   Rencana Strategis .................................    7',
    );
    expect(read(text)).toEqual([]);
  });

  it('leaves justified prose with double spaces and figures alone', () => {
    const text = md(
      'Capaian  kinerja  tahun  2024  menunjukkan  bahwa  dari  12  indikator,  sebanyak  10',
      'indikator  mencapai  target  dan  2  indikator  belum  mencapai  target  dengan  rata-rata',
      'capaian  sebesar  96,45  persen,  lebih  tinggi  dari  tahun  2023  sebesar  94,10  persen.',
      'Hal  ini  dipengaruhi  oleh  anggaran  sebesar  Rp  4,5  miliar  yang  terserap  92  persen.',
    );
    expect(read(text)).toEqual([]);
  });
});

describe('one cell per line (pdftotext, copy-paste)', () => {
  const TEXT = md(
    'Tabel 3.2',
    'Capaian Indikator Kinerja Kegiatan',
    'NO',
    'SASARAN',
    'KEGIATAN',
    'INDIKATOR',
    'KINERJA',
    'SATUAN',
    'TARGET',
    'REALISASI',
    'CAPAIAN',
    '(%)',
    '(1)',
    '(2)',
    '(3)',
    '(4)',
    '(5)',
    '(6)',
    '(7)',
    '1',
    'Meningkatnya kualitas',
    'layanan perizinan',
    'Persentase izin terbit',
    'tepat waktu',
    '%',
    '90',
    '94,5',
    '105,00',
    '2',
    'Indeks kepuasan',
    'pemohon izin',
    'Indeks',
    '3,60',
    '3,48',
    '96,67',
    '',
    'LAPORAN KINERJA DINAS PERIZINAN TAHUN 2024',
    '31',
    '\fNO',
    'SASARAN',
    'KEGIATAN',
    'INDIKATOR',
    'KINERJA',
    'SATUAN',
    'TARGET',
    'REALISASI',
    'CAPAIAN',
    '(%)',
    '3',
    'Jumlah layanan daring',
    'baru',
    'Layanan',
    '4',
    '4',
    '100,00',
    '',
    'Seluruh layanan daring yang direncanakan telah beroperasi pada akhir tahun dan dipakai oleh pemohon di semua kecamatan.',
  );

  it('groups header lines into titles and reads the rows by the pattern they set', () => {
    const tables = read(TEXT);
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.format).toBe('lines');
    expect(t.columns).toEqual(['NO', 'SASARAN KEGIATAN', 'INDIKATOR KINERJA', 'SATUAN', 'TARGET', 'REALISASI', 'CAPAIAN (%)']);
    expect(texts(t.body)).toEqual([
      ['1', 'Meningkatnya kualitas layanan perizinan', 'Persentase izin terbit tepat waktu', '%', '90', '94,5', '105,00'],
      ['2', '', 'Indeks kepuasan pemohon izin', 'Indeks', '3,60', '3,48', '96,67'],
      ['3', '', 'Jumlah layanan daring baru', 'Layanan', '4', '4', '100,00'],
    ]);
    expectPositions(TEXT, t);
    expect(span(t.body[0]![5])).toEqual(at(TEXT, '94,5'));
    const three = at(TEXT, '\n3\n').offset + 1;
    expect(span(t.body[2]![0])).toEqual({ offset: three, endOffset: three + 1 });
    const doc = parseDraft(TEXT);
    expect(doc.tables[0]?.roles).toEqual(['number', 'goal', 'indicator', 'measure-unit', 'target', 'realisation', 'achievement']);
  });

  it('leaves a block out when its pattern breaks', () => {
    const broken = md(
      'No',
      'Indikator',
      'Target',
      'Realisasi',
      'Capaian',
      '1',
      'Indeks kepuasan',
      '3,60',
      '3,48',
      '96,67',
      '2',
      'Persentase izin terbit',
      '90',
      '94,5',
      '3',
      'Jumlah layanan',
      '4',
      '4',
      '100,00',
    );
    expect(read(broken)).toEqual([]);
  });

  it('leaves a list of short lines with figures alone', () => {
    const text = md(
      'Jumlah pegawai menurut golongan:',
      'Golongan IV',
      '12',
      'Golongan III',
      '45',
      'Golongan II',
      '20',
      '',
      'Data per 31 Desember 2024.',
    );
    expect(read(text)).toEqual([]);
  });
});

describe('rows flattened to one line', () => {
  const TEXT = md(
    'Tabel 3.1 Capaian Kinerja Sasaran Tahun 2024',
    '',
    'No Indikator Satuan Target Realisasi Capaian',
    '1 Kapasitas Debit Air Bersih Liter/detik 405 65 16,05',
    '2 Cakupan Pelayanan Air Minum % 80 72,5 90,63',
    '3 Panjang jaringan pipa distribusi dalam',
    'kondisi baik Km 120 118,4 98,67',
    '',
    'Capaian kapasitas debit masih rendah karena sumber air baru belum tersambung.',
  );

  it('splits trailing figures from the label and the satuan', () => {
    const [t, ...rest] = read(TEXT);
    expect(rest).toHaveLength(0);
    expect(t?.format).toBe('flat');
    expect(t?.columns).toEqual(['No', 'Indikator', 'Satuan', 'Target', 'Realisasi', 'Capaian']);
    expect(texts(t!.body)).toEqual([
      ['1', 'Kapasitas Debit Air Bersih', 'Liter/detik', '405', '65', '16,05'],
      ['2', 'Cakupan Pelayanan Air Minum', '%', '80', '72,5', '90,63'],
      ['3', 'Panjang jaringan pipa distribusi dalam kondisi baik', 'Km', '120', '118,4', '98,67'],
    ]);
    expectPositions(TEXT, t!);
    expect(span(t!.body[0]![2])).toEqual(at(TEXT, 'Liter/detik'));
    expect(span(t!.body[0]![5])).toEqual(at(TEXT, '16,05'));
    const doc = parseDraft(TEXT);
    expect(doc.tables[0]?.roles).toEqual(['number', 'indicator', 'measure-unit', 'target', 'realisation', 'achievement']);
  });

  it('reads year columns, group rows and a header repeated after a page break', () => {
    const text = md(
      'No Uraian Satuan 2022 2023 2024',
      '1 2 3 4 5 6',
      '1. Panjang Jalan Menurut Permukaan:',
      'a. Aspal Km 512,40 530,15 548,90',
      'b. Kerikil Km 120,10 110,35 96,60',
      'Halaman 41',
      'No Uraian Satuan 2022 2023 2024',
      'Jumlah Km 632,50 640,50 645,50',
    );
    const [t, ...rest] = read(text);
    expect(rest).toHaveLength(0);
    expect(texts(t!.body)).toEqual([
      ['1.', 'Panjang Jalan Menurut Permukaan:', '', '', '', ''],
      ['', 'a. Aspal', 'Km', '512,40', '530,15', '548,90'],
      ['', 'b. Kerikil', 'Km', '120,10', '110,35', '96,60'],
      ['', 'Jumlah', 'Km', '632,50', '640,50', '645,50'],
    ]);
    expectPositions(text, t!);
    const doc = parseDraft(text);
    expect(doc.tables[0]?.roles).toEqual(['number', 'label', 'measure-unit', 'year', 'year', 'year']);
    expect(doc.tables[0]?.years).toEqual([null, null, null, 2022, 2023, 2024]);
  });

  it('splits a goal from its indicator only when a goal verb opens the words', () => {
    const text = md(
      'Sasaran Strategis Indikator Kinerja Satuan Target Realisasi Capaian (%)',
      'Meningkatnya Kualitas Pelayanan Publik Indeks Kepuasan Masyarakat Indeks 82,00 84,10 102,56',
      'Kualitas Tata Kelola Nilai Reformasi Birokrasi Nilai 70,00 68,25 97,50',
    );
    const [t] = read(text);
    expect(texts(t!.body)).toEqual([
      ['Meningkatnya Kualitas Pelayanan Publik', 'Indeks Kepuasan Masyarakat', 'Indeks', '82,00', '84,10', '102,56'],
      ['', 'Kualitas Tata Kelola Nilai Reformasi Birokrasi', 'Nilai', '70,00', '68,25', '97,50'],
    ]);
    expectPositions(text, t!);
  });

  it('reads a header broken over two lines', () => {
    const text = md(
      'No Program Pagu Anggaran Realisasi',
      'Anggaran % Sisa Anggaran',
      '1 Program Penunjang Urusan 4.500.000 4.275.000 95,00 225.000',
      '2 Program Air Minum 2.000.000 1.700.000 85,00 300.000',
    );
    const [t] = read(text);
    expect(t?.columns).toEqual(['No', 'Program', 'Pagu Anggaran', 'Realisasi Anggaran', '%', 'Sisa Anggaran']);
    expect(parseDraft(text).tables[0]?.roles).toEqual(['number', 'label', 'ceiling', 'spent', 'spent-percent', 'remaining']);
    expectPositions(text, t!);
  });

  it('leaves prose that names the columns alone', () => {
    const text = md(
      'Indikator target realisasi dan capaian disajikan pada tabel berikut untuk tahun 2024.',
      'Target 2024 sebesar 80 persen dengan realisasi 76 persen.',
      '',
      'Target Realisasi Capaian',
      'Pada tahun ini target tercapai 95 persen dan realisasi naik.',
      'Hasil ini lebih baik dari 2023 yang mencapai 90 persen saja.',
    );
    expect(read(text)).toEqual([]);
  });

  it('needs two rows under the header', () => {
    const text = md('Indikator Satuan Target Realisasi Capaian', 'Kapasitas Debit Air Bersih Liter/detik 405 65 16,05', '', 'Lain halnya dengan tahun lalu.');
    expect(read(text)).toEqual([]);
  });
});

/** The parser without the layout plugin: what tab and pipe tables were before it. */
function parseWithoutLayouts(text: string): Root {
  const processor = unified().use(remarkParse).use(remarkGfmTables).use(remarkMath).use(remarkTabTables).freeze();
  const { masked, lines } = maskTabTables(text);
  const file = new VFile({ value: masked });
  file.data = { lkipSource: text, lkipMasked: lines };
  return processor.runSync(processor.parse(file), file) as Root;
}

describe('tab and pipe tables stay as they were', () => {
  const repo = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
  const drafts = ['fixtures/ntt-2024/draft.md', 'fixtures/consistent-2024/draft.md', 'fixtures/edge-cases/tab-tables.md', 'fixtures/edge-cases/pipe-tables.md', 'fixtures/edge-cases/merged-header.md'];
  const seed = repo('../shared/seed/lkip-bnnp-ntt-2024.md');
  for (const path of [...drafts.map(repo), ...(existsSync(seed) ? [seed] : [])]) {
    it(path.split('/').slice(-2).join('/'), () => {
      const text = readFileSync(path, 'utf8');
      const before = collectTables(parseWithoutLayouts(text), text);
      const after = collectTables(parseMarkdown(text), text);
      expect(after).toEqual(before);
    });
  }
});
