import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { Link } from '../../app/router';
import { LineChart } from '../../components/LineChart';
import { Badge, ErrorBanner, InputField, TableWrap, WarningsBanner } from '../../components/ui';
import { pct, seconds, targetKey, usd } from '../../lib/format';
import { modelLabel, targetLabel } from './common';
import { PromptDiff } from './PromptDiff';
import type { Card, GenerationView, TuneView } from './tune-state';
import type { LibraryEntry } from './types';

const cardLabel = (c: Pick<Card, 'generation' | 'index'>) =>
  c.generation === 0 ? 'Base prompt' : `G${c.generation} · #${c.index + 1}`;
const cardDomId = (id: string) => `pt-card-${id}`;

/** Moves focus to a prompt card (and scrolls it into view). */
function focusCard(id: string) {
  const el = document.getElementById(cardDomId(id));
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.focus({ preventScroll: true });
}

type ResultsProps = { view: TuneView; runId: string | undefined; suiteName?: string | undefined };

/** Everything a tune shows, live or from history: outcome, chart, the generations' prompt cards. */
export function TuneResults({ view, runId, suiteName }: ResultsProps) {
  const [highlight, setHighlight] = useState<string[]>([]);
  return (
    <>
      <WarningsBanner warnings={view.warnings} />
      {view.start && (
        <p className="muted small" data-testid="tune-shape">
          {view.start.mode} mode · {view.start.generations} generation
          {view.start.generations === 1 ? '' : 's'} of {view.start.population_size} prompts ·{' '}
          {view.start.train_cases} training cases
          {view.start.validation_cases > 0
            ? ` · ${view.start.validation_cases} held out`
            : ' · no held-out cases'}
          {view.models.length > 0 && ` · models: ${view.models.map(modelLabel).join(', ')}`}
        </p>
      )}
      {view.start && !view.complete && <ScoringProgress view={view} />}
      {view.complete && <Outcome view={view} runId={runId} suiteName={suiteName ?? view.start?.suite_name} />}
      {view.chart.length > 0 && (
        <section aria-labelledby="pt-chart">
          <h2 id="pt-chart">Score per generation</h2>
          <div className="pt-chart-row">
            <LineChart
              title="Best and mean training score per generation (generation 0 is the base prompt)"
              xLabel="Generation"
              yLabel="Score"
              series={[
                { name: 'Best', points: view.chart.map((p) => ({ x: p.generation, y: p.best })) },
                {
                  name: 'Mean',
                  points: view.chart.map((p) => ({ x: p.generation, y: p.mean })),
                  dashed: true,
                },
              ]}
            />
            <TableWrap label="Best and mean score per generation">
              <table className="table" data-testid="generation-table">
                <caption className="sr-only">Best and mean score per generation</caption>
                <thead>
                  <tr>
                    <th scope="col">Generation</th>
                    <th scope="col" className="num">
                      Best
                    </th>
                    <th scope="col" className="num">
                      Mean
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {view.chart.map((p) => (
                    <tr key={p.generation}>
                      <td>{p.generation === 0 ? '0 (base)' : p.generation}</td>
                      <td className="num">{pct(p.best)}</td>
                      <td className="num">{pct(p.mean)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </div>
        </section>
      )}
      <section aria-labelledby="pt-timeline">
        <h2 id="pt-timeline">Generations</h2>
        {view.generations.length === 0 ? (
          <p className="muted">Waiting for the tuner to score the base prompt…</p>
        ) : (
          <ol className="pt-timeline">
            {view.generations.map((g) => (
              <GenerationRow
                key={g.generation}
                gen={g}
                view={view}
                highlight={highlight}
                onHighlight={setHighlight}
              />
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

/** How far the scoring is: prompts with every model's score, of the base plus the planned prompts. */
function ScoringProgress({ view }: { view: TuneView }) {
  const cards = Object.values(view.cards);
  const scored = cards.filter((c) => c.mean !== null).length;
  const running = cards.filter((c) => c.running.length > 0).length;
  const total = 1 + (view.start?.total_prompts ?? 0);
  return (
    <p className="small" role="status" data-testid="scoring-progress">
      <strong>
        {scored} of {total}
      </strong>{' '}
      prompts scored{running > 0 ? ` · ${running} being evaluated` : ''}
      {view.generations.at(-1)?.status === 'generating' ? ' · the meta model is writing prompts' : ''}
    </p>
  );
}

const STATUS: Record<GenerationView['status'], [string, 'ok' | 'warn' | 'bad' | 'info' | 'neutral']> = {
  base: ['base', 'neutral'],
  generating: ['writing prompts…', 'info'],
  evaluating: ['evaluating…', 'info'],
  complete: ['selected', 'ok'],
  error: ['no prompts', 'bad'],
};

function GenerationRow({
  gen,
  view,
  highlight,
  onHighlight,
}: {
  gen: GenerationView;
  view: TuneView;
  highlight: string[];
  onHighlight: (ids: string[]) => void;
}) {
  const [text, tone] = STATUS[gen.status];
  const headingId = `pt-gen-${gen.generation}`;
  return (
    <li className="pt-gen" data-testid="generation" data-generation={gen.generation}>
      <div className="row spread">
        <h3 id={headingId}>
          {gen.generation === 0 ? 'Generation 0 · base prompt' : `Generation ${gen.generation}`}
        </h3>
        <div className="row small">
          <Badge tone={tone}>{text}</Badge>
          {gen.best !== null && (
            <span>
              best <strong>{pct(gen.best)}</strong> · mean {pct(gen.mean)}
            </span>
          )}
        </div>
      </div>
      {gen.error && (
        <p className="banner banner-error small" data-testid="generation-error">
          <strong>Generation {gen.generation} produced no prompts:</strong> {gen.error}
        </p>
      )}
      {gen.carriedOver.length > 0 && (
        <p className="small">
          Carried over by elitism:{' '}
          {gen.carriedOver.map((id) => {
            const c = view.cards[id];
            return (
              <button key={id} type="button" className="btn-link pt-chip" onClick={() => focusCard(id)}>
                {c ? cardLabel(c) : id.slice(0, 8)}
              </button>
            );
          })}
        </p>
      )}
      {gen.cards.length === 0 && !gen.error && (
        <p className="muted small">The meta model is writing prompts…</p>
      )}
      <ul className="pt-cards" aria-labelledby={headingId}>
        {gen.cards.map((c) => (
          <PromptCard
            key={c.id}
            card={c}
            view={view}
            highlighted={highlight.includes(c.id)}
            onHighlight={onHighlight}
          />
        ))}
      </ul>
    </li>
  );
}

function PromptCard({
  card,
  view,
  highlighted,
  onHighlight,
}: {
  card: Card;
  view: TuneView;
  highlighted: boolean;
  onHighlight: (ids: string[]) => void;
}) {
  const [open, setOpen] = useState(false);
  const [diffOpen, setDiffOpen] = useState(false);
  const textId = useId();
  const diffId = useId();
  // What this prompt is compared with: its first parent (generation 1: the base prompt).
  const against = card.parents[0] ? view.cards[card.parents[0]] : undefined;
  const long = (card.text?.length ?? 0) > 220;
  const dupOf = card.duplicateOf ? view.cards[card.duplicateOf] : undefined;
  const classes = [
    'pt-card',
    card.survivor ? 'pt-card-survivor' : '',
    card.best ? 'pt-card-best' : '',
    card.duplicateOf ? 'pt-card-dup' : '',
    highlighted ? 'pt-card-highlight' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li
      id={cardDomId(card.id)}
      className={classes}
      tabIndex={-1}
      data-testid="prompt-card"
      data-candidate-id={card.id}
      data-generation={card.generation}
      data-survivor={card.survivor ? 'true' : 'false'}
      data-mean={card.mean ?? ''}
      data-parents={card.parents.join(',')}
      data-duplicate-of={card.duplicateOf ?? ''}
      onMouseEnter={() => onHighlight(card.parents)}
      onMouseLeave={() => onHighlight([])}
      onFocus={() => onHighlight(card.parents)}
      onBlur={() => onHighlight([])}
    >
      <div className="row spread">
        <strong>{cardLabel(card)}</strong>
        <span className="row pt-badges">
          {card.best && <Badge tone="ok">★ best</Badge>}
          {card.survivor && (
            <Badge tone="ok" title="Kept by this generation's selection">
              ✓ survivor
            </Badge>
          )}
          {card.style && card.generation > 0 && <Badge tone="info">{card.style}</Badge>}
          {card.mutationType && card.mutationType !== card.style && (
            <Badge tone="neutral">{card.mutationType}</Badge>
          )}
          {card.duplicateOf && (
            <Badge tone="warn" title="Near-duplicate of an earlier prompt: not evaluated again">
              duplicate
            </Badge>
          )}
        </span>
      </div>
      {(card.parents.length > 0 || dupOf) && (
        <p className="small pt-lineage">
          {card.parents.length > 0 && (
            <>
              From{' '}
              {card.parents.map((id, i) => {
                const p = view.cards[id];
                return (
                  <span key={id}>
                    {i > 0 && ' + '}
                    <button type="button" className="btn-link" onClick={() => focusCard(id)}>
                      {p ? cardLabel(p) : `prompt ${id.slice(0, 8)}`}
                    </button>
                  </span>
                );
              })}
            </>
          )}
          {dupOf && (
            <>
              {card.parents.length > 0 && ' · '}
              Repeats{' '}
              <button type="button" className="btn-link" onClick={() => focusCard(dupOf.id)}>
                {cardLabel(dupOf)}
              </button>{' '}
              (its scores)
            </>
          )}
        </p>
      )}
      {card.text === null ? (
        <p className="muted small">Prompt text not loaded.</p>
      ) : (
        <>
          <p id={textId} className={`pt-card-text${long && !open ? ' pt-clamped' : ''}`}>
            {card.text || <em className="muted">(empty prompt)</em>}
          </p>
          {long && (
            <button
              type="button"
              className="btn-link small"
              aria-expanded={open}
              aria-controls={textId}
              onClick={() => setOpen(!open)}
            >
              {open ? 'Show less' : 'Show the whole prompt'}
            </button>
          )}
        </>
      )}
      <ScoreBars card={card} models={view.models} />
      {card.text ? <SaveCard card={card} /> : null}
      {against?.text != null && card.text !== null && (
        <>
          <button
            type="button"
            className="btn-link small"
            aria-expanded={diffOpen}
            aria-controls={diffId}
            onClick={() => setDiffOpen(!diffOpen)}
          >
            {diffOpen ? 'Hide the changes' : `Changes from ${cardLabel(against)}`}
          </button>
          <div id={diffId}>
            {diffOpen && (
              <PromptDiff before={against.text} after={card.text} label={`From ${cardLabel(against)}`} />
            )}
          </div>
        </>
      )}
    </li>
  );
}

/** Saving under a name to the prompt library: the request's state and the version it made. */
function useSavePrompt() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<LibraryEntry>();
  const save = async (
    name: string,
    body: { prompt?: string; from_prompt_tune_id?: string; notes?: string },
  ) => {
    if (!name.trim()) return setError(new Error('Give the prompt a name.'));
    setBusy(true);
    setError(undefined);
    try {
      setSaved(await api.post<LibraryEntry>('/api/prompt-library', { name: name.trim(), ...body }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, saved, save };
}

const libraryPath = (saved: LibraryEntry) =>
  `/prompt-tuner/library?name=${encodeURIComponent(saved.name)}&id=${saved.id}`;

/** Saves one candidate (not only the best) to the library, from its card. */
function SaveCard({ card }: { card: Card }) {
  const nameId = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const { busy, error, saved, save } = useSavePrompt();
  if (saved)
    return (
      <p className="small" role="status">
        Saved as{' '}
        <Link to={libraryPath(saved)}>
          {saved.name} v{saved.version}
        </Link>
      </p>
    );
  if (!open)
    return (
      <button type="button" className="btn-link small pt-card-save" onClick={() => setOpen(true)}>
        Save this prompt…
      </button>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(name, {
      prompt: card.text ?? '',
      notes: `${cardLabel(card)} of a prompt tune${card.mean === null ? '' : ` (score ${card.mean.toFixed(4)})`}`,
    });
  };
  return (
    <form className="pt-card-save-form" onSubmit={submit} aria-label={`Save ${cardLabel(card)}`}>
      <label htmlFor={nameId} className="small">
        Library name
      </label>
      <div className="row">
        <input
          id={nameId}
          type="text"
          maxLength={128}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="btn btn-small btn-primary" disabled={busy}>
          Save
        </button>
        <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      <ErrorBanner error={error} title="Could not save" />
    </form>
  );
}

function ScoreBars({ card, models }: { card: Card; models: string[] }) {
  if (models.length === 0) return null;
  const validation = models.filter((k) => card.validation[k]);
  return (
    <div className="pt-scores">
      <dl>
        {models.map((k) => {
          const s = card.scores[k];
          return (
            <div key={k} className="pt-score">
              <dt>{modelLabel(k)}</dt>
              <dd>
                {s ? (
                  <>
                    <span className="pt-bar" aria-hidden="true">
                      <span className="pt-bar-fill" style={{ width: `${s.overall_score * 100}%` }} />
                    </span>
                    <span
                      className="pt-score-num"
                      title={`tool ${pct(s.tool_accuracy)} · params ${pct(s.param_accuracy)}`}
                    >
                      {pct(s.overall_score)}
                    </span>
                  </>
                ) : card.running.includes(k) ? (
                  <span className="muted">evaluating…</span>
                ) : card.duplicateOf ? (
                  <span className="muted">not evaluated</span>
                ) : (
                  <span className="muted">waiting</span>
                )}
              </dd>
            </div>
          );
        })}
        {models.length > 1 && (
          <div className="pt-score pt-score-mean">
            <dt>Mean</dt>
            <dd>
              <strong>{card.mean === null ? '—' : pct(card.mean)}</strong>
            </dd>
          </div>
        )}
        {validation.length > 0 && (
          <div className="pt-score">
            <dt>Held out</dt>
            <dd>{validation.map((k) => pct(card.validation[k]!.overall_score)).join(' · ')}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}

function Delta({ from, to }: { from: number | null; to: number | null }) {
  if (from === null || to === null) return null;
  const d = to - from;
  const tone = d > 0.0005 ? 'ok' : d < -0.0005 ? 'bad' : 'neutral';
  return (
    <Badge tone={tone}>
      {d > 0.0005 ? '▲ +' : d < -0.0005 ? '▼ −' : '= '}
      {(Math.abs(d) * 100).toFixed(1)} pts
    </Badge>
  );
}

function Outcome({ view, runId, suiteName }: ResultsProps) {
  const c = view.complete!;
  const base = (view.baseId ? view.cards[view.baseId]?.text : null) ?? null;
  const bestCard = view.cards[c.best_candidate_id];
  const overfit =
    c.validation_score !== null &&
    c.base_validation_score !== null &&
    c.validation_score < c.base_validation_score;
  return (
    <section className="card pt-outcome" aria-labelledby="pt-outcome">
      <div className="row spread">
        <h2 id="pt-outcome">Result</h2>
        {c.stop_reason === 'complete' ? (
          <Badge tone="ok">complete</Badge>
        ) : (
          <Badge tone="warn">stopped: {c.stop_reason}</Badge>
        )}
      </div>
      <div className="pt-kpis">
        <div className="pt-kpi">
          <div className="muted small">Best (training)</div>
          <div className="pt-kpi-value" data-testid="best-score" data-value={c.best_score}>
            {pct(c.best_score)}
          </div>
          <div className="small">
            base {pct(c.base_score)} <Delta from={c.base_score} to={c.best_score} />
          </div>
        </div>
        <div className="pt-kpi">
          <div className="muted small">Best (held out)</div>
          <div className="pt-kpi-value" data-testid="validation-score" data-value={c.validation_score ?? ''}>
            {c.validation_score === null ? '—' : pct(c.validation_score)}
          </div>
          <div className="small">
            {c.validation_score === null ? (
              'no held-out cases'
            ) : (
              <>
                base {pct(c.base_validation_score)}{' '}
                <Delta from={c.base_validation_score} to={c.validation_score} />
              </>
            )}
          </div>
        </div>
        <div className="pt-kpi">
          <div className="muted small">Calls</div>
          <div className="pt-kpi-value" data-testid="calls-used" data-value={c.calls_used}>
            {c.calls_used.toLocaleString()}
          </div>
          <div className="small">
            {c.calls_saved.toLocaleString()} saved by de-duplication · {c.meta_calls} meta
          </div>
        </div>
        <div className="pt-kpi">
          <div className="muted small">Cost · time</div>
          <div className="pt-kpi-value">{usd(c.cost_usd)}</div>
          <div className="small">{seconds(c.duration_s)}</div>
        </div>
      </div>
      {overfit && (
        <p className="banner banner-warn small">
          The best prompt scores lower than the base on the held-out cases: it may overfit the training cases.
        </p>
      )}
      {c.best_candidate_id === view.baseId && (
        <p className="banner banner-info small">
          No candidate beat the base prompt: the base prompt stays the best.
        </p>
      )}
      {c.per_model.length > 0 && (
        <TableWrap label="Best prompt per model">
          <table className="table" data-testid="per-model-best">
            <caption>Best prompt per model</caption>
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col" className="num">
                  Score
                </th>
                <th scope="col">Prompt</th>
              </tr>
            </thead>
            <tbody>
              {c.per_model.map((m) => (
                <tr key={targetKey(m)}>
                  <td>{targetLabel(m)}</td>
                  <td className="num">{pct(m.score)}</td>
                  <td className="pt-cell-prompt">
                    {m.best_prompt.length > 140 ? `${m.best_prompt.slice(0, 140)}…` : m.best_prompt}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h3>
        Best prompt{' '}
        {bestCard && (
          <button type="button" className="btn-link small" onClick={() => focusCard(bestCard.id)}>
            ({cardLabel(bestCard)})
          </button>
        )}
      </h3>
      <pre className="pt-best" data-testid="best-prompt">
        {c.best_prompt || '(empty prompt)'}
      </pre>
      {base !== null ? (
        <PromptDiff before={base} after={c.best_prompt} label="Changes from the base prompt" />
      ) : (
        <p className="muted small">The base prompt is not known: nothing to compare.</p>
      )}
      {runId && <SaveToLibrary runId={runId} suggested={`${suiteName || 'Tuned'} prompt`} />}
      <p className="small">
        <Link to={`/evaluate`}>Evaluate models</Link> with it after saving, or{' '}
        <Link to="/prompt-tuner">start another tune</Link>.
      </p>
    </section>
  );
}

function SaveToLibrary({ runId, suggested }: { runId: string; suggested: string }) {
  const nameId = useId();
  const [name, setName] = useState(suggested);
  const [notes, setNotes] = useState('');
  const { busy, error, saved, save } = useSavePrompt();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(name, { from_prompt_tune_id: runId, ...(notes.trim() ? { notes: notes.trim() } : {}) });
  };
  return (
    <form className="pt-save" onSubmit={submit} aria-labelledby={`${nameId}-h`}>
      <h3 id={`${nameId}-h`}>Save to the prompt library</h3>
      <div className="row pt-save-row">
        <InputField label="Name" maxLength={128} value={name} onChange={setName} />
        <div className="pt-grow">
          <InputField label="Notes (optional)" maxLength={2000} value={notes} onChange={setNotes} />
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save to prompt library'}
        </button>
      </div>
      <p className="muted small">Saving a name again adds its next version, linked to the previous one.</p>
      <ErrorBanner error={error} title="Could not save" />
      {saved && (
        <p className="banner banner-info" role="status" data-testid="saved-prompt" data-id={saved.id}>
          Saved as <strong>{saved.name}</strong> version {saved.version}.{' '}
          <Link to={libraryPath(saved)}>Open it in the library</Link> ·{' '}
          <Link to={`/evaluate?system_prompt_id=${saved.id}`}>Use it in an evaluation</Link>
        </p>
      )}
    </form>
  );
}
