import { describe, expect, it } from 'vitest';
import {
  buildRequest,
  initialForm,
  plannedCalls,
  rerunQuery,
  serverFieldErrors,
  type FormState,
} from './form-model';

const base = (over: Partial<FormState> = {}): FormState => ({
  ...initialForm(new URLSearchParams()),
  suite_id: 'suite-1',
  targets: [{ provider_key: 'sandbox', model_id: 'sandbox-precise' }],
  ...over,
});
const noPrompts = () => undefined;

describe('run form → request', () => {
  it('sends only what was set, with the defaults the API expects', () => {
    const built = buildRequest(base(), noPrompts);
    expect(built).toEqual({
      body: {
        suite_id: 'suite-1',
        targets: [{ provider_key: 'sandbox', model_id: 'sandbox-precise' }],
        tool_choice: 'required',
        params: {},
        system_prompt: null,
        repeats: 1,
      },
    });
  });

  it('includes temperature, concurrency, a case subset, a saved prompt and a live judge', () => {
    const built = buildRequest(
      base({
        temperature: '0.7',
        concurrency: '2',
        repeats: '3',
        case_ids: ['c1'],
        prompt_mode: 'saved',
        saved_prompt_id: 'p1',
        judge_enabled: true,
        judge_target: [{ provider_key: 'sandbox', model_id: 'sandbox-judge' }],
        judge_threshold: '0.5',
      }),
      (id) => (id === 'p1' ? 'Be terse.' : undefined),
    );
    expect('body' in built && built.body).toMatchObject({
      temperature: 0.7,
      concurrency: 2,
      repeats: 3,
      case_ids: ['c1'],
      system_prompt: 'Be terse.',
      judge: {
        mode: 'live_inline',
        judge_target: { provider_key: 'sandbox', model_id: 'sandbox-judge' },
        auto_on_failure_threshold: 0.5,
      },
    });
  });

  it('names every field to fix before sending', () => {
    const built = buildRequest(
      base({
        suite_id: '',
        targets: [],
        temperature: '3',
        repeats: '0',
        concurrency: '1.5',
        case_ids: [],
        prompt_mode: 'custom',
        system_prompt: '  ',
        judge_enabled: true,
      }),
      noPrompts,
    );
    expect('errors' in built && Object.keys(built.errors).sort()).toEqual([
      'case_ids',
      'concurrency',
      'judge.judge_target',
      'repeats',
      'suite_id',
      'system_prompt',
      'targets',
      'temperature',
    ]);
  });

  it('maps server error paths onto the form fields', () => {
    expect(
      serverFieldErrors([
        { path: 'body.targets.1', message: 'duplicate target' },
        { path: 'body.judge.judge_target', message: 'give judge_target' },
        { path: 'body.temperature', message: 'too big' },
        { path: 'body.unknown', message: 'ignored' },
      ]),
    ).toEqual({
      targets: 'duplicate target',
      'judge.judge_target': 'give judge_target',
      temperature: 'too big',
    });
  });

  it('preselects the suite and saved prompt from the URL and counts the calls', () => {
    const f = initialForm(new URLSearchParams('suite_id=s9&system_prompt_id=p3'));
    expect([f.suite_id, f.prompt_mode, f.saved_prompt_id]).toEqual(['s9', 'saved', 'p3']);
    expect(plannedCalls(27, base({ repeats: '2' }))).toBe(54);
    expect(plannedCalls(27, base({ case_ids: ['a', 'b'] }))).toBe(2);
    expect(plannedCalls(null, base())).toBeNull();
  });
});

describe('run again', () => {
  it("round-trips a stored run's settings through the form URL", () => {
    const q = rerunQuery({
      suite_id: 's1',
      targets: [
        { provider_key: 'sandbox', model_id: 'sandbox-precise' },
        { provider_key: 'ollama', model_id: 'qwen2.5:7b' },
      ],
      config: { temperature: 0.3, tool_choice: 'auto', repeats: 3, concurrency: 2, params: { top_p: 0.9 } },
    });
    const built = buildRequest(initialForm(new URLSearchParams(q)), () => undefined);
    expect('body' in built && built.body).toEqual({
      suite_id: 's1',
      targets: [
        { provider_key: 'sandbox', model_id: 'sandbox-precise' },
        { provider_key: 'ollama', model_id: 'qwen2.5:7b' },
      ],
      temperature: 0.3,
      tool_choice: 'auto',
      params: { top_p: 0.9 },
      system_prompt: null,
      repeats: 3,
      concurrency: 2,
    });
  });

  it('ignores malformed URL values', () => {
    const f = initialForm(new URLSearchParams('targets=nonsense,,a::b&tool_choice=maybe&params={oops'));
    expect(f.targets).toEqual([{ provider_key: 'a', model_id: 'b' }]);
    expect(f.tool_choice).toBe('required');
    expect(f.params).toEqual({});
  });
});
