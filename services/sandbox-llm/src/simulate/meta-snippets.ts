import type { PromptFeature } from './prompt-features.js';

/**
 * Instruction sentences the meta-model mixes into prompt variations. Some carry a feature the
 * target models reward, some are neutral and two are harmful ("chatty"), so selection has real
 * work to do: evolution must keep the good sentences and drop the bad ones.
 */
export const SNIPPETS: Record<PromptFeature | 'neutral', string[]> = {
  always_call_tool: [
    'Always call a tool to fulfil the request; never answer in plain text when a tool applies.',
    'You must respond with a function call whenever one of the tools can do the job.',
    'Always use the tools: every actionable request gets exactly one tool call.',
  ],
  exact_values: [
    'Copy argument values exactly as written in the request.',
    'Use the exact values from the user message; do not invent or round numbers.',
    'Keep names, places and quoted text verbatim.',
  ],
  schema_types: [
    'Respect each parameter type from the JSON schema (integers, numbers, booleans, enums).',
    'Fill every required parameter and use only allowed enum values.',
  ],
  irrelevance_guard: ['If no tool fits the request, reply briefly in text without calling a tool.'],
  numbered_rules: [],
  brevity: [],
  chatty: [
    'Think step by step and explain your reasoning before acting.',
    'Describe what you are doing in a friendly, chatty tone.',
  ],
  neutral: [
    'Pick the single most relevant tool.',
    'Read the whole request before acting.',
    'Prefer one precise call over several guesses.',
    'Be concise.',
    'Stay polite and professional.',
  ],
};

/** Every snippet with its group, for uniform sampling. */
export const ALL_SNIPPETS: Array<{ group: keyof typeof SNIPPETS; text: string }> = Object.entries(
  SNIPPETS,
).flatMap(([group, texts]) => texts.map((text) => ({ group: group as keyof typeof SNIPPETS, text })));

/** Role sentence used when the meta-prompt gives no base prompt. */
export const DEFAULT_ROLE = 'You are a helpful assistant that uses the provided tools to complete requests.';

/** Styles the quick meta-prompt asks for (product spec 5.2), cycled through in order. */
export const QUICK_STYLES = ['concise', 'detailed', 'structured', 'conversational', 'technical'] as const;

/** Mutation kinds of the evolutionary mode; the first two are always produced when N ≥ 2. */
export const MUTATIONS = [
  'conservative',
  'bold',
  'crossover',
  'add_instruction',
  'remove_instruction',
  'rephrase',
] as const;
export type Mutation = (typeof MUTATIONS)[number];
