import type { Migration } from 'kysely';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-param-tune-combos.js';
import * as m0003 from './0003-prompt-tune.js';
import * as m0004 from './0004-judge.js';
import * as m0005 from './0005-verdict-scorer.js';

/** Every migration, in order. A static map works the same from src (tsx, vitest) and dist (node). */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-param-tune-combos': m0002,
  '0003-prompt-tune': m0003,
  '0004-judge': m0004,
  '0005-verdict-scorer': m0005,
};
