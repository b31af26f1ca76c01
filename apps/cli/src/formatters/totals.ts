import type { createColors } from 'picocolors';
import type { LintResult, Locale } from '@lkip/engine/light';
import { words } from '../i18n.js';

/** The counts ESLint's reports end with, over every file of a run. */
export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  fixableErrors: number;
  fixableWarnings: number;
  /** Findings of every severity. */
  findings: number;
}

export function totalsOf(results: readonly LintResult[]): Totals {
  const t: Totals = { errors: 0, warnings: 0, infos: 0, fixableErrors: 0, fixableWarnings: 0, findings: 0 };
  for (const r of results) {
    t.errors += r.errorCount;
    t.warnings += r.warningCount;
    t.infos += r.infoCount;
    t.fixableErrors += r.fixableErrorCount;
    t.fixableWarnings += r.fixableWarningCount;
  }
  t.findings = t.errors + t.warnings + t.infos;
  return t;
}

/** "2 errors, 1 warning" (and the notes when there are any), in the locale. */
export function countsText(t: Totals, locale: Locale): string {
  const w = words(locale);
  return [w.errors(t.errors), w.warnings(t.warnings), ...(t.infos > 0 ? [w.infos(t.infos)] : [])].join(', ');
}

/**
 * The bold closing lines of stylish and codeframe: `✖ <headline>`, then what `--fix` can mend,
 * coloured by the worst severity. Empty when there is no finding.
 */
export function closingLines(t: Totals, headline: string, c: ReturnType<typeof createColors>, locale: Locale): string {
  if (t.findings === 0) return '';
  const colour = t.errors > 0 ? c.red : t.warnings > 0 ? c.yellow : c.blue;
  let out = '\n' + colour(c.bold(`✖ ${headline}`)) + '\n';
  if (t.fixableErrors > 0 || t.fixableWarnings > 0) out += colour(c.bold(`  ${words(locale).fixable(t.fixableErrors, t.fixableWarnings)}`)) + '\n';
  return out;
}
