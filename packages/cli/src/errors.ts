/** Process exit codes: the contract a CI script switches on. */
export const EXIT = {
  ok: 0,
  /** The CI gate failed, or the job failed or was cancelled. */
  failed: 1,
  /** Bad arguments, or the server rejected the request (4xx other than auth). */
  usage: 2,
  /** The server is unreachable or unhealthy, or the credentials are missing or refused. */
  network: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error that ends the command with one line on stderr and its exit code. */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
    /** Worth trying again (a dropped connection, a 5xx), as opposed to a request that will never work. */
    readonly retryable = false,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string) => new CliError(EXIT.usage, message);
