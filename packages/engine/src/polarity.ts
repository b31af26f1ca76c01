import type { Polarity } from '@lkip/schema';
import type { ResolvedPolarity } from './achievement.js';
import { configPattern, type ResolvedConfig } from './config.js';

const compiled = new WeakMap<object, RegExp>();

/**
 * The polarity to compute an indicator's achievement with: the first config override whose
 * pattern matches the name wins over what the draft states, since the config is where an
 * agency corrects a parser that guessed wrong.
 */
export function polarityFor(indicatorName: string, config: Pick<ResolvedConfig, 'polarity'>, stated?: Polarity): ResolvedPolarity {
  for (const [index, override] of config.polarity.entries()) {
    let pattern = compiled.get(override);
    if (!pattern) {
      pattern = configPattern(override.pattern, `polarity[${index}].pattern`);
      compiled.set(override, pattern);
    }
    if (pattern.test(indicatorName)) {
      const resolved: ResolvedPolarity = { polarity: override.polarity, formula: override.formula ?? 'target/realisation', source: 'config' };
      if (override.cap !== undefined) resolved.cap = override.cap;
      return resolved;
    }
  }
  if (stated) return { polarity: stated, formula: 'target/realisation', source: 'stated' };
  return { polarity: 'higher-is-better', formula: 'target/realisation', source: 'default' };
}
