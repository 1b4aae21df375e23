// One indicator: its series with the baseline band, anomalies and definition breaks, and the observations behind a point
// with source, grading and revisions, all as known at the playback day.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, query } from '../api-client.js';
import { getState, navigate } from '../app-state.js';
import type { ObservationView, PackView, SeriesPointView, SeriesView } from '../api-types.js';
import { SeriesChart } from '../charts/series-chart.js';
import { ExportBar } from '../components/export-bar.js';
import { annotationSeries, NotePanel, noteDay } from '../components/note-panel.js';
import { StatusLine } from '../components/status-line.js';
import { localTime, num } from '../format.js';
import { domainName, reasonName, stateName, translate, unitName } from '../i18n.js';
import { magnitudeText } from '../magnitude.js';
import { provenance } from '../provenance.js';
import type { NoteView } from '../product-types.js';
import { addDays } from '../route.js';
import { useApi } from '../use-api.js';
import { indicatorLabel, type ViewProps } from './board-view.js';

const WINDOWS = [90, 180, 365, 1095];

export function IndicatorView({ lang, at, pack, revision, id }: ViewProps & { id: string | undefined }) {
  const indicatorId = id ?? pack.indicators[0]?.id;
  // The window is part of the address, so "copy link" opens the same chart.
  const days = getState().route.days ?? 180;
  const setDays = (d: number) => navigate({ days: d === 180 ? undefined : d });
  const [picked, setPicked] = useState<SeriesPointView | undefined>(undefined);
  const span = useApi<{ latestDay: string }>('/span', revision);
  const to = at ?? span.data?.latestDay;
  const path =
    indicatorId && to
      ? `/indicators/${encodeURIComponent(indicatorId)}/series${query({ at, from: addDays(to, -days + 1) })}`
      : undefined;
  const series = useApi<SeriesView>(path, revision);
  useEffect(() => setPicked(undefined), [indicatorId, at]);
  // Analyst notes on the indicator's series and its annotations, drawn on the chart and listed below it.
  const [notesChanged, setNotesChanged] = useState(0);
  const definition = pack.indicators.find((d) => d.id === indicatorId);
  const noteSeries = definition ? [annotationSeries(definition.id), ...definition.series] : [];
  const notes = useApi<{ notes: NoteView[] }>(
    definition && to
      ? `/notes${query({ at, from: addDays(to, -days + 1), to, series: noteSeries.join(',') })}`
      : undefined,
    revision + notesChanged,
  );
  const chartBox = useRef<HTMLDivElement>(null);
  const role = getState().session?.user.role;
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  const s = series.data;
  const latest = s?.points.at(-1);
  // When the last day of the window is not known (no coverage, stale), the header says so, not the last known value.
  const unknownNow = s?.unknownSpans.find((u) => u.to === s.to);
  return h(
    'main',
    { class: 'indicator-view' },
    h(
      'aside',
      { class: 'indicator-list' },
      ...pack.indicators.map((d) =>
        h(
          'a',
          {
            href: '#',
            class: d.id === indicatorId ? 'active' : '',
            onClick: (e: Event) => {
              e.preventDefault();
              navigate({ view: 'indicator', id: d.id });
            },
          },
          indicatorLabel(lang, pack, d),
        ),
      ),
    ),
    h(
      'section',
      { class: 'indicator-main' },
      s
        ? h(
            'header',
            null,
            h('h1', null, indicatorLabel(lang, pack, s.indicator)),
            h(
              'p',
              { class: 'muted' },
              `${t('indicator.id')} ${s.indicator.id} · ${domainName(lang, s.indicator.domain, pack.domains)} · ${s.indicator.detector}${s.indicator.sumDays > 1 ? ` · ${translate(lang, 'indicator.sumDays', { n: s.indicator.sumDays })}` : ''} · ${s.indicator.series.join(', ')}`,
            ),
            s.indicator.description
              ? h('p', null, indicatorDescription(lang, pack, s.indicator.id, s.indicator.description))
              : null,
            unknownNow
              ? h(
                  'p',
                  { 'data-testid': 'unknown-now' },
                  `${t('indicator.state')}: `,
                  h('strong', { class: `tone-${unknownNow.state}` }, stateName(lang, unknownNow.state)),
                  ` · ${unknownNow.from} – ${unknownNow.to}`,
                )
              : latest
                ? h(
                    'p',
                    null,
                    `${t('indicator.state')}: `,
                    h('strong', null, stateName(lang, latest.state)),
                    ` · ${t('indicator.value')} ${num(latest.value)} · ${t('indicator.baseline')} ${num(latest.baseline)}${latest.band ? ` [${num(latest.band.low)}–${num(latest.band.high)}, n=${latest.band.n}]` : ''} · ${latest.day}`,
                    magnitude(lang, latest, undefined, 'latest-magnitude'),
                  )
                : null,
          )
        : h(StatusLine, { lang, loaded: series }),
      h(
        'div',
        { class: 'windows' },
        `${t('indicator.window')}: `,
        ...WINDOWS.map((w) =>
          h(
            'button',
            { type: 'button', class: w === days ? 'active' : '', onClick: () => setDays(w) },
            w >= 365 ? `${w / 365}y` : `${w}d`,
          ),
        ),
      ),
      s
        ? s.points.length === 0 && s.unknownSpans.length === 0
          ? h('p', { class: 'muted' }, t('indicator.noPoints'))
          : h(
              'div',
              { ref: chartBox, class: 'chart-box' },
              h(SeriesChart, {
                notes: (notes.data?.notes ?? []).map((n) => ({
                  day: noteDay(n, pack.timeZone),
                  label: `${n.observation.source} ${n.observation.reliability}${n.observation.credibility} TLP:${n.observation.tlp.toUpperCase()}: ${n.observation.text ?? ''}`,
                  unread: n.readBy.length === 0,
                })),
                points: s.points,
                breaks: s.breaks,
                unknownSpans: s.unknownSpans,
                from: s.from,
                to: s.to,
                selected: picked?.day,
                onPick: setPicked,
                labels: {
                  band: t('indicator.band'),
                  break: t('indicator.break'),
                  anomaly: t('indicator.anomaly'),
                  noCoverage: t('chart.noCoverage'),
                  stale: t('state.stale'),
                },
              }),
            )
        : null,
      s
        ? h(ExportBar, {
            lang,
            name: `${s.indicator.id}-${s.from}-${s.to}`,
            chart: () => chartBox.current?.querySelector('svg'),
            csv: () => [
              ['day', 'value', 'baseline', 'band_low', 'band_high', 'band_n', 'state', 'judged_on', 'reason'],
              ...s.points.map((p) => [
                p.day,
                p.value,
                p.baseline,
                p.band?.low,
                p.band?.high,
                p.band?.n,
                p.state,
                p.judgedOn,
                p.reason,
              ]),
              ...s.unknownSpans.map((u) => [
                `${u.from}..${u.to}`,
                null,
                null,
                null,
                null,
                null,
                u.state,
                null,
                'nothing known',
              ]),
            ],
          })
        : null,
      h(
        'div',
        { class: 'legend' },
        h('span', { class: 'key band-key' }),
        t('indicator.band'),
        ' ',
        h('span', { class: 'key anomaly-key' }),
        t('indicator.anomaly'),
        ' ',
        h('span', { class: 'key break-key' }),
        t('indicator.break'),
        ' ',
        h('span', { class: 'key nocov-key' }),
        t('chart.noCoverage'),
        ' ',
        h('span', { class: 'key note-key' }),
        t('notes.title'),
      ),
      h(
        'section',
        { class: 'evidence' },
        h('h2', null, t('indicator.observations'), picked ? ` ${picked.day}` : ''),
        picked
          ? h(ObservationList, { ids: picked.observationIds, at, lang, timeZone: pack.timeZone, point: picked })
          : h('p', { class: 'muted' }, t('indicator.pick')),
      ),
      definition
        ? h(NotePanel, {
            key: definition.id,
            lang,
            indicator: definition,
            day: picked?.day ?? to,
            timeZone: pack.timeZone,
            notes: notes.data?.notes,
            canWrite: role === 'analyst' || role === 'admin',
            playback: at !== undefined,
            onSaved: () => setNotesChanged((n) => n + 1),
          })
        : null,
    ),
  );
}

