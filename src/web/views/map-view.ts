// The map view: the theatre map for the playback day (src/web/map/), the state of each map layer that day (MSA notices,
// Joint Staff strait passages: in force, none, or no coverage), the notices with their number, period, text and link,
// and the day's indicator table beside it.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, query } from '../api-client.js';
import type { IndicatorView, KnowledgeView, ObservationView } from '../api-types.js';
import { KnowledgeBanner } from '../components/knowledge-banner.js';
import { StatusLine } from '../components/status-line.js';
import { localTime, num, stateTone } from '../format.js';
import { reasonName, stateName, translate, type Lang, type MessageKey } from '../i18n.js';
import {
  closureNotices,
  closureStatus,
  straitPassages,
  straitStatus,
  type ClosureNotice,
  type LayerStatus,
  type StraitPassage,
} from '../map/layers.js';
import { STRAITS } from '../map/places.js';
import { TheatreMap, type AreaFeature } from '../map/theatre-map.js';
import { useApi } from '../use-api.js';
import { indicatorLabel, type ViewProps } from './board-view.js';

type Areas = Record<string, { features: AreaFeature[] }>;

/** The pack's map areas; `basemap` is not fetched: the dashboard draws its bundled Natural Earth 10m coastlines. */
function useAreas(names: string[], packId: string): Areas | undefined {
  const [areas, setAreas] = useState<Areas | undefined>(undefined);
  useEffect(() => {
    Promise.all(
      names
        .filter((n) => n !== 'basemap')
        .map(async (name) => [name, await api<{ features: AreaFeature[] }>(`/pack/areas/${name}`)] as const),
    ).then(
      (list) => setAreas(Object.fromEntries(list)),
      () => setAreas({}),
    );
  }, [packId]);
  return areas;
}

export function MapView({ lang, at, pack, revision }: ViewProps) {
  const areas = useAreas(Object.keys(pack.areas), pack.id);
  const indicators = useApi<{ day: string; knowledge: KnowledgeView; indicators: { assessment: IndicatorView }[] }>(
    `/indicators${query({ at })}`,
    revision,
  );
  const day = indicators.data?.day;
  const observations = useApi<{ observations: ObservationView[] }>(
    day ? `/observations${query({ day, at: day, limit: 5000 })}` : undefined,
    revision,
  );
  const t = (k: MessageKey, vars?: Record<string, string | number>) => translate(lang, k, vars);
  if (!areas || !indicators.data) return h(StatusLine, { lang, loaded: indicators });

  const all = observations.data?.observations ?? [];
  const notices = closureNotices(all);
  const passages = straitPassages(all);
  const states = indicators.data.indicators.map((i) => i.assessment);
  const msa = observations.data ? closureStatus(all, notices) : undefined;
  const straits = observations.data ? straitStatus(pack.indicators, states, passages) : undefined;
  const located = all.filter((o) => o.geometry && o.series !== 'msa.closure');
  const activity = states.filter((i) => i.domain !== 'political');

  return h(
    'main',
    { class: 'map-view', 'data-day': day },
    h(
      'section',
      { class: 'map-panel' },
      h(TheatreMap, { lang, areas, notices, passages, located }),
      h(
        'ul',
        { class: 'map-layers', 'data-testid': 'map-layers' },
        h('li', { 'data-layer': 'msa', 'data-state': msa?.state ?? 'loading' }, layerLine(lang, 'msa', msa)),
        h(
          'li',
          { 'data-layer': 'straits', 'data-state': straits?.state ?? 'loading' },
          layerLine(lang, 'jso', straits),
        ),
        h('li', { class: 'muted' }, t('map.adizNote')),
      ),
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
        { class: 'map-indicators' },
        h(
          'tbody',
          null,
          ...activity.map((i) =>
            h(
              'tr',
              {
                class: `tone-${stateTone(i)}`,
                'data-state': i.state,
                title: i.reason ? reasonName(lang, i.reason) : '',
              },
              h('td', { class: 'name' }, indicatorLabel(lang, pack, i)),
              h('td', { class: 'num' }, num(i.value)),
              h('td', { class: 'state' }, stateName(lang, i.state)),
              h('td', { class: 'muted day' }, i.dataDay ?? ''),
            ),
          ),
        ),
      ),
      h(NoticeTable, { lang, notices, status: msa, timeZone: pack.timeZone }),
      h(PassageList, { lang, passages, status: straits }),
      located.length > 0
        ? h(
            'section',
            null,
            h('h3', null, t('map.located')),
            h('ul', null, ...located.map((o) => h('li', null, `${o.series}: ${o.value ?? '—'} (${o.source})`))),
          )
        : null,
    ),
  );
}

