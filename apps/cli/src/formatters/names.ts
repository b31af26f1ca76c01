/**
 * The formats `lkip lint --format` takes, without loading any of them: the command line is built
 * from these names before any formatter (or the engine behind it) is imported.
 */
export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'compact', 'codeframe'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];
