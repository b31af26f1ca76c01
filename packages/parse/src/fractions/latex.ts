/**
 * Just enough LaTeX for the "Perhitungan Capaian" formulas that Word/PDF converters emit:
 * `\text{…}` wrappers, escaped percent signs, spacing commands, `\times`. Everything is done
 * by scanning characters, so no input can make it backtrack.
 */

/** Commands whose braced argument is plain text that should be kept. */
const TEXT_COMMANDS = new Set(['text', 'textrm', 'textbf', 'textit', 'textnormal', 'mathrm', 'mathbf', 'mathit', 'mbox', 'operatorname', 'mathsf', 'textsf']);

/** Commands that only add space. */
const SPACE_COMMANDS = new Set(['quad', 'qquad', 'enspace', 'thinspace', 'medspace', 'thickspace', 'space']);

/** Commands that stand for a visible symbol worth keeping in the text. */
const SYMBOL_COMMANDS: Record<string, string> = { times: '×', cdot: '·', div: '÷', pm: '±', le: '≤', leq: '≤', ge: '≥', geq: '≥', approx: '≈', ldots: '…', dots: '…' };

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Reads the name of a control word starting after the backslash at `i`; returns its end. */
export function commandEnd(text: string, i: number, limit: number): number {
  let j = i;
  while (j < limit && isLetter(text.charCodeAt(j))) j++;
  return j;
}

/**
 * Given the index of an opening `{`, returns the index of its matching `}` (not beyond
 * `limit`), honouring `\{`/`\}` escapes; -1 when unbalanced.
 */
export function matchBrace(text: string, open: number, limit: number): number {
  if (text.charCodeAt(open) !== 123) return -1;
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) {
      i++; // skip the escaped character, whatever it is
      continue;
    }
    if (c === 123) depth++;
    else if (c === 125) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/**
 * Turns a LaTeX (or plain) fragment into the text a reader sees: "3 \text{ Kab/Kota}" →
 * "3 Kab/Kota", "300 \%" → "300 %", "$" delimiters and braces dropped, whitespace collapsed.
 * A bare "%" is kept as a percent sign: in these drafts it is never a TeX comment.
 */
export function latexToText(fragment: string): string {
  let out = '';
  const n = fragment.length;
  for (let i = 0; i < n; i++) {
    const ch = fragment[i] as string;
    if (ch === '\\') {
      const next = fragment[i + 1];
      if (next === undefined) break;
      const nextCode = next.charCodeAt(0);
      if (!isLetter(nextCode)) {
        // Control symbols: "\%" "\$" "\{" are literals, "\," "\;" "\ " are spaces, "\!" is nothing.
        if (next === ',' || next === ';' || next === ':' || next === ' ' || next === '>') out += ' ';
        else if (next !== '!' && next !== '\\') out += next;
        else if (next === '\\') out += ' ';
        i++;
        continue;
      }
      const end = commandEnd(fragment, i + 1, n);
      const name = fragment.slice(i + 1, end);
      i = end - 1;
      if (TEXT_COMMANDS.has(name)) {
        // The argument's content is kept by the loop itself: only its braces are dropped below.
        continue;
      }
      if (SPACE_COMMANDS.has(name)) out += ' ';
      else if (name in SYMBOL_COMMANDS) out += ` ${SYMBOL_COMMANDS[name] ?? ''} `;
      else if (name === 'left' || name === 'right') {
        // "\left[" keeps its delimiter out of the text: skip one following delimiter character.
        const d = fragment[end];
        if (d !== undefined && '()[]|.'.includes(d)) i = end;
      }
      continue;
    }
    if (ch === '{' || ch === '}' || ch === '$') continue;
    if (ch === '~' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0') {
      out += ' ';
      continue;
    }
    out += ch;
  }
  return collapseSpaces(out);
}

export function collapseSpaces(text: string): string {
  let out = '';
  let pendingSpace = false;
  for (const ch of text) {
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0') {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += ch;
  }
  return out;
}
