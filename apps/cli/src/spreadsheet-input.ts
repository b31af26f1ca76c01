import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Locale } from '@lkip/engine';
import { parse as parseCsv } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { CliError, describeFsError } from './errors.js';
import { checkSize } from './read-draft.js';
import type { LocateInDocument } from './word-locations.js';

/**
 * Planning offices keep the PK and the realisations in spreadsheets. `lkip template` writes one
 * (one row per indicator × office); `lkip lint realisasi.csv|.xlsx` reads it back as the table
 * of a draft (a Markdown pipe table, which the reader knows), so every check that needs only a
 * table runs on it, and each finding names the cell (`Sheet1!G3`) the office can find.
 */

/** The template's columns, in the words of a PK table. */
export const TEMPLATE_COLUMNS = ['No', 'Indikator Kinerja', 'Satuan', 'Satker', 'Target', 'Realisasi', 'Capaian (%)'] as const;

/** Two offices, two indicators, figures that hold: the template lints clean as it is. */
const TEMPLATE_ROWS: readonly (readonly (string | number)[])[] = [
  [1, 'Persentase layanan rehabilitasi yang tuntas', '%', 'Kantor Provinsi', 80, 88, 110],
  [1, 'Persentase layanan rehabilitasi yang tuntas', '%', 'Kantor Kabupaten A', 75, 60, 80],
  [2, 'Nilai Zona Integritas', 'Indeks', 'Kantor Provinsi', 70, 72.1, 103],
  [2, 'Nilai Zona Integritas', 'Indeks', 'Kantor Kabupaten A', 70, 65, 92.86],
];

type Cell = string | number | boolean | null;

interface Sheet {
  name: string | undefined;
  rows: Cell[][];
}

/** The Markdown a spreadsheet is linted as, and where each of its table cells came from. */
export interface ConvertedSpreadsheet {
  markdown: string;
  locate: LocateInDocument;
}

/** Reads a .csv or .xlsx file's bytes; a damaged or empty one is a one-line CliError naming `label`. */
export async function convertSpreadsheet(path: string, bytes: Buffer, label: string): Promise<ConvertedSpreadsheet> {
  const sheets = extname(path).toLowerCase() === '.csv' ? [readCsv(bytes, label)] : await readXlsx(bytes, label);
  return toMarkdown(basename(path, extname(path)), sheets, extname(path).toLowerCase() === '.xlsx');
}

function readCsv(bytes: Buffer, label: string): Sheet {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const header = text.slice(0, text.search(/\r?\n|$/));
  // Excel writes `;` where the decimal mark is a comma (Indonesian settings), `,` elsewhere.
  const delimiter = [';', '\t', ','].map((d) => ({ d, n: header.split(d).length })).sort((a, b) => b.n - a.n)[0]?.d ?? ';';
  try {
    const rows = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
    return { name: undefined, rows };
  } catch (error) {
    throw new CliError(`${label}: cannot read CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function readXlsx(bytes: Buffer, label: string): Promise<Sheet[]> {
  try {
    const sheets = await readXlsxFile(bytes);
    return sheets.map((s) => ({ name: s.sheet, rows: s.data.map((row) => row.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v as Cell)))) }));
  } catch (error) {
    throw new CliError(`${label}: cannot read Excel workbook: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `A1` style: column letters, then the row number (both from 1). */
export function cellName(row: number, column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

function cellText(value: Cell): string {
  if (value === null) return '';
  // Numbers keep the figures the sheet stores; the reader reads point decimals.
  return String(value).replace(/\s*\r?\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
}

function toMarkdown(title: string, sheets: readonly Sheet[], named: boolean): ConvertedSpreadsheet {
  const spans: { start: number; end: number; sheet: string | undefined; cell: string }[] = [];
  let markdown = `# ${title}\n`;
  for (const sheet of sheets) {
    const rows = sheet.rows.map((r, i) => ({ cells: r, number: i + 1 })).filter((r) => r.cells.some((c) => cellText(c) !== ''));
    const first = rows[0];
    if (!first) continue;
    if (named && sheet.name !== undefined) markdown += `\n## ${sheet.name}\n`;
    const width = Math.max(...rows.map((r) => r.cells.length));
    markdown += '\n';
    rows.forEach((row, i) => {
      markdown += '|';
      for (let c = 0; c < width; c++) {
        const text = cellText(row.cells[c] ?? null);
        markdown += ' ';
        spans.push({ start: markdown.length, end: markdown.length + text.length, sheet: named ? sheet.name : undefined, cell: cellName(row.number, c + 1) });
        markdown += `${text} |`;
      }
      markdown += '\n';
      if (i === 0) markdown += `|${' --- |'.repeat(width)}\n`;
    });
  }
  if (spans.length === 0) throw new CliError(`${title}: empty file (the spreadsheet has no filled cells)`);
  const locate: LocateInDocument = (offset: number, locale: Locale) => {
    const span = spans.find((s) => offset >= s.start && offset <= s.end);
    if (!span) return undefined;
    // Excel's own reference: 'PK dan Realisasi'!G3 (quoted when the name is not one word).
    const sheet = span.sheet === undefined ? '' : /^[A-Za-z_][A-Za-z0-9_]*$/.test(span.sheet) ? `${span.sheet}!` : `'${span.sheet.replace(/'/g, "''")}'!`;
    const where = `${sheet}${span.cell}`;
    return locale === 'id' ? `sel ${where}` : `cell ${where}`;
  };
  return { markdown, locate };
}

/** `lkip template`: the PK-and-realisation sheet, as CSV (`;`, UTF-8 with BOM for Excel) or XLSX. */
export async function templateBytes(format: 'csv' | 'xlsx'): Promise<Buffer> {
  if (format === 'csv') {
    const quote = (v: string | number) => (typeof v === 'number' ? String(v).replace('.', ',') : /[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const lines = [TEMPLATE_COLUMNS, ...TEMPLATE_ROWS].map((row) => row.map(quote).join(';'));
    return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  }
  const header = TEMPLATE_COLUMNS.map((value) => ({ value, fontWeight: 'bold' as const }));
  const rows = TEMPLATE_ROWS.map((row) => row.map((value) => (typeof value === 'number' ? { value, type: Number } : { value, type: String })));
  return writeXlsxFile([header, ...rows], { sheet: 'PK dan Realisasi', columns: [{ width: 5 }, { width: 48 }, { width: 10 }, { width: 24 }, { width: 10 }, { width: 10 }, { width: 12 }] }).toBuffer();
}

/** A spreadsheet's size limit: cells are text, but a workbook may carry a logo or two. */
export const MAX_SPREADSHEET_BYTES = 20 * 1024 * 1024;

/** Reads a .csv/.xlsx file as `readDraftInput` reads drafts: one-line CliErrors naming `label`. */
export async function readSpreadsheetFile(path: string, label: string): Promise<{ bytes: Buffer; text: string; locate: LocateInDocument }> {
  let bytes: Buffer;
  try {
    checkSize((await stat(path)).size, label, MAX_SPREADSHEET_BYTES, 'spreadsheet');
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${label}: cannot read file: ${describeFsError(error)}`);
  }
  if (bytes.length === 0) throw new CliError(`${label}: empty file`);
  const { markdown, locate } = await convertSpreadsheet(path, bytes, label);
  return { bytes, text: markdown, locate };
}
