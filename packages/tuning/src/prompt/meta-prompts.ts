/** What the meta-model is told about the suite: its tools and a few scenarios. */
export interface SuiteBrief {
  tools: { name: string; description: string; params: string[] }[];
  /** Test prompts with the tool they expect (null: no tool should be called). */
  scenarios: { prompt: string; expected_tool: string | null }[];
}

/** A parent prompt of an evolutionary generation, with what it got wrong. */
export interface ParentBrief {
  index: number;
  score: number;
  text: string;
  failures: {
    prompt: string;
    expected_tool: string | null;
    actual_tool: string | null;
    error: string | null;
  }[];
}

export const QUICK_STYLES = ['concise', 'detailed', 'structured', 'conversational', 'technical'] as const;
export const MUTATION_TYPES = ['conservative', 'bold', 'crossover'] as const;

const MAX_SCENARIOS = 10;
const MAX_FAILURES = 5;
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function toolsSection(brief: SuiteBrief): string {
  return brief.tools
    .map((t) => `- ${t.name}: ${cut(t.description, 100)} (params: ${t.params.join(', ') || 'none'})`)
    .join('\n');
}

function scenariosSection(brief: SuiteBrief): string {
  return brief.scenarios
    .slice(0, MAX_SCENARIOS)
    .map((s) => `- "${cut(s.prompt, 120)}" → ${s.expected_tool ?? 'no tool (answer in text)'}`)
    .join('\n');
}

/** The suite part of every meta-prompt: its tools and scenarios. */
function briefLines(brief: SuiteBrief): string[] {
  return [
    'Tools:',
    toolsSection(brief),
    '',
    'Scenarios (request → expected tool):',
    scenariosSection(brief),
    '',
  ];
}

/** JSON schema of the meta-model's answer (not strict, so lineage fields survive). */
export const PROMPT_LIST_SCHEMA = {
  name: 'prompt_list',
  schema: {
    type: 'object',
    properties: {
      prompts: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            style: { type: 'string' },
            prompt: { type: 'string' },
            parent_index: { type: 'integer' },
            mutation_type: { type: 'string' },
          },
          required: ['prompt'],
        },
      },
    },
    required: ['prompts'],
  },
} as const;

/**
 * The quick-mode meta-prompt: `count` distinct system prompts in different styles, grounded in the
 * suite's tools and scenarios and built from the base prompt.
 */
export function quickMetaPrompt(input: { brief: SuiteBrief; base: string; count: number }): string {
  return [
    `You are a prompt-engineering expert. Generate ${input.count} distinct system prompts for a model that must call tools reliably.`,
    'Vary structure, tone and emphasis (not just wording). Every prompt must tell the model to use the tools. Keep each under 500 tokens.',
    `Suggested styles, one each: ${QUICK_STYLES.join(', ')}.`,
    '',
    ...briefLines(input.brief),
    `Base prompt: """${input.base}"""`,
    '',
    'Return only JSON: {"prompts":[{"style":"…","prompt":"…"}]}',
  ].join('\n');
}

/**
 * The evolutionary meta-prompt: children of the surviving parents — at least one conservative refinement
 * of the best parent and one bold rewrite, crossovers of two parents when allowed — told what each
 * parent got wrong, so mutations aim at real failures.
 */
export function evolutionMetaPrompt(input: {
  brief: SuiteBrief;
  parents: ParentBrief[];
  count: number;
  crossover: boolean;
}): string {
  const parents = input.parents.flatMap((p) => [
    `#${p.index} (score=${p.score.toFixed(2)}): "${p.text.replace(/\n/g, '\\n')}"`,
    ...p.failures
      .slice(0, MAX_FAILURES)
      .map(
        (f) =>
          `   failed: "${cut(f.prompt, 120)}" expected ${f.expected_tool ?? 'no tool'}, got ${f.actual_tool ?? (f.error ? `error (${cut(f.error, 60)})` : 'no tool')}`,
      ),
  ]);
  const kinds = input.crossover ? MUTATION_TYPES : MUTATION_TYPES.filter((k) => k !== 'crossover');
  return [
    `You are mutating winning system prompts for a tool-calling model. Produce ${input.count} new child prompts.`,
    'Keep the core intent; change structure, phrasing, emphasis or instructions to fix the failures listed under each parent.',
    `Include at least one "conservative" mutation (a small refinement of the best parent) and one "bold" mutation (very different).${input.crossover ? ' A "crossover" combines the strengths of two parents.' : ''}`,
    `Allowed mutation_type values: ${kinds.join(', ')}.`,
    '',
    'Parents:',
    ...parents,
    '',
    ...briefLines(input.brief),
    'Return only JSON: {"prompts":[{"parent_index":1,"mutation_type":"conservative","prompt":"…"}]}',
  ].join('\n');
}
