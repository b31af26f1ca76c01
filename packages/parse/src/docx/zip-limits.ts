import { Inflate } from 'fflate';
import { DocxError } from './errors.js';

/**
 * The most XML a Word package may unpack to. A 300-page LKIP's parts are 10–30 MB of XML (its
 * text is about a quarter of that); mammoth holds a few times this much while converting. A
 * 63 KB zip bomb unpacked to 1.3 GB before this was checked.
 */
export const MAX_PACKAGE_XML_BYTES = 64 * 1024 * 1024;
/**
 * The most a Word package may unpack to, every part counted: pictures, fonts and embedded files
 * as well as XML. The converter never reads those, but rewriting the document part (list labels,
 * equations: package-parts.ts) repacks the whole package through JSZip, which unpacks every part
 * to store it, so a "picture" that is a zip bomb would be unpacked there. Pictures barely compress
 * (a 50 MB Word file, the file limit, of photographs unpacks to about 50 MB); four times the file
 * limit leaves room for charts saved as EMF or BMP, which do.
 */
export const MAX_PACKAGE_BYTES = 200 * 1024 * 1024;
/** Parts of one package: Word writes 15–200. */
export const MAX_PACKAGE_ENTRIES = 10_000;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As the central directory says; `checkPackageSize` makes sure no part unpacks to more. */
  size: number;
  localHeader: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function damaged(why: string): DocxError {
  return new DocxError(`damaged Word document (${why})`);
}

/** The entries of a zip archive, from its central directory; nothing is unpacked. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  let eocd = -1;
  // The end record is 22 bytes plus a comment of up to 65 535.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd === -1) throw damaged('no zip directory');
  let count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(locator) !== ZIP64_LOCATOR) throw damaged('no zip64 directory');
    const record = u64(locator + 8);
    if (record + 56 > bytes.length || u32(record) !== ZIP64_EOCD) throw damaged('no zip64 directory');
    count = u64(record + 32);
    offset = u64(record + 48);
  }
  if (count > MAX_PACKAGE_ENTRIES) throw new DocxError(`a Word package of ${count} parts; lkip reads packages of up to ${MAX_PACKAGE_ENTRIES}`);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== CENTRAL) throw damaged('zip directory cut short');
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    if (at + 46 + nameLength + extraLength > bytes.length) throw damaged('zip directory cut short');
    let size = u32(at + 24);
    let compressedSize = u32(at + 20);
    let localHeader = u32(at + 42);
    // Zip64: the 32-bit fields hold 0xffffffff and the values sit in extra field 1, in this order.
    if (size === 0xffffffff || compressedSize === 0xffffffff || localHeader === 0xffffffff) {
      const wide = zip64Extra(view, at + 46 + nameLength, extraLength);
      if (size === 0xffffffff) size = wide.shift() ?? Infinity;
      if (compressedSize === 0xffffffff) compressedSize = wide.shift() ?? Infinity;
      if (localHeader === 0xffffffff) localHeader = wide.shift() ?? Infinity;
    }
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, method: u16(at + 10), compressedSize, size, localHeader });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function zip64Extra(view: DataView, start: number, length: number): number[] {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 1) {
      const values: number[] = [];
      for (let k = at + 4; k + 8 <= at + 4 + size; k += 8) values.push(Number(view.getBigUint64(k, true)));
      return values;
    }
    at += 4 + size;
  }
  return [];
}

/** Images, fonts and embedded objects: never read by the converter (it skips images, see index.ts). */
const NOT_READ = /\.(?:png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|wdp|hdp|jxr|ico|webp|odttf|ttf|otf|bin|ole|mp3|mp4|wav|avi|mov|wmv|xlsx|xlsm|docx|pptx|vsdx?)$/i;

export interface PackageLimits {
  /** What the converter reads: every part but pictures, fonts and embedded files. */
  xml?: number;
  /** Every part. */
  all?: number;
}

/**
 * Refuses a package whose parts would unpack to more than the limits: the XML the converter
 * reads past `xml`, or all parts together (pictures, fonts, embedded files too) past `all`.
 * Checked before anything is unpacked for conversion: first by the sizes the central directory
 * gives, then by unpacking each part with a running count that stops as soon as it passes the
 * size its header gave (a lying header) or what is left of either limit. Memory stays at a few MB
 * whatever the package holds.
 */
export function checkPackageSize(bytes: Uint8Array, limits: PackageLimits = {}): void {
  const xmlLimit = limits.xml ?? MAX_PACKAGE_XML_BYTES;
  const allLimit = limits.all ?? MAX_PACKAGE_BYTES;
  const parts = zipEntries(bytes)
    .filter((e) => !e.name.endsWith('/'))
    .map((entry) => ({ entry, read: !NOT_READ.test(entry.name) }));
  const declaredXml = parts.reduce((n, p) => n + (p.read ? p.entry.size : 0), 0);
  if (declaredXml > xmlLimit) throw tooLarge(declaredXml, xmlLimit, 'of XML');
  const declaredAll = parts.reduce((n, p) => n + p.entry.size, 0);
  if (declaredAll > allLimit) throw tooLarge(declaredAll, allLimit, 'with its pictures and embedded files');
  let xml = 0;
  let all = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const { entry, read } of parts) {
    let size: number;
    if (entry.method !== 8) {
      // Stored parts take no more room unpacked than in the file; other methods the zip reader refuses.
      size = entry.compressedSize;
    } else {
      const at = entry.localHeader;
      if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw damaged(`part ${entry.name} not found`);
      const dataStart = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
      const data = bytes.subarray(dataStart, Math.min(bytes.length, dataStart + entry.compressedSize));
      const left = Math.min(allLimit - all, read ? xmlLimit - xml : Infinity);
      size = inflatedSize(data, Math.min(entry.size, left));
      if (size > entry.size) throw damaged(`part ${entry.name} unpacks to more than its header says`);
    }
    all += size;
    if (read) xml += size;
    if (xml > xmlLimit) throw tooLarge(xml, xmlLimit, 'of XML');
    if (all > allLimit) throw tooLarge(all, allLimit, 'with its pictures and embedded files');
  }
}

function tooLarge(size: number, limit: number, what: string): DocxError {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return new DocxError(`the Word document unpacks to over ${mb(size)} ${what}; lkip reads up to ${mb(limit)} (a zip bomb, or a document too large to lint)`);
}

/** Input fed to the inflater at a time: deflate expands at most ~1 032-fold, so one step makes at most ~4 MB. */
const STEP = 4096;

/** Bytes `data` inflates to, counting as it goes; stops past `cap` and returns a number over it. */
function inflatedSize(data: Uint8Array, cap: number): number {
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
  });
  try {
    for (let i = 0; i < data.length && size <= cap; i += STEP) inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
  } catch (error) {
    throw damaged(error instanceof Error ? error.message : 'unreadable part');
  }
  return size;
}
