import type { JobAccepted, SuiteView } from '@llmbench/contracts';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { api, ApiError, query } from '../../api/client';
import { Link, navigate, type Route } from '../../app/router';
import { CasePicker } from '../../components/CasePicker';
import { SuitePicker, TargetPicker, type Target } from '../../components/pickers';
import { ErrorBanner, Field, InputField, Loading, PageHeader, ToolChoiceField } from '../../components/ui';
import { useApi } from '../../components/use-api';
import { seconds, targetKey, usd, when } from '../../lib/format';
import { PromptTunerTabs, rememberWarnings } from './common';
import type { LibraryEntry, TuneEstimate, TuneRecord } from './types';

type Mode = 'quick' | 'evolutionary';
type BaseSource = 'suite' | 'custom' | 'library';

/** A number from a text input, or NaN when blank. */
const parse = (s: string) => (s.trim() === '' ? NaN : Number(s));
const inRange = (s: string, min: number, max: number, integer = false) => {
  const x = parse(s);
  return Number.isFinite(x) && x >= min && x <= max && (!integer || Number.isInteger(x));
};

/** What the form starts with: defaults, or a past tune's configuration (`?from=<tune id>`). */
type Initial = {
  suiteId: string;
  mode: Mode;
  targets: Target[];
  meta: Target[];
  baseSource: BaseSource;
  basePrompt: string;
  basePromptId: string;
  objective: 'mean' | 'per_model';
  population: string;
  generations: string;
  selection: string;
  elitism: boolean;
  crossover: boolean;
  temperature: string;
  toolChoice: 'required' | 'auto' | 'none';
  split: string | null;
  maxCalls: string;
  maxCost: string;
  maxDuration: string;
  seed: string;
  /** null: every case of the suite. */
  caseIds: string[] | null;
};

const str = (x: number | undefined | null) => (x === undefined || x === null ? '' : String(x));

export function initialFrom(query: URLSearchParams, from?: TuneRecord): Initial {
  const promptId = query.get('base_prompt_id') ?? '';
  const defaults: Initial = {
    suiteId: query.get('suite_id') ?? '',
    mode: 'quick',
    targets: [],
    meta: [],
    baseSource: promptId ? 'library' : 'suite',
    basePrompt: '',
    basePromptId: promptId,
    objective: 'mean',
    population: '5',
    generations: '3',
    selection: '0.4',
    elitism: true,
    crossover: true,
    temperature: '0',
    toolChoice: 'required',
    split: null,
    maxCalls: '',
    maxCost: '',
    maxDuration: '',
    seed: '',
    caseIds: null,
  };
  if (!from) return defaults;
  const c = from.config as TuneRecord['config'] & {
    budget?: { max_calls?: number; max_cost_usd?: number; max_duration_s?: number } | null;
  };
  const fromBest = query.get('start') === 'best' && from.best_prompt !== null;
  return {
    ...defaults,
    suiteId: from.suite_id ?? '',
    mode: from.mode,
    targets: from.targets.map((t) => ({ provider_key: t.provider_key, model_id: t.model_id })),
    meta: [{ provider_key: from.meta_target.provider_key, model_id: from.meta_target.model_id }],
    baseSource: 'custom',
    basePrompt: fromBest ? (from.best_prompt ?? '') : from.base_prompt,
    objective: c.objective === 'per_model' ? 'per_model' : 'mean',
    population: str(c.population_size) || defaults.population,
    generations: str(c.generations) || defaults.generations,
    selection: str(c.selection_ratio) || defaults.selection,
    elitism: c.elitism ?? true,
    crossover: c.crossover ?? true,
    temperature: str(c.temperature) || '0',
    toolChoice: c.tool_choice === 'auto' || c.tool_choice === 'none' ? c.tool_choice : 'required',
    split: c.validation_split === undefined ? null : String(c.validation_split),
    maxCalls: str(c.budget?.max_calls),
    maxCost: str(c.budget?.max_cost_usd),
    maxDuration: str(c.budget?.max_duration_s),
    seed: str(c.seed),
    caseIds: [...(c.train_case_ids ?? []), ...(c.validation_case_ids ?? [])],
  };
}

