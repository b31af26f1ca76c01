import type { CategoryScale, Indicator } from '@lkip/schema';
import type { IndicatorRow } from './matching.js';
import { flagMessages, formatNumber, joinList, type FlagMessages } from './messages.js';
import { robustOutliers } from './statistics.js';
import type { ComparisonFlag, ComparisonIndicator, ComparisonInput, CompareOptions, Locale, UnmatchedIndicator } from './types.js';
import { displayUnit, targetKindOf, unitClassOf, type TargetKind, type UnitClass } from './units-of-measure.js';

/**
 * Flags only a comparison can raise: each draft may be consistent in itself and still measure an
 * indicator differently from its neighbours, use other category bands, or stand far apart.
 */
export function comparisonFlags(
  inputs: readonly ComparisonInput[],
  rows: readonly IndicatorRow[],
  indicators: readonly ComparisonIndicator[],
  unmatched: readonly UnmatchedIndicator[],
  options: CompareOptions = {},
): ComparisonFlag[] {
  const locale: Locale = options.locale ?? 'en';
  const text = flagMessages(locale);
  const label = (doc: number) => inputs[doc]?.doc.meta.province ?? inputs[doc]?.file ?? String(doc);
  const flags: ComparisonFlag[] = [];

  const fiscal = fiscalYearFlag(inputs, text, label);
  if (fiscal) flags.push(fiscal);

  rows.forEach((row, r) => {
    const output = indicators[r] as ComparisonIndicator;
    const missing = missingFlag(inputs, row, rows, unmatched, text, label, locale);
    if (missing) flags.push(missing);
    const measured = unitFlag(inputs, row, text, label);
    if (measured) flags.push(measured);
    const scale = scaleFlag(inputs, row, text, label, locale);
    if (scale) flags.push(scale);
    flags.push(...outlierFlags(row, output, options, locale, text, label, inputs));
  });
  return flags;
}

type Label = (doc: number) => string;

/** Groups documents by a property; the biggest group is the norm, unless two groups tie for it. */
function groupBy<T>(entries: readonly { doc: number; value: T }[]): { groups: Map<T, number[]>; norm: T | undefined } {
  const groups = new Map<T, number[]>();
  for (const { doc, value } of entries) {
    const list = groups.get(value);
    if (list) list.push(doc);
    else groups.set(value, [doc]);
  }
  let norm: T | undefined;
  let size = 0;
  let tie = false;
  for (const [value, docs] of groups) {
    if (docs.length > size) {
      norm = value;
      size = docs.length;
      tie = false;
    } else if (docs.length === size) {
      tie = true;
    }
  }
  return { groups, norm: tie ? undefined : norm };
}

/** "Indeks in 6 drafts; % in Tanah Lada": a big group by its count, a small one by its names. */
function describeGroups<T>(groups: Map<T, number[]>, name: (value: T) => string, text: FlagMessages, label: Label): string {
  return [...groups]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([value, docs]) => text.inDrafts(name(value), docs.length > 3 ? text.drafts(docs.length) : joinList(docs.map(label), text.and)))
    .join('; ');
}

function oddOnesOut<T>(groups: Map<T, number[]>, norm: T | undefined): number[] {
  const docs: number[] = [];
  for (const [value, members] of groups) if (norm === undefined || value !== norm) docs.push(...members);
  return docs.sort((a, b) => a - b);
}

function files(inputs: readonly ComparisonInput[], docs: readonly number[]): string[] {
  return docs.map((d) => inputs[d]?.file ?? String(d));
}

function fiscalYearFlag(inputs: readonly ComparisonInput[], text: FlagMessages, label: Label): ComparisonFlag | undefined {
  const entries = inputs.flatMap((input, doc) => (input.doc.meta.fiscalYear !== undefined ? [{ doc, value: input.doc.meta.fiscalYear }] : []));
  const { groups, norm } = groupBy(entries);
  if (groups.size < 2) return undefined;
  return {
    kind: 'fiscal-year',
    indicator: null,
    documents: files(inputs, oddOnesOut(groups, norm)),
    message: text.fiscalYear(describeGroups(groups, String, text, label)),
  };
}

