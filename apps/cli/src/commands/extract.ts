import { extname, resolve } from 'node:path';
import type { Locale } from '@lkip/engine';
import { displayPath } from '../formatters/display-path.js';
import { splitLineEndings } from '@lkip/parse';
import { isConvertedPath } from '../files.js';
import { readDraftFile } from '../read-draft.js';
import { readDraftInput } from '../read-input.js';
import { summarise } from '../summary.js';
import { visible } from '../visible.js';
import { CliError } from '../errors.js';
import { describeLimitRefusal, parseLimitFlags } from '../limits.js';
import type { CommandContext } from './context.js';

export type ExtractFormat = 'json' | 'summary';

export interface ExtractFlags {
  format: ExtractFormat;
  locale: Locale;
  /** `--limit name=N`: the reader's bounds for this run (limits.ts). */
  limit?: string[];
}

/** `lkip extract`: the document model the rules see, as JSON (valid against `lkip schema`) or as an overview. */
export async function extractCommand(file: string, flags: ExtractFlags, ctx: CommandContext): Promise<number> {
  const path = resolve(ctx.io.cwd, file);
  const label = displayPath(path, ctx.io);
  // A Word draft or a PDF is read through its Markdown form, as `lkip lint` reads it.
  const draft = isConvertedPath(path) ? await readDraftInput(path, label) : await readDraftFile(path, label);
  // Same text the linter parses, so offsets in the JSON match `lkip lint --format json`'s lines and columns.
  const { lf } = splitLineEndings(draft.text);
  const limits = parseLimitFlags(flags.limit);
  const doc = ctx.parse(lf, { path: label, format: extname(path).toLowerCase() === '.txt' ? 'text' : 'markdown', ...(Object.keys(limits).length > 0 ? { limits } : {}) });
  // A draft past one of the reader's bounds was not read: one line and exit 2, as `lkip lint` says it.
  const refused = doc.diagnostics.find((d) => d.code === 'limit-exceeded');
  if (refused) throw new CliError(`${label}: ${describeLimitRefusal(refused.message)}`);
  // The summary is for a terminal: the draft's control characters are shown, never obeyed (visible.ts).
  ctx.io.stdout(flags.format === 'summary' ? visible(summarise(doc, flags.locale)) : `${JSON.stringify(doc, null, 2)}\n`);
  return 0;
}
