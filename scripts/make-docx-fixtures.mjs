#!/usr/bin/env node
// Generates the Word fixtures under fixtures/docx/ with the `docx` package:
//
// - from the project's own Markdown drafts (fixtures/ntt-2024/draft.md, fixtures/consistent-2024/draft.md):
//   paragraphs become Word paragraphs (a line break inside a paragraph stays a line break),
//   tab-separated and pipe tables become Word tables, `#` headings get Word's heading styles,
//   list items get Word's own bullets and numbering, `**bold**` and `*italic*` become run formatting;
//   everything else (figures, LaTeX, HTML comments) is kept as the text it is. Reading the .docx
//   back must give the same findings as the Markdown: the test in packages/parse/test/docx.test.ts.
// - small documents built directly, for what Markdown cannot say: merged cells, repeated header rows,
//   Word numbering (continued, restarted, nested, chapter labels), figures split across runs,
//   an equation.
//
// Usage: node scripts/make-docx-fixtures.mjs   (writes fixtures/docx/*.docx; commit them)
// Tests import `markdownToDocx` to build a .docx from the current Markdown in memory, so that a
// fixture being edited never compares against a stale .docx.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Math as WordMath,
  MathFraction,
  MathRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'fixtures', 'docx');

// docx stamps each file with the time it was made, so regenerated files differ in bytes even when
// their content does not: regenerate only when a source or this script changed.
const documentProperties = { creator: 'lkip make-docx-fixtures', lastModifiedBy: 'lkip make-docx-fixtures', revision: 1 };

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

// ---------------------------------------------------------------------------------------------
// Markdown → Word

/** `**bold**` and `*italic*` spans of a paragraph's text (which may hold line breaks). */
function styledSpans(text) {
  const spans = [];
  const pattern = /\*\*([^*]+?)\*\*|(?<![*\w])\*([^*\s](?:[^*]*?[^*\s])?)\*(?![*\w])/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) spans.push({ text: text.slice(last, m.index) });
    spans.push(m[1] !== undefined ? { text: m[1], bold: true } : { text: m[2], italics: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) spans.push({ text: text.slice(last) });
  return spans;
}

/** Runs for a paragraph's lines: a Word line break (`<w:br/>`) where the Markdown had a newline. */
function runsOf(lines) {
  const runs = [];
  let pendingBreak = false;
  for (const span of styledSpans(lines.join('\n'))) {
    span.text.split('\n').forEach((part, i) => {
      if (i > 0) pendingBreak = true;
      if (part === '') return;
      runs.push(new TextRun({ text: part, bold: span.bold, italics: span.italics, ...(pendingBreak ? { break: 1 } : {}) }));
      pendingBreak = false;
    });
  }
  return runs;
}

const PIPE_DELIMITER = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

function splitPipeRow(line) {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  const cells = [];
  let cell = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && body[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (body[i] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += body[i];
  }
  cells.push(cell.trim());
  return cells;
}

function wordTable(rows, options = {}) {
  const width = Math.max(...rows.map((r) => r.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          // "Repeat as header row": Word and LibreOffice print the first row again on every page of a long table.
          ...(options.repeatHeader && r === 0 ? { tableHeader: true } : {}),
          children: Array.from({ length: width }, (_, c) => new TableCell({ children: [new Paragraph({ children: runsOf([cells[c] ?? '']) })] })),
        }),
    ),
  });
}

const ORDERED = /^(\s*)(\d{1,9})([.)])\s+(.*)$/;
const BULLET = /^(\s*)[-*+]\s+(.*)$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;

/**
 * Reads a Markdown draft line by line, the way its structure shows in a plain-text editor:
 * blank lines end blocks, runs of tab lines are tables, `|` tables with a delimiter row are
 * tables. Numbered items become Word numbering that starts where the Markdown list starts.
 * `options.repeatHeader`: tables repeat their first row on each page; `options.wideTable(rows)`:
 * a table it accepts is returned as `{ wideTable: Table }` among the children, for a caller
 * that puts it in a landscape section (fixtures/pdf/make-pdfs.mjs).
 */
