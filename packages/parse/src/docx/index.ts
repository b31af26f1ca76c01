import type { LkipDocument } from '@lkip/schema';
import type { Root as MdastRoot } from 'mdast';
// parseDraft itself, not the model builder under it: a .docx draft is read exactly as a .md one.
import { parseDraft, type ParseOptions } from '../index.js';
import { DocxError } from './errors.js';
import type { DocxLocation } from './locations.js';
import { mdastToMarkdown } from './markdown.js';

export { DocxError } from './errors.js';
export { describeDocxLocation, docxLocationAt, type DocxLocation, type DocxTablePlace } from './locations.js';

export interface DocxConversion {
  /** The draft as Markdown, tables as tab-separated lines: what `parseDraft` reads. */
  markdown: string;
  /** Paragraphs and table cells of the Word document, in order, with their place in `markdown`. */
  locations: DocxLocation[];
  /** Equations (Word's equation editor) written into the text as LaTeX. */
  equations: number;
}

// mammoth already maps Word's built-in "Heading n" styles; Indonesian Word names them
// "Judul n", and report templates put chapter titles in Title/Subtitle.
const STYLE_MAP = [
  ...[1, 2, 3, 4, 5, 6].map((n) => `p[style-name='Judul ${n}'] => h${n}:fresh`),
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Judul'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Subjudul'] => h2:fresh",
];

/**
 * mammoth, its zip reader and the HTML parser weigh more than the rest of this package; they
 * are loaded on the first Word document, so that readers of Markdown (the CLI's other
 * commands, the web app's bundle) do not pay for them.
 */
async function loadConverters() {
  const [{ default: mammoth }, { preparePackage }, { default: rehypeParse }, { default: rehypeRemark }, { unified }] = await Promise.all([
    import('mammoth'),
    import('./package-parts.js'),
    import('rehype-parse'),
    import('rehype-remark'),
    import('unified'),
  ]);
  const htmlToMdast = unified().use(rehypeParse, { fragment: true }).use(rehypeFirstRowAsHeader).use(rehypeRemark).freeze();
  return { mammoth, preparePackage, htmlToMdast };
}

let converters: ReturnType<typeof loadConverters> | undefined;

interface HtmlNode {
  type: string;
  tagName?: string;
  children?: HtmlNode[];
}

/**
 * hast-util-to-mdast gives a table without <thead> or <th> an empty header row of its own,
 * which would shift every row number a Word user is told. mammoth writes <thead> only for
 * rows marked "repeat as header row"; otherwise the first row's cells become <th> here, which
 * changes nothing else: which rows are headers is decided from their text later.
 */
function rehypeFirstRowAsHeader() {
  const visitNode = (node: HtmlNode): void => {
    if (node.type === 'element' && node.tagName === 'table') markFirstRow(node);
    for (const child of node.children ?? []) visitNode(child);
  };
  return (tree: HtmlNode) => visitNode(tree);
}

function markFirstRow(table: HtmlNode): void {
  const elements = (n: HtmlNode) => (n.children ?? []).filter((c) => c.type === 'element');
  const sections = elements(table);
  if (sections.some((s) => s.tagName === 'thead')) return;
  const firstRow = sections.flatMap((s) => (s.tagName === 'tr' ? [s] : s.tagName === 'tbody' ? elements(s).filter((r) => r.tagName === 'tr') : []))[0];
  if (!firstRow) return;
  for (const cell of elements(firstRow)) if (cell.tagName === 'td') cell.tagName = 'th';
}

/**
 * Converts a Word document to the Markdown lkip reads. Works on bytes only (no file system),
 * in Node and in the browser. Throws DocxError when the bytes are not a readable .docx.
 */
export async function convertDocx(data: Uint8Array | ArrayBuffer): Promise<DocxConversion> {
  // A failed load (a broken install) is not kept: the next document tries again.
  converters ??= loadConverters().catch((error: unknown) => {
    converters = undefined;
    throw error;
  });
  const { mammoth, preparePackage, htmlToMdast } = await converters;
  const prepared = await preparePackage(data);
  let html: string;
  try {
    // Node's mammoth reads `buffer`, its browser build `arrayBuffer`; both take an ArrayBuffer.
    const input = { arrayBuffer: prepared.data, buffer: prepared.data } as unknown as { arrayBuffer: ArrayBuffer };
    const result = await mammoth.convertToHtml(input, {
      styleMap: STYLE_MAP,
      // Images carry no figures the reader could use; reading them only costs time and memory.
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    });
    html = result.value;
  } catch (error) {
    if (error instanceof DocxError) throw error;
    throw new DocxError(`damaged Word document (${error instanceof Error ? error.message.replace(/\s+/g, ' ').trim() : String(error)})`);
  }
  const tree = htmlToMdast.runSync(htmlToMdast.parse(html)) as MdastRoot;
  const { markdown, locations } = mdastToMarkdown(tree);
  return { markdown, locations, equations: prepared.equations };
}

export interface ParsedDocx {
  markdown: string;
  doc: LkipDocument;
  locations: DocxLocation[];
}

/**
 * Reads a Word draft into the document model through its Markdown form, so that every rule
 * works on it unchanged; positions in `doc` are positions in `markdown`.
 */
export async function parseDocx(data: Uint8Array | ArrayBuffer, options: Omit<ParseOptions, 'format'> = {}): Promise<ParsedDocx> {
  const { markdown, locations, equations } = await convertDocx(data);
  const doc = parseDraft(markdown, { ...options, format: 'markdown' });
  if (equations > 0) {
    doc.diagnostics.push({
      severity: 'info',
      code: 'docx-equations',
      message: `${equations} equation(s) of the Word document were read as LaTeX text.`,
    });
  }
  return { markdown, doc, locations };
}
