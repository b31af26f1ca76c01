import { describe, expect, it } from 'vitest';
import { joinSplitRow, tableStarts } from '../src/layout/continued-tables.js';
import { writeMarkdown, type LaidOutPage } from '../src/layout/document.js';
import { findFractions } from '../src/layout/fractions.js';
import { fromFrame, quarterTurns, toFrame } from '../src/layout/geometry.js';
import { resolveHyphens, vocabulary } from '../src/layout/hyphens.js';
import { buildLines, lineText } from '../src/layout/lines.js';
import { layoutPage } from '../src/layout/page.js';
import { buildParagraphs, CUT_MARK, SOFT_CUT_MARK } from '../src/layout/paragraphs.js';
import { joinCellLines } from '../src/layout/cell-text.js';
import { findRuledTables } from '../src/layout/ruled-tables.js';
import { mergeSegments } from '../src/layout/segments.js';
import { findStreamTables } from '../src/layout/stream-tables.js';
import type { BBox, PageBlock, Run, Segment } from '../src/layout/types.js';

/** A run of text as pdf.js gives it, at x on baseline y, in 10-point type (about 5 points a character). */
function run(text: string, x: number, y: number, options: { size?: number; bold?: boolean; charWidth?: number } = {}): Run {
  const size = options.size ?? 10;
  const width = text.length * (options.charWidth ?? size * 0.5);
  return { text, x0: x, x1: x + width, y, size, bold: options.bold ?? false, box: [x, y - size * 0.8, x + width, y + size * 0.2] };
}

const h = (at: number, a: number, b: number): Segment => ({ dir: 'h', at, a, b });
const v = (at: number, a: number, b: number): Segment => ({ dir: 'v', at, a, b });

describe('lines', () => {
  it('groups runs by baseline, whatever order pdf.js gives them in (a table column by column)', () => {
    const lines = buildLines([run('Target', 200, 100), run('No', 72, 100.3), run('1', 72, 115), run('Satker', 120, 99.8), run('DNSK Laru', 120, 115)]);
    expect(lines.map(lineText)).toEqual(['No Satker Target', '1 DNSK Laru']);
  });

  it('puts a space only where the gap between two runs is one', () => {
    const [line] = buildLines([run('Rp', 72, 100), run('.', 82, 100), run('1.000', 90, 100)]);
    expect(lineText(line!)).toBe('Rp. 1.000');
  });
});

