import { defineRule, type FindingEvidence, type FindingSubject, lineRef, type SuggestionDescriptor, wordRef } from '@lkip/engine';
import type { LkipDocument, Position, YearClaim, YearListClaim } from '@lkip/schema';
import { z } from 'zod';

/**
 * year-mismatch: a year that cannot be right in the report of its fiscal year. Drafts are
 * copied forward from last year's report, and "tahun anggaran 2023" survives in the 2024 LKIP;
 * comparisons over three years get one year written twice.
 */

const Options = z.object({
  /** Also check year lists and contrasts ("Tahun 2022 dan 2024", "Tahun 2023 … sedangkan Tahun 2023"). */
  checkYearLists: z.boolean().default(true),
});
type Options = z.infer<typeof Options>;

type YearFindingKind = 'fiscalYear' | 'reportYear' | 'presentYear' | 'repeatedInList' | 'namedElsewhere' | 'sameContrast';

/** One year occurrence the rule objects to, with the years an editor may want instead. */
export interface YearFinding {
  kind: YearFindingKind;
  year: number;
  at: Position;
  /** The years a suggestion may write, best first. */
  replacements: { at: Position; year: number }[];
  /** Where the year already stands, for `related`. */
  other?: Position;
}

// ---------------------------------------------------------------------------------------------
// Detection

function presentYearKind(claim: YearClaim): YearFindingKind {
  if (claim.context === 'fiscal-year') return 'fiscalYear';
  if (claim.context === 'report-year') return 'reportYear';
  return 'presentYear';
}

/** A suggestion writes over the year's own four digits and nothing else. */
function isYearSpan(at: Position): boolean {
  return at.line === at.endLine && at.endOffset - at.offset === 4;
}

function checkPresentYear(claim: YearClaim, fiscalYear: number): YearFinding | undefined {
  if (!claim.present || claim.year === fiscalYear) return undefined;
  return { kind: presentYearKind(claim), year: claim.year, at: claim.position, replacements: [{ at: claim.position, year: fiscalYear }] };
}

/**
 * The year a repeated year most likely stands for: the one gap in the run of years the sentence
 * names ("2024 … sama dengan Tahun 2022 dan 2024" leaves 2023), else the fiscal year when the
 * sentence does not name it.
 */
function likelyYear(named: ReadonlySet<number>, fiscalYear: number): number | undefined {
  const years = [...named];
  const gaps: number[] = [];
  for (let y = Math.min(...years) + 1; y < Math.max(...years); y++) if (!named.has(y)) gaps.push(y);
  if (gaps.length === 1) return gaps[0];
  if (gaps.length === 0 && !named.has(fiscalYear)) return fiscalYear;
  return undefined;
}

function checkYearList(claim: YearListClaim, fiscalYear: number): YearFinding[] {
  const named = new Set([...claim.years.map((y) => y.year), ...claim.otherYears]);
  const candidate = likelyYear(named, fiscalYear);
  const replaceWith = (at: Position) => (candidate === undefined ? [] : [{ at, year: candidate }]);
  const findings: YearFinding[] = [];
  if (claim.form === 'contrast') {
    const [first, second] = claim.years;
    if (first && second && first.year === second.year) {
      findings.push({
        kind: 'sameContrast',
        year: second.year,
        at: second.position,
        replacements: [...replaceWith(second.position), ...replaceWith(first.position)],
        other: first.position,
      });
    }
    return findings;
  }
  claim.years.forEach((entry, index) => {
    const earlier = claim.years.slice(0, index).find((y) => y.year === entry.year);
    if (earlier) {
      findings.push({ kind: 'repeatedInList', year: entry.year, at: entry.position, replacements: replaceWith(entry.position), other: earlier.position });
    } else if (claim.otherYears.includes(entry.year)) {
      findings.push({ kind: 'namedElsewhere', year: entry.year, at: entry.position, replacements: replaceWith(entry.position) });
    }
  });
  return findings;
}

export function findYearProblems(doc: LkipDocument, options: Options): YearFinding[] {
  const fiscalYear = doc.meta.fiscalYear;
  // Without the report's year there is nothing to hold a year against.
  if (fiscalYear === undefined) return [];
  const findings: YearFinding[] = [];
  for (const claim of doc.claims) {
    if (claim.kind === 'year') {
      const finding = checkPresentYear(claim, fiscalYear);
      if (finding) findings.push(finding);
    } else if (claim.kind === 'year-list' && options.checkYearLists) {
      findings.push(...checkYearList(claim, fiscalYear));
    }
  }
  return findings.sort((a, b) => a.at.offset - b.at.offset);
}

