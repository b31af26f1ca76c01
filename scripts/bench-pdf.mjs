#!/usr/bin/env node
// Measures a whole lint of a PDF (reading it with packages/pdf, then the reader and the rules)
// against PDF.js text extraction alone of the same file (getTextContent on every page), and
// against the lint of the same draft as Markdown. In one process, after warm-up, the four in turn; prints medians
// and the ratios (aims: PDF lint / extraction ≤ 1.3, PDF lint / Markdown lint ≤ 3); the last
// line is JSON for tools.
//
// Usage: node scripts/bench-pdf.mjs [file.pdf draft.md]   (defaults: the NTT fixture from LibreOffice and its draft)
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pdfFile = process.argv[2] ?? `${root}fixtures/pdf/ntt-2024.libreoffice.pdf`;
const draftFile = process.argv[3] ?? `${root}fixtures/ntt-2024/draft.md`;
const runs = Number(process.env.LKIP_BENCH_RUNS ?? 5);

const dist = (pkg) => pathToFileURL(`${root}${pkg}/dist/index.js`).href;
for (const pkg of ['packages/pdf', 'packages/parse', 'packages/engine', 'rules']) {
  if (!existsSync(`${root}${pkg}/dist/index.js`)) {
    console.error(`bench-pdf: ${pkg} is not built; run pnpm build first`);
    process.exit(2);
  }
}
const { convertPdf, loadLegacyPdfjs } = await import(dist('packages/pdf'));
const { parseDraft } = await import(dist('packages/parse'));
const { lintDocument, resolveConfig } = await import(dist('packages/engine'));
const { rules } = await import(dist('rules'));
// pdf.js as packages/pdf loads it: the same build, loaded the same way (see load-pdfjs.ts), the
// same options as the reader.
const pdfjs = await loadLegacyPdfjs();
const config = resolveConfig({});

const bytes = new Uint8Array(readFileSync(pdfFile));
const markdown = readFileSync(draftFile, 'utf8');

/** What any PDF text tool pays: open the document, take each page's text, let the page go. */
async function extractOnly() {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  let items = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    items += (await page.getTextContent()).items.length;
    page.cleanup();
  }
  await doc.destroy();
  return items;
}

async function lintPdf() {
  const { markdown: text } = await convertPdf(bytes);
  return lintDocument(parseDraft(text, { path: pdfFile }), { rules, config, text }).length;
}

async function lintMarkdown() {
  return lintDocument(parseDraft(markdown, { path: draftFile }), { rules, config, text: markdown }).length;
}

/**
 * Medians of the four, run in turn (one of each per round, after a warm-up round), so that a
 * machine busy with other work slows them alike and the ratios stay meaningful.
 */
async function measureAll(fs) {
  for (const f of fs) await f();
  const times = fs.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, f] of fs.entries()) {
      const t = performance.now();
      await f();
      times[k].push(performance.now() - t);
    }
  }
  return times.map((ts) => [...ts].sort((a, b) => a - b)[Math.floor(ts.length / 2)]);
}

const [extract, convertOnly, pdfLint, mdLint] = await measureAll([extractOnly, () => convertPdf(bytes), lintPdf, lintMarkdown]);
const round = (n) => Math.round(n * 10) / 10;
const ratio = (a, b) => Math.round((a / b) * 100) / 100;
const name = (p) => p.split(/[\\/]/).pop();

console.log(`bench-pdf: ${name(pdfFile)} against ${name(draftFile)}, median of ${runs} runs after warm-up`);
console.log(`  PDF.js text extraction alone     ${round(extract)} ms`);
console.log(`  PDF to Markdown (packages/pdf)   ${round(convertOnly)} ms   (text, drawn rules, layout)`);
console.log(`  whole lint of the PDF            ${round(pdfLint)} ms   ratio to extraction ${ratio(pdfLint, extract)} (aim <= 1.3)`);
console.log(`  lint of the draft as Markdown    ${round(mdLint)} ms   PDF lint / Markdown lint ${ratio(pdfLint, mdLint)} (aim <= 3)`);
console.log(JSON.stringify({ pdf: name(pdfFile), extractMs: round(extract), convertMs: round(convertOnly), pdfLintMs: round(pdfLint), markdownLintMs: round(mdLint), pdfLintToExtraction: ratio(pdfLint, extract), pdfLintToMarkdownLint: ratio(pdfLint, mdLint) }));
