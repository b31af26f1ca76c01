import type { Band, CategoryScale, Indicator, Measurement, MeasurementRole, PlaceKind, Position, Quantity, ReportingUnit } from '@lkip/schema';
import type { ComparableDocument } from '../src/index.js';

/** Small hand-made documents: the comparison is tested on what it reads, not on the parser. */
export function at(line: number, column = 1, length = 4): Position {
  return { line, column, offset: line * 1000 + column, endLine: line, endColumn: column + length, endOffset: line * 1000 + column + length };
}

export function quantity(value: number, raw: string, line: number, extra: Partial<Quantity> = {}): Quantity {
  const decimals = /[.,](\d+)/.exec(raw)?.[1]?.length ?? 0;
  return { value, raw, decimals, position: at(line, 10, raw.length), ...extra };
}

export interface IndicatorSpec {
  number?: number;
  name: string;
  unit?: string;
  countOf?: Indicator['countOf'];
}

export interface FigureSpec {
  indicator: number;
  unit?: string;
  role: MeasurementRole;
  value?: number;
  raw: string;
  line: number;
  place?: PlaceKind;
  measure?: 'indicator' | 'unit-value';
  aggregate?: boolean;
  quantityUnit?: string;
  percent?: boolean;
}

export interface DocSpec {
  province?: string;
  fiscalYear?: number;
  agency?: string;
  districts?: { name: string; kind?: 'regency' | 'city' }[];
  indicators: IndicatorSpec[];
  figures?: FigureSpec[];
  scales?: { indicator: number; bands: [string, number | null, number | null][] }[];
}

export function makeDoc(spec: DocSpec): ComparableDocument {
  const province = spec.province ?? 'Contoh';
  const units: ReportingUnit[] = [
    { id: 'u1', name: `BNNP ${province}`, kind: 'province', placeName: province, spellings: [`BNNP ${province}`] },
    ...(spec.districts ?? []).map((d, i) => ({
      id: `u${i + 2}`,
      name: d.name,
      kind: d.kind ?? 'regency',
      placeName: d.name.replace(/^BNNK\s+|^BNN\s+/, ''),
      spellings: [d.name],
    })),
  ];
  const indicators: Indicator[] = spec.indicators.map((ind, i) => ({
    id: `i${i + 1}`,
    ...(ind.number !== undefined ? { number: ind.number } : {}),
    name: ind.name,
    names: [ind.name],
    key: ind.name.toLowerCase(),
    ...(ind.unit !== undefined ? { unitOfMeasure: ind.unit } : {}),
    ...(ind.countOf ? { countOf: ind.countOf } : {}),
    polarity: 'higher-is-better',
    polaritySource: 'default',
    position: at(100 + i),
  }));
  const unitId = (name: string | undefined) => (name === undefined ? 'u1' : (units.find((u) => u.name === name)?.id ?? name));
  const measurements: Measurement[] = (spec.figures ?? []).map((f, i) => {
    const base = {
      id: `m${i + 1}`,
      indicatorId: `i${f.indicator}`,
      ...(f.aggregate ? { aggregate: true } : { unitId: unitId(f.unit) }),
      year: spec.fiscalYear ?? 2024,
      role: f.role,
      measure: f.measure ?? 'indicator',
      statement: `s${f.line}`,
      place: { kind: f.place ?? 'chapter-table' },
      position: at(f.line, 10, f.raw.length),
    } satisfies Omit<Measurement, 'quantity' | 'label'>;
    if (f.role === 'category') return { ...base, label: { text: f.raw, position: at(f.line, 10, f.raw.length) } };
    const extra: Partial<Quantity> = {};
    if (f.quantityUnit !== undefined) extra.unit = f.quantityUnit;
    if (f.percent) extra.percent = true;
    return { ...base, quantity: quantity(f.value ?? Number.parseFloat(f.raw.replace(',', '.')), f.raw, f.line, extra) };
  });
  const scales: CategoryScale[] = (spec.scales ?? []).map((s, i) => ({
    id: `c${i + 1}`,
    name: `scale ${i + 1}`,
    indicatorIds: [`i${s.indicator}`],
    source: 'list',
    position: at(500 + i),
    bands: s.bands.map(
      ([label, min, max], j): Band => ({
        label,
        ...(min !== null ? { min: quantity(min, String(min), 500 + j) } : {}),
        ...(max !== null ? { max: quantity(max, String(max), 500 + j) } : {}),
        minInclusive: true,
        maxInclusive: true,
        position: at(500 + j),
      }),
    ),
  }));
  return {
    meta: { province, ...(spec.fiscalYear !== undefined ? { fiscalYear: spec.fiscalYear } : {}), ...(spec.agency ? { agency: spec.agency } : {}) },
    units,
    indicators,
    measurements,
    scales,
  };
}

