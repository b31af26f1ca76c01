/**
 * Whether `text` may hold a Markdown link reference definition ("[label]: url"). A definition
 * changes how text far from it parses, so a draft that may hold one is parsed whole. Scans once:
 * a regex such as /\[[^\]\n]*\]:/ retries from every "[" and is quadratic on a run of them.
 */
export function mayHoldReferenceDefinition(text: string): boolean {
  for (let close = text.indexOf(']:'); close !== -1; close = text.indexOf(']:', close + 2)) {
    // The label holds no "]" and no line break: look back to the nearest of them for a "[".
    for (let i = close - 1; i >= 0; i--) {
      const c = text[i];
      if (c === '[') return true;
      if (c === ']' || c === '\n') break;
    }
  }
  return false;
}
