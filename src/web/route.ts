// The dashboard's location as a hash route (`#/indicator/air.total?at=2023-04-10`): which view, its subject, and the playback day.

export type ViewName =
  'board' | 'indicator' | 'map' | 'timeline' | 'explain' | 'alerts' | 'rollup' | 'brief' | 'warnings' | 'scorecard';
const VIEWS: readonly ViewName[] = [
  'board',
  'indicator',
  'map',
  'timeline',
  'explain',
  'alerts',
  'rollup',
  'brief',
  'warnings',
  'scorecard',
];

export interface Route {
  view: ViewName;
  /** The indicator shown by the indicator view. */
  id?: string;
  /** Playback day (YYYY-MM-DD); absent: the latest data. */
  at?: string;
  /** A view's own window (the scorecard's first and last day), so a copied link opens the same window. */
  from?: string;
  to?: string;
  /** A view's window length in days (the indicator chart). */
  days?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseRoute(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const view = (VIEWS as readonly string[]).includes(parts[0] ?? '') ? (parts[0] as ViewName) : 'board';
  const params = new URLSearchParams(search);
  const at = params.get('at') ?? undefined;
  const route: Route = { view };
  if (view === 'indicator' && parts[1]) route.id = parts[1];
  if (at && DATE.test(at)) route.at = at;
  for (const key of ['from', 'to'] as const) {
    const date = params.get(key);
    if (date && DATE.test(date)) route[key] = date;
  }
  const days = Number(params.get('days'));
  if (Number.isInteger(days) && days >= 1 && days <= 3700) route.days = days;
  return route;
}

export function formatRoute(route: Route): string {
  const path = route.view === 'indicator' && route.id ? `/indicator/${encodeURIComponent(route.id)}` : `/${route.view}`;
  const params = (['at', 'from', 'to', 'days'] as const)
    .filter((k) => route[k] !== undefined)
    .map((k) => `${k}=${route[k]}`)
    .join('&');
  return `#${path}${params ? `?${params}` : ''}`;
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
