import type { ComparedDocument, Comparison, ComparisonCell, Figure } from './types.js';

/** UTF-8 byte-order mark: Excel opens a CSV as UTF-8 only when it starts with one. */
export const UTF8_BOM = '\uFEFF';

/** The summary's columns: one `summary` row per draft (ranked), then one `total` row. */
const SUMMARY_COLUMNS = ['rank', 'indicators', 'above_target', 'at_target', 'below_target', 'no_figure', 'met_share', 'errors', 'warnings', 'notes', 'worst_indicators'] as const;

/** The matrix's columns: one `cell` row per indicator × draft × office. */
const CELL_COLUMNS = [
  'indicator_number',
  'indicator_key',
  'indicator_name',
  'indicator_unit',
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

export const CSV_COLUMNS = ['record', 'document', 'province', 'fiscal_year', ...SUMMARY_COLUMNS, ...CELL_COLUMNS] as const;

type Field = string | number | null;

/**
 * One table a spreadsheet can filter (RFC 4180: CRLF between records, fields with a comma, quote
 * or line break quoted, quotes doubled), preceded by a BOM so that spreadsheets read the
 * Indonesian names as UTF-8. The `record` column says what a row is: first a `summary` row per
 * draft, ranked by the share of indicators met, and the `total` row; then a `cell` row per
 * indicator × draft × office. Columns that do not apply to a record are empty. Numbers are
 * written as numbers with a decimal point, the draft's own text beside them in the *_raw columns.
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
  const blankCell = CELL_COLUMNS.map((): Field => null);
  const blankSummary = SUMMARY_COLUMNS.map((): Field => null);
  const records: string[] = [CSV_COLUMNS.map((c) => csvField(c)).join(',')];

  const ranked = [...comparison.documents].sort((a, b) => (a.summary.rank ?? Infinity) - (b.summary.rank ?? Infinity) || (a.fiscalYear ?? 0) - (b.fiscalYear ?? 0));
  for (const doc of ranked) records.push(row(['summary', text(doc.file), text(doc.province), doc.fiscalYear, ...summaryFields(doc), ...blankCell]));
  const t = comparison.totals;
  records.push(
    row([
      'total',
      null,
      null,
      null,
      null,
      t.indicators.total,
      t.indicators.above,
      t.indicators.at,
      t.indicators.below,
      t.indicators.withoutFigure,
      ratio(t.metShare),
      t.findings.errorCount,
      t.findings.warningCount,
      t.findings.infoCount,
      null,
      ...blankCell,
    ]),
  );

  for (const indicator of comparison.indicators) {
    for (const cell of indicator.cells) {
      const doc = documents.get(cell.document);
      records.push(
        row([
          'cell',
          text(cell.document),
          text(doc?.province ?? null),
          doc?.fiscalYear ?? null,
          ...blankSummary,
          indicator.number,
          text(indicator.key),
          text(indicator.name),
          text(indicator.unit),
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
        ]),
      );
    }
  }
  return `${UTF8_BOM}${records.join('\r\n')}\r\n`;
}

function row(fields: Field[]): string {
  return fields.map(csvField).join(',');
}

function summaryFields(doc: ComparedDocument): Field[] {
  const s = doc.summary;
  return [
    s.rank,
    s.indicators.total,
    s.indicators.above,
    s.indicators.at,
    s.indicators.below,
    s.indicators.withoutFigure,
    ratio(s.metShare),
    s.findings.errorCount,
    s.findings.warningCount,
    s.findings.infoCount,
    text(s.worst.map((w) => `${w.number !== null ? `${w.number}. ` : ''}${w.name} (${Math.round(w.achievement * 100) / 100} %)`).join('; ') || null),
  ];
}

/** A share as a number with four decimals (0.6875), as spreadsheets format percentages themselves. */
function ratio(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10000) / 10000;
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
