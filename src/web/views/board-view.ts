// The warning board: level and since when, each course of action with its 90-day sparkline, the indicator matrix, latest alerts.
import { h } from 'preact';
import { ApiError, query } from '../api-client.js';
import { navigate } from '../app-state.js';
import type { AlertView, BoardView, HealthView, IndicatorView, PackView } from '../api-types.js';
import { Sparkline } from '../charts/sparkline.js';
import { KnowledgeBanner, StaleSourcesBanner } from '../components/knowledge-banner.js';
import { StatusLine } from '../components/status-line.js';
import { num, pct, stateTone } from '../format.js';
import {
  alertText,
  domainName,
  levelName,
  severityName,
  reasonName,
  stateName,
  translate,
  type Lang,
} from '../i18n.js';
import { useApi } from '../use-api.js';

export interface ViewProps {
  lang: Lang;
  at: string | undefined;
  pack: PackView;
  revision: number;
}

export function indicatorLabel(lang: Lang, pack: PackView, ind: { id: string; name: string }): string {
  const def = pack.indicators.find((d) => d.id === ind.id);
  return lang === 'zh-Hant' && def?.nameZh ? def.nameZh : ind.name;
}

/** The theatre's name in the chosen language (the pack's `nameZh` when it has one). */
export function theatreLabel(lang: Lang, pack: Pick<PackView, 'name' | 'nameZh'>): string {
  return lang === 'zh-Hant' && pack.nameZh ? pack.nameZh : pack.name;
}

/** A hypothesis's name in the chosen language (the pack's `nameZh` when it has one). */
export function hypothesisLabel(lang: Lang, pack: PackView, hyp: { id: string; name: string }): string {
  const def = pack.hypotheses.find((d) => d.id === hyp.id);
  return lang === 'zh-Hant' && def?.nameZh ? def.nameZh : hyp.name;
}

