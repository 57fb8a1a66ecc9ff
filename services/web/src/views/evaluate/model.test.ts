import { describe, expect, it } from 'vitest';
import {
  bestModel,
  caseGrid,
  caseOrder,
  categoryMatrix,
  deriveLive,
  filterRows,
  modelSummaries,
  parseRowKey,
  promptOfRequest,
  rowFromEvent,
  rowFromStored,
  rowKeyOf,
  type CaseScore,
  type TargetSummary,
} from './model';
import { caseScore as score } from './case-score.fixture';

function resultEvent(model: string, caseId: string, repeat: number, s: CaseScore, latency = 20) {
  return {
    type: 'tool_eval_result',
    run_id: 'run-1',
    provider_key: 'sandbox',
    model_id: model,
    case_id: caseId,
    repeat_index: repeat,
    score: s,
    latency_ms: latency,
    usage: { prompt_tokens: 100, completion_tokens: 5 },
    attempts: 1,
    ...s,
    adjustments: [],
  };
}

describe('deriveLive', () => {
  const init = {
    type: 'tool_eval_init',
    run_id: 'run-1',
    suite_id: 'suite-1',
    suite_name: 'Demo',
    targets: [
      { provider_key: 'sandbox', model_id: 'p', display_name: 'P' },
      { provider_key: 'sandbox', model_id: 'q', display_name: 'Q' },
    ],
    total_cases: 2,
    repeats: 1,
    total: 4,
  };

  it('keeps one row per (model, case, repeat) even when a result is announced twice', () => {
    const events = [
      { type: 'job_created', run_id: 'run-1' },
      init,
      resultEvent('p', 'c1', 0, score()),
      { type: 'tool_eval_progress', current: 1, total: 4 },
      resultEvent('q', 'c1', 0, score({ passed: false, overall_score: 0.6, param_score: 0 })),
      resultEvent('p', 'c1', 0, score()),
    ];
    const s = deriveLive(events);
    expect(s.rows.map((r) => r.key)).toEqual(['sandbox::p::c1::0', 'sandbox::q::c1::0']);
    expect(s.duplicates).toBe(1);
    expect(s.total).toBe(4);
    expect(s.current).toBe(2);
    expect(s.complete).toBe(false);
  });

  it('starts from the stored run when the log lost its oldest events: every result once, none counted twice', () => {
    const all = [
      resultEvent('p', 'c1', 0, score()),
      resultEvent('q', 'c1', 0, score()),
      resultEvent('p', 'c2', 0, score()),
      resultEvent('q', 'c2', 0, score()),
    ];
    const full = deriveLive([{ type: 'job_created', run_id: 'run-1' }, init, ...all]);
    // The log kept only the last two results; the stored run holds the first three.
    const base = {
      run_id: 'run-1',
      suite_id: 'suite-1',
      suite_name: 'Demo',
      targets: init.targets,
      total_cases: 2,
      repeats: 1,
      rows: full.rows.slice(0, 3),
    };
    const s = deriveLive(all.slice(2), base);
    expect(s.rows.map((r) => r.key)).toEqual(full.rows.map((r) => r.key));
    expect(s.duplicates).toBe(0);
    expect(s.total).toBe(4);
    expect(s.suite_name).toBe('Demo');
    expect(base.rows).toHaveLength(3); // the base is not modified
  });

  it('a replay and the live stream give the same state; the stored summary wins once sent', () => {
    const results = [
      resultEvent('p', 'c1', 0, score()),
      resultEvent('p', 'c2', 0, score({ passed: false, overall_score: 0, tool_score: 0, param_score: 0 })),
      resultEvent('q', 'c1', 0, score()),
      resultEvent('q', 'c2', 0, score()),
    ];
    const stored = { overall: 0.1234 } as unknown as TargetSummary;
    const all = [
      init,
      ...results,
      { type: 'tool_eval_summary', provider_key: 'sandbox', model_id: 'p', summary: stored },
      { type: 'tool_eval_complete', summaries: [], judge: { job_id: 'j', report_id: 'r' } },
      { type: 'job_completed' },
    ];
    // Feed the events in growing prefixes, as a live page would, and compare with the whole replay.
    let live = deriveLive([]);
    for (let i = 1; i <= all.length; i++) live = deriveLive(all.slice(0, i));
    const replay = deriveLive(all);
    expect(live.rows).toEqual(replay.rows);
    const lines = modelSummaries(replay.targets, replay.rows, replay.stored, replay.total_cases);
    expect(lines[0]?.final).toBe(true);
    expect(lines[0]?.summary.overall).toBe(0.1234);
    expect(lines[1]?.final).toBe(false);
    expect(lines[1]?.summary.overall).toBe(1);
    expect(bestModel(lines)).toBe('sandbox::q');
    expect(replay.judge_job).toEqual({ job_id: 'j', report_id: 'r' });
    expect(replay.complete).toBe(true);
  });

  it('collects live judge verdicts per model and case', () => {
    const s = deriveLive([
      init,
      {
        type: 'judge_verdict',
        case_id: 'c1',
        provider_key: 'sandbox',
        model_id: 'p',
        judge: 'sandbox::judge',
        verdict: 'pass',
        quality_score: 5,
        error: null,
        repairs: [],
      },
    ]);
    expect(s.verdicts.get('sandbox::p::c1')?.[0]?.verdict).toBe('pass');
  });
});

