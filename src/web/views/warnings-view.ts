// Formal warnings: draft one against the machine assessment of the playback day (likelihood in ICD 203 words,
// confidence, horizon), record dissents, send to coordination, issue (by a reviewer who is not the drafter: the
// server refuses the drafter and the refusal is shown), withdraw with a reason, record an issued warning's outcome;
// issued and withdrawn states visible.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { api, query } from '../api-client.js';
import { getState } from '../app-state.js';
import { ExportBar } from '../components/export-bar.js';
import { StatusLine } from '../components/status-line.js';
import { pct } from '../format.js';
import { levelName, translate, type Lang, type MessageKey } from '../i18n.js';
import type { WarningRecord, WarningStatus } from '../../warnings/warning-record.js';
import type { YardstickView } from '../product-types.js';
import { useApi } from '../use-api.js';
import type { ViewProps } from './board-view.js';
import { WarningAdjudication } from './warning-adjudication.js';
import './warning-product.css';

const STATUSES: WarningStatus[] = ['draft', 'coordination', 'issued', 'withdrawn'];
const HORIZONS = [3, 7, 14, 30];

export function WarningsView({ lang, at, revision }: ViewProps) {
  const [filter, setFilter] = useState<WarningStatus | ''>('');
  const [changed, setChanged] = useState(0);
  const session = getState().session;
  const canWrite = session?.user.role === 'analyst' || session?.user.role === 'admin';
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
  const yardstick = useApi<YardstickView>('/warnings/yardstick');
  const list = useApi<{ warnings: WarningRecord[] }>(
    `/warnings${query({ status: filter || undefined })}`,
    revision + changed,
  );
  const refresh = () => setChanged((n) => n + 1);
  return h(
    'main',
    { class: 'warnings-view product-view' },
    h(
      'div',
      { class: 'product-toolbar' },
      h('h1', null, t('warnings.title')),
      h(
        'select',
        {
          'data-testid': 'warning-filter',
          value: filter,
          onChange: (e: Event) => setFilter((e.target as HTMLSelectElement).value as WarningStatus | ''),
        },
        h('option', { value: '' }, t('warnings.all')),
        ...STATUSES.map((s) => h('option', { value: s }, t(`warnings.status.${s}` as MessageKey))),
      ),
      h(ExportBar, { lang, name: 'warnings' }),
    ),
    h(
      'div',
      { class: 'warnings-layout' },
      canWrite && yardstick.data
        ? h(DraftForm, { lang, at, yardstick: yardstick.data, onDone: refresh })
        : h(StatusLine, { lang, loaded: yardstick }),
      h(
        'section',
        { class: 'warning-list' },
        list.data
          ? list.data.warnings.length === 0
            ? h('p', { class: 'muted' }, t('warnings.none'))
            : h(
                'ol',
                { class: 'warning-cards', 'data-testid': 'warning-list' },
                ...list.data.warnings.map((w) =>
                  h(WarningCard, {
                    key: w.id,
                    lang,
                    w,
                    yardstick: yardstick.data,
                    me: session?.user.username ?? '',
                    canWrite,
                    onDone: refresh,
                  }),
                ),
              )
          : h(StatusLine, { lang, loaded: list }),
      ),
    ),
  );
}