describe('paragraphs', () => {
  const right = 500;
  it('joins wrapped lines and ends a paragraph where a line stops short of the margin', () => {
    const lines = buildLines([
      run('Realisasi indikator ini adalah 2 Kab/Kota dari target 3 Kab/Kota, sehingga capaian', 72, 100, { charWidth: 5.2 }),
      run('sebesar 66,7 %.', 72, 111.5),
      run('Dibandingkan tahun 2023, capaian turun.', 72, 123),
    ]);
    const paragraphs = buildParagraphs(lines, 0, right);
    expect(paragraphs.map((p) => p.text)).toEqual(['Realisasi indikator ini adalah 2 Kab/Kota dari target 3 Kab/Kota, sehingga capaian sebesar 66,7 %.', 'Dibandingkan tahun 2023, capaian turun.']);
  });

  it('starts a paragraph at a list label and where the space between lines grows', () => {
    const lines = buildLines([run('1. Kepala;', 72, 100), run('2. Bagian Umum;', 72, 111.5), run('Tugas pokok', 72, 140)]);
    expect(buildParagraphs(lines, 0, right).map((p) => p.text)).toEqual(['1. Kepala;', '2. Bagian Umum;', 'Tugas pokok']);
  });

  it('reads a figure that wrapped to the start of a line ("100. Untuk …") as text, not as a list item', () => {
    const lines = buildLines([
      run('11. Indikator Kinerja Kegiatan Nilai tingkat keamanan barang bukti psikotika target', 72, 100, { charWidth: 5.1 }),
      run('100. Untuk mendukung indikator tersebut dilakukan pengawasan.', 90, 111.5),
      run('12. Indikator Kinerja Kegiatan Nilai Kinerja Anggaran.', 72, 123),
    ]);
    expect(buildParagraphs(lines, 0, right).map((p) => p.text)).toEqual([
      '11. Indikator Kinerja Kegiatan Nilai tingkat keamanan barang bukti psikotika target 100. Untuk mendukung indikator tersebut dilakukan pengawasan.',
      '12. Indikator Kinerja Kegiatan Nilai Kinerja Anggaran.',
    ]);
  });

  it('starts a caption after a finished sentence as its own paragraph, even where the sentence filled its line', () => {
    const lines = buildLines([
      run('wilayahnya mengukur kinerja dengan enam indikator. Capaian = realisasi / target x 100 %.', 72, 100, { charWidth: 4.8 }),
      run('Tabel 3.1 Capaian Indikator Kinerja Tahun 2024', 72, 111.5),
    ]);
    expect(buildParagraphs(lines, 0, right).map((p) => p.text)).toEqual(['wilayahnya mengukur kinerja dengan enam indikator. Capaian = realisasi / target x 100 %.', 'Tabel 3.1 Capaian Indikator Kinerja Tahun 2024']);
  });

  it('keeps a bold paragraph whole when its bullet glyph is not bold', () => {
    const lines = buildLines([
      run('❖', 72, 100),
      run('Analisis Realisasi Indikator Kinerja Jumlah Kabupaten / Kota Dengan Indeks', 85, 100, { bold: true, charWidth: 5.5 }),
      run('Kemandirian Partisipasi serta Perbandingan dengan Tahun Sebelumnya', 85, 111.5, { bold: true }),
    ]);
    expect(buildParagraphs(lines, 0, right).map((p) => [p.text, p.bold])).toEqual([
      ['❖ Analisis Realisasi Indikator Kinerja Jumlah Kabupaten / Kota Dengan Indeks Kemandirian Partisipasi serta Perbandingan dengan Tahun Sebelumnya', true],
    ]);
  });

  it('keeps a title set in bold over several short lines as one block', () => {
    const lines = buildLines([run('PERJANJIAN KINERJA TAHUN 2024', 150, 100, { bold: true }), run('BADAN PSIKOTIKA NASIONAL KABUPATEN LARU', 130, 111.5, { bold: true })]);
    expect(buildParagraphs(lines, 0, right).map((p) => p.text)).toEqual(['PERJANJIAN KINERJA TAHUN 2024\nBADAN PSIKOTIKA NASIONAL KABUPATEN LARU']);
  });
});

describe('hyphens and cut words', () => {
  it('joins a word hyphenated at a line end, and keeps doubled words and words the document writes with a hyphen', () => {
    const lines = buildLines([
      run('Upaya pencegahan penyalah-', 72, 100, { charWidth: 17.2 }),
      run('gunaan minuman di masing-', 72, 111.5, { charWidth: 17.2 }),
      run('masing wilayah.', 72, 123),
    ]);
    const [p] = buildParagraphs(lines, 0, 520);
    expect(resolveHyphens(p!.text, vocabulary([p!.text]))).toBe('Upaya pencegahan penyalahgunaan minuman di masing-masing wilayah.');
  });

  it('puts back words a narrow cell cut, using the words the document writes whole', () => {
    const xs = [72, 110, 155];
    const ys = [90, 104, 150];
    const segments = [...xs.map((x) => v(x, 90, 150)), ...ys.map((y) => h(y, 72, 155))];
    const runs = [run('NO', 77, 100), run('JUMLAH', 115, 100), run('1', 77, 114), run('JUMLA', 115, 114, { charWidth: 6.6 }), run('H', 115, 126), run('PEGAW', 115, 138, { charWidth: 6.6 })];
    const { tables } = findRuledTables(runs, mergeSegments(segments), 0);
    const cells = tables[0]!.block.rows.map((r) => r.map((c) => c.text));
    const words = vocabulary(cells.flat());
    expect(cells.map((r) => r.map((c) => resolveHyphens(c, words)))).toEqual([
      ['NO', 'JUMLAH'],
      ['1', 'JUMLAH PEGAW'],
    ]);
  });
});

