import type { ColumnRole, Diagnostic, LkipDocument, SectionKind, TableKind } from '@lkip/schema';
import type { SourceMap } from './source-map.js';

/**
 * What kind of input the reader was given: a whole LKIP, an excerpt of one (a page of tables, a
 * chapter, a budget realisation page), or something that states no performance figure at all.
 * Only the last is refused; an excerpt is linted with every check its figures allow, and the
 * reader says once which document-level checks it lacks the parts for.
 */

/** Column roles that carry performance or budget figures. */
const FIGURE_ROLES: ReadonlySet<ColumnRole> = new Set(['target', 'realisation', 'achievement', 'ceiling', 'spent', 'spent-percent', 'remaining']);

/** Table kinds the classifier only gives to tables of performance or budget figures. */
const FIGURE_KINDS: ReadonlySet<TableKind> = new Set(['pk', 'unit-measurement', 'indicator-summary', 'appendix-summary', 'recap', 'budget']);

/** The chapters of a full report (BAB I–IV, the executive summary, the appendix). */
const CHAPTERS: ReadonlySet<SectionKind> = new Set(['summary', 'introduction', 'planning', 'accountability', 'closing', 'appendix']);

// "target … realisasi … 95", "realisasi 3,8 dari target 4": both words and a figure in one sentence.
const TARGET_AND_REALISATION = /\btarget\b[^.!?\n]{0,240}?\brealisasi\b|\brealisasi\b[^.!?\n]{0,240}?\btarget\b/gi;

function statesTargetAndRealisation(text: string): boolean {
  for (const m of text.matchAll(TARGET_AND_REALISATION)) {
    const start = m.index ?? 0;
    // The figure may follow the second word: "target dan realisasi tahun ini masing-masing 80 dan 76".
    const sentence = text.slice(start, start + m[0].length + 80).split(/[.!?](?:\s|$)|\n/)[0] ?? '';
    if (/\d/.test(sentence.replace(/\b(?:19|20)\d{2}\b/g, ''))) return true;
  }
  return false;
}

/** A change column beside two year columns: a year-on-year comparison of results. */
function yearOnYear(roles: readonly ColumnRole[]): boolean {
  return roles.includes('change') && roles.filter((r) => r === 'year').length >= 2;
}

/** The draft states at least one performance figure: a row of target/realisation/achievement or budget columns, a capaian fraction, a measurement, a budget line, or a sentence with a target and a realisation. */
export function hasPerformanceFigures(doc: LkipDocument, text: string): boolean {
  if (doc.tables.some((t) => FIGURE_KINDS.has(t.kind) || (t.roles ?? []).some((r) => FIGURE_ROLES.has(r)) || yearOnYear(t.roles ?? []))) return true;
  if (doc.fractions.length > 0 || doc.measurements.length > 0 || doc.budget.length > 0) return true;
  return statesTargetAndRealisation(text);
}

/** No Perjanjian Kinerja table of the report and at most one chapter: a page or a chapter taken out of a report. */
export function isExcerpt(doc: LkipDocument): boolean {
  const pk = doc.tables.some((t) => t.kind === 'pk') || doc.measurements.some((m) => m.place.kind === 'pk');
  const chapters = new Set(doc.sections.filter((s) => CHAPTERS.has(s.kind)).map((s) => s.kind));
  return !pk && chapters.size < 2;
}

/**
 * The reader's verdict on the kind of input, as a diagnostic: `not-an-lkip` (an error: nothing
 * to lint) when no performance figure is stated anywhere, `excerpt` (info) when the figures are
 * there but the PK and the chapters are not. The engine turns `excerpt` into one note.
 */
export function inputKindDiagnostic(doc: LkipDocument, text: string, map: SourceMap): Diagnostic | undefined {
  const position = map.position(0, Math.min(text.length, 1));
  if (!hasPerformanceFigures(doc, text)) {
    return {
      severity: 'error',
      code: 'not-an-lkip',
      message: 'This does not look like an LKIP draft: no target, realisation, achievement or budget figures were found (no such table, no capaian fraction, no sentence stating a target and a realisation).',
      position,
    };
  }
  if (!isExcerpt(doc)) return undefined;
  const missing = ['cross-references between places (PK, chapters, appendix)', 'tallies and count claims against the Perjanjian Kinerja'];
  if (doc.meta.fiscalYear === undefined) missing.push('year checks (no report year in a title)');
  return {
    severity: 'info',
    code: 'excerpt',
    message: `An excerpt (no Perjanjian Kinerja table, no report chapters): its figures are checked, but these checks could not run: ${missing.join('; ')}.`,
    position,
  };
}
