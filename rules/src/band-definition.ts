import { defineRule, lineRef, numberRef, roundTo, type RuleContext } from '@lkip/engine';
import type { Band, CategoryScale, ColumnRole, LkipDocument, Measurement, Quantity, RawTable } from '@lkip/schema';
import { perDocument } from './support/memo.js';
import { said } from './support/describe.js';
import { normaliseLabel, scaleLabel } from './support/scales.js';
import { cleanText, columnsOf, onlyFigure } from './support/table-roles.js';

type Context = RuleContext<unknown>;

/**
 * A band as the values it covers when figures show `decimals` decimals: "lebih dari 80"
 * (exclusive) starts one step above 80, "< 95" ends one step below 95.
 */
interface Covered {
  band: Band;
  first: number;
  last: number;
}

interface Problem {
  kind: 'gap' | 'overlap';
  earlier: Band;
  later: Band;
  from: number;
  to: number;
}

/** The decimals the scale's edges show: 53,71 → 2, so values are read to the hundredth. */
function decimalsOf(scale: CategoryScale): number {
  const edges = scale.bands.flatMap((b) => [b.min, b.max]).filter((q): q is Quantity => q !== undefined);
  return Math.max(0, ...edges.map((q) => q.decimals));
}

// ---------------------------------------------------------------------------------------------
// The values a scale classifies: figures in rows whose category cell names one of its bands.

function labelKeys(scale: CategoryScale): Set<string> {
  return new Set(scale.bands.flatMap((b) => [b.label, ...(b.altLabels ?? [])]).map(normaliseLabel).filter((k) => k.length > 0));
}

const VALUE_ROLES: readonly ColumnRole[] = ['achievement', 'score', 'realisation'];

function bandOf(scale: CategoryScale, value: number): Band | undefined {
  return scale.bands.find((b) => {
    if (b.min && (b.minInclusive ? value < b.min.value : value <= b.min.value)) return false;
    if (b.max && (b.maxInclusive ? value > b.max.value : value >= b.max.value)) return false;
    return true;
  });
}

/**
 * The column whose figures the category cells classify. A table with a realisation and a capaian
 * column may classify either; the one whose in-range figures carry their band's label is it.
 * With several candidates and no such agreement, the table is left out rather than guessed.
 */
function classifiedColumn(table: RawTable, labels: readonly (readonly string[])[], scale: CategoryScale, keys: Set<string>): number | undefined {
  const candidates = VALUE_ROLES.flatMap((role) => columnsOf(table, role).slice(0, 1));
  if (candidates.length <= 1) return candidates[0];
  // A scale headed "Rentang Capaian (%)" classifies the capaian column, whatever the other columns say.
  const achievement = columnsOf(table, 'achievement')[0];
  if (achievement !== undefined && /\bcapaian\b/i.test(scale.name)) return achievement;
  let best: { column: number; agree: number } | undefined;
  for (const column of candidates) {
    let agree = 0;
    let labelled = 0;
    for (const [r, row] of table.rows.entries()) {
      const label = labels[r]?.find((k) => keys.has(k));
      const q = onlyFigure(row[column]);
      if (!label || !q) continue;
      labelled++;
      const band = bandOf(scale, q.value);
      if (band && [band.label, ...(band.altLabels ?? [])].some((l) => normaliseLabel(l) === label)) agree++;
    }
    // One chance agreement is no evidence: most labelled rows must agree.
    if (agree > 0 && agree * 2 > labelled && (!best || agree > best.agree)) best = { column, agree };
  }
  return best?.column;
}

/** The tables with category cells, and each row's category cells as labels compare: read once per document, not once per scale. */
const categoryTables = perDocument((doc: LkipDocument): { table: RawTable; labels: string[][] }[] =>
  doc.tables.flatMap((table) => {
    const categories = columnsOf(table, 'category');
    if (categories.length === 0) return [];
    return [{ table, labels: table.rows.map((row) => categories.map((c) => normaliseLabel(cleanText(row[c]?.text ?? '')))) }];
  }),
);

/**
 * The category tables a scale may classify, in the draft's order: a table of another indicator's
 * section is classified by that indicator's scale, so only the scale's indicators' tables and the
 * tables of no indicator are read.
 */
function tablesFor(doc: LkipDocument, scale: CategoryScale): { table: RawTable; labels: string[][] }[] {
  const tables = categoryTables(doc);
  if (scale.indicatorIds.length === 0) return tables;
  const ids = new Set(scale.indicatorIds);
  return tables.filter(({ table }) => !table.indicatorId || ids.has(table.indicatorId));
}

