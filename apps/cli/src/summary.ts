import { compareCodeUnits } from '@lkip/engine/light';
import type { LintMessage, LintResult, Locale } from '@lkip/engine';
import type { Band, LkipDocument, Measurement, MeasurementRole, Quantity } from '@lkip/schema';
import { words, type SummaryWords } from './i18n.js';

/** Terminals and review comments are 100 columns wide; nothing in the overview goes past it. */
const WIDTH = 100;
const ROLES: MeasurementRole[] = ['target', 'realisation', 'achievement', 'category'];
/** A reviewer checks the BAB III tables first: they are what the other places restate. */
const PREFERRED_PLACE = 'chapter-table';

/** A human overview of what the reader found in a draft: enough to see whether it read the draft right. */
export function summarise(doc: LkipDocument, locale: Locale): string {
  const w = words(locale).summary;
  const out: string[] = [];
  const field = (name: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') out.push(...wrap(String(value), WIDTH, name.padEnd(16), ' '.repeat(16)));
  };
  field(w.title, doc.meta.title);
  field(w.agency, doc.meta.agency);
  field(w.province, doc.meta.province);
  field(w.fiscalYear, doc.meta.fiscalYear);

  if (out.length > 0) out.push('');
  out.push(`${w.units} (${doc.units.length})`);
  if (doc.units.length === 0) out.push(`  ${w.none}`);
  else out.push(...wrap(doc.units.map((u) => u.name).join(', '), WIDTH, '  ', '  '));

  out.push('', `${w.indicators} (${doc.indicators.length})`);
  if (doc.indicators.length === 0) out.push(`  ${w.none}`);
  const year = reportYear(doc);
  const unitName = new Map(doc.units.map((u) => [u.id, u.name]));
  const unitOrder = new Map(doc.units.map((u, i) => [u.id, i]));
  doc.indicators.forEach((indicator, i) => {
    const number = indicator.number ?? i + 1;
    out.push(...wrap(`${number}. ${indicator.name}`, WIDTH, '  ', `  ${' '.repeat(String(number).length + 2)}`));
    const countOf = indicator.countOf ? `${w.counts}: ${indicator.countOf.measureName}${indicator.countOf.category ? ` → ${indicator.countOf.category}` : ''}` : undefined;
    const details = [indicator.unitOfMeasure ? `${w.unitOfMeasure}: ${indicator.unitOfMeasure}` : undefined, w.polarity[indicator.polarity], countOf]
      .filter(Boolean)
      .join(' · ');
    out.push(`     ${details}`);
    const measurements = doc.measurements.filter((m) => m.indicatorId === indicator.id && (year === undefined || m.year === year));
    if (measurements.length === 0) {
      out.push(`     ${w.noFigures}`);
      return;
    }
    out.push(...figureTable(measurements, w, unitName, unitOrder).map((line) => clip(`     ${line}`)));
  });

  out.push('', `${w.scales} (${doc.scales.length})`);
  if (doc.scales.length === 0) out.push(`  ${w.none}`);
  for (const scale of doc.scales) {
    out.push(...wrap(`${scale.name}: ${scale.bands.map(describeBand).join('; ')}`, WIDTH, '  ', '    '));
  }

  out.push('', w.budget);
  const totals = doc.budget.filter((b) => b.total);
  if (totals.length === 0) out.push(`  ${w.none}`);
  for (const line of totals) {
    const parts = [
      line.ceiling ? `${w.ceiling} ${line.ceiling.raw}` : undefined,
      line.realisation ? `${w.spent} ${line.realisation.raw}` : undefined,
      line.percent ? shown(line.percent) : undefined,
    ].filter(Boolean);
    out.push(...wrap(`${line.label}: ${parts.join(', ')}`, WIDTH, '  ', '    '));
  }

  const notes = doc.diagnostics.filter((d) => d.severity !== 'info');
  if (notes.length > 0) {
    out.push('', `${w.diagnostics} (${notes.length})`);
    for (const d of notes.slice(0, 10)) {
      const at = d.position ? `${d.position.line}:${d.position.column} ` : '';
      out.push(...wrap(`${at}${d.message}`, WIDTH, '  ', '    '));
    }
    if (notes.length > 10) out.push(`  …`);
  }
  return `${out.join('\n')}\n`;
}

