// The alerts inbox: acknowledge, silence, comment, and the playbook checklist of each alert; updates live.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api-client.js';
import type { AlertExplanationView, AlertView, PackView, ReplayedAlertView } from '../api-types.js';
import { StatusLine } from '../components/status-line.js';
import { localTime, pct } from '../format.js';
import { alertStatusName, alertText, severityName, stateName, translate, type Lang, type MessageKey } from '../i18n.js';
import { useApi } from '../use-api.js';
import { hypothesisLabel, indicatorLabel, type ViewProps } from './board-view.js';

export function AlertsView(props: ViewProps) {
  return props.at === undefined ? h(AlertsInbox, props) : h(ReplayedAlerts, { ...props, at: props.at });
}

/** Playback: what the rules would have held at the end of `at`, replayed by the server (read-only). */
function ReplayedAlerts({ lang, pack, at, revision }: ViewProps & { at: string }) {
  const loaded = useApi<{ at: string; from: string; alerts: ReplayedAlertView[] }>(`/alerts/replay?at=${at}`, revision);
  const t = (k: MessageKey) => translate(lang, k);
  if (loaded.error instanceof ApiError && loaded.error.status === 404)
    return h('main', null, h('p', { class: 'muted' }, t('alerts.notConfigured')));
  return h(
    'main',
    { class: 'alerts-view' },
    h('div', { class: 'filters' }, h('h1', null, t('alerts.title'))),
    h(
      'p',
      { 'data-testid': 'replay-note' },
      `${t('alerts.replayed')} ${at}. `,
      h('span', { class: 'muted' }, t('alerts.replayNote')),
    ),
    loaded.data ? null : h(StatusLine, { lang, loaded }),
    loaded.data && loaded.data.alerts.length === 0 ? h('p', { class: 'muted' }, t('alerts.empty')) : null,
    h(
      'ul',
      { class: 'inbox', 'data-testid': 'replay' },
      ...(loaded.data?.alerts ?? []).map((a) => h(ReplayedCard, { key: a.id, alert: a, lang, pack })),
    ),
  );
}

function ReplayedCard({ alert: a, lang, pack }: { alert: ReplayedAlertView; lang: ViewProps['lang']; pack: PackView }) {
  const t = (k: MessageKey) => translate(lang, k);
  const timeZone = pack.timeZone;
  const e = a.explanation;
  return h(
    'li',
    {
      class: `alert-card sev-${a.labels.severity ?? 'none'} status-${a.status}`,
      'data-testid': 'replayed-alert',
      'data-rule': a.rule,
    },
    h(
      'header',
      null,
      h('span', { class: 'sev' }, severityName(lang, a.labels.severity ?? '')),
      h('strong', null, alertText(lang, a.annotations, 'summary') ?? a.rule),
      h('span', { class: 'status' }, alertStatusName(lang, a.status)),
    ),
    h('p', { class: 'muted' }, `${t('alerts.fired')} ${localTime(a.firedAt ?? a.activeAt, timeZone)}`),
    h(ExplanationLines, { lang, pack, explanation: e }),
    h(AlertIds, { lang, rule: a.rule, labels: a.labels }),
  );
}

/** What moved and the evidence, by the pack's names in the chosen language. */
function ExplanationLines({
  lang,
  pack,
  explanation: e,
}: {
  lang: Lang;
  pack: PackView;
  explanation: AlertExplanationView | null;
}) {
  const t = (k: MessageKey) => translate(lang, k);
  return h(
    'div',
    { class: 'explanation' },
    e?.moved
      ? h(
          'p',
          null,
          `${t('alerts.moved')}: ${e.moved.id} ${hypothesisLabel(lang, pack, e.moved)} ${e.moved.from === null ? '' : `${pct(e.moved.from)} → `}${pct(e.moved.to)}`,
        )
      : null,
    e && e.evidence.length
      ? h(
          'p',
          null,
          `${t('alerts.evidence')}: `,
          ...e.evidence.map((x, i) =>
            h(
              'span',
              { title: x.indicator },
              `${i ? (lang === 'zh-Hant' ? '；' : '; ') : ''}${indicatorLabel(lang, pack, { id: x.indicator, name: x.name })} ${stateName(lang, x.state)} (${x.contribution >= 0 ? '+' : ''}${x.contribution.toFixed(2)})`,
            ),
          ),
        )
      : null,
  );
}

