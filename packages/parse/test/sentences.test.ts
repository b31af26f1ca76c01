import { describe, expect, it } from 'vitest';
import { parseDraft } from '@lkip/parse';
import type { Sentence } from '@lkip/schema';

const DRAFT = `LAPORAN KINERJA INSTANSI PEMERINTAH DINAS PEKERJAAN UMUM KABUPATEN CONTOH TAHUN 2024

BAB III AKUNTABILITAS KINERJA

Panjang jalan kabupaten 412,75 km terdiri atas 198,40 km jalan beraspal dan 214,35 km jalan kerikil. Anggaran sebesar Rp. 1.250.000.000 terserap 98,90 % pada Kab. Contoh.

Kalimat tanpa angka sama sekali.

1. Jumlah tenaga teknis sebanyak 48 orang.
2. Target 100 %; realisasi 97,5 %.

No	Kegiatan	Pagu (Rp)	Realisasi (Rp)
1	Penyelenggaraan Jalan	12.500.000.000	11.980.000.000

Rincian: 1). jembatan 12 unit; 2). gorong-gorong 30 titik.
`;

function sentenceWith(sentences: Sentence[], needle: string): Sentence {
  const found = sentences.find((s) => s.text.includes(needle));
  if (!found) throw new Error(`no sentence with "${needle}"`);
  return found;
}

describe('sentences: every prose sentence that states a figure', () => {
  const doc = parseDraft(DRAFT);

  it('keeps the exact source slice, so a figure indexes into its sentence', () => {
    const s = sentenceWith(doc.sentences, '412,75 km');
    expect(s.kind).toBe('sentence');
    expect(DRAFT.slice(s.position.offset, s.position.endOffset)).toBe(s.text);
    for (const q of s.quantities) expect(s.text.slice(q.position.offset - s.position.offset, q.position.endOffset - s.position.offset)).toBe(q.raw);
    expect(s.sectionId).toBeDefined();
  });

  it('reads the units of measure prose writes after a figure', () => {
    const s = sentenceWith(doc.sentences, '412,75 km');
    expect(s.quantities.map((q) => [q.raw, q.unit])).toEqual([
      ['412,75', 'km'],
      ['198,40', 'km'],
      ['214,35', 'km'],
    ]);
    expect(sentenceWith(doc.sentences, '48 orang').quantities.map((q) => q.unit)).toEqual(['orang']);
  });

  it('does not end a sentence after "Rp." or "Kab."', () => {
    const s = sentenceWith(doc.sentences, 'Anggaran sebesar');
    expect(s.text).toContain('Kab. Contoh.');
    expect(s.quantities.map((q) => [q.value, q.unit ?? null, q.percent ?? false])).toEqual([
      [1250000000, 'Rp', false],
      [98.9, null, true],
    ]);
  });

  it('splits list items, drops their numbers, and leaves out sentences without figures', () => {
    const item = sentenceWith(doc.sentences, '48 orang');
    expect(item.kind).toBe('list-item');
    expect(item.quantities.map((q) => q.value)).toEqual([48]);
    expect(doc.sentences.some((s) => s.text.includes('tanpa angka'))).toBe(false);
    // "; 2)." ends a sentence; neither item number is a figure.
    expect(sentenceWith(doc.sentences, 'jembatan 12').quantities.map((q) => q.value)).toEqual([12]);
    expect(sentenceWith(doc.sentences, 'gorong-gorong').quantities.map((q) => q.value)).toEqual([30]);
  });

  it('leaves tables to the table reader', () => {
    expect(doc.sentences.some((s) => s.text.includes('11.980.000.000'))).toBe(false);
  });

  it('keeps a heading whose only figure is a year out', () => {
    expect(doc.sentences.some((s) => s.text.startsWith('LAPORAN KINERJA'))).toBe(false);
  });
});
