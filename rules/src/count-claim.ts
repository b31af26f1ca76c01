import { defineRule, type FixDescriptor, lineRef, wordRef, type RelatedDescriptor, type RuleContext, type SuggestionDescriptor } from '@lkip/engine';
import type { CountClaim, LkipDocument, NumberWord, Position, Quantity } from '@lkip/schema';
import { PROFILES } from '@lkip/parse';
import { indicatorNoun, placeNote, replaceNumber } from './support/describe.js';
import { inCaseOf, numberWord } from './support/number-words.js';
import { readingsOf } from './support/figures.js';
import { perDocument } from './support/memo.js';

/** What the document itself lists for a count claim's subject. */
interface Enumeration {
  count: number;
  /** Other values a claim may rightly state (a staff claim about one office, or one column). */
  alsoAccepted: number[];
  /** The list is the document's own structure, so a differing count is the culprit: fix it. */
  certain: boolean;
  /** What is counted, as the draft says it. */
  noun: string;
  related?: RelatedDescriptor;
}

type Context = RuleContext<unknown>;

// ── what the document enumerates ────────────────────────────────────────────────────────────

function pkTableNote(doc: LkipDocument): RelatedDescriptor | undefined {
  const table = doc.tables.find((t) => t.kind === 'pk');
  return table ? { at: table.position, note: placeNote(doc, { kind: 'pk' }, table.position.line) } : undefined;
}

function withRelated(e: Omit<Enumeration, 'related'>, related: RelatedDescriptor | undefined): Enumeration {
  return related ? { ...e, related } : e;
}

/**
 * The report's own activity list: the PK's activity budget lines (BAB II, else the province's
 * signed PK), the longest such list when there are several.
 */
const activityCount = perDocument(readActivityCount);

function readActivityCount(doc: LkipDocument): Enumeration | undefined {
  const province = doc.units.find((u) => u.kind === 'province')?.id;
  const lines = doc.budget.filter((b) => !b.total);
  const inPk = lines.filter((b) => b.place.kind === 'pk');
  const candidates = inPk.length > 0 ? inPk : lines.filter((b) => b.place.kind === 'signed-pk' && (b.unitId === undefined || b.unitId === province));
  const groups = new Map<string, typeof candidates>();
  for (const line of candidates) groups.set(line.group, [...(groups.get(line.group) ?? []), line]);
  let largest: typeof candidates = [];
  for (const group of groups.values()) if (group.length > largest.length) largest = group;
  const first = largest[0];
  if (!first) return undefined;
  return withRelated({ count: largest.length, alsoAccepted: [], certain: true, noun: 'Kegiatan' }, { at: first.position, note: placeNote(doc, first.place, first.position.line, first.unitId) });
}

function isTotalLabel(text: string): boolean {
  return /^\s*(jumlah|total|grand total)\b/i.test(text);
}

/** The staff table's grand total: the total row under the TOTAL column, else the row's last figure. */
const staffCount = perDocument(readStaffCount);

function readStaffCount(doc: LkipDocument): Enumeration | undefined {
  const table = doc.tables.find((t) => t.kind === 'staff');
  if (!table) return undefined;
  const totalColumn = table.columns.findLastIndex((c) => /total/i.test(c));
  const totalRow = table.rows.find((row) => row.some((cell) => cell.quantities.length === 0 && isTotalLabel(cell.text)));
  const unitRows = table.rows.filter((row) => row !== totalRow);
  const columnValues = totalColumn >= 0 ? unitRows.flatMap((row) => row[totalColumn]?.quantities.slice(0, 1) ?? []) : [];
  let grand: Quantity | undefined;
  let grandCell: Position | undefined;
  if (totalRow) {
    const cell = totalColumn >= 0 && totalRow[totalColumn]?.quantities.length ? totalRow[totalColumn] : totalRow.findLast((c) => c.quantities.length > 0);
    grand = cell?.quantities[0];
    grandCell = cell?.position;
  }
  const columnSum = columnValues.reduce((s, q) => s + q.value, 0);
  const count = grand?.value ?? (columnValues.length > 0 ? columnSum : undefined);
  if (count === undefined) return undefined;
  // The prose is the culprit only when the table adds up; otherwise the total itself may be wrong.
  const certain = grand !== undefined && columnValues.length > 0 && columnSum === grand.value;
  const alsoAccepted = [...(totalRow ?? []).flatMap((c) => c.quantities.map((q) => q.value)), ...columnValues.map((q) => q.value)];
  const at = grandCell ?? table.position;
  return withRelated({ count, alsoAccepted, certain, noun: 'pegawai' }, { at, note: `${wordRef('staff-table')}, ${lineRef(at.line)}` });
}

