#!/usr/bin/env node
import { directOutput } from './direct-output.js';
import { oneLine } from './errors.js';
import { run } from './run.js';
import type { Io } from './io.js';

// `process.stdout` and `process.stderr` are created only when needed (direct-output.ts).
const stdout = directOutput(1, () => process.stdout.on('error', onStdoutError));
const stderr = directOutput(2, () => process.stderr);

// Nothing may reach the user as a stack trace: whatever escapes `run` (it should not) or fires
// later on the event loop ends as one `lkip:` line and exit code 2.
function fail(error: unknown): void {
  stderr.write(`lkip: ${oneLine(error)}\n`);
  process.exitCode = 2;
}
process.on('uncaughtException', (error) => {
  fail(error);
  process.exit(2);
});
process.on('unhandledRejection', (error) => {
  fail(error);
  process.exit(2);
});
// `lkip lint … | head` closes the pipe early; that is the reader's choice, not an error.
function onStdoutError(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  fail(error);
}

async function readStdin(): Promise<string> {
  // Loaded when standard input is read: `lkip --help` then loads neither the draft reader nor fs/promises.
  const { MAX_DRAFT_BYTES, checkSize, decodeDraft } = await import('./read-draft.js');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    // Stop reading as soon as the limit is passed: the rest of a huge pipe never reaches memory.
    checkSize(size, '<stdin>', MAX_DRAFT_BYTES);
    chunks.push(bytes);
  }
  return decodeDraft(Buffer.concat(chunks), '<stdin>').text;
}

const io: Io = {
  stdout: (s) => stdout.write(s),
  stderr: (s) => stderr.write(s),
  cwd: process.cwd(),
  stdin: readStdin,
  isTTY: stdout.isTTY,
  stderrIsTTY: stderr.isTTY,
  env: process.env,
};

run(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
  exitIfDone(code);
}, fail);

/**
 * Ends the process as soon as a run has left nothing behind: no output waiting in a stream and
 * no handle, request or timer still open. Left to end by itself, Node first runs the tasks V8 has
 * queued, and a garbage collection that a long lint started is then finished for nothing: 3 to
 * 5 ms of a cold lint of drafts of 30 to 250 KB (31-run A/Bs; the CPU profile of the 30 KB one
 * showed 8 to 11 ms of collection after the output). The close of the draft's file
 * handle is often still under way when the run returns: a few turns of the event loop are given
 * to such requests; anything that lasts longer (a server, a stream still flushing) ends as before,
 * when the event loop is empty.
 */
function exitIfDone(code: number, turns = 20): void {
  if (!stdout.allWritten || !stderr.allWritten) return;
  if (process.getActiveResourcesInfo().length === 0) process.exit(code);
  else if (turns > 0) setImmediate(() => exitIfDone(code, turns - 1)).unref();
}
