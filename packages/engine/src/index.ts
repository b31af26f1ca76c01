export * from './types.js';
export * from './interval.js';
export * from './config.js';
