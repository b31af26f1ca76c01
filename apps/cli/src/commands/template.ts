import { resolve } from 'node:path';
import { CliError, describeFsError } from '../errors.js';
import { displayPath } from '../formatters/display-path.js';
import type { Io } from '../io.js';
import { templateBytes } from '../spreadsheet-input.js';
import { writeFileAtomic } from '../write-atomic.js';

/**
 * `lkip template`: the sheet a planning office fills in (one row per indicator × office: target,
 * realisation, achievement) and lints with `lkip lint file.csv|file.xlsx`. CSV goes to standard
 * output unless --out names a file; an XLSX workbook needs --out.
 */
export async function templateCommand(flags: { format: 'csv' | 'xlsx'; out?: string }, io: Io): Promise<number> {
  if (flags.format === 'xlsx' && flags.out === undefined) throw new CliError('an XLSX template is a file: name it with --out template.xlsx');
  const bytes = await templateBytes(flags.format);
  if (flags.out === undefined) {
    io.stdout(bytes.toString('utf8'));
    return 0;
  }
  const target = resolve(io.cwd, flags.out);
  try {
    await writeFileAtomic(target, bytes);
  } catch (error) {
    throw new CliError(`${displayPath(target, io)}: cannot write: ${describeFsError(error)}`);
  }
  return 0;
}
