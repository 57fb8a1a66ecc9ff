/** Plain values of the suite contracts, without zod: the schemas use them and the web app bundles them. */

/** How an expected parameter value is compared with the model's. `bfcl` = BFCL's own checker. */
export const PARAM_SCORING_MODES = [
  'exact',
  'case_insensitive',
  'contains',
  'numeric_tolerance',
  'regex',
  'bfcl',
] as const;

/** OpenAI function names: what the chat-completions API accepts. */
export const TOOL_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;
