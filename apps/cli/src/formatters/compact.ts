import { words } from '../i18n.js';
import type { LocatedMessage } from '../word-locations.js';
import type { Formatter } from './types.js';

/**
 * ESLint's compact format, one finding per line, for editors' problem matchers and grep. The
 * per-line words stay English because matchers look for `Error`/`Warning`; the count is localised.
 */
export const compact: Formatter = (results, context) => {
  let out = '';
  let total = 0;
  for (const result of results) {
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
  if (total > 0) out += `\n${words(context.locale).problems(total)}\n`;
  return out;
};
