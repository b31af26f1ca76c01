export * from './position.js';
export * from './quantity.js';
export * from './document.js';
export * from './json-schema.js';
export { emptyDocument } from './empty.js';
