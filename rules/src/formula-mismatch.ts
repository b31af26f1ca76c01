import { add, contains, defineRule, div, lineRef, mean, mul, overlaps, point, roundTo, scale, sum, wordRef, type Interval, type ReportDescriptor, type Tolerance } from '@lkip/engine';
import type { Cell, Formula, LkipDocument, Quantity, RawTable } from '@lkip/schema';
import { clip, formatLike, replaceNumber, said, saidValue, unitOrLabel } from './support/describe.js';
import { figureText } from './support/figures.js';
import { proseExpressions, type ProseExpression } from './support/prose-arithmetic.js';

type Kind = Formula['kind'];
/** Plainer formulas a drafter may have used instead of the stated one. */
type Alternative = 'mean' | 'sum' | 'product';

interface Term {
  q: Quantity;
  /** "80 %" as a Konversi Bobot divides by 0,80. */
  asFraction: boolean;
}

interface FormulaRow {
  formula: Formula;
  table: RawTable;
  row: Cell[];
  label: string;
  result: Quantity;
  terms: Term[];
}

interface RowCheck {
  holds: boolean;
  /** Holds only thanks to the rounding of the terms. */
  roundingOnly: boolean;
  computed: number;
}

// ---------------------------------------------------------------------------------------------
// Evaluation: the same formula on intervals (what the stated terms allow) and on points (the terms as written).

function termInterval(term: Term, tolerance: Tolerance): Interval {
  const interval = tolerance.of(term.q);
  return term.asFraction ? scale(interval, 1 / 100) : interval;
}

function termPoint(term: Term): number {
  return term.asFraction ? term.q.value / 100 : term.q.value;
}

function evaluate(kind: Kind | Alternative, formula: Formula, terms: Interval[]): Interval | undefined {
  switch (kind) {
    case 'weighted-sum':
      return terms.reduce<Interval>((acc, t, i) => add(acc, scale(t, formula.terms[i]?.weight ?? 1)), point(0));
    case 'sum':
      return sum(terms);
    case 'mean':
      return mean(terms);
    case 'ratio':
      return terms[0] && terms[1] ? div(terms[0], terms[1]) : undefined;
    case 'product':
      return terms.reduce<Interval>((acc, t) => mul(acc, t), point(1));
  }
}

function checkRow(kind: Kind | Alternative, row: FormulaRow, tolerance: Tolerance): RowCheck | undefined {
  const interval = evaluate(kind, row.formula, row.terms.map((t) => termInterval(t, tolerance)));
  const exact = evaluate(kind, row.formula, row.terms.map((t) => point(termPoint(t))));
  if (!interval || !exact) return undefined;
  const stated = tolerance.of(row.result);
  const computed = exact.lo;
  const holds = overlaps(stated, interval);
  return { holds, roundingOnly: holds && !contains(stated, computed), computed };
}

// ---------------------------------------------------------------------------------------------
// Reading the rows a formula applies to

function onlyFigure(cell: Cell | undefined): Quantity | undefined {
  if (!cell || cell.quantities.length !== 1) return undefined;
  const q = cell.quantities[0];
  return q && !q.ambiguous && !q.bound ? q : undefined;
}

function rowLabel(row: Cell[]): string {
  return row.map((c) => c.text.trim()).find((t) => t.length > 0 && !/^\d+[.)]?$/.test(t)) ?? '';
}

function formulaRows(doc: LkipDocument, formula: Formula): FormulaRow[][] {
  const out: FormulaRow[][] = [];
  for (const application of formula.applications) {
    const table = doc.tables.find((t) => t.id === application.tableId);
    if (!table) continue;
    const rows: FormulaRow[] = [];
    for (const row of table.rows) {
      const result = onlyFigure(row[application.resultColumn]);
      const figures = application.termColumns.map((c) => onlyFigure(row[c]));
      if (!result || figures.some((f) => f === undefined)) continue;
      const terms = (figures as Quantity[]).map((q, i) => ({
        q,
        // Only a divisor written as a percentage is a share: "Konversi Bobot 80 %" is 0,80.
        asFraction: formula.kind === 'ratio' && i === 1 && (q.percent === true || /%/.test(q.raw)),
      }));
      rows.push({ formula, table, row, label: rowLabel(row), result, terms });
    }
    out.push(rows);
  }
  return out;
}

/** A plainer formula that every row of the table fits, when the stated one does not. */
function plainerFit(formula: Formula, rows: FormulaRow[], tolerance: Tolerance): Alternative | undefined {
  const candidates: Alternative[] = formula.kind === 'ratio' ? ['product'] : formula.kind === 'sum' ? ['mean'] : formula.kind === 'mean' ? ['sum'] : ['mean', 'sum'];
  return candidates.find((alternative) => rows.every((row) => checkRow(alternative, row, tolerance)?.holds === true));
}

// ---------------------------------------------------------------------------------------------
// Messages