export function markdownToWord(text, options = {}) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const children = [];
  const numberingConfigs = new Map();
  let listInstance = 0;
  let currentList; // { reference, instance, kind }
  let paragraph = []; // lines of the paragraph or list item being collected
  let paragraphKind; // undefined | { kind: 'bullet'|'ordered', level, reference, instance }

  const orderedReference = (delimiter, start) => {
    const reference = `ordered-${delimiter === ')' ? 'paren' : 'dot'}-${start}`;
    if (!numberingConfigs.has(reference)) {
      numberingConfigs.set(reference, {
        reference,
        levels: [0, 1, 2].map((level) => ({
          level,
          format: level === 1 ? LevelFormat.LOWER_LETTER : LevelFormat.DECIMAL,
          text: `%${level + 1}${delimiter}`,
          start: level === 0 ? start : 1,
          alignment: AlignmentType.START,
        })),
      });
    }
    return reference;
  };
  numberingConfigs.set('bullets', {
    reference: 'bullets',
    levels: [0, 1, 2].map((level) => ({ level, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START })),
  });

  const flush = () => {
    if (paragraph.length === 0) return;
    const runs = runsOf(paragraph.map((l) => l.trim()));
    if (paragraphKind) {
      children.push(new Paragraph({ children: runs, numbering: { reference: paragraphKind.reference, level: paragraphKind.level, instance: paragraphKind.instance } }));
    } else {
      children.push(new Paragraph({ children: runs }));
    }
    paragraph = [];
    paragraphKind = undefined;
  };
  const endList = () => {
    currentList = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      flush();
      // A blank line between two items keeps the list (a loose list); anything else ends it.
      const next = lines.slice(i + 1).find((l) => l.trim() !== '');
      if (!next || !(ORDERED.test(next) || BULLET.test(next))) endList();
      continue;
    }
    if (line.includes('\t')) {
      flush();
      endList();
      const rows = [];
      while (i < lines.length && lines[i].includes('\t') && lines[i].trim() !== '') rows.push(lines[i++].split('\t').map((c) => c.trim()));
      i--;
      const table = wordTable(rows, options);
      children.push(options.wideTable?.(rows) ? { wideTable: table } : table);
      continue;
    }
    if (line.trimStart().startsWith('|') && PIPE_DELIMITER.test(lines[i + 1] ?? '') && (lines[i + 1] ?? '').includes('-')) {
      flush();
      endList();
      const rows = [splitPipeRow(line)];
      i += 2;
      while (i < lines.length && lines[i].trimStart().startsWith('|')) rows.push(splitPipeRow(lines[i++]));
      i--;
      const table = wordTable(rows, options);
      children.push(options.wideTable?.(rows) ? { wideTable: table } : table);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      endList();
      children.push(new Paragraph({ heading: HEADINGS[heading[1].length - 1], children: runsOf([heading[2]]) }));
      continue;
    }
    const ordered = ORDERED.exec(line);
    const bullet = ordered ? undefined : BULLET.exec(line);
    if (ordered || bullet) {
      flush();
      const indent = (ordered ?? bullet)[1].replace(/\t/g, '    ').length;
      const level = Math.min(2, Math.floor(indent / 2));
      const kind = ordered ? 'ordered' : 'bullet';
      if (!currentList || currentList.kind !== kind || (ordered && level === 0 && currentList.delimiter !== ordered[3])) {
        listInstance++;
        currentList = ordered
          ? { kind, reference: orderedReference(ordered[3], Number(ordered[2])), instance: listInstance, delimiter: ordered[3] }
          : { kind, reference: 'bullets', instance: listInstance };
      }
      paragraphKind = { kind, level, reference: currentList.reference, instance: currentList.instance };
      paragraph.push(ordered ? ordered[4] : bullet[2]);
      continue;
    }
    if (paragraph.length === 0) endList();
    paragraph.push(line);
  }
  flush();
  return { children, numbering: { config: [...numberingConfigs.values()] } };
}

// ---------------------------------------------------------------------------------------------
// Small documents built directly

const text = (t, options = {}) => new Paragraph({ children: [new TextRun({ text: t, ...options })] });
const cell = (t, options = {}) => new TableCell({ children: [text(t)], ...options });

