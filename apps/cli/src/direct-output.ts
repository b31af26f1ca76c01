import { fstatSync, writeSync } from 'node:fs';

/** Standard output or error as bin.ts writes it. */
export interface Output {
  write(s: string): void;
  /** Whether it is a terminal (what `process.stdout.isTTY` says). */
  readonly isTTY: boolean;
  /** Whether every byte so far went out with `fs.writeSync`: none waits in a stream. */
  readonly allWritten: boolean;
}

/**
 * Standard output or error (`fd` 1 or 2), written with `fs.writeSync` when it is a pipe, a socket
 * or a file. Creating `process.stdout` for a pipe builds a `net.Socket` and loads Node's net and
 * stream modules: 2.6 ms and more here (`process.stdout` first touched with stdout a pipe), which
 * `lkip --help` and a re-lint answered from the cache spent before writing a byte. The bytes are the same: the stream writes a pipe synchronously too when
 * it can, and a file with `fs.writeSync` itself.
 *
 * `stream` gives `process.stdout` (or stderr) and is called at most once: for a terminal or
 * anything else that is not one of the three (so that `isTTY` and colours are as before), and
 * when a direct write fails (a full non-blocking pipe, a reader that went away): the stream then
 * takes the unwritten rest and every later write, and does with the failure what it always did.
 */
export function directOutput(fd: number, stream: () => NodeJS.WritableStream & { isTTY?: boolean }, write: (fd: number, bytes: Buffer, offset: number) => number = writeSync): Output {
  let opened = writesDirectly(fd) ? undefined : stream();
  return {
    isTTY: opened?.isTTY === true,
    get allWritten(): boolean {
      return opened === undefined;
    },
    write(s: string): void {
      if (opened) {
        opened.write(s);
        return;
      }
      const bytes = Buffer.from(s, 'utf8');
      let done = 0;
      try {
        while (done < bytes.length) {
          const n = write(fd, bytes, done);
          if (n <= 0) break;
          done += n;
        }
      } catch {
        // Left to the stream below, which words (or ignores) the failure as before.
      }
      if (done < bytes.length) {
        opened = stream();
        opened.write(bytes.subarray(done));
      }
    },
  };
}

/** A pipe, a socket or a regular file: never a terminal, and written alike by `fs.writeSync`. */
function writesDirectly(fd: number): boolean {
  try {
    const info = fstatSync(fd);
    return info.isFIFO() || info.isSocket() || info.isFile();
  } catch {
    // A closed descriptor: the stream says what it says today.
    return false;
  }
}
