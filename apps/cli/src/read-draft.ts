import { readFile, stat } from 'node:fs/promises';
import { CliError, describeFsError } from './errors.js';

/**
 * The largest text draft lkip reads. Real LKIP drafts are 0.1–1 MB. Measured with `pnpm bench`
 * (the 250 KB real draft repeated; CPU time of one lint in a child process, on a loaded 2-core
 * machine): 0.25 MB 1.7 s and 140 MB peak, 1 MB 5.1 s and 189 MB, 5 MB 41.9 s and 358 MB — 24×
 * the time and 2.6× the memory of the real draft (before the Markdown parser read drafts in
 * pieces: 1 MB 5.2 s, 5 MB 67.8 s and 737 MB). Past 5 MB a draft is refused up front rather than
 * left to look like a hang. Documented in `lkip lint --help` and apps/cli/README.md.
 */
export const MAX_DRAFT_BYTES = 5 * 1024 * 1024;

export function describeSize(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Throws the one-line refusal when `size` is over `limit`. */
export function checkSize(size: number, label: string, limit = MAX_DRAFT_BYTES, what = 'draft'): void {
  if (size > limit) throw new CliError(`${label}: ${what} too large (${describeSize(size)}; lkip reads drafts up to ${describeSize(limit)})`);
}

/** How the file was stored, so that `--fix` writes it back the same way. */
export type DraftEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export interface DecodedDraft {
  /** The text without its byte-order mark; positions in findings count from here. */
  text: string;
  encoding: DraftEncoding;
}

// git and grep look at the first 8 KB for a NUL byte to call a file binary; drafts exported
// from Word or a PDF converter as .docx/.pdf but named .md land here.
const BINARY_SNIFF_BYTES = 8192;

/** Decodes a draft's bytes or throws a one-line `CliError` naming `label`. */
export function decodeDraft(bytes: Uint8Array, label: string): DecodedDraft {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeStrict('utf-16le', bytes, label), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeStrict('utf-16be', bytes, label), encoding: 'utf-16be' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) throw new CliError(`${label}: binary file, not a draft`);
  try {
    // TextDecoder drops a leading BOM by itself (ignoreBOM defaults to false).
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = at < 0 ? 1 : countNewlines(bytes, at) + 1;
    // Drafts saved by older Windows tools are often Windows-1252; say what to do about it.
    throw new CliError(`${label}: invalid UTF-8 at line ${line} (byte ${Math.max(at, 0)}); save the draft as UTF-8`);
  }
}

function decodeStrict(encoding: 'utf-16le' | 'utf-16be', bytes: Uint8Array, label: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${label}: invalid ${encoding.toUpperCase()} text`);
  }
}

/** Encodes text back the way `decodeDraft` found it. */
export function encodeDraft(text: string, encoding: DraftEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}

export interface DraftFile extends DecodedDraft {
  bytes: Buffer;
}

export async function readDraftFile(path: string, label: string): Promise<DraftFile> {
  let bytes: Buffer;
  try {
    // Checked before reading: a 2 GB file must not be read into memory only to be refused.
    checkSize((await stat(path)).size, label);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${label}: cannot read file: ${describeFsError(error)}`);
  }
  return { bytes, ...decodeDraft(bytes, label) };
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}
