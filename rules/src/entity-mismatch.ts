import { defineRule, lineRef, wordRef, type FindingEvidence, type RuleContext } from '@lkip/engine';
import type { Indicator, LkipDocument, Measurement, OfficeMention, Position, ReportingUnit, SupportingActivity } from '@lkip/schema';
import { indicatorWords } from '@lkip/parse';
import { clip, indicatorLabel, indicatorShort, said, unitName } from './support/describe.js';
import { figureKey, figureOf } from './support/evidence.js';
import { sameFigure } from './support/figures.js';

/**
 * entity-mismatch: text written for one office (or indicator) and left under another. Drafts
 * are assembled from the offices' own submissions and from last year's text, so a paragraph
 * under one office's heading speaks of another office, a recap row of a district keeps a phrase
 * of the city's row, two offices' figures change places between two tables, and the activities
 * of two indicators are swapped in the summary. Offices named as partners ("bekerja sama dengan
 * …") are the text's business and never reported.
 */

type Context = RuleContext<unknown>;

const REGION_WORD = /\b(?:kota|kabupaten|kab)\b/i;

function inside(p: Position, range: Position): boolean {
  return p.offset >= range.offset && p.endOffset <= range.endOffset;
}

function unitOf(doc: LkipDocument, id: string | undefined): ReportingUnit | undefined {
  return doc.units.find((u) => u.id === id);
}

const KIND_NAMES: Record<ReportingUnit['kind'], string> = { province: 'provinsi', regency: 'kabupaten', city: 'kota', other: 'lain' };

/** A mention of another district office than `own`: a unit, or a bare "<acronym> Kota" in a regency's text. */
function isOtherOffice(doc: LkipDocument, mention: OfficeMention, own: ReportingUnit): boolean {
  if (mention.partner) return false;
  if (mention.unitId) {
    const unit = unitOf(doc, mention.unitId);
    return unit !== undefined && unit.id !== own.id && unit.kind !== 'province';
  }
  // A kind with no place: only a region word ("Kota", "Kabupaten") names one kind of office.
  return mention.place === undefined && REGION_WORD.test(mention.text) && (mention.kind === 'city' || mention.kind === 'regency') && mention.kind !== own.kind;
}

function otherName(doc: LkipDocument, mention: OfficeMention): string {
  return mention.unitId ? unitName(doc, mention.unitId) || mention.text : mention.text;
}

// ---------------------------------------------------------------------------------------------
// A paragraph under one office's heading that speaks of another office.

/** The mentions inside a range, in the order given: found by a binary search of the mentions sorted by where they start. */
function mentionsInside(sorted: readonly { m: OfficeMention; i: number }[], range: Position): OfficeMention[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid]?.m.position.offset ?? 0) < range.offset) lo = mid + 1;
    else hi = mid;
  }
  const found: { m: OfficeMention; i: number }[] = [];
  for (let k = lo; k < sorted.length && (sorted[k]?.m.position.offset ?? Infinity) <= range.endOffset; k++) {
    const entry = sorted[k] as { m: OfficeMention; i: number };
    if (inside(entry.m.position, range)) found.push(entry);
  }
  return found.sort((a, b) => a.i - b.i).map((e) => e.m);
}

