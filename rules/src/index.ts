import type { Rule } from '@lkip/engine';

/** Every rule lkip ships, in documentation order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const rules: Rule<any>[] = [];
