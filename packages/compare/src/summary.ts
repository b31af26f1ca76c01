import type { LkipDocument } from '@lkip/schema';
import type { ComparableDocument } from './types.js';

/**
 * The part of a document model the comparison reads: what the matrix shows, and the tables,
 * sentences and sections the year-against-year check reads earlier years' figures from.
 */
export function comparableDocument(doc: LkipDocument | ComparableDocument): ComparableDocument {
  return {
    meta: doc.meta,
    units: doc.units,
    indicators: doc.indicators,
    measurements: doc.measurements,
    scales: doc.scales,
    ...(doc.tables ? { tables: doc.tables } : {}),
    ...(doc.sentences ? { sentences: doc.sentences } : {}),
    ...(doc.sections ? { sections: doc.sections } : {}),
  };
}