function AlertsInbox({ lang, pack, revision }: ViewProps) {
  const [scope, setScope] = useState<'active' | 'all'>('active');
  const [bump, setBump] = useState(0);
  const loaded = useApi<{ alerts: AlertView[] }>(`/alerts?status=${scope}`, revision + bump);
  const t = (k: MessageKey) => translate(lang, k);
  const refresh = () => setBump((n) => n + 1);
  if (loaded.error instanceof ApiError && loaded.error.status === 404)
    return h('main', null, h('p', { class: 'muted' }, t('alerts.notConfigured')));
  return h(
    'main',
    { class: 'alerts-view' },
    h(
      'div',
      { class: 'filters' },
      h('h1', null, t('alerts.title')),
      ...(['active', 'all'] as const).map((s) =>
        h(
          'button',
          { type: 'button', class: s === scope ? 'active' : '', onClick: () => setScope(s) },
          t(s === 'active' ? 'alerts.active' : 'alerts.all'),
        ),
      ),
    ),
    loaded.data ? null : h(StatusLine, { lang, loaded }),
    loaded.data && loaded.data.alerts.length === 0 ? h('p', { class: 'muted' }, t('alerts.empty')) : null,
    h(
      'ul',
      { class: 'inbox', 'data-testid': 'inbox' },
      ...(loaded.data?.alerts ?? []).map((a) => h(AlertCard, { key: a.id, alert: a, lang, pack, onChange: refresh })),
    ),
  );
}

