/**
 * The error-code registry: each stable code has one HTTP status. Clients switch on `code`,
 * never on the message.
 */
export const ERROR_CODES = {
  validation_failed: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  provider_error: 502,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export type ErrorDetail = { path: string; message: string; code?: string };

/** The JSON body of every error response. */
export type ErrorBody = { error: { code: ErrorCode; message: string; details?: ErrorDetail[] } };

/**
 * An error with a stable code; the gateway renders it as `{"error": {code, message, details}}`
 * with the code's status.
 * @example throw new AppError('not_found', 'tool suite not found')
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string = code.replace(/_/g, ' '),
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_CODES[code];
  }

  /** The wire body for this error. */
  toBody(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) },
    };
  }
}
