// A hook that loads one API resource and reloads it when its path or the live revision changes.
import { useEffect, useState } from 'preact/hooks';
import { api } from './api-client.js';
import {
  initialLoaded,
  loadFailed,
  loadStarted,
  loadSucceeded,
  visibleFor,
  type Loaded,
  type LoadedFor,
} from './loaded-state.js';

export type { Loaded } from './loaded-state.js';

/**
 * `path` undefined: nothing is loaded. Earlier responses that arrive late never overwrite a newer one, and data loaded
 * for another path (another playback day) is never shown under this one.
 */
export function useApi<T>(path: string | undefined, revision = 0): Loaded<T> {
  const [state, setState] = useState<LoadedFor<T>>(() => initialLoaded<T>(path));
  useEffect(() => {
    if (path === undefined) return;
    let current = true;
    setState((s) => loadStarted(s, path));
    api<T>(path).then(
      (data) => current && setState((s) => loadSucceeded(s, path, data)),
      (error: Error) => current && setState((s) => loadFailed(s, path, error)),
    );
    return () => {
      current = false;
    };
  }, [path, revision]);
  return visibleFor(state, path);
}
