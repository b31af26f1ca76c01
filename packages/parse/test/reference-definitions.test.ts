import { describe, expect, it } from 'vitest';
import { mayHoldReferenceDefinition } from '../src/text/reference-definitions.js';

describe('mayHoldReferenceDefinition', () => {
  it('finds a label followed by a colon on one line', () => {
    expect(mayHoldReferenceDefinition('Teks\n[1]: https://contoh.go.id\n')).toBe(true);
    expect(mayHoldReferenceDefinition('lihat [catatan kaki]: di bawah')).toBe(true);
  });
  it('is false for brackets without a colon, a label broken by a line or a closing bracket', () => {
    expect(mayHoldReferenceDefinition('Capaian [94,5 %] dan [target]')).toBe(false);
    expect(mayHoldReferenceDefinition('[awal\nakhir]: x')).toBe(false);
    expect(mayHoldReferenceDefinition('a ] b]: c')).toBe(false);
  });
  it('reads a run of 50 000 brackets in one pass', () => {
    expect(mayHoldReferenceDefinition('['.repeat(50_000))).toBe(false);
    expect(mayHoldReferenceDefinition(`${'['.repeat(50_000)}]:`)).toBe(true);
  });
});