const FITS_MESSAGE: Record<Alternative, string> = { mean: 'mismatchPlainAverage', sum: 'mismatchPlainSum', product: 'mismatchProduct' };

function describeTerms(row: FormulaRow): string {
  return row.formula.terms.map((t, i) => `${t.name} ${row.terms[i] ? figureText(row.terms[i].q) : '?'}`).join(', ');
}

function reportRow(doc: LkipDocument, row: FormulaRow, check: RowCheck, fits: Alternative | undefined, report: (d: ReportDescriptor) => void, checked = 1): void {
  const { result, formula } = row;
  const decimals = result.decimals;
  const computed = formatLike(roundTo(check.computed, decimals), decimals, result);
  const data = {
    formula: formula.text.replace(/\\%/g, '%').replace(/\\times/g, '×').replace(/\s+/g, ' '),
    result: formula.result,
    row: row.label,
    terms: describeTerms(row),
    stated: said(result),
    computed: saidValue(roundTo(check.computed, decimals), decimals),
  };
  const indicatorId = formula.indicatorIds[0];
  const indicator = doc.indicators.find((i) => i.id === indicatorId);
  const subject = {
    ...(indicator ? { indicator: String(indicator.number ?? indicator.key) } : {}),
    ...(row.label ? { unit: unitOrLabel(doc, row.label) } : {}),
    detail: `${formula.result}: ${data.formula}`,
  };
  if (check.roundingOnly) {
    report({ at: result.position, messageId: 'holdsByRounding', data, level: 'rounding', subject });
    return;
  }
  // Suggestion only: the stated figure may be right and the stated formula the wrong one.
  report({
    at: result.position,
    messageId: fits ? FITS_MESSAGE[fits] : 'mismatch',
    data,
    suggestions: [{ messageId: 'useFormula', data: { computed }, fix: { at: result.position, text: replaceNumber(result, roundTo(check.computed, decimals), decimals) } }],
    related: [{ at: formula.position, note: `${wordRef('formula')} ${formula.result}` }],
    subject,
    // A stated formula that the tables do not follow is one problem, however many tables show it.
    ...(fits
      ? { evidence: { figure: `formula-practice|${formula.result}|${fits}`, stated: { text: data.formula }, basis: 'rule' as const } }
      : // Most rows of one table off the same formula: one column computed some other way.
        { evidence: { stated: { text: result.raw.trim(), value: result.value, decimals: result.decimals }, basis: 'derived' as const, column: { key: `${row.table.id}:${formula.result}`, checked } } }),
  });
}

// ---------------------------------------------------------------------------------------------
// Arithmetic written out in prose: "(a + b + c) / 4 = r", "a + b + c = r".

function exactExpression(e: ProseExpression): boolean {
  return [...e.terms, e.result].every((q) => q.decimals === 0 && !q.percent);
}

function checkProseExpression(e: ProseExpression, tolerance: Tolerance, report: (d: ReportDescriptor) => void): void {
  const total = e.terms.reduce((acc, q) => acc + q.value, 0);
  const expression = e.text;
  const count = e.terms.length;
  const subject = { detail: `prose: ${expression}` };
  const related = [{ at: e.sentence.position, note: wordRef('sentence') }];
  if (e.divisor && e.average && e.divisor.value !== count) {
    const value = total / count;
    const computed = formatLike(roundTo(value, e.result.decimals), e.result.decimals, e.result);
    report({
      at: e.divisor.position,
      messageId: 'proseDivisor',
      data: { expression, count, divisor: figureText(e.divisor), computed, stated: figureText(e.result) },
      suggestions: [{ messageId: 'useDivisor', data: { count }, fix: { at: e.divisor.position, text: replaceNumber(e.divisor, count, 0) } }],
      related,
      subject,
    });
    return;
  }
  const divisor = e.divisor ? e.divisor.value : 1;
  if (divisor === 0) return;
  const value = total / divisor;
  const exact = exactExpression(e);
  const terms = sum(e.terms.map((q) => (exact ? point(q.value) : tolerance.of(q))));
  const interval = scale(terms, 1 / divisor);
  const stated = exact ? point(e.result.value) : tolerance.of(e.result);
  if (overlaps(stated, interval)) {
    if (exact || contains(stated, value)) return;
    report({ at: e.result.position, messageId: 'proseByRounding', data: { expression, computed: formatLike(roundTo(value, e.result.decimals + 2), e.result.decimals + 2, e.result), stated: figureText(e.result) }, level: 'rounding', subject });
    return;
  }
  const computed = formatLike(roundTo(value, e.result.decimals), e.result.decimals, e.result);
  report({
    at: e.result.position,
    messageId: 'proseResult',
    data: { expression, computed, stated: figureText(e.result) },
    suggestions: [{ messageId: 'useFormula', data: { computed }, fix: { at: e.result.position, text: replaceNumber(e.result, roundTo(value, e.result.decimals), e.result.decimals) } }],
    related,
    subject,
  });
}

