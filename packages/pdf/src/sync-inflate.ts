/**
 * pdf.js inflates each compressed stream with the platform's DecompressionStream when there is
 * one, and with its own inflate when there is none. In Node the platform's is web streams over
 * zlib on the thread pool: for a draft's many small content streams (each read twice, for the
 * text and for the drawing) the stream plumbing and the waits cost more than the inflating.
 * Measured on a 72-page fixture PDF from LibreOffice (5 runs each, alternating): 0.81–0.93 s a conversion
 * without it against 0.99–1.13 s with it, the same Markdown. So while a conversion runs in Node,
 * the global is hidden and pdf.js takes its own path (its designed fallback: a stream whose
 * platform inflate fails is read by pdf.js itself). Browsers keep theirs.
 */
let depth = 0;
let saved: PropertyDescriptor | undefined;

function inNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

export async function withPdfjsInflate<T>(run: () => Promise<T>): Promise<T> {
  if (!inNode()) return run();
  // Conversions may overlap (Promise.all over files): the first hides the global, the last restores it.
  if (depth++ === 0) {
    saved = Object.getOwnPropertyDescriptor(globalThis, 'DecompressionStream');
    if (saved) Object.defineProperty(globalThis, 'DecompressionStream', { value: undefined, configurable: true, writable: true });
  }
  try {
    return await run();
  } finally {
    if (--depth === 0 && saved) {
      Object.defineProperty(globalThis, 'DecompressionStream', saved);
      saved = undefined;
    }
  }
}
