import type { LintFix, LintMessage } from '@lkip/engine';
import { offsetMapper, type LineEndings } from '@lkip/parse';

/**
 * The rules see the LF form of a draft; ESLint applies fixes to the file as it is. Lines and
 * columns are the same in both, offsets are not once a line ends in CRLF (as `lkip lint` maps
 * them before it writes a fix).
 */
export function mapFixesToFile(messages: readonly LintMessage[], lf: string, lineEndings: LineEndings): LintMessage[] {
  if (!lineEndings.hasCrlf) return [...messages];
  const toFile = offsetMapper(lf, lineEndings);
  const mapFix = (fix: LintFix): LintFix => ({
    range: [toFile(fix.range[0]), toFile(fix.range[1])],
    text: fix.text.replace(/\r?\n/g, lineEndings.dominant),
  });
  return messages.map((m) => {
    if (!m.fix && !m.suggestions) return m;
    const out: LintMessage = { ...m };
    if (m.fix) out.fix = mapFix(m.fix);
    if (m.suggestions) out.suggestions = m.suggestions.map((s) => ({ ...s, fix: mapFix(s.fix) }));
    return out;
  });
}