/** The machine ids (rule, labels) one click away: what silences, routes and `--json` readers match on. */
function AlertIds({ lang, rule, labels }: { lang: Lang; rule: string; labels: Readonly<Record<string, string>> }) {
  return h(
    'details',
    { class: 'alert-ids muted' },
    h('summary', null, translate(lang, 'alerts.ids')),
    h(
      'code',
      null,
      `${translate(lang, 'alerts.rule')} ${rule} · ${Object.entries(labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
    ),
  );
}

function AlertCard({
  alert: a,
  lang,
  pack,
  onChange,
}: {
  alert: AlertView;
  lang: ViewProps['lang'];
  pack: PackView;
  onChange: () => void;
}) {
  const timeZone = pack.timeZone;
  const [comment, setComment] = useState('');
  const [duration, setDuration] = useState('2h');
  const [error, setError] = useState<string | undefined>(undefined);
  const t = (k: MessageKey) => translate(lang, k);
  const act =
    (path: string, body: unknown, method = 'POST') =>
    async () => {
      setError(undefined);
      try {
        await api(path, { method, body });
        setComment('');
        onChange();
      } catch (e) {
        setError((e as Error).message);
      }
    };
  const matchers = [
    `alertname="${a.labels.alertname ?? a.rule}"`,
    ...(a.labels.theatre ? [`theatre="${a.labels.theatre}"`] : []),
    ...(a.labels.series ? [`series="${a.labels.series}"`] : []),
  ];
  const e = a.explanation;
  return h(
    'li',
    {
      class: `alert-card sev-${a.labels.severity ?? 'none'} status-${a.status}`,
      'data-testid': 'alert-item',
      'data-alert': a.id,
      'data-acked': a.acknowledged ? 'yes' : 'no',
    },
    h(
      'header',
      null,
      h('span', { class: 'sev' }, severityName(lang, a.labels.severity ?? '')),
      h('strong', null, alertText(lang, a.annotations, 'summary') ?? a.rule),
      h('span', { class: 'status' }, alertStatusName(lang, a.status)),
      a.silencedBy ? h('span', { class: 'badge' }, t('alerts.silenced')) : null,
    ),
    h('p', { class: 'muted' }, `${t('alerts.fired')} ${localTime(a.firedAt ?? a.activeAt, timeZone)}`),
    a.annotations.description ? h('p', null, alertText(lang, a.annotations, 'description')) : null,
    h(ExplanationLines, { lang, pack, explanation: e }),
    a.acknowledged
      ? h(
          'p',
          { class: 'acked', 'data-testid': 'acked' },
          `${t('alerts.acked')} ${a.acknowledged.by} · ${localTime(a.acknowledged.at, timeZone)}${a.acknowledged.comment ? ` · “${a.acknowledged.comment}”` : ''}`,
        )
      : null,
    a.checklist
      ? h(
          'div',
          { class: 'checklist' },
          h(
            'h3',
            null,
            `${t('alerts.playbook')}: ${lang === 'zh-Hant' && a.checklist.titleZh ? a.checklist.titleZh : a.checklist.title}`,
          ),
          h(
            'ul',
            null,
            ...a.checklist.steps.map((s) =>
              h(
                'li',
                null,
                h(
                  'label',
                  null,
                  h('input', {
                    type: 'checkbox',
                    checked: s.tickedBy !== null,
                    disabled: s.tickedBy !== null,
                    onChange: act(`/alerts/${a.id}/playbook/${encodeURIComponent(s.id)}`, {}),
                  }),
                  ` ${lang === 'zh-Hant' && s.textZh ? s.textZh : s.text}`,
                  s.tickedBy
                    ? h('span', { class: 'muted' }, ` — ${s.tickedBy}, ${localTime(s.tickedAt!, timeZone)}`)
                    : null,
                ),
              ),
            ),
          ),
        )
      : null,
    a.comments.length
      ? h(
          'ul',
          { class: 'comments' },
          ...a.comments.map((c) => h('li', null, h('strong', null, c.by), ` ${localTime(c.at, timeZone)}: ${c.text}`)),
        )
      : null,
    h(
      'div',
      { class: 'actions' },
      h('input', {
        type: 'text',
        value: comment,
        placeholder: t('alerts.comment.placeholder'),
        maxLength: 2000,
        'aria-label': t('alerts.comment'),
        onInput: (ev: Event) => setComment((ev.target as HTMLInputElement).value),
      }),
      (a.status === 'firing' || a.status === 'pending') && !a.acknowledged
        ? h(
            'button',
            {
              type: 'button',
              class: 'primary',
              'data-testid': 'ack-button',
              onClick: act(`/alerts/${a.id}/ack`, { comment }),
            },
            t('alerts.ack'),
          )
        : null,
      h(
        'button',
        {
          type: 'button',
          disabled: comment.trim() === '',
          onClick: act(`/alerts/${a.id}/comments`, { text: comment }),
        },
        t('alerts.addComment'),
      ),
      a.silencedBy
        ? h(
            'button',
            { type: 'button', onClick: act(`/silences/${a.silencedBy}`, undefined, 'DELETE') },
            t('alerts.unsilence'),
          )
        : h(
            'span',
            { class: 'silence' },
            h(
              'select',
              {
                value: duration,
                'aria-label': t('alerts.for'),
                onChange: (ev: Event) => setDuration((ev.target as HTMLSelectElement).value),
              },
              ...['1h', '2h', '8h', '1d', '7d'].map((d) => h('option', { value: d }, d)),
            ),
            h(
              'button',
              {
                type: 'button',
                onClick: act('/silences', {
                  matchers,
                  duration,
                  comment: comment.trim() || `silenced from the dashboard (${a.rule})`,
                }),
              },
              t('alerts.silence'),
            ),
          ),
    ),
    h(AlertIds, { lang, rule: a.rule, labels: a.labels }),
    error ? h('p', { class: 'error', role: 'alert' }, error) : null,
  );
}
