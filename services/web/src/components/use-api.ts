import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';

export type Loaded<T> = {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
};

/** GETs `path` (none when undefined) and keeps the latest answer; `reload()` fetches again. */
export function useApi<T>(path: string | undefined): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: !!path });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api
      .get<T>(path)
      .then((data) => live && setState({ data, loading: false }))
      .catch(
        (error: unknown) =>
          live &&
          setState({
            loading: false,
            error: error instanceof ApiError ? error : new ApiError(0, 'client_error', String(error)),
          }),
      );
    return () => {
      live = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