describe('cell lines', () => {
  it('joins a cell\'s lines as the writer spaced them: a number cut after a group, a code after its hyphen, a slash with or without spaces', () => {
    // One cell, 60 points wide (72 to 132), each line a run that fills it.
    const cell = (...texts: string[]) => joinCellLines(buildLines(texts.map((t, k) => run(t, 72, 100 + 11 * k, { charWidth: 60 / t.length }))), 132);
    const words = vocabulary(['rekomendasi tindak lanjut kabupaten kota']);
    expect(resolveHyphens(cell('340.640.', '000'), words)).toBe('340.640.000');
    expect(resolveHyphens(cell('yang P-', '21'), words)).toBe('yang P-21');
    expect(resolveHyphens(cell('REKOMENDASI/', 'TINDAK LANJUT'), words)).toBe('REKOMENDASI/TINDAK LANJUT');
    expect(resolveHyphens(cell('Kabupaten /', 'Kota'), words)).toBe('Kabupaten / Kota');
    expect(joinCellLines(buildLines([run('FAKTOR KEBERHASILAN', 72, 100), run('/KEGAGALAN', 72, 111)]), 300)).toBe('FAKTOR KEBERHASILAN/KEGAGALAN');
    // A sentence cut into dozens of pieces by a column a few letters wide is split word by word.
    const many = vocabulary(['merencanakan program kegiatan dan anggaran yang lebih terarah terukur']);
    expect(resolveHyphens(['Mere', 'ncan', 'akan', 'prog', 'ram/', 'kegi', 'atan', 'dan', 'angg', 'aran', 'yang', 'lebih', 'terar', 'ah', 'dan', 'teru', 'kur'].join(CUT_MARK), many)).toBe(
      'Merencanakan program/kegiatan dan anggaran yang lebih terarah dan terukur',
    );
    expect(resolveHyphens(cell('Kab/Kota}} \\', 'times 100\\%'), words)).toBe('Kab/Kota}} \\times 100\\%');
  });

  it('does not learn words from an e-mail address ("unitkerja@…" is not the word "unitkerja")', () => {
    const words = vocabulary(['surel: dnspnkb@contoh.go.id', 'DNSP dan DNSK']);
    expect(words.has('dnspnkb')).toBe(false);
    expect(resolveHyphens(`a. DNSP${SOFT_CUT_MARK}NKB`, words)).toBe('a. DNSP NKB');
    // Three-letter words the document writes count a little: "DNS" "KAB" "LARU" are three words.
    expect(resolveHyphens(`b. DNS${CUT_MARK}KAB${CUT_MARK}LARU`, vocabulary(['DNS Kab Laru']))).toBe('b. DNS KAB LARU');
  });
});

describe('ruled tables', () => {
  it('reads cells from the rules, a merged cell once, and leaves text outside the rules to the paragraphs', () => {
    const segments = [
      ...[90, 105, 120].map((y) => h(y, 72, 400)),
      v(72, 90, 120),
      v(400, 90, 120),
      v(120, 90, 120),
      v(200, 90, 120),
      // "Anggaran" spans "Pagu" and "Realisasi": no rule between them in the header row.
      v(300, 105, 120),
    ];
    const runs = [run('No', 76, 101), run('Satker', 124, 101), run('Anggaran', 204, 101), run('1', 76, 116), run('DNSK Laru', 124, 116), run('100', 204, 116), run('95', 304, 116), run('Di bawah tabel', 72, 140)];
    const { tables, rest } = findRuledTables(runs, mergeSegments(segments), 0);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.block.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['No', 'Satker', 'Anggaran', ''],
      ['1', 'DNSK Laru', '100', '95'],
    ]);
    expect(rest.map((r) => r.text)).toEqual(['Di bawah tabel']);
  });

  it('closes a last row the page cut open (column rules, no rule under it), so that its lines stay one row', () => {
    // Rules over the header and over row 14; the column rules run on to the page end at 160.
    const segments = [h(90, 72, 300), h(105, 72, 300), ...[72, 100, 200, 300].map((x) => v(x, 90, 160))];
    const runs = [run('No', 76, 101), run('Indikator', 104, 101), run('Target', 204, 101), run('14', 76, 116), run('Nilai', 104, 116), run('94.65', 204, 116), run('Indikator', 104, 127.5), run('Kinerja', 104, 139)];
    const { tables, rest } = findRuledTables(runs, mergeSegments(segments), 0);
    expect(tables[0]!.block.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['No', 'Indikator', 'Target'],
      ['14', 'Nilai Indikator Kinerja', '94.65'],
    ]);
    expect(rest).toEqual([]);
  });

  it('parts two tables drawn one under the other even where a column edge of both falls in one place', () => {
    const segments = [
      ...[100, 115, 130, 145, 160].map((y) => h(y, 72, 400)),
      v(72, 100, 160),
      v(400, 100, 160),
      // One rule at 250 runs through both tables; the other columns differ.
      v(250, 100, 160),
      ...[150, 330].map((x) => v(x, 100, 130)),
      ...[120, 300, 370].map((x) => v(x, 130, 160)),
    ];
    const { tables } = findRuledTables([run('a', 80, 111), run('e', 80, 141)], mergeSegments(segments), 0);
    expect(tables.map((t) => t.block.rows.map((r) => r.length))).toEqual([
      [4, 4],
      [5, 5],
    ]);
  });

  it('parts two tables drawn one under the other that share a rule', () => {
    const segments = [
      ...[100, 115, 130].map((y) => h(y, 72, 400)),
      ...[130, 145, 160].map((y) => h(y, 72, 400)),
      v(72, 100, 160),
      v(400, 100, 160),
      v(200, 100, 130),
      v(150, 130, 160),
      v(300, 130, 160),
    ];
    const runs = [run('a', 80, 111), run('b', 210, 111), run('c', 80, 126), run('d', 210, 126), run('e', 80, 141), run('f', 160, 141), run('g', 310, 141), run('h', 80, 156), run('i', 160, 156), run('j', 310, 156)];
    const { tables } = findRuledTables(runs, mergeSegments(segments), 0);
    expect(tables.map((t) => t.block.rows.map((r) => r.map((c) => c.text).join('|')))).toEqual([
      ['a|b', 'c|d'],
      ['e|f|g', 'h|i|j'],
    ]);
  });
});

