import type { Comparison, ComparisonCell, Figure } from '@lkip/compare';

/** UTF-8 byte-order mark: Excel opens a CSV as UTF-8 only when it starts with one. */
export const UTF8_BOM = '\uFEFF';

export const CSV_COLUMNS = [
  'indicator_number',
  'indicator_key',
  'indicator_name',
  'indicator_unit',
  'document',
  'province',
  'fiscal_year',
  'unit',
  'unit_kind',
  'measure',
  'target',
  'target_raw',
  'target_unit',
  'realisation',
  'realisation_raw',
  'realisation_unit',
  'achievement',
  'achievement_raw',
  'category',
  'findings',
  'finding_rules',
  'flags',
] as const;

type Field = string | number | null;

/**
 * One row per indicator × document × reporting office (RFC 4180: CRLF between records, fields
 * with a comma, quote or line break quoted, quotes doubled), preceded by a BOM so that
 * spreadsheets read the Indonesian names as UTF-8. Numbers are written as numbers with a
 * decimal point, the draft's own text beside them in the *_raw columns.
 */
export function formatCsv(comparison: Comparison): string {
  const documents = new Map(comparison.documents.map((d) => [d.file, d]));
  const flagKinds = new Map<string, Set<string>>();
  for (const flag of comparison.flags) {
    if (flag.indicator === null) continue;
    for (const document of flag.documents) {
      const key = `${flag.indicator}\u0000${document}`;
      const set = flagKinds.get(key) ?? new Set<string>();
      set.add(flag.kind);
      flagKinds.set(key, set);
    }
  }
  const records: string[] = [CSV_COLUMNS.map((c) => csvField(c)).join(',')];
  for (const indicator of comparison.indicators) {
    for (const cell of indicator.cells) {
      const doc = documents.get(cell.document);
      const fields: Field[] = [
        indicator.number,
        text(indicator.key),
        text(indicator.name),
        text(indicator.unit),
        text(cell.document),
        text(doc?.province ?? null),
        doc?.fiscalYear ?? null,
        text(cell.unit),
        cell.unitKind,
        cell.measure,
        ...figureFields(cell.target, true),
        ...figureFields(cell.realisation, true),
        ...figureFields(cell.achievement, false),
        text(cell.category?.label ?? null),
        cell.findings.length,
        text(ruleIds(cell)),
        [...(flagKinds.get(`${indicator.key}\u0000${cell.document}`) ?? [])].join(' '),
      ];
      records.push(fields.map(csvField).join(','));
    }
  }
  return `${UTF8_BOM}${records.join('\r\n')}\r\n`;
}

function figureFields(figure: Figure | null, withUnit: boolean): Field[] {
  const fields: Field[] = [figure ? figure.value : null, text(figure?.raw ?? null)];
  if (withUnit) fields.push(text(figure?.unit ?? null));
  return fields;
}

function ruleIds(cell: ComparisonCell): string {
  return [...new Set(cell.findings.map((f) => f.ruleId ?? 'fatal'))].join(' ');
}

/**
 * Text taken from a draft: a leading =, +, -, @ or tab would make a spreadsheet run it as a
 * formula (CSV injection), so such text gets a leading apostrophe, which spreadsheets hide.
 */
function text(value: string | null): string | null {
  if (value === null) return null;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvField(value: Field): string {
  if (value === null) return '';
  const s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
