import type { LkipDocument } from './document.js';

/** A document with nothing in it yet: the reader fills it, tests build on it. */
export function emptyDocument(format: LkipDocument['source']['format'] = 'markdown', length = 0): LkipDocument {
  return {
    schemaVersion: 1,
    source: { format, length },
    meta: {},
    units: [],
    goals: [],
    indicators: [],
    measurements: [],
    scales: [],
    fractions: [],
    claims: [],
    formulas: [],
    budget: [],
    tables: [],
    sections: [],
    sentences: [],
    enumerations: [],
    officeMentions: [],
    officeParts: [],
    activities: [],
    categoryStatements: [],
    indicatorMentions: [],
    directives: [],
    diagnostics: [],
  };
}
