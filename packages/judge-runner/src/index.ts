export * from './evidence.js';
export * from './pool.js';
export * from './judges.js';
export * from './judge-result.js';
