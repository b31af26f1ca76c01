import { mean, overlaps, type Tolerance } from '@lkip/engine';
import type { LkipDocument, Measurement, Quantity } from '@lkip/schema';
import { ofIndicator } from './indexes.js';

/**
 * An average row's capaian may be the mean of the rows' own percentages instead of the ratio of
 * the averages ("Rata-rata … 103,33 %" for rows of 110, 90 and 110 %): both are ways drafts
 * average, and only a figure that is neither is wrong.
 */
export function isMeanOfRows(doc: LkipDocument, achievement: Measurement, stated: Quantity, tolerance: Tolerance): boolean {
  if (!achievement.aggregate || achievement.place.tableId === undefined) return false;
  const rows = ofIndicator(doc, achievement.indicatorId).filter(
    (m) =>
      m.role === 'achievement' &&
      !m.aggregate &&
      m.quantity !== undefined &&
      !m.quantity.ambiguous &&
      m.place.tableId === achievement.place.tableId &&
      m.place.column === achievement.place.column &&
      m.indicatorId === achievement.indicatorId,
  );
  if (rows.length < 2) return false;
  const average = mean(rows.map((m) => tolerance.of(m.quantity as Quantity)));
  return average !== undefined && overlaps(average, tolerance.of(stated));
}
