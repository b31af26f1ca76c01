import { countBefore } from './sorted.js';

/**
 * Drafts come from Windows machines with CRLF line ends, often mixed with LF, and old Mac
 * exports end lines with a lone CR. The reader and the rules see LF text; the CLI and the viewer
 * keep each line's own ending when they write a fix back, and map fix offsets to the text as it
 * is on disk.
 */
export type Eol = '\r\n' | '\n' | '\r';

export interface LineEndings {
  /** The ending of each line but the last (which has none). */
  endings: Eol[];
  /** Used for lines a fix adds, and for every line when a fix changed the line count. */
  dominant: Eol;
  /**
   * Some line ends in CR LF or in a lone CR: the text on disk differs from its LF form and must
   * be restored on write. (Named when CR LF was the only other ending; kept for its users.)
   */
  hasCrlf: boolean;
}

export function splitLineEndings(text: string): { lf: string; lineEndings: LineEndings } {
  const endings: Eol[] = [];
  if (!text.includes('\r')) {
    // LF only, the usual case: counted with indexOf, far quicker on a cold start than a loop over every character.
    for (let lf = text.indexOf('\n'); lf !== -1; lf = text.indexOf('\n', lf + 1)) endings.push('\n');
    return { lf: text, lineEndings: { endings, dominant: '\n', hasCrlf: false } };
  }
  const counts = { '\r\n': 0, '\n': 0, '\r': 0 };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let eol: Eol;
    if (code === 10) eol = '\n';
    else if (code !== 13) continue;
    else if (text.charCodeAt(i + 1) === 10) {
      eol = '\r\n';
      i++;
    } else eol = '\r';
    endings.push(eol);
    counts[eol]++;
  }
  const hasCrlf = counts['\r\n'] + counts['\r'] > 0;
  const dominant: Eol = counts['\r\n'] * 2 > endings.length ? '\r\n' : counts['\r'] * 2 > endings.length ? '\r' : '\n';
  return { lf: hasCrlf ? text.replace(/\r\n?/g, '\n') : text, lineEndings: { endings, dominant, hasCrlf } };
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
  return { text, lineEndings: { endings, dominant: original.dominant, hasCrlf: endings.some((e) => e !== '\n') } };
}

/** Maps a 0-based offset in the LF text to the same place in the text with `endings` (a lone CR is as long as the LF it became). */
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
    return offset + (crlfBefore[countBefore(newlineAt.length, (i) => (newlineAt[i] ?? 0) < offset)] ?? 0);
  };
}

interface TextEdit {
  range: [number, number];
  text: string;
}

/** What carries edits of the LF text: a lint message with its fix and its suggestions' fixes. */
interface EditCarrier {
  fix?: TextEdit;
  suggestions?: { fix: TextEdit }[];
}

/**
 * The rules see the LF form of a draft; the file on disk keeps its own line ends. Lines and
 * columns are the same in both, offsets are not once a line ends in CRLF: each fix and suggestion
 * is moved to the file's offsets, and the line breaks it writes take the file's usual ending.
 */
export function editsToLineEndings<M extends EditCarrier>(messages: readonly M[], lf: string, lineEndings: LineEndings): M[] {
  if (!lineEndings.hasCrlf) return [...messages];
  const toFile = offsetMapper(lf, lineEndings);
  const move = (edit: TextEdit): TextEdit => ({ range: [toFile(edit.range[0]), toFile(edit.range[1])], text: edit.text.replace(/\r?\n/g, lineEndings.dominant) });
  return messages.map((m) => {
    if (!m.fix && !m.suggestions) return m;
    const out: M = { ...m };
    if (m.fix) out.fix = move(m.fix);
    if (m.suggestions) out.suggestions = m.suggestions.map((s) => ({ ...s, fix: move(s.fix) }));
    return out;
  });
}
