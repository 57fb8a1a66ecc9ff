import { useEffect, useState } from 'react';
import type { Route } from '../../app/router';
import { EmptyState, ErrorBanner, Loading } from '../../components/ui';
import { isCompare, ReportBody } from './ReportBody';
import type { JudgeReportRecord } from './types';
import './judge.css';

type State =
  | { kind: 'loading' }
  | { kind: 'ok'; record: JudgeReportRecord }
  | { kind: 'gone' }
  | { kind: 'error'; message: string };

/** A report opened from a share link: no sign-in, read-only (plain fetch, no token). */
export function SharedReport({ route }: { route: Route }) {
  const token = route.params.token ?? '';
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    fetch(`/api/shared/judge-reports/${encodeURIComponent(token)}`)
      .then(async (res) => {
        if (!live) return;
        if (res.status === 404) return setState({ kind: 'gone' });
        if (!res.ok)
          return setState({ kind: 'error', message: `The server answered ${res.status}. Try again later.` });
        setState({ kind: 'ok', record: (await res.json()) as JudgeReportRecord });
      })
      .catch(
        () => live && setState({ kind: 'error', message: 'Cannot reach the server. Check your connection.' }),
      );
    return () => {
      live = false;
    };
  }, [token]);
  return (
    <>
      <header className="page-header">
        <div>
          <p className="small muted">LLM Benchmark Studio · shared, read-only</p>
          <h1>{state.kind === 'ok' && isCompare(state.record) ? 'Judge comparison' : 'Judge report'}</h1>
        </div>
        <a href="#/" className="btn">
          Open the Studio
        </a>
      </header>
      {state.kind === 'loading' && <Loading label="Loading the shared report…" />}
      {state.kind === 'gone' && (
        <div data-testid="judge-shared-gone">
          <EmptyState title="This link was revoked or is invalid">
            The report&apos;s owner may have revoked it or created a new link. Ask them for a current link.
          </EmptyState>
        </div>
      )}
      {state.kind === 'error' && (
        <ErrorBanner error={{ message: state.message }} title="Could not load the report" />
      )}
      {state.kind === 'ok' && <ReportBody record={state.record} />}
    </>
  );
}
