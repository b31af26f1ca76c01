import { defineRule, type RelatedDescriptor } from '@lkip/engine';
import type { Indicator, LkipDocument, Measurement, Position, Quantity } from '@lkip/schema';
import { z } from 'zod';
import { indicatorLabel, indicatorShort, placeName, placeNote, said } from './support/describe.js';
import { measurementShort, measurementSubject, unitSuffix } from './support/measurement-labels.js';

/**
 * unit-mismatch: one indicator stated in different units of measure ("3,06 %" in a district's
 * signed PK where every other place, and the PK table, says "3,06 Indeks").
 */

const Options = z.object({
  /**
   * More spellings per unit class, for reports that write units this rule does not know:
   * `{ "index": ["poin"], "people": ["jiwa"] }`. A new class name makes a new class.
   */
  unitClasses: z.record(z.string(), z.array(z.string())).default({}),
});
type Options = z.infer<typeof Options>;

/** Stated targets and realisations: achievements are percentages whatever the indicator measures. */
const COMPARED_ROLES = new Set<Measurement['role']>(['target', 'realisation']);

/** Spellings that name the same unit, compared lower-cased and without spaces. */
const BUILT_IN_CLASSES: Record<string, readonly string[]> = {
  percent: ['%', 'persen', 'persentase', 'prosentase'],
  index: ['indeks', 'index', 'nilai indeks'],
  people: ['orang', 'org'],
  unit: ['unit'],
  institution: ['lembaga'],
  'case-file': ['berkas perkara', 'berkas'],
};

// "Kab/Kota", "Kabupaten / Kota", "<acronym> Kab/ Kota", and the recap's clipped "Kab/Kot": a
// count of district offices however the draft abbreviates it, with or without the agency's acronym.
const DISTRICTS = /^(?:[a-z]{2,12})?(?:kab|kabupaten)\.?\/(?:kot|kota)\.?$/;

