// History playback: pick or scrub a day; every view then shows what was known at the end of that day.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { navigate } from '../app-state.js';
import { translate, type Lang } from '../i18n.js';
import { ISO_DAY_PATTERN, parseIsoDay, type IsoDayResult } from '../iso-date.js';
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
  // The day as typed (ISO, whatever the browser's locale), and why it is not one to go to once the analyst commits it.
  const [typed, setTyped] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  useEffect(() => {
    setDragging(undefined);
    setTyped(undefined);
    setProblem(undefined);
  }, [day]);
  const go = (next: string | undefined) => {
    if (next !== undefined && (next < firstDay || next > latestDay)) return;
    navigate({ at: next === latestDay ? undefined : next });
  };
  const total = daysBetween(firstDay, latestDay);
  const t = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate(lang, k, v);
  const explain = (text: string, r: Exclude<IsoDayResult, { ok: true }>) =>
    t(`playback.bad.${r.problem}`, { d: text.trim(), first: firstDay, latest: latestDay });
  // Typing goes as soon as the text is a whole valid day; Enter or leaving the field says what is wrong with it.
  const onInput = (text: string) => {
    setTyped(text);
    const r = parseIsoDay(text, firstDay, latestDay);
    if (r.ok) {
      setProblem(undefined);
      if (r.day !== day) go(r.day);
    }
  };
  const commit = (text: string) => {
    const r = parseIsoDay(text, firstDay, latestDay);
    if (r.ok) {
      setProblem(undefined);
      if (r.day !== day) go(r.day);
    } else setProblem(explain(text, r));
  };
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
    h(
      'span',
      { class: 'playback-date' },
      h('input', {
        type: 'text',
        inputMode: 'numeric',
        pattern: ISO_DAY_PATTERN,
        placeholder: t('playback.dateHint'),
        maxLength: 10,
        size: 10,
        autoComplete: 'off',
        spellcheck: false,
        value: typed ?? dragging ?? day,
        'data-testid': 'playback-date',
        'aria-label': `${t('playback.asOf')} (${t('playback.dateHint')})`,
        'aria-invalid': problem ? 'true' : 'false',
        'aria-describedby': problem ? 'playback-date-error' : undefined,
        class: problem ? 'invalid' : '',
        onInput: (e: Event) => onInput((e.target as HTMLInputElement).value),
        onChange: (e: Event) => commit((e.target as HTMLInputElement).value),
        onKeyDown: (e: KeyboardEvent) => {
          if (e.key === 'Enter') commit((e.target as HTMLInputElement).value);
        },
      }),
      problem
        ? h(
            'span',
            { class: 'date-error', id: 'playback-date-error', role: 'alert', 'data-testid': 'playback-date-error' },
            problem,
          )
        : null,
    ),
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