/** The fiscal year, else the latest year with figures: earlier years appear only as comparisons. */
function reportYear(doc: LkipDocument): number | undefined {
  if (doc.meta.fiscalYear !== undefined) return doc.meta.fiscalYear;
  const years = doc.measurements.map((m) => m.year);
  return years.length > 0 ? Math.max(...years) : undefined;
}

function figureTable(
  measurements: Measurement[],
  w: SummaryWords,
  unitName: Map<string, string>,
  unitOrder: Map<string, number>,
): string[] {
  const rows = new Map<string, Partial<Record<MeasurementRole, string>>>();
  const chosen = new Map<string, Measurement>();
  for (const m of [...measurements].sort((a, b) => a.position.offset - b.position.offset)) {
    const key = `${m.unitId ?? ''}\u0000${m.role}`;
    const current = chosen.get(key);
    if (!current || rank(m) < rank(current)) chosen.set(key, m);
  }
  for (const m of chosen.values()) {
    const row = rows.get(m.unitId ?? '') ?? {};
    row[m.role] = m.role === 'category' ? (m.label?.text ?? '') : m.quantity ? shown(m.quantity) : (m.label?.text ?? '');
    rows.set(m.unitId ?? '', row);
  }
  // Reporting units in the draft's order, then the overall figure.
  const keys = [...rows.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : (unitOrder.get(a) ?? 1e9) - (unitOrder.get(b) ?? 1e9)));
  const header = [w.unit, w.target, w.realisation, w.achievement, w.category];
  const table = keys.map((key) => {
    const row = rows.get(key) ?? {};
    return [key === '' ? w.aggregate : (unitName.get(key) ?? key), ...ROLES.map((r) => row[r] ?? '–')];
  });
  const caps = [28, 16, 16, 12, 20];
  const widths = header.map((h, i) => Math.min(caps[i] ?? 16, Math.max(h.length, ...table.map((r) => (r[i] ?? '').length))));
  const render = (cells: string[]) =>
    cells
      .map((cell, i) => fit(cell, widths[i] ?? 16))
      .join('  ')
      .trimEnd();
  return [render(header), ...table.map(render)];
}

/**
 * Lower is better: the indicator's own figure before a unit's value behind a count indicator,
 * then the BAB III table before the other places; ties keep document order.
 */
function rank(m: Measurement): number {
  return (m.measure === 'unit-value' ? 2 : 0) + (m.place.kind === PREFERRED_PLACE ? 0 : 1);
}

function shown(q: Quantity): string {
  const raw = q.raw.trim();
  return q.percent && !raw.includes('%') ? `${raw} %` : raw;
}

function describeBand(band: Band): string {
  const min = band.min ? shown(band.min) : undefined;
  const max = band.max ? shown(band.max) : undefined;
  let range: string;
  if (min !== undefined && max !== undefined) range = `${band.minInclusive ? '[' : '('}${min}; ${max}${band.maxInclusive ? ']' : ')'}`;
  else if (min !== undefined) range = `${band.minInclusive ? '≥' : '>'} ${min}`;
  else if (max !== undefined) range = `${band.maxInclusive ? '≤' : '<'} ${max}`;
  else range = '?';
  const labels = [band.label, ...(band.altLabels ?? [])].join('/');
  return `${labels} ${range}`;
}

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

function clip(line: string): string {
  return line.length > WIDTH ? `${line.slice(0, WIDTH - 1)}…` : line;
}

/** Greedy word wrap; a word longer than a line is cut rather than overflowing. */
function wrap(text: string, width: number, firstIndent = '', nextIndent = firstIndent): string[] {
  const lines: string[] = [];
  let line = firstIndent;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = empty ? line + word : `${line} ${word}`;
    if (candidate.length <= width || empty) {
      line = candidate;
      empty = false;
    } else {
      lines.push(line);
      line = nextIndent + word;
    }
  }
  lines.push(line);
  return lines.map(clip);
}