/** `/prompt-tuner`: configure a prompt tune, see its estimate, start it (`?from=` repeats a past one). */
export function ConfigView({ route }: { route: Route }) {
  const fromId = route.query.get('from') ?? undefined;
  const from = useApi<TuneRecord>(fromId ? `/api/tool-eval/prompt-tune/history/${fromId}` : undefined);
  if (fromId && !from.data)
    return (
      <>
        <PageHeader title="Prompt Tuner" />
        <PromptTunerTabs current="config" />
        {from.error ? (
          <ErrorBanner error={from.error} title="Could not load the tune to repeat" />
        ) : (
          <Loading label="Loading the tune’s configuration…" />
        )}
      </>
    );
  // A new `from`, `start` or `base_prompt_id` starts a fresh form.
  const key = ['from', 'start', 'base_prompt_id', 'suite_id'].map((k) => route.query.get(k) ?? '').join('|');
  return <ConfigForm key={key} initial={initialFrom(route.query, from.data)} from={from.data} />;
}

function ConfigForm({ initial, from }: { initial: Initial; from?: TuneRecord }) {
  const ids = {
    mode: useId(),
    base: useId(),
    baseText: useId(),
    baseLib: useId(),
    objective: useId(),
  };
  const [suiteId, setSuiteId] = useState(initial.suiteId);
  const [mode, setMode] = useState<Mode>(initial.mode);
  const [targets, setTargets] = useState<Target[]>(initial.targets);
  const [meta, setMeta] = useState<Target[]>(initial.meta);
  const [baseSource, setBaseSource] = useState<BaseSource>(initial.baseSource);
  const [basePrompt, setBasePrompt] = useState(initial.basePrompt);
  const [basePromptId, setBasePromptId] = useState(initial.basePromptId);
  const [objective, setObjective] = useState<'mean' | 'per_model'>(initial.objective);
  const [population, setPopulation] = useState(initial.population);
  const [generations, setGenerations] = useState(initial.generations);
  const [selection, setSelection] = useState(initial.selection);
  const [elitism, setElitism] = useState(initial.elitism);
  const [crossover, setCrossover] = useState(initial.crossover);
  const [temperature, setTemperature] = useState(initial.temperature);
  const [toolChoice, setToolChoice] = useState<'required' | 'auto' | 'none'>(initial.toolChoice);
  const [customSplit, setCustomSplit] = useState(initial.split !== null);
  const [split, setSplit] = useState(initial.split ?? '0.3');
  const [maxCalls, setMaxCalls] = useState(initial.maxCalls);
  const [maxCost, setMaxCost] = useState(initial.maxCost);
  const [maxDuration, setMaxDuration] = useState(initial.maxDuration);
  const [seed, setSeed] = useState(initial.seed);
  const [someCases, setSomeCases] = useState(initial.caseIds !== null && initial.caseIds.length > 0);
  const [caseIds, setCaseIds] = useState<string[]>(initial.caseIds ?? []);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<ApiError>();
  const [confirmMessage, setConfirmMessage] = useState<string>();

  const suite = useApi<SuiteView>(suiteId ? `/api/tool-suites/${suiteId}` : undefined);
  const library = useApi<{ items: LibraryEntry[] }>('/api/prompt-library');
  const chosenPrompt = library.data?.items.find((p) => p.id === basePromptId);

  const errors = useMemo(() => {
    const e: Record<string, string> = {};
    if (!suiteId) e.suite = 'Choose the suite whose cases score the prompts.';
    if (targets.length === 0) e.targets = 'Choose at least one model to evaluate the prompts on.';
    if (meta.length === 0) e.meta = 'Choose the model that writes the new prompts.';
    if (!inRange(population, 3, 20, true)) e.population = 'A whole number from 3 to 20.';
    if (mode === 'evolutionary' && !inRange(generations, 1, 10, true))
      e.generations = 'A whole number from 1 to 10.';
    if (!inRange(selection, 0.2, 0.8)) e.selection = 'From 0.2 to 0.8.';
    if (!inRange(temperature, 0, 2)) e.temperature = 'From 0 to 2.';
    if (customSplit && !inRange(split, 0, 0.5)) e.split = 'From 0 to 0.5.';
    if (baseSource === 'custom' && !basePrompt.trim())
      e.base = 'Write the starting prompt, or start from the suite’s.';
    if (baseSource === 'library' && !basePromptId) e.base = 'Choose a saved prompt.';
    if (maxCalls && !inRange(maxCalls, 1, 1e9, true)) e.maxCalls = 'A whole number of at least 1.';
    if (maxCost && !(parse(maxCost) > 0)) e.maxCost = 'More than 0.';
    if (maxDuration && !(parse(maxDuration) > 0)) e.maxDuration = 'More than 0 seconds.';
    if (seed && !Number.isInteger(parse(seed))) e.seed = 'A whole number.';
    if (someCases && caseIds.length === 0) e.cases = 'Choose at least one case, or use them all.';
    return e;
  }, [
    suiteId,
    targets,
    meta,
    population,
    generations,
    mode,
    selection,
    temperature,
    customSplit,
    split,
    baseSource,
    basePrompt,
    basePromptId,
    maxCalls,
    maxCost,
    maxDuration,
    seed,
    someCases,
    caseIds,
  ]);

  // Cases of the suite that still exist (a repeated tune may name deleted ones).
  const suiteCases = suite.data?.test_cases;
  const liveCaseIds = suiteCases ? caseIds.filter((id) => suiteCases.some((c) => c.id === id)) : caseIds;
  const subset = someCases && liveCaseIds.length > 0;
  // The estimate follows the configuration (debounced): the API's, for exactly what a start would send.
  const estimatePath =
    suiteId && inRange(population, 3, 20, true) && (mode === 'quick' || inRange(generations, 1, 10, true))
      ? `/api/tool-eval/prompt-tune/estimate${query({
          suite_id: suiteId,
          mode,
          population_size: parse(population),
          generations: mode === 'quick' ? 1 : parse(generations),
          ...(targets.length > 0 ? { targets: targets.map(targetKey).join(',') } : { num_models: 1 }),
          meta_target: meta[0] ? targetKey(meta[0]) : undefined,
          validation_split: customSplit && inRange(split, 0, 0.5) ? parse(split) : undefined,
          case_ids: subset ? liveCaseIds.join(',') : undefined,
        })}`
      : undefined;
  const [estimate, setEstimate] = useState<{ path?: string; data?: TuneEstimate; error?: unknown }>({});
  useEffect(() => {
    if (!estimatePath) return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .get<TuneEstimate>(estimatePath)
        .then((data) => live && setEstimate({ path: estimatePath, data }))
        .catch((error: unknown) => live && setEstimate({ path: estimatePath, error }));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [estimatePath]);
  const estimateFresh = estimate.path === estimatePath;
  const shownEstimate = estimate.data;

  const serverField = (path: string) => serverError?.fieldError(path);
  const shown = (key: string) => (submitted ? errors[key] : undefined);

  async function start(confirm: boolean) {
    setSubmitted(true);
    setServerError(undefined);
    if (Object.keys(errors).length > 0) return;
    const budget = {
      ...(maxCalls ? { max_calls: parse(maxCalls) } : {}),
      ...(maxCost ? { max_cost_usd: parse(maxCost) } : {}),
      ...(maxDuration ? { max_duration_s: parse(maxDuration) } : {}),
    };
    const body = {
      suite_id: suiteId,
      mode,
      targets,
      meta_target: meta[0],
      objective,
      config: {
        population_size: parse(population),
        generations: mode === 'quick' ? 1 : parse(generations),
        selection_ratio: parse(selection),
        elitism,
        crossover,
        temperature: parse(temperature),
        tool_choice: toolChoice,
        ...(customSplit ? { validation_split: parse(split) } : {}),
      },
      ...(baseSource === 'custom' ? { base_prompt: basePrompt } : {}),
      ...(baseSource === 'library' ? { base_prompt_id: basePromptId } : {}),
      ...(Object.keys(budget).length ? { budget } : {}),
      ...(seed ? { seed: parse(seed) } : {}),
      ...(someCases ? { case_ids: liveCaseIds } : {}),
      ...(confirm ? { confirm: true } : {}),
    };
    setBusy(true);
    try {
      const accepted = await api.post<JobAccepted & { warnings?: string[] }>(
        '/api/tool-eval/prompt-tune',
        body,
      );
      rememberWarnings(accepted.job_id, accepted.warnings ?? []);
      navigate(`/prompt-tuner/jobs/${accepted.job_id}`);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'client_error', String(e));
      if (err.status === 409 && err.details.some((d) => d.path === 'body.confirm'))
        setConfirmMessage(err.message.replace(/;\s*send confirm: true.*$/, '.'));
      else setServerError(err);
    } finally {
      setBusy(false);
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setConfirmMessage(undefined);
    void start(false);
  };

  return (
    <>
      <PageHeader
        title="Prompt Tuner"
        subtitle="A meta-model rewrites your system prompt; every candidate is scored on the suite, the best survive."
      />
      <PromptTunerTabs current="config" />
      {from && (
        <p className="banner banner-info">
          Starting from the configuration of the tune of {when(from.created_at)}
          {initial.basePrompt === from.best_prompt && from.best_prompt !== from.base_prompt
            ? ', with its best prompt as the base'
            : ''}
          . <Link to={`/prompt-tuner/history/${from.id}`}>See that tune</Link> ·{' '}
          <Link to="/prompt-tuner">Start from scratch</Link>
        </p>
      )}
      <form className="pt-config" onSubmit={onSubmit} noValidate aria-label="Prompt tune configuration">
        <div className="pt-config-main">
          <section className="card" aria-labelledby="pt-what">
            <h2 id="pt-what">What to tune</h2>
            <SuitePicker value={suiteId} onChange={setSuiteId} />
            {shown('suite') && <p className="error-text small">{errors.suite}</p>}
            {serverField('suite_id') && <p className="error-text small">{serverField('suite_id')}</p>}
            <div className="field">
              <span className="field-label" id={ids.mode}>
                Mode
              </span>
              <div className="row" role="radiogroup" aria-labelledby={ids.mode}>
                <label className="check">
                  <input
                    type="radio"
                    name="pt-mode"
                    checked={mode === 'quick'}
                    onChange={() => setMode('quick')}
                  />
                  Quick — one generation of rewrites in five styles
                </label>
                <label className="check">
                  <input
                    type="radio"
                    name="pt-mode"
                    checked={mode === 'evolutionary'}
                    onChange={() => setMode('evolutionary')}
                  />
                  Evolutionary — survivors are mutated and crossed over
                </label>
              </div>
            </div>
            <TargetPicker value={targets} onChange={setTargets} legend="Models the prompts are scored on" />
            {(shown('targets') ?? serverField('targets')) && (
              <p className="error-text small" role="alert">
                {shown('targets') ?? serverField('targets')}
              </p>
            )}
            <TargetPicker value={meta} onChange={setMeta} legend="Meta model (writes the prompts)" single />
            {(shown('meta') ?? serverField('meta_target')) && (
              <p className="error-text small" role="alert">
                {shown('meta') ?? serverField('meta_target')}
              </p>
            )}
            {meta[0] &&
              targets.some(
                (t) => t.provider_key === meta[0]!.provider_key && t.model_id === meta[0]!.model_id,
              ) && (
                <p className="banner banner-warn small">
                  The meta model is also evaluated: it may favour prompts in its own style.
                </p>
              )}
          </section>

          <section className="card" aria-labelledby="pt-cases">
            <h2 id="pt-cases">Cases</h2>
            <div className="row" role="radiogroup" aria-label="Which cases">
              <label className="check">
                <input
                  type="radio"
                  name="pt-cases"
                  checked={!someCases}
                  onChange={() => setSomeCases(false)}
                />
                Every case of the suite{suiteCases ? ` (${suiteCases.length})` : ''}
              </label>
              <label className="check">
                <input type="radio" name="pt-cases" checked={someCases} onChange={() => setSomeCases(true)} />
                Only some cases (cheaper, faster)
              </label>
            </div>
            {someCases &&
              (suiteCases ? (
                <CasePicker
                  cases={suiteCases}
                  chosen={liveCaseIds}
                  onChange={setCaseIds}
                  listClassName="pt-case-list"
                  status={
                    <span data-testid="cases-chosen">
                      {liveCaseIds.length} of {suiteCases.length} chosen
                    </span>
                  }
                />
              ) : (
                <p className="muted small">Choose a suite to pick its cases.</p>
              ))}
            {(shown('cases') ?? serverField('case_ids')) && (
              <p className="error-text small" role="alert">
                {shown('cases') ?? serverField('case_ids')}
              </p>
            )}
          </section>

          <section className="card" aria-labelledby="pt-base">
            <h2 id="pt-base">Starting prompt</h2>
            <div className="field">
              <span className="field-label" id={ids.base}>
                Start from
              </span>
              <div className="row" role="radiogroup" aria-labelledby={ids.base}>
                {(
                  [
                    ['suite', 'The suite’s system prompt'],
                    ['custom', 'My own text'],
                    ['library', 'A saved prompt'],
                  ] as const
                ).map(([value, label]) => (
                  <label key={value} className="check">
                    <input
                      type="radio"
                      name="pt-base"
                      checked={baseSource === value}
                      onChange={() => setBaseSource(value)}
                    />
                    {label}
                  </label>
                ))}
              </div>
            </div>
            {baseSource === 'suite' &&
              (suiteId ? (
                suite.data ? (
                  suite.data.system_prompt ? (
                    <pre className="pt-prompt-preview" tabIndex={0} aria-label="The suite’s system prompt">
                      {suite.data.system_prompt}
                    </pre>
                  ) : (
                    <p className="muted small">
                      This suite has no system prompt: the tune starts from an empty one.
                    </p>
                  )
                ) : (
                  <ErrorBanner error={suite.error} title="Could not load the suite" />
                )
              ) : (
                <p className="muted small">Choose a suite to see its system prompt.</p>
              ))}
            {baseSource === 'custom' && (
              <Field
                id={ids.baseText}
                label="Base prompt"
                hint={`${basePrompt.length.toLocaleString()} / 20,000 characters`}
                error={shown('base') ?? serverField('base_prompt')}
              >
                <textarea
                  id={ids.baseText}
                  rows={6}
                  value={basePrompt}
                  maxLength={20000}
                  onChange={(e) => setBasePrompt(e.target.value)}
                />
              </Field>
            )}
            {baseSource === 'library' && (
              <>
                <Field
                  id={ids.baseLib}
                  label="Saved prompt"
                  error={shown('base') ?? serverField('base_prompt_id')}
                  hint={
                    library.data?.items.length === 0 ? (
                      <>
                        Your library is empty: save a tune’s best prompt, or{' '}
                        <Link to="/prompt-tuner/library">add one</Link>.
                      </>
                    ) : undefined
                  }
                >
                  <select
                    id={ids.baseLib}
                    value={basePromptId}
                    onChange={(e) => setBasePromptId(e.target.value)}
                  >
                    <option value="">Choose a saved prompt…</option>
                    {library.data?.items.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name} · v{p.version}
                      </option>
                    ))}
                  </select>
                </Field>
                <ErrorBanner error={library.error} title="Could not load the prompt library" />
                {chosenPrompt && (
                  <pre className="pt-prompt-preview" tabIndex={0} aria-label="The saved prompt">
                    {chosenPrompt.prompt}
                  </pre>
                )}
              </>
            )}
          </section>

          <section className="card" aria-labelledby="pt-evo">
            <h2 id="pt-evo">Evolution</h2>
            <div className="pt-fields">
              <InputField
                type="number"
                label="Population size"
                hint="Prompts per generation (3–20)"
                error={shown('population') ?? serverField('config.population_size')}
                min={3}
                max={20}
                step={1}
                value={population}
                onChange={setPopulation}
              />
              <InputField
                type="number"
                label="Generations"
                hint={mode === 'quick' ? 'Quick mode runs one generation' : '1–10'}
                error={shown('generations') ?? serverField('config.generations')}
                min={1}
                max={10}
                step={1}
                value={mode === 'quick' ? '1' : generations}
                disabled={mode === 'quick'}
                onChange={setGenerations}
              />
              <InputField
                type="number"
                label="Selection ratio"
                hint="Share of each generation that survives (0.2–0.8)"
                error={shown('selection') ?? serverField('config.selection_ratio')}
                min={0.2}
                max={0.8}
                step={0.05}
                value={selection}
                onChange={setSelection}
              />
              <Field id={ids.objective} label="Objective" hint="What “best” means across models">
                <select
                  id={ids.objective}
                  value={objective}
                  onChange={(e) => setObjective(e.target.value as 'mean' | 'per_model')}
                >
                  <option value="mean">Mean over the models</option>
                  <option value="per_model">Best per model</option>
                </select>
              </Field>
            </div>
            <div className="row">
              <label className="check">
                <input type="checkbox" checked={elitism} onChange={(e) => setElitism(e.target.checked)} />
                Elitism (survivors compete again)
              </label>
              <label className="check">
                <input type="checkbox" checked={crossover} onChange={(e) => setCrossover(e.target.checked)} />
                Crossover (children mix two parents)
              </label>
            </div>
          </section>

          <section className="card" aria-labelledby="pt-eval">
            <h2 id="pt-eval">Evaluation</h2>
            <div className="pt-fields">
              <InputField
                type="number"
                label="Temperature"
                hint="0 is deterministic (0–2)"
                error={shown('temperature') ?? serverField('config.temperature')}
                min={0}
                max={2}
                step={0.1}
                value={temperature}
                onChange={setTemperature}
              />
              <ToolChoiceField value={toolChoice} onChange={setToolChoice} />
              <InputField
                type="number"
                label="Held-out share"
                hint={customSplit ? '0–0.5 of the cases, never used for selection' : '30 % from 10 cases on'}
                error={shown('split') ?? serverField('config.validation_split')}
                min={0}
                max={0.5}
                step={0.05}
                value={customSplit ? split : ''}
                placeholder="auto"
                disabled={!customSplit}
                onChange={setSplit}
              />
              <InputField
                type="number"
                label="Seed"
                hint="Optional; same seed, same split"
                error={shown('seed')}
                step={1}
                value={seed}
                placeholder="42"
                onChange={setSeed}
              />
            </div>
            <label className="check">
              <input
                type="checkbox"
                checked={customSplit}
                onChange={(e) => setCustomSplit(e.target.checked)}
              />
              Set the held-out share myself
            </label>
          </section>

          <section className="card" aria-labelledby="pt-budget">
            <h2 id="pt-budget">Budget</h2>
            <p className="muted small">
              Optional limits: the tune stops cleanly with the best prompt found so far.
            </p>
            <div className="pt-fields">
              {(
                [
                  ['Max API calls', 'maxCalls', 'max_calls', maxCalls, setMaxCalls, 1, 1],
                  ['Max cost (USD)', 'maxCost', 'max_cost_usd', maxCost, setMaxCost, 0, 0.01],
                  ['Max duration (s)', 'maxDuration', 'max_duration_s', maxDuration, setMaxDuration, 1, 1],
                ] as const
              ).map(([label, key, field, value, onChange, min, step]) => (
                <InputField
                  key={key}
                  type="number"
                  label={label}
                  error={shown(key) ?? serverField(`budget.${field}`)}
                  min={min}
                  step={step}
                  value={value}
                  onChange={onChange}
                />
              ))}
            </div>
          </section>
        </div>

        <aside className="pt-config-side" aria-label="Estimate and start">
          <section className="card pt-estimate" aria-labelledby="pt-estimate" aria-live="polite">
            <h2 id="pt-estimate">Estimate</h2>
            {!estimatePath ? (
              <p className="muted small">
                Choose a suite (and a valid population) to see what the tune will cost.
              </p>
            ) : estimate.error && estimateFresh ? (
              <ErrorBanner error={estimate.error} title="Could not estimate" />
            ) : shownEstimate ? (
              <>
                <dl className="pt-stats" data-testid="estimate" aria-busy={!estimateFresh}>
                  <Stat label="Prompts" value={shownEstimate.total_prompts} testId="estimate-prompts" />
                  <Stat label="Meta calls" value={shownEstimate.meta_calls} testId="estimate-meta-calls" />
                  <Stat label="Eval calls" value={shownEstimate.eval_calls} testId="estimate-eval-calls" />
                  <Stat label="API calls" value={shownEstimate.api_calls} testId="estimate-api-calls" />
                  <Stat
                    label="Duration"
                    value={shownEstimate.estimated_duration_s}
                    text={`≈ ${seconds(shownEstimate.estimated_duration_s)}`}
                    testId="estimate-duration"
                  />
                  <Stat
                    label="Cost"
                    value={shownEstimate.estimated_cost_usd}
                    text={
                      shownEstimate.estimated_cost_usd === null
                        ? 'unpriced'
                        : usd(shownEstimate.estimated_cost_usd)
                    }
                    testId="estimate-cost"
                  />
                  <Stat
                    label="Cases"
                    value={shownEstimate.train_cases}
                    text={`${shownEstimate.train_cases} train · ${shownEstimate.validation_cases} held out`}
                    testId="estimate-cases"
                    wide
                  />
                </dl>
                {shownEstimate.estimated_cost_usd === null && (
                  <p className="muted small">These models have no prices: the cost is not estimated.</p>
                )}
                {shownEstimate.warnings.map((w) => (
                  <p key={w} className="banner banner-warn small">
                    {w}
                  </p>
                ))}
                {subset && estimateFresh && (
                  <p className="muted small" data-testid="estimate-subset">
                    For the {liveCaseIds.length} chosen cases.
                  </p>
                )}
                {!estimateFresh && <p className="muted small">Updating…</p>}
              </>
            ) : (
              <p className="muted small">Estimating…</p>
            )}
          </section>
          {submitted && Object.keys(errors).length > 0 && (
            <div className="banner banner-error" role="alert">
              <strong>Fix these first:</strong>
              <ul>
                {Object.entries(errors).map(([k, v]) => (
                  <li key={k}>{v}</li>
                ))}
              </ul>
            </div>
          )}
          <ErrorBanner error={serverError} title="Could not start the tune" />
          {confirmMessage && (
            <div className="banner banner-warn" role="alert">
              <p>
                <strong>Over your monthly budget.</strong> {confirmMessage}
              </p>
              <div className="row">
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={busy}
                  onClick={() => void start(true)}
                >
                  Start anyway
                </button>
                <button type="button" className="btn" onClick={() => setConfirmMessage(undefined)}>
                  Change the configuration
                </button>
              </div>
            </div>
          )}
          <button type="submit" className="btn btn-primary pt-start" disabled={busy}>
            {busy ? 'Starting…' : 'Start prompt tune'}
          </button>
          <p className="muted small">
            Durations assume about 1 s per eval call (4 at a time) and 5 s per meta call.
          </p>
        </aside>
      </form>
    </>
  );
}

function Stat({
  label,
  value,
  text,
  testId,
  wide,
}: {
  label: string;
  value: number | null;
  text?: string;
  testId: string;
  wide?: boolean;
}) {
  return (
    <div className={wide ? 'pt-span' : undefined}>
      <dt>{label}</dt>
      <dd data-testid={testId} data-value={value ?? ''}>
        {text ?? (value === null ? '—' : value.toLocaleString())}
      </dd>
    </div>
  );
}
