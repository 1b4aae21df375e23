// The timeline of triggers and events, level changes, warning episodes and alerts, as known at the playback day.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { query } from '../api-client.js';
import type { PackView, TimelineItemView } from '../api-types.js';
import { noteDay } from '../components/note-panel.js';
import { StatusLine } from '../components/status-line.js';
import { alertStatusName, daysText, levelName, severityName, translate, type MessageKey } from '../i18n.js';
import type { NoteView } from '../product-types.js';
import { addDays } from '../route.js';
import { collapseFlapping, type FlapRow, type TimelineRow } from '../timeline-collapse.js';
import { useApi } from '../use-api.js';
import { indicatorLabel, type ViewProps } from './board-view.js';

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
  const noteItems: NoteItem[] = hidden.has('note')
    ? []
    : (notes.data?.notes ?? []).map((note) => ({ kind: 'note', day: noteDay(note, pack.timeZone), note }));
  // Flapping collapses before the newest-first order (the rows keep their changes; a click expands one); notes join
  // after the server's items of the same day (a stable sort by day).
  const rows: (TimelineRow | NoteItem)[] = collapseFlapping(
    (timeline.data?.items ?? []).filter((i) => !hidden.has(i.kind)),
  );
  const items = [...rows, ...noteItems].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)).reverse();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const flip = (key: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });
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
        i.kind === 'flap'
          ? h(FlapItem, { lang, row: i, open: open.has(flapKey(i)), onToggle: () => flip(flapKey(i)) })
          : h(
              'li',
              {
                class: `item kind-${i.kind}${i.kind === 'knowledge' ? ` knowledge-${i.state}` : ''}${i.kind === 'alert' && i.replayed ? ' replayed' : ''}`,
              },
              h('time', null, i.day),
              h(
                'span',
                { class: 'kind' },
                i.kind === 'knowledge'
                  ? t(i.state === 'unknown' ? 'timeline.knowledge.unknown' : 'timeline.knowledge.degraded')
                  : t(KINDS.find(([k]) => k === i.kind)![1]),
              ),
              h('span', { class: 'what' }, describeItem(lang, pack, i)),
            ),
      ),
    ),
  );
}

const flapKey = (r: FlapRow) => `${r.day}|${r.end}|${r.levels.join('-')}`;

function FlapItem({
  lang,
  row,
  open,
  onToggle,
}: {
  lang: ViewProps['lang'];
  row: FlapRow;
  open: boolean;
  onToggle: () => void;
}) {
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
  return h(
    'li',
    { class: 'item kind-level-change kind-flap', 'data-testid': 'flap', 'data-changes': row.changes },
    h('time', null, row.day),
    h('span', { class: 'kind' }, t('timeline.flap')),
    h(
      'span',
      { class: 'what' },
      // The template places the two days; each is kept whole on one line.
      ...t('timeline.flapText', {
        a: levelName(lang, row.levels[1]),
        b: levelName(lang, row.levels[0]),
        n: row.changes,
        from: '\u0000from\u0000',
        to: '\u0000to\u0000',
      })
        .split('\u0000')
        .map((part) =>
          part === 'from' || part === 'to' ? h('span', { class: 'nowrap' }, part === 'from' ? row.day : row.end) : part,
        ),
      ' ',
      h(
        'button',
        { type: 'button', class: 'link', 'aria-expanded': open ? 'true' : 'false', onClick: onToggle },
        t(open ? 'timeline.collapse' : 'timeline.expand'),
      ),
      open
        ? h(
            'ol',
            { class: 'flap-changes' },
            ...[...row.items]
              .reverse()
              .map((c) =>
                h(
                  'li',
                  null,
                  h('time', null, c.day),
                  ' ',
                  h('span', { class: `to-level-${c.to}` }, `${levelName(lang, c.from)} → ${levelName(lang, c.to)}`),
                ),
              ),
          )
        : null,
    ),
  );
}

/** One row's text (events and level changes as elements, the rest as strings). */
export function describeItem(lang: ViewProps['lang'], pack: PackView, i: Exclude<TimelineRow, FlapRow> | NoteItem) {
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
      return `${i.day} → ${i.end} · ${daysText(lang, i.days)} · ${translate(lang, 'timeline.peak', { level: levelName(lang, i.peak) })}${i.ongoing ? ` · ${translate(lang, 'timeline.ongoing')}` : ''}`;
    case 'alert':
      return h(
        'span',
        { title: i.rule },
        `${i.severity ? `[${severityName(lang, i.severity)}] ` : ''}${lang === 'zh-Hant' ? (i.summaryZh ?? i.summary) : i.summary} (${i.replayed ? translate(lang, 'timeline.replayed') : alertStatusName(lang, i.status)})`,
      );
    case 'knowledge':
      return `${i.day} → ${i.end} · ${daysText(lang, i.days)}${i.state === 'degraded' && i.unknownDays > 0 ? ` (${translate(lang, 'timeline.knowledge.unknownDays', { n: i.unknownDays })})` : ''}${i.ongoing ? ` · ${translate(lang, 'timeline.ongoing')}` : ''}`;
  }
}