/** The 16 national BNN indicators as the NTT draft's PK table names them. */
export const BNN_INDICATORS: IndicatorSpec[] = [
  { number: 1, name: 'Jumlah Kabupaten / Kota dengan Indeks ketahanan diri remaja terhadap penyalagunaan narkoba berkategori “ Tinggi” di wilayah Provinsi', unit: 'Kabupaten / Kota' },
  { number: 2, name: 'Jumlah Kabupaten / Kota dengan indeks ketahanan keluarga terhadap penyalagunaan narkoba berkategori “ Tinggi” di wilayah Provinsi', unit: 'Kabupaten / Kota' },
  { number: 3, name: 'Jumlah Kabupaten / Kota dengan indeks kemandirian partisipasi berkategori “ Mandiri” di wilayah Provinsi', unit: 'Kabupaten / Kota' },
  { number: 4, name: 'Persentase Penyalaguna dan/atau pecandu narkotika yang mengalami peningkatan kualitas hidup', unit: '%' },
  { number: 5, name: 'Jumlah petugas penyelenggara IBM yang terlatih', unit: 'Orang' },
  { number: 6, name: 'Jumlah lembaga rehabilitasi yang memenuhi Standar Pelayanan Minimal (SPM) yang operasional di wilayah Provinsi', unit: 'Lembaga' },
  { number: 7, name: 'Jumlah unit penyelenggara layanan rehabilitasi Intervensi Berbasis Masyarakat (IBM) yang operasional', unit: 'Unit' },
  { number: 8, name: 'Indeks kepuasan penerima layanan pada fasilitas rehabilitasi BNN', unit: 'Indeks' },
  { number: 9, name: 'Jumlah berkas perkara tindak pidana narkotika dan prekursor narkotika yang P-21', unit: 'Berkas Perkara' },
  { number: 10, name: 'Nilai tingkat keamanan, ketertiban, kesehatan tahanan', unit: 'Indeks' },
  { number: 11, name: 'Nilai tingkat keamanan barang bukti narkotika dan non narkotika', unit: 'Indeks' },
  { number: 12, name: 'Nilai Kinerja Anggaran BNN Provinsi {province}', unit: 'Indeks' },
  { number: 13, name: 'Jumlah BNN Kabupaten / Kota di wilayah Provinsi dengan Nilai Kinerja Anggaran mencapai target', unit: 'Kabupaten / Kota' },
  { number: 14, name: 'Nilai Indikator Pelaksanaan Anggaran (IKPA) BNN Provinsi {province}', unit: 'Indeks' },
  { number: 15, name: 'Jumlah BNN Kabupaten / Kota di wilayah Provinsi dengan Nilai Indikator Pelaksanaan Anggaran (IKPA) mencapai target', unit: 'BNN Kabupaten / Kota' },
  { number: 16, name: 'Nilai Zona Integritas BNN berdasarkan penilaian internal', unit: 'Indeks' },
];

export function bnnIndicators(province: string, replace: Record<number, Partial<IndicatorSpec>> = {}): IndicatorSpec[] {
  return BNN_INDICATORS.map((ind) => ({ ...ind, name: ind.name.replace('{province}', province), ...(replace[ind.number as number] ?? {}) }));
}
