import { contains, defineRule, div, mean, overlaps, point, roundTo, scale, sum, wordRef, type FindingEvidence, type Interval, type Tolerance } from '@lkip/engine';
import type { Quantity } from '@lkip/schema';
import { clip, formatLike, replaceNumber, said, saidValue } from './support/describe.js';
import { computedFigure, figureOf } from './support/evidence.js';
import { figureText } from './support/figures.js';
import { statedAverages, statedShares, statedSums } from './support/prose-sums.js';

/**
 * prose-total: a sentence that states a total and its parts ("120,5 km terdiri atas 45,2 km …,
 * 50,1 km … dan 25,3 km …") or an average and the figures it averages, where the figures do not
 * add up. Rounded figures are compared as intervals; counted things exactly.
 */

function intervalOf(q: Quantity, exact: boolean, tolerance: Tolerance): Interval {
  return exact ? point(q.value) : tolerance.of(q);
}

function verdict(stated: Quantity, computed: Interval, value: number, exact: boolean, tolerance: Tolerance): { holds: boolean; roundingOnly: boolean } {
  if (exact) return { holds: Math.abs(stated.value - value) < 1e-9 * Math.max(1, Math.abs(value)), roundingOnly: false };
  const range = tolerance.of(stated);
  const holds = overlaps(range, computed);
  return { holds, roundingOnly: holds && !contains(range, value) };
}

/** "45,2 km + 50,1 km + 25,3 km": the parts as written. */
function terms(parts: Quantity[]): string {
  return parts.map((q) => said(q, true)).join(' + ');
}

function withUnit(q: Quantity): string {
  const text = figureText(q);
  return q.unit && !q.percent && !text.toLowerCase().includes(q.unit.toLowerCase()) ? `${text} ${q.unit}` : text;
}

/** Sums of more parts than the total: a part listed twice, or a second breakdown in the same sentence. */
function prefixMatches(total: Quantity, parts: Quantity[], exact: boolean, tolerance: Tolerance): boolean {
  for (let n = 2; n < parts.length; n++) {
    const head = parts.slice(0, n);
    const value = head.reduce((acc, q) => acc + q.value, 0);
    if (verdict(total, sum(head.map((q) => intervalOf(q, exact, tolerance))), value, exact, tolerance).holds) return true;
  }
  return false;
}

/**
 * The stated figure, the computed one, and for a sum or an average the parts it is computed from:
 * a part that is the odd figure of a cross-reference and makes the total hold once corrected puts
 * this finding in that figure's group.
 */
function evidenceOf(stated: Quantity, kind: 'sum' | 'average' | 'share', value: number, parts: Quantity[], exact: boolean): FindingEvidence {
  const evidence: FindingEvidence = {
    stated: figureOf(stated),
    expected: computedFigure(formatLike(roundTo(value, stated.decimals), stated.decimals, stated), roundTo(value, stated.decimals), stated.decimals),
    basis: 'derived',
    role: kind === 'share' ? 'percent' : 'other',
  };
  if (kind !== 'share') evidence.derivation = { kind: 'total', op: kind === 'sum' ? 'sum' : 'mean', terms: parts.map((q) => ({ value: q.value, decimals: q.decimals, at: q.position, ...(exact ? { exact } : {}) })) };
  return evidence;
}

export default defineRule({
  meta: {
    id: 'prose-total',
    family: 'aggregate',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    docs: {
      description: 'A total stated in prose must be the sum of the parts the same sentence lists, a stated share the ratio of its counts, and a stated average the mean of the figures it names',
      descriptionId: 'Jumlah yang dinyatakan dalam uraian harus sama dengan jumlah rinciannya dalam kalimat yang sama, persentase harus sama dengan rasio angka yang disebutkannya, dan rata-rata harus sama dengan rata-rata angka yang disebutkannya',
    },
    messages: {
      sum: {
        en: 'The sentence states a total of {stated}, but the {count} parts it lists add up to {computed}.',
        id: 'Kalimat ini menyebut jumlah {stated}, padahal {count} rincian yang disebutkannya berjumlah {computed}.',
      },
      average: {
        en: 'The sentence states an average of {stated}, but the mean of the {count} figures it names is {computed}.',
        id: 'Kalimat ini menyebut rata-rata {stated}, padahal rata-rata dari {count} angka yang disebutkannya adalah {computed}.',
      },
      share: {
        en: '{part} of {whole} is {computed} %, not {stated}.',
        id: '{part} dari {whole} adalah {computed} %, bukan {stated}.',
      },
      holdsByRounding: {
        en: '{stated} holds only thanks to the rounding of {terms}; as written they give {computed}.',
        id: '{stated} hanya cocok karena pembulatan {terms}; sebagaimana tertulis hasilnya {computed}.',
      },
      replace: {
        en: 'Write {computed}',
        id: 'Tulis {computed}',
      },
    },
  },
  check(doc, context) {
    const { tolerance } = context;
    const report = (stated: Quantity, messageId: 'sum' | 'average' | 'share', value: number, holds: { holds: boolean; roundingOnly: boolean }, parts: Quantity[], detail: string, exact = false) => {
      if (holds.holds && !holds.roundingOnly) return;
      const decimals = stated.decimals;
      const computed = formatLike(roundTo(value, decimals), decimals, stated);
      const data = {
        stated: said(stated, true),
        computed: saidValue(roundTo(value, decimals), decimals),
        count: parts.length,
        terms: clip(terms(parts), 60),
        part: parts[0] ? said(parts[0], true) : '',
        whole: parts[1] ? said(parts[1], true) : '',
      };
      if (holds.roundingOnly) {
        context.report({ at: stated.position, messageId: 'holdsByRounding', data, level: 'rounding', subject: { detail } });
        return;
      }
      context.report({
        at: stated.position,
        messageId,
        data,
        // Either the total or one of the parts may be the wrong figure: a suggestion, not a fix.
        suggestions: [{ messageId: 'replace', data: { computed }, fix: { at: stated.position, text: replaceNumber(stated, roundTo(value, decimals), decimals) } }],
        // The parts are the finding's places, each with its figure: the message names the stated and the computed figure.
        related: parts.map((q) => ({ at: q.position, note: `${wordRef('part')} ${withUnit(q)}` })),
        subject: { detail },
        evidence: evidenceOf(stated, messageId, value, parts, exact),
      });
    };
    for (const s of statedSums(doc.sentences)) {
      const value = s.parts.reduce((acc, q) => acc + q.value, 0);
      const holds = verdict(s.total, sum(s.parts.map((q) => intervalOf(q, s.exact, tolerance))), value, s.exact, tolerance);
      if (!holds.holds && prefixMatches(s.total, s.parts, s.exact, tolerance)) continue;
      report(s.total, 'sum', value, holds, s.parts, `sum ${figureText(s.total)}`, s.exact);
    }
    for (const s of statedShares(doc.sentences)) {
      const value = (s.part.value / s.whole.value) * 100;
      const ratio = div(point(s.part.value), point(s.whole.value));
      if (!ratio) continue;
      report(s.share, 'share', value, verdict(s.share, scale(ratio, 100), value, false, tolerance), [s.part, s.whole], `share ${figureText(s.part)}/${figureText(s.whole)}`);
    }
    for (const a of statedAverages(doc.sentences)) {
      const value = a.items.reduce((acc, q) => acc + q.value, 0) / a.items.length;
      const interval = mean(a.items.map((q) => tolerance.of(q))) as Interval;
      report(a.average, 'average', value, verdict(a.average, interval, value, false, tolerance), a.items, `average ${figureText(a.average)}`);
    }
  },
});