function missingFlag(
  inputs: readonly ComparisonInput[],
  row: IndicatorRow,
  rows: readonly IndicatorRow[],
  unmatched: readonly UnmatchedIndicator[],
  text: FlagMessages,
  label: Label,
  locale: Locale,
): ComparisonFlag | undefined {
  const present = new Set(row.members.map((m) => m.doc));
  const absent = inputs.map((_, doc) => doc).filter((doc) => !present.has(doc));
  if (absent.length === 0) return undefined;
  const absentFiles = files(inputs, absent);
  // A renamed indicator shows up twice: missing here, and unmatched with this row as its best candidate.
  const candidates = unmatched
    .filter((u) => u.bestCandidate === row.key && absentFiles.includes(u.document))
    .map((u) => text.candidate(u.name, formatNumber(u.score ?? 0, locale)))
    .join('');
  // Several drafts renaming an indicator alike make a row of their own: point at it when it
  // carries the same number and only drafts that lack this row have it.
  const renamedRows = rows
    .filter((other) => other !== row && other.number !== null && other.number === row.number && other.members.every((m) => !present.has(m.doc)))
    .map((other) => text.sameNumber(other.name))
    .join('');
  return {
    kind: 'missing-indicator',
    indicator: row.key,
    documents: absentFiles,
    message: text.missing(row.name, absent.length > 3 ? text.drafts(absent.length) : joinList(absent.map(label), text.and), candidates + renamedRows),
  };
}

/** The unit a document measures an indicator in: the PK's unit, else the one its targets carry most. */
export function unitClassOfIndicator(input: ComparisonInput, indicator: Indicator): UnitClass | undefined {
  const declared = unitClassOf(indicator.unitOfMeasure);
  if (declared) return declared;
  const counts = new Map<UnitClass, number>();
  for (const m of input.doc.measurements) {
    if (m.indicatorId !== indicator.id || m.role !== 'target' || m.measure !== 'indicator' || !m.quantity) continue;
    const cls = unitClassOf(m.quantity.unit) ?? (m.quantity.percent ? 'percent' : undefined);
    if (cls) counts.set(cls, (counts.get(cls) ?? 0) + 1);
  }
  let best: UnitClass | undefined;
  let n = 0;
  for (const [cls, c] of counts) {
    if (c > n) {
      best = cls;
      n = c;
    }
  }
  return best;
}

/**
 * A different kind of target (a count of districts against an index) is the stronger finding
 * and is raised alone; otherwise a different unit within one kind (an index written as "%").
 */
function unitFlag(inputs: readonly ComparisonInput[], row: IndicatorRow, text: FlagMessages, label: Label): ComparisonFlag | undefined {
  const classes: { doc: number; value: UnitClass }[] = [];
  const kinds: { doc: number; value: TargetKind }[] = [];
  for (const member of row.members) {
    const input = inputs[member.doc] as ComparisonInput;
    const cls = unitClassOfIndicator(input, member.indicator);
    const kind = targetKindOf(cls, member.indicator.countOf !== undefined);
    if (cls) classes.push({ doc: member.doc, value: cls });
    if (kind) kinds.push({ doc: member.doc, value: kind });
  }
  const byKind = groupBy(kinds);
  if (byKind.groups.size > 1) {
    return {
      kind: 'target-kind',
      indicator: row.key,
      documents: files(inputs, oddOnesOut(byKind.groups, byKind.norm)),
      message: text.targetKind(row.name, describeGroups(byKind.groups, (k) => text.kinds[k], text, label)),
    };
  }
  const byClass = groupBy(classes);
  if (byClass.groups.size > 1) {
    return {
      kind: 'unit-of-measure',
      indicator: row.key,
      documents: files(inputs, oddOnesOut(byClass.groups, byClass.norm)),
      message: text.unitOfMeasure(row.name, describeGroups(byClass.groups, displayUnit, text, label)),
    };
  }
  return undefined;
}

interface ScaleShape {
  signature: string;
  labels: string[];
  edges: Map<string, string>;
}

// Scales are shaped once per comparison; the same scale serves several rows' flags.
const shapes = new WeakMap<CategoryScale, Map<Locale, ScaleShape>>();

function scaleShape(scale: CategoryScale, locale: Locale): ScaleShape {
  const cached = shapes.get(scale)?.get(locale);
  if (cached) return cached;
  const shape = computeScaleShape(scale, locale);
  const byLocale = shapes.get(scale) ?? new Map<Locale, ScaleShape>();
  byLocale.set(locale, shape);
  shapes.set(scale, byLocale);
  return shape;
}

function computeScaleShape(scale: CategoryScale, locale: Locale): ScaleShape {
  const bands = [...scale.bands].sort((a, b) => (a.min?.value ?? -Infinity) - (b.min?.value ?? -Infinity) || (a.max?.value ?? Infinity) - (b.max?.value ?? Infinity));
  const edges = new Map<string, string>();
  const labels: string[] = [];
  const signature: string[] = [];
  for (const band of bands) {
    const name = band.label.toLowerCase().replace(/\s+/g, ' ').trim();
    labels.push(name);
    const lo = band.min ? `${band.minInclusive ? '≥' : '>'} ${formatNumber(band.min.value, locale)}` : '';
    const hi = band.max ? `${band.maxInclusive ? '≤' : '<'} ${formatNumber(band.max.value, locale)}` : '';
    edges.set(name, [lo, hi].filter((s) => s !== '').join(' '));
    signature.push(`${name}:${band.minInclusive ? '[' : '('}${band.min?.value ?? ''},${band.max?.value ?? ''}${band.maxInclusive ? ']' : ')'}`);
  }
  return { signature: signature.join('|'), labels, edges };
}

