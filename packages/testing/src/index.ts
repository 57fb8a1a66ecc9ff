export * from './pg.js';
export * from './redis.js';
export * from './docker.js';
