/**
 * Redis key names of the job machinery, under one prefix so tests and tenants can share a
 * Redis. Per-job keys carry a `{jobId}` hash tag so a Lua script touching them stays on one
 * cluster slot.
 */
export class Keys {
  constructor(readonly prefix: string) {}
  /** The BullMQ prefix (BullMQ adds `:<queue>:…`). */
  get bull(): string {
    return `${this.prefix}:bull`;
  }
  eventLog(jobId: string): string {
    return `${this.prefix}:ev:{${jobId}}`;
  }
  terminal(jobId: string): string {
    return `${this.prefix}:evterm:{${jobId}}`;
  }
  /** The largest value published so far for one monotonic field of a job's events. */
  progressCounter(jobId: string, field: string): string {
    return `${this.prefix}:done:{${jobId}}:${field}`;
  }
  announced(jobId: string): string {
    return `${this.prefix}:announced:{${jobId}}`;
  }
  userChannel(userId: string): string {
    return `${this.prefix}:evch:${userId}`;
  }
  get userChannelPattern(): string {
    return `${this.prefix}:evch:*`;
  }
  activeSlots(userId: string): string {
    return `${this.prefix}:slots:{${userId}}:active`;
  }
  parkedJobs(userId: string): string {
    return `${this.prefix}:slots:{${userId}}:parked`;
  }
  cancelFlag(jobId: string): string {
    return `${this.prefix}:cancel:${jobId}`;
  }
  budget(jobId: string): string {
    return `${this.prefix}:budget:{${jobId}}`;
  }
  get cancelChannel(): string {
    return `${this.prefix}:cancel`;
  }
}
