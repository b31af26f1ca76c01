import { codeframe } from './codeframe.js';
import { compact } from './compact.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { FormatName } from './names.js';
import type { Formatter } from './types.js';

export const formatters = { stylish, json, sarif, compact, codeframe } satisfies Record<FormatName, Formatter>;
export { FORMAT_NAMES, type FormatName } from './names.js';

export type { Formatter, FormatterContext } from './types.js';
