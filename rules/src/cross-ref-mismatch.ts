import { defineRule, moreRef, overlaps, point, type FindingEvidence, type Interval, type RelatedDescriptor, type RuleContext } from '@lkip/engine';
import { formatIndonesianNumber, numberStyleOf } from '@lkip/parse';
import { PlaceKind, type LkipDocument, type Measurement, type Place, type Quantity } from '@lkip/schema';
import { z } from 'zod';
import { indicatorLabel, placeName, placeNote, placeShort, said } from './support/describe.js';
import { figureKey as keyOfFigure, figureOf } from './support/evidence.js';
import { measurementShort, measurementSubject, unitSuffix } from './support/measurement-labels.js';

/**
 * cross-ref-mismatch: one figure (indicator × unit × year × role × measure) stated with
 * different values in different places of the draft (PK, BAB III, Lampiran, Ikhtisar, recap,
 * signed PK documents).
 */

const Options = z.object({
  /** Place kinds left out of the comparison (a draft whose recap tables are known to lag). */
  ignorePlaces: z.array(PlaceKind).default([]),
  /**
   * Figures written without decimals are counts or targets set as whole numbers, not rounded
   * measurements: "95" does not stand for 94,65, nor "1 Kab/Kota" for 2.
   */
  wholeNumbersExact: z.boolean().default(true),
});
type Options = z.infer<typeof Options>;

/** Stated targets and realisations; achievements follow from them and categories have their own rule. */
const COMPARED_ROLES = new Set<Measurement['role']>(['target', 'realisation']);

/**
 * Which place wins when two places disagree and neither has a majority: the signed agreement
 * first, then the chapter's tables, the appendix and recap that copy them, and prose last,
 * since prose is retyped by hand.
 */
const PLACE_RANK: Record<Place['kind'], number> = {
  pk: 0,
  'signed-pk': 1,
  'chapter-table': 2,
  appendix: 3,
  recap: 4,
  summary: 5,
  'chapter-prose': 6,
  prose: 7,
  closing: 8,
};

interface Figure {
  measurement: Measurement;
  quantity: Quantity;
  /** One interval per reading of the text (several when the figure is ambiguous). */
  readings: Interval[];
  rank: number;
}

/** What detection found: a figure that disagrees with the reference figures of its key. */
export interface Disagreement {
  figure: Figure;
  reference: Figure[];
  /** The figures that agree with this one (itself included): fewer than the reference's means a majority says otherwise. */
  cluster: Figure[];
}

// ---------------------------------------------------------------------------------------------
// Detection

function figureKey(m: Measurement): string {
  return [m.indicatorId, m.unitId ?? '', m.aggregate ? 'aggregate' : '', m.year, m.role, m.measure].join('\u0000');
}

function readingsOf(q: Quantity, context: RuleContext<Options>): Interval[] {
  const readings = q.ambiguous ? q.ambiguous.readings : [{ value: q.value, decimals: q.decimals }];
  return readings.map((r) => (context.options.wholeNumbersExact && r.decimals === 0 ? point(r.value) : context.tolerance.of(r)));
}

function agree(a: Figure, b: Figure): boolean {
  return a.readings.some((x) => b.readings.some((y) => overlaps(x, y)));
}

function collectFigures(doc: LkipDocument, context: RuleContext<Options>): Map<string, Figure[]> {
  const ignored = new Set(context.options.ignorePlaces);
  const byKey = new Map<string, Figure[]>();
  for (const m of doc.measurements) {
    const q = m.quantity;
    if (!q || q.bound || !COMPARED_ROLES.has(m.role) || ignored.has(m.place.kind)) continue;
    const figure: Figure = { measurement: m, quantity: q, readings: readingsOf(q, context), rank: PLACE_RANK[m.place.kind] };
    const key = figureKey(m);
    const list = byKey.get(key);
    if (list) list.push(figure);
    else byKey.set(key, [figure]);
  }
  return byKey;
}

/**
 * Groups agreeing figures (single linkage: a figure joins every group it agrees with). An
 * ambiguous figure never links two groups: it is left out when some reading agrees with some
 * figure, and stands alone only when no reading agrees with anything.
 */
function clusterFigures(figures: Figure[]): Figure[][] {
  const plain = figures.filter((f) => !f.quantity.ambiguous);
  const ambiguous = figures.filter((f) => f.quantity.ambiguous);
  const clusters: Figure[][] = [];
  for (const figure of plain) {
    const joined = clusters.filter((c) => c.some((other) => agree(figure, other)));
    const merged = [figure, ...joined.flat()];
    for (const c of joined) clusters.splice(clusters.indexOf(c), 1);
    clusters.push(merged);
  }
  for (const figure of ambiguous) {
    const agreesWithSome = figures.some((other) => other !== figure && agree(figure, other));
    if (!agreesWithSome) clusters.push([figure]);
  }
  return clusters;
}

function bestRank(cluster: Figure[]): number {
  return Math.min(...cluster.map((f) => f.rank));
}

function firstOffset(cluster: Figure[]): number {
  return Math.min(...cluster.map((f) => f.measurement.position.offset));
}

/** The largest group; among equally large groups, the one stated in the best-ranked place. */
function referenceCluster(clusters: Figure[][]): Figure[] | undefined {
  const sorted = [...clusters].sort((a, b) => b.length - a.length || bestRank(a) - bestRank(b) || firstOffset(a) - firstOffset(b));
  return sorted[0];
}