/** The first section with each id, as a search of the sections finds it. */
const sectionById = perDocument((doc: LkipDocument) => {
  const out = new Map<string, LkipDocument['sections'][number]>();
  for (const s of doc.sections) if (!out.has(s.id)) out.set(s.id, s);
  return out;
});

/** A count about one district office (in its signed PK, or its own section) is not the report's. */
function aboutOneOffice(claim: CountClaim, doc: LkipDocument): boolean {
  if (claim.place.kind === 'signed-pk') return true;
  const section = claim.place.sectionId === undefined ? undefined : sectionById(doc).get(claim.place.sectionId);
  const unit = doc.units.find((u) => u.id === section?.unitId);
  return unit !== undefined && unit.kind !== 'province';
}

/**
 * The indicator acronym a claim's words name: "16 IKU" or "16 Indikator Kinerja Utama" name IKU;
 * a bare "Indikator Kinerja" names none.
 */
function acronymOfHead(head: string): string | undefined {
  const written = /(?<![\p{L}])(IK[A-Z]{1,3})(?![\p{L}])/u.exec(head)?.[1];
  if (written) return written;
  const first = head.toLowerCase().split(/\s+/).slice(0, 3).join(' ');
  const terms = Object.entries(PROFILES['generic']?.indicatorTerms ?? {});
  // The head holds three words: "Indikator Kinerja Sasaran" fits several terms and names none.
  const fits = terms.filter(([, term]) => term.toLowerCase().split(/\s+/).slice(0, 3).join(' ') === first);
  return fits.length === 1 ? fits[0]?.[0] : undefined;
}

/** The first words of what is counted; the reader's noun runs on into the rest of the sentence. */
function nounHead(claim: CountClaim): string {
  return claim.noun.replace(/^\s*target\s+/i, '').split(/\s+/).slice(0, 3).join(' ');
}

export function enumerationFor(claim: CountClaim, doc: LkipDocument): Enumeration | undefined {
  if (aboutOneOffice(claim, doc)) return undefined;
  const head = nounHead(claim);
  switch (claim.subject) {
    case 'indicators': {
      // Indicators of another kind than the draft's own (its key indicators, "IKU", in a report
      // whose PK lists activity indicators, "IKK") are another list than the PK's.
      const named = acronymOfHead(head);
      const own = doc.meta.indicatorAcronym;
      if ((named !== undefined && own !== undefined && named !== own) || doc.indicators.length === 0) return undefined;
      return withRelated({ count: doc.indicators.length, alsoAccepted: [], certain: true, noun: indicatorNoun(doc) }, pkTableNote(doc));
    }
    case 'goals':
      // Sasaran Strategis are the agency's, not the PK's Sasaran Kegiatan.
      if (/strategis/i.test(head) || doc.goals.length === 0) return undefined;
      return withRelated({ count: doc.goals.length, alsoAccepted: [], certain: true, noun: 'Sasaran Kegiatan' }, pkTableNote(doc));
    case 'activities':
      return activityCount(doc);
    case 'staff':
      return staffCount(doc);
    default:
      return undefined;
  }
}

// ── fixes ───────────────────────────────────────────────────────────────────────────────────

function digitsEdit(q: Quantity, value: number): FixDescriptor {
  return { at: q.position, text: replaceNumber(q, value, 0) };
}

function wordEdit(word: NumberWord, value: number): FixDescriptor | undefined {
  const words = numberWord(value);
  return words === undefined ? undefined : { at: word.position, text: inCaseOf(words, word.text) };
}

function bothEdits(claim: CountClaim, value: number): FixDescriptor[] {
  const word = claim.word && wordEdit(claim.word, value);
  return word ? [digitsEdit(claim.count, value), word] : [digitsEdit(claim.count, value)];
}

// ── checks ──────────────────────────────────────────────────────────────────────────────────

