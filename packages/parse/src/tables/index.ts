export { remarkTabTables } from './plugin.js';
export { collectTables } from './collect.js';
export type { SourceCell, TableBlock } from './types.js';
