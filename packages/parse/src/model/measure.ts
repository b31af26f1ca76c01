import type { Indicator, Measurement, Quantity, ReportingUnit } from '@lkip/schema';

// "Kab/Kota", "<acronym> Kab", "Satker": a count of offices.
const COUNT_UNIT = /\b(kab(upaten)?\.?\s*\/\s*kota|[a-z]{2,12}\s+kab(?:upaten)?\b|kabupaten\s*\/\s*kota|satker|kab\/\s*kot)/i;

export function isCountOfUnits(unit: string | undefined): boolean {
  return unit !== undefined && COUNT_UNIT.test(unit);
}

/**
 * Decides whether a figure of a count indicator is the count itself ("3 Kab/Kota") or one unit's
 * own index ("BCNK Batu Merah 56.20"); other indicators only have the first kind.
 */
export function measureOf(
  indicator: Indicator,
  unit: ReportingUnit | undefined,
  figures: readonly (Quantity | undefined)[],
  aggregate: boolean,
  districtCount: number,
): Measurement['measure'] {
  if (!indicator.countOf) return 'indicator';
  const present = figures.filter((f): f is Quantity => f !== undefined);
  if (present.some((f) => isCountOfUnits(f.unit))) return 'indicator';
  if (aggregate) return 'unit-value';
  if (unit && unit.kind !== 'province') return 'unit-value';
  // The province's row: small whole numbers are the count of districts, anything else its own index.
  const nonPercent = present.filter((f) => !f.percent);
  if (nonPercent.length > 0 && nonPercent.every((f) => f.decimals === 0 && Number.isInteger(f.value) && f.value <= Math.max(districtCount, 1) * 2 && !f.unit)) {
    return 'indicator';
  }
  return nonPercent.length === 0 ? 'indicator' : 'unit-value';
}
