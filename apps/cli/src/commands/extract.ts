import { extname, resolve } from 'node:path';
import type { Locale } from '@lkip/engine';
import { displayPath } from '../formatters/stylish.js';
import { splitLineEndings } from '@lkip/parse';
import { isDocxPath } from '../files.js';
import { readDraftFile } from '../read-draft.js';
import { readDraftInput } from '../read-input.js';
import { summarise } from '../summary.js';
import type { CommandContext } from './context.js';

export type ExtractFormat = 'json' | 'summary';

export interface ExtractFlags {
  format: ExtractFormat;
  locale: Locale;
}

/** `lkip extract`: the document model the rules see, as JSON (valid against `lkip schema`) or as an overview. */
export async function extractCommand(file: string, flags: ExtractFlags, ctx: CommandContext): Promise<number> {
  const path = resolve(ctx.io.cwd, file);
  const label = displayPath(path, ctx.io);
  // A Word draft is read through its Markdown form, as `lkip lint` reads it.
  const draft = isDocxPath(path) ? await readDraftInput(path, label) : await readDraftFile(path, label);
  // Same text the linter parses, so offsets in the JSON match `lkip lint --format json`'s lines and columns.
  const { lf } = splitLineEndings(draft.text);
  const doc = ctx.parse(lf, { path: label, format: extname(path).toLowerCase() === '.txt' ? 'text' : 'markdown' });
  ctx.io.stdout(flags.format === 'summary' ? summarise(doc, flags.locale) : `${JSON.stringify(doc, null, 2)}\n`);
  return 0;
}
