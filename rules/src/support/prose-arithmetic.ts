import type { Quantity, Sentence } from '@lkip/schema';
import { figuresOf, isYear } from './prose-sums.js';

/**
 * Arithmetic a sentence writes out with its own figures: "(98,5 % + 100 % + 97,2 %) / 3 = 98,57 %",
 * "\frac{a + b + c}{3} = r", "a + b + c = r". Each figure of the sentence becomes a token, and
 * only an expression made of tokens, brackets, + and one division, followed by "=" and one
 * token, is read.
 */
export interface ProseExpression {
  sentence: Sentence;
  terms: Quantity[];
  /** Absent for a plain sum. */
  divisor?: Quantity;
  result: Quantity;
  /** The sentence calls the result an average ("rata-rata", "rerata"). */
  average: boolean;
  text: string;
}

const AVERAGE_WORD = /\b(?:rata[-\s]?rata|rerata|nilai\s+rata)\b/i;
const TOKEN = '\u0001(\\d+)\u0002';
const TERMS = `${TOKEN}(?:\\s*\\+\\s*${TOKEN})+`;
const DIVIDED = new RegExp(`\\(\\s*(${TERMS})\\s*\\)\\s*(?:\\/|÷|:|\\\\div)\\s*${TOKEN}\\s*=\\s*${TOKEN}`, 'g');
const FRAC = new RegExp(`\\\\frac\\s*\\{\\s*(${TERMS})\\s*\\}\\s*\\{\\s*${TOKEN}\\s*\\}\\s*=\\s*${TOKEN}`, 'g');
const SUMMED = new RegExp(`(${TERMS})\\s*=\\s*${TOKEN}`, 'g');
// What may not stand right before a plain sum or right after its result: another operand or operator.
const OPERAND_BEFORE = /[\d\u0002/÷×*)}(\-−–]$/;
const OPERATOR_AFTER = /^(?:[/÷×*x]|\\times)/;

function tokenised(sentence: Sentence): { text: string; figures: Quantity[] } {
  const figures = figuresOf(sentence).filter((f) => !isYear(f.q));
  let text = '';
  let last = 0;
  figures.forEach((f, i) => {
    text += sentence.text.slice(last, f.start) + `\u0001${i}\u0002`;
    last = f.end;
  });
  text += sentence.text.slice(last);
  // LaTeX spacing and \left( \right) do not change the expression.
  text = text.replace(/\\left|\\right|\\[,;!]|\\quad/g, ' ').replace(/\\times/g, '×');
  return { text, figures: figures.map((f) => f.q) };
}

function indexes(group: string): number[] {
  return [...group.matchAll(/\u0001(\d+)\u0002/g)].map((m) => Number(m[1]));
}

function plainFigure(q: Quantity | undefined): q is Quantity {
  return q !== undefined && !q.ambiguous && !q.bound;
}

export function proseExpressions(sentences: readonly Sentence[]): ProseExpression[] {
  const out: ProseExpression[] = [];
  for (const sentence of sentences) {
    if (!/[+]/.test(sentence.text) || !/=/.test(sentence.text)) continue;
    const { text, figures } = tokenised(sentence);
    const average = AVERAGE_WORD.test(sentence.text);
    const taken = new Set<number>();
    for (const pattern of [DIVIDED, FRAC]) {
      for (const m of text.matchAll(pattern)) {
        const termIds = indexes(m[1] ?? '');
        const all = indexes(m[0]);
        const divisor = figures[all[all.length - 2] ?? -1];
        const result = figures[all[all.length - 1] ?? -1];
        const terms = termIds.map((i) => figures[i]);
        // "× 100 %" after the result, or a divisor with decimals, is another kind of formula.
        if (!plainFigure(divisor) || !plainFigure(result) || !terms.every(plainFigure) || divisor.decimals !== 0 || divisor.percent || divisor.unit) continue;
        if (/^\s*(?:×|x\b|\*)/.test(text.slice((m.index ?? 0) + m[0].length))) continue;
        for (const i of all) taken.add(i);
        out.push({ sentence, terms: terms as Quantity[], divisor, result, average, text: figureless(m[0], figures) });
      }
    }
    for (const m of text.matchAll(SUMMED)) {
      const ids = indexes(m[0]);
      if (ids.some((i) => taken.has(i))) continue;
      const terms = ids.slice(0, -1).map((i) => figures[i]);
      const result = figures[ids[ids.length - 1] ?? -1];
      if (!plainFigure(result) || !terms.every(plainFigure)) continue;
      // "(a + b + c) = r" inside a larger expression, or a result that is then multiplied, is not a plain sum.
      const at = m.index ?? 0;
      if (OPERAND_BEFORE.test(text.slice(Math.max(0, at - 12), at).trimEnd())) continue;
      if (OPERATOR_AFTER.test(text.slice(at + m[0].length, at + m[0].length + 12).trimStart())) continue;
      out.push({ sentence, terms: terms as Quantity[], result, average, text: figureless(m[0], figures) });
    }
  }
  return out;
}

/** The expression as written, with the figures put back. */
function figureless(expression: string, figures: Quantity[]): string {
  return expression.replace(/\u0001(\d+)\u0002/g, (_, i: string) => figures[Number(i)]?.raw.replace(/\\%/g, '%') ?? '?').replace(/\s+/g, ' ').trim();
}
