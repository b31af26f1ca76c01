import { compareCodeUnits, type Locale } from '@lkip/engine';
import { ruleDocUri } from '../tool.js';
import type { CommandContext } from './context.js';

/**
 * `lkip rules`: what `eslint --print-config` and a rules index page give ESLint users, on one
 * screen: every rule with its default severity, whether `--fix` can correct it, its description
 * and the address of its page.
 */
export function rulesCommand(flags: { locale: Locale }, ctx: CommandContext): number {
  const rules = [...ctx.rules].sort((a, b) => compareCodeUnits(a.meta.id, b.meta.id));
  const idWidth = Math.max(...rules.map((r) => r.meta.id.length));
  const fixWord = flags.locale === 'en' ? 'fix' : 'perbaiki';
  const lines = rules.map(({ meta }) => {
    const description = flags.locale === 'en' ? meta.docs.description : meta.docs.descriptionId;
    const severity = meta.defaultSeverity === 'error' ? 'error' : 'warn ';
    const fixable = meta.fixable ? fixWord : ' '.repeat(fixWord.length);
    return `${meta.id.padEnd(idWidth)}  ${severity}  ${fixable}  ${description}  ${ruleDocUri(meta.id)}`;
  });
  ctx.io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
