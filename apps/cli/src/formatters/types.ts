import type { LintResult, Locale, RuleMeta } from '@lkip/engine';

export interface FormatterContext {
  /** Paths are shown (stylish) or written (SARIF) relative to this directory. */
  cwd: string;
  locale: Locale;
  color: boolean;
  /** Meta of every loaded rule, by id (ESLint passes `rulesMeta` to formatters the same way). */
  rulesMeta: Record<string, RuleMeta<unknown>>;
  toolVersion: string;
}

/** ESLint's formatter shape: results in, the whole report out (empty string for nothing to say). */
export type Formatter = (results: LintResult[], context: FormatterContext) => string;
