// History playback: pick or scrub a day; every view then shows what was known at the end of that day.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { navigate } from '../app-state.js';
import { translate, type Lang } from '../i18n.js';
import { addDays, daysBetween } from '../route.js';

export interface PlaybackBarProps {
  lang: Lang;
  at: string | undefined;
  firstDay: string;
  latestDay: string;
}

export function PlaybackBar({ lang, at, firstDay, latestDay }: PlaybackBarProps) {
  const day = at ?? latestDay;
  const [dragging, setDragging] = useState<string | undefined>(undefined);
  useEffect(() => setDragging(undefined), [day]);
  const go = (next: string | undefined) => {
    if (next !== undefined && (next < firstDay || next > latestDay)) return;
    navigate({ at: next === latestDay ? undefined : next });
  };
  const total = daysBetween(firstDay, latestDay);
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  return h(
    'div',
    { class: 'playback', role: 'group', 'aria-label': t('playback.history') },
    h('span', { class: 'playback-label' }, t('playback.asOf')),
    h(
      'button',
      {
        type: 'button',
        onClick: () => go(addDays(day, -1)),
        disabled: day <= firstDay,
        title: t('playback.prev'),
        'aria-label': t('playback.prev'),
      },
      '◀',
    ),
    h('input', {
      type: 'date',
      min: firstDay,
      max: latestDay,
      value: dragging ?? day,
      'data-testid': 'playback-date',
      'aria-label': t('playback.asOf'),
      onChange: (e: Event) => go((e.target as HTMLInputElement).value || undefined),
    }),
    h(
      'button',
      {
        type: 'button',
        onClick: () => go(addDays(day, 1)),
        disabled: day >= latestDay,
        title: t('playback.next'),
        'aria-label': t('playback.next'),
      },
      '▶',
    ),
    h('input', {
      type: 'range',
      min: 0,
      max: total,
      step: 1,
      value: daysBetween(firstDay, dragging ?? day),
      class: 'scrubber',
      'data-testid': 'playback-scrubber',
      'aria-label': t('playback.history'),
      onInput: (e: Event) => setDragging(addDays(firstDay, Number((e.target as HTMLInputElement).value))),
      onChange: (e: Event) => go(addDays(firstDay, Number((e.target as HTMLInputElement).value))),
    }),
    h(
      'button',
      {
        type: 'button',
        class: at ? 'latest' : 'latest current',
        onClick: () => go(undefined),
        'data-testid': 'playback-latest',
      },
      t('playback.latest'),
    ),
  );
}
