import { describe, expect, it } from 'vitest';
import { normaliseUnit, targetKindOf, unitClassOf } from '../src/index.js';

describe('units of measure', () => {
  it('folds the spellings of one unit into one class', () => {
    for (const s of ['Kab/Kota', 'Kabupaten / Kota', 'Kabupaten/Kota', 'BNN Kabupaten / Kota', 'BNN Kab/Kota', 'BNNK/Kota', 'kab./kota']) {
      expect(unitClassOf(s), s).toBe('districts');
    }
    expect(unitClassOf('%')).toBe('percent');
    expect(unitClassOf('persen')).toBe('percent');
    expect(unitClassOf('indeks')).toBe('index');
    expect(unitClassOf('Orang')).toBe('people');
    expect(unitClassOf('Berkas Perkara')).toBe('case-files');
    expect(unitClassOf('Lembaga')).toBe('institutions');
    expect(unitClassOf('Unit')).toBe('service-units');
    expect(unitClassOf('Desa')).toBeUndefined();
    expect(unitClassOf(undefined)).toBeUndefined();
  });

  it('normalises for display and keeps unknown units as written', () => {
    expect(normaliseUnit('Kabupaten / Kota')).toBe('Kab/Kota');
    expect(normaliseUnit('indeks')).toBe('Indeks');
    expect(normaliseUnit('  Desa  Bersinar ')).toBe('Desa Bersinar');
    expect(normaliseUnit('')).toBeNull();
  });

  it('tells the kind of a target from its unit, the name only when no unit is written', () => {
    expect(targetKindOf('districts', false)).toBe('count-of-districts');
    expect(targetKindOf('index', true)).toBe('score');
    expect(targetKindOf('percent', false)).toBe('score');
    expect(targetKindOf('people', false)).toBe('count');
    expect(targetKindOf(undefined, true)).toBe('count-of-districts');
    expect(targetKindOf(undefined, false)).toBeUndefined();
  });
});