/** The first table of fixtures/edge-cases/merged-header.md, as Word draws it: merged header cells, merged "Sasaran" cells. */
function mergedCells() {
  const headerRow = (cells) => new TableRow({ tableHeader: true, children: cells });
  return {
    children: [
      text('LAMPIRAN'),
      text('Tabel 1 Ringkasan Laporan Realisasi Capaian Target dan Anggaran Tahun 2024'),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          headerRow([
            cell('Sasaran Kegiatan', { rowSpan: 2 }),
            cell('Indikator Kinerja Kegiatan', { rowSpan: 2 }),
            cell('Target', { rowSpan: 2 }),
            cell('Realisasi', { rowSpan: 2 }),
            cell('%', { rowSpan: 2 }),
            cell('Anggaran', { columnSpan: 3 }),
          ]),
          headerRow([cell('Pagu'), cell('Realisasi'), cell('%')]),
          new TableRow({
            children: [
              new TableCell({ children: [text('Meningkatnya upaya pemulihan penyalahguna narkotika')], verticalMerge: VerticalMergeType.RESTART }),
              cell('Persentase penyalahguna yang mengalami peningkatan kualitas hidup'),
              cell('70 %'),
              cell('84 %'),
              cell('120.00'),
              cell('100.000.000'),
              cell('95.000.000'),
              cell('95.00'),
            ],
          }),
          new TableRow({
            children: [
              new TableCell({ children: [new Paragraph('')], verticalMerge: VerticalMergeType.CONTINUE }),
              cell('Jumlah petugas penyelenggara layanan IBM yang terlatih'),
              cell('10 Orang'),
              cell('10 Orang'),
              cell('100.00'),
              cell('-'),
              cell('-'),
              cell('-'),
            ],
          }),
          new TableRow({ children: [cell('Total', { columnSpan: 5 }), cell('100.000.000'), cell('95.000.000'), cell('95.00')] }),
        ],
      }),
    ],
  };
}

/** A header row repeated on every page, a column-number row under it, then data. */
function headerRows() {
  return {
    children: [
      text('Tabel 3.2 Capaian Indikator Kinerja Kegiatan'),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: ['No', 'Satker', 'Target', 'Realisasi', 'Capaian'].map((t) => cell(t)) }),
          new TableRow({ tableHeader: true, children: ['1', '2', '3', '4', '5'].map((t) => cell(t)) }),
          new TableRow({ children: ['1', 'BNNP NTT', '3 Kab/Kota', '2 Kab/Kota', '66.67 %'].map((t) => cell(t)) }),
          new TableRow({ children: ['2', 'BNNK Belu', '56.20 Indeks', '55.55 Indeks', '98.84 %'].map((t) => cell(t)) }),
        ],
      }),
    ],
  };
}

/** Word numbering: continued across a paragraph and a table, restarted, nested, chapter labels. */
function numberedLists() {
  const numbering = {
    config: [
      {
        reference: 'chapters',
        levels: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: 'BAB %1', start: 1, alignment: AlignmentType.START }],
      },
      {
        reference: 'indicators',
        levels: [
          { level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: 1, alignment: AlignmentType.START },
          { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2.', start: 1, alignment: AlignmentType.START },
        ],
      },
      {
        reference: 'sections',
        levels: [{ level: 0, format: LevelFormat.UPPER_LETTER, text: '%1.', start: 1, alignment: AlignmentType.START }],
      },
      {
        reference: 'bullets',
        levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START }],
      },
    ],
  };
  const item = (t, reference, level = 0, instance) => new Paragraph({ children: [new TextRun(t)], numbering: { reference, level, ...(instance !== undefined ? { instance } : {}) } });
  return {
    numbering,
    children: [
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('PENDAHULUAN')], numbering: { reference: 'chapters', level: 0 } }),
      item('GAMBARAN UMUM', 'sections'),
      item('DASAR HUKUM', 'sections'),
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('AKUNTABILITAS KINERJA')], numbering: { reference: 'chapters', level: 0 } }),
      item('Indikator Kinerja Kegiatan Jumlah Kabupaten/Kota berkategori Tinggi', 'indicators'),
      item('Kegiatan pelatihan remaja', 'indicators', 1),
      item('Kegiatan pembentukan relawan', 'indicators', 1),
      item('Indikator Kinerja Kegiatan Jumlah petugas yang terlatih', 'indicators'),
      text('Paragraf penjelasan di antara butir bernomor.'),
      new Table({ rows: [new TableRow({ children: [cell('Target'), cell('Realisasi')] }), new TableRow({ children: [cell('10 Orang'), cell('10 Orang')] })] }),
      item('Indikator Kinerja Kegiatan Nilai Zona Integritas', 'indicators'),
      text('Daftar baru:'),
      item('Butir pertama daftar baru', 'indicators', 0, 2),
      item('Butir kedua daftar baru', 'indicators', 0, 2),
      item('Butir bertanda', 'bullets'),
      item('Butir bertanda kedua', 'bullets'),
    ],
  };
}

