// The library API: what `lkip lint`, `lkip extract` and `lkip compare` do, as functions (README, "Library API").
export {
  lintText,
  lintFile,
  extract,
  extractFile,
  compare,
  formatResults,
  type InputFormat,
  type LibraryOptions,
  type LintTextOptions,
  type LintFileOptions,
  type ExtractOptions,
  type CompareInput,
  type FormatOptions,
} from './library.js';
export type { LintResult, LintMessage, LintFix, LintSuggestion, LintRelated, LkipConfig, Locale, Severity } from '@lkip/engine';
export type { LkipDocument } from '@lkip/schema';
export type { Comparison } from '@lkip/compare';

// The command itself, in-process (tests and embedders), and the pieces it is made of.
export { run, type RunOptions } from './run.js';
export type { Io } from './io.js';
export { CliError } from './errors.js';
export { formatters, FORMAT_NAMES, type FormatName, type Formatter, type FormatterContext } from './formatters/index.js';
export { decodeDraft, encodeDraft, type DraftEncoding } from './read-draft.js';
export { writeFileAtomic } from './write-atomic.js';
