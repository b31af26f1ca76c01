import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DraftReadError, decodeDraftBytes, describeSize, downloadName, encodeDraftText, isDraftName, restoreLineEndings, sizeLimitOf, splitLineEndings, type DraftEncoding } from '../src/draft/file.ts';
import { applyTextChanges, textChanges } from '../src/editor/text-diff.ts';

describe('draft files', () => {
  it('round-trips every encoding the CLI writes back', () => {
    const text = 'Capaian 98,5 % — “Tinggi”\r\nbaris 2\n';
    for (const encoding of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'] as DraftEncoding[]) {
      const bytes = encodeDraftText(text, encoding);
      expect(decodeDraftBytes(bytes), encoding).toEqual({ text, encoding });
    }
    expect([...encodeDraftText('a', 'utf-8-bom')]).toEqual([0xef, 0xbb, 0xbf, 0x61]);
    expect([...encodeDraftText('a', 'utf-16be')]).toEqual([0xfe, 0xff, 0x00, 0x61]);
  });

  it('refuses binary files and invalid UTF-8, as the CLI does', () => {
    expect(() => decodeDraftBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]))).toThrow(DraftReadError);
    expect(() => decodeDraftBytes(new Uint8Array([0x61, 0xff, 0x62]))).toThrow(/encoding/);
  });

  it('keeps each line’s own ending, and the dominant one once lines were added', () => {
    const { text, lineEndings } = splitLineEndings('a\r\nb\nc\r\nd');
    expect(text).toBe('a\nb\nc\nd');
    expect(restoreLineEndings('a\nB\nc\nd', lineEndings)).toBe('a\r\nB\nc\r\nd');
    expect(restoreLineEndings('a\nb\nnew\nc\nd', lineEndings)).toBe('a\r\nb\r\nnew\r\nc\r\nd');
    expect(restoreLineEndings('x\ny', splitLineEndings('x\ny').lineEndings)).toBe('x\ny');
  });

  it('restores any draft’s line endings exactly when nothing changed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: fc.constantFrom('a', ' ', '\r', '9') }), fc.constantFrom('\n', '\r\n'))), (lines) => {
        const raw = lines.map(([l, eol]) => l + eol).join('');
        const { text, lineEndings } = splitLineEndings(raw);
        expect(restoreLineEndings(text, lineEndings)).toBe(raw);
      }),
    );
  });

  it('opens .md, .markdown, .txt, Word documents and PDFs only, and names their downloads .md', () => {
    expect(['a.md', 'B.MARKDOWN', 'c.txt', 'd.DOCX'].every(isDraftName)).toBe(true);
    expect(['a.doc', 'a.md.exe', 'md', 'x.pdfx'].some(isDraftName)).toBe(false);
    expect(isDraftName('report.PDF')).toBe(true);
    expect(downloadName('report.pdf')).toBe('report.md');
    expect(downloadName('LKIP 2024.docx')).toBe('LKIP 2024.md');
    expect(downloadName('draft.md')).toBe('draft.md');
  });

  it('reads what the CLI reads: text drafts up to 5 MB, Word documents up to 50 MB', () => {
    expect(sizeLimitOf('draft.md')).toBe(5 * 1024 * 1024);
    expect(sizeLimitOf('draft.docx')).toBe(50 * 1024 * 1024);
    expect(describeSize(5 * 1024 * 1024 + 1)).toBe('5.0 MB');
  });
});

describe('text changes for fix all', () => {
  it('edits only what differs, line by line', () => {
    const before = 'target 3\nrealisasi 2\ncapaian 66,7 %\n';
    const after = 'target 3\nrealisasi 2\ncapaian 66,67 %\n';
    const at = before.indexOf('7 %');
    expect(textChanges(before, after)).toEqual([{ from: at, to: at, insert: '6' }]);
    expect(textChanges('a\nb\nc', 'A\nb\nC')).toEqual([
      { from: 0, to: 1, insert: 'A' },
      { from: 4, to: 5, insert: 'C' },
    ]);
    expect(textChanges(before, before)).toEqual([]);
  });

  it('turns any text into any other', () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'b', '1', ',', '\n') });
    fc.assert(
      fc.property(line, line, (before, after) => {
        expect(applyTextChanges(before, textChanges(before, after))).toBe(after);
      }),
    );
  });
});
