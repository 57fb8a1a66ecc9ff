export * from './error-codes.js';
export * from './api/common.schema.js';
export * from './api/auth.schema.js';
export * from './api/provider.schema.js';
export * from './api/tool.schema.js';
export * from './api/suite.schema.js';
export * from './api/health.schema.js';
