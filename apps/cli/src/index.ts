export { run, type RunOptions } from './run.js';
export type { Io } from './io.js';
export { CliError } from './errors.js';
export { formatters, FORMAT_NAMES, type FormatName, type Formatter, type FormatterContext } from './formatters/index.js';
export { decodeDraft, encodeDraft, type DraftEncoding } from './read-draft.js';
export { writeFileAtomic } from './write-atomic.js';