function subjectOf(claim: CountClaim): { role: string; detail: string } {
  return { role: claim.subject, detail: `count:${claim.place.kind}:${claim.noun.split(/\s+/).slice(0, 2).join(' ')}` };
}

/** Reports a figure that disagrees with its words; false when the count check is left to say it. */
function checkWords(claim: CountClaim, word: NumberWord, enumeration: Enumeration | undefined, context: Context): boolean {
  const digits = readingsOf(claim.count).map((r) => r.value);
  const data = { digits: claim.count.raw.trim(), word: word.text, wordValue: word.value };
  const count = enumeration?.count;
  if (count !== undefined && enumeration && digits.includes(count)) {
    const fix = wordEdit(word, count);
    context.report({ at: word.position, messageId: 'wordMismatch', data, ...(fix ? { fix } : {}), ...(enumeration.related ? { related: [enumeration.related] } : {}), subject: subjectOf(claim) });
    return true;
  }
  if (count !== undefined && enumeration && word.value === count) {
    context.report({ at: claim.count.position, messageId: 'wordMismatch', data, fix: digitsEdit(claim.count, count), ...(enumeration.related ? { related: [enumeration.related] } : {}), subject: subjectOf(claim) });
    return true;
  }
  // Neither the figure nor the words match the list: the count check says so and fixes both.
  if (count !== undefined) return false;
  const suggestions: SuggestionDescriptor[] = [];
  const toDigits = wordEdit(word, claim.count.value);
  if (toDigits) suggestions.push({ messageId: 'useDigits', data: { word: toDigits.text }, fix: toDigits });
  if (Number.isInteger(word.value)) suggestions.push({ messageId: 'useWords', data: { digits: word.value }, fix: digitsEdit(claim.count, word.value) });
  context.report({ at: claim.count.position, messageId: 'wordMismatch', data, suggestions, subject: subjectOf(claim) });
  return true;
}

function checkCount(claim: CountClaim, enumeration: Enumeration, context: Context): void {
  const stated = readingsOf(claim.count).map((r) => r.value);
  const accepted = [enumeration.count, ...enumeration.alsoAccepted];
  if (stated.some((v) => accepted.includes(v))) return;
  const edits = bothEdits(claim, enumeration.count);
  context.report({
    at: claim.count.position,
    messageId: 'countMismatch',
    data: { stated: claim.count.raw.trim(), noun: enumeration.noun, actual: enumeration.count },
    ...(enumeration.certain ? { fix: edits } : { suggestions: [{ messageId: 'useCount', data: { actual: enumeration.count }, fix: edits }] }),
    ...(enumeration.related ? { related: [enumeration.related] } : {}),
    subject: subjectOf(claim),
  });
}

export default defineRule({
  meta: {
    id: 'count-claim',
    family: 'count-claim',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: true,
    docs: {
      description: 'Counts stated in prose must match their number words and what the document lists',
      descriptionId: 'Jumlah yang disebut dalam uraian harus sesuai dengan angka terbilangnya dan dengan yang dicantumkan dokumen',
    },
    messages: {
      wordMismatch: {
        en: 'The figure {digits} is written in words as “{word}” ({wordValue}).',
        id: 'Angka {digits} ditulis dengan huruf “{word}” ({wordValue}).',
      },
      countMismatch: {
        en: 'The text states {stated} {noun}, but the document lists {actual}.',
        id: 'Disebutkan {stated} {noun}, padahal dokumen mencantumkan {actual}.',
      },
      useDigits: {
        en: 'Write the words as “{word}”.',
        id: 'Tulis terbilangnya “{word}”.',
      },
      useWords: {
        en: 'Write the figure as {digits}.',
        id: 'Tulis angkanya {digits}.',
      },
      useCount: {
        en: 'Change the count to {actual}.',
        id: 'Ubah jumlahnya menjadi {actual}.',
      },
    },
  },
  check(doc, context) {
    for (const claim of doc.claims) {
      if (claim.kind !== 'count') continue;
      const enumeration = enumerationFor(claim, doc);
      const word = claim.word;
      if (word && !readingsOf(claim.count).some((r) => r.value === word.value) && checkWords(claim, word, enumeration, context)) continue;
      if (enumeration) checkCount(claim, enumeration, context);
    }
  },
});
