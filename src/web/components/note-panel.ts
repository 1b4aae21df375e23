// Analyst notes on the indicator view: the notes about days of the window (each saying whether an indicator reads its
// series), and a form to write one for the chosen day with its Admiralty grading and TLP marking. A note on the
// indicator's own series is evidence the assessment weighs; an annotation (`note.<indicator>`) is read by no indicator.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api-client.js';
import { localTime } from '../format.js';
import { translate, type Lang, type MessageKey } from '../i18n.js';
import type { NoteView } from '../product-types.js';

const RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'];
const CREDIBILITIES = ['1', '2', '3', '4', '5', '6'];
const TLPS = ['clear', 'green', 'amber', 'amber+strict', 'red'];

/** The series an annotation of this indicator is recorded on: no indicator reads it. */
export const annotationSeries = (indicatorId: string) => `note.${indicatorId}`;

/** The local day a note is about. */
export const noteDay = (n: NoteView, timeZone: string) => localTime(n.observation.periodStart, timeZone).slice(0, 10);

export function NotePanel({
  lang,
  indicator,
  day,
  timeZone,
  notes,
  canWrite,
  playback,
  onSaved,
}: {
  lang: Lang;
  indicator: { id: string; series: string[] };
  /** The day the note is about: the picked point's, else the last day of the window. */
  day: string | undefined;
  timeZone: string;
  notes: NoteView[] | undefined;
  canWrite: boolean;
  /** Playback: a note written now is not known on the playback day, so the view does not show it (said on save). */
  playback: boolean;
  onSaved: () => void;
}) {
  const annotation = annotationSeries(indicator.id);
  const [series, setSeries] = useState(annotation);
  const [value, setValue] = useState('');
  const [reliability, setReliability] = useState('B');
  const [credibility, setCredibility] = useState('2');
  const [tlp, setTlp] = useState('green');
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | undefined>(undefined);
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
  const isAnnotation = series === annotation;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!day) return;
    try {
      const saved = await api<NoteView>('/notes', {
        method: 'POST',
        body: {
          series,
          // An annotation counts as one note; on a series an indicator reads, the value is the analyst's claim.
          value: isAnnotation && value.trim() === '' ? 1 : value.trim(),
          unit: isAnnotation ? 'note' : undefined,
          reliability,
          credibility: Number(credibility),
          tlp,
          text,
          at: day,
        },
      });
      setText('');
      setValue('');
      setMessage({
        error: false,
        text:
          (saved.readBy.length
            ? t('notes.savedRead', { list: saved.readBy.join(', ') })
            : t('notes.savedUnread', { series: saved.observation.series })) +
          (playback ? ` ${t('notes.playback')}` : ''),
      });
      onSaved();
    } catch (error) {
      setMessage({ error: true, text: (error as Error).message });
    }
  };
  const select = (
    name: string,
    current: string,
    options: string[],
    set: (v: string) => void,
    label?: (o: string) => string,
  ) =>
    h(
      'select',
      { name, value: current, onChange: (e: Event) => set((e.target as HTMLSelectElement).value) },
      ...options.map((o) => h('option', { value: o }, label ? label(o) : o)),
    );
  return h(
    'section',
    { class: 'notes', 'data-testid': 'notes' },
    h('h2', null, t('notes.title')),
    notes && notes.length
      ? h(
          'ul',
          { class: 'note-list', 'data-testid': 'note-list' },
          ...notes.map((n) =>
            h(
              'li',
              { 'data-day': noteDay(n, timeZone) },
              h('strong', null, noteDay(n, timeZone)),
              ` ${n.observation.source.replace(/^analyst:/, '')} · ${n.observation.reliability}${n.observation.credibility} · TLP:${n.observation.tlp.toUpperCase()} · ${n.observation.series}: `,
              n.observation.text ?? '',
              n.readBy.length
                ? h('span', { class: 'muted' }, ` (${t('notes.readBy', { list: n.readBy.join(', ') })})`)
                : h('span', { class: 'note-unread', 'data-testid': 'note-unread' }, ` ${t('notes.unread')}`),
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('notes.none')),
    canWrite
      ? h(
          'form',
          { class: 'note-form', 'data-testid': 'note-form', onSubmit: submit },
          h('p', { class: 'muted' }, day ? t('notes.forDay', { day }) : t('notes.pickDay')),
          h(
            'label',
            null,
            t('notes.series'),
            select('series', series, [annotation, ...indicator.series], setSeries, (s) =>
              s === annotation ? `${s} (${t('notes.annotation')})` : s,
            ),
          ),
          h(
            'label',
            null,
            t('notes.value'),
            h('input', {
              type: 'text',
              name: 'value',
              inputMode: 'decimal',
              placeholder: isAnnotation ? '1' : t('notes.valuePlaceholder'),
              value,
              onInput: (e: Event) => setValue((e.target as HTMLInputElement).value),
            }),
          ),
          h('label', null, t('notes.reliability'), select('reliability', reliability, RELIABILITIES, setReliability)),
          h('label', null, t('notes.credibility'), select('credibility', credibility, CREDIBILITIES, setCredibility)),
          h(
            'label',
            null,
            'TLP',
            select('tlp', tlp, TLPS, setTlp, (o) => o.toUpperCase()),
          ),
          h(
            'label',
            { class: 'note-text' },
            t('notes.text'),
            h('textarea', {
              name: 'text',
              rows: 2,
              required: true,
              value: text,
              onInput: (e: Event) => setText((e.target as HTMLTextAreaElement).value),
            }),
          ),
          h(
            'p',
            { class: isAnnotation ? 'muted' : 'note-evidence' },
            isAnnotation ? t('notes.annotationHint') : t('notes.evidenceHint'),
          ),
          h(
            'button',
            { type: 'submit', class: 'primary', disabled: !day, 'data-testid': 'note-submit' },
            t('notes.save'),
          ),
          message
            ? h(
                'p',
                { class: message.error ? 'error' : 'muted', role: 'status', 'data-testid': 'note-message' },
                message.text,
              )
            : null,
        )
      : null,
  );
}