function checkParts(doc: LkipDocument, context: Context): void {
  const prose = doc.officeMentions.filter((m) => m.tableId === undefined);
  const sorted = prose.map((m, i) => ({ m, i })).sort((a, b) => a.m.position.offset - b.m.position.offset || a.i - b.i);
  for (const part of doc.officeParts) {
    const own = unitOf(doc, part.unitId);
    // The province's part speaks of its districts as a matter of course.
    if (!own || own.kind === 'province') continue;
    for (const paragraph of part.paragraphs) {
      const mentions = mentionsInside(sorted, paragraph);
      if (mentions.some((m) => m.unitId === own.id)) continue;
      const other = mentions.find((m) => isOtherOffice(doc, m, own));
      if (!other) continue;
      context.report({
        at: other.position,
        messageId: 'otherOfficeInPart',
        data: { own: own.name, other: otherName(doc, other), headingLine: part.heading.line },
        related: [{ at: part.heading, note: `${wordRef('heading')} ${own.name}, ${lineRef(part.heading.line)}` }],
        subject: { unit: own.name, detail: `part:${other.text}` },
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// A row of one office (a recap, a per-office table) whose text names another office.

function checkRows(doc: LkipDocument, context: Context): void {
  // Mentions by table and row, in the draft's order: each row reads its own.
  const byRow = new Map<string, OfficeMention[]>();
  for (const m of doc.officeMentions) {
    if (m.tableId === undefined) continue;
    const key = `${m.tableId}\u0000${m.row}`;
    const list = byRow.get(key);
    if (list) list.push(m);
    else byRow.set(key, [m]);
  }
  for (const table of doc.tables) {
    const unitColumn = table.roles?.indexOf('unit') ?? -1;
    if (unitColumn < 0) continue;
    table.rows.forEach((row, r) => {
      const rowMentions = byRow.get(`${table.id}\u0000${r}`) ?? [];
      const own = unitOf(doc, rowMentions.find((m) => m.column === unitColumn && m.unitId)?.unitId);
      if (!own || own.kind === 'province') return;
      const reported = new Set<number>();
      for (const m of rowMentions) {
        if (m.column === unitColumn || m.column === undefined || reported.has(m.column) || !isOtherOffice(doc, m, own)) continue;
        // A cell that also names the row's own office compares the two.
        if (rowMentions.some((x) => x.column === m.column && x.unitId === own.id)) continue;
        reported.add(m.column);
        const unitCell = row[unitColumn];
        context.report({
          at: m.position,
          messageId: m.unitId ? 'otherOfficeInRow' : 'otherKindInRow',
          data: { own: own.name, other: otherName(doc, m), kind: KIND_NAMES[m.kind], ownKind: KIND_NAMES[own.kind], column: clip(table.columns[m.column] ?? '', 40) || `${wordRef('column')} ${m.column + 1}` },
          ...(unitCell ? { related: [{ at: unitCell.position, note: `${wordRef('row')} ${own.name}, ${lineRef(unitCell.position.line)}` }] } : {}),
          subject: { unit: own.name, detail: `row:${table.id}:${m.text.toLowerCase()}` },
        });
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Two offices' figures that changed places between two tables.

interface Figure {
  m: Measurement & { quantity: NonNullable<Measurement['quantity']> };
}

/** Figures of offices by table, with the tables that state one figure (indicator, measure, role, year) side by side. */
function tableFigures(doc: LkipDocument): Map<string, Figure['m'][]>[] {
  const figures = new Map<string, Map<string, Figure['m'][]>>();
  for (const m of doc.measurements) {
    if (!m.quantity || !m.unitId || m.aggregate || m.place.tableId === undefined || (m.role !== 'target' && m.role !== 'realisation')) continue;
    const figure = `${m.indicatorId}|${m.measure}|${m.role}|${m.year}`;
    const tables = figures.get(figure) ?? new Map<string, Figure['m'][]>();
    figures.set(figure, tables);
    const list = tables.get(m.place.tableId);
    if (list) list.push(m as Figure['m']);
    else tables.set(m.place.tableId, [m as Figure['m']]);
  }
  return [...figures.values()];
}

/** The first figure of each office, as a search of the table's figures in order finds it. */
function byOffice(figures: readonly Figure['m'][]): Map<string | undefined, Figure['m']> {
  const out = new Map<string | undefined, Figure['m']>();
  for (const m of figures) if (!out.has(m.unitId)) out.set(m.unitId, m);
  return out;
}

/**
 * A swap is about the figure at the reported place: the other table gives this office the other
 * figure. With the same figures as a cross-reference finding at this place, the engine puts the
 * two in one group.
 */
function swapEvidence(doc: LkipDocument, m: Figure['m'], other: Figure['m']): FindingEvidence {
  return {
    figure: figureKey(doc, m),
    stated: figureOf(m.quantity),
    expected: figureOf(other.quantity),
    basis: 'rule',
    role: m.role === 'target' ? 'target' : 'realisation',
    label: indicatorLabel(doc, m.indicatorId),
  };
}

function checkSwaps(doc: LkipDocument, context: Context): void {
  const reported = new Set<string>();
  // Only tables that state the same figure are compared: two by two within one figure, never across the draft.
  for (const tables of tableFigures(doc)) {
    const lists = [...tables.values()];
    const offices = lists.map(byOffice);
    for (let i = 0; i < lists.length; i++) {
      for (let j = i + 1; j < lists.length; j++) {
        const inP = lists[i] ?? [];
        const inQ = offices[j] ?? new Map<string | undefined, Figure['m']>();
        for (const aP of inP) {
          for (const bP of inP) {
            if (aP.unitId === bP.unitId || sameFigure(aP.quantity, bP.quantity)) continue;
            const aQ = inQ.get(aP.unitId);
            const bQ = inQ.get(bP.unitId);
            // Exactly swapped: A's figure stands in B's row of the other table and B's in A's.
            if (!aQ || !bQ || !sameFigure(aP.quantity, bQ.quantity) || !sameFigure(bP.quantity, aQ.quantity)) continue;
            const key = [aP.id, bP.id].sort().join('|');
            if (reported.has(key)) continue;
            reported.add(key);
            const [first, second] = aP.position.offset < bP.position.offset ? [aP, bP] : [bP, aP];
            const firstOther = first === aP ? aQ : bQ;
            const secondOther = first === aP ? bQ : aQ;
            context.report({
              at: first.position,
              messageId: 'swappedFigures',
              data: {
                indicator: indicatorShort(doc, first.indicatorId),
                a: unitName(doc, first.unitId),
                b: unitName(doc, second.unitId),
                aValue: said(first.quantity),
                bValue: said(second.quantity),
                line: firstOther.position.line,
              },
              related: [
                { at: second.position, note: `${unitName(doc, second.unitId)}, ${lineRef(second.position.line)}` },
                { at: firstOther.position, note: `${unitName(doc, first.unitId)}, ${lineRef(firstOther.position.line)}` },
                { at: secondOther.position, note: `${unitName(doc, second.unitId)}, ${lineRef(secondOther.position.line)}` },
              ],
              subject: { indicator: first.indicatorId, role: first.role, detail: `swap:${unitName(doc, first.unitId)}:${unitName(doc, second.unitId)}` },
              evidence: swapEvidence(doc, first, firstOther),
            });
          }
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The activities of two indicators, swapped.

interface Affinity {
  score: number;
  /** The activity shares a word that only this indicator's name has among the draft's indicators. */
  distinctive: boolean;
}

/** How strongly an activity's words point at an indicator: the rarer the shared word among the draft's indicators, the more. */
function affinity(activity: ReadonlySet<string>, name: readonly string[], skip: ReadonlySet<string>, weight: (w: string) => number, df: ReadonlyMap<string, number>): Affinity {
  const shared = name.filter((w) => !skip.has(w) && activity.has(w));
  return { score: shared.reduce((s, w) => s + weight(w), 0), distinctive: shared.some((w) => df.get(w) === 1) };
}

function checkActivities(doc: LkipDocument, context: Context): void {
  const names = new Map<string, string[]>(doc.indicators.map((i) => [i.id, indicatorWords(i.name)]));
  const df = new Map<string, number>();
  for (const words of names.values()) for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
  const n = doc.indicators.length;
  const weight = (w: string) => Math.log((n + 1) / ((df.get(w) ?? 0) + 0.5));
  // Which indicators an activity names by a word only that indicator's name has: a pair can only
  // be swapped when each activity names the other's indicator so, which spares comparing every pair.
  const owner = new Map<string, string>();
  for (const [id, words] of names) for (const w of words) if (df.get(w) === 1) owner.set(w, id);
  // Each activity's words, read once: the pairs read them again.
  const activityWords = new Map<SupportingActivity, string[]>();
  const wordsOf = (a: SupportingActivity): string[] => {
    let words = activityWords.get(a);
    if (!words) activityWords.set(a, (words = indicatorWords(a.text)));
    return words;
  };
  const namedBy = (a: SupportingActivity) => new Set(wordsOf(a).flatMap((w) => (owner.has(w) ? [owner.get(w) as string] : [])));
  const byPlace = new Map<string, SupportingActivity[]>();
  for (const a of doc.activities) {
    const list = byPlace.get(a.place.kind);
    if (list) list.push(a);
    else byPlace.set(a.place.kind, [a]);
  }
  for (const activities of byPlace.values()) {
    const named = activities.map(namedBy);
    const byIndicator = new Map<string, number[]>();
    activities.forEach((a, i) => byIndicator.set(a.indicatorId, [...(byIndicator.get(a.indicatorId) ?? []), i]));
    const pairs: [number, number][] = [];
    activities.forEach((a, i) => {
      for (const other of named[i] ?? []) {
        if (other === a.indicatorId) continue;
        for (const j of byIndicator.get(other) ?? []) if (j > i && named[j]?.has(a.indicatorId)) pairs.push([i, j]);
      }
    });
    pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    for (const [i, j] of pairs) {
      const a = activities[i];
      const b = activities[j];
      if (!a || !b || a.indicatorId === b.indicatorId) continue;
      const nameA = names.get(a.indicatorId) ?? [];
      const nameB = names.get(b.indicatorId) ?? [];
      const shared = new Set(nameA.filter((w) => nameB.includes(w)));
      const wordsA = new Set(wordsOf(a));
      const wordsB = new Set(wordsOf(b));
      const aOwn = affinity(wordsA, nameA, shared, weight, df);
      const aOther = affinity(wordsA, nameB, shared, weight, df);
      const bOwn = affinity(wordsB, nameB, shared, weight, df);
      const bOther = affinity(wordsB, nameA, shared, weight, df);
      // Each activity must point at the other indicator by a word only that indicator's name has, and more than at its own.
      if (!(aOther.score > aOwn.score && bOther.score > bOwn.score && aOther.distinctive && bOther.distinctive)) continue;
      const data = { indicator: indicatorShort(doc, a.indicatorId), other: indicatorShort(doc, b.indicatorId), line: b.position.line };
      context.report({
        at: a.position,
        messageId: 'activitiesSwapped',
        data,
        // The other activity and its indicator's name are the other place's note: the message names the two indicators and stops.
        related: [{ at: b.position, note: `${wordRef('activity')} ${indicatorLabel(doc, b.indicatorId)}: “${clip(b.text, 60)}”, ${lineRef(b.position.line)}` }],
        subject: { indicator: indicatorKey(doc, a.indicatorId), detail: `activities:${indicatorKey(doc, b.indicatorId)}` },
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// A sub-heading of one indicator's section that names another indicator.

function checkSectionHeadings(doc: LkipDocument, context: Context): void {
  for (const m of doc.indicatorMentions) {
    context.report({
      at: m.position,
      messageId: 'otherIndicatorInSection',
      data: { own: indicatorShort(doc, m.sectionIndicatorId), other: indicatorShort(doc, m.indicatorId) },
      subject: { indicator: indicatorKey(doc, m.sectionIndicatorId), detail: `heading:${indicatorKey(doc, m.indicatorId)}` },
    });
  }
}

function indicatorKey(doc: LkipDocument, id: string): string {
  const indicator: Indicator | undefined = doc.indicators.find((i) => i.id === id);
  return indicator ? String(indicator.number ?? indicator.key) : id;
}

export default defineRule({
  meta: {
    id: 'entity-mismatch',
    family: 'cross-reference',
    defaultSeverity: 'warn',
    fixable: false,
    docs: {
      description: 'Text and figures of one office or indicator must not stand under another: a paragraph under an office heading, a row of a recap, figures of two offices, the activities of two indicators',
      descriptionId: 'Uraian dan angka satu satker atau indikator tidak boleh tertulis untuk yang lain: paragraf di bawah judul satker, baris rekapitulasi, angka dua satker, kegiatan dua indikator',
    },
    messages: {
      otherOfficeInPart: {
        en: 'This paragraph stands under the heading of {own} (line {headingLine}) but speaks of {other}, and not of {own}.',
        id: 'Paragraf ini berada di bawah judul {own} (baris {headingLine}), tetapi membahas {other}, bukan {own}.',
      },
      otherOfficeInRow: {
        en: 'The row of {own} names {other} in its column “{column}”: the text seems to be another office’s.',
        id: 'Baris {own} menyebut {other} pada kolom “{column}”: uraiannya tampaknya milik satker lain.',
      },
      otherKindInRow: {
        en: 'The row of {own} names “{other}”, an office of another kind, in column “{column}”: the text seems to be another office’s.',
        id: 'Baris {own} menyebut “{other}”, satker jenis lain, pada kolom “{column}”: uraiannya tampaknya milik satker lain.',
      },
      swappedFigures: {
        en: '{indicator}: {a} {aValue} and {b} {bValue} here, the other way round in the table at line {line}: the offices look swapped.',
        id: '{indicator}: di sini {a} {aValue} dan {b} {bValue}, sebaliknya di tabel baris {line}: kedua satker tampaknya tertukar.',
      },
      otherIndicatorInSection: {
        en: 'This heading stands in the section of {own} but names {other}: it seems copied from that indicator’s section.',
        id: 'Judul ini berada di bagian {own}, tetapi menyebut {other}: tampaknya disalin dari bagian indikator itu.',
      },
      activitiesSwapped: {
        en: 'The activities of {indicator} and {other} (line {line}) look swapped: each fits the other indicator.',
        id: 'Kegiatan {indicator} dan {other} (baris {line}) tampaknya tertukar: masing-masing sesuai dengan indikator yang lain.',
      },
    },
  },
  check(doc, context) {
    checkParts(doc, context);
    checkRows(doc, context);
    checkSwaps(doc, context);
    checkActivities(doc, context);
    checkSectionHeadings(doc, context);
  },
});
