import { groupWords } from './group-words.js';
import type { LocatedMessage } from '../word-locations.js';
import { countsText, totalsOf } from './totals.js';
import type { Formatter } from './types.js';

/**
 * ESLint's compact format, one finding per line, for editors' problem matchers and grep. The
 * per-line words stay English because matchers look for `Error`/`Warning`; the count is localised.
 */
export const compact: Formatter = (results, context) => {
  let out = '';
  let total = 0;
  let problems = 0;
  for (const result of results) {
    // A problem is a group of findings one wrong figure explains (see stylish); without groups, each finding is one.
    problems += result.groups?.length ?? result.messages.length;
    for (const m of result.messages) {
      total++;
      const kind = m.severity === 2 || m.fatal ? 'Error' : m.severity === 1 ? 'Warning' : 'Info';
      const rule = m.ruleId ? ` (${m.ruleId})` : '';
      const message = m.message.replace(/\s*\n\s*/g, ' ');
      const { location } = m as LocatedMessage;
      const where = location !== undefined ? ` [${location}]` : '';
      out += `${result.filePath}: line ${m.line || 0}, col ${m.column || 0}, ${kind} - ${message}${rule}${where}\n`;
    }
  }
  if (total > 0) out += `\n${groupWords(context.locale).problems(problems, total, countsText(totalsOf(results), context.locale))}\n`;
  return out;
};