/** What a scale's classified values depend on: its name, its indicators and its bands (a draft may repeat one scale in every section). */
function scaleSignature(scale: CategoryScale): string {
  const bands = scale.bands.map((b) => [b.label, b.altLabels ?? [], b.min?.value ?? null, b.minInclusive, b.max?.value ?? null, b.maxInclusive]);
  return JSON.stringify([scale.name, scale.indicatorIds, bands]);
}

const classifiedBySignature = perDocument<LkipDocument, Map<string, Quantity[]>>(() => new Map());

/** The figures the draft classifies with the scale's labels; a scale stated again with the same bands reads the same figures, once. */
export function classifiedValues(doc: LkipDocument, scale: CategoryScale): Quantity[] {
  const cache = classifiedBySignature(doc);
  const signature = scaleSignature(scale);
  let values = cache.get(signature);
  if (!values) {
    values = readClassifiedValues(doc, scale);
    cache.set(signature, values);
  }
  return [...values];
}

/**
 * The figures the draft classifies with the scale's labels: the capaian (or score, or realisation)
 * of every table row whose category cell holds one of the scale's labels, and the figures stated
 * with a category measurement of the scale's indicators.
 */
function readClassifiedValues(doc: LkipDocument, scale: CategoryScale): Quantity[] {
  const keys = labelKeys(scale);
  const out: Quantity[] = [];
  for (const { table, labels } of tablesFor(doc, scale)) {
    const valueColumn = classifiedColumn(table, labels, scale, keys);
    if (valueColumn === undefined) continue;
    for (const [r, row] of table.rows.entries()) {
      if (!labels[r]?.some((k) => keys.has(k))) continue;
      const q = onlyFigure(row[valueColumn]);
      if (q && !q.ambiguous) out.push(q);
    }
  }
  const taken = new Set(out.map((q) => q.position.offset));
  const { byIndicator, realisations } = labelledStatements(doc);
  // Labels such as "Tinggi" are shared by many scales: only the scale's own indicators count.
  const own = [...new Set(scale.indicatorIds)].flatMap((id) => byIndicator.get(id) ?? []).sort((a, b) => a.index - b.index);
  for (const { m, label } of own) {
    if (!keys.has(label)) continue;
    const value = realisations.get(statementKey(m));
    if (value && !value.ambiguous && !taken.has(value.position.offset)) {
      out.push(value);
      taken.add(value.position.offset);
    }
  }
  return out;
}

function statementKey(m: Measurement): string {
  return `${m.statement}\u0000${m.indicatorId}`;
}

/** Category labels, and the first realisation of each statement and indicator: read once per document, not once per scale and label. */
const labelledStatements = perDocument((doc: LkipDocument) => {
  const byIndicator = new Map<string, { m: Measurement; label: string; index: number }[]>();
  const realisations = new Map<string, Quantity>();
  doc.measurements.forEach((m, index) => {
    if (m.role === 'category' && m.label) {
      const entry = { m, label: normaliseLabel(m.label.text), index };
      const list = byIndicator.get(m.indicatorId);
      if (list) list.push(entry);
      else byIndicator.set(m.indicatorId, [entry]);
    } else if (m.role === 'realisation' && m.quantity && !realisations.has(statementKey(m))) realisations.set(statementKey(m), m.quantity);
  });
  return { byIndicator, realisations };
});

/**
 * Gaps that only appear at the precision of the classified values: integer bands "76 – 90" and
 * "91 – 100" cover every whole number, but 90,45 falls between them.
 */
function precisionGaps(scale: CategoryScale, values: Quantity[]): { problem: Problem; example: Quantity }[] {
  const edgeDecimals = decimalsOf(scale);
  // Whole-number bands ("76 – 90", "91 – 100") are the ones drafts get wrong; bands written to the
  // hundredth for figures with three decimals leave slivers no reviewer would call a hole.
  if (edgeDecimals > 0) return [];
  const example = values.filter((q) => q.decimals > edgeDecimals).sort((a, b) => b.decimals - a.decimals)[0];
  if (!example) return [];
  const coarse = bandProblems(scale).filter((p) => p.kind === 'gap');
  return bandProblems(scale, example.decimals)
    .filter((p) => p.kind === 'gap' && !coarse.some((c) => c.earlier === p.earlier && c.later === p.later))
    .map((problem) => ({ problem, example }));
}

