// What a view may show of one API resource: data belongs to the path it was loaded for. A response for another path
// (the previous playback day) is never shown under the current one, even while the current one loads or fails.

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
}

/** The hook's state: the last result and the path it answers. */
export interface LoadedFor<T> extends Loaded<T> {
  path: string | undefined;
}

export const initialLoaded = <T>(path: string | undefined): LoadedFor<T> => ({
  path,
  data: undefined,
  error: undefined,
  loading: path !== undefined,
});

/** A load of `path` starts: keep what we have only if it answers the same path (a live refresh). */
export function loadStarted<T>(s: LoadedFor<T>, path: string): LoadedFor<T> {
  return s.path === path ? { ...s, loading: true } : { path, data: undefined, error: undefined, loading: true };
}

export function loadSucceeded<T>(s: LoadedFor<T>, path: string, data: T): LoadedFor<T> {
  return s.path === path || s.path === undefined ? { path, data, error: undefined, loading: false } : s;
}

/** A failed refresh of the same path keeps the data it had; a failed load of a new path shows the error and no data. */
export function loadFailed<T>(s: LoadedFor<T>, path: string, error: Error): LoadedFor<T> {
  if (s.path !== path) return s;
  return { path, data: s.data, error, loading: false };
}

/** What the view renders for `path`: nothing of another path's result. */
export function visibleFor<T>(s: LoadedFor<T>, path: string | undefined): Loaded<T> {
  if (s.path !== path) return { data: undefined, error: undefined, loading: path !== undefined };
  return { data: s.data, error: s.error, loading: s.loading };
}
