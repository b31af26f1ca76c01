import type { DigestBand, DocumentDigest } from './digest.js';
import type { IndicatorRow } from './matching.js';
import { flagMessages, formatNumber, joinList, type FlagMessages } from './messages.js';
import { RELATIVE_MAD_FLOOR, robustOutliers } from './statistics.js';
import type { ComparisonCell, ComparisonFlag, ComparisonIndicator, CompareOptions, Locale, UnmatchedIndicator } from './types.js';
import { displayUnit, targetKindOf, type TargetKind, type UnitClass } from './units-of-measure.js';

/**
 * Flags only a comparison can raise: each draft may be consistent in itself and still measure an
 * indicator differently from its neighbours, use other category bands, or stand far apart.
 * `label` names a document in messages (its province, with the year or a number when needed).
 */
export function comparisonFlags(
  inputs: readonly DocumentDigest[],
  rows: readonly IndicatorRow[],
  indicators: readonly ComparisonIndicator[],
  unmatched: readonly UnmatchedIndicator[],
  label: Label,
  options: CompareOptions = {},
): ComparisonFlag[] {
  const locale: Locale = options.locale ?? 'en';
  const text = flagMessages(locale);
  const flags: ComparisonFlag[] = [];

  flags.push(...duplicateFlags(inputs, text, label));
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

export type Label = (doc: number) => string;

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

function files(inputs: readonly DocumentDigest[], docs: readonly number[]): string[] {
  return docs.map((d) => inputs[d]?.file ?? String(d));
}

/** Who filed a draft: its province, else its agency; null when it names neither. */
export function entityOf(input: Pick<DocumentDigest, 'province' | 'agency'>): string | null {
  const name = input.province ?? input.agency;
  return name ? name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim() : null;
}

/** Does some province come with drafts of two or more fiscal years? Then years are an axis, not a mistake. */
export function spansYears(inputs: readonly DocumentDigest[]): boolean {
  const years = new Map<string, Set<number>>();
  for (const input of inputs) {
    const entity = entityOf(input);
    if (entity === null || input.fiscalYear === null) continue;
    const set = years.get(entity) ?? new Set<number>();
    set.add(input.fiscalYear);
    years.set(entity, set);
  }
  return [...years.values()].some((set) => set.size > 1);
}

/**
 * Two drafts of the same province for the same fiscal year: two columns that would read the same.
 * Usually a draft and its revision, or a file copied under another name.
 */
function duplicateFlags(inputs: readonly DocumentDigest[], text: FlagMessages, label: Label): ComparisonFlag[] {
  const groups = new Map<string, number[]>();
  inputs.forEach((input, doc) => {
    const entity = entityOf(input);
    if (entity === null) return;
    const key = `${entity}\u0000${input.fiscalYear ?? ''}`;
    const list = groups.get(key);
    if (list) list.push(doc);
    else groups.set(key, [doc]);
  });
  const flags: ComparisonFlag[] = [];
  for (const docs of groups.values()) {
    if (docs.length < 2) continue;
    const first = inputs[docs[0] as number] as DocumentDigest;
    const who = `${first.province ?? first.agency ?? ''}${first.fiscalYear !== null ? ` (${first.fiscalYear})` : ''}`;
    flags.push({
      kind: 'duplicate-document',
      indicator: null,
      documents: files(inputs, docs),
      message: text.duplicate(who, docs.length, joinList(docs.map((d) => `${inputs[d]?.file ?? ''} → ${label(d)}`), text.and)),
    });
  }
  return flags;
}

/**
 * Drafts of one year with one of another are usually a mistake (last year's file picked up);
 * drafts of several years of the same provinces are a comparison across years, and then what is
 * worth saying is which province lacks a year the others have.
 */
function fiscalYearFlag(inputs: readonly DocumentDigest[], text: FlagMessages, label: Label): ComparisonFlag | undefined {
  const entries = inputs.flatMap((input, doc) => (input.fiscalYear !== null ? [{ doc, value: input.fiscalYear }] : []));
  const { groups, norm } = groupBy(entries);
  if (groups.size < 2) return undefined;
  if (!spansYears(inputs)) {
    return {
      kind: 'fiscal-year',
      indicator: null,
      documents: files(inputs, oddOnesOut(groups, norm)),
      message: text.fiscalYear(describeGroups(groups, String, text, label)),
    };
  }
  const years = [...groups.keys()].sort((a, b) => a - b);
  const byEntity = new Map<string, { doc: number; years: Set<number> }>();
  inputs.forEach((input, doc) => {
    const entity = entityOf(input) ?? input.file;
    const entry = byEntity.get(entity) ?? { doc, years: new Set<number>() };
    if (input.fiscalYear !== null) entry.years.add(input.fiscalYear);
    byEntity.set(entity, entry);
  });
  const gaps: string[] = [];
  const documents: string[] = [];
  for (const { doc, years: have } of byEntity.values()) {
    const lacking = years.filter((y) => !have.has(y));
    if (lacking.length === 0) continue;
    const input = inputs[doc] as DocumentDigest;
    gaps.push(text.lacksYears(input.province ?? input.agency ?? input.file, joinList(lacking.map(String), text.and)));
    documents.push(...inputs.flatMap((other, d) => (entityOf(other) !== null && entityOf(other) === entityOf(input) ? [files(inputs, [d])[0] as string] : d === doc ? [input.file] : [])));
  }
  if (gaps.length === 0) return undefined;
  return { kind: 'fiscal-year', indicator: null, documents: [...new Set(documents)], message: text.yearGaps(joinList(years.map(String), text.and), gaps.join('; ')) };
}

function missingFlag(
  inputs: readonly DocumentDigest[],
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

/**
 * A different kind of target (a count of districts against an index) is the stronger finding
 * and is raised alone; otherwise a different unit within one kind (an index written as "%").
 */
function unitFlag(inputs: readonly DocumentDigest[], row: IndicatorRow, text: FlagMessages, label: Label): ComparisonFlag | undefined {
  const classes: { doc: number; value: UnitClass }[] = [];
  const kinds: { doc: number; value: TargetKind }[] = [];
  for (const member of row.members) {
    const indicator = digestIndicator(inputs, member.doc, member.indicator.id);
    const cls = indicator?.unitClass ?? undefined;
    const kind = targetKindOf(cls, indicator?.countsDistricts ?? false);
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

/** The digest's indicator of a row member (rows hold the digest's own indicator objects). */
function digestIndicator(inputs: readonly DocumentDigest[], doc: number, id: string) {
  return inputs[doc]?.indicators.find((i) => i.id === id);
}

function scaleShape(scale: readonly DigestBand[], locale: Locale): ScaleShape {
  const bands = [...scale].sort((a, b) => (a.min ?? -Infinity) - (b.min ?? -Infinity) || (a.max ?? Infinity) - (b.max ?? Infinity));
  const edges = new Map<string, string>();
  const labels: string[] = [];
  const signature: string[] = [];
  for (const band of bands) {
    const name = band.label.toLowerCase().replace(/\s+/g, ' ').trim();
    labels.push(name);
    const lo = band.min !== null ? `${band.minInclusive ? '≥' : '>'} ${formatNumber(band.min, locale)}` : '';
    const hi = band.max !== null ? `${band.maxInclusive ? '≤' : '<'} ${formatNumber(band.max, locale)}` : '';
    edges.set(name, [lo, hi].filter((s) => s !== '').join(' '));
    signature.push(`${name}:${band.minInclusive ? '[' : '('}${band.min ?? ''},${band.max ?? ''}${band.maxInclusive ? ']' : ')'}`);
  }
  return { signature: signature.join('|'), labels, edges };
}

/**
 * Band scales per document (a document may define two for one indicator, as the IKP interval
 * and its conversion). A document agrees when one of its scales is the most common scale; when
 * every scale differs from every other, every document is odd.
 */
function scaleFlag(inputs: readonly DocumentDigest[], row: IndicatorRow, text: FlagMessages, label: Label, locale: Locale): ComparisonFlag | undefined {
  const perDoc = row.members
    .map((member) => ({
      doc: member.doc,
      shapes: (digestIndicator(inputs, member.doc, member.indicator.id)?.scales ?? []).map((s) => scaleShape(s, locale)),
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
  return provinceCell(indicator, file)?.achievement?.value;
}

export function provinceCell(indicator: ComparisonIndicator, file: string): ComparisonCell | undefined {
  let first: ComparisonCell | undefined;
  for (const c of indicator.cells) {
    if (c.document !== file) continue;
    if (c.unitKind === 'province' && c.measure === 'indicator') return c;
    first ??= c;
  }
  return first;
}

/**
 * Outliers among the provinces of one fiscal year (a province is not compared with its own
 * earlier years here; the trend shows those). At least five provinces, and the MAD floored at a
 * share of the achievements' size (see statistics.ts); the message says in words how far the
 * province stands and against what.
 */
function outlierFlags(
  row: IndicatorRow,
  output: ComparisonIndicator,
  options: CompareOptions,
  locale: Locale,
  text: FlagMessages,
  label: Label,
  inputs: readonly DocumentDigest[],
): ComparisonFlag[] {
  const byYear = new Map<number | null, { docs: number[]; values: number[] }>();
  for (const member of row.members) {
    const input = inputs[member.doc] as DocumentDigest;
    const value = provinceAchievement(output, input.file);
    if (value === undefined || !Number.isFinite(value)) continue;
    const group = byYear.get(input.fiscalYear) ?? { docs: [], values: [] };
    group.docs.push(member.doc);
    group.values.push(value);
    byYear.set(input.fiscalYear, group);
  }
  const flags: ComparisonFlag[] = [];
  for (const { docs, values } of byYear.values()) {
    const { summary, outliers } = robustOutliers(values, {
      ...(options.outlierThreshold !== undefined ? { threshold: options.outlierThreshold } : {}),
      ...(options.outlierMinCount !== undefined ? { minCount: options.outlierMinCount } : {}),
      ...(options.outlierRelativeMadFloor !== undefined ? { relativeMadFloor: options.outlierRelativeMadFloor } : {}),
    });
    for (const o of outliers) {
      const doc = docs[o.index] as number;
      const distance = Math.abs(o.value - summary.median);
      flags.push({
        kind: 'achievement-outlier',
        indicator: row.key,
        documents: files(inputs, [doc]),
        message: text.outlier({
          name: row.name,
          value: formatNumber(o.value, locale),
          where: label(doc),
          distance: formatNumber(distance, locale),
          direction: o.value < summary.median ? 'below' : 'above',
          count: values.length,
          median: formatNumber(summary.median, locale),
          spread: formatNumber(summary.scaledMad, locale),
          floored: summary.madFloor > summary.mad,
          floorPercent: formatNumber((options.outlierRelativeMadFloor ?? RELATIVE_MAD_FLOOR) * 100, locale),
          times: formatNumber(Math.abs(o.score), locale),
          threshold: formatNumber(options.outlierThreshold ?? 3.5, locale),
          z: formatNumber(o.score, locale),
        }),
      });
    }
  }
  return flags;
}
