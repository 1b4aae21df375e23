// The dashboard's location as a hash route (`#/indicator/air.total?at=2023-04-10`): which view, its subject, and the playback day.

export type ViewName = 'board' | 'indicator' | 'map' | 'timeline' | 'explain' | 'alerts' | 'rollup';
const VIEWS: readonly ViewName[] = ['board', 'indicator', 'map', 'timeline', 'explain', 'alerts', 'rollup'];

export interface Route {
  view: ViewName;
  /** The indicator shown by the indicator view. */
  id?: string;
  /** Playback day (YYYY-MM-DD); absent: the latest data. */
  at?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseRoute(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const view = (VIEWS as readonly string[]).includes(parts[0] ?? '') ? (parts[0] as ViewName) : 'board';
  const at = new URLSearchParams(search).get('at') ?? undefined;
  const route: Route = { view };
  if (view === 'indicator' && parts[1]) route.id = parts[1];
  if (at && DATE.test(at)) route.at = at;
  return route;
}

export function formatRoute(route: Route): string {
  const path = route.view === 'indicator' && route.id ? `/indicator/${encodeURIComponent(route.id)}` : `/${route.view}`;
  return `#${path}${route.at ? `?at=${route.at}` : ''}`;
}

/** Adds `days` to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