export default defineRule({
  meta: {
    id: 'formula-mismatch',
    family: 'formula',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    docs: {
      description: 'Figures computed by a formula the draft states (NKA = 60% × EKA + 40% × IKPA, Nilai Akhir = Nilai Total / Konversi Bobot, or arithmetic written out in prose) must follow it',
      descriptionId: 'Angka yang dihitung dengan rumus yang dinyatakan dalam draf (NKA = 60% × EKA + 40% × IKPA, Nilai Akhir = Nilai Total / Konversi Bobot, atau hitungan yang ditulis dalam uraian) harus sesuai rumus itu',
    },
    messages: {
      mismatch: {
        en: '{result} of {row}: the table states {stated}, the stated formula gives {computed}.',
        id: '{result} {row}: tabel menyatakan {stated}, rumusnya memberi {computed}.',
      },
      mismatchPlainAverage: {
        en: '{result} of {row}: the table states {stated}, the stated formula gives {computed}; the table takes a plain average.',
        id: '{result} {row}: tabel menyatakan {stated}, rumusnya memberi {computed}; tabel memakai rata-rata biasa.',
      },
      mismatchPlainSum: {
        en: '{result} of {row}: the table states {stated}, the stated formula gives {computed}; the table takes a plain sum.',
        id: '{result} {row}: tabel menyatakan {stated}, rumusnya memberi {computed}; tabel memakai jumlah biasa.',
      },
      mismatchProduct: {
        en: '{result} of {row}: the table states {stated}, the stated formula gives {computed}; the table multiplies instead of dividing.',
        id: '{result} {row}: tabel menyatakan {stated}, rumusnya memberi {computed}; tabel mengalikan, bukan membagi.',
      },
      holdsByRounding: {
        en: '{result} of {row}: {stated} fits the formula only by rounding; as written {computed}.',
        id: '{result} {row}: {stated} sesuai rumus hanya karena pembulatan; tanpa pembulatan {computed}.',
      },
      proseDivisor: {
        en: '{expression}: an average of {count} figures divides by {count}, not by {divisor}; their mean is {computed} (the sentence states {stated}).',
        id: '{expression}: rata-rata dari {count} angka dibagi {count}, bukan {divisor}; rata-ratanya {computed} (kalimat menyatakan {stated}).',
      },
      proseResult: {
        en: '{expression}: the figures as written give {computed}, not {stated}.',
        id: '{expression}: angka-angka sebagaimana tertulis menghasilkan {computed}, bukan {stated}.',
      },
      proseByRounding: {
        en: '{expression}: {stated} holds only thanks to the rounding of the figures; as written they give {computed}.',
        id: '{expression}: {stated} hanya cocok karena pembulatan angka-angkanya; sebagaimana tertulis hasilnya {computed}.',
      },
      mislabelledTerm: {
        en: 'This column is headed “{header}” like the one before it, but the stated weights (line {line}) put {expected} here.',
        id: 'Kolom ini berjudul “{header}” seperti kolom sebelumnya, padahal menurut bobotnya (baris {line}) kolom ini {expected}.',
      },
      useDivisor: {
        en: 'Divide by {count}, the number of figures',
        id: 'Bagi dengan {count}, banyaknya angka',
      },
      useFormula: {
        en: 'Write {computed}, the value of the stated formula',
        id: 'Tulis {computed}, hasil rumus yang dinyatakan',
      },
    },
  },
  check(doc, context) {
    for (const formula of doc.formulas) {
      for (const application of formula.applications) {
        for (const m of application.mislabelled ?? []) {
          context.report({
            at: m.position,
            messageId: 'mislabelledTerm',
            // The formula itself is its place's note; the message names the two headers and the formula's line.
            data: { header: clip(m.header, 40), expected: clip(m.expected, 40), line: formula.position.line },
            related: [{ at: formula.position, note: `${wordRef('weights')}: ${clip(formula.text.replace(/\\%/g, '%'), 120)}, ${lineRef(formula.position.line)}` }],
            subject: { detail: `${formula.result}: header ${m.column}` },
            // The same key as the table's rows (reportRow): a mislabelled column and the totals it throws off are one problem.
            evidence: { stated: { text: m.header }, expected: { text: m.expected }, basis: 'rule', column: { key: `${application.tableId}:${formula.result}`, checked: 1 } },
          });
        }
      }
      for (const rows of formulaRows(doc, formula)) {
        const checks = rows.map((row) => ({ row, check: checkRow(formula.kind, row, context.tolerance) }));
        const failing = checks.filter((c) => c.check && !c.check.holds);
        const fits = failing.length > 0 ? plainerFit(formula, rows, context.tolerance) : undefined;
        for (const { row, check } of checks) {
          if (check && (!check.holds || check.roundingOnly)) reportRow(doc, row, check, fits, (d) => context.report(d), checks.length);
        }
      }
    }
    for (const expression of proseExpressions(doc.sentences)) checkProseExpression(expression, context.tolerance, (d) => context.report(d));
  },
});