/**
 * Band scales per document (a document may define two for one indicator, as the IKP interval
 * and its conversion). A document agrees when one of its scales is the most common scale; when
 * every scale differs from every other, every document is odd.
 */
function scaleFlag(inputs: readonly ComparisonInput[], row: IndicatorRow, text: FlagMessages, label: Label, locale: Locale): ComparisonFlag | undefined {
  const perDoc = row.members
    .map((member) => ({
      doc: member.doc,
      shapes: (inputs[member.doc] as ComparisonInput).doc.scales.filter((s) => s.indicatorIds.includes(member.indicator.id) && s.bands.length > 0).map((s) => scaleShape(s, locale)),
    }))
    .filter((entry) => entry.shapes.length > 0);
  if (perDoc.length < 2) return undefined;
  const counts = new Map<string, { count: number; shape: ScaleShape }>();
  for (const { shapes } of perDoc) {
    for (const signature of new Set(shapes.map((s) => s.signature))) {
      const shape = shapes.find((s) => s.signature === signature) as ScaleShape;
      const entry = counts.get(signature);
      if (entry) entry.count++;
      else counts.set(signature, { count: 1, shape });
    }
  }
  if (counts.size < 2) return undefined;
  const top = Math.max(...[...counts.values()].map((e) => e.count));
  const reference = [...counts.values()].find((e) => e.count === top)?.shape as ScaleShape;
  const odd = top === 1 ? perDoc : perDoc.filter(({ shapes }) => Math.max(...shapes.map((s) => counts.get(s.signature)?.count ?? 0)) < top);
  if (odd.length === 0) return undefined;
  const first = odd[0]?.shapes[0] as ScaleShape;
  const comparedWith = first === reference ? ([...counts.values()].find((e) => e.shape.signature !== first.signature)?.shape ?? reference) : reference;
  return {
    kind: 'category-scale',
    indicator: row.key,
    documents: files(
      inputs,
      odd.map((o) => o.doc),
    ),
    message: text.categoryScale(row.name, joinList(odd.map((o) => label(o.doc)), text.and), scaleDifference(first, comparedWith, text)),
  };
}

function scaleDifference(theirs: ScaleShape, others: ScaleShape, text: FlagMessages): string {
  if (theirs.labels.join('|') !== others.labels.join('|')) return text.scaleLabels(theirs.labels.join(' / '), others.labels.join(' / '));
  for (const name of theirs.labels) {
    const a = theirs.edges.get(name) ?? '';
    const b = others.edges.get(name) ?? '';
    if (a !== b) return text.scaleEdges(name, a, b);
  }
  return text.scaleLabels(theirs.labels.join(' / '), others.labels.join(' / '));
}

/** The province office's achievement for the indicator, the figure provinces are compared on. */
export function provinceAchievement(indicator: ComparisonIndicator, file: string): number | undefined {
  const cells = indicator.cells.filter((c) => c.document === file);
  const cell = cells.find((c) => c.unitKind === 'province' && c.measure === 'indicator') ?? cells[0];
  return cell?.achievement?.value;
}

function outlierFlags(
  row: IndicatorRow,
  output: ComparisonIndicator,
  options: CompareOptions,
  locale: Locale,
  text: FlagMessages,
  label: Label,
  inputs: readonly ComparisonInput[],
): ComparisonFlag[] {
  const docs: number[] = [];
  const values: number[] = [];
  for (const member of row.members) {
    const value = provinceAchievement(output, (inputs[member.doc] as ComparisonInput).file);
    if (value !== undefined && Number.isFinite(value)) {
      docs.push(member.doc);
      values.push(value);
    }
  }
  const { summary, outliers } = robustOutliers(values, {
    ...(options.outlierThreshold !== undefined ? { threshold: options.outlierThreshold } : {}),
    ...(options.outlierMinCount !== undefined ? { minCount: options.outlierMinCount } : {}),
  });
  return outliers.map((o) => {
    const doc = docs[o.index] as number;
    return {
      kind: 'achievement-outlier' as const,
      indicator: row.key,
      documents: files(inputs, [doc]),
      message: text.outlier(row.name, formatNumber(o.value, locale), label(doc), formatNumber(summary.median, locale), formatNumber(summary.scaledMad, locale), formatNumber(o.score, locale)),
    };
  });
}
