/** The expected tool of a case: one name, a list of acceptable names, or null = call nothing. */
export type ExpectedTool = string | readonly string[] | null;

/**
 * @param expected the expected tool(s)
 * @returns the acceptable names, lower-cased (empty when no call is expected)
 */
export function expectedToolNames(expected: ExpectedTool): string[] {
  if (expected === null) return [];
  const names = typeof expected === 'string' ? [expected] : expected;
  return names.map((n) => n.toLowerCase());
}

/**
 * Whether a called tool is one of the expected ones (case-insensitive).
 * @param expected the expected tool(s)
 * @param name the called tool's name
 * @returns false when no call is expected
 */
export function isExpectedTool(expected: ExpectedTool, name: string): boolean {
  return expectedToolNames(expected).includes(name.toLowerCase());
}

/**
 * Tool selection score, 0 or 1.
 * - expected null: 1 when nothing was called, else 0;
 * - otherwise 1 when the called tool is an acceptable name (case-insensitive), else 0.
 * @param expected the expected tool(s)
 * @param actual the scored call's tool name; null when the model called nothing
 * @returns 0 or 1
 * @example
 * scoreToolSelection(['get_weather', 'get_forecast'], 'GET_WEATHER'); // 1
 * scoreToolSelection(null, null); // 1 (correct abstention)
 */
export function scoreToolSelection(expected: ExpectedTool, actual: string | null): 0 | 1 {
  if (expected === null) return actual === null ? 1 : 0;
  if (actual === null) return 0;
  return isExpectedTool(expected, actual) ? 1 : 0;
}