/** The highest value a band takes, when every band is closed above. */
function topEdge(scale: CategoryScale): { band: Band; max: Quantity } | undefined {
  if (scale.bands.some((b) => !b.max)) return undefined;
  let top: { band: Band; max: Quantity } | undefined;
  for (const band of scale.bands) if (band.max && (!top || band.max.value > top.max.value)) top = { band, max: band.max };
  return top;
}

/** The highest classified value above every band: 103,43 % where the scale ends at 100. */
function aboveTop(scale: CategoryScale, values: Quantity[]): { band: Band; max: Quantity; value: Quantity } | undefined {
  const top = topEdge(scale);
  if (!top) return undefined;
  const edge = top.max.value;
  const above = values.filter((q) => q.value > edge || (q.value === edge && !top.band.maxInclusive)).sort((a, b) => b.value - a.value)[0];
  return above ? { ...top, value: above } : undefined;
}

function covered(band: Band, step: number, decimals: number): Covered | undefined {
  if (!band.min && !band.max) return undefined;
  const first = band.min ? roundTo(band.minInclusive ? band.min.value : band.min.value + step, decimals) : -Infinity;
  const last = band.max ? roundTo(band.maxInclusive ? band.max.value : band.max.value - step, decimals) : Infinity;
  return { band, first, last };
}

/**
 * Walks the bands in value order, keeping the band that reaches furthest so far: the next band
 * must start exactly one step after it (a gap otherwise) and must not start before its end (an
 * overlap; sharing the edge value itself, as "80 – 90" then "90 – 100" do, is allowed).
 */
export function bandProblems(scale: CategoryScale, precision?: number): Problem[] {
  const decimals = Math.max(decimalsOf(scale), precision ?? 0);
  const step = 10 ** -decimals;
  const bands = scale.bands
    .map((b) => covered(b, step, decimals))
    .filter((c): c is Covered => c !== undefined)
    .sort((a, b) => a.first - b.first || a.last - b.last);
  const problems: Problem[] = [];
  let reach: Covered | undefined;
  for (const next of bands) {
    if (reach) {
      const gapFrom = roundTo(reach.last + step, decimals);
      const gapTo = roundTo(next.first - step, decimals);
      if (gapTo >= gapFrom) problems.push({ kind: 'gap', earlier: reach.band, later: next.band, from: gapFrom, to: gapTo });
      else if (next.first < reach.last) problems.push({ kind: 'overlap', earlier: reach.band, later: next.band, from: next.first, to: Math.min(reach.last, next.last) });
    }
    if (!reach || next.last > reach.last) reach = next;
  }
  return problems;
}

/** A band as the draft wrote it: "Tinggi (49,74 – 53,50)". */
function bandText(band: Band): string {
  const lo = band.min ? said(band.min) : undefined;
  const hi = band.max ? said(band.max) : undefined;
  const range = lo && hi ? `${lo} – ${hi}` : lo ? `${band.minInclusive ? '≥' : '>'} ${lo}` : `${band.maxInclusive ? '≤' : '<'} ${hi ?? ''}`;
  return `${band.label} (${range})`;
}

function intervalText(problem: Problem, scale: CategoryScale, precision?: number): string {
  const decimals = Math.max(decimalsOf(scale), precision ?? 0);
  const show = (v: number) => numberRef(v, decimals);
  return problem.from === problem.to ? show(problem.from) : `${show(problem.from)} – ${show(problem.to)}`;
}

function report(problem: Problem, scale: CategoryScale, doc: LkipDocument, context: Context): void {
  const later = problem.later;
  const at = (later.min ?? later.max)?.position ?? later.position;
  context.report({
    at,
    messageId: problem.kind,
    data: { earlier: bandText(problem.earlier), later: bandText(later), interval: intervalText(problem, scale), scale: scaleLabel(scale.name) },
    related: [{ at: problem.earlier.position, note: `${problem.earlier.label}, ${lineRef(problem.earlier.position.line)}` }],
    subject: {
      indicator: scale.indicatorIds.map((id) => String(doc.indicators.find((i) => i.id === id)?.number ?? id)).join(',') || undefined,
      detail: `${problem.kind}:${problem.earlier.label}/${later.label}`,
    },
  });
}

function subjectOf(doc: LkipDocument, scale: CategoryScale, detail: string) {
  return {
    indicator: scale.indicatorIds.map((id) => String(doc.indicators.find((i) => i.id === id)?.number ?? id)).join(',') || undefined,
    detail,
  };
}

/** "85 %" → "85"; written without a regex whose leading spaces would be rescanned from every start. */
function withoutPercent(edge: string): string {
  return edge.endsWith('%') ? edge.slice(0, -1).trimEnd() : edge;
}

