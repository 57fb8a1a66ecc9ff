export * from './schemas.js';
export * from './prompts.js';
export * from './repair.js';
export * from './aggregate.js';
export * from './judge-calls.js';
