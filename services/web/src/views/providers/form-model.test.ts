import { describe, expect, it } from 'vitest';
import type { ProviderView } from '@llmbench/contracts';
import { budgetStatus } from './account-model';
import {
  emptyForm,
  errorAt,
  firstModelWithError,
  formFromProvider,
  isPlaced,
  paramErrorAt,
  requestBody,
  unplacedDetails,
} from './form-model';

const view: ProviderView = {
  id: '00000000-0000-4000-8000-000000000001',
  provider_key: 'sandbox',
  provider: 'sandbox',
  name: 'Sandbox',
  base_url: 'http://127.0.0.1:8090/v1',
  has_api_key: true,
  max_concurrency: 8,
  models: [
    {
      model_id: 'sandbox-precise',
      display_name: 'Precise',
      skip_params: ['seed'],
      default_params: { temperature: 0.3 },
    },
    { model_id: 'sandbox-flaky', skip_params: [], context_window: 8192, input_price_per_mtok: 0.5 },
  ],
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

describe('provider form model', () => {
  it('round-trips a provider into an update body that keeps the stored key', () => {
    const form = formFromProvider(view);
    expect(form.key_mode).toBe('keep');
    const body = requestBody(form, 'update');
    expect(body).toEqual({
      provider: 'sandbox',
      name: 'Sandbox',
      base_url: 'http://127.0.0.1:8090/v1',
      max_concurrency: 8,
      models: [
        {
          model_id: 'sandbox-precise',
          display_name: 'Precise',
          skip_params: ['seed'],
          default_params: { temperature: 0.3 },
        },
        { model_id: 'sandbox-flaky', context_window: 8192, input_price_per_mtok: 0.5, skip_params: [] },
      ],
    });
    expect('api_key' in body).toBe(false);
    expect('provider_key' in body).toBe(false);
  });

  it('sends a replaced key, null to remove it, and nothing for an empty replacement', () => {
    const form = formFromProvider(view);
    expect(requestBody({ ...form, key_mode: 'replace', api_key: 'sk-new' }, 'update').api_key).toBe('sk-new');
    expect(requestBody({ ...form, key_mode: 'clear' }, 'update').api_key).toBeNull();
    expect('api_key' in requestBody({ ...form, key_mode: 'replace', api_key: '' }, 'update')).toBe(false);
  });

  it('creates with provider_key, parses skip_params and passes bad numbers through for the API to name', () => {
    const form = emptyForm();
    form.provider_key = ' mine ';
    form.models[0] = {
      ...form.models[0]!,
      model_id: 'm',
      skip_params: 'seed, top_k  seed',
      context_window: 'lots',
    };
    const body = requestBody(form, 'create');
    expect(body.provider_key).toBe('mine');
    expect(body.models).toEqual([{ model_id: 'm', context_window: 'lots', skip_params: ['seed', 'top_k'] }]);
  });

  it('maps API detail paths onto fields', () => {
    const details = [
      { path: 'body.base_url', message: 'must be an http(s) URL' },
      { path: 'body.models.1.model_id', message: 'too short' },
      { path: 'body.models.0.default_params.temperature', message: 'temperature must be a number' },
      { path: 'body.weird', message: 'x' },
    ];
    expect(errorAt(details, 'base_url')).toBe('must be an http(s) URL');
    expect(errorAt(details, 'models.1.model_id')).toBe('too short');
    expect(paramErrorAt(details, 0, 'temperature')).toBe('temperature must be a number');
    expect(firstModelWithError(details)).toBe(1);
    expect(unplacedDetails(details, (p) => isPlaced(p, 2)).map((d) => d.path)).toEqual(['body.weird']);
    expect(isPlaced('models.5.model_id', 2)).toBe(false);
  });
});

describe('budget status', () => {
  it('reports what is left and warns near the cap', () => {
    expect(budgetStatus({ budget_usd_monthly: null, spent_this_month_usd: 3 })).toMatchObject({ left: null });
    expect(budgetStatus({ budget_usd_monthly: 10, spent_this_month_usd: 2 })).toMatchObject({
      left: 8,
      tone: 'ok',
    });
    expect(budgetStatus({ budget_usd_monthly: 10, spent_this_month_usd: 9 })).toMatchObject({ tone: 'warn' });
    expect(budgetStatus({ budget_usd_monthly: 10, spent_this_month_usd: 12 })).toMatchObject({
      left: 0,
      tone: 'bad',
    });
  });
});
