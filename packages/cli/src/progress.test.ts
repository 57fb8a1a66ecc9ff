import { describe, expect, it } from 'vitest';
import { noticesOf, ProgressTracker, renderBar } from './progress.js';
import { ProgressView } from './progress-view.js';
import { ev } from './test-support/events.js';
import { bufferOut } from './test-support/buffer-io.js';

describe('ProgressTracker', () => {
  it('follows eval cases and then ignores the generic job_progress of the same job', () => {
    const t = new ProgressTracker();
    expect(
      t.update(ev('job_progress', { progress_pct: 0, progress_detail: 'waiting', eta_s: null })),
    ).toEqual({
      fraction: 0,
      label: 'waiting',
    });
    expect(
      t.update(ev('tool_eval_progress', { current: 3, total: 12, provider_key: 'sandbox', model_id: 'm' })),
    ).toEqual({ fraction: 0.25, label: '3/12 sandbox::m' });
    expect(t.update(ev('job_progress', { progress_pct: 30, progress_detail: 'x', eta_s: 1 }))).toBeNull();
  });

  it('counts judge verdicts against cases × judges, and leaves live verdicts of an eval alone', () => {
    const live = new ProgressTracker();
    expect(live.update(ev('judge_verdict', { model_id: 'm' }))).toBeNull();
    const t = new ProgressTracker();
    t.update(ev('judge_start', { cases_to_review: 2, judges: ['a::j', 'b::j'], warnings: [] }));
    expect(t.update(ev('judge_verdict', { model_id: 'm' }))).toEqual({
      fraction: 0.25,
      label: '1/4 verdicts (m)',
    });
  });

  it('shows the best tune combination so far', () => {
    const state = new ProgressTracker().update(
      ev('tune_progress', { completed: 1, total: 4, best_so_far: { score: 0.8, model_id: 'm' } }),
    );
    expect(state).toEqual({ fraction: 0.25, label: '1/4 combinations, best 0.800 (m)' });
  });
});

describe('noticesOf', () => {
  it('gives waits and warnings a line of their own', () => {
    expect(noticesOf(ev('job_queued', { reason: 'waiting for a slot' }))).toEqual([
      'queued: waiting for a slot',
    ]);
    expect(noticesOf(ev('job_started', { attempt: 2 }))).toEqual(['started again (attempt 2)']);
    expect(noticesOf(ev('tune_start', { kind: 'param_tune', warnings: ['w1', 'w2'] }))).toEqual([
      'warning: w1',
      'warning: w2',
    ]);
    expect(noticesOf(ev('tool_eval_progress', {}))).toEqual([]);
  });
});

describe('renderBar', () => {
  it('is fixed width whatever the fraction', () => {
    expect(renderBar(0, 10)).toBe('[..........]   0%');
    expect(renderBar(0.5, 10)).toBe('[#####.....]  50%');
    expect(renderBar(1.5, 10)).toBe('[##########] 100%');
    expect(renderBar(null, 4)).toHaveLength(renderBar(1, 4).length);
  });
});

describe('ProgressView', () => {
  it('redraws one line in place on a terminal, cut to its width, and keeps notices above it', () => {
    const out = bufferOut(true, 40);
    const view = new ProgressView(out);
    view.progress({ fraction: 0.5, label: 'a label much longer than the terminal is wide' });
    view.notice('warning: w');
    view.done();
    const bar = '[############............]  50% a label';
    expect(out.text).toBe(`\r${bar}\x1b[K\r\x1b[Kwarning: w\n\r${bar}\x1b[K\n`);
  });

  it('prints a line per change in a log, and nothing when disabled', () => {
    const out = bufferOut(false);
    const view = new ProgressView(out);
    view.progress({ fraction: 0, label: 'x' });
    view.progress({ fraction: 0, label: 'x' });
    view.progress({ fraction: 1, label: 'x' });
    view.done();
    expect(out.text.split('\n')).toEqual([
      '[........................]   0% x',
      '[########################] 100% x',
      '',
    ]);
    const quiet = bufferOut(true);
    new ProgressView(quiet, false).progress({ fraction: 1, label: 'x' });
    expect(quiet.text).toBe('');
  });
});