describe('stream tables (no rules)', () => {
  it('finds columns by the white space between them, and rows by the lines that fill them', () => {
    const lines = buildLines([
      run('Realisasi tahun 2024 sebagai berikut:', 72, 80),
      run('No', 72, 100), run('Satker', 100, 100), run('Target', 250, 100), run('Realisasi', 330, 100),
      run('1', 72, 116), run('DNSK Laru', 100, 116), run('87 indeks', 250, 116), run('99.95 indeks', 330, 116),
      run('2', 72, 132), run('DNS Kota', 100, 132), run('87 indeks', 250, 132), run('98.98 indeks', 330, 132),
      run('Wangga', 100, 143.5),
      run('Semua satker melampaui target tahun ini, dengan capaian di atas seratus persen.', 72, 175),
    ]);
    const { tables, rest } = findStreamTables(lines, 0);
    expect(tables).toHaveLength(1);
    const cells = tables[0]!.rows.map((r) => r.map((c) => c.text));
    const words = vocabulary(cells.flat());
    expect(cells.map((r) => r.map((c) => resolveHyphens(c, words)))).toEqual([
      ['No', 'Satker', 'Target', 'Realisasi'],
      ['1', 'DNSK Laru', '87 indeks', '99.95 indeks'],
      ['2', 'DNS Kota Wangga', '87 indeks', '98.98 indeks'],
    ]);
    expect(rest.map(lineText)).toEqual(['Realisasi tahun 2024 sebagai berikut:', 'Semua satker melampaui target tahun ini, dengan capaian di atas seratus persen.']);
  });

  it('reads a header set off by rules as one row however its cells wrap, and keeps the rest of a row under it', () => {
    // The top of a page where a table goes on: its header repeated between two rules, then the
    // rest of a cell of the row the page broke, alone in its column.
    const lines = buildLines([
      run('NO', 72, 100), run('SASARAN', 100, 100), run('TARGET', 200, 100), run('REKOMENDASI/TINDAK', 300, 100),
      run('KEGIATAN', 100, 111), run('LANJUT', 300, 111),
      run('informasi mengenai tempat', 300, 130),
      run('layanan rehabilitasi.', 300, 141),
    ]);
    const rules = [h(90, 70, 420), h(116, 70, 420)];
    const { tables, rest } = findStreamTables(lines, 0, rules);
    expect(rest).toEqual([]);
    // Words the rest of the document writes whole decide the places a narrow cell may have cut.
    const words = vocabulary(['sasaran kegiatan, tempat layanan']);
    expect(tables[0]!.rows.map((r) => r.map((c) => resolveHyphens(c.text, words)))).toEqual([
      ['NO', 'SASARAN KEGIATAN', 'TARGET', 'REKOMENDASI/TINDAK LANJUT'],
      ['', '', '', 'informasi mengenai tempat layanan rehabilitasi.'],
    ]);
    // Without the rules the header's lines are two rows, and the rest of the row is left out.
    const bare = findStreamTables(lines, 0);
    expect(bare.tables[0]!.rows).toHaveLength(2);
    expect(bare.rest.map(lineText)).toEqual(['informasi mengenai tempat', 'layanan rehabilitasi.']);
  });

  it('keeps the last line of the last cell at the table\'s own line pitch, a little wider than usual', () => {
    const s = { size: 9 };
    const lines = buildLines([
      run('No', 72, 100, s), run('Indikator', 100, 100, s), run('Target', 250, 100, s),
      run('1', 72, 117, s), run('Persentase obat yang', 100, 117, s), run('92.00', 250, 117, s),
      run('memenuhi syarat', 100, 129.2, s),
      run('2', 72, 146.2, s), run('Indeks kepuasan', 100, 146.2, s), run('3.40', 250, 146.2, s),
      run('publik Balai', 100, 158.4, s),
      run('Sumber: Subbagian Tata Usaha, data tahun berjalan yang sudah diverifikasi.', 72, 190, s),
    ]);
    const { tables, rest } = findStreamTables(lines, 0);
    expect(tables[0]!.rows.map((r) => r.map((c) => c.text.replace(/[\uE001\uE002]/gu, ' ')))).toEqual([
      ['No', 'Indikator', 'Target'],
      ['1', 'Persentase obat yang memenuhi syarat', '92.00'],
      ['2', 'Indeks kepuasan publik Balai', '3.40'],
    ]);
    expect(rest.map(lineText)).toEqual(['Sumber: Subbagian Tata Usaha, data tahun berjalan yang sudah diverifikasi.']);
  });

  it('does not take a numbered list for a two-column table', () => {
    const lines = buildLines([run('1.', 72, 100), run('Kepala;', 90, 100), run('2.', 72, 111.5), run('Bagian Umum;', 90, 111.5), run('3.', 72, 123), run('Bidang Rehabilitasi.', 90, 123)]);
    expect(findStreamTables(lines, 0).tables).toEqual([]);
  });
});

