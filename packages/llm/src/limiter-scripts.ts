import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

// The scripts read Redis's own clock (TIME) rather than taking "now" from the caller: workers on
// different machines disagree about the time, and a fast clock would expire other holders' leases.
const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

// Keeps the key alive exactly as long as its longest lease, so an abandoned key disappears on its
// own but never before a live holder (leases of different lengths may share a key).
const EXTEND_TTL = `
local top = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if top[2] then redis.call('PEXPIRE', KEYS[1], math.max(1, tonumber(top[2]) - now + 1000)) end`;

/**
 * KEYS[1] = semaphore ZSET; ARGV = limit, leaseMs, token. Drops expired holders, then admits the
 * token if fewer than `limit` remain. Returns 1 when admitted (or already holding), else 0.
 */
export const ACQUIRE_SCRIPT = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if not redis.call('ZSCORE', KEYS[1], ARGV[3]) then
  if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
${EXTEND_TTL}
return 1`;

/**
 * KEYS[1] = semaphore ZSET; ARGV = leaseMs, token. Pushes the lease out if the token still holds
 * a slot. Returns 0 when the slot was lost (the lease expired and another caller reclaimed it).
 */
export const RENEW_SCRIPT = `${NOW}
if not redis.call('ZSCORE', KEYS[1], ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[1]), ARGV[2])
${EXTEND_TTL}
return 1`;

/**
 * KEYS[1] = semaphore ZSET; ARGV = token, release channel. Frees the slot and, if it was still
 * held, publishes on the channel so that waiters try again at once rather than at their next poll.
 */
export const RELEASE_SCRIPT = `
if redis.call('ZREM', KEYS[1], ARGV[1]) == 1 then redis.call('PUBLISH', ARGV[2], '1') return 1 end
return 0`;

/** KEYS[1] = semaphore ZSET. Number of unexpired holders. */
export const COUNT_SCRIPT = `${NOW}
return redis.call('ZCOUNT', KEYS[1], '(' .. now, '+inf')`;

/**
 * Runs a Lua script by SHA and loads it on `NOSCRIPT` (first use, or after a Redis restart or
 * SCRIPT FLUSH), so the script body crosses the wire once rather than on every poll.
 * @returns the script's reply
 */
export async function runScript(
  redis: Redis,
  script: string,
  keys: readonly string[],
  args: readonly (string | number)[],
): Promise<unknown> {
  const sha = shaOf(script);
  try {
    return await redis.evalsha(sha, keys.length, ...keys, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return redis.eval(script, keys.length, ...keys, ...args);
  }
}

const shas = new Map<string, string>();
function shaOf(script: string): string {
  let sha = shas.get(script);
  if (!sha) {
    sha = createHash('sha1').update(script).digest('hex');
    shas.set(script, sha);
  }
  return sha;
}
