#!/usr/bin/env node
import { MAX_DRAFT_BYTES, checkSize, decodeDraft } from './read-draft.js';
import { oneLine } from './errors.js';
import { run } from './run.js';
import type { Io } from './io.js';

// Nothing may reach the user as a stack trace: whatever escapes `run` (it should not) or fires
// later on the event loop ends as one `lkip:` line and exit code 2.
function fail(error: unknown): void {
  process.stderr.write(`lkip: ${oneLine(error)}\n`);
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
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  fail(error);
});

async function readStdin(): Promise<string> {
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
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  cwd: process.cwd(),
  stdin: readStdin,
  isTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  env: process.env,
};

run(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
}, fail);
