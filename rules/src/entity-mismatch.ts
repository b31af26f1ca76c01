import { defineRule, lineRef, type RuleContext } from '@lkip/engine';
import type { Indicator, LkipDocument, Measurement, OfficeMention, Position, ReportingUnit, SupportingActivity } from '@lkip/schema';
import { indicatorWords } from '@lkip/parse';
import { indicatorLabel, unitName } from './support/describe.js';
import { sameFigure, figureText } from './support/figures.js';

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

function checkParts(doc: LkipDocument, context: Context): void {
  const prose = doc.officeMentions.filter((m) => m.tableId === undefined);
  for (const part of doc.officeParts) {
    const own = unitOf(doc, part.unitId);
    // The province's part speaks of its districts as a matter of course.
    if (!own || own.kind === 'province') continue;
    for (const paragraph of part.paragraphs) {
      const mentions = prose.filter((m) => inside(m.position, paragraph));
      if (mentions.some((m) => m.unitId === own.id)) continue;
      const other = mentions.find((m) => isOtherOffice(doc, m, own));
      if (!other) continue;
      context.report({
        at: other.position,
        messageId: 'otherOfficeInPart',
        data: { own: own.name, other: otherName(doc, other), headingLine: part.heading.line },
        related: [{ at: part.heading, note: `judul bagian ${own.name}, ${lineRef(part.heading.line)}` }],
        subject: { unit: own.name, detail: `part:${other.text}` },
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// A row of one office (a recap, a per-office table) whose text names another office.

function checkRows(doc: LkipDocument, context: Context): void {
  const inTables = doc.officeMentions.filter((m) => m.tableId !== undefined);
  for (const table of doc.tables) {
    const unitColumn = table.roles?.indexOf('unit') ?? -1;
    if (unitColumn < 0) continue;
    const mentions = inTables.filter((m) => m.tableId === table.id);
    table.rows.forEach((row, r) => {
      const rowMentions = mentions.filter((m) => m.row === r);
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
          data: { own: own.name, other: otherName(doc, m), kind: KIND_NAMES[m.kind], ownKind: KIND_NAMES[own.kind], column: (table.columns[m.column] ?? '').trim() || `kolom ${m.column + 1}` },
          ...(unitCell ? { related: [{ at: unitCell.position, note: `baris ${own.name}, ${lineRef(unitCell.position.line)}` }] } : {}),
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

function tableFigures(doc: LkipDocument): Map<string, Figure['m'][]> {
  const groups = new Map<string, Figure['m'][]>();
  for (const m of doc.measurements) {
    if (!m.quantity || !m.unitId || m.aggregate || m.place.tableId === undefined || (m.role !== 'target' && m.role !== 'realisation')) continue;
    const key = `${m.indicatorId}|${m.measure}|${m.role}|${m.year}|${m.place.tableId}`;
    groups.set(key, [...(groups.get(key) ?? []), m as Figure['m']]);
  }
  return groups;
}

function checkSwaps(doc: LkipDocument, context: Context): void {
  const groups = [...tableFigures(doc).entries()];
  const reported = new Set<string>();
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      const [keyP, inP] = groups[i] ?? ['', []];
      const [keyQ, inQ] = groups[j] ?? ['', []];
      if (keyP.split('|').slice(0, 4).join('|') !== keyQ.split('|').slice(0, 4).join('|')) continue;
      for (const aP of inP) {
        for (const bP of inP) {
          if (aP.unitId === bP.unitId || sameFigure(aP.quantity, bP.quantity)) continue;
          const aQ = inQ.find((m) => m.unitId === aP.unitId);
          const bQ = inQ.find((m) => m.unitId === bP.unitId);
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
              indicator: indicatorLabel(doc, first.indicatorId),
              a: unitName(doc, first.unitId),
              b: unitName(doc, second.unitId),
              aValue: figureText(first.quantity),
              bValue: figureText(second.quantity),
              line: firstOther.position.line,
            },
            related: [
              { at: second.position, note: `${unitName(doc, second.unitId)}, ${lineRef(second.position.line)}` },
              { at: firstOther.position, note: `${unitName(doc, first.unitId)}, ${lineRef(firstOther.position.line)}` },
              { at: secondOther.position, note: `${unitName(doc, second.unitId)}, ${lineRef(secondOther.position.line)}` },
            ],
            subject: { indicator: first.indicatorId, role: first.role, detail: `swap:${unitName(doc, first.unitId)}:${unitName(doc, second.unitId)}` },
          });
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
  const byPlace = new Map<string, SupportingActivity[]>();
  for (const a of doc.activities) byPlace.set(a.place.kind, [...(byPlace.get(a.place.kind) ?? []), a]);
  for (const activities of byPlace.values()) {
    for (let i = 0; i < activities.length; i++) {
      for (let j = i + 1; j < activities.length; j++) {
        const a = activities[i];
        const b = activities[j];
        if (!a || !b || a.indicatorId === b.indicatorId) continue;
        const nameA = names.get(a.indicatorId) ?? [];
        const nameB = names.get(b.indicatorId) ?? [];
        const shared = new Set(nameA.filter((w) => nameB.includes(w)));
        const wordsA = new Set(indicatorWords(a.text));
        const wordsB = new Set(indicatorWords(b.text));
        const aOwn = affinity(wordsA, nameA, shared, weight, df);
        const aOther = affinity(wordsA, nameB, shared, weight, df);
        const bOwn = affinity(wordsB, nameB, shared, weight, df);
        const bOther = affinity(wordsB, nameA, shared, weight, df);
        // Each activity must point at the other indicator by a word only that indicator's name has, and more than at its own.
        if (!(aOther.score > aOwn.score && bOther.score > bOwn.score && aOther.distinctive && bOther.distinctive)) continue;
        const data = { indicator: indicatorLabel(doc, a.indicatorId), other: indicatorLabel(doc, b.indicatorId), activity: a.text, otherActivity: b.text };
        context.report({
          at: a.position,
          messageId: 'activitiesSwapped',
          data,
          related: [{ at: b.position, note: `kegiatan ${indicatorLabel(doc, b.indicatorId)}, ${lineRef(b.position.line)}` }],
          subject: { indicator: indicatorKey(doc, a.indicatorId), detail: `activities:${indicatorKey(doc, b.indicatorId)}` },
        });
      }
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
      data: { own: indicatorLabel(doc, m.sectionIndicatorId), other: indicatorLabel(doc, m.indicatorId) },
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
        en: 'The row of {own} (a {ownKind} office) speaks of “{other}”, a {kind} office, in its column “{column}”: the text seems to be another office’s.',
        id: 'Baris {own} (satker {ownKind}) menyebut “{other}”, satker {kind}, pada kolom “{column}”: uraiannya tampaknya milik satker lain.',
      },
      swappedFigures: {
        en: '{indicator}: {a} has {aValue} here and {b} has {bValue}, but the table at line {line} gives each office the other’s figure; the two offices look swapped in one of the tables.',
        id: '{indicator}: di sini {a} bernilai {aValue} dan {b} bernilai {bValue}, tetapi tabel pada baris {line} memberi masing-masing satker angka satker yang lain; kedua satker tampaknya tertukar di salah satu tabel.',
      },
      otherIndicatorInSection: {
        en: 'This heading stands in the section of {own} but names {other}: it seems copied from that indicator’s section.',
        id: 'Judul ini berada di bagian {own}, tetapi menyebut {other}: tampaknya disalin dari bagian indikator itu.',
      },
      activitiesSwapped: {
        en: 'The activity given for {indicator} (“{activity}”) belongs to {other}, and the one given for {other} (“{otherActivity}”) to {indicator}: the two look swapped.',
        id: 'Kegiatan yang ditulis untuk {indicator} (“{activity}”) sesuai dengan {other}, dan kegiatan untuk {other} (“{otherActivity}”) sesuai dengan {indicator}: keduanya tampaknya tertukar.',
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
