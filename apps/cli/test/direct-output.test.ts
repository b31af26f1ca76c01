import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { directOutput } from '../src/direct-output.js';
import { tempDir } from './helpers.js';

/** A stand-in for process.stdout that keeps what it was given. */
function fakeStream(isTTY = false) {
  const stream = Object.assign(new PassThrough(), { isTTY, got: [] as string[] });
  stream.on('data', (chunk: Buffer) => stream.got.push(chunk.toString('utf8')));
  return stream;
}

describe('directOutput', () => {
  let dir: string;
  let cleanup: () => void;
  let fd: number;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    fd = openSync(join(dir, 'out.txt'), 'w');
  });
  afterEach(() => {
    closeSync(fd);
    cleanup();
  });

  it('writes a file descriptor directly, whole and in order, without opening the stream', () => {
    let opened = 0;
    const out = directOutput(fd, () => {
      opened++;
      return fakeStream();
    });
    out.write('Bab III: 89,56 %\n');
    out.write('realisasi → 114,9\n');
    expect(opened).toBe(0);
    expect(out.isTTY).toBe(false);
    expect(out.allWritten).toBe(true);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('Bab III: 89,56 %\nrealisasi → 114,9\n');
  });

  it('keeps writing after a short write until every byte is out', () => {
    const written: Buffer[] = [];
    // At most three bytes a call: a multi-byte character is cut in two and must still arrive whole.
    const shortWrites = (_fd: number, bytes: Buffer, offset: number) => {
      const part = bytes.subarray(offset, offset + 3);
      written.push(Buffer.from(part));
      return part.length;
    };
    const out = directOutput(fd, () => fakeStream(), shortWrites);
    out.write('capaian → 97,5 %');
    expect(Buffer.concat(written).toString('utf8')).toBe('capaian → 97,5 %');
  });

  it('hands the rest and every later write to the stream when a direct write fails', async () => {
    const stream = fakeStream();
    let calls = 0;
    const failSecond = (_fd: number, bytes: Buffer, offset: number) => {
      if (++calls === 2) throw Object.assign(new Error('EAGAIN: resource temporarily unavailable'), { code: 'EAGAIN' });
      return Math.min(4, bytes.length - offset);
    };
    let opened = 0;
    const out = directOutput(fd, () => {
      opened++;
      return stream;
    }, failSecond);
    expect(out.allWritten).toBe(true);
    out.write('abcdefgh');
    // The stream holds the rest now: bin.ts must not end the process before it has flushed.
    expect(out.allWritten).toBe(false);
    out.write('ij');
    await new Promise((resolve) => setImmediate(resolve));
    expect(opened).toBe(1);
    expect(calls).toBe(2);
    expect(stream.got.join('')).toBe('efghij');
  });

  it('leaves anything that is not a pipe, a socket or a file to the stream, which says whether it is a terminal', async () => {
    const stream = fakeStream(true);
    // A descriptor that is not open: fstat fails, as it does for nothing a direct write could use.
    const out = directOutput(987_654, () => stream);
    expect(out.isTTY).toBe(true);
    expect(out.allWritten).toBe(false);
    out.write('x');
    await new Promise((resolve) => setImmediate(resolve));
    expect(stream.got.join('')).toBe('x');
  });
});
