import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfjsModule = typeof Pdfjs;

// Not a literal, so that TypeScript does not look for types the worker module does not ship.
const WORKER_MODULE = 'pdfjs-dist/legacy/build/pdf.worker.mjs' as string;

/**
 * Loads the legacy build of pdf.js (the one that runs on Node 20) and its worker code, on this
 * thread: in Node pdf.js runs its "worker" in-process, and finds it through `globalThis.pdfjsWorker`,
 * which the worker module sets, so it is not imported a second time later.
 *
 * The legacy build brings core-js polyfills, and two of them replace built-ins that Node already
 * has, for every module of the process: `Array.prototype.push` (core-js finds V8's too lenient
 * about arrays whose length is read-only, a case no code here meets) and `JSON.parse` (for the
 * reviver's source text). The replacement push is a loop in JavaScript: profiled on a 72-page
 * fixture PDF's conversion, it took a quarter of the time, and it slowed the lint that follows too.
 * Both are put back once the modules are loaded; the polyfills that only add what Node 20 lacks
 * (`Promise.withResolvers`, the new Set methods…) stay, pdf.js needs them.
 */
export async function loadLegacyPdfjs(): Promise<PdfjsModule> {
  const push = Object.getOwnPropertyDescriptor(Array.prototype, 'push');
  const parse = Object.getOwnPropertyDescriptor(JSON, 'parse');
  try {
    const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as PdfjsModule;
    await import(WORKER_MODULE);
    return pdfjs;
  } finally {
    if (push) Object.defineProperty(Array.prototype, 'push', push);
    if (parse) Object.defineProperty(JSON, 'parse', parse);
  }
}
