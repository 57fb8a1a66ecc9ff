export * from './meta-prompts.js';
export * from './parse-candidates.js';
export * from './dedupe.js';
export * from './selection.js';
export * from './estimate.js';
