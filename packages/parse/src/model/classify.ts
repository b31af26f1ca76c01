import type { TableKind } from '@lkip/schema';
import type { TableBlock } from '../tables/types.js';

export interface ColumnRoles {
  unit?: number;
  indicator?: number;
  goal?: number;
  number?: number;
  target?: number;
  realisation?: number;
  achievement?: number;
  category?: number;
  /** Appendix budget columns. */
  ceiling?: number;
  spent?: number;
  spentPercent?: number;
  /** The recap's "SATUAN" column. */
  measureUnit?: number;
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Which column plays which part, read from the header words (headers are spelt many ways). */
export function columnRoles(columns: readonly string[]): ColumnRoles {
  const roles: ColumnRoles = {};
  columns.forEach((raw, i) => {
    const c = norm(raw);
    const set = (key: keyof ColumnRoles) => {
      if (roles[key] === undefined) roles[key] = i;
    };
    if (/\b(anggaran|pagu)\b/.test(c) && /\bpagu\b/.test(c)) return set('ceiling');
    if (/\banggaran\b/.test(c) && /\brealisasi\b/.test(c)) return set('spent');
    if (/\banggaran\b/.test(c) && /%|persen/.test(c)) return set('spentPercent');
    if (/^(no\.?|nomor)$/.test(c)) return set('number');
    if (/\b(satker|satuan kerja|unit kerja|bnnp\/bnnk|bnnk|bnnp|kompilasi|capaian wilayah|kompliasi|wilayah|kab\/kota)\b/.test(c) && !/target|realisasi/.test(c)) return set('unit');
    if (/indikator/.test(c)) return set('indicator');
    if (/sasaran|kategori kegiatan/.test(c)) return set('goal');
    if (/^target\b/.test(c)) return set('target');
    if (/^realisasi\b/.test(c)) return set('realisation');
    if (/^(%|% realisasi|% capaian|capaian|persentase|% \(capaian\))$/.test(c) || /^%\s/.test(c)) return set('achievement');
    if (/^kategori|^kriteria|^predikat/.test(c)) return set('category');
    if (/^satuan$/.test(c)) return set('measureUnit');
    return undefined;
  });
  return roles;
}

const RP = /\bRp\.?\s?\d/;

/** Sorts a table into the kinds the model knows, from its headers and, failing that, its cells. */
export function classifyTable(table: TableBlock): TableKind {
  const cols = table.columns.map(norm);
  const all = cols.join(' | ');
  const roles = columnRoles(table.columns);
  const has = (re: RegExp) => re.test(all);
  if (has(/kompilasi|kompliasi|capaian wilayah/)) return 'recap';
  if (roles.indicator !== undefined && roles.target !== undefined && (roles.ceiling !== undefined || has(/\bpagu\b/))) return 'appendix-summary';
  if (roles.indicator !== undefined && roles.target !== undefined && roles.realisation === undefined) return 'pk';
  if (roles.target !== undefined && roles.realisation !== undefined) {
    return roles.unit !== undefined ? 'unit-measurement' : 'indicator-summary';
  }
  if (has(/\bpolri\b|\bpns\b|\bpegawai\b|\bppnpn\b/)) return 'staff';
  if (has(/interval|rentang|range/) && (roles.category !== undefined || has(/kategori|kriteria/))) return 'band';
  // "Rp." and its amount are often two cells of one row.
  const rows = table.rows.map((row) => row.map((c) => c.text).join(' '));
  if (rows.some((t) => RP.test(t)) || (has(/\bpagu\b/) && has(/realisasi/))) return 'budget';
  if (roles.unit !== undefined && table.body.some((r) => r.some((c) => /^-?\d+([.,]\d+)?$/.test(c.text.trim())))) return 'component';
  return 'other';
}
