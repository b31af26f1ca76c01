import { readFile, stat } from 'node:fs/promises';
import type { DocxLocation } from '@lkip/parse';
import { CliError, describeFsError } from './errors.js';
import { isDocxPath } from './files.js';
import { MAX_DRAFT_BYTES, checkSize, readDraftFile, type DraftEncoding } from './read-draft.js';
import type { LocateInDocument } from './word-locations.js';

/**
 * A Word file holds its pictures too: a 20-page LKIP with photographs of activities easily
 * weighs 30 MB while its text is a few hundred KB. The file may be this big; its converted
 * text must still fit MAX_DRAFT_BYTES.
 */
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;

/** A draft as the linter reads it: text as it is on disk, or a Word document converted to Markdown. */
export interface DraftInput {
  kind: 'text' | 'docx';
  /** The bytes on disk (the cache keys on them). */
  bytes: Buffer;
  /** The text the reader parses: the decoded file, or the Markdown converted from Word. */
  text: string;
  /** How a text draft is stored, for `--fix`; a Word draft is never written back. */
  encoding: DraftEncoding;
  /** For a Word draft: where each paragraph and table cell of `text` is in the document. */
  locations?: DocxLocation[];
  /** For a Word draft: the place in the document of an offset in `text`, in words. */
  locate?: LocateInDocument;
}

/**
 * Reads a draft for linting, or throws a one-line CliError naming `label`: unreadable, too
 * large, binary, invalid UTF-8, a damaged Word file, or empty.
 */
export async function readDraftInput(path: string, label: string): Promise<DraftInput> {
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
