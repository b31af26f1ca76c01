import { DocxError, convertDocx } from '@lkip/parse';
import { rules } from '@lkip/rules';
import { placeIgnore } from './lint/ignore.ts';
import { fixAllJob, lintJob, newSession } from './lint/lint-draft.ts';
import type { WorkerRequest, WorkerResponse } from './lint/protocol.ts';
import type * as LegacyPdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The parts of a dedicated worker's global scope used here (the DOM lib types `self` as a Window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}
const scope = self as unknown as WorkerScope;

// One session for the worker's life: it keeps the Markdown parse of the blocks a keystroke did
// not touch, so a re-lint parses one block instead of the whole draft.
const session = newSession();

// Parsing a 250 KB draft takes most of a second; it happens here so that typing never waits.
scope.onmessage = (event) => {
  const request = event.data;
  if (request.kind === 'warm-up') return void warmUp(request.locale);
  void handle(request).then(
    (response) => scope.postMessage(response),
    (error: unknown) => scope.postMessage({ kind: 'error', id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
};

/**
 * The first read of a draft runs the reader and the rules cold (V8 has compiled none of it): on
 * the real draft that doubles the wait for the first findings. While the page waits for a file,
 * a small bundled draft is read twice, in a session of its own, and nothing is answered.
 */
async function warmUp(locale: WorkerRequest['locale']): Promise<void> {
  const { default: sample } = await import('../../../fixtures/consistent-2024/draft.md?raw');
  const warm = newSession();
  for (let i = 0; i < 2; i++) lintJob({ id: 0, text: sample, locale, path: 'warm-up.md' }, rules, warm);
}

async function handle(request: Exclude<WorkerRequest, { kind: 'warm-up' }>): Promise<WorkerResponse> {
  switch (request.kind) {
    case 'fix-all':
      return { kind: 'fix-all', id: request.id, ...fixAllJob(request, rules, session) };
    case 'lint':
      return { kind: 'lint', id: request.id, ...lintJob(request, rules, session) };
    case 'ignore':
      return { kind: 'ignore', id: request.id, ...placeIgnore(request, request.target, request.reason, rules, session) };
    case 'docx': {
      // convertDocx loads mammoth and its zip reader on the first Word document only.
      try {
        const { markdown, locations } = await convertDocx(request.bytes);
        return { kind: 'docx', id: request.id, markdown, locations };
      } catch (error) {
        // A damaged document gets the CLI's one line; anything else is a reader failure.
        return { kind: 'error', id: request.id, error: error instanceof DocxError ? error.message : `cannot read Word document: ${String(error)}` };
      }
    }
    case 'pdf': {
      // The PDF reader is a chunk of its own, loaded with the first PDF: the first lint of a
      // Markdown draft does not wait for it to be compiled.
      const { PdfError, convertPdf } = await import('@lkip/pdf');
      try {
        const { markdown, locations, pages, pageSizes, pagesWithoutText } = await convertPdf(new Uint8Array(request.bytes), { pdfjs: loadPdfjs });
        return { kind: 'pdf', id: request.id, markdown, locations, pages, pageSizes, pagesWithoutText };
      } catch (error) {
        return { kind: 'error', id: request.id, error: error instanceof PdfError ? error.message : `cannot read PDF: ${String(error)}` };
      }
    }
  }
}

/**
 * pdf.js for the reader, loaded on the first PDF: the same release the CLI uses (its modern
 * build: this is a browser), with its own worker beside this one.
 */
async function loadPdfjs(): Promise<typeof LegacyPdfjs> {
  const [pdfjs, { default: workerSrc }] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = workerSrc;
  // The same API as the legacy build the reader is typed against (one release, two builds).
  return pdfjs as unknown as typeof LegacyPdfjs;
}
