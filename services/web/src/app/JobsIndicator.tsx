import type { JobView } from '@llmbench/contracts';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useActiveJobs } from '../api/use-active-jobs';
import { Badge, ProgressBar } from '../components/ui';

/** Where each job type's live view is. */
export const JOB_VIEW: Record<JobView['type'], string> = {
  tool_eval: '/evaluate/jobs',
  param_tune: '/param-tuner/jobs',
  prompt_tune: '/prompt-tuner/jobs',
  judge: '/judge/jobs',
  judge_compare: '/judge/jobs',
};
const LABEL: Record<JobView['type'], string> = {
  tool_eval: 'Eval',
  param_tune: 'Param tune',
  prompt_tune: 'Prompt tune',
  judge: 'Judge',
  judge_compare: 'Judge compare',
};

/** The header's live count of running and queued jobs, opening a list with progress and cancel. */
export function JobsIndicator() {
  const { jobs, socket, refresh } = useActiveJobs();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  const running = jobs.filter((j) => j.status === 'running').length;
  const queued = jobs.length - running;
  return (
    <div className="jobs-indicator">
      <button
        type="button"
        className="btn btn-ghost"
        aria-expanded={open}
        aria-controls="jobs-panel"
        data-testid="jobs-indicator"
        data-running={running}
        data-queued={queued}
        onClick={() => setOpen((o) => !o)}
      >
        Jobs <Badge tone={running ? 'info' : 'neutral'}>{running} running</Badge>
        {queued > 0 && <Badge tone="warn">{queued} queued</Badge>}
        {socket !== 'live' && (
          <span className="sr-only-focusable muted small" title="Live updates are reconnecting">
            {' '}
            (reconnecting)
          </span>
        )}
      </button>
      {open && (
        <div id="jobs-panel" className="jobs-panel card" role="region" aria-label="Active jobs">
          {jobs.length === 0 ? (
            <p className="muted">No running or queued jobs.</p>
          ) : (
            <ul className="plain">
              {jobs.map((j) => (
                <li key={j.id} className="jobs-item">
                  <div className="row spread">
                    <a href={`#${JOB_VIEW[j.type]}/${j.id}`} onClick={() => setOpen(false)}>
                      {LABEL[j.type]} · {j.status}
                    </a>
                    <button
                      type="button"
                      className="btn btn-small btn-danger-outline"
                      onClick={() =>
                        void api
                          .post(`/api/jobs/${j.id}/cancel`)
                          .catch(() => undefined)
                          .finally(refresh)
                      }
                    >
                      Cancel
                    </button>
                  </div>
                  <ProgressBar value={j.progress_pct} label={`${LABEL[j.type]} progress`} />
                  <small className="muted">{j.progress_detail}</small>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
