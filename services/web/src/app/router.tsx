import { useEffect, useState, type AnchorHTMLAttributes, type ComponentType } from 'react';

/** Hash routing (`#/suites/123?tab=cases`): the gateway serves one index.html, deep links still work. */
export type Route = { path: string; params: Record<string, string>; query: URLSearchParams };
export type RouteDef = {
  pattern: string;
  view: ComponentType<{ route: Route }>;
  title: string;
  public?: boolean;
};

function currentLocation(): { path: string; query: URLSearchParams } {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path = '/', search = ''] = hash.split('?');
  return { path, query: new URLSearchParams(search) };
}

export function matchRoute(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const value = got[i] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return null;
  }
  return params;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = `#${to}`;
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** Replaces the query part of the current route (e.g. `?job=…`), keeping the path. */
export function setQuery(values: Record<string, string | undefined>): void {
  const { path, query } = currentLocation();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) query.delete(k);
    else query.set(k, v);
  }
  const search = query.toString();
  navigate(`${path}${search ? `?${search}` : ''}`, { replace: true });
}

export function useLocation(): { path: string; query: URLSearchParams } {
  const [loc, setLoc] = useState(currentLocation);
  useEffect(() => {
    const update = () => setLoc(currentLocation());
    window.addEventListener('hashchange', update);
    window.addEventListener('popstate', update);
    return () => {
      window.removeEventListener('hashchange', update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return loc;
}

export function Link({ to, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <a href={`#${to}`} {...rest} />;
}