/** The words of "where to start", in both languages. */
const START_WORDS = {
  en: {
    title: 'Where to start',
    byRule: 'by rule (findings/problems)',
    byOffice: 'by office',
    fix: '--fix',
    worst: 'worst indicator',
    noOffice: '(no office)',
    findingsProblems: (f: number, p: number) => `${f} ${f === 1 ? 'finding' : 'findings'} / ${p} ${p === 1 ? 'problem' : 'problems'}`,
    fixes: (fixed: number, held: number) =>
      `fixes ${fixed} ${fixed === 1 ? 'finding' : 'findings'}` +
      (held > 0 ? `; ${held} ${held === 1 ? 'fix is' : 'fixes are'} held for review (they cross 100 % or change where an indicator stands against its target)` : ''),
    indicator: (n: string) => `indicator ${n}`,
  },
  id: {
    title: 'Mulai dari sini',
    byRule: 'per aturan (temuan/masalah)',
    byOffice: 'per satker',
    fix: '--fix',
    worst: 'indikator terburuk',
    noOffice: '(tanpa satker)',
    findingsProblems: (f: number, p: number) => `${f} temuan / ${p} masalah`,
    fixes: (fixed: number, held: number) =>
      `memperbaiki ${fixed} temuan` + (held > 0 ? `; ${held} perbaikan ditahan untuk ditinjau (melewati 100 % atau mengubah posisi terhadap target)` : ''),
    indicator: (n: string) => `indikator ${n}`,
  },
} as const;

/**
 * What a reviewer reads first after a lint: which rules and which offices have the most
 * problems, what `--fix` will do and what it leaves for review, and the indicator with the most
 * problems. Nothing when the drafts are clean.
 */
export function whereToStart(results: readonly LintResult[], locale: Locale): string[] {
  const w = START_WORDS[locale];
  const messages = results.flatMap((r) => r.messages.filter((m) => m.ruleId !== null && !m.fatal));
  if (messages.length === 0) return [];
  const groupOf = (m: LintMessage, file: number) => `${file}\u0000${m.group ?? `${m.line}:${m.column}:${m.ruleId}`}`;

  const byRule = new Map<string, { findings: number; problems: Set<string> }>();
  const byOffice = new Map<string, number>();
  const byIndicator = new Map<string, { findings: number; problems: Set<string>; label?: string }>();
  results.forEach((result, file) => {
    for (const m of result.messages) {
      if (m.ruleId === null || m.fatal) continue;
      const group = groupOf(m, file);
      const rule = byRule.get(m.ruleId) ?? { findings: 0, problems: new Set<string>() };
      rule.findings++;
      rule.problems.add(group);
      byRule.set(m.ruleId, rule);
      const office = m.subject?.unit && m.subject.unit !== 'aggregate' ? m.subject.unit : w.noOffice;
      byOffice.set(office, (byOffice.get(office) ?? 0) + 1);
      const key = m.subject?.indicator;
      if (key !== undefined && key !== '') {
        const entry = byIndicator.get(key) ?? { findings: 0, problems: new Set<string>() };
        entry.findings++;
        entry.problems.add(group);
        entry.label ??= m.evidence?.label;
        byIndicator.set(key, entry);
      }
    }
  });

  const out: string[] = [w.title];
  const rules = [...byRule.entries()].sort((a, b) => b[1].problems.size - a[1].problems.size || b[1].findings - a[1].findings || compareCodeUnits(a[0], b[0]));
  out.push(`  ${w.byRule}`, ...wrap(rules.map(([id, r]) => `${id} ${r.findings}/${r.problems.size}`).join(', '), WIDTH, '    ', '    '));
  const offices = [...byOffice.entries()].sort((a, b) => b[1] - a[1] || compareCodeUnits(a[0], b[0]));
  out.push(`  ${w.byOffice}`, ...wrap(offices.map(([name, n]) => `${name} ${n}`).join(', '), WIDTH, '    ', '    '));
  const fixed = messages.filter((m) => m.fix !== undefined).length;
  const held = messages.filter((m) => m.suggestions?.[0]?.messageId === 'reviewFix').length;
  out.push(`  ${w.fix}`, ...wrap(w.fixes(fixed, held), WIDTH, '    ', '    '));
  const worst = [...byIndicator.entries()].sort((a, b) => b[1].problems.size - a[1].problems.size || b[1].findings - a[1].findings)[0];
  if (worst) {
    const [key, entry] = worst;
    out.push(`  ${w.worst}`, ...wrap(`${entry.label ?? w.indicator(key)}: ${w.findingsProblems(entry.findings, entry.problems.size)}`, WIDTH, '    ', '    '));
  }
  return out;
}