function DraftForm({
  lang,
  at,
  yardstick,
  onDone,
}: {
  lang: Lang;
  at: string | undefined;
  yardstick: YardstickView;
  onDone: () => void;
}) {
  const [judgement, setJudgement] = useState('');
  const [likelihood, setLikelihood] = useState('likely');
  const [confidence, setConfidence] = useState('moderate');
  const [horizon, setHorizon] = useState(7);
  const [message, setMessage] = useState<{ error: boolean; text: string } | undefined>(undefined);
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      const w = await api<WarningRecord>('/warnings', {
        method: 'POST',
        body: { ...(at ? { at } : {}), judgement, likelihood, confidence, horizon: `${horizon}d` },
      });
      setJudgement('');
      setMessage({ error: false, text: t('warnings.drafted', { id: w.id }) });
      onDone();
    } catch (error) {
      setMessage({ error: true, text: (error as Error).message });
    }
  };
  return h(
    'form',
    { class: 'draft-form panel', 'data-testid': 'draft-form', onSubmit: submit },
    h('h2', null, t('warnings.draft')),
    h('p', { class: 'muted' }, at ? t('warnings.against', { day: at }) : t('warnings.againstLatest')),
    h(
      'label',
      null,
      t('warnings.judgement'),
      h('textarea', {
        name: 'judgement',
        rows: 3,
        required: true,
        value: judgement,
        onInput: (e: Event) => setJudgement((e.target as HTMLTextAreaElement).value),
      }),
    ),
    h(
      'label',
      null,
      `${t('warnings.likelihood')} (${yardstick.yardstick})`,
      h(
        'select',
        {
          name: 'likelihood',
          value: likelihood,
          onChange: (e: Event) => setLikelihood((e.target as HTMLSelectElement).value),
        },
        ...yardstick.likelihoods.map((l) =>
          h('option', { value: l.id }, `${likelihoodWords(lang, l.id, l.words)} (${range(l.low, l.high)})`),
        ),
      ),
    ),
    h(
      'label',
      null,
      t('warnings.confidence'),
      h(
        'select',
        {
          name: 'confidence',
          value: confidence,
          onChange: (e: Event) => setConfidence((e.target as HTMLSelectElement).value),
        },
        ...yardstick.confidences.map((c) => h('option', { value: c }, t(`warnings.confidence.${c}` as MessageKey))),
      ),
    ),
    h(
      'label',
      null,
      t('warnings.horizon'),
      h(
        'select',
        {
          name: 'horizon',
          value: String(horizon),
          onChange: (e: Event) => setHorizon(Number((e.target as HTMLSelectElement).value)),
        },
        ...HORIZONS.map((d) => h('option', { value: String(d) }, t('warnings.days', { n: d }))),
      ),
    ),
    h('button', { type: 'submit', class: 'primary', 'data-testid': 'draft-submit' }, t('warnings.submitDraft')),
    message ? h('p', { class: message.error ? 'error' : 'muted', role: 'status' }, message.text) : null,
  );
}

