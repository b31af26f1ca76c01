import { chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { offsetMapper, restoreLineEndings, splitLineEndings } from '@lkip/parse';
import { decodeDraft, encodeDraft } from '../src/read-draft.js';
import { writeFileAtomic } from '../src/write-atomic.js';
import { tempDir } from './helpers.js';

describe('line endings', () => {
  it('maps offsets in LF text back to a CRLF text', () => {
    const crlf = 'ab\r\ncd\r\nef';
    const { lf, lineEndings } = splitLineEndings(crlf);
    expect(lf).toBe('ab\ncd\nef');
    const toDisk = offsetMapper(lf, lineEndings);
    for (const word of ['ab', 'cd', 'ef']) expect(crlf.slice(toDisk(lf.indexOf(word)), toDisk(lf.indexOf(word) + 2))).toBe(word);
  });

  it('keeps each line its own ending in a mixed file when the line count is unchanged', () => {
    const mixed = 'a\r\nb\nc\r\n';
    const { lf, lineEndings } = splitLineEndings(mixed);
    expect(restoreLineEndings(lf.replace('b', 'B'), lineEndings).text).toBe('a\r\nB\nc\r\n');
    // A fix that adds a line falls back to the dominant ending everywhere.
    expect(restoreLineEndings(lf.replace('b', 'b\nb2'), lineEndings).text).toBe('a\r\nb\r\nb2\r\nc\r\n');
    const toDisk = offsetMapper(lf, lineEndings);
    expect(mixed.slice(toDisk(lf.indexOf('c')))).toBe('c\r\n');
  });

  it('leaves LF text alone', () => {
    const { lf, lineEndings } = splitLineEndings('a\nb\n');
    expect(lineEndings.hasCrlf).toBe(false);
    expect(restoreLineEndings(lf, lineEndings).text).toBe('a\nb\n');
  });
});

describe('decoding drafts', () => {
  it('round-trips every encoding it reads', () => {
    const text = 'Capaian 111,32 % — BNNK Belu\n';
    for (const encoding of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'] as const) {
      const decoded = decodeDraft(encodeDraft(text, encoding), 'x.md');
      expect(decoded).toEqual({ text, encoding });
    }
  });

  it('rejects overlong and truncated UTF-8 sequences, naming the line', () => {
    expect(() => decodeDraft(Buffer.from([0x61, 0x0a, 0xc0, 0xaf]), 'x.md')).toThrow('x.md: invalid UTF-8 at line 2 (byte 2); save the draft as UTF-8');
    expect(() => decodeDraft(Buffer.from([0x61, 0xe2, 0x82]), 'x.md')).toThrow('invalid UTF-8 at line 1 (byte 1)');
  });

  it('looks for NUL bytes in the first 8 KB only', () => {
    const late = Buffer.concat([Buffer.alloc(9000, 0x61), Buffer.from([0])]);
    expect(decodeDraft(late, 'x.md').text.length).toBe(9001);
    expect(() => decodeDraft(Buffer.from([0x61, 0, 0x62]), 'x.md')).toThrow('x.md: binary file, not a draft');
  });
});

describe('writeFileAtomic', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterEach(() => cleanup());

  it('replaces the content, keeps the mode exactly and leaves no temp file', async () => {
    const path = join(dir, 'draft.md');
    writeFileSync(path, 'old');
    chmodSync(path, 0o604);
    await writeFileAtomic(path, Buffer.from('new'));
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(statSync(path).mode & 0o7777).toBe(0o604);
    expect(readdirSync(dir)).toEqual(['draft.md']);
  });

  it('writes through a symlink instead of replacing it', async () => {
    mkdirSync(join(dir, 'real'));
    const target = join(dir, 'real', 'draft.md');
    writeFileSync(target, 'old');
    const link = join(dir, 'link.md');
    symlinkSync(target, link);
    await writeFileAtomic(link, Buffer.from('new'));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('cleans up its temp file when the rename fails', async () => {
    // Renaming a file over a directory fails after the temp file was written.
    const path = join(dir, 'draft.md');
    mkdirSync(path);
    await expect(writeFileAtomic(path, Buffer.from('x'))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['draft.md']);
  });
});
