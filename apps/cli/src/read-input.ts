import { readFile, stat } from 'node:fs/promises';
import type { DocxLocation } from '@lkip/parse';
import { CliError, describeFsError } from './errors.js';
import { isDocxPath, isJsonPath, isPdfPath, isSpreadsheetPath } from './files.js';
import { MAX_DRAFT_BYTES, checkSize, readDraftFile, type DraftEncoding } from './read-draft.js';
import type { PdfLocation } from '@lkip/pdf';
import type { LocateInDocument, PlaceOnPage } from './word-locations.js';

/**
 * A Word file holds its pictures too: a 20-page LKIP with photographs of activities easily
 * weighs 30 MB while its text is a few hundred KB. The file may be this big; its converted
 * text must still fit MAX_DRAFT_BYTES.
 */
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;

/** A PDF carries its page images and fonts: the same allowance as a Word file. */
export const MAX_PDF_BYTES = 50 * 1024 * 1024;

/** A draft as the linter reads it: text as it is on disk, or a Word document converted to Markdown. */
export interface DraftInput {
  /** `json`: a document model (`lkip extract`'s output, or another system's), not a draft. */
  kind: 'text' | 'docx' | 'pdf' | 'json' | 'spreadsheet';
  /** The bytes on disk (the cache keys on them). */
  bytes: Buffer;
  /** The text the reader parses: the decoded file, or the Markdown converted from Word. */
  text: string;
  /** How a text draft is stored, for `--fix`; a Word draft is never written back. */
  encoding: DraftEncoding;
  /** For a Word draft: where each paragraph and table cell of `text` is in the document. */
  locations?: DocxLocation[];
  /** For a Word draft or a PDF: the place in the document of an offset in `text`, in words ("hlm. 37"). */
  locate?: LocateInDocument;
  /** For a PDF: where each paragraph and table cell of `text` is, page and box. */
  pdfLocations?: PdfLocation[];
  /** For a PDF: the page and box of an offset in `text`. */
  place?: PlaceOnPage;
}

/**
 * Reads a draft for linting, or throws a one-line CliError naming `label`: unreadable, too
 * large, binary, invalid UTF-8, a damaged Word file, or empty.
 */
export async function readDraftInput(path: string, label: string): Promise<DraftInput> {
  if (isJsonPath(path)) {
    // Loaded only for a JSON model: it brings ajv, which a draft's lint never needs.
    const { readJsonModelFile } = await import('./json-input.js');
    return { kind: 'json', ...(await readJsonModelFile(path, label)), encoding: 'utf-8' };
  }
  if (isSpreadsheetPath(path)) {
    // Loaded for a spreadsheet only: its readers (read-excel-file, fflate) cost every other lint ~13 ms to load.
    const { readSpreadsheetFile } = await import('./spreadsheet-input.js');
    return { kind: 'spreadsheet', ...(await readSpreadsheetFile(path, label)), encoding: 'utf-8' };
  }
  if (isPdfPath(path)) return readPdfInput(path, label);
  if (!isDocxPath(path)) {
    const draft = await readDraftFile(path, label);
    if (draft.text.trim() === '') throw new CliError(`${label}: empty file`);
    return { kind: 'text', bytes: draft.bytes, text: draft.text, encoding: draft.encoding };
  }
  let bytes: Buffer;
  try {
    checkSize((await stat(path)).size, label, MAX_DOCX_BYTES, 'Word document');
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${label}: cannot read file: ${describeFsError(error)}`);
  }
  if (bytes.length === 0) throw new CliError(`${label}: empty file`);
  // Loaded here only: reading Word files pulls in mammoth and a zip reader.
  const { convertDocx, DocxError, docxLocationAt, describeDocxLocation } = await import('@lkip/parse');
  let converted: Awaited<ReturnType<typeof convertDocx>>;
  try {
    converted = await convertDocx(bytes);
  } catch (error) {
    if (error instanceof DocxError) throw new CliError(`${label}: ${error.message}`);
    throw new CliError(`${label}: cannot read Word document: ${error instanceof Error ? error.message : String(error)}`);
  }
  checkSize(Buffer.byteLength(converted.markdown, 'utf8'), label, MAX_DRAFT_BYTES, 'text of the Word document');
  if (converted.markdown.trim() === '') throw new CliError(`${label}: empty file (the Word document has no text)`);
  const { locations } = converted;
  const locate: LocateInDocument = (offset, locale) => {
    const location = docxLocationAt(locations, offset);
    return location && describeDocxLocation(location, locale);
  };
  return { kind: 'docx', bytes, text: converted.markdown, encoding: 'utf-8', locations, locate };
}

async function readBinary(path: string, label: string, limit: number, what: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    checkSize((await stat(path)).size, label, limit, what);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${label}: cannot read file: ${describeFsError(error)}`);
  }
  if (bytes.length === 0) throw new CliError(`${label}: empty file`);
  return bytes;
}

/**
 * A PDF's text layer as Markdown (packages/pdf): read page by page, findings placed on their
 * page ("hlm. 37") and box. A scan, an encrypted, damaged or truncated file, or one that is not
 * a PDF is refused on one line.
 */
async function readPdfInput(path: string, label: string): Promise<DraftInput> {
  const bytes = await readBinary(path, label, MAX_PDF_BYTES, 'PDF');
  // Loaded here only: pdf.js is the largest dependency of the CLI.
  const { convertPdf, PdfError, pdfLocationAt, describePdfPage } = await import('@lkip/pdf');
  let converted: Awaited<ReturnType<typeof convertPdf>>;
  try {
    converted = await convertPdf(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    if (error instanceof PdfError) throw new CliError(`${label}: ${error.message}`);
    throw new CliError(`${label}: cannot read PDF: ${error instanceof Error ? error.message.replace(/\s+/g, ' ') : String(error)}`);
  }
  checkSize(Buffer.byteLength(converted.markdown, 'utf8'), label, MAX_DRAFT_BYTES, 'text of the PDF');
  const { locations } = converted;
  const locate: LocateInDocument = (offset, locale) => {
    const location = pdfLocationAt(locations, offset);
    return location && describePdfPage(location.page, locale);
  };
  const place: PlaceOnPage = (offset) => {
    const location = pdfLocationAt(locations, offset);
    return location && { page: location.page, bbox: location.bbox };
  };
  return { kind: 'pdf', bytes, text: converted.markdown, encoding: 'utf-8', locate, pdfLocations: locations, place };
}
