import type { Redis } from 'ioredis';
import type { Keys } from './keys.js';

/** The dynamic limits of a job: spend and wall-clock (call counts are planned up front). */
export type BudgetLimits = { max_cost_usd?: number | undefined; max_duration_s?: number | undefined };

const TTL_S = 7 * 86_400;

// Charges spend and tells whether a limit is reached, in one step so concurrent units agree.
const CHARGE = `
local cost = redis.call('HINCRBYFLOAT', KEYS[1], 'cost', ARGV[1])
local max_cost = redis.call('HGET', KEYS[1], 'max_cost')
local deadline = redis.call('HGET', KEYS[1], 'deadline')
if max_cost and tonumber(cost) >= tonumber(max_cost) then return 'max_cost_usd' end
if deadline and tonumber(ARGV[2]) >= tonumber(deadline) then return 'max_duration_s' end
return false
`;

/**
 * A job's spend and deadline, shared by every unit of the job on any worker: units charge
 * their cost as results arrive and stop once a limit is reached; the orchestrator stops
 * dispatching. Opening is idempotent, so a resumed orchestrator keeps the original deadline.
 */
export class JobBudget {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async open(jobId: string, limits: BudgetLimits, now = Date.now()): Promise<void> {
    const key = this.keys.budget(jobId);
    const fields: string[] = ['cost', '0'];
    if (limits.max_cost_usd !== undefined) fields.push('max_cost', String(limits.max_cost_usd));
    if (limits.max_duration_s !== undefined)
      fields.push('deadline', String(now + limits.max_duration_s * 1000));
    const tx = this.redis.multi();
    for (let i = 0; i < fields.length; i += 2) tx.hsetnx(key, fields[i]!, fields[i + 1]!);
    await tx.expire(key, TTL_S).exec();
  }

  /** @returns the limit reached after adding `costUsd`, or null */
  async charge(jobId: string, costUsd: number, now = Date.now()): Promise<string | null> {
    const r = await this.redis.eval(CHARGE, 1, this.keys.budget(jobId), String(costUsd), String(now));
    return typeof r === 'string' ? r : null;
  }

  /** @returns the limit already reached, or null */
  exhausted(jobId: string, now = Date.now()): Promise<string | null> {
    return this.charge(jobId, 0, now);
  }

  async close(jobId: string): Promise<void> {
    await this.redis.del(this.keys.budget(jobId));
  }
}
