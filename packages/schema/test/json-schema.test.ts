import { describe, expect, it } from 'vitest';
import { emptyDocument, LkipDocument, toJsonSchema } from '@lkip/schema';
import { validateDocumentJson } from '@lkip/schema/validate-json';

const position = { line: 3, column: 5, offset: 40, endLine: 3, endColumn: 9, endOffset: 44 };

describe('toJsonSchema', () => {
  it('exports draft 2020-12 with the document definitions', () => {
    const schema = toJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(JSON.stringify(schema)).toContain('Quantity');
  });
});

describe('validateDocumentJson', () => {
  it('accepts an empty document', () => {
    expect(validateDocumentJson(emptyDocument())).toEqual({ valid: true, errors: [] });
  });

  it('accepts a document with a measurement, and zod agrees', () => {
    const doc = emptyDocument();
    doc.indicators.push({ id: 'i1', name: 'Nilai X', names: ['Nilai X'], key: 'nilai x', polarity: 'higher-is-better', polaritySource: 'default' });
    doc.measurements.push({
      id: 'm1',
      indicatorId: 'i1',
      year: 2024,
      role: 'target',
      measure: 'indicator',
      statement: 't1:r0',
      quantity: { value: 3.77, raw: '3,77', decimals: 2, unit: 'Indeks', position },
      place: { kind: 'pk' },
      position,
    });
    const json = JSON.parse(JSON.stringify(doc));
    expect(validateDocumentJson(json).valid).toBe(true);
    expect(LkipDocument.safeParse(json).success).toBe(true);
  });

  it('rejects a quantity without its position and names the path', () => {
    const doc = emptyDocument() as unknown as { fractions: unknown[] };
    doc.fractions.push({ id: 'f', numerator: { value: 1, raw: '1', decimals: 0 } });
    const result = validateDocumentJson(doc);
    expect(result.valid).toBe(false);
    expect(result.errors.some((e) => e.path.startsWith('/fractions/0'))).toBe(true);
  });
});
