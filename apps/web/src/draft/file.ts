/**
 * Drafts arrive as bytes from a file picker, a drop or `lkip view`, and leave as a download or
 * a save. They must leave exactly as `lkip lint --fix` would write them: same encoding, same
 * byte-order mark, same line ends. The editor and the linter see LF text in between.
 */
// The reader's own line-end handling, by path: through '@lkip/parse' the page's bundle would
// take in the whole reader, which only the worker needs.
import { restoreLineEndings as restoreShared, splitLineEndings as splitShared, type LineEndings } from '../../../../packages/parse/src/text/line-endings.ts';

export type { Eol, LineEndings } from '../../../../packages/parse/src/text/line-endings.ts';
export type DraftEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';
export interface DraftText {
  /** LF text: what the editor holds and the linter reads. */
  text: string;
  lineEndings: LineEndings;
}

export class DraftReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DraftReadError';
  }
}

// The CLI calls a file binary on a NUL byte in its first 8 KB, as git does; so does the viewer.
const BINARY_SNIFF_BYTES = 8192;

export function decodeDraftBytes(bytes: Uint8Array): { text: string; encoding: DraftEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) throw new DraftReadError('binary');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text: decode('utf-8', bom ? bytes.subarray(3) : bytes), encoding: bom ? 'utf-8-bom' : 'utf-8' };
}

function decode(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  try {
    // ignoreBOM keeps a second mark as text; the first one was stripped above.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new DraftReadError('encoding');
  }
}

export function encodeDraftText(text: string, encoding: DraftEncoding): Uint8Array<ArrayBuffer> {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return concat(new Uint8Array([0xef, 0xbb, 0xbf]), new TextEncoder().encode(text));
    case 'utf-16le':
    case 'utf-16be': {
      const out = new Uint8Array(2 + text.length * 2);
      const view = new DataView(out.buffer);
      const little = encoding === 'utf-16le';
      view.setUint16(0, 0xfeff, little);
      for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), little);
      return out;
    }
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** CRLF to LF, remembering each line's own ending (drafts from Windows mix both). */
export function splitLineEndings(text: string): DraftText {
  const { lf, lineEndings } = splitShared(text);
  return { text: lf, lineEndings };
}

/** LF text back to the draft's own endings: per line while the line count is unchanged. */
export function restoreLineEndings(lf: string, original: LineEndings): string {
  return restoreShared(lf, original).text;
}

export const LF_ONLY: LineEndings = { endings: [], dominant: '\n', hasCrlf: false };

/** The extensions the file picker offers; anything else is refused before reading. */
export const DRAFT_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx', '.pdf'] as const;
/** What the picker's `accept` lists. */
export const ACCEPT = DRAFT_EXTENSIONS.join(',');

export function isDraftName(name: string): boolean {
  const lower = name.toLowerCase();
  return DRAFT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export function isDocxName(name: string): boolean {
  return name.toLowerCase().endsWith('.docx');
}

export function isPdfName(name: string): boolean {
  return name.toLowerCase().endsWith('.pdf');
}

/**
 * The sizes `lkip lint` reads (apps/cli/src/read-draft.ts, read-input.ts): a text draft up to
 * 5 MB; a Word document or a PDF up to 50 MB (pictures, fonts), whose text must still fit 5 MB. The viewer
 * reads no more than the CLI, and `lkip view` saves no more than it reads.
 */
export const MAX_DRAFT_BYTES = 5 * 1024 * 1024;
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;
export const MAX_PDF_BYTES = 50 * 1024 * 1024;

export function describeSize(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The limit a file of this name is read up to. */
export function sizeLimitOf(name: string): number {
  return isDocxName(name) ? MAX_DOCX_BYTES : isPdfName(name) ? MAX_PDF_BYTES : MAX_DRAFT_BYTES;
}

/** The name a download of the editor's text gets: a Word draft's or a PDF's Markdown form is a .md file. */
export function downloadName(name: string): string {
  return isDocxName(name) || isPdfName(name) ? name.replace(/\.(docx|pdf)$/i, '.md') : name;
}