function layerLine(lang: Lang, layer: 'msa' | 'jso', status: LayerStatus | undefined): string {
  if (!status) return translate(lang, 'common.loading');
  if (status.state === 'some') return translate(lang, `map.${layer}.some`, { n: status.count });
  return translate(lang, `map.${layer}.${status.state}`);
}

function NoticeTable({
  lang,
  notices,
  status,
  timeZone,
}: {
  lang: Lang;
  notices: readonly ClosureNotice[];
  status: LayerStatus | undefined;
  timeZone: string;
}) {
  const t = (k: MessageKey) => translate(lang, k);
  return h(
    'section',
    { class: 'map-notices', 'data-testid': 'msa-notices' },
    h('h3', null, t('map.msa.title')),
    notices.length === 0
      ? h('p', { class: status?.state === 'no-coverage' ? 'no-coverage' : 'muted' }, layerLine(lang, 'msa', status))
      : h(
          'table',
          null,
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', null, t('map.msa.notice')),
              h('th', null, t('map.msa.period')),
              h('th', null, t('map.msa.text')),
            ),
          ),
          h(
            'tbody',
            null,
            ...notices.map((n) =>
              h(
                'tr',
                { 'data-notice': n.number },
                h(
                  'td',
                  { class: 'notice-number' },
                  n.link ? h('a', { href: n.link, target: '_blank', rel: 'noopener noreferrer' }, n.number) : n.number,
                  n.geometry ? null : h('div', { class: 'muted' }, t('map.msa.noArea')),
                ),
                h(
                  'td',
                  { class: 'notice-period' },
                  h('span', { class: 'nowrap' }, localTime(n.periodStart, timeZone)),
                  ' – ',
                  h('span', { class: 'nowrap' }, localTime(n.periodEnd, timeZone)),
                  n.periodStated ? h('div', { class: 'muted' }, n.periodStated) : null,
                ),
                h(
                  'td',
                  { class: 'notice-text' },
                  h('div', null, n.title),
                  n.text ? h('details', null, h('summary', null, t('map.msa.fullText')), h('p', null, n.text)) : null,
                ),
              ),
            ),
          ),
        ),
  );
}

function PassageList({
  lang,
  passages,
  status,
}: {
  lang: Lang;
  passages: readonly StraitPassage[];
  status: LayerStatus | undefined;
}) {
  const t = (k: MessageKey) => translate(lang, k);
  const outside = new Set(STRAITS.filter((s) => !s.line).map((s) => s.id));
  return h(
    'section',
    { class: 'map-passages', 'data-testid': 'strait-passages' },
    h('h3', null, t('map.jso.title')),
    passages.length === 0
      ? h('p', { class: status?.state === 'no-coverage' ? 'no-coverage' : 'muted' }, layerLine(lang, 'jso', status))
      : h(
          'ul',
          null,
          ...passages.map((p) =>
            h(
              'li',
              { 'data-strait': p.strait },
              h('strong', null, t(`strait.${p.strait}` as MessageKey)),
              outside.has(p.strait) ? h('span', { class: 'muted' }, ` (${t('map.jso.outside')})`) : null,
              ': ',
              ...p.observations.flatMap((o, i) => {
                const what = passageWords(lang, o);
                return [
                  i > 0 ? ', ' : '',
                  o.sourceRef
                    ? h('a', { href: o.sourceRef, target: '_blank', rel: 'noopener noreferrer', title: o.series }, what)
                    : h('span', { title: o.series }, what),
                ];
              }),
            ),
          ),
        ),
  );
}

/** "aircraft, heading southeast" for one passage report; the series id stays in the tooltip. */
function passageWords(lang: Lang, o: ObservationView): string {
  const kind = o.series.includes('air-transit') ? 'aircraft' : o.series.includes('russia') ? 'russia' : 'ships';
  const heading = typeof o.attributes?.heading === 'string' ? o.attributes.heading : undefined;
  const words = translate(lang, `map.jso.${kind}`);
  return heading ? `${words} ${translate(lang, 'map.jso.heading', { heading: headingName(lang, heading) })}` : words;
}

function headingName(lang: Lang, heading: string): string {
  const key = `heading.${heading}` as MessageKey;
  return key in HEADINGS ? translate(lang, key) : heading;
}

const HEADINGS = Object.fromEntries(
  ['north', 'northeast', 'east', 'southeast', 'south', 'southwest', 'west', 'northwest'].map((d) => [
    `heading.${d}`,
    d,
  ]),
);
