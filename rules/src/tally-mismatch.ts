import { defineRule } from '@lkip/engine';

// Placeholder until the rule is written (same session); keeps the registry importable.
export default defineRule({
  meta: {
    id: 'tally-mismatch',
    family: 'tally',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: 'TODO', descriptionId: 'TODO' },
    messages: { todo: { en: 'TODO', id: 'TODO' } },
  },
  check() {},
});
