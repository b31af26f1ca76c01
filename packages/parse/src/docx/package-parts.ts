import zipfile, { type MammothZipFile } from 'mammoth/lib/zipfile.js';
import { DocxError } from './errors.js';
import { writeEquationsAsText } from './equations.js';
import { readNumbering, writeListLabels } from './numbering.js';
import { attribute, elements } from './xml.js';
import { checkPackageSize, type PackageLimits } from './zip-limits.js';

export interface PreparedPackage {
  /** The package to give mammoth: the input itself when nothing needed rewriting. */
  data: ArrayBuffer;
  /** Equations found and rewritten as LaTeX text. */
  equations: number;
}

function toArrayBuffer(data: Uint8Array | ArrayBuffer): ArrayBuffer {
  if (data instanceof ArrayBuffer) return data;
  // A Node Buffer is a view into a shared pool: copy exactly its bytes.
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}

const ZIP_MAGIC = [0x50, 0x4b];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Where a relationship of `type` points, resolved against the folder of its source part. */
async function relationshipTarget(zip: MammothZipFile, relsPath: string, type: string, base: string): Promise<string | undefined> {
  if (!zip.exists(relsPath)) return undefined;
  const rels = await zip.read(relsPath, 'utf-8');
  for (const rel of elements(rels, 'Relationship')) {
    const relType = attribute(rel.openTag, 'Type');
    const target = attribute(rel.openTag, 'Target');
    if (!relType?.endsWith(`/${type}`) || target === undefined) continue;
    if (attribute(rel.openTag, 'TargetMode') === 'External') continue;
    return target.startsWith('/') ? target.slice(1) : base + target;
  }
  return undefined;
}

/** Tables inside tables: Word reports use two or three levels. */
export const MAX_TABLE_NESTING = 32;

/** The deepest nesting of `<w:tbl>` elements in a document part (one pass over its tags). */
function tableDepth(xml: string): number {
  let depth = 0;
  let deepest = 0;
  for (const m of xml.matchAll(/<(\/?)w:tbl(?=[\s>/])/g)) {
    depth = m[1] === '/' ? Math.max(0, depth - 1) : depth + 1;
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

/**
 * Checks that the bytes are a Word package and writes list labels and equations into its main
 * document part as text. Throws DocxError for anything that is not a readable .docx.
 */
export async function preparePackage(input: Uint8Array | ArrayBuffer, limits: PackageLimits | number = {}): Promise<PreparedPackage> {
  const data = toArrayBuffer(input);
  const bytes = new Uint8Array(data);
  if (bytes.length === 0) throw new DocxError('empty file');
  // Word saves password-protected documents, and .doc files of Word 97–2003, as OLE containers.
  if (startsWith(bytes, OLE_MAGIC)) throw new DocxError('an old .doc file or a password-protected document; save it from Word as .docx without a password');
  if (!startsWith(bytes, ZIP_MAGIC)) throw new DocxError('not a Word document (.docx files are zip archives)');
  // Before anything is unpacked: what the parts unpack to, counted as they are unpacked (zip-limits.ts).
  // A number is the XML limit alone (the tests' way of making it small).
  checkPackageSize(bytes, typeof limits === 'number' ? { xml: limits } : limits);
  let zip: MammothZipFile;
  try {
    zip = await zipfile.openArrayBuffer(data);
  } catch (error) {
    throw new DocxError(`damaged Word document (${error instanceof Error ? error.message.replace(/\s+/g, ' ').trim() : 'unreadable zip archive'})`);
  }
  const main = (await relationshipTarget(zip, '_rels/.rels', 'officeDocument', '')) ?? 'word/document.xml';
  if (!zip.exists(main)) throw new DocxError('not a Word document (no main document part)');
  const slash = main.lastIndexOf('/');
  const folder = slash === -1 ? '' : main.slice(0, slash + 1);
  const relsOfMain = `${folder}_rels/${main.slice(slash + 1)}.rels`;
  const numberingPath = await relationshipTarget(zip, relsOfMain, 'numbering', folder);
  const stylesPath = await relationshipTarget(zip, relsOfMain, 'styles', folder);

  let documentXml: string;
  try {
    documentXml = await zip.read(main, 'utf-8');
  } catch (error) {
    throw new DocxError(`damaged Word document (${error instanceof Error ? error.message : 'unreadable main part'})`);
  }
  const read = async (path: string | undefined) => (path !== undefined && zip.exists(path) ? zip.read(path, 'utf-8').catch(() => undefined) : undefined);
  // Tables nested in tables become nested HTML that the converter walks recursively: past a
  // depth no report uses, refuse instead of overflowing the stack (found by the fuzz campaign).
  const depth = tableDepth(documentXml);
  if (depth > MAX_TABLE_NESTING) throw new DocxError(`tables nested ${depth} deep; lkip reads tables nested up to ${MAX_TABLE_NESTING} deep`);
  const defs = readNumbering(await read(numberingPath), await read(stylesPath));
  const withEquations = writeEquationsAsText(documentXml);
  const rewritten = writeListLabels(withEquations.xml, defs);
  if (rewritten === documentXml) return { data, equations: 0 };
  zip.write(main, rewritten);
  return { data: await zip.toArrayBuffer(), equations: withEquations.equations };
}