function WarningCard({
  lang,
  w,
  yardstick,
  me,
  canWrite,
  onDone,
}: {
  lang: Lang;
  w: WarningRecord;
  yardstick: YardstickView | undefined;
  me: string;
  canWrite: boolean;
  onDone: () => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
  const l = yardstick?.likelihoods.find((x) => x.id === w.likelihood);
  const act = (path: string, body?: Record<string, string>) => async () => {
    // A dissent needs its text and a withdrawal its reason: said here, in the reader's language, before asking.
    if ((path === 'dissent' || path === 'withdraw') && !text.trim()) {
      setError(t(path === 'dissent' ? 'warnings.needText' : 'warnings.needReason'));
      return;
    }
    try {
      setError(undefined);
      await api(`/warnings/${encodeURIComponent(w.id)}/${path}`, { method: 'POST', body: body ?? {} });
      setText('');
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const open = w.status === 'draft' || w.status === 'coordination';
  const m = w.madeAgainst;
  return h(
    'li',
    {
      class: `warning-card status-${w.status}`,
      'data-testid': 'warning-card',
      'data-id': w.id,
      'data-status': w.status,
    },
    h(
      'header',
      null,
      h(
        'span',
        { class: `status-badge status-${w.status}`, 'data-testid': 'warning-status' },
        t(`warnings.status.${w.status}` as MessageKey),
      ),
      h('strong', null, ` ${w.id}`),
      h('span', { class: 'muted' }, ` · ${w.day} + ${t('warnings.days', { n: w.horizonDays })}`),
    ),
    h('p', { class: 'judgement' }, w.keyJudgement),
    h(
      'p',
      null,
      h('strong', null, likelihoodWords(lang, w.likelihood, l?.words ?? w.likelihood)),
      l ? ` (${yardstick?.yardstick} ${range(l.low, l.high)})` : '',
      ` · ${t('warnings.confidence')}: ${t(`warnings.confidence.${w.confidence}` as MessageKey)}`,
    ),
    h(
      'p',
      { class: 'muted' },
      t('warnings.madeAgainst', {
        day: m.day,
        level: levelName(lang, m.level),
        p: pct(m.pEvent),
      }),
      m.knowledge !== 'ok' ? ` · ${t('warnings.knowledge', { state: m.knowledge })}` : '',
    ),
    h(
      'p',
      { class: 'muted signoff' },
      t('warnings.draftedBy', { by: w.drafter }),
      w.coordinatedBy ? ` · ${t('warnings.coordinatedBy', { by: w.coordinatedBy })}` : '',
      w.issuedBy
        ? ` · ${t('warnings.issuedBy', { by: w.issuedBy, at: (w.issuedAt ?? '').slice(0, 16).replace('T', ' ') })}`
        : '',
      w.withdrawnBy ? ` · ${t('warnings.withdrawnBy', { by: w.withdrawnBy, reason: w.withdrawReason ?? '' })}` : '',
    ),
    w.dissents.length
      ? h(
          'ul',
          { class: 'dissents', 'data-testid': 'dissents' },
          ...w.dissents.map((d) =>
            h('li', null, h('strong', null, `${t('warnings.dissentBy', { by: d.by })}: `), d.text),
          ),
        )
      : null,
    h(WarningAdjudication, { lang, w, canWrite, onDone }),
    canWrite && w.status !== 'withdrawn'
      ? h(
          'div',
          { class: 'warning-actions' },
          h('input', {
            type: 'text',
            'data-testid': 'warning-text',
            placeholder: open ? t('warnings.textPlaceholder') : t('warnings.reasonPlaceholder'),
            value: text,
            onInput: (e: Event) => setText((e.target as HTMLInputElement).value),
          }),
          open
            ? h(
                'button',
                { type: 'button', 'data-action': 'dissent', onClick: act('dissent', { text }) },
                t('warnings.dissent'),
              )
            : null,
          w.status === 'draft'
            ? h(
                'button',
                { type: 'button', 'data-action': 'coordinate', onClick: act('coordinate') },
                t('warnings.coordinate'),
              )
            : null,
          w.status === 'coordination'
            ? h(
                'button',
                { type: 'button', class: 'primary', 'data-action': 'issue', onClick: act('issue') },
                t('warnings.issue'),
              )
            : null,
          h(
            'button',
            { type: 'button', 'data-action': 'withdraw', onClick: act('withdraw', { reason: text }) },
            t('warnings.withdraw'),
          ),
          w.status === 'coordination' && w.drafter === me
            ? h('span', { class: 'muted' }, t('warnings.youDrafted'))
            : null,
        )
      : null,
    error ? h('p', { class: 'error', role: 'alert', 'data-testid': 'warning-error' }, error) : null,
  );
}

/** ICD 203 terms in the reader's language (the server keeps the English words). */
function likelihoodWords(lang: Lang, id: string, words: string): string {
  return lang === 'zh-Hant' ? (LIKELIHOOD_ZH[id] ?? words) : words;
}

const LIKELIHOOD_ZH: Record<string, string> = {
  'almost-no-chance': '幾乎不可能',
  'very-unlikely': '非常不可能',
  unlikely: '不太可能',
  'roughly-even-chance': '大約一半機會',
  likely: '可能',
  'very-likely': '非常可能',
  'almost-certain': '幾乎確定',
};

function range(low: number, high: number): string {
  return `${Math.round(low * 100)}–${Math.round(high * 100)} %`;
}
