// An issued warning's outcome on its card: the ruling when there is one, otherwise (for analysts and administrators) a
// form to record it — it occurred, on which day, or it did not — as `vigil warning adjudicate` does, through
// POST /api/v1/warnings/{id}/adjudication. The server keeps the rules (a "did not occur" only after the horizon).
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api-client.js';
import { translate, type Lang, type MessageKey } from '../i18n.js';
import type { Outcome, WarningRecord } from '../../warnings/warning-record.js';

export function WarningAdjudication({
  lang,
  w,
  canWrite,
  onDone,
}: {
  lang: Lang;
  w: WarningRecord;
  canWrite: boolean;
  onDone: () => void;
}) {
  const [outcome, setOutcome] = useState<Outcome>('occurred');
  const [day, setDay] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
  const ruling = w.adjudication;
  if (ruling) {
    const values = {
      outcome: t(`warnings.outcome.${ruling.outcome}` as MessageKey),
      by: ruling.by,
      note: ruling.note,
      day: ruling.occurredOn ?? '',
    };
    return h(
      'p',
      { class: `ruling outcome-${ruling.outcome}`, 'data-testid': 'warning-ruling' },
      t(ruling.occurredOn ? 'warnings.ruledOn' : 'warnings.ruled', values),
    );
  }
  if (!canWrite || w.status !== 'issued') return null;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!note.trim()) {
      setError(t('warnings.needNote'));
      return;
    }
    try {
      setError(undefined);
      const body = { outcome, note, ...(outcome === 'occurred' && day ? { occurredOn: day } : {}) };
      await api(`/warnings/${encodeURIComponent(w.id)}/adjudication`, { method: 'POST', body });
      onDone();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return h(
    'form',
    { class: 'adjudication', 'data-testid': 'adjudication-form', onSubmit: submit },
    h(
      'select',
      {
        name: 'outcome',
        value: outcome,
        onChange: (e: Event) => setOutcome((e.target as HTMLSelectElement).value as Outcome),
      },
      h('option', { value: 'occurred' }, t('warnings.outcome.occurred')),
      h('option', { value: 'did-not-occur' }, t('warnings.outcome.did-not-occur')),
    ),
    outcome === 'occurred'
      ? h(
          'label',
          null,
          `${t('warnings.occurredOn')} `,
          h('input', {
            type: 'date',
            name: 'occurredOn',
            value: day,
            onInput: (e: Event) => setDay((e.target as HTMLInputElement).value),
          }),
        )
      : null,
    h('input', {
      type: 'text',
      name: 'note',
      placeholder: t('warnings.notePlaceholder'),
      value: note,
      onInput: (e: Event) => setNote((e.target as HTMLInputElement).value),
    }),
    h('button', { type: 'submit', 'data-action': 'adjudicate' }, t('warnings.adjudicate')),
    error ? h('p', { class: 'error', role: 'alert', 'data-testid': 'adjudication-error' }, error) : null,
  );
}
