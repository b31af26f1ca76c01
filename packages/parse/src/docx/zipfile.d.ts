// mammoth's own zip reader (JSZip underneath), reached by path: it has no typings of its own.
// The docx reader uses it to rewrite the document part before mammoth reads it.
declare module 'mammoth/lib/zipfile.js' {
  export interface MammothZipFile {
    exists(name: string): boolean;
    read(name: string, encoding: 'utf-8'): Promise<string>;
    write(name: string, contents: string): void;
    toArrayBuffer(): Promise<ArrayBuffer>;
  }
  const zipfile: {
    openArrayBuffer(data: ArrayBuffer | Uint8Array): Promise<MammothZipFile>;
  };
  export default zipfile;
}
