import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertPdf } from '../src/index.js';
import { withPdfjsInflate } from '../src/sync-inflate.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/pdf/${name}`, import.meta.url)));

describe('pdf.js inflating by itself in Node', () => {
  it('hides DecompressionStream only while conversions run, however they overlap', async () => {
    const original = globalThis.DecompressionStream;
    expect(typeof original).toBe('function');
    let inside: unknown = 'not run';
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    const first = withPdfjsInflate(async () => {
      inside = globalThis.DecompressionStream;
      await held;
    });
    const second = withPdfjsInflate(async () => 'second');
    expect(await second).toBe('second');
    // The second ended first: the first still runs, so the global stays hidden.
    expect(globalThis.DecompressionStream).toBeUndefined();
    release();
    await first;
    expect(inside).toBeUndefined();
    expect(globalThis.DecompressionStream).toBe(original);
  });

  it('gives the same Markdown as with the platform inflate, and restores it after a failure', async () => {
    const data = fixture('kecamatan.libreoffice.pdf');
    const own = await convertPdf(data);
    // A pdf.js passed in runs with the platform's inflate (the option skips the hiding).
    const platform = await convertPdf(data, { pdfjs: () => import('pdfjs-dist/legacy/build/pdf.mjs') });
    expect(own.markdown).toBe(platform.markdown);
    await expect(convertPdf(fixture('truncated.pdf'))).rejects.toThrow();
    expect(typeof globalThis.DecompressionStream).toBe('function');
  });
});
