/** The run form's state and how it becomes a `POST /api/tool-eval` body (pure, unit-tested). */

export type Target = { provider_key: string; model_id: string };

export type PromptMode = 'suite' | 'custom' | 'saved';

export type FormState = {
  suite_id: string;
  targets: Target[];
  temperature: string;
  tool_choice: 'required' | 'auto' | 'none';
  params: Record<string, unknown>;
  prompt_mode: PromptMode;
  system_prompt: string;
  saved_prompt_id: string;
  repeats: string;
  concurrency: string;
  /** null = every case of the suite. */
  case_ids: string[] | null;
  judge_enabled: boolean;
  judge_mode: 'live_inline' | 'post_eval';
  judge_target: Target[];
  judge_threshold: string;
};

function parseTargets(v: string | null): Target[] {
  return (v ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => /^[^:]+::.+$/.test(k))
    .map((k) => {
      const at = k.indexOf('::');
      return { provider_key: k.slice(0, at), model_id: k.slice(at + 2) };
    });
}

function parseParams(v: string | null): Record<string, unknown> {
  try {
    const p: unknown = v ? JSON.parse(v) : {};
    return p && typeof p === 'object' && !Array.isArray(p) ? (p as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const TOOL_CHOICES = ['required', 'auto', 'none'] as const;

/**
 * The form as the URL preselects it: `suite_id`, `system_prompt_id`, and (from "run again")
 * `targets=p::m,p::m2`, `temperature`, `tool_choice`, `repeats`, `concurrency`, `params` (JSON).
 */
export const initialForm = (q: URLSearchParams): FormState => ({
  suite_id: q.get('suite_id') ?? '',
  targets: parseTargets(q.get('targets')),
  temperature: q.get('temperature') ?? '',
  tool_choice: TOOL_CHOICES.find((c) => c === q.get('tool_choice')) ?? 'required',
  params: parseParams(q.get('params')),
  prompt_mode: q.get('system_prompt_id') ? 'saved' : 'suite',
  system_prompt: '',
  saved_prompt_id: q.get('system_prompt_id') ?? '',
  repeats: q.get('repeats') ?? '1',
  concurrency: q.get('concurrency') ?? '',
  case_ids: null,
  judge_enabled: false,
  judge_mode: 'live_inline',
  judge_target: [],
  judge_threshold: '',
});

export type FieldErrors = Record<string, string>;

const numberOrUndefined = (s: string) => (s.trim() === '' ? undefined : Number(s));

/**
 * The request body, or the fields to fix first (messages keyed by the API's field names, so
 * client and server errors show in the same place).
 */
export function buildRequest(
  f: FormState,
  savedPrompt: (id: string) => string | undefined,
): { body: Record<string, unknown> } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!f.suite_id) errors.suite_id = 'Choose a suite to run.';
  if (f.targets.length === 0) errors.targets = 'Choose at least one model.';
  const temperature = numberOrUndefined(f.temperature);
  if (temperature !== undefined && !(temperature >= 0 && temperature <= 2))
    errors.temperature = 'Between 0 and 2, or empty for the model default.';
  const repeats = numberOrUndefined(f.repeats) ?? 1;
  if (!Number.isInteger(repeats) || repeats < 1 || repeats > 20)
    errors.repeats = 'A whole number from 1 to 20.';
  const concurrency = numberOrUndefined(f.concurrency);
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64))
    errors.concurrency = 'A whole number from 1 to 64, or empty for the default (4).';
  if (f.case_ids !== null && f.case_ids.length === 0)
    errors.case_ids = 'Pick at least one case, or run them all.';
  let system_prompt: string | null = null;
  if (f.prompt_mode === 'custom') {
    if (!f.system_prompt.trim()) errors.system_prompt = 'Write a system prompt, or use the suite’s.';
    else system_prompt = f.system_prompt;
  } else if (f.prompt_mode === 'saved') {
    const text = f.saved_prompt_id ? savedPrompt(f.saved_prompt_id) : undefined;
    if (text === undefined) errors.system_prompt = 'Choose a saved prompt.';
    else system_prompt = text;
  }
  let judge: Record<string, unknown> | undefined;
  if (f.judge_enabled) {
    if (f.judge_target.length === 0) errors['judge.judge_target'] = 'Choose the judge model.';
    const threshold = numberOrUndefined(f.judge_threshold);
    if (threshold !== undefined && !(threshold >= 0 && threshold <= 1))
      errors['judge.auto_on_failure_threshold'] = 'Between 0 and 1, or empty to judge every case.';
    judge = {
      mode: f.judge_mode,
      judge_target: f.judge_target[0],
      ...(threshold !== undefined ? { auto_on_failure_threshold: threshold } : {}),
    };
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      suite_id: f.suite_id,
      targets: f.targets,
      ...(temperature !== undefined ? { temperature } : {}),
      tool_choice: f.tool_choice,
      params: f.params,
      system_prompt,
      repeats,
      ...(concurrency !== undefined ? { concurrency } : {}),
      ...(f.case_ids !== null ? { case_ids: f.case_ids } : {}),
      ...(judge ? { judge } : {}),
    },
  };
}

/** Server error details (`body.targets.0`, `body.judge.judge_target`) → form field keys. */
export function serverFieldErrors(details: readonly { path: string; message: string }[]): FieldErrors {
  const known = [
    'judge.judge_target',
    'judge.auto_on_failure_threshold',
    'suite_id',
    'targets',
    'temperature',
    'tool_choice',
    'params',
    'system_prompt',
    'repeats',
    'concurrency',
    'case_ids',
    'judge',
  ];
  const out: FieldErrors = {};
  for (const d of details) {
    const path = d.path.replace(/^body\.?/, '');
    const field = known.find((k) => path === k || path.startsWith(`${k}.`));
    if (field && !out[field]) out[field] = d.message;
  }
  return out;
}

/** How many model calls a run makes (cases × models × repeats). */
export function plannedCalls(caseCount: number | null, f: FormState): number | null {
  if (caseCount === null) return null;
  const cases = f.case_ids?.length ?? caseCount;
  const repeats = Number(f.repeats) || 1;
  return cases * Math.max(1, f.targets.length) * repeats;
}

/** The "run again" link of a stored run: its settings as the form's URL. */
export function rerunQuery(run: {
  suite_id: string | null;
  targets: Target[];
  config: Record<string, unknown>;
}): string {
  const c = run.config;
  const q = new URLSearchParams();
  if (run.suite_id) q.set('suite_id', run.suite_id);
  q.set('targets', run.targets.map((t) => `${t.provider_key}::${t.model_id}`).join(','));
  if (typeof c.temperature === 'number') q.set('temperature', String(c.temperature));
  if (typeof c.tool_choice === 'string') q.set('tool_choice', c.tool_choice);
  if (typeof c.repeats === 'number' && c.repeats > 1) q.set('repeats', String(c.repeats));
  if (typeof c.concurrency === 'number') q.set('concurrency', String(c.concurrency));
  if (c.params && typeof c.params === 'object' && Object.keys(c.params).length > 0)
    q.set('params', JSON.stringify(c.params));
  return q.toString();
}
