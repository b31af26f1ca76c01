/**
 * Category scales as the category and tally rules read them: the draft's own bands (and the
 * configured ones) as numeric ranges ordered by value, with labels compared the way drafts
 * write them (“ Tinggi”, **Sangat Baik**, "sangat tinggi" are the same category).
 */
import { configPattern, type Interval, type ResolvedConfig } from '@lkip/engine';
import type { Band, CategoryScale, Indicator, LkipDocument } from '@lkip/schema';
import { scalesByIndicator } from './indexes.js';
import { perObject } from './memo.js';

export interface BandRange {
  /** The label as the scale writes it. */
  label: string;
  /** The label and its alternatives ("A" beside "Sangat Mandiri"), normalised. */
  keys: string[];
  lo: number;
  hi: number;
  loInclusive: boolean;
  hiInclusive: boolean;
  /** The band as the draft states it; absent for configured scales. */
  band?: Band;
}

export interface ScaleRanges {
  id: string;
  name: string;
  source: 'draft' | 'config';
  /** Ordered by value: lowest band first. */
  bands: BandRange[];
  scale?: CategoryScale;
}

/** Compares labels as written in different places: case, quotes, asterisks and spacing do not count. */
export function normaliseLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[“”„"'‘’`*_]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,;:()-]+|[\s.,;:()-]+$/g, '');
}

function byValue(a: BandRange, b: BandRange): number {
  return a.lo - b.lo || a.hi - b.hi;
}

export const rangesOfScale: (scale: CategoryScale) => ScaleRanges = perObject(readRanges);

function readRanges(scale: CategoryScale): ScaleRanges {
  const bands = scale.bands.map(
    (band): BandRange => ({
      label: band.label,
      keys: [band.label, ...(band.altLabels ?? [])].map(normaliseLabel),
      lo: band.min?.value ?? -Infinity,
      hi: band.max?.value ?? Infinity,
      loInclusive: band.minInclusive,
      hiInclusive: band.maxInclusive,
      band,
    }),
  );
  return { id: scale.id, name: scale.name, source: 'draft', bands: bands.sort(byValue), scale };
}

function configuredScales(config: Pick<ResolvedConfig, 'scales'>, indicator: Indicator): ScaleRanges[] {
  const names = [indicator.name, ...indicator.names];
  return config.scales.flatMap((scale, index) => {
    const pattern = configPattern(scale.indicatorPattern, `scales[${index}].indicatorPattern`);
    if (!names.some((name) => pattern.test(name))) return [];
    const bands = scale.bands.map(
      (band): BandRange => ({
        label: band.label,
        keys: [normaliseLabel(band.label)],
        lo: band.min ?? -Infinity,
        hi: band.max ?? Infinity,
        loInclusive: band.minInclusive,
        hiInclusive: band.maxInclusive,
      }),
    );
    return [{ id: `config:${index}`, name: scale.name, source: 'config' as const, bands: bands.sort(byValue) }];
  });
}

/**
 * The scales an indicator's categories are read against: those the draft defines for it, else
 * the configured ones whose pattern matches its name (the draft's own bands are what its labels
 * were written against; the config fills in scales a draft leaves out, such as IKPA's).
 */
export function scalesFor(doc: LkipDocument, config: Pick<ResolvedConfig, 'scales'>, indicator: Indicator): ScaleRanges[] {
  const own = (scalesByIndicator(doc).get(indicator.id) ?? []).map(rangesOfScale);
  return own.length > 0 ? own : configuredScales(config, indicator);
}

export function bandOfLabel(scale: ScaleRanges, label: string): BandRange | undefined {
  const key = normaliseLabel(label);
  return scale.bands.find((b) => b.keys.includes(key));
}

/** The band's place in value order (0 = lowest), or undefined when the scale has no such label. */
export function rankOfLabel(scale: ScaleRanges, label: string): number | undefined {
  const band = bandOfLabel(scale, label);
  return band ? scale.bands.indexOf(band) : undefined;
}

/** Some value of `interval` lies in the band (edges as stated are exact; the value is rounded). */
export function bandOverlaps(band: BandRange, interval: Interval): boolean {
  const aboveLo = band.loInclusive ? interval.hi >= band.lo : interval.hi > band.lo;
  const belowHi = band.hiInclusive ? interval.lo <= band.hi : interval.lo < band.hi;
  return aboveLo && belowHi;
}

export function scaleRange(scale: ScaleRanges): Interval {
  return {
    lo: Math.min(...scale.bands.map((b) => b.lo)),
    hi: Math.max(...scale.bands.map((b) => b.hi)),
  };
}

/** A scale's name for messages: the reader takes it from the sentence that introduces the bands. */
export function scaleLabel(name: string): string {
  const trimmed = name.replace(/[\s:;,.-]+$/, '').trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 59).trimEnd()}…` : trimmed;
}