describe('stacked fractions', () => {
  it('reads numerator, bar and denominator, with the label and the result beside them, as the two-line layout', () => {
    const runs = [run('% Capaian =', 72, 105), run('3 Kab/Kota', 150, 99), run('2 Kab/Kota', 150, 113), run('x 100% = 66,7 %', 215, 105), run('Perbandingan', 72, 140)];
    const { fractions, rest } = findFractions(runs, [h(102, 148, 202)], 0);
    expect(fractions.map(({ label, numerator, denominator, rest: after }) => ({ label, numerator, denominator, after }))).toEqual([
      { label: '% Capaian =', numerator: '3 Kab/Kota', denominator: '2 Kab/Kota', after: 'x 100% = 66,7 %' },
    ]);
    expect(rest.map((r) => r.text)).toEqual(['Perbandingan']);
  });

  it('leaves an underline without figures above and below alone', () => {
    const runs = [run('Catatan penting', 72, 99), run('berikutnya', 72, 113)];
    expect(findFractions(runs, [h(102, 70, 150)], 0).fractions).toEqual([]);
  });
});

describe('rotated text and landscape frames', () => {
  it('turns a direction into quarter turns and back', () => {
    expect([quarterTurns(1, 0), quarterTurns(0, 1), quarterTurns(-1, 0), quarterTurns(0, -1)]).toEqual([0, 1, 2, 3]);
    for (const turns of [0, 1, 2, 3]) {
      const [x, y] = toFrame(turns, 120, 340);
      expect(fromFrame(turns, x, y).map((n) => Math.round(n))).toEqual([120, 340]);
    }
  });

  it('lays out text running down the page like text across it', () => {
    // Two lines rotated by 90°: in the frame they read left to right, one under the other.
    const frame = { turns: 1, runs: [run('Nilai Kinerja Anggaran', 100, -300), run('sebesar 94,50 indeks.', 100, -288.5)], segments: [] };
    const blocks = layoutPage([frame]);
    expect(blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.kind))).toEqual(['Nilai Kinerja Anggaran sebesar 94,50 indeks.']);
  });
});

