import { resolve } from 'node:path';
import { CliError, describeFsError } from '../errors.js';
import { isDocxPath } from '../files.js';
import { displayPath } from '../formatters/stylish.js';
import { readDraftInput } from '../read-input.js';
import { writeFileAtomic } from '../write-atomic.js';
import type { CommandContext } from './context.js';

export interface ConvertFlags {
  out?: string;
}

/**
 * `lkip convert draft.docx [--out draft.md]`: the Markdown lkip reads from a Word draft, the
 * text whose line numbers `lkip lint` reports. Written atomically, or printed.
 */
export async function convertCommand(file: string, flags: ConvertFlags, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const path = resolve(io.cwd, file);
  const label = displayPath(path, io);
  if (!isDocxPath(path)) throw new CliError(`${label}: convert reads Word documents (.docx); a text draft is linted as it is`);
  const draft = await readDraftInput(path, label);
  if (flags.out === undefined) {
    io.stdout(draft.text);
    return 0;
  }
  const target = resolve(io.cwd, flags.out);
  if (target === path) throw new CliError(`${label}: --out must not be the Word document itself`);
  try {
    await writeFileAtomic(target, Buffer.from(draft.text, 'utf8'));
  } catch (error) {
    throw new CliError(`${displayPath(target, io)}: cannot write: ${describeFsError(error)}`);
  }
  return 0;
}