describe('table helpers', () => {
  const rows = [
    rowFromEvent(resultEvent('p', 'c1', 0, score())),
    rowFromEvent(
      resultEvent('p', 'c2', 0, score({ passed: false, actual_tool: 'set_timer', category: 'control' })),
    ),
    rowFromEvent(resultEvent('q', 'c1', 0, score({ passed: false }))),
  ];
  it('filters by model, failures, category and text', () => {
    const none = { model: '', failedOnly: false, text: '', category: '' };
    expect(filterRows(rows, none)).toHaveLength(3);
    expect(filterRows(rows, { ...none, model: 'sandbox::p' })).toHaveLength(2);
    expect(filterRows(rows, { ...none, failedOnly: true })).toHaveLength(2);
    expect(filterRows(rows, { ...none, failedOnly: true, model: 'sandbox::p' })).toHaveLength(1);
    expect(filterRows(rows, { ...none, category: 'control' })).toHaveLength(1);
    expect(filterRows(rows, { ...none, text: 'timer' })).toHaveLength(1);
    expect(
      filterRows(rows, { ...none, text: 'lights' }, (id) => (id === 'c1' ? 'Turn on the lights' : '')),
    ).toHaveLength(2);
  });

  it('round-trips the drill-down key, model ids with colons included', () => {
    const key = rowKeyOf({ provider_key: 'ollama', model_id: 'qwen2.5:7b', case_id: 'abc', repeat_index: 2 });
    expect(parseRowKey(key)).toEqual({
      provider_key: 'ollama',
      model_id: 'qwen2.5:7b',
      case_id: 'abc',
      repeat_index: 2,
    });
    expect(parseRowKey('1f0c5b9e-uuid')).toBeNull();
  });

  it('reads stored results like events', () => {
    const s = score();
    const stored = rowFromStored({
      id: 'res-1',
      provider_key: 'sandbox',
      model_id: 'p',
      case_id: 'c1',
      repeat_index: 0,
      latency_ms: 20,
      detail: {
        score: s,
        latency_ms: 20,
        usage: { prompt_tokens: 100, completion_tokens: 5 },
        adjustments: [],
      },
    });
    const live = rowFromEvent(resultEvent('p', 'c1', 0, s));
    expect({ ...stored, result_id: null }).toEqual(live);
  });

  it('finds the user prompt of a raw request and builds the category heatmap', () => {
    expect(
      promptOfRequest({
        messages: [
          { role: 'system', content: 'sys' },
          { role: 'user', content: 'What time?' },
        ],
      }),
    ).toBe('What time?');
    expect(promptOfRequest(null)).toBeNull();
    const lines = modelSummaries([{ provider_key: 'sandbox', model_id: 'p' }], rows, new Map(), null);
    const m = categoryMatrix(lines);
    expect(m.categories).toEqual(['control', 'retrieval']);
    expect(m.cells.get('control|sandbox::p')?.overall).toBe(1);
  });
});

describe('caseGrid', () => {
  it('puts each case on one line with a cell per model and flags disagreement', () => {
    const rows = [
      rowFromEvent(resultEvent('p', 'c1', 0, score())),
      rowFromEvent(resultEvent('q', 'c1', 0, score({ passed: false, overall_score: 0.6 }))),
      rowFromEvent(resultEvent('p', 'c2', 0, score())),
      rowFromEvent(resultEvent('p', 'c2', 1, score({ passed: false, overall_score: 0 }))),
    ];
    const targets = [
      { provider_key: 'sandbox', model_id: 'p' },
      { provider_key: 'sandbox', model_id: 'q' },
    ];
    const grid = caseGrid(rows, targets);
    expect(grid.map((g) => g.case_id)).toEqual(['c1', 'c2']);
    expect(grid[0]?.disagree).toBe(true);
    expect(grid[0]?.cells[1]?.overall).toBe(0.6);
    expect(grid[1]?.cells[0]).toMatchObject({ runs: 2, passed: 1, overall: 0.5 });
    expect(grid[1]?.cells[1]).toBeNull();
    expect(grid[1]?.disagree).toBe(false);
  });
});

describe('caseOrder', () => {
  it('sorts labels by suite position numerically, unlabelled cases last', () => {
    const keys = ['#10 b', '#2 a', 'zzz', '#1 c'].map((l) => caseOrder(l, 'id'));
    expect([...keys].sort()).toEqual([
      caseOrder('#1 c', 'id'),
      caseOrder('#2 a', 'id'),
      caseOrder('#10 b', 'id'),
      caseOrder('zzz', 'id'),
    ]);
  });
});
