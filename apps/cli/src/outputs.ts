import { stat } from 'node:fs/promises';
import { CliError } from './errors.js';

/**
 * `a` and `b` name the same existing file: after symlinks (stat follows them) and across hard
 * links (same device and inode), so `./a.md`, `a.md`, a link to it and `../dir/a.md` all match.
 */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)]);
  return x !== undefined && y !== undefined && x.dev === y.dev && x.ino === y.ino;
}

/**
 * Refuses, before any work, to write `output` where one of `inputs` is: `lkip compare -o jatim.md
 * jatim.md …`, `convert w.docx --out out.md` with `out.md → w.docx`, `--cache-location` or
 * `--write-baseline` naming a draft. An output that is a symlink to anything else is written
 * through (the link keeps pointing at the new file, as a shell's `>` does); see write-atomic.ts.
 */
export async function refuseOutputOverInput(output: string, inputs: readonly string[], refusal: { label: string; flag: string; what: string }): Promise<void> {
  for (const input of inputs) {
    if (await sameFile(output, input)) throw new CliError(`${refusal.label}: ${refusal.flag} names ${refusal.what} (after symlinks); nothing was written, choose another file`);
  }
}
