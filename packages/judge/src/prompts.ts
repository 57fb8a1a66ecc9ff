/** A model's call as the judge sees it. */
export interface CallEvidence {
  tool: string | null;
  params: Record<string, unknown> | null;
  error: string | null;
}

/** One case to judge. */
export interface CaseEvidence {
  case_id: string;
  prompt: string;
  expected_tool: string | string[] | null;
  expected_params: Record<string, unknown> | null;
}

const show = (v: unknown) => (v === null || v === undefined ? 'none' : JSON.stringify(v));
const instructions = (custom: string) =>
  custom.trim() ? `\nAdditional instructions from the user: ${custom.trim()}\n` : '';

/** The per-case verdict prompt. */
export function verdictPrompt(c: CaseEvidence, actual: CallEvidence, custom = ''): string {
  return [
    'You are an expert evaluator of tool-calling language models. Judge whether the model handled this request well.',
    `User request: ${JSON.stringify(c.prompt)}`,
    `Expected tool: ${show(c.expected_tool)}`,
    `Expected params: ${show(c.expected_params)}`,
    `Actual tool: ${show(actual.tool)}`,
    `Actual params: ${show(actual.params)}`,
    actual.error ? `Error: ${actual.error}` : '',
    instructions(custom),
    'Reply with JSON only: {"quality_score": 1-5, "verdict": "pass"|"marginal"|"fail", "summary": "<= 100 chars", "reasoning": "...", "tool_selection_assessment": "correct"|"acceptable_alternative"|"wrong", "param_assessment": "exact"|"close"|"partial"|"wrong"}',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The per-model report prompt, from the case verdicts. */
export function reportPrompt(
  model: string,
  lines: { case_id: string; verdict: string; quality_score: number; summary: string }[],
  custom = '',
): string {
  return [
    `You are writing an evaluation report on the tool-calling model. Model: ${model}`,
    'Per-case verdicts:',
    ...lines.map((l) => `Case ${l.case_id}: ${l.verdict} (score ${l.quality_score}/5) - ${l.summary}`),
    instructions(custom),
    'Reply with JSON only: {"overall_grade": "A+".."F", "overall_score": 0-100, "strengths": [], "weaknesses": [], "cross_case_analysis": "...", "recommendations": []}',
  ]
    .filter(Boolean)
    .join('\n');
}

const call = (e: CallEvidence) =>
  e.tool === null
    ? e.error
      ? `no call (error: ${e.error})`
      : 'no call'
    : `${e.tool}(${JSON.stringify(e.params ?? {})})`;

/** The A/B comparison prompt of one case. */
export function comparePrompt(c: CaseEvidence, a: CallEvidence, b: CallEvidence, custom = ''): string {
  return [
    'You compare two tool-calling models on the same request. Pick the one whose call better fulfils it.',
    `Test case id: ${c.case_id}`,
    `User request: ${JSON.stringify(c.prompt)}`,
    `Expected tool: ${show(c.expected_tool)}`,
    `Expected params: ${show(c.expected_params)}`,
    `Model A: ${call(a)}`,
    `Model B: ${call(b)}`,
    instructions(custom),
    'Respond with JSON only: {"winner": "model_a"|"model_b"|"tie", "confidence": 0-1, "reasoning": "..."}',
  ]
    .filter(Boolean)
    .join('\n');
}
