// The timeline of triggers and events, level changes, warning episodes and alerts, as known at the playback day.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { query } from '../api-client.js';
import type { PackView, TimelineItemView } from '../api-types.js';
import { StatusLine } from '../components/status-line.js';
import { alertStatusName, levelName, severityName, translate, type MessageKey } from '../i18n.js';
import { addDays } from '../route.js';
import { useApi } from '../use-api.js';
import { indicatorLabel, type ViewProps } from './board-view.js';

const KINDS: [TimelineItemView['kind'], MessageKey][] = [
  ['knowledge', 'timeline.knowledge.degraded'],
  ['event', 'timeline.event'],
  ['level-change', 'timeline.levelChange'],
  ['episode', 'timeline.episode'],
  ['alert', 'timeline.alert'],
];

export function TimelineView({ lang, at, pack, revision }: ViewProps) {
  const [days, setDays] = useState(180);
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const span = useApi<{ latestDay: string }>('/span', revision);
  const to = at ?? span.data?.latestDay;
  const timeline = useApi<{ from: string; to: string; items: TimelineItemView[] }>(
    to ? `/timeline${query({ at, from: addDays(to, -days + 1) })}` : undefined,
    revision,
  );
  const t = (k: MessageKey) => translate(lang, k);
  const items = (timeline.data?.items ?? []).filter((i) => !hidden.has(i.kind)).reverse();
  const toggle = (kind: string) =>
    setHidden((s) => {
      const next = new Set(s);
      if (!next.delete(kind)) next.add(kind);
      return next;
    });
  return h(
    'main',
    { class: 'timeline-view' },
    h(
      'div',
      { class: 'filters' },
      ...KINDS.map(([kind, key]) =>
        h(
          'label',
          { class: `chip kind-${kind}` },
          h('input', { type: 'checkbox', checked: !hidden.has(kind), onChange: () => toggle(kind) }),
          t(key),
        ),
      ),
      ...[90, 180, 365].map((d) =>
        h(
          'button',
          { type: 'button', class: d === days ? 'active' : '', onClick: () => setDays(d) },
          `${d} ${t('timeline.days')}`,
        ),
      ),
    ),
    timeline.data ? null : h(StatusLine, { lang, loaded: timeline }),
    timeline.data && items.length === 0 ? h('p', { class: 'muted' }, t('timeline.empty')) : null,
    h(
      'ol',
      { class: 'timeline', 'data-testid': 'timeline' },
      ...items.map((i) =>
        h(
          'li',
          { class: `item kind-${i.kind}${i.kind === 'knowledge' ? ` knowledge-${i.state}` : ''}` },
          h('time', null, i.day),
          h(
            'span',
            { class: 'kind' },
            i.kind === 'knowledge'
              ? t(i.state === 'unknown' ? 'timeline.knowledge.unknown' : 'timeline.knowledge.degraded')
              : t(KINDS.find(([k]) => k === i.kind)![1]),
          ),
          h('span', { class: 'what' }, describe(lang, pack, i)),
        ),
      ),
    ),
  );
}

function describe(lang: ViewProps['lang'], pack: PackView, i: TimelineItemView) {
  switch (i.kind) {
    case 'event': {
      // The title is the source's own text (English). A report without one (a Joint Staff release flag) reads as a
      // source report; its series id is one hover away. In 中文 the title follows the names of the indicators it feeds.
      const untitled = i.title === i.series;
      const text = untitled ? translate(lang, 'timeline.sourceReport') : i.title;
      const attrs = { title: `${i.series} · ${i.source}`, ...(untitled ? {} : { lang: 'en' }) };
      const title = i.sourceRef
        ? h('a', { href: i.sourceRef, target: '_blank', rel: 'noopener noreferrer', ...attrs }, text)
        : h('span', attrs, text);
      if ((lang !== 'zh-Hant' && !untitled) || i.indicators.length === 0) return title;
      const zh = lang === 'zh-Hant';
      const names = i.indicators.map((id) => indicatorLabel(lang, pack, { id, name: id })).join(zh ? '、' : ', ');
      return h(
        'span',
        null,
        h('span', { class: 'event-kind', title: i.indicators.join(', ') }, `${names}${zh ? '：' : ': '}`),
        title,
      );
    }
    case 'level-change':
      return h('span', { class: `to-level-${i.to}` }, `${levelName(lang, i.from)} → ${levelName(lang, i.to)}`);
    case 'episode':
      return `${i.day} → ${i.end} · ${i.days} ${translate(lang, 'timeline.days')} · ${translate(lang, 'timeline.peak')} ${levelName(lang, i.peak)}${i.ongoing ? ` · ${translate(lang, 'timeline.ongoing')}` : ''}`;
    case 'alert':
      return h(
        'span',
        { title: i.rule },
        `${i.severity ? `[${severityName(lang, i.severity)}] ` : ''}${lang === 'zh-Hant' ? (i.summaryZh ?? i.summary) : i.summary} (${alertStatusName(lang, i.status)})`,
      );
    case 'knowledge':
      return `${i.day} → ${i.end} · ${i.days} ${translate(lang, 'timeline.days')}${i.state === 'degraded' && i.unknownDays > 0 ? ` (${translate(lang, 'timeline.knowledge.unknownDays', { n: i.unknownDays })})` : ''}${i.ongoing ? ` · ${translate(lang, 'timeline.ongoing')}` : ''}`;
  }
}