// ---------------------------------------------------------------------------------------------
// Message and suggestions

function suggestionsFor(finding: YearFinding): SuggestionDescriptor[] {
  return finding.replacements
    .filter((r) => isYearSpan(r.at))
    .map((r) => ({
      messageId: 'replaceYear',
      data: { year: finding.year, replacement: r.year, line: r.at.line, column: r.at.column },
      fix: { at: r.at, text: String(r.year) },
    }));
}

function subjectOf(finding: YearFinding): FindingSubject {
  return { detail: `${finding.kind}:${finding.year}` };
}

/** Last year's report year left in several places is one problem: the report's own year, written wrong. */
const REPORT_YEAR_KINDS = new Set<YearFindingKind>(['fiscalYear', 'reportYear', 'presentYear']);

function evidenceOf(finding: YearFinding, fiscalYear: number | undefined): FindingEvidence {
  // A year is a word here, not a quantity: compared as written, never shown as 2.023.
  const stated = { text: String(finding.year) };
  if (!REPORT_YEAR_KINDS.has(finding.kind) || fiscalYear === undefined) return { stated, basis: 'rule' };
  return { figure: 'report-year', stated, expected: { text: String(fiscalYear) }, basis: 'rule', role: 'other' };
}

export default defineRule<Options>({
  meta: {
    id: 'year-mismatch',
    family: 'year',
    defaultSeverity: 'warn',
    fixable: false,
    hasSuggestions: true,
    docs: {
      description: 'Years that speak of the present must be the fiscal year of the report, and year lists must not repeat a year',
      descriptionId: 'Tahun yang menyatakan masa kini harus tahun anggaran laporan, dan daftar tahun tidak boleh mengulang tahun',
    },
    messages: {
      fiscalYear: {
        en: 'The fiscal year is written as {year}, but this report covers fiscal year {fiscalYear}.',
        id: 'Tahun anggaran tertulis {year}, padahal laporan ini untuk tahun anggaran {fiscalYear}.',
      },
      reportYear: {
        en: 'The report calls itself the report for {year}, but it covers fiscal year {fiscalYear}.',
        id: 'Laporan ini disebut laporan tahun {year}, padahal laporan ini untuk tahun anggaran {fiscalYear}.',
      },
      presentYear: {
        en: 'This sentence speaks of the current year as {year}, but the report covers fiscal year {fiscalYear}.',
        id: 'Kalimat ini menyebut tahun berjalan sebagai {year}, padahal laporan ini untuk tahun anggaran {fiscalYear}.',
      },
      repeatedInList: {
        en: 'The year list names {year} twice.',
        id: 'Daftar tahun menyebut {year} dua kali.',
      },
      namedElsewhere: {
        en: '{year} appears in the year list and again elsewhere in the same sentence; the list probably means another year.',
        id: '{year} muncul dalam daftar tahun dan juga di bagian lain kalimat yang sama; daftar itu kemungkinan dimaksudkan untuk tahun lain.',
      },
      sameContrast: {
        en: 'The sentence sets {year} against {year} again; one of the two years is wrong.',
        id: 'Kalimat ini membandingkan tahun {year} dengan tahun {year} lagi; salah satu tahun keliru.',
      },
      replaceYear: {
        en: 'Replace {year} (line {line}, column {column}) with {replacement}',
        id: 'Ganti {year} (baris {line}, kolom {column}) dengan {replacement}',
      },
    },
    options: Options,
  },
  check(doc, context) {
    const fiscalYear = doc.meta.fiscalYear;
    for (const finding of findYearProblems(doc, context.options)) {
      context.report({
        at: finding.at,
        messageId: finding.kind,
        data: { year: finding.year, fiscalYear: fiscalYear ?? '' },
        suggestions: suggestionsFor(finding),
        ...(finding.other ? { related: [{ at: finding.other, note: `${wordRef('year')} ${finding.year}, ${lineRef(finding.other.line)}` }] } : {}),
        subject: subjectOf(finding),
        evidence: evidenceOf(finding, fiscalYear),
      });
    }
  },
});
