// Shared dashboard state (route, language, session, the live-update counter) with a tiny subscribe/useAppState hook.
import { useEffect, useState } from 'preact/hooks';
import type { SessionView } from './api-types.js';
import { initialLang, type Lang } from './i18n.js';
import { formatRoute, parseRoute, type Route } from './route.js';

export interface AppState {
  route: Route;
  lang: Lang;
  session: SessionView | null | undefined;
  /** Bumped on every live event that may change what views show: views refetch when it moves. */
  revision: number;
  live: boolean;
}

type Listener = () => void;
const listeners = new Set<Listener>();

let state: AppState = {
  route: parseRoute(typeof location === 'undefined' ? '' : location.hash),
  lang: initialLang(
    typeof localStorage === 'undefined' ? null : localStorage.getItem('vigil.lang'),
    typeof navigator === 'undefined' ? undefined : navigator.language,
  ),
  session: undefined,
  revision: 0,
  live: false,
};

export function getState(): AppState {
  return state;
}

export function setState(patch: Partial<AppState>): void {
  state = { ...state, ...patch };
  if (patch.lang) {
    localStorage.setItem('vigil.lang', patch.lang);
    document.documentElement.lang = patch.lang;
  }
  for (const l of listeners) l();
}

/** Navigates (keeps the playback day unless the patch changes it). */
export function navigate(patch: Partial<Route>): void {
  const next = { ...state.route, ...patch };
  if (next.view !== 'indicator') delete next.id;
  // A window belongs to the view it was chosen in.
  if (patch.view !== undefined && patch.view !== state.route.view)
    for (const key of ['from', 'to', 'days'] as const) if (!(key in patch)) delete next[key];
  const hash = formatRoute(next);
  if (location.hash !== hash) location.hash = hash;
  else setState({ route: next });
}

export function startRouting(): void {
  window.addEventListener('hashchange', () => setState({ route: parseRoute(location.hash) }));
  document.documentElement.lang = state.lang;
}

export function useAppState(): AppState {
  const [, force] = useState(0);
  useEffect(() => {
    const l = () => force((n) => n + 1);
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
  return state;
}
