import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDraft } from '@lkip/parse';
import { emptyDocument, type LkipDocument, type Measurement, type PlaceKind } from '@lkip/schema';
import { describe, expect, it } from 'vitest';
import { buildOverview, indicatorTitle, targetStatus } from '../src/overview/model.ts';

const at = (offset: number, length: number) => ({ line: 1, column: offset + 1, offset, endLine: 1, endColumn: offset + length + 1, endOffset: offset + length });

function measurement(id: string, role: Measurement['role'], value: number, place: PlaceKind, offset: number, extra: Partial<Measurement> = {}): Measurement {
  const raw = String(value).replace('.', ',');
  return {
    id,
    indicatorId: 'i1',
    unitId: 'u1',
    year: 2024,
    role,
    measure: 'indicator',
    quantity: { value, raw, decimals: 0, position: at(offset, raw.length) },
    statement: id,
    place: { kind: place },
    position: at(offset, raw.length),
    ...extra,
  };
}

function doc(measurements: Measurement[], polarity: 'higher-is-better' | 'lower-is-better' = 'higher-is-better'): LkipDocument {
  const d = emptyDocument('markdown', 1000);
  d.meta.fiscalYear = 2024;
  d.units.push({ id: 'u1', name: 'BNNK Belu', kind: 'regency', placeName: 'Belu', spellings: ['BNNK Belu'] });
  d.indicators.push({ id: 'i1', number: 5, name: 'Jumlah petugas', names: [], key: 'jumlah petugas', polarity, polaritySource: 'default' });
  d.measurements.push(...measurements);
  return d;
}

describe('indicator overview', () => {
  it('prefers the chapter table over the summary and the PK, and the report year over others', () => {
    const [overview] = buildOverview(
      doc([
        measurement('a', 'target', 10, 'summary', 5),
        measurement('b', 'target', 12, 'chapter-table', 50),
        measurement('c', 'target', 11, 'signed-pk', 80),
        measurement('d', 'realisation', 9, 'chapter-table', 60),
        measurement('e', 'realisation', 99, 'chapter-table', 1, { year: 2023 }),
      ]),
    );
    expect(overview).toMatchObject({ id: 'i1', number: 5, year: 2024 });
    expect(overview?.rows).toHaveLength(1);
    expect(overview?.rows[0]).toMatchObject({ unitName: 'BNNK Belu', target: { value: 12, from: 50, place: 'chapter-table' }, realisation: { value: 9, from: 60 }, status: 'below' });
  });

  it('reads realisation against target with the indicator’s polarity', () => {
    expect(targetStatus(10, 12, 'higher-is-better')).toBe('above');
    expect(targetStatus(10, 12, 'lower-is-better')).toBe('below');
    expect(targetStatus(10, 10, 'lower-is-better')).toBe('at');
    expect(targetStatus(0.1 + 0.2, 0.3, 'higher-is-better')).toBe('at');
    expect(targetStatus(undefined, 1, 'higher-is-better')).toBeUndefined();
  });

  it('titles groups by the number rules put in subject.indicator', () => {
    const overview = buildOverview(doc([]));
    expect(indicatorTitle('5', overview)).toBe('5. Jumlah petugas');
    expect(indicatorTitle('jumlah petugas', overview)).toBe('5. Jumlah petugas');
    expect(indicatorTitle('7', overview)).toBe('7');
  });

  it('points every figure of the NTT fixture at its own text', () => {
    const path = fileURLToPath(new URL('../../../fixtures/ntt-2024/draft.md', import.meta.url));
    const text = readFileSync(path, 'utf8');
    const overview = buildOverview(parseDraft(text, { path: 'draft.md' }));
    expect(overview.length).toBeGreaterThan(0);
    let figures = 0;
    for (const indicator of overview) {
      for (const row of indicator.rows) {
        for (const figure of [row.target, row.realisation, row.achievement, row.category]) {
          if (!figure) continue;
          figures++;
          expect(text.slice(figure.from, figure.to)).toBe(figure.text);
        }
      }
    }
    expect(figures).toBeGreaterThan(50);
  });
});
