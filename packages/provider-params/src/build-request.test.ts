import { describe, expect, it } from 'vitest';
import { buildRequestParams } from './build-request.js';
import { REGISTRY_VERSION } from './registry.js';
import { actions, run } from './test-support/run.js';

describe(buildRequestParams.name, () => {
  describe('pipeline order', () => {
    it('validates → clamps → resolves conflicts → drops → renames → merges passthrough', () => {
      const sut = run(
        'anthropic',
        'claude-sonnet-4-5',
        {
          temperature: 1.5,
          top_p: 0.5,
          seed: 3,
          stop: ['x'],
          reasoning_effort: 'high',
          foo: 1,
          top_k: 'many',
        },
        { skip_params: ['stop'], passthrough: { metadata: { user_id: 'u1' } } },
      );
      expect(sut.errors).toEqual([{ path: 'params.top_k', message: 'top_k must be an integer' }]);
      expect(actions(sut)).toEqual([
        'clamped:temperature', // stage 3: range
        'dropped:temperature', // stage 4: thinking (from reasoning_effort) rules out temperature
        'clamped:top_p', // stage 4: thinking needs top_p >= 0.95
        'warn:reasoning_effort', // stage 4: thinking without max_tokens
        'dropped:stop', // stage 5: skip_params
        'dropped:seed', // stage 5: unsupported
        'renamed:reasoning_effort', // stage 6
        'warn:foo', // stage 7: unknown key passed through
      ]);
      expect(sut.params).toEqual({
        foo: 1,
        metadata: { user_id: 'u1' },
        thinking: { type: 'enabled', budget_tokens: 10000 },
        top_p: 0.95,
      });
    });

    it('describes each adjustment with original, value and reason', () => {
      const sut = run('openai', 'o3', { temperature: 0.2, max_tokens: 10 });
      expect(sut.adjustments).toEqual([
        {
          param: 'temperature',
          action: 'clamped',
          original: 0.2,
          value: 1,
          reason: 'this model accepts only 1',
        },
        {
          param: 'max_tokens',
          action: 'renamed',
          original: 10,
          value: 10,
          to: 'max_completion_tokens',
          reason: 'OpenAI expects max_completion_tokens for this model',
        },
      ]);
    });

    it('returns sorted keys, the registry version, and is deterministic', () => {
      const input = {
        provider: 'vllm',
        model_id: 'm',
        params: { top_p: 0.5, temperature: 0.1 },
        passthrough: { min_p: 0.1 },
      };
      const sut = buildRequestParams(input);
      expect(Object.keys(sut.params)).toEqual(['min_p', 'temperature', 'top_p']);
      expect(sut.registry_version).toBe(REGISTRY_VERSION);
      expect(buildRequestParams(input)).toEqual(sut);
    });
  });

  it('returns bodies that do not share objects with the registry', () => {
    const first = run('anthropic', 'claude-sonnet-4-5', { reasoning_effort: 'low' });
    (first.params.thinking as { budget_tokens: number }).budget_tokens = 1;
    expect(run('anthropic', 'claude-sonnet-4-5', { reasoning_effort: 'low' }).params.thinking).toEqual({
      type: 'enabled',
      budget_tokens: 2000,
    });
  });

  describe('errors', () => {
    it.each([
      [{ temperature: 'hot' }, 'params.temperature', 'temperature must be a finite number'],
      [{ temperature: Number.NaN }, 'params.temperature', 'temperature must be a finite number'],
      [{ top_k: 4.5 }, 'params.top_k', 'top_k must be an integer'],
      [{ stop: [1, 2] }, 'params.stop', 'stop must be a string or an array of strings'],
      [{ seed: '42' }, 'params.seed', 'seed must be an integer'],
      [
        { reasoning_effort: 'ultra' },
        'params.reasoning_effort',
        'reasoning_effort must be one of: none, minimal, low, medium, high, xhigh, max',
      ],
      [
        { max_completion_tokens: true },
        'params.max_completion_tokens',
        'max_completion_tokens must be an integer',
      ],
    ])('%j → %s', (params, path, message) => {
      const sut = run('openai_compatible', 'm', { ...params, temperature_ok: 1 });
      expect(sut.errors).toEqual([{ path, message }]);
      expect(Object.keys(sut.params)).toEqual(['temperature_ok']);
    });

    it.each([
      [{ params: 'x' }, 'params', 'params must be a JSON object'],
      [{ params: [1] }, 'params', 'params must be a JSON object'],
      [{ passthrough: 'x' }, 'passthrough', 'passthrough must be a JSON object'],
      [{ passthrough: [{ a: 1 }] }, 'passthrough', 'passthrough must be a JSON object'],
      [{ skip_params: 'top_k' }, 'skip_params', 'skip_params must be an array of strings'],
      [{ model_id: ' ' }, 'model_id', 'model_id must be a non-empty string'],
    ])('%j → error at %s', (override, path, message) => {
      const sut = buildRequestParams({ provider: 'openai', model_id: 'gpt-4o', params: {}, ...override });
      expect(sut.errors).toContainEqual({ path, message });
    });

    it('rejects an unknown provider id, naming the field', () => {
      const sut = buildRequestParams({
        provider: 'zai_glm',
        model_id: 'glm-4.6',
        params: { temperature: 1 },
      });
      expect(sut.errors).toHaveLength(1);
      expect(sut.errors[0]?.path).toBe('provider');
      expect(sut.errors[0]?.message).toMatch(/unknown provider "zai_glm"; expected one of openai, .*sandbox/);
      expect(sut.params).toEqual({});
    });

    it('checks passthrough types against tier-3 specs only as warnings', () => {
      const sut = run('ollama', 'llama3', {}, { passthrough: { mirostat: 5, keep_alive: 10 } });
      expect(sut.errors).toEqual([]);
      expect(sut.params).toEqual({ mirostat: 5, keep_alive: 10 });
      expect(sut.warnings).toContain('mirostat: mirostat above the maximum 2; sent as-is');
      expect(sut.warnings).toContain('keep_alive: keep_alive must be a string; sent as-is');
    });
  });

  describe('provider identification', () => {
    it('infers the provider when none is given, and warns on the generic fallback', () => {
      expect(buildRequestParams({ model_id: 'claude-sonnet-4-5', params: {} }).provider).toBe('anthropic');
      const sut = buildRequestParams({ model_id: 'llama3', params: {} });
      expect(sut.provider).toBe('openai_compatible');
      expect(sut.warnings[0]).toMatch(/generic OpenAI-compatible entry/);
    });

    it('matches overrides against the model id without its routing prefix', () => {
      expect(run('openai', 'openai/o3', { max_tokens: 5 }).params).toEqual({ max_completion_tokens: 5 });
    });
  });

  describe('nulls, duplicates and unknown keys', () => {
    it('treats null as unset', () => {
      const sut = run(
        'openai',
        'gpt-4o',
        { temperature: null, top_p: 0.5 },
        { passthrough: { service_tier: null } },
      );
      expect(sut.params).toEqual({ top_p: 0.5 });
      expect(sut.adjustments).toEqual([]);
    });

    it('keeps the wire spelling when a parameter is given twice', () => {
      const sut = run('openai', 'o4-mini', { max_tokens: 10, max_completion_tokens: 20 });
      expect(sut.params).toEqual({ max_completion_tokens: 20 });
      expect(sut.adjustments[0]).toMatchObject({ param: 'max_tokens', action: 'dropped', original: 10 });
    });

    it('passes unknown params keys through with a warning (and names the 4xx risk)', () => {
      const sut = run('openai', 'gpt-4o', { logit_bias: { '1': 2 }, wat: 1 });
      expect(sut.params).toEqual({ logit_bias: { '1': 2 }, wat: 1 });
      expect(actions(sut)).toEqual(['warn:wat']);
      expect(sut.warnings).toEqual([
        'wat: not in the OpenAI registry; sent as-is (OpenAI rejects unknown fields: expect a 4xx)',
      ]);
    });
  });

  describe('passthrough', () => {
    it('merges passthrough keys as-is, known ones without warnings', () => {
      const sut = run(
        'vllm',
        'm',
        { temperature: 0.5 },
        { passthrough: { guided_choice: ['a', 'b'], custom: { x: [1] } } },
      );
      expect(sut.params).toEqual({ temperature: 0.5, guided_choice: ['a', 'b'], custom: { x: [1] } });
      expect(actions(sut)).toEqual(['warn:custom']);
    });

    it('validates a tier-1/2 key given in passthrough like a param', () => {
      const sut = run('openai', 'gpt-4o', {}, { passthrough: { temperature: 9 } });
      expect(sut.params).toEqual({ temperature: 2 });
      expect(actions(sut)).toEqual(['warn:temperature', 'clamped:temperature']);
    });

    it('prefers params over a passthrough copy of the same registry parameter', () => {
      const sut = run('openai', 'gpt-4o', { temperature: 0.3 }, { passthrough: { temperature: 0.9 } });
      expect(sut.params).toEqual({ temperature: 0.3 });
      expect(sut.adjustments[0]).toMatchObject({
        param: 'passthrough.temperature',
        action: 'dropped',
        original: 0.9,
      });
    });

    it('lets passthrough override a field derived from params, with a warning', () => {
      const sut = run(
        'deepseek',
        'deepseek-chat',
        { reasoning_effort: 'high' },
        { passthrough: { thinking: { type: 'disabled' } } },
      );
      expect(sut.params).toEqual({ reasoning_effort: 'high', thinking: { type: 'disabled' } });
      expect(actions(sut)).toEqual(['warn:thinking']);
    });

    it('lets passthrough replace an unknown params key, with a warning', () => {
      const sut = run('vllm', 'm', { custom: 1 }, { passthrough: { custom: 2 } });
      expect(sut.params).toEqual({ custom: 2 });
      expect(actions(sut)).toEqual(['warn:custom', 'warn:custom']);
    });

    it('reports which keys a typed SDK must send through extra_body', () => {
      expect(
        run('openai', 'gpt-4o', { seed: 1 }, { passthrough: { service_tier: 'flex' } }).extra_body_keys,
      ).toEqual([]);
      expect(
        run('vllm', 'm', { top_k: 5, seed: 1 }, { passthrough: { guided_json: {} } }).extra_body_keys,
      ).toEqual(['guided_json', 'top_k']);
      expect(run('mistral', 'mistral-small', { seed: 1 }).extra_body_keys).toEqual(['random_seed']);
      expect(
        run('gemini', 'gemini-2.5-flash', {}, { passthrough: { extra_body: { google: {} } } })
          .extra_body_keys,
      ).toEqual(['extra_body']);
    });
  });

  describe('skip_params', () => {
    it('drops skipped keys given by name, wire name or alias, in params or passthrough', () => {
      const sut = run(
        'mistral',
        'mistral-small',
        { random_seed: 1, max_tokens: 10, top_p: 0.5 },
        { skip_params: ['seed', 'max_completion_tokens', 'safe_prompt'], passthrough: { safe_prompt: true } },
      );
      expect(sut.params).toEqual({ top_p: 0.5 });
      expect(sut.adjustments.map((a) => [a.param, a.action, a.reason])).toEqual([
        ['random_seed', 'dropped', "seed is in the model's skip_params"],
        ['max_tokens', 'dropped', "max_completion_tokens is in the model's skip_params"],
        ['safe_prompt', 'dropped', "safe_prompt is in the model's skip_params"],
      ]);
    });

    it('keeps skipped parameters out of conflict rules', () => {
      const sut = run(
        'anthropic',
        'claude-sonnet-4-5',
        { temperature: 0.5, top_p: 0.9 },
        { skip_params: ['temperature'] },
      );
      expect(sut.params).toEqual({ top_p: 0.9 });
      expect(actions(sut)).toEqual(['dropped:temperature']);
    });
  });
});
