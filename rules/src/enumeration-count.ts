import { defineRule, lineRef, type SuggestionDescriptor } from '@lkip/engine';
import type { Enumeration } from '@lkip/schema';
import { clip } from './support/describe.js';
import { inCaseOf, numberWord } from './support/number-words.js';

/**
 * enumeration-count: "meliputi 5 aspek, yaitu: a, b, c, d, e dan f" lists six. A count that
 * opens a list ("yaitu", "meliputi", "terdiri dari", a list after a colon) must be the number of
 * items listed; "antara lain" lists examples, so only more items than the count is wrong there.
 */

const MAX_SHOWN = 8;

/** The items listed, as the finding's places (the first few): the message gives only the two counts. */
function itemPlaces(e: Enumeration): { at: Enumeration['items'][number]['position']; note: string }[] {
  return e.items.slice(0, MAX_SHOWN).map((item, i) => ({ at: item.position, note: `${i + 1}. ${clip(item.text, 40)}, ${lineRef(item.position.line)}` }));
}

/** "5 (lima)" → "6 (enam)", "lima" → "enam", "5" → "6". */
function rewriteCount(countText: string, n: number): string | undefined {
  const word = numberWord(n);
  if (!word) return undefined;
  const digits = /^\d+/.exec(countText);
  if (!digits) return inCaseOf(word, countText);
  const open = countText.indexOf('(');
  const close = countText.indexOf(')', open + 1);
  return open >= 0 && close > open ? `${n} (${inCaseOf(word, countText.slice(open + 1, close).trim())})` : String(n);
}

/** The verdict on one enumeration, or undefined when the list may hold that many. */
function verdict(e: Enumeration): 'tooMany' | 'tooFew' | undefined {
  const listed = e.items.length;
  if (listed > e.count) return 'tooMany';
  // Fewer items is proof only when no item could be two joined by "dan" and the list is exhaustive.
  if (listed < e.count && e.completeness === 'exact' && !e.ambiguous && listed >= 2) return 'tooFew';
  return undefined;
}

export default defineRule({
  meta: {
    id: 'enumeration-count',
    family: 'count-claim',
    defaultSeverity: 'warn',
    fixable: false,
    hasSuggestions: true,
    docs: {
      description: 'A count that opens a list ("meliputi 5 aspek, yaitu …") must be the number of items the list gives',
      descriptionId: 'Jumlah yang membuka suatu rincian ("meliputi 5 aspek, yaitu …") harus sama dengan banyaknya butir yang dirinci',
    },
    messages: {
      tooMany: {
        en: 'The draft announces {count} {noun}, but lists {listed}.',
        id: 'Disebutkan {count} {noun}, tetapi yang dirinci ada {listed}.',
      },
      tooFew: {
        en: 'The draft announces {count} {noun}, but lists only {listed}.',
        id: 'Disebutkan {count} {noun}, tetapi yang dirinci hanya {listed}.',
      },
      useListed: {
        en: 'Write {replacement}, the number of items listed',
        id: 'Tulis {replacement}, banyaknya butir yang dirinci',
      },
    },
  },
  check(doc, context) {
    for (const e of doc.enumerations) {
      const kind = verdict(e);
      if (!kind) continue;
      const replacement = rewriteCount(e.countText, e.items.length);
      const suggestions: SuggestionDescriptor[] = replacement
        ? [{ messageId: 'useListed', data: { replacement }, fix: { at: e.countPosition, text: replacement } }]
        : [];
      context.report({
        at: e.countPosition,
        messageId: kind,
        data: { count: clip(e.countText, 30), noun: clip(e.noun, 40), listed: e.items.length },
        suggestions,
        related: itemPlaces(e),
        subject: { detail: `${e.noun}:${e.count}` },
        // The count is a figure of the sentence: another rule that reads it at this place joins this finding.
        evidence: { stated: { text: e.countText, value: e.count, decimals: 0 }, expected: { text: String(e.items.length), value: e.items.length, decimals: 0 }, basis: 'rule', role: 'count' },
      });
    }
  },
});
