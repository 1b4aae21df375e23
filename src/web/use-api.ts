// A hook that loads one API resource and reloads it when its path or the live revision changes.
import { useEffect, useState } from 'preact/hooks';
import { api, type ApiError } from './api-client.js';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | Error | undefined;
  loading: boolean;
}

/** `path` undefined: nothing is loaded. Earlier responses that arrive late never overwrite a newer one. */
export function useApi<T>(path: string | undefined, revision = 0): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: undefined, error: undefined, loading: path !== undefined });
  useEffect(() => {
    if (path === undefined) return;
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    api<T>(path).then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (error: Error) => current && setState((s) => ({ data: s.data, error, loading: false })),
    );
    return () => {
      current = false;
    };
  }, [path, revision]);
  return state;
}