/** Figures typed in pieces: Word keeps each edit in its own run, mammoth joins them back. */
function splitRuns() {
  return {
    children: [
      new Paragraph({ children: [new TextRun('Realisasi Indeks Kepuasan sebesar '), new TextRun('94.'), new TextRun('50 Indeks'), new TextRun(' dari target 3.77.')] }),
      new Paragraph({ children: [new TextRun('Capaian '), new TextRun({ text: '12', bold: true }), new TextRun({ text: ',5', bold: true }), new TextRun(' %, anggaran Rp '), new TextRun('1.'), new TextRun({ text: '250.000', italics: true }), new TextRun(',-')] }),
      new Paragraph({ children: [new TextRun('Nilai '), new TextRun({ text: '88,', bold: true }), new TextRun('929'), new TextRun(' dibandingkan 87,589.')] }),
      new Table({
        rows: [
          new TableRow({ children: [cell('Satker'), cell('Realisasi')] }),
          new TableRow({ children: [cell('BNNK Belu'), new TableCell({ children: [new Paragraph({ children: [new TextRun('55.'), new TextRun('55'), new TextRun(' Indeks')] })] })] }),
        ],
      }),
    ],
  };
}

/** A "Perhitungan Capaian" fraction written with Word's equation editor. */
function equation() {
  return {
    children: [
      text('Perhitungan Capaian:'),
      new Paragraph({
        children: [
          new TextRun('Capaian = '),
          new WordMath({
            children: [new MathFraction({ numerator: [new MathRun('4 Berkas Perkara')], denominator: [new MathRun('3 Berkas Perkara')] }), new MathRun('× 100% = 133%')],
          }),
        ],
      }),
    ],
  };
}

// ---------------------------------------------------------------------------------------------

function wordDocument(name, { children, numbering }) {
  return new Document({
    ...documentProperties,
    title: name,
    ...(numbering ? { numbering } : {}),
    sections: [{ children }],
  });
}

/** The bytes of a .docx made from a Markdown draft (see the top of this file for what is kept). */
export async function markdownToDocx(markdown, name = 'draft.docx') {
  return Packer.toBuffer(wordDocument(name, markdownToWord(markdown)));
}

async function write(name, content) {
  const buffer = await Packer.toBuffer(wordDocument(name, content));
  writeFileSync(join(outDir, name), buffer);
  console.log(`wrote fixtures/docx/${name} (${buffer.length} bytes)`);
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  for (const [source, name] of [
    ['fixtures/ntt-2024/draft.md', 'ntt-2024.docx'],
    ['fixtures/consistent-2024/draft.md', 'consistent-2024.docx'],
  ]) {
    const path = join(root, source);
    if (!existsSync(path)) {
      console.log(`skipped ${name}: ${source} does not exist yet`);
      continue;
    }
    await write(name, markdownToWord(readFileSync(path, 'utf8')));
  }
  await write('merged-cells.docx', mergedCells());
  await write('header-rows.docx', headerRows());
  await write('numbered-lists.docx', numberedLists());
  await write('split-runs.docx', splitRuns());
  await write('equation.docx', equation());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
