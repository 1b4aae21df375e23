// A day typed as ISO YYYY-MM-DD whatever the browser's locale (a text field, never `type=date`, whose display follows
// the locale): a complete valid day is taken as it is typed; a bad one shows its reason and changes nothing.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { translate, type Lang } from '../i18n.js';
import { ISO_DAY_PATTERN, parseIsoDay, type IsoDayResult } from '../iso-date.js';

export interface IsoDayInputProps {
  lang: Lang;
  value: string | undefined;
  onDay: (day: string) => void;
  testId: string;
  /** The first and last days accepted (outside: refused with the reason). */
  firstDay?: string;
  latestDay?: string;
}

export function IsoDayInput({ lang, value, onDay, testId, firstDay, latestDay }: IsoDayInputProps) {
  const [text, setText] = useState(value ?? '');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  useEffect(() => {
    setText(value ?? '');
    setProblem(undefined);
  }, [value]);
  const first = firstDay ?? '1900-01-01';
  const latest = latestDay ?? '2200-12-31';
  const reason = (r: Exclude<IsoDayResult, { ok: true }>, typed: string) =>
    translate(lang, `playback.bad.${r.problem}`, { d: typed, first, latest });
  const take = (typed: string, final: boolean) => {
    setText(typed);
    const r = parseIsoDay(typed, first, latest);
    if (r.ok) {
      setProblem(undefined);
      if (r.day !== value) onDay(r.day);
    } else if (final || /^\d{4}-\d{2}-\d{2}$/.test(typed.trim())) setProblem(reason(r, typed));
  };
  return h(
    'span',
    { class: 'iso-day-input' },
    h('input', {
      type: 'text',
      inputMode: 'numeric',
      pattern: ISO_DAY_PATTERN,
      placeholder: 'YYYY-MM-DD',
      size: 10,
      value: text,
      'data-testid': testId,
      'aria-invalid': problem ? 'true' : 'false',
      title: problem ?? 'YYYY-MM-DD',
      onInput: (e: Event) => take((e.target as HTMLInputElement).value, false),
      onChange: (e: Event) => take((e.target as HTMLInputElement).value, true),
    }),
    problem ? h('small', { class: 'date-error', role: 'alert', 'data-testid': `${testId}-error` }, problem) : null,
  );
}
