// The timeline of triggers and events, level changes, warning episodes and alerts, as known at the playback day.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { query } from '../api-client.js';
import type { TimelineItemView } from '../api-types.js';
import { noteDay } from '../components/note-panel.js';
import { StatusLine } from '../components/status-line.js';
import { levelName, translate, type MessageKey } from '../i18n.js';
import type { NoteView } from '../product-types.js';
import { addDays } from '../route.js';
import { useApi } from '../use-api.js';
import type { ViewProps } from './board-view.js';

/** Analyst notes join the timeline as items of their own kind. */
type NoteItem = { kind: 'note'; day: string; note: NoteView };
type Item = TimelineItemView | NoteItem;

const KINDS: [Item['kind'], MessageKey][] = [
  ['knowledge', 'timeline.knowledge.degraded'],
  ['event', 'timeline.event'],
  ['level-change', 'timeline.levelChange'],
  ['episode', 'timeline.episode'],
  ['alert', 'timeline.alert'],
  ['note', 'timeline.note'],
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
  const notes = useApi<{ notes: NoteView[] }>(
    to ? `/notes${query({ at, from: addDays(to, -days + 1), to })}` : undefined,
    revision,
  );
  const t = (k: MessageKey) => translate(lang, k);
  const noteItems: NoteItem[] = (notes.data?.notes ?? []).map((note) => ({
    kind: 'note',
    day: noteDay(note, pack.timeZone),
    note,
  }));
  // Stable merge by day: notes after the server's items of the same day.
  const merged: Item[] = [...(timeline.data?.items ?? []), ...noteItems].sort((a, b) =>
    a.day < b.day ? -1 : a.day > b.day ? 1 : 0,
  );
  const items = merged.filter((i) => !hidden.has(i.kind)).reverse();
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
        h('button', { type: 'button', class: d === days ? 'active' : '', onClick: () => setDays(d) }, `${d}d`),
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
          h('span', { class: 'what' }, describe(lang, i)),
        ),
      ),
    ),
  );
}

function describe(lang: ViewProps['lang'], i: Item) {
  switch (i.kind) {
    case 'note': {
      const o = i.note.observation;
      return h(
        'span',
        { 'data-testid': 'timeline-note' },
        `${o.source.replace(/^analyst:/, '')} (${o.reliability}${o.credibility}, TLP:${o.tlp.toUpperCase()}) ${o.series}: ${o.text ?? ''}`,
        i.note.readBy.length === 0 ? h('span', { class: 'note-unread' }, ` ${translate(lang, 'notes.unread')}`) : null,
      );
    }
    case 'event':
      return i.sourceRef
        ? h('a', { href: i.sourceRef, target: '_blank', rel: 'noopener noreferrer' }, i.title)
        : i.title;
    case 'level-change':
      return h('span', { class: `to-level-${i.to}` }, `${levelName(lang, i.from)} → ${levelName(lang, i.to)}`);
    case 'episode':
      return `${i.day} → ${i.end} · ${i.days} ${translate(lang, 'timeline.days')} · max ${levelName(lang, i.peak)}${i.ongoing ? ` · ${translate(lang, 'timeline.ongoing')}` : ''}`;
    case 'alert':
      return `${i.severity ? `[${i.severity}] ` : ''}${i.summary} (${i.status})`;
    case 'knowledge':
      return `${i.day} → ${i.end} · ${i.days} ${translate(lang, 'timeline.days')}${i.state === 'degraded' && i.unknownDays > 0 ? ` (${translate(lang, 'timeline.knowledge.unknownDays', { n: i.unknownDays })})` : ''}${i.ongoing ? ` · ${translate(lang, 'timeline.ongoing')}` : ''}`;
  }
}