/** "153 aircraft · ×9.6 baseline · highest of 2,100 days on record", on its own line; nothing for an unknown value. */
function magnitude(lang: ViewProps['lang'], p: SeriesPointView, unit: string | undefined, testid: string) {
  const text = magnitudeText(lang, { value: p.value, unit, baseline: p.baseline, rank: p.rank ?? undefined });
  return text
    ? h(
        'span',
        { class: 'magnitude', 'data-testid': testid },
        h('span', { class: 'magnitude-label' }, `${translate(lang, 'magnitude.title')}: `),
        text,
      )
    : null;
}

interface ObservationDetail {
  observation: ObservationView;
  revisions: ObservationView[];
}

function ObservationList({
  ids,
  at,
  lang,
  timeZone,
  point,
}: {
  ids: string[];
  at: string | undefined;
  lang: ViewProps['lang'];
  timeZone: string;
  point: SeriesPointView;
}) {
  const [details, setDetails] = useState<ObservationDetail[] | undefined>(undefined);
  useEffect(() => {
    let current = true;
    setDetails(undefined);
    Promise.all(
      ids.map((id) => api<ObservationDetail>(`/observations/${id}${query({ at })}`).catch(() => undefined)),
    ).then((list) => current && setDetails(list.filter((d): d is ObservationDetail => d !== undefined)));
    return () => void (current = false);
  }, [ids.join(','), at]);
  const t = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate(lang, k, v);
  if (!details) return h('p', { class: 'loading' }, t('common.loading'));
  const units = [...new Set(details.map((d) => d.observation.unit))];
  return h(
    'div',
    null,
    h(
      'p',
      { class: 'muted' },
      `${t('indicator.state')}: ${stateName(lang, point.state)}${point.reason ? ` (${reasonName(lang, point.reason)})` : ''}`,
    ),
    h('p', null, magnitude(lang, point, units.length === 1 ? units[0] : undefined, 'point-magnitude')),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'observations', 'data-testid': 'observations' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            ...[
              t('indicator.series'),
              t('indicator.value'),
              t('indicator.period'),
              t('indicator.published'),
              t('indicator.source'),
              t('indicator.grading'),
              'TLP',
              t('indicator.revisions'),
            ].map((c) => h('th', null, c)),
          ),
        ),
        h(
          'tbody',
          null,
          ...details.map(({ observation: o, revisions }) => {
            const p = provenance(o, timeZone);
            return h(
              'tr',
              null,
              h('td', { class: 'series-id', 'data-label': t('indicator.series') }, o.series),
              h(
                'td',
                { class: 'nowrap', 'data-label': t('indicator.value') },
                o.value === null ? `— (${o.missingReason ?? ''})` : `${o.value} ${unitName(lang, o.unit)}`,
              ),
              h(
                'td',
                { class: 'period', 'data-label': t('indicator.period') },
                h('span', { class: 'nowrap' }, localTime(o.periodStart, timeZone)),
                ' → ',
                h('span', { class: 'nowrap' }, localTime(o.periodEnd, timeZone)),
              ),
              // A time of day the source did not state is said to be assumed, never shown as a fact.
              p.published.assumed
                ? h(
                    'td',
                    {
                      class: 'published assumed',
                      'data-testid': 'published-assumed',
                      'data-label': t('indicator.published'),
                    },
                    h('span', { class: 'nowrap' }, p.published.day),
                    ' ',
                    h('span', null, `(${t('provenance.assumed', { time: p.published.time })})`),
                  )
                : h(
                    'td',
                    { class: 'published nowrap', 'data-label': t('indicator.published') },
                    `${p.published.day} ${p.published.time}`,
                  ),
              h(
                'td',
                { class: 'source', 'data-label': t('indicator.source') },
                p.link
                  ? h(
                      'a',
                      { href: p.link, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'source-link' },
                      o.source,
                    )
                  : p.ref
                    ? `${o.source} (${p.ref})`
                    : o.source,
                p.compiler ? h('div', { class: 'muted' }, t('provenance.via', { compiler: p.compiler })) : null,
              ),
              h(
                'td',
                { class: 'grade', 'data-label': t('indicator.grading') },
                t('provenance.gradeGiven', { grade: p.grade, source: p.source }),
              ),
              h('td', { 'data-label': 'TLP' }, o.tlp.toUpperCase()),
              h(
                'td',
                { 'data-label': t('indicator.revisions') },
                revisions.length <= 1
                  ? '1'
                  : revisions.map((r) => `${r.value ?? '—'} @ ${localTime(r.publishedAt, timeZone)}`).join(' → '),
              ),
            );
          }),
        ),
      ),
    ),
  );
}

/** The pack's `descriptionZh` in 中文 when it has one. */
function indicatorDescription(lang: ViewProps['lang'], pack: PackView, id: string, description: string): string {
  const def = pack.indicators.find((d) => d.id === id) as { descriptionZh?: string } | undefined;
  return lang === 'zh-Hant' && def?.descriptionZh ? def.descriptionZh : description;
}