export function findDisagreements(doc: LkipDocument, context: RuleContext<Options>): Disagreement[] {
  const found: Disagreement[] = [];
  for (const figures of collectFigures(doc, context).values()) {
    if (figures.length < 2) continue;
    const clusters = clusterFigures(figures);
    if (clusters.length < 2) continue;
    const reference = referenceCluster(clusters);
    if (!reference) continue;
    const ordered = [...reference].sort((a, b) => a.rank - b.rank || a.measurement.position.offset - b.measurement.position.offset);
    for (const cluster of clusters) {
      if (cluster === reference) continue;
      for (const figure of cluster) found.push({ figure, reference: ordered, cluster });
    }
  }
  return found.sort((a, b) => a.figure.measurement.position.offset - b.figure.measurement.position.offset);
}

// ---------------------------------------------------------------------------------------------
// Message

function noteOf(doc: LkipDocument, f: Figure): string {
  return placeNote(doc, f.measurement.place, f.measurement.position.line, f.measurement.unitId);
}

interface MismatchData extends Record<string, string> {
  indicator: string;
  unit: string;
  value: string;
  reference: string;
  first: string;
  more: string;
}

/** The two figures and the first other place; the rest are the finding's related places, not repeated here. */
function describe(doc: LkipDocument, d: Disagreement): MismatchData {
  const { figure, reference } = d;
  const representative = reference[0]!;
  const m = figure.measurement;
  return {
    indicator: measurementShort(doc, m),
    unit: unitSuffix(doc, m),
    value: said(figure.quantity, true),
    reference: said(representative.quantity, true),
    first: placeShort(representative.measurement.place, representative.measurement.position.line),
    more: moreRef(reference.length - 1),
  };
}

function evidenceOf(doc: LkipDocument, d: Disagreement): FindingEvidence {
  const m = d.figure.measurement;
  const representative = d.reference[0]!;
  return {
    figure: keyOfFigure(doc, m),
    stated: figureOf(d.figure.quantity),
    expected: figureOf(representative.quantity),
    // The reference is the largest group of agreeing places; only a strictly larger one outvotes this figure.
    basis: d.reference.length > d.cluster.length ? 'majority' : 'precedence',
    places: { stated: d.cluster.length, expected: d.reference.length },
    role: m.role === 'target' ? 'target' : 'realisation',
    place: placeName(doc, m.place, m.unitId),
    label: indicatorLabel(doc, m.indicatorId),
  };
}

function related(doc: LkipDocument, d: Disagreement): RelatedDescriptor[] {
  return d.reference.map((f) => ({ at: f.quantity.position, note: noteOf(doc, f) }));
}

// ---------------------------------------------------------------------------------------------
// Suggestion

const NUMBER = /[-–−]?\s*\d[\d.,]*/;

/**
 * The number style a figure is written in, taken from the decimals the reader found in it: the
 * reader knew from the column that "85.375" is an index with three decimals, which the text
 * alone cannot tell.
 */
function styleOf(q: Quantity): { decimalSeparator: ',' | '.'; thousandsSeparator: '.' | ',' | '' } | undefined {
  const text = NUMBER.exec(q.raw)?.[0].replace(/\s/g, '');
  if (!text || q.decimals === 0) return undefined;
  const separator = text[text.length - q.decimals - 1];
  if (separator === ',') return { decimalSeparator: ',', thousandsSeparator: '.' };
  if (separator === '.') return { decimalSeparator: '.', thousandsSeparator: ',' };
  return undefined;
}

/**
 * The replacement text for the figure: the reference value written in the figure's own number
 * style when its text shows one ("3,48" → "3,25"), otherwise in the reference's style.
 */
export function replacementText(q: Quantity, reference: Quantity): string {
  const style = styleOf(q) ?? styleOf(reference) ?? numberStyleOf(q.raw);
  const formatted = formatIndonesianNumber(reference.value, reference.decimals, style);
  const number = NUMBER.exec(q.raw);
  if (!number) return formatted;
  return q.raw.slice(0, number.index) + formatted + q.raw.slice(number.index + number[0].length);
}

// ---------------------------------------------------------------------------------------------

export default defineRule<Options>({
  meta: {
    id: 'cross-ref-mismatch',
    family: 'cross-reference',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    docs: {
      description: 'The same target or realisation must have the same value wherever the draft states it',
      descriptionId: 'Target atau realisasi yang sama harus bernilai sama di setiap tempat draf menyebutkannya',
    },
    messages: {
      target: {
        en: '{indicator}{unit}: target {value} here, {reference} in {first}{more}.',
        id: '{indicator}{unit}: target {value} di sini, {reference} di {first}{more}.',
      },
      realisation: {
        en: '{indicator}{unit}: realisation {value} here, {reference} in {first}{more}.',
        id: '{indicator}{unit}: realisasi {value} di sini, {reference} di {first}{more}.',
      },
      useReference: {
        en: 'Change {value} to {reference}, as stated in {first}',
        id: 'Ubah {value} menjadi {reference}, seperti di {first}',
      },
    },
    options: Options,
  },
  check(doc, context) {
    for (const d of findDisagreements(doc, context)) {
      const { figure, reference } = d;
      const m = figure.measurement;
      const representative = reference[0]!;
      const data = describe(doc, d);
      context.report({
        at: figure.quantity.position,
        messageId: m.role === 'target' ? 'target' : 'realisation',
        data,
        related: related(doc, d),
        suggestions: [
          {
            messageId: 'useReference',
            data: { value: data.value, reference: data.reference, first: noteOf(doc, representative) },
            fix: { at: figure.quantity.position, text: replacementText(figure.quantity, representative.quantity) },
          },
        ],
        subject: measurementSubject(doc, m, `${m.measure}/${m.place.kind}/${m.year}`),
        evidence: evidenceOf(doc, d),
      });
    }
  },
});
