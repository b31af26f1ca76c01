import { defineRule, div, lineRef, numberRef, overlaps, roundTo, scale, wordRef, type Interval, type Tolerance } from '@lkip/engine';
import type { BudgetLine, Quantity, Sentence } from '@lkip/schema';
import { said, saidValue } from './support/describe.js';
import { figureOf } from './support/evidence.js';
import { figureText } from './support/figures.js';

/**
 * share-base: "realisasi Rp 3.161.629.239 atau 48,76 % dari total anggaran", where 48,76 % is the
 * share of another amount the sentence names (a ceiling of one kind of spending), not of the
 * total budget the draft states. The label names the wrong base. Only a share that the named
 * base does not give and another amount of the same sentence does is reported.
 */

// "… % dari total anggaran", "dari pagu anggaran keseluruhan", "dari jumlah anggaran".
const TOTAL_BASE = /^\s*(?:dari|terhadap)\s+(?:(?:total|jumlah|keseluruhan)\s+(?:pagu\s+|alokasi\s+)?anggaran|total\s+(?:pagu|alokasi)(?:\s+anggaran)?|pagu\s+(?:anggaran\s+)?(?:total|keseluruhan))\b/i;

function isAmount(q: Quantity): boolean {
  return q.unit === 'Rp' || /^\s*Rp/i.test(q.raw) || (q.value >= 1e6 && q.decimals === 0 && !q.percent);
}

function share(part: Quantity, whole: Quantity, tolerance: Tolerance): Interval | undefined {
  const ratio = div(tolerance.of(part), tolerance.of(whole));
  return ratio ? scale(ratio, 100) : undefined;
}

function holds(interval: Interval | undefined, stated: Interval): boolean {
  return interval !== undefined && overlaps(interval, stated);
}

/** The totals the draft states for its whole budget: the ceilings of its total lines, once each. */
function totals(budget: readonly BudgetLine[]): BudgetLine[] {
  const seen = new Set<number>();
  return budget.filter((b) => {
    if (!b.total || !b.ceiling || seen.has(b.ceiling.value)) return false;
    seen.add(b.ceiling.value);
    return true;
  });
}

/** An amount of money in a message: "Rp" and its number in the message's style. */
function amount(q: Quantity): string {
  return `Rp ${numberRef(q.value, q.decimals)}`;
}

function textAfter(s: Sentence, q: Quantity): string {
  const at = q.position.endOffset - s.position.offset;
  return s.text.slice(at, at + 80);
}

export default defineRule({
  meta: {
    id: 'share-base',
    family: 'aggregate',
    defaultSeverity: 'warn',
    fixable: false,
    docs: {
      description: 'A share labelled as a share of the total budget ("% dari total anggaran") must be a share of that total, not of another amount',
      descriptionId: 'Persentase yang disebut persentase dari total anggaran harus dihitung dari total itu, bukan dari jumlah lain',
    },
    messages: {
      otherBase: {
        en: '{share} is a share of {base} in this sentence, not of the total budget {total} (line {totalLine}), which gives {ofTotal}.',
        id: '{share} adalah bagian dari {base} dalam kalimat ini, bukan dari total anggaran {total} (baris {totalLine}), yang memberi {ofTotal}.',
      },
    },
  },
  check(doc, context) {
    const bases = totals(doc.budget);
    if (bases.length === 0) return;
    for (const s of doc.sentences) {
      for (const [k, q] of s.quantities.entries()) {
        if (!q.percent || !TOTAL_BASE.test(textAfter(s, q))) continue;
        const stated = context.tolerance.of(q);
        // The part is the amount written just before the share ("Rp 3.161.629.239 atau 48,76 %").
        const part = s.quantities.slice(0, k).reverse().find(isAmount);
        if (!part) continue;
        const ofTotals = bases.map((b) => ({ b, interval: share(part, b.ceiling as Quantity, context.tolerance) }));
        if (ofTotals.some((x) => holds(x.interval, stated))) continue;
        const base = s.quantities.find((o) => o !== part && isAmount(o) && o.value > part.value && holds(share(part, o, context.tolerance), stated));
        const total = ofTotals[0]?.b;
        if (!base || !total?.ceiling) continue;
        const decimals = Math.max(q.decimals, 2);
        const ofTotal = roundTo((part.value / total.ceiling.value) * 100, decimals);
        context.report({
          at: q.position,
          messageId: 'otherBase',
          data: {
            share: said(q),
            total: amount(total.ceiling),
            totalLine: total.position.line,
            part: amount(part),
            base: amount(base),
            ofTotal: saidValue(ofTotal, decimals, true),
          },
          // The part the share is of is the first place's note; the message names the base and the total.
          related: [
            { at: base.position, note: `${figureText(part)} / ${figureText(base)}, ${lineRef(base.position.line)}` },
            { at: total.position, note: `${wordRef('budget-total')}, ${lineRef(total.position.line)}` },
          ],
          subject: { detail: `share:${figureText(part)}` },
          // The same share of the same amounts reported in several sentences is one problem.
          evidence: { figure: `share-of|${part.value}|${base.value}|${total.ceiling.value}`, stated: figureOf(q), basis: 'rule', role: 'percent' },
        });
      }
    }
  },
});