describe('document', () => {
  const para = (text: string, y: number, size = 10): PageBlock => ({ kind: 'paragraph', text, box: [72, y - 8, 300, y + 2], size, bold: false, top: y - 8, bottom: y + 2, lines: 1 });
  const table = (rows: string[][], y: number): PageBlock => ({
    kind: 'table',
    rows: rows.map((r) => r.map((text) => ({ text, box: [72, y, 100, y + 10] }))),
    box: [72, y, 500, y + 10 * rows.length],
    top: y,
    bottom: y + 10 * rows.length,
    columns: [72, 200],
    ruled: true,
  });
  const page = (n: number, blocks: PageBlock[]): LaidOutPage => ({ page: n, width: 595, height: 842, blocks });

  it('drops running heads and page numbers, joins a table broken by the page without its repeated header, and marks a row split by the page', () => {
    const { markdown, locations } = writeMarkdown([
      page(1, [para('LKIP DNSP NKB 2024', 40, 8), para('Capaian kinerja:', 100), table([['No', 'Sasaran'], ['1', 'Meningkatnya daya tangkal'], ['2', 'Meningkatnya pengawasan tahanan dan']], 700), para('1', 810, 9)]),
      page(2, [para('LKIP DNSP NKB 2024', 40, 8), table([['No', 'Sasaran'], ['', 'barang bukti'], ['3', 'DNSK Sawu Lora']], 80), para('Semua satker.', 200), para('2', 810, 9)]),
      page(3, [para('LKIP DNSP NKB 2024', 40, 8), para('Penutup.', 100), para('3', 810, 9)]),
    ]);
    expect(markdown).toBe('Capaian kinerja:\n\nNo\tSasaran\n1\tMeningkatnya daya tangkal\n2\tMeningkatnya pengawasan tahanan dan barang bukti\n3\tDNSK Sawu Lora\n\nSemua satker.\n\nPenutup.\n');
    const cell = locations.find((l) => l.kind === 'table-cell' && markdown.slice(l.start, l.end) === 'DNSK Sawu Lora');
    expect(cell).toMatchObject({ page: 2, line: 6, table: { index: 1, row: 4, column: 2 } });
  });

  it('joins a row split by the page whose rest starts with a bracket or a capital, but not a real row under a merged first cell', () => {
    const head = ['No', 'Sasaran', 'Indikator', 'Target'];
    const { markdown } = writeMarkdown([
      page(1, [table([head, ['14', 'Tata kelola', 'Nilai Indikator Anggaran', '97 Indeks'], ['15', 'Tata kelola', 'Jumlah satker dengan Nilai Indikator', '3 Satker']], 700)]),
      page(2, [table([head, ['', '', '(IKPA) mencapai target', ''], ['16', 'Reformasi', 'Nilai Zona Integritas', '75 Indeks']], 80)]),
    ]);
    expect(markdown.split('\n')).toEqual([
      'No\tSasaran\tIndikator\tTarget',
      '14\tTata kelola\tNilai Indikator Anggaran\t97 Indeks',
      '15\tTata kelola\tJumlah satker dengan Nilai Indikator (IKPA) mencapai target\t3 Satker',
      '16\tReformasi\tNilai Zona Integritas\t75 Indeks',
      '',
    ]);
    const next = writeMarkdown([
      page(1, [table([head, ['1', 'Nilai Kinerja Anggaran', '94.65 indeks', '89.56 indeks']], 700)]),
      page(2, [table([head, ['', 'Pelaksanaan Anggaran', '', '']], 80)]),
    ]).markdown;
    expect(next.split('\n')[1]).toBe('1\tNilai Kinerja Anggaran Pelaksanaan Anggaran\t94.65 indeks\t89.56 indeks');
    // Only the first line of each cell fit the page: the rest carries the words on, the figures do not come again.
    const late = writeMarkdown([
      page(1, [para('Meningkatnya daya tangkal keluarga.', 60), table([[...head, 'Satker'], ['2', 'Meningkat', '1. Larum', '3 Kab/Kota', 'b. KAN']], 700)]),
      page(2, [table([[...head, 'Satker'], ['', 'nya daya tangkal', 'ada data', '', 'KEMENDES KOTA']], 80)]),
    ]).markdown;
    // ("1. Larum" is a list label and a word, not a figure the row would give again.)
    expect(late.split('\n')[3]).toBe('2\tMeningkatnya daya tangkal\t1. Larum ada data\t3 Kab/Kota\tb. KAN KEMENDES KOTA');
    // Only the first line of each cell fit: the figures' units go on under them, the row number does not.
    const nine = ['No', 'Sasaran', 'Indikator', 'Satker', 'Target', 'Realisasi', '%', 'Satuan', 'Faktor'];
    const units = writeMarkdown([
      page(1, [para('Meningkatnya kualitas layanan.', 60), table([nine, ['8', 'Menin', 'Indeks', 'a.', '3.77', '3.77', '100.0', 'Persen', 'Faktor']], 700)]),
      page(2, [table([nine, ['', 'gkatnya kualitas', 'kepuasan', 'KANWIL', 'Indeks', 'Indeks', '%', '', 'keberhasilan']], 80)]),
    ]).markdown;
    expect(units.split('\n')[3]).toBe('8\tMeningkatnya kualitas\tIndeks kepuasan\ta. KANWIL\t3.77 Indeks\t3.77 Indeks\t100.0 %\tPersen\tFaktor keberhasilan');
    // A narrow first column cut the word, a narrow figure column the number.
    const narrow = writeMarkdown([
      page(1, [para('Meningkatkan upaya pemulihan.', 60), table([['Sasaran', 'Indikator', 'Target', 'Pagu'], ['Meningk', 'Persentas', '68 %', '33.105.0']], 700)]),
      page(2, [table([['Sasaran', 'Indikator', 'Target', 'Pagu'], ['atkan upaya pemulihan', 'e penyalah guna', '', '00']], 80)]),
    ]).markdown;
    expect(narrow.split('\n')[3]).toBe('Meningkatkan upaya pemulihan\tPersentase penyalah guna\t68 %\t33.105.000');
    // A header broken by the page, in capitals: the words it cut tell (the document writes "KOMPILASI" whole).
    const capitals = writeMarkdown([
      page(1, [para('Kompilasi capaian wilayah.', 60), table([['1', 'Nilai', 'a. Provinsi', '89', 'Indeks'], ['NO', 'SASARAN', 'KOMPILAS', 'TARGET', 'SATUAN']], 700)]),
      page(2, [table([['', 'KEGIATAN', 'I CAPAIAN WILAYAH', '', 'UKUR'], ['2', 'Nilai', 'a. Provinsi', '75', 'Indeks']], 80)]),
    ]).markdown;
    expect(capitals.split('\n').slice(3, 5)).toEqual(['NO\tSASARAN KEGIATAN\tKOMPILASI CAPAIAN WILAYAH\tTARGET\tSATUAN UKUR', '2\tNilai\ta. Provinsi\t75\tIndeks']);
    // A first column merged down the page: the row below fills its own figures.
    const merged = writeMarkdown([
      page(1, [table([['Sasaran', 'Indikator', 'Target', 'Realisasi'], ['Meningkatnya layanan', 'Indeks kepuasan', '3.77', '3.80']], 700)]),
      page(2, [table([['Sasaran', 'Indikator', 'Target', 'Realisasi'], ['', 'Jumlah lembaga', '1', '1']], 80)]),
    ]).markdown;
    expect(merged.split('\n')).toHaveLength(4);
  });

  it('parts two tables drawn as one grid, drops the repeated header of the second, keeps sub-rows apart, and mends a word the page cut', () => {
    const a = ['No', 'Indikator', 'Satker', 'Target', 'Realisasi'];
    const b = ['NO', 'INDIKATOR', 'SATKER', 'TARGET', 'REALISASI'];
    const { markdown } = writeMarkdown([
      page(1, [para('Satker Kota Wangga melapor.', 60), table([a, ['1', 'Nilai A', 'a. Satker Provinsi', '10', '12'], ['', 'Nilai A', 'b. Satker Kota', '9', '9'], b, ['2', 'Nilai B', 'a. Satker Provinsi', '87', '99,95']], 700)]),
      // The second table's header repeated by the page, then a sub-row whose label is in lower case.
      page(2, [table([b, ['', 'Nilai B', 'b. Satker Kota', '87', '98,98'], ['', 'Nilai B', 'c. Satker Kota Wangg', '-', '-']], 80)]),
      page(3, [table([b, ['', '', 'a', '', '']], 80)]),
    ]);
    expect(markdown.split('\n').slice(2)).toEqual([
      'No\tIndikator\tSatker\tTarget\tRealisasi',
      '1\tNilai A\ta. Satker Provinsi\t10\t12',
      '\tNilai A\tb. Satker Kota\t9\t9',
      // Two tables one under the other, as the draft wrote them.
      '',
      'NO\tINDIKATOR\tSATKER\tTARGET\tREALISASI',
      '2\tNilai B\ta. Satker Provinsi\t87\t99,95',
      '\tNilai B\tb. Satker Kota\t87\t98,98',
      '\tNilai B\tc. Satker Kota Wangga\t-\t-',
      '',
    ]);
  });

  it('joins a paragraph the page broke, with a location on each page, and leaves one that ended on the page alone', () => {
    const open = (text: string, y: number): PageBlock => ({ kind: 'paragraph', text, box: [72, y - 8, 300, y + 2], size: 10, bold: false, top: y - 8, bottom: y + 2, lines: 1, open: true });
    const { markdown, locations } = writeMarkdown([
      page(1, [para('Pendahuluan.', 100), open('Kegiatan Pengawasan dan Pengelolaan Barang Bukti Psikotika dan', 780)]),
      page(2, [para('Non-Psikotika. Realisasi 100 Indeks.', 80), open('Capaian sebesar 100 %, sesuai target.', 100)]),
      page(3, [para('Perbandingan dengan tahun lalu.', 80)]),
    ]);
    expect(markdown.split('\n\n')).toEqual([
      'Pendahuluan.',
      'Kegiatan Pengawasan dan Pengelolaan Barang Bukti Psikotika dan Non-Psikotika. Realisasi 100 Indeks.',
      'Capaian sebesar 100 %, sesuai target.',
      'Perbandingan dengan tahun lalu.\n',
    ]);
    const parts = locations.filter((l) => markdown.slice(l.start, l.end).includes('Psikotika'));
    expect(parts.map((l) => [l.page, markdown.slice(l.start, l.end)])).toEqual([
      [1, 'Kegiatan Pengawasan dan Pengelolaan Barang Bukti Psikotika dan'],
      [2, 'Non-Psikotika. Realisasi 100 Indeks.'],
    ]);
  });

  it('finds where a table starts again: its header repeated, or its sub-heading rows under another first row', () => {
    const cells = (rows: string[][]) => rows.map((r) => r.map((text) => ({ text, box: [0, 0, 1, 1] as BBox })));
    const rows = cells([
      ['Sasaran', 'Indikator', 'Anggaran', ''],
      ['', '', 'Pagu', 'Realisasi'],
      ['1', '2', '3', '4'],
      ['Daya tangkal', 'Indeks', '33.105.000', '20.795.000'],
      ['Kategori', 'Indikator', 'Anggaran', ''],
      ['', '', 'Pagu', 'Realisasi'],
      ['1', '2', '3', '4'],
      ['Layanan', 'Jumlah unit', '75.000.000', '75.000.000'],
      ['-', '-', '-', '-'],
      ['-', '-', '-', '-'],
    ]);
    expect(tableStarts(rows)).toEqual([0, 4]);
    // The header again with another word in one of its cells (a typo of the draft's).
    const typo = cells([
      ['No', 'Sasaran', 'Indikator', 'Kompliasi', 'Target'],
      ['12', 'Manajemen', 'Nilai', 'a. Provinsi', '89'],
      ['NO', 'SASARAN', 'INDIKATOR', 'KOMPILASI', 'TARGET'],
      ['', 'Manajemen', 'Nilai', 'd. Kabupaten', '80'],
    ]);
    expect(tableStarts(typo)).toEqual([0, 2]);
  });

  it('puts a row broken by the page back together as the lines of a cell', () => {
    const cells = (...texts: string[]) => texts.map((text) => ({ text, box: [0, 0, 1, 1] as BBox }));
    expect(joinSplitRow(cells('1', 'FAKTOR KEBERHASILAN', 'Kab/', '33.105.0', 'yang P-'), cells('', '/KEGAGALAN', 'Kota', '00', '21')).map((c) => c.text)).toEqual([
      '1',
      'FAKTOR KEBERHASILAN/KEGAGALAN',
      'Kab/Kota',
      '33.105.000',
      'yang P-21',
    ]);
  });

  it('marks headings by size', () => {
    const { markdown } = writeMarkdown([page(1, [para('BAB III AKUNTABILITAS KINERJA', 100, 14), para('Isi laporan yang panjang dalam huruf biasa, cukup panjang untuk menjadi teks badan.', 130), para('Isi lain.', 150)])]);
    expect(markdown.split('\n\n')[0]).toBe('# BAB III AKUNTABILITAS KINERJA');
  });
});
