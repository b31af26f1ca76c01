/**
 * Tab-separated table lines are a third of a converted draft and the most expensive part of it
 * for the Markdown parser (every figure is a token), while the tab-table plugin rebuilds them
 * from the source anyway. So they are blanked before parsing — replaced by spaces, so every
 * offset stays put — and the plugin builds the tables from the real text.
 *
 * Only lines that are plainly table rows are blanked: not fenced code, not display math, not
 * pipe-table lines, and not lines that may belong to a "Perhitungan Capaian" fraction (they
 * hold "=", "$" or "frac", or sit next to such a line), which the fraction reader needs to see
 * as the parser saw them.
 */
export function maskTabTables(text: string): { masked: string; lines: Uint8Array } {
  const lines = text.split('\n');
  const mask = new Uint8Array(lines.length);
  if (!text.includes('\t')) return { masked: text, lines: mask };
  const candidate = new Uint8Array(lines.length);
  let fence: string | undefined;
  let displayMath = false;
  lines.forEach((line, i) => {
    const trimmed = line.trimStart();
    const fenceMark = /^(`{3,}|~{3,})/.exec(trimmed)?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
      return;
    }
    if (fenceMark) {
      fence = fenceMark;
      return;
    }
    const dollars = (trimmed.match(/\$\$/g) ?? []).length;
    if (displayMath) {
      if (dollars % 2 === 1) displayMath = false;
      return;
    }
    if (dollars % 2 === 1) {
      displayMath = true;
      return;
    }
    if (!line.includes('\t') || trimmed.length === 0 || trimmed.startsWith('|') || trimmed.startsWith('<')) return;
    candidate[i] = 1;
  });
  const fractionish = (i: number) => {
    const line = lines[i] ?? '';
    return line.includes('=') || line.includes('$') || line.includes('frac');
  };
  for (let i = 0; i < lines.length; i++) {
    if (candidate[i] !== 1) continue;
    let near = false;
    for (let d = -2; d <= 2 && !near; d++) if (i + d >= 0 && i + d < lines.length && fractionish(i + d)) near = true;
    if (!near) mask[i] = 1;
  }
  const masked = lines.map((line, i) => (mask[i] === 1 ? ' '.repeat(line.length) : line)).join('\n');
  return { masked, lines: mask };
}
