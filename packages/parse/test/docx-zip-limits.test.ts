import { isDeepStrictEqual } from 'node:util';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DocxError } from '../src/docx/errors.js';
import { preparePackage } from '../src/docx/package-parts.js';
import { checkPackageSize, MAX_PACKAGE_BYTES, MAX_PACKAGE_XML_BYTES } from '../src/docx/zip-limits.js';

/**
 * A Word package whose bulk is not XML: a picture or an embedded file that is a zip bomb. The
 * converter never reads pictures, but rewriting the document part repacks the whole package
 * through JSZip, which unpacks every part; so every part counts toward the package's budget,
 * by the size the zip declares and by what it actually unpacks to.
 */
const encode = (text: string) => new TextEncoder().encode(text);
const MB = 1024 * 1024;

function docx(extra: Record<string, Uint8Array>): Uint8Array {
  return zipSync(
    {
      '[Content_Types].xml': encode('<?xml version="1.0"?><Types/>'),
      '_rels/.rels': encode(
        '<?xml version="1.0"?><Relationships><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/document.xml': encode(
        '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Target 100</w:t></w:r></w:p></w:body></w:document>',
      ),
      ...extra,
    },
    { level: 9 },
  );
}

/** Makes the central directory and the local header of `part` claim `size` bytes unpacked. */
function claimSize(zip: Uint8Array, part: string, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const name = encode(part);
  for (let at = 0; at + 46 < zip.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    if (!isDeepStrictEqual(zip.subarray(at + 46, at + 46 + length), name)) continue;
    view.setUint32(at + 24, size, true);
    view.setUint32(view.getUint32(at + 42, true) + 22, size, true);
  }
}

describe('Word packages whose bulk is a picture or an embedded file', () => {
  const picture = new Uint8Array(8 * MB); // zeros: 8 MB that deflate to some 8 KB

  it('has a budget for every part, above the XML one', () => {
    expect(MAX_PACKAGE_BYTES).toBeGreaterThan(MAX_PACKAGE_XML_BYTES);
  });

  it('counts a picture toward the package budget by the size the zip declares', async () => {
    const bomb = docx({ 'word/media/image1.png': picture });
    expect(bomb.length).toBeLessThan(100_000);
    // Its XML is a few hundred bytes: within any XML budget.
    expect(() => checkPackageSize(bomb, { xml: 1 * MB, all: 16 * MB })).not.toThrow();
    const error = await preparePackage(bomb, { all: 4 * MB }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocxError);
    expect((error as Error).message).toBe(
      'the Word document unpacks to over 8.0 MB with its pictures and embedded files; lkip reads up to 4.0 MB (a zip bomb, or a document too large to lint)',
    );
  });

  it('counts an embedded file as it unpacks, and stops when it passes what its header said', async () => {
    const bomb = docx({ 'word/embeddings/oleObject1.bin': picture });
    claimSize(bomb, 'word/embeddings/oleObject1.bin', 1000);
    const error = await preparePackage(bomb).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocxError);
    expect((error as Error).message).toBe('damaged Word document (part word/embeddings/oleObject1.bin unpacks to more than its header says)');
  });

  it('adds the pictures to the XML: parts each within the budget, together over it, are refused', async () => {
    const parts = Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`word/media/image${i + 1}.emf`, new Uint8Array(2 * MB)]));
    const error = await preparePackage(docx(parts), { all: 5 * MB }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^the Word document unpacks to over 6\.0 MB with its pictures and embedded files; lkip reads up to 5\.0 MB/);
    await expect(preparePackage(docx(parts), { all: 7 * MB })).resolves.toMatchObject({ equations: 0 });
  });
});