export function BoardView({ lang, at, pack, revision }: ViewProps) {
  const board = useApi<BoardView>(`/board${query({ at })}`, revision);
  // In playback, the alerts the rules would have held then (replayed, read-only); live, the active inbox.
  const alerts = useApi<{
    alerts: (Pick<AlertView, 'id' | 'rule' | 'labels' | 'annotations'> & {
      acknowledged?: AlertView['acknowledged'];
    })[];
  }>(at ? `/alerts/replay?at=${at}` : '/alerts?status=active&limit=5', revision);
  // Sources past their cadence today matter only when looking at the latest day (not in playback).
  const health = useApi<HealthView>(at ? undefined : '/health', revision);
  const t = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate(lang, k, v);
  const b = board.data;
  if (!b) return h(StatusLine, { lang, loaded: board });
  const a = b.assessment;
  const domains = [...new Set(a.indicators.map((i) => i.domain))];
  const k = a.knowledge.state;
  return h(
    'main',
    { class: 'board', 'data-testid': 'board', 'data-day': a.day, 'data-knowledge': k },
    h(StaleSourcesBanner, { lang, health: health.data }),
    h(KnowledgeBanner, { lang, knowledge: a.knowledge, label: (ind) => indicatorLabel(lang, pack, ind) }),
    h(
      'section',
      { class: `level-panel level-${a.level} knowledge-${k}` },
      h(
        'div',
        { class: 'level-badge', 'data-testid': 'level-badge', 'data-level': a.level },
        h('span', { class: 'level-number' }, String(a.level)),
        h('span', { class: 'level-name', 'data-testid': 'level-name' }, levelName(lang, a.level)),
        // A level is never shown alone when too little is known.
        k === 'ok'
          ? null
          : h(
              'span',
              { class: 'level-qualifier', 'data-testid': 'level-qualifier' },
              t(k === 'unknown' ? 'knowledge.levelUnknown' : 'knowledge.levelDegraded'),
            ),
      ),
      h(
        'div',
        { class: 'level-facts' },
        h(
          'div',
          null,
          `${t('board.level')} · ${t('board.since')} `,
          h('strong', { 'data-testid': 'level-since' }, b.levelSince),
        ),
        a.episode
          ? h(
              'div',
              { class: 'episode', 'data-testid': 'episode' },
              t(a.episode.sinceBounded ? 'board.episodeBounded' : 'board.episode', {
                since: a.episode.since,
                days: a.episode.days,
              }),
              ': ',
              h(
                'strong',
                null,
                `${a.episode.hypothesis.id} ${hypothesisLabel(lang, pack, a.episode.hypothesis)} ${pct(a.episode.hypothesis.probability)}`,
              ),
            )
          : h('div', null, t('board.pEvent', { n: a.horizonDays }), ': ', h('strong', null, pct(a.pEvent7d))),
        h('div', { class: 'as-of' }, `${t('playback.asOf')} ${a.day} (${pack.timeZone})`),
      ),
      h(
        'div',
        { class: 'level-history' },
        h('div', { class: 'caption' }, t('board.levelHistory')),
        h(Sparkline, {
          values: b.history.map((d) => d.level),
          domain: [1, 5],
          width: 220,
          height: 40,
          label: t('board.levelHistory'),
          className: 'level-spark',
        }),
      ),
    ),
    h(
      'section',
      { class: 'hypotheses' },
      h('h2', null, t('board.hypotheses')),
      h(
        'table',
        null,
        h(
          'tbody',
          null,
          ...a.hypotheses.map((hyp) =>
            h(
              'tr',
              { 'data-hypothesis': hyp.id },
              h('td', { class: 'hyp-id' }, hyp.id),
              h('td', { class: 'hyp-name' }, hypothesisLabel(lang, pack, hyp)),
              h('td', { class: 'hyp-p' }, pct(hyp.probability)),
              h(
                'td',
                { class: 'hyp-bar' },
                h('span', { class: 'bar', style: { width: `${Math.max(1, hyp.probability * 100)}%` } }),
              ),
              h(
                'td',
                { class: 'hyp-spark' },
                h(Sparkline, {
                  values: b.history.map((d) => d.hypotheses[hyp.id] ?? 0),
                  domain: [0, Math.max(0.05, ...b.history.map((d) => d.hypotheses[hyp.id] ?? 0))],
                  label: `${hyp.id} ${t('board.days90')}`,
                }),
              ),
              h('td', { class: 'hyp-prior' }, `${t('board.prior')} ${pct(hyp.prior)}`),
            ),
          ),
        ),
      ),
    ),
    h(
      'section',
      { class: 'latest-alerts' },
      h(
        'h2',
        null,
        h(
          'a',
          {
            href: '#',
            onClick: (e: Event) => {
              e.preventDefault();
              navigate({ view: 'alerts' });
            },
          },
          t('board.alerts'),
        ),
      ),
      alerts.error
        ? h(
            'p',
            { class: 'muted' },
            alerts.error instanceof ApiError && alerts.error.status !== 404
              ? alerts.error.message
              : t('alerts.notConfigured'),
          )
        : (alerts.data?.alerts.length ?? 0) === 0
          ? h('p', { class: 'muted' }, t('board.noAlerts'))
          : h(
              'ul',
              null,
              ...alerts
                .data!.alerts.slice(0, 5)
                .map((x) =>
                  h(
                    'li',
                    { class: `sev-${x.labels.severity ?? 'none'}` },
                    h('span', { class: 'sev' }, severityName(lang, x.labels.severity ?? '')),
                    ' ',
                    alertText(lang, x.annotations, 'summary') ?? x.rule,
                    x.acknowledged
                      ? h('span', { class: 'muted' }, ` · ${t('alerts.acked')} ${x.acknowledged.by}`)
                      : null,
                  ),
                ),
            ),
    ),
    h(
      'section',
      { class: 'matrix' },
      h('h2', null, t('board.matrix')),
      ...domains.map((domain) =>
        h(
          'div',
          { class: 'domain-row' },
          h('div', { class: 'domain-name' }, domainName(lang, domain, pack.domains)),
          h(
            'div',
            { class: 'cells' },
            ...a.indicators.filter((i) => i.domain === domain).map((i) => h(IndicatorCell, { lang, pack, ind: i, at })),
          ),
        ),
      ),
    ),
  );
}

function IndicatorCell({
  lang,
  pack,
  ind,
  at,
}: {
  lang: Lang;
  pack: PackView;
  ind: IndicatorView;
  at: string | undefined;
}) {
  const def = pack.indicators.find((d) => d.id === ind.id);
  const tone = stateTone(ind, def?.watchStates);
  return h(
    'button',
    {
      type: 'button',
      class: `cell tone-${tone}`,
      'data-indicator': ind.id,
      'data-state': ind.state,
      // The machine id is one hover away (and the indicator view shows it).
      title: `${indicatorLabel(lang, pack, ind)} · ${ind.id}${ind.reason ? `\n${reasonName(lang, ind.reason)}` : ''}`,
      onClick: () => navigate({ view: 'indicator', id: ind.id, at }),
    },
    h('span', { class: 'cell-name' }, indicatorLabel(lang, pack, ind)),
    h('span', { class: 'cell-state' }, stateName(lang, ind.state)),
    h(
      'span',
      { class: 'cell-value' },
      ind.value === null ? '—' : `${num(ind.value)}${ind.baseline === null ? '' : ` / ${num(ind.baseline)}`}`,
    ),
    h('span', { class: 'cell-day' }, ind.dataDay ?? ''),
  );
}
