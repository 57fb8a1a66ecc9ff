import type { ModelOverride, ParamSpecPatch, ProviderEntry } from '../schemas/registry.schema.js';
import {
  frequencyPenalty,
  maxTokens,
  presencePenalty,
  reasoningEffort,
  seed,
  specsOf,
  stop,
  temperature,
  tier3,
  topK,
  topP,
  unsupported,
} from './common.js';

/** Parameters outside a model's `supported_params` are accepted and have no effect (sandbox README). */
function ignores(model: string, params: string[]): ModelOverride {
  const patch = (name: string): ParamSpecPatch => {
    const reason = `${model} ignores ${name} (not in its supported_params: no effect)`;
    // Tier-3 keys are never dropped by the registry, so they only warn.
    return unsupported(reason, name === 'min_p' || name === 'repetition_penalty' ? 'warn' : 'drop');
  };
  return {
    pattern: model,
    params: Object.fromEntries(params.map((p) => [p, patch(p)])),
    notes: `${model}: see GET /sandbox/models/${model}`,
  };
}

/** The simulated OpenAI-compatible LLM of services/sandbox-llm (the test double). */
export const SANDBOX: ProviderEntry = {
  id: 'sandbox',
  display_name: 'Sandbox (simulated)',
  source: [
    { title: 'services/sandbox-llm README', url: 'repo:services/sandbox-llm/README.md' },
    {
      title: 'services/sandbox-llm ChatCompletionRequest schema',
      url: 'repo:services/sandbox-llm/src/schemas/chat-request.schema.ts',
    },
  ],
  notes:
    'Ranges are the sandbox request schema (a value outside them is a 400 naming the field). Parameters a model ' +
    'does not list in supported_params are accepted and ignored. Missing parameters take OpenAI defaults ' +
    '(temperature 1, top_p 1, top_k unset). Fields it does not know (reasoning_effort among them) are ignored.',
  tier3_location: 'extra_body',
  rejects_unknown: false,
  params: specsOf(
    temperature(),
    maxTokens({ notes: 'Text answers are cut at about 4 characters per token.' }),
    stop({ max_items: 4 }),
    topP(),
    topK({ min: -1, notes: '-1, 0 or >= 100 count as unset.' }),
    frequencyPenalty(),
    presencePenalty(),
    seed({ notes: 'A seed (or temperature 0) makes the answer deterministic.' }),
    reasoningEffort({ values: [], ...unsupported('the sandbox ignores reasoning_effort') }),
    tier3('min_p', 'number', { min: 0, max: 1 }),
    tier3('repetition_penalty', 'number', {
      min: 0.01,
      max: 10,
      default: 1,
      notes: 'Must be > 0 and <= 10.',
    }),
  ),
  model_overrides: [
    ignores('sandbox-precise', ['top_k', 'min_p', 'repetition_penalty']),
    ignores('sandbox-creative', ['min_p', 'repetition_penalty']),
    ignores('sandbox-judge', ['top_k', 'min_p', 'repetition_penalty']),
    ignores('sandbox-flaky', [
      'top_k',
      'min_p',
      'repetition_penalty',
      'presence_penalty',
      'frequency_penalty',
    ]),
  ],
  conflicts: [],
  passthrough_known: [
    'min_p',
    'repetition_penalty',
    'n',
    'response_format',
    'parallel_tool_calls',
    'stream_options',
  ],
};
