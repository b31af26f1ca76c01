import { describe, expect, it } from 'vitest';
import { parseDraft } from '../src/index.js';

const agency = (head: string) => parseDraft(`${head}\n\nKATA PENGANTAR\n\nTidak ada angka.\n`).meta.agency;

describe('the agency name on the title page', () => {
  it('stops at the paragraph: the address on the next paragraph is not part of it', () => {
    expect(agency('**BADAN CONTOH NASIONAL\nPROVINSI LEMBAH HIJAU**\n\nJl. Merdeka No. 3, Kota Hijau')).toBe('Badan Contoh Nasional Provinsi Lembah Hijau');
  });

  it('stops at an address, a contact or a year on the same line', () => {
    expect(agency('BADAN CONTOH NASIONAL PROVINSI LEMBAH HIJAU Jl. Merdeka No. 3')).toBe('Badan Contoh Nasional Provinsi Lembah Hijau');
    expect(agency('Badan Contoh Nasional Provinsi Lembah Hijau Tahun 2024')).toBe('Badan Contoh Nasional Provinsi Lembah Hijau');
    expect(agency('Dinas Pekerjaan Umum Kabupaten Batu Merah Telp. 0380 123')).toBe('Dinas Pekerjaan Umum Kabupaten Batu Merah');
  });

  it('stops at a word in lower case after a name in capitals (a logo caption)', () => {
    expect(agency('BADAN CONTOH NASIONAL\nPROVINSI LEMBAH HIJAU\nbcn')).toBe('Badan Contoh Nasional Provinsi Lembah Hijau');
  });

  it('reads no agency in "berat badan lahir rendah"', () => {
    expect(agency('Persentase bayi dengan berat badan lahir rendah menurun')).toBeUndefined();
  });
});
