import { emptyDocument, type Directive, type LkipDocument, type Position } from '@lkip/schema';
import { defineRule, type ReportDescriptor, type Rule } from '@lkip/engine';

/** The position of `length` characters at `offset` in `text`, counted as the parser counts. */
export function span(text: string, offset: number, length: number): Position {
  const start = lineColumn(text, offset);
  const end = lineColumn(text, offset + length);
  return { line: start.line, column: start.column, offset, endLine: end.line, endColumn: end.column, endOffset: offset + length };
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** The position of the `nth` occurrence of `needle` in `text`. */
export function at(text: string, needle: string, nth = 0): Position {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`'${needle}' #${nth} not in text`);
  }
  return span(text, offset, needle.length);
}

/** A position without a text behind it, for tests that only look at lines and columns. */
export function pos(line: number, column: number, endColumn = column + 1): Position {
  const offset = (line - 1) * 100 + (column - 1);
  return { line, column, offset, endLine: line, endColumn, endOffset: offset + (endColumn - column) };
}

const messages = {
  found: { en: 'Found {what}.', id: 'Ditemukan {what}.' },
  other: { en: 'Other {what}.', id: 'Lainnya {what}.' },
};

/** A rule that reports at the positions `where` gives it, whatever the document holds. */
export function reporter(id: string, where: (doc: LkipDocument) => (Position | Partial<ReportDescriptor>)[], defaultSeverity: 'warn' | 'error' = 'error'): Rule {
  return defineRule({
    meta: { id, family: 'achievement', defaultSeverity, fixable: false, docs: { description: id, descriptionId: id }, messages },
    check(doc, context) {
      for (const item of where(doc)) {
        const descriptor: ReportDescriptor = 'line' in item ? { at: item, messageId: 'found', data: { what: id } } : { messageId: 'found', data: { what: id }, at: pos(1, 1), ...item };
        context.report(descriptor);
      }
    },
  });
}

/**
 * A parser for a toy draft: `R/T = S` lines are achievement fractions (Indonesian decimal comma),
 * `<!-- lkip-… -->` comments are directives. Enough to drive the engine end to end.
 */
export function toyParse(text: string): LkipDocument {
  const doc = emptyDocument('markdown', text.length);
  for (const m of text.matchAll(/<!--\s*lkip-(disable-next-line|disable-line|disable|enable)\b(.*?)-->/g)) {
    const [body, reason] = (m[2] ?? '').split(' -- ');
    const ruleIds = (body ?? '').split(/[\s,]+/).filter(Boolean);
    const directive: Directive = { kind: m[1] as Directive['kind'], ruleIds, position: span(text, m.index, m[0].length) };
    if (reason !== undefined) directive.reason = reason.trim();
    doc.directives.push(directive);
  }
  const number = String.raw`(\d+(?:,\d+)?)`;
  for (const m of text.matchAll(new RegExp(String.raw`${number}\s*/\s*${number}\s*=\s*${number}`, 'g'))) {
    const groups = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    let cursor = m.index;
    const [numerator, denominator, stated] = groups.map((raw) => {
      const offset = text.indexOf(raw, cursor);
      cursor = offset + raw.length;
      const decimals = raw.includes(',') ? raw.length - raw.indexOf(',') - 1 : 0;
      return { value: Number(raw.replace(',', '.')), raw, decimals, position: span(text, offset, raw.length) };
    }) as [Quantity, Quantity, Quantity];
    doc.fractions.push({ id: `f${doc.fractions.length}`, numerator, denominator, multiplier: 100, stated, layout: 'inline', position: span(text, m.index, m[0].length) });
  }
  return doc;
}

type Quantity = LkipDocument['fractions'][number]['stated'];

/** Checks toy fractions: numerator / denominator × 100 must match the stated figure; fixes it. */
export const fractionRule = defineRule({
  meta: {
    id: 'fraction-mismatch',
    family: 'formula',
    defaultSeverity: 'error',
    fixable: true,
    docs: { description: 'Fractions add up', descriptionId: 'Pecahan sesuai' },
    messages: {
      mismatch: { en: 'Stated {stated}, computed {computed}.', id: 'Tertulis {stated}, hasil hitung {computed}.' },
    },
  },
  check(doc, context) {
    for (const f of doc.fractions) {
      const computed = (f.numerator.value / f.denominator.value) * f.multiplier;
      const stated = context.tolerance.of(f.stated);
      if (computed >= stated.lo && computed <= stated.hi) continue;
      const text = computed.toFixed(f.stated.decimals).replace('.', ',');
      context.report({ at: f.stated.position, messageId: 'mismatch', data: { stated: f.stated.raw, computed: text }, fix: { at: f.stated.position, text } });
    }
  },
});
