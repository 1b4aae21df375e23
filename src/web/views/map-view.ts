// The map: coastlines from the pack's bundled GeoJSON, the median line and other pack areas, and the day's activity,
// drawn as SVG here (no tiles, no network).
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, query } from '../api-client.js';
import type { IndicatorView, KnowledgeView, ObservationView } from '../api-types.js';
import { geometryPath, labelPoint, projection, type Bounds, type Position } from '../charts/geo-projection.js';
import { KnowledgeBanner } from '../components/knowledge-banner.js';
import { StatusLine } from '../components/status-line.js';
import { num, stateTone } from '../format.js';
import { placeName, stateName, translate } from '../i18n.js';
import { useApi } from '../use-api.js';
import { indicatorLabel, type ViewProps } from './board-view.js';

interface Feature {
  type: 'Feature';
  properties: Record<string, unknown> | null;
  geometry: { type: string; coordinates?: unknown };
}
interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

const BASEMAP = 'basemap';
const WIDTH = 640;

/** The pack's overlays (everything but the basemap) with 1.5° around them; the basemap's extent when there are none. */
export function mapBounds(areas: Record<string, FeatureCollection>): Bounds {
  const overlay = Object.entries(areas)
    .filter(([k]) => k !== BASEMAP)
    .flatMap(([, fc]) => fc.features);
  const positions = (overlay.length ? overlay : (areas[BASEMAP]?.features ?? [])).flatMap((f) =>
    flatten(f.geometry.coordinates),
  );
  if (positions.length === 0) return { west: 116, south: 21, east: 124, north: 28 };
  const pad = overlay.length ? 1.5 : 0;
  return {
    west: Math.min(...positions.map((p) => p[0])) - pad,
    east: Math.max(...positions.map((p) => p[0])) + pad,
    south: Math.min(...positions.map((p) => p[1])) - pad,
    north: Math.max(...positions.map((p) => p[1])) + pad,
  };
}

function flatten(c: unknown): Position[] {
  if (!Array.isArray(c)) return [];
  if (typeof c[0] === 'number') return [c as Position];
  return c.flatMap(flatten);
}

export function MapView({ lang, at, pack, revision }: ViewProps) {
  const [areas, setAreas] = useState<Record<string, FeatureCollection> | undefined>(undefined);
  useEffect(() => {
    Promise.all(
      Object.keys(pack.areas).map(async (name) => [name, await api<FeatureCollection>(`/pack/areas/${name}`)] as const),
    ).then(
      (list) => setAreas(Object.fromEntries(list)),
      () => setAreas({}),
    );
  }, [pack.id]);
  const indicators = useApi<{ day: string; knowledge: KnowledgeView; indicators: { assessment: IndicatorView }[] }>(
    `/indicators${query({ at })}`,
    revision,
  );
  const day = indicators.data?.day;
  const observations = useApi<{ observations: ObservationView[] }>(
    day ? `/observations${query({ day, at: day, limit: 2000 })}` : undefined,
    revision,
  );
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  if (!areas || !indicators.data) return h(StatusLine, { lang, loaded: indicators });

  const bounds = mapBounds(areas);
  const project = projection(bounds, WIDTH);
  const located = (observations.data?.observations ?? []).filter((o) => o.geometry);
  const labels = (areas[BASEMAP]?.features ?? [])
    .map((f) => ({ name: String(f.properties?.NAME ?? ''), at: labelPoint(f.geometry, bounds) }))
    .filter((l) => l.at && l.name);
  const median = areas.medianLine?.features[0]?.geometry.coordinates as Position[] | undefined;
  const activity = indicators.data.indicators.map((i) => i.assessment).filter((i) => i.domain !== 'political');

  return h(
    'main',
    { class: 'map-view' },
    h(
      'svg',
      {
        viewBox: `0 0 ${project.width} ${project.height}`,
        class: 'map',
        role: 'img',
        'data-testid': 'map',
        'aria-label': t('map.title'),
      },
      h('rect', { x: 0, y: 0, width: project.width, height: project.height, class: 'sea' }),
      ...(areas[BASEMAP]?.features ?? []).map((f) =>
        h('path', {
          d: geometryPath(f.geometry, project),
          class: `land land-${String(f.properties?.NAME ?? '').toLowerCase()}`,
        }),
      ),
      ...Object.entries(areas)
        .filter(([k]) => k !== BASEMAP)
        .flatMap(([k, fc]) =>
          fc.features.map((f) =>
            h(
              'path',
              { d: geometryPath(f.geometry, project), class: `area area-${k}`, 'data-area': k },
              h('title', null, String(f.properties?.name ?? k)),
            ),
          ),
        ),
      ...located.map((o) =>
        h(
          'path',
          { d: geometryPath(o.geometry!, project), class: 'located' },
          h('title', null, `${o.series}: ${o.value ?? '—'} (${o.source})`),
        ),
      ),
      ...labels.map((l) => {
        const [x, y] = project(l.at!);
        return h('text', { x, y, class: 'place', 'text-anchor': 'middle' }, placeName(lang, l.name));
      }),
      median && median.length >= 2
        ? (() => {
            const [x, y] = project(median[median.length - 1]);
            const [x2, y2] = project(median[0]);
            return h(
              'g',
              null,
              h('text', { x: x + 6, y: y - 6, class: 'area-label' }, t('map.medianLine')),
              h('text', { x: (x + x2) / 2 - 70, y: (y + y2) / 2 + 30, class: 'strait-label' }, t('map.strait')),
            );
          })()
        : null,
    ),
    h(
      'aside',
      { class: 'map-activity' },
      h('h2', null, `${t('map.activity')} ${day}`),
      h(KnowledgeBanner, {
        lang,
        knowledge: indicators.data.knowledge,
        label: (ind) => indicatorLabel(lang, pack, ind),
      }),
      h(
        'table',
        null,
        h(
          'tbody',
          null,
          ...activity.map((i) =>
            h(
              'tr',
              { class: `tone-${stateTone(i)}`, 'data-state': i.state, title: i.reason ?? '' },
              h('td', null, indicatorLabel(lang, pack, i)),
              h('td', { class: 'num' }, num(i.value)),
              h('td', null, stateName(lang, i.state)),
              h('td', { class: 'muted' }, i.dataDay ?? ''),
            ),
          ),
        ),
      ),
      h('h3', null, t('map.located')),
      located.length === 0
        ? h('p', { class: 'muted' }, t('map.noLocated'))
        : h('ul', null, ...located.map((o) => h('li', null, `${o.series}: ${o.value ?? '—'} (${o.source})`))),
    ),
  );
}
