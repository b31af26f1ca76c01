import { describe, expect, it } from 'vitest';
import { columnRoles } from '../src/model/classify.js';
import { columnRoleList } from '../src/model/column-roles.js';

/** "Header=role" or "Header=role@year" per column. */
function show(columns: string[], synonyms?: Parameters<typeof columnRoleList>[1]): string[] {
  const { roles, years } = columnRoleList(columns, synonyms);
  return columns.map((c, i) => `${c}=${roles[i]}${years[i] === null ? '' : `@${years[i]}`}`);
}

describe('columnRoleList', () => {
  it('reads the performance table headers', () => {
    expect(show(['No', 'Sasaran', 'Indikator', 'Satuan', 'Target', 'Realisasi', 'Capaian (%)', 'Kategori'])).toEqual([
      'No=number', 'Sasaran=goal', 'Indikator=indicator', 'Satuan=measure-unit', 'Target=target', 'Realisasi=realisation', 'Capaian (%)=achievement', 'Kategori=category',
    ]);
    for (const h of ['%', '% Capaian', 'Capaian', 'Persentase Capaian', 'Capaian (%)', '% Realisasi']) expect(columnRoleList([h]).roles).toEqual(['achievement']);
  });

  it('reads row labels of budget and activity tables', () => {
    for (const h of ['Kegiatan', 'Uraian', 'Program', 'Komponen', 'Sub Kegiatan', 'Jenis Belanja', 'Program/Kegiatan/Sub Kegiatan']) {
      expect(columnRoleList([h]).roles).toEqual(['label']);
    }
  });

  it('reads budget columns, and "Realisasi" and "%" beside a pagu as money spent', () => {
    expect(show(['Uraian', 'Pagu', 'Realisasi', '%', 'Sisa'])).toEqual(['Uraian=label', 'Pagu=ceiling', 'Realisasi=spent', '%=spent-percent', 'Sisa=remaining']);
    expect(show(['Program', 'Anggaran', 'Realisasi Anggaran', '% Realisasi Anggaran', 'Sisa Anggaran'])).toEqual([
      'Program=label', 'Anggaran=ceiling', 'Realisasi Anggaran=spent', '% Realisasi Anggaran=spent-percent', 'Sisa Anggaran=remaining',
    ]);
    expect(show(['Kegiatan', 'Alokasi', 'Realisasi (Rp)', 'Realisasi (%)', 'Selisih'])).toEqual([
      'Kegiatan=label', 'Alokasi=ceiling', 'Realisasi (Rp)=spent', 'Realisasi (%)=spent-percent', 'Selisih=remaining',
    ]);
  });

  it('keeps the target and realisation of a performance table that also shows its budget', () => {
    expect(columnRoleList(['Indikator', 'Target', 'Realisasi', '%', 'Anggaran', 'Realisasi Anggaran']).roles).toEqual([
      'indicator', 'target', 'realisation', 'achievement', 'ceiling', 'spent',
    ]);
  });

  it('reads year columns: the word gives the role, the year goes to years', () => {
    expect(show(['Indikator', '2022', 'Tahun 2023', 'Realisasi 2023', 'Capaian 2024', 'Target 2024'])).toEqual([
      'Indikator=indicator', '2022=year@2022', 'Tahun 2023=year@2023', 'Realisasi 2023=realisation@2023', 'Capaian 2024=achievement@2024', 'Target 2024=target@2024',
    ]);
    expect(columnRoleList(['Inovasi selama 2024']).years).toEqual([null]);
    expect(columnRoleList(['Tahun N-2', 'Tahun N-1', 'Tahun N', 'Realisasi N-1']).roles).toEqual(['year', 'year', 'year', 'realisation']);
    expect(show(['2022 (Rp)', 'Perubahan 2023/2022 (%)'])).toEqual(['2022 (Rp)=year@2022', 'Perubahan 2023/2022 (%)=change']);
  });

  it('reads change columns, and "Selisih" between years as a change', () => {
    expect(show(['Indikator', '2022', '2023', 'Selisih', '% Perubahan', 'Kenaikan/Penurunan', 'Pertumbuhan'])).toEqual([
      'Indikator=indicator', '2022=year@2022', '2023=year@2023', 'Selisih=change', '% Perubahan=change', 'Kenaikan/Penurunan=change', 'Pertumbuhan=change',
    ]);
    // A revised target or ceiling is not a change column.
    expect(columnRoleList(['Target PK Perubahan', 'Pagu Perubahan']).roles).toEqual(['target', 'ceiling']);
  });

  it('reads weights, scores, bands', () => {
    expect(show(['Komponen', 'Bobot', 'Nilai', 'Skor', 'Nilai Akhir', 'Rentang Nilai', 'Interval', 'Predikat', 'Keterangan'])).toEqual([
      'Komponen=label', 'Bobot=weight', 'Nilai=score', 'Skor=score', 'Nilai Akhir=score', 'Rentang Nilai=interval', 'Interval=interval', 'Predikat=category', 'Keterangan=other',
    ]);
  });

  it('lets synonyms decide first', () => {
    expect(columnRoleList(['Uraian', 'Capaian SKM', 'Lokus'], { achievement: ['capaian skm'], unit: ['lokus'] }).roles).toEqual(['label', 'achievement', 'unit']);
    expect(columnRoles(['Lokus', 'Target', 'Realisasi'], { unit: ['lokus'] })).toEqual({ unit: 0, target: 1, realisation: 2 });
  });

  it('agrees with columnRoles on the headers it always read', () => {
    const columns = ['No', 'Satker', 'Target', 'Realisasi', '%', 'Kategori', 'Satuan'];
    const keyed = columnRoles(columns);
    expect(keyed).toEqual({ number: 0, unit: 1, target: 2, realisation: 3, achievement: 4, category: 5, measureUnit: 6 });
    expect(columnRoleList(columns).roles).toEqual(['number', 'unit', 'target', 'realisation', 'achievement', 'category', 'measure-unit']);
  });
});
