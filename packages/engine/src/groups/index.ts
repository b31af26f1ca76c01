export * from './types.js';
export { groupFindings, type GroupedFindings, type GroupingOptions } from './group-findings.js';
export { sameFigure } from './figures.js';
