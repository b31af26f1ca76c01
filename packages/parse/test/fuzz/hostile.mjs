// Hostile inputs for the fuzz campaign (scripts/fuzz.mjs) and its short run in `pnpm test`
// (packages/parse/test/limits-fuzz.test.ts): what broke in the probe of issue "Nothing lost,
// nothing hangs" — deep nesting, emphasis and link runs, huge tables, CR-only line ends, control
// characters and terminal escapes — mixed into ordinary generated drafts, and hostile Word
// packages (zip bombs, parts larger than their headers say, deep XML, cut archives). Plain
// JavaScript, like drafts.mjs, so the campaign runs on the built packages.
import fc from 'fast-check';
import { Zip, ZipDeflate, zipSync } from 'fflate';
import { draft } from './drafts.mjs';

/** Text cases stay under this many characters: big enough to pass every limit, small enough for 100 000 cases. */
export const MAX_HOSTILE_CHARS = 320 * 1024;

const count = (min, max) => fc.integer({ min, max });

const nesting = fc.oneof(
  count(50, 40_000).map((n) => '>'.repeat(n)),
  count(50, 20_000).map((n) => `${'- '.repeat(n)}x`),
  count(50, 15_000).map((n) => `${'1. '.repeat(n)}x`),
  count(20, 300).map((n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- butir ${i}`).join('\n')),
  fc.tuple(count(2, 150), count(2, 400)).map(([depth, lines]) => `${'- '.repeat(depth)}x\n`.repeat(lines)),
);

const inlineRuns = fc.oneof(
  count(100, 100_000).map((n) => '*_'.repeat(n)),
  count(100, 60_000).map((n) => '*a* '.repeat(n)),
  count(100, 60_000).map((n) => 'a*'.repeat(n)),
  count(100, 40_000).map((n) => '[a]('.repeat(n)),
  count(100, 60_000).map((n) => '`a'.repeat(n)),
  fc.tuple(fc.constantFrom('*', '_', '[', ']', '`', '!', '<', '$', '~', '\\'), count(100, 100_000)).map(([c, n]) => c.repeat(n)),
);

const row = (cells) => cells.join('\t');
const hugeTable = fc.oneof(
  fc.tuple(count(150, 30_000), count(1, 8)).map(([cols, rows]) => Array.from({ length: rows + 1 }, (_, r) => row(Array.from({ length: cols }, (_, c) => (r === 0 ? `K${c % 10}` : String(c % 10))))).join('\n')),
  fc.tuple(count(2, 14), count(1_000, 25_000)).map(([cols, rows]) => Array.from({ length: rows }, (_, r) => row(Array.from({ length: cols }, (_, c) => (c === 0 ? String(r) : '9')))).join('\n')),
  fc.tuple(count(150, 2_000), count(1, 4)).map(([cols, rows]) => Array.from({ length: rows + 2 }, (_, r) => `|${(r === 1 ? '---|' : 'x|').repeat(cols)}`).join('\n')),
  fc.tuple(count(10, 300), count(10, 2_000)).map(([cols, rows]) => `<table>${`<tr>${'<td>1</td>'.repeat(cols)}</tr>`.repeat(rows)}</table>`),
);

const controls = fc
  .array(fc.constantFrom('\u001b]0;judul\u0007', '\u001b[2J', '\u001b]52;c;ZXZpbA==\u0007', '\u009b31m', '\u0000', '\u0008', '\u007f', '\u202e', '\u2066', '\u000c', '\u001b[8m'), { minLength: 1, maxLength: 20 })
  .map((parts) => parts.join(' Capaian 94,50 % '));

/** A generated draft with one hostile block in it, CR-only line ends one time in four. */
export const hostileText = fc
  .tuple(draft, fc.oneof(nesting, inlineRuns, hugeTable, controls), fc.nat(), fc.integer({ min: 0, max: 3 }))
  .map(([text, block, at, endings]) => {
    const cut = text.length === 0 ? 0 : at % text.length;
    let out = `${text.slice(0, cut)}\n\n${block}\n\n${text.slice(cut)}`;
    if (endings === 0) out = out.replace(/\r?\n/g, '\r');
    return out.length > MAX_HOSTILE_CHARS ? out.slice(0, MAX_HOSTILE_CHARS) : out;
  });

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const utf8 = (s) => new TextEncoder().encode(s);
const documentXml = (body) => utf8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
const paragraphs = (text) =>
  text
    .split(/\r?\n|\r/)
    .map((line) => `<w:p><w:r><w:t xml:space="preserve">${line.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')}</w:t></w:r></w:p>`)
    .join('');

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';
const PACKAGE_RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

function pack(parts, level = 6) {
  return zipSync({ '[Content_Types].xml': utf8(CONTENT_TYPES), '_rels/.rels': utf8(PACKAGE_RELS), ...parts }, { level });
}

/**
 * A Word package written as a stream, so that a part of many megabytes is never held unpacked:
 * `fill(part)` opens parts (`part(name, level)` gives a function taking the next chunk, and
 * whether it is the last) after the content types and the package relationships.
 */
function streamedPackage(fill) {
  const chunks = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    chunks.push(data);
  });
  const part = (name, level = 6) => {
    const file = new ZipDeflate(name, { level });
    zip.add(file);
    return (data, last = false) => file.push(data, last);
  };
  part('[Content_Types].xml')(utf8(CONTENT_TYPES), true);
  part('_rels/.rels')(utf8(PACKAGE_RELS), true);
  fill(part);
  zip.end();
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

/** Made once per process and size: the packages below take seconds to deflate. */
const memo = new Map();
const memoised = (key, make) => {
  if (!memo.has(key)) memo.set(key, make());
  return memo.get(key);
};

/** A package whose document part unpacks to `mb` MB: deflated from the same chunk pushed again and again. */
function bomb(mb) {
  return memoised(`bomb:${mb}`, () =>
    streamedPackage((part) => {
      const document = part('word/document.xml', 1);
      document(utf8(`<?xml version="1.0"?><w:document ${W}><w:body>`));
      const chunk = utf8('<w:p><w:r><w:t>Target 100 Realisasi 90</w:t></w:r></w:p>'.repeat(1500));
      for (let size = 0; size < mb * 1024 * 1024; size += chunk.length) document(chunk);
      document(utf8('</w:body></w:document>'), true);
    }),
  );
}

/**
 * A small, readable document with a "picture" of `mb` MB of zeros beside it: the converter never
 * reads pictures, but every part counts toward the package's budget (the document part is
 * rewritten through JSZip, which unpacks every part).
 */
function pictureBomb(mb) {
  return memoised(`picture:${mb}`, () =>
    streamedPackage((part) => {
      part('word/document.xml')(documentXml(paragraphs('Target 100\nRealisasi 90')), true);
      const picture = part('word/media/image1.png', 1);
      const zeros = new Uint8Array(1024 * 1024);
      for (let i = 0; i < mb; i++) picture(zeros, i === mb - 1);
    }),
  );
}

/** Sets the size a zip claims for `name` (central directory and local header) to `size`. */
function lie(bytes, name, size) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const want = utf8(name);
  for (let at = 0; at + 46 < bytes.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    const got = bytes.subarray(at + 46, at + 46 + length);
    if (got.length !== want.length || !got.every((b, i) => b === want[i])) continue;
    view.setUint32(at + 24, size, true);
    view.setUint32(view.getUint32(at + 42, true) + 22, size, true);
  }
  return bytes;
}

