import { useEffect } from 'react';
import { AuthProvider, useAuth } from '../api/auth';
import { readSession } from '../api/session';
import { EmptyState } from '../components/ui';
import { SignIn } from '../views/auth/SignIn';
import { JobsIndicator } from './JobsIndicator';
import { matchRoute, useLocation, type Route } from './router';
import { NAV, ROUTES } from './routes';

function resolve(path: string, query: URLSearchParams) {
  for (const def of ROUTES) {
    const params = matchRoute(def.pattern, path);
    if (params) return { def, route: { path, params, query } satisfies Route };
  }
  return undefined;
}

function Shell() {
  const { user, signOut } = useAuth();
  const { path, query } = useLocation();
  const match = resolve(path, query);
  useEffect(() => {
    document.title = `${match?.def.title ?? 'Not found'} · LLM Benchmark Studio`;
  }, [match?.def.title]);
  if (match?.def.public) {
    const View = match.def.view;
    return (
      <main id="main" className="main">
        <View route={match.route} />
      </main>
    );
  }
  if (!user) return <SignIn />;
  const section =
    NAV.filter((n) => n.to !== '/' && (path === n.to || path.startsWith(`${n.to}/`))).at(0)?.to ??
    (path === '/' ? '/' : '');
  const View = match?.def.view;
  return (
    <>
      <a
        href="#main"
        className="skip-link"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="topbar">
        <a href="#/" className="brand">
          LLM Benchmark Studio
        </a>
        <nav aria-label="Main" className="mainnav">
          {NAV.map((n) => (
            <a key={n.to} href={`#${n.to}`} aria-current={section === n.to ? 'page' : undefined}>
              {n.label}
            </a>
          ))}
        </nav>
        <div className="row topbar-end">
          <JobsIndicator />
          {user.role === 'admin' && (
            // The queue dashboard takes the token once in the URL and keeps it in its own cookie.
            <a
              className="small"
              href={`/admin/queues?token=${encodeURIComponent(readSession()?.access_token ?? '')}`}
              target="_blank"
              rel="noopener noreferrer"
            >
              Queues
            </a>
          )}
          <a
            href="#/account"
            className="small"
            title={`Signed in as ${user.email}${user.role === 'admin' ? ' (administrator)' : ''}`}
          >
            Account
          </a>
          <button type="button" className="btn btn-ghost" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {View && match ? (
          <View key={match.def.pattern} route={match.route} />
        ) : (
          <EmptyState title="Page not found" action={<a href="#/">Go to the overview</a>}>
            There is nothing at <code>{path}</code>.
          </EmptyState>
        )}
      </main>
    </>
  );
}

export function App() {
  return (
    <AuthProvider>
      <Shell />
    </AuthProvider>
  );
}
