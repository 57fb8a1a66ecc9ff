/** Removing secrets from text and request parameters before they are stored or streamed. */

// Long enough for provider messages, short enough to keep result rows small.
const MAX_ERROR_LENGTH = 500;

// Key-value forms first, so `Authorization: Bearer x` loses its scheme and value in one piece.
const SECRET_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /\b((?:x-)?api[_-]?key|access[_-]?token|auth[_-]?token|secret|password|authorization)(["']?\s*[:=]\s*["']?)(?:(?:Bearer|Basic)\s+)?[^\s"',;&}]+/gi,
    '$1$2[redacted]',
  ],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer [redacted]'],
  [/\b(sk|pk|rk)-[A-Za-z0-9_-]{6,}/g, '$1-[redacted]'],
  [/\b(AIza)[A-Za-z0-9_-]{20,}/g, '$1[redacted]'],
  [/([?&](?:api[_-]?)?key=)[^&\s"']+/gi, '$1[redacted]'],
];

/**
 * Strips anything that looks like a credential (bearer tokens, `sk-…` keys, `api_key=…`,
 * `Authorization: …`) from an error message and truncates it.
 * @param message raw error text (may come from a provider and echo the request)
 * @returns the sanitised text (at most 500 characters)
 * @example
 * sanitizeErrorText('401: Incorrect API key provided: sk-abc123456789'); // '401: Incorrect API key provided: sk-[redacted]'
 */
export function sanitizeErrorText(message: string): string {
  let out = message;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out.length > MAX_ERROR_LENGTH ? `${out.slice(0, MAX_ERROR_LENGTH - 1)}…` : out;
}

// Not a bare "token": max_tokens and max_completion_tokens are ordinary parameters.
const SECRET_KEY =
  /(api[_-]?key|access[_-]?token|auth[_-]?token|bearer|^token$|secret|password|authorization|headers|credential)/i;

/**
 * Drops request parameters that may carry credentials (`api_key`, `extra_headers`, ...).
 * @param params provider kwargs
 * @returns a copy without secret-looking keys
 */
export function sanitizeParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([k]) => !SECRET_KEY.test(k)));
}