/** Word packages: a plain one from a generated draft, or one of the hostile kinds. Bytes, not text. */
export const hostileDocx = fc
  .tuple(draft, fc.constantFrom('plain', 'bomb', 'lying', 'deep', 'cut', 'styles-bomb', 'picture-bomb', 'lying-picture'), count(1, 40))
  .map(([text, kind, n]) => {
    switch (kind) {
      case 'bomb':
        // 70 MB unpacked, past the 64 MB limit (made once per process).
        return bomb(70);
      case 'lying':
        return lie(pack({ 'word/document.xml': documentXml(paragraphs(text).repeat(n * 10)) }, 9), 'word/document.xml', 100);
      case 'deep':
        return pack({ 'word/document.xml': documentXml(`${'<w:tbl><w:tr><w:tc>'.repeat(n * 100)}<w:p><w:r><w:t>x</w:t></w:r></w:p>${'</w:tc></w:tr></w:tbl>'.repeat(n * 100)}`) });
      case 'cut': {
        const whole = pack({ 'word/document.xml': documentXml(paragraphs(text)) });
        return whole.subarray(0, Math.max(4, whole.length - n * 37));
      }
      case 'picture-bomb':
        // 210 MB unpacked, past the 200 MB every part together may take, though its XML is tiny.
        return pictureBomb(210);
      case 'lying-picture':
        // A picture whose header claims 100 bytes and that unpacks to n × 64 KB.
        return lie(pack({ 'word/document.xml': documentXml(paragraphs(text)), 'word/media/image1.png': new Uint8Array(n * 65_536) }, 9), 'word/media/image1.png', 100);
      case 'styles-bomb':
        return pack({ 'word/document.xml': documentXml(paragraphs(text)), 'word/styles.xml': utf8(`<?xml version="1.0"?><w:styles ${W}>${' '.repeat(n * 20_000)}</w:styles>`) }, 9);
      default:
        return pack({ 'word/document.xml': documentXml(paragraphs(text)) });
    }
  });

export function hostileTextAt(seed, n) {
  return fc.sample(hostileText, { seed: (seed + n * 7919) | 0, numRuns: 1 })[0];
}

export function hostileDocxAt(seed, n) {
  return fc.sample(hostileDocx, { seed: (seed + n * 104_729) | 0, numRuns: 1 })[0];
}
