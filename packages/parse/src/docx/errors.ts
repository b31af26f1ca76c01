/** The bytes are not a Word document lkip can read; the message says why, on one line. */
export class DocxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocxError';
  }
}
