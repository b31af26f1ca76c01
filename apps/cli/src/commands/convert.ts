import { resolve } from 'node:path';
import { CliError, describeFsError } from '../errors.js';
import { isConvertedPath } from '../files.js';
import { displayPath } from '../formatters/display-path.js';
import { readDraftInput } from '../read-input.js';
import { refuseOutputOverInput } from '../outputs.js';
import { writeFileAtomic } from '../write-atomic.js';
import type { CommandContext } from './context.js';

export interface ConvertFlags {
  out?: string;
}

/**
 * `lkip convert draft.docx|report.pdf [--out draft.md]`: the Markdown lkip reads from a Word
 * draft or a PDF, the text whose line numbers `lkip lint` reports. Written atomically, or printed.
 */
export async function convertCommand(file: string, flags: ConvertFlags, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const path = resolve(io.cwd, file);
  const label = displayPath(path, io);
  if (!isConvertedPath(path)) throw new CliError(`${label}: convert reads Word documents (.docx) and PDFs (.pdf); a text draft is linted as it is`);
  const target = flags.out === undefined ? undefined : resolve(io.cwd, flags.out);
  // Compared by real path, before converting: `--out out.md` with `out.md → w.docx` must not replace the Word file.
  if (target !== undefined) await refuseOutputOverInput(target, [path], { label: displayPath(target, io), flag: '--out', what: 'the document being converted' });
  const draft = await readDraftInput(path, label);
  if (target === undefined) {
    io.stdout(draft.text);
    return 0;
  }
  try {
    await writeFileAtomic(target, Buffer.from(draft.text, 'utf8'));
  } catch (error) {
    throw new CliError(`${displayPath(target, io)}: cannot write: ${describeFsError(error)}`);
  }
  return 0;
}