/**
 * One finding per scale: whole-number bands leave the same kind of hole between every pair, and
 * one fix (edges such as "> 90 – 100") mends them all. It stands at the highest hole.
 */
function reportPrecisionGaps(gaps: { problem: Problem; example: Quantity }[], scale: CategoryScale, doc: LkipDocument, context: Context): void {
  const last = gaps[gaps.length - 1];
  if (!last) return;
  const { problem, example } = last;
  const later = problem.later;
  const pairs = gaps.map((g) => `${withoutPercent(g.problem.earlier.max?.raw.trim() ?? '')} – ${withoutPercent(g.problem.later.min?.raw.trim() ?? '')}`);
  const at = (later.min ?? later.max)?.position ?? later.position;
  const earlierEdge = problem.earlier.max?.raw.trim() ?? '';
  const laterEdge = later.min?.raw.trim() ?? '';
  context.report({
    at,
    messageId: pairs.length > 1 ? 'precisionGaps' : 'precisionGap',
    data: {
      earlier: bandText(problem.earlier),
      later: bandText(later),
      from: withoutPercent(earlierEdge),
      to: withoutPercent(laterEdge),
      interval: intervalText(problem, scale, example.decimals),
      others: pairs.length > 1 ? pairs.slice(0, -1).join('; ') : '',
      example: said(example),
      where: lineRef(example.position.line),
      scale: scaleLabel(scale.name),
    },
    related: [
      { at: problem.earlier.position, note: `${problem.earlier.label}, ${lineRef(problem.earlier.position.line)}` },
      { at: example.position, note: `${example.raw.trim()}, ${lineRef(example.position.line)}` },
    ],
    subject: subjectOf(doc, scale, 'precision-gap'),
  });
}

function reportAboveTop(found: { band: Band; max: Quantity; value: Quantity }, scale: CategoryScale, doc: LkipDocument, context: Context): void {
  context.report({
    at: found.max.position,
    messageId: 'noBandAbove',
    data: { band: bandText(found.band), max: said(found.max), value: said(found.value), where: lineRef(found.value.position.line), scale: scaleLabel(scale.name) },
    related: [{ at: found.value.position, note: `${found.value.raw.trim()}, ${lineRef(found.value.position.line)}` }],
    subject: subjectOf(doc, scale, `above:${found.band.label}`),
  });
}

export default defineRule({
  meta: {
    id: 'band-definition',
    family: 'category',
    defaultSeverity: 'warn',
    fixable: false,
    docs: {
      description: 'The bands of a category scale must neither leave gaps nor overlap',
      descriptionId: 'Rentang-rentang kategori pada satu skala tidak boleh menyisakan celah atau saling tumpang tindih',
    },
    messages: {
      gap: {
        en: 'Bands {earlier} and {later} leave {interval} uncovered.',
        id: 'Rentang {earlier} dan {later} tidak mencakup {interval}.',
      },
      overlap: {
        en: 'Bands {earlier} and {later} overlap on {interval}.',
        id: 'Rentang {earlier} dan {later} tumpang tindih pada {interval}.',
      },
      precisionGap: {
        en: 'Bands {earlier} and {later} leave {interval} uncovered, yet the values have decimals ({example}, {where}).',
        id: 'Rentang {earlier} dan {later} tidak mencakup {interval}, padahal nilainya berdesimal ({example}, {where}).',
      },
      precisionGaps: {
        en: 'Bands {earlier} and {later} leave {interval} uncovered, as do the other whole-number edges ({others}), yet the values have decimals ({example}, {where}).',
        id: 'Rentang {earlier} dan {later} tidak mencakup {interval}, begitu pula batas bulat lainnya ({others}), padahal nilainya berdesimal ({example}, {where}).',
      },
      noBandAbove: {
        en: 'No band above {max} ({band} is the highest), yet the draft classifies {value} ({where}).',
        id: 'Tidak ada rentang di atas {max} ({band} yang tertinggi), padahal naskah mengategorikan {value} ({where}).',
      },
    },
  },
  check(doc, context) {
    for (const scale of doc.scales) {
      for (const problem of bandProblems(scale)) report(problem, scale, doc, context);
      const values = classifiedValues(doc, scale);
      reportPrecisionGaps(precisionGaps(scale, values), scale, doc, context);
      const above = aboveTop(scale, values);
      if (above) reportAboveTop(above, scale, doc, context);
    }
  },
});
