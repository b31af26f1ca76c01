import type { Formula, TableKind } from '@lkip/schema';
import type { TableBlock } from '../tables/types.js';
import { nextId, type BuildContext } from './context.js';
import { sectionAt } from './sections.js';

// "NKA = 60% × EKA + 40% × IKPA", in LaTeX or plain text.
const WEIGHTED = /\b([A-Z]{2,8})\s*=\s*((?:\d+(?:[.,]\d+)?\s*\\?%\s*(?:\\times|×|x|\*|\\cdot)\s*[A-Z]{2,8}\s*\+?\s*){2,6})/g;
const TERM = /(\d+(?:[.,]\d+)?)\s*\\?%\s*(?:\\times|×|x|\*|\\cdot)\s*([A-Z]{2,8})/g;
// "ZI = Pengungkit + Hasil"
const SUM = /\b([A-Z][A-Za-z]{1,15})\s*=\s*([A-Z][A-Za-z]{2,20}(?:\s*\+\s*[A-Z][A-Za-z]{2,20}){1,5})\b/g;
// "Nilai Akhir (Nilai Total/Konversi Bobot)"
const RATIO_HEADER = /^(.+?)\s*\(\s*([^()/]+?)\s*\/\s*([^()/]+?)\s*\)\s*$/;

function indicatorIdsAt(ctx: BuildContext, offset: number): string[] {
  const section = sectionAt(ctx.sections, offset);
  const id = section ? ctx.doc.sections.find((s) => s.id === section.id)?.indicatorId : undefined;
  return id ? [id] : [];
}

/** Formulas the draft states, in prose or in a column header. */
export function readFormulas(ctx: BuildContext, tables: { block: TableBlock; kind: TableKind }[]): Formula[] {
  const out: Formula[] = [];
  for (const block of ctx.blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'math') continue;
    // Both forms hold an "=": most paragraphs have none and skip both searches.
    if (!block.raw.includes('=') && !block.plain.includes('=')) continue;
    for (const m of block.raw.matchAll(WEIGHTED)) {
      const terms = [...(m[2] ?? '').matchAll(TERM)].map((t) => ({ name: t[2] ?? '', weight: Number((t[1] ?? '0').replace(',', '.')) / 100 }));
      if (terms.length < 2) continue;
      const at = block.start + (m.index ?? 0);
      out.push({ id: nextId(ctx, 'x'), result: m[1] ?? '', kind: 'weighted-sum', terms, text: m[0].trim(), indicatorIds: indicatorIdsAt(ctx, at), applications: applyInSection(ctx, tables, at, terms.length), position: ctx.map.position(at, at + m[0].length) });
    }
    for (const m of block.plain.matchAll(SUM)) {
      const rawAt = block.raw.indexOf(m[0]);
      if (rawAt < 0) continue;
      const at = block.start + rawAt;
      const terms = (m[2] ?? '').split('+').map((t) => ({ name: t.trim() }));
      out.push({ id: nextId(ctx, 'x'), result: m[1] ?? '', kind: 'sum', terms, text: m[0], indicatorIds: indicatorIdsAt(ctx, at), applications: applyInSection(ctx, tables, at, terms.length), position: ctx.map.position(at, at + m[0].length) });
    }
  }
  for (const { block } of tables) {
    block.columns.forEach((column, c) => {
      const m = RATIO_HEADER.exec(column.trim());
      if (!m) return;
      const result = (m[1] ?? '').trim();
      const numerator = (m[2] ?? '').trim();
      const denominator = (m[3] ?? '').trim();
      // Only a ratio of two other columns of the same table is a formula we can check.
      const names = block.columns.map((x) => x.trim().toLowerCase());
      const numeratorCol = names.findIndex((n, i) => i !== c && n.endsWith(numerator.toLowerCase()));
      const denominatorCol = names.findIndex((n, i) => i !== c && n.endsWith(denominator.toLowerCase()));
      if (numeratorCol < 0 || denominatorCol < 0) return;
      const header = block.rows[0]?.[c]?.position ?? block.position;
      out.push({
        id: nextId(ctx, 'x'),
        result,
        kind: 'ratio',
        terms: [{ name: numerator }, { name: denominator }],
        text: column.trim(),
        indicatorIds: indicatorIdsAt(ctx, block.position.offset),
        applications: [{ tableId: block.id, resultColumn: c, termColumns: [numeratorCol, denominatorCol] }],
        position: header,
      });
    });
  }
  return out.sort((a, b) => a.position.offset - b.position.offset);
}

const NUMERIC = /^[-–]?\s*\d+(?:[.,]\d+)?\s*%?$/;

/**
 * A formula stated in an indicator section applies to that section's component tables: the
 * result is the last numeric column, the terms the numeric columns before it, in order.
 */
function applyInSection(ctx: BuildContext, tables: { block: TableBlock; kind: TableKind }[], offset: number, termCount: number): Formula['applications'] {
  const section = sectionAt(ctx.sections, offset);
  if (!section || section.kind !== 'indicator') return [];
  const out: Formula['applications'] = [];
  for (const { block, kind } of tables) {
    if (kind !== 'component' || block.position.offset < section.start || block.position.offset >= section.end) continue;
    const numericCols = block.columns
      .map((_, c) => c)
      .filter((c) => !/^(no\.?|nomor)$/i.test(block.columns[c]?.trim() ?? ''))
      .filter((c) => block.body.length > 0 && block.body.every((row) => NUMERIC.test(row[c]?.text.trim() ?? '')));
    if (numericCols.length !== termCount + 1) continue;
    const resultColumn = numericCols[numericCols.length - 1] ?? 0;
    out.push({ tableId: block.id, resultColumn, termColumns: numericCols.slice(0, -1) });
  }
  return out;
}
