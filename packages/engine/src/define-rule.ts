import type { Rule } from './types.js';

/**
 * Returns the rule unchanged; it exists so that `Options` is inferred from `meta.options` and
 * checked against what `check` reads, as with typescript-eslint's `createRule`.
 */
export function defineRule<O>(rule: Rule<O>): Rule<O> {
  return rule;
}
