// Which sources Vigil knows, their series and expected cadence, and their health computed from the store's series
// summaries: ok (published within its cadence), stale (older than that) or never (no observation). Pure: `now` is passed in.
import type { SeriesSummary } from '../storage/store.js';

export interface SourceSpec {
  id: string;
  name: string;
  /** The name in Traditional Chinese (the dashboard's 中文 view). */
  nameZh?: string;
  /** Ingest kinds / collectors that feed it. */
  kinds: readonly string[];
  /** Series prefixes it writes; a series belongs to the first source whose prefix matches. */
  prefixes: readonly string[];
  /** How often it publishes when working normally, in days; undefined = irregular (events), never stale. */
  cadenceDays?: number;
}

/**
 * Cadence: MND reports daily (stale after 2 days without one); Japan's Joint Staff releases several times a week when
 * the PLA is active (14 days); the MFA spokesperson speaks on working days but breaks for a week or more in summer,
 * at Spring Festival and National Day (14 days); MSA warnings, news and GDELT are continuous (7, 3 and 2 days). Triggers, foreign
 * transits and analyst entries are events with no cadence.
 */
export const SOURCE_CATALOG: readonly SourceSpec[] = [
  {
    id: 'mnd',
    name: 'Taiwan MND daily PLA activity report',
    nameZh: '國防部每日共軍動態報告',
    kinds: [
      'mnd-daily',
      'mnd-daily-json',
      'mnd-bulletin-page',
      'mnd-bulletin-g0v',
      'mnd-lioneer',
      'mnd-crawler',
      'collector mnd-web',
    ],
    prefixes: ['mnd.'],
    cadenceDays: 2,
  },
  {
    id: 'jso',
    name: 'Japan Joint Staff press releases',
    nameZh: '日本統合幕僚監部新聞稿',
    kinds: ['jso-flags', 'jso-releases', 'jso-twreporter'],
    prefixes: ['jso.'],
    cadenceDays: 14,
  },
  {
    id: 'msa',
    name: 'China MSA navigation warnings',
    nameZh: '中共海事局航行警告',
    kinds: ['msa-warnings'],
    prefixes: ['msa.'],
    cadenceDays: 7,
  },
  {
    id: 'news',
    name: 'News and announcements (classified)',
    nameZh: '新聞及宣布（經分類）',
    kinds: ['news-json', 'news-posts', 'news-feed', 'collector feed:*'],
    prefixes: ['news.'],
    cadenceDays: 3,
  },
  {
    id: 'mfa',
    name: 'PRC MFA spokesperson (press conferences and statements)',
    nameZh: '中共外交部發言人（記者會及聲明）',
    kinds: ['mfa-spokesperson', 'collector mfa-web'],
    prefixes: ['prc.mfa.'],
    cadenceDays: 14,
  },
  {
    id: 'gdelt',
    name: 'GDELT 2.0 event exports',
    nameZh: 'GDELT 2.0 事件資料',
    kinds: ['gdelt-events'],
    prefixes: ['gdelt.'],
    cadenceDays: 2,
  },
  {
    id: 'triggers',
    name: 'Political trigger calendar',
    nameZh: '政治觸發事件行事曆',
    kinds: ['triggers'],
    prefixes: ['political.'],
  },
  {
    id: 'transits',
    name: 'Foreign warship transits of the Strait',
    nameZh: '外國軍艦通過臺灣海峽',
    kinds: ['transits'],
    prefixes: ['naval.'],
  },
  { id: 'analyst', name: 'Analyst entries', nameZh: '分析員紀錄', kinds: ['vigil note add'], prefixes: ['analyst.'] },
];

export type HealthState = 'ok' | 'stale' | 'never';

export interface SeriesStatus {
  series: string;
  count: number;
  firstPeriodStart: string;
  lastPeriodEnd: string;
  lastPublishedAt: string;
  sources: string[];
}

export interface SourceStatus {
  id: string;
  name: string;
  kinds: readonly string[];
  cadenceDays?: number;
  state: HealthState;
  /** Days since the latest publication, when there is one. */
  ageDays?: number;
  lastPublishedAt?: string;
  lastPeriodEnd?: string;
  observations: number;
  series: SeriesStatus[];
}

const MS_PER_DAY = 86_400_000;

/** One status per catalogue source (in catalogue order), then one per source id found only in the store. */
export function sourceStatuses(
  summaries: readonly SeriesSummary[],
  nowMs: number,
  catalog: readonly SourceSpec[] = SOURCE_CATALOG,
): SourceStatus[] {
  const bySource = new Map<string, SeriesStatus[]>();
  const uncatalogued = new Map<string, SeriesStatus[]>();
  for (const s of summaries) {
    const status: SeriesStatus = {
      series: s.series,
      count: s.count,
      firstPeriodStart: s.firstPeriodStart,
      lastPeriodEnd: s.lastPeriodEnd,
      lastPublishedAt: s.lastPublishedAt,
      sources: s.sources,
    };
    const spec = catalog.find((c) => c.prefixes.some((p) => s.series.startsWith(p)));
    // Analyst entries may sit on any series: they count for the analyst source too.
    if (s.sources.some((src) => src.startsWith('analyst:')) && spec?.id !== 'analyst')
      push(bySource, 'analyst', status);
    if (spec) push(bySource, spec.id, status);
    else push(uncatalogued, s.sources[0] ?? s.series.split('.')[0], status);
  }
  const statuses = catalog.map((spec) => status(spec, bySource.get(spec.id) ?? [], nowMs));
  for (const [id, series] of [...uncatalogued].sort(([a], [b]) => (a < b ? -1 : 1))) {
    statuses.push(status({ id, name: `(not catalogued) ${id}`, kinds: [], prefixes: [] }, series, nowMs));
  }
  return statuses;
}

function status(spec: SourceSpec, series: SeriesStatus[], nowMs: number): SourceStatus {
  const base = {
    id: spec.id,
    name: spec.name,
    kinds: spec.kinds,
    ...(spec.cadenceDays !== undefined ? { cadenceDays: spec.cadenceDays } : {}),
  };
  if (series.length === 0) return { ...base, state: 'never', observations: 0, series: [] };
  const lastPublishedAt = series.reduce(
    (m, s) => (s.lastPublishedAt > m ? s.lastPublishedAt : m),
    series[0].lastPublishedAt,
  );
  const lastPeriodEnd = series.reduce((m, s) => (s.lastPeriodEnd > m ? s.lastPeriodEnd : m), series[0].lastPeriodEnd);
  const ageDays = Math.max(0, (nowMs - Date.parse(lastPublishedAt)) / MS_PER_DAY);
  const state: HealthState = spec.cadenceDays !== undefined && ageDays > spec.cadenceDays ? 'stale' : 'ok';
  return {
    ...base,
    state,
    ageDays: Math.round(ageDays * 10) / 10,
    lastPublishedAt,
    lastPeriodEnd,
    observations: series.reduce((n, s) => n + s.count, 0),
    series: [...series].sort((a, b) => (a.series < b.series ? -1 : 1)),
  };
}

function push(map: Map<string, SeriesStatus[]>, key: string, value: SeriesStatus): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
