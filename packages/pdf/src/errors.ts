/** The bytes are not a PDF lkip can read; the message says why, on one line. */
export class PdfError extends Error {
  readonly code: PdfErrorCode;
  constructor(code: PdfErrorCode, message: string) {
    super(message);
    this.name = 'PdfError';
    this.code = code;
  }
}

export type PdfErrorCode = 'not-a-pdf' | 'encrypted' | 'damaged' | 'no-text-layer' | 'too-many-pages';

export const NO_TEXT_LAYER =
  'no text layer: the PDF holds only images of its pages (a scan); run OCR first, for example `ocrmypdf report.pdf report-ocr.pdf`, and lint the result';

/** pdf.js names its exceptions; anything else from it is a damaged file. */
export function toPdfError(error: unknown): PdfError {
  if (error instanceof PdfError) return error;
  const name = error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message.replace(/\s+/g, ' ').trim() : String(error);
  if (name === 'PasswordException') {
    return new PdfError('encrypted', 'encrypted PDF: it opens only with a password; save an unprotected copy (print to PDF, or `qpdf --decrypt`) and lint that');
  }
  if (name === 'InvalidPDFException') return new PdfError('damaged', `damaged or truncated PDF (${detail})`);
  return new PdfError('damaged', `damaged or truncated PDF (${detail || name || 'unreadable'})`);
}
