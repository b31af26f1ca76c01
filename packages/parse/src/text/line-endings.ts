/**
 * Drafts come from Windows machines with CRLF line ends, often mixed with LF. The reader and the
 * rules see LF text; the CLI and the viewer keep each line's own ending when they write a fix
 * back, and map fix offsets to the text as it is on disk.
 */
export type Eol = '\r\n' | '\n';

export interface LineEndings {
  /** The ending of each line but the last (which has none). */
  endings: Eol[];
  /** Used for lines a fix adds, and for every line when a fix changed the line count. */
  dominant: Eol;
  hasCrlf: boolean;
}

export function splitLineEndings(text: string): { lf: string; lineEndings: LineEndings } {
  const endings: Eol[] = [];
  let crlf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) {
      endings.push('\r\n');
      crlf++;
    } else endings.push('\n');
  }
  const hasCrlf = crlf > 0;
  return {
    lf: hasCrlf ? text.replace(/\r\n/g, '\n') : text,
    lineEndings: { endings, dominant: crlf * 2 > endings.length ? '\r\n' : '\n', hasCrlf },
  };
}

/** LF text back to the file's endings; returns the endings it used, for offset mapping. */
export function restoreLineEndings(lf: string, original: LineEndings): { text: string; lineEndings: LineEndings } {
  if (!original.hasCrlf) return { text: lf, lineEndings: original };
  const lines = lf.split('\n');
  const keep = lines.length - 1 === original.endings.length;
  const endings: Eol[] = [];
  let text = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const eol = keep ? (original.endings[i - 1] ?? original.dominant) : original.dominant;
    endings.push(eol);
    text += eol + lines[i];
  }
  return { text, lineEndings: { endings, dominant: original.dominant, hasCrlf: endings.includes('\r\n') } };
}

/** Maps a 0-based offset in the LF text to the same place in the text with `endings`. */
export function offsetMapper(lf: string, lineEndings: LineEndings): (offset: number) => number {
  if (!lineEndings.hasCrlf) return (offset) => offset;
  const newlineAt: number[] = [];
  const crlfBefore: number[] = [0];
  for (let i = lf.indexOf('\n'), k = 0; i >= 0; i = lf.indexOf('\n', i + 1), k++) {
    newlineAt.push(i);
    crlfBefore.push((crlfBefore[k] ?? 0) + (lineEndings.endings[k] === '\r\n' ? 1 : 0));
  }
  return (offset) => {
    // Lines before `offset` = newlines strictly before it.
    let lo = 0;
    let hi = newlineAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((newlineAt[mid] ?? 0) < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset + (crlfBefore[lo] ?? 0);
  };
}
