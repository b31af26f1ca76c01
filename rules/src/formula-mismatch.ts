import { defineRule } from '@lkip/engine';

// Placeholder until the rule is written (same session); keeps the registry importable.
export default defineRule({
  meta: {
    id: 'formula-mismatch',
    family: 'formula',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: 'TODO', descriptionId: 'TODO' },
    messages: { todo: { en: 'TODO', id: 'TODO' } },
  },
  check() {},
});