function compact(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

/** The built-in classes with their spellings compacted once, not at every figure compared. */
const COMPACT_CLASSES: [string, string[]][] = Object.entries(BUILT_IN_CLASSES).map(([name, spellings]) => [name, spellings.map(compact)]);

export function unitClassOf(text: string, extra: Readonly<Record<string, readonly string[]>> = {}): string {
  const key = compact(text);
  for (const [name, spellings] of Object.entries(extra)) if (spellings.some((s) => compact(s) === key)) return name;
  if (DISTRICTS.test(key)) return 'districts';
  for (const [name, spellings] of COMPACT_CLASSES) if (spellings.includes(key)) return name;
  return key;
}

/** The unit the draft wrote next to the figure; a bare number has none. */
function statedUnit(q: Quantity): string | undefined {
  if (q.unit && q.unit.trim() !== '') return q.unit.trim();
  // A "%" inside the figure's own text is a unit; a figure only read as a percentage because
  // of its column heading states none.
  if (q.raw.includes('%')) return '%';
  return undefined;
}

interface UnitFigure {
  measurement: Measurement;
  quantity: Quantity;
  unit: string;
  unitClass: string;
}

interface Expectation {
  unitClass: string;
  /** The spelling a suggestion writes. */
  text: string;
  source: 'pk' | 'majority';
  count: number;
}

/** What detection found: a figure whose unit is not the indicator's. */
export interface UnitProblem {
  figure: UnitFigure;
  expected: Expectation;
  /** Figures of the same indicator in the expected unit, for `related`. */
  agreeing: UnitFigure[];
}

// ---------------------------------------------------------------------------------------------
// Detection

function groupFigures(doc: LkipDocument, options: Options): Map<string, UnitFigure[]> {
  const groups = new Map<string, UnitFigure[]>();
  for (const m of doc.measurements) {
    const q = m.quantity;
    if (!q || !COMPARED_ROLES.has(m.role)) continue;
    const unit = statedUnit(q);
    if (unit === undefined) continue;
    const key = `${m.indicatorId}\u0000${m.measure}`;
    const figure: UnitFigure = { measurement: m, quantity: q, unit, unitClass: unitClassOf(unit, options.unitClasses) };
    const list = groups.get(key);
    if (list) list.push(figure);
    else groups.set(key, [figure]);
  }
  return groups;
}

function mostCommon<T>(items: readonly T[]): { item: T; count: number; tie: boolean } | undefined {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = sorted;
  if (!first) return undefined;
  return { item: first[0], count: first[1], tie: second !== undefined && second[1] === first[1] };
}

/**
 * The unit the indicator is measured in: the PK's unit of measure for the indicator's own
 * figures, otherwise the class most figures use (no expectation when two classes tie).
 */
function expectationFor(indicator: Indicator | undefined, measure: Measurement['measure'], figures: UnitFigure[], options: Options): Expectation | undefined {
  if (measure === 'indicator' && indicator?.unitOfMeasure) {
    const unitClass = unitClassOf(indicator.unitOfMeasure, options.unitClasses);
    return { unitClass, text: indicator.unitOfMeasure.trim(), source: 'pk', count: figures.filter((f) => f.unitClass === unitClass).length };
  }
  const majority = mostCommon(figures.map((f) => f.unitClass));
  if (!majority || majority.tie) return undefined;
  const spelling = mostCommon(figures.filter((f) => f.unitClass === majority.item).map((f) => f.unit));
  return { unitClass: majority.item, text: spelling?.item ?? majority.item, source: 'majority', count: majority.count };
}

export function findUnitProblems(doc: LkipDocument, options: Options): UnitProblem[] {
  const problems: UnitProblem[] = [];
  for (const figures of groupFigures(doc, options).values()) {
    const first = figures[0];
    if (!first) continue;
    const indicator = doc.indicators.find((i) => i.id === first.measurement.indicatorId);
    const expected = expectationFor(indicator, first.measurement.measure, figures, options);
    if (!expected) continue;
    const agreeing = figures.filter((f) => f.unitClass === expected.unitClass);
    for (const figure of figures) if (figure.unitClass !== expected.unitClass) problems.push({ figure, expected, agreeing });
  }
  return problems.sort((a, b) => a.figure.quantity.position.offset - b.figure.quantity.position.offset);
}

// ---------------------------------------------------------------------------------------------
// Where the unit text stands, for the suggestion

function span(start: Position, from: number, length: number): Position {
  return {
    line: start.line,
    column: start.column + from,
    offset: start.offset + from,
    endLine: start.line,
    endColumn: start.column + from + length,
    endOffset: start.offset + from + length,
  };
}

/** A position that covers exactly `text` on one line, so columns can be counted inside it. */
function coversExactly(at: Position, text: string): boolean {
  return at.line === at.endLine && at.endOffset - at.offset === text.length;
}

/**
 * The unit's own span: inside the figure's text ("3,06 %"), or after the figure in its table
 * cell ("3.06 Indeks"). Undefined when the model does not say where the unit stands (prose).
 */
export function unitSpan(doc: LkipDocument, figure: UnitFigure): Position | undefined {
  const q = figure.quantity;
  const needle = figure.unit.toLowerCase();
  const inRaw = q.raw.toLowerCase().lastIndexOf(needle);
  if (inRaw >= 0 && coversExactly(q.position, q.raw)) return span(q.position, inRaw, figure.unit.length);
  const { tableId, row, column } = figure.measurement.place;
  if (tableId === undefined || row === undefined || column === undefined) return undefined;
  const cell = doc.tables.find((t) => t.id === tableId)?.rows[row]?.[column];
  if (!cell || !coversExactly(cell.position, cell.text)) return undefined;
  const numberAt = q.position.offset - cell.position.offset;
  if (numberAt < 0 || numberAt > cell.text.length) return undefined;
  const after = cell.text.toLowerCase().indexOf(needle, numberAt + q.raw.length);
  return after >= 0 ? span(cell.position, after, figure.unit.length) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Message

/** The PK's own figure when the PK sets the unit, otherwise a few figures in the majority unit. */
function relatedFigures(doc: LkipDocument, expected: Expectation, agreeing: UnitFigure[]): RelatedDescriptor[] {
  const pk = agreeing.filter((f) => f.measurement.place.kind === 'pk');
  const shownFigures = expected.source === 'pk' && pk.length > 0 ? pk : agreeing.slice(0, 3);
  return shownFigures.map((f) => ({
    at: f.quantity.position,
    note: placeNote(doc, f.measurement.place, f.measurement.position.line, f.measurement.unitId),
  }));
}

export default defineRule<Options>({
  meta: {
    id: 'unit-mismatch',
    family: 'unit',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    docs: {
      description: 'An indicator must be stated in the same unit of measure everywhere',
      descriptionId: 'Satu indikator harus dinyatakan dengan satuan yang sama di semua tempat',
    },
    messages: {
      differsFromPk: {
        en: '{indicator}{unit}: {value} in "{stated}" here, but the PK measures it in "{expected}".',
        id: '{indicator}{unit}: {value} dalam "{stated}" di sini, padahal PK mengukurnya dalam "{expected}".',
      },
      differsFromOthers: {
        en: '{indicator}{unit}: {value} in "{stated}" here, but {count} other figures in "{expected}".',
        id: '{indicator}{unit}: {value} dalam "{stated}" di sini, padahal {count} angka lain dalam "{expected}".',
      },
      useUnit: {
        en: 'Write "{expected}" instead of "{stated}"',
        id: 'Tulis "{expected}" sebagai ganti "{stated}"',
      },
    },
    options: Options,
  },
  check(doc, context) {
    for (const { figure, expected, agreeing } of findUnitProblems(doc, context.options)) {
      const m = figure.measurement;
      const at = unitSpan(doc, figure);
      context.report({
        at: figure.quantity.position,
        messageId: expected.source === 'pk' ? 'differsFromPk' : 'differsFromOthers',
        data: {
          indicator: measurementShort(doc, m),
          unit: unitSuffix(doc, m),
          value: said(figure.quantity),
          stated: figure.unit,
          place: placeNote(doc, m.place, m.position.line, m.unitId),
          expected: expected.text,
          count: expected.count,
        },
        ...(at ? { suggestions: [{ messageId: 'useUnit', data: { expected: expected.text, stated: figure.unit }, fix: { at, text: expected.text } }] } : {}),
        related: relatedFigures(doc, expected, agreeing),
        subject: measurementSubject(doc, m, `${m.measure}/${m.place.kind}`),
        // One indicator in the wrong unit in several offices' documents is one template copied: one problem.
        evidence: {
          figure: `unit-of-measure|${indicatorShort(doc, m.indicatorId)}|${m.measure}|${m.place.kind}`,
          stated: { text: figure.unit },
          expected: { text: expected.text },
          basis: 'rule',
          place: placeName(doc, m.place, m.unitId),
          label: indicatorLabel(doc, m.indicatorId),
        },
      });
    }
  },
});
