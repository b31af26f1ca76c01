import type { ColumnRole, TableKind } from '@lkip/schema';
import { legacyColumnKey, memoByHeader, normHeader, ROLE_OF_KEY, roleOfHeader, synonymRole, type HeaderSynonyms } from './column-roles.js';
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

const norm = normHeader;

/** The `ColumnRoles` key of each role that has one. */
const KEY_OF_ROLE: Partial<Record<ColumnRole, keyof ColumnRoles>> = Object.fromEntries(
  Object.entries(ROLE_OF_KEY).map(([key, role]) => [role, key as keyof ColumnRoles]),
);

/** The `ColumnRoles` key of one header; remembered, since every reader asks again for the same tables' columns. */
const keyOfHeader = memoByHeader((raw, synonyms): keyof ColumnRoles | undefined => {
  const fromSynonym = synonymRole(raw, synonyms);
  // The first reader's words first (so the tables it sorted keep their kind), then the wider
  // vocabulary of column-roles.ts for the headers they do not know ("Tahun 2024 Target").
  return fromSynonym ? KEY_OF_ROLE[fromSynonym] : (legacyColumnKey(norm(raw)) ?? KEY_OF_ROLE[roleOfHeader(raw, undefined)]);
});

/**
 * Which column plays which part, read from the header words (headers are spelt many ways): the
 * first column of each role. A profile's header synonyms, when given, take precedence over the
 * built-in words. `columnRoleList` (column-roles.ts) gives every column's role and year.
 */
export function columnRoles(columns: readonly string[], synonyms?: HeaderSynonyms): ColumnRoles {
  const roles: ColumnRoles = {};
  columns.forEach((raw, i) => {
    const key = keyOfHeader(raw, synonyms);
    if (key !== undefined && roles[key] === undefined) roles[key] = i;
  });
  return roles;
}

const RP = /\bRp\.?\s?\d/;

/** Sorts a table into the kinds the model knows, from its headers and, failing that, its cells. */
export function classifyTable(table: TableBlock, synonyms?: HeaderSynonyms): TableKind {
  const cols = table.columns.map(norm);
  const all = cols.join(' | ');
  const roles = columnRoles(table.columns, synonyms);
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
