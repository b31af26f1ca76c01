import { emptyDocument } from '@lkip/schema';
import { describe, expect, it } from 'vitest';
import { unitOrLabel } from '../../src/support/describe.js';

describe('unitOrLabel', () => {
  const doc = emptyDocument();
  doc.units = [
    { id: 'u1', name: 'Kantor Provinsi Teluk Mutiara', kind: 'province', placeName: 'Teluk Mutiara', spellings: ['Kantor Provinsi Teluk Mutiara', 'KANTOR PROVINSI TM', 'Kanwil TM'] },
    { id: 'u2', name: 'Kantor Kota Batu Merah', kind: 'city', placeName: 'Batu Merah', spellings: ['Kantor Kota Batu Merah'] },
  ];

  it("gives the office's name for any way the draft writes it, in any case and spacing", () => {
    expect(unitOrLabel(doc, 'Kanwil TM')).toBe('Kantor Provinsi Teluk Mutiara');
    expect(unitOrLabel(doc, 'kantor  provinsi tm')).toBe('Kantor Provinsi Teluk Mutiara');
    expect(unitOrLabel(doc, 'Kantor Kota Batu Merah')).toBe('Kantor Kota Batu Merah');
  });

  it('keeps a label that names no office as written', () => {
    expect(unitOrLabel(doc, 'Belanja Pegawai')).toBe('Belanja Pegawai');
    expect(unitOrLabel(doc, 'Kanwil')).toBe('Kanwil');
  });
});
