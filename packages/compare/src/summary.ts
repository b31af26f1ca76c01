import type { LkipDocument } from '@lkip/schema';
import type { ComparableDocument } from './types.js';

/**
 * The part of a document model the comparison reads. Worker threads post this back instead of
 * the whole model: structured cloning of raw tables and claims would cost more than comparing.
 */
export function comparableDocument(doc: LkipDocument | ComparableDocument): ComparableDocument {
  return { meta: doc.meta, units: doc.units, indicators: doc.indicators, measurements: doc.measurements, scales: doc.scales };
}
