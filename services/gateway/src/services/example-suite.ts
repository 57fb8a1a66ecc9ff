import type { SuiteImport } from '@llmbench/contracts';

/** The example served by `GET /api/tool-eval/import/example`: every field of the format once. */
export const EXAMPLE_SUITE: SuiteImport = {
  name: 'Weather assistant (example)',
  description: 'Shows every field of the import format.',
  system_prompt: 'You are a weather assistant. Always answer by calling one of the tools.',
  tools: [
    {
      type: 'function',
      function: {
        name: 'get_weather',
        description: 'Current weather for a city',
        parameters: {
          type: 'object',
          properties: {
            city: { type: 'string', description: 'City name, e.g. Paris' },
            unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
          },
          required: ['city'],
        },
      },
    },
    {
      type: 'function',
      function: {
        name: 'get_forecast',
        description: 'Forecast for the next days',
        parameters: {
          type: 'object',
          properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1, maximum: 14 } },
          required: ['city', 'days'],
        },
      },
    },
  ],
  test_cases: [
    {
      prompt: 'What is the weather in Paris in celsius?',
      expected_tool: 'get_weather',
      expected_params: { city: 'Paris', unit: 'celsius' },
    },
    {
      prompt: 'Will it rain in Oslo over the next 3 days?',
      expected_tool: ['get_forecast', 'get_weather'],
      expected_params: { city: 'Oslo' },
      param_scoring: 'case_insensitive',
      scoring_config: { per_key: { city: { mode: 'contains' } } },
      category: 'forecast',
    },
    { prompt: 'Tell me a joke.', expected_tool: null, category: 'irrelevance' },
    {
      prompt: 'Check the weather in Rome, then get the 5 day forecast for it.',
      expected_tool: 'get_forecast',
      expected_params: { city: 'Rome', days: 5 },
      multi_turn: true,
      max_rounds: 4,
      optimal_hops: 2,
      valid_prerequisites: ['get_weather'],
      mock_responses: { get_weather: { city: 'Rome', temperature_c: 21, condition: 'sunny' } },
      category: 'multi-step',
    },
  ],
};
