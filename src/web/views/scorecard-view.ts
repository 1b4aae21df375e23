// The scorecard: the machine level over a window (hits, misses, false alarms, lead, Brier, reliability diagram) and
// the issued formal warnings whose horizon has passed, against the labelled episodes the server was started with;
// exports of the scorecard and the assessment history as CSV and of each diagram as SVG or PNG.
import { h } from 'preact';
import { useRef } from 'preact/hooks';
import { api, query } from '../api-client.js';
import { getState, navigate } from '../app-state.js';
import type { DayRecordView } from '../api-types.js';
import { ExportBar, type CsvRows } from '../components/export-bar.js';
import { IsoDayInput } from '../components/iso-day-input.js';
import { StatusLine } from '../components/status-line.js';
import { num, pct } from '../format.js';
import { translate, type Lang, type MessageKey } from '../i18n.js';
import type { ScorecardView as Scorecard } from '../product-types.js';
import { addDays } from '../route.js';
import { useApi } from '../use-api.js';
import type { ViewProps } from './board-view.js';
import './warning-product.css';

export function ScorecardView({ lang, at, revision }: ViewProps) {
  const span = useApi<{ firstDay: string; latestDay: string }>('/span', revision);
  // The window is part of the address, so "copy link" opens the same scorecard.
  const picked = getState().route;
  const setPicked = (change: (w: { from?: string; to?: string }) => { from?: string; to?: string }) =>
    navigate(change({ from: picked.from, to: picked.to }));
  const to = picked.to ?? at ?? span.data?.latestDay;
  const from = picked.from ?? (to ? addDays(to, -3 * 365 + 1) : undefined);
  const card = useApi<Scorecard>(
    to ? `/scorecard${query({ from, to, at, lang: lang === 'zh-Hant' ? 'zh' : 'en' })}` : undefined,
    revision,
  );
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
  const c = card.data;
  const name = c ? `scorecard-${c.from}-${c.to}` : 'scorecard';
  const history = async (): Promise<CsvRows> => {
    const r = await api<{ days: DayRecordView[] }>(`/assessments${query({ from: c?.from, to: c?.to, at })}`);
    const hyps = Object.keys(r.days[0]?.hypotheses ?? {});
    return [
      ['date', 'level', 'knowledge', 'pEvent7d', ...hyps],
      ...r.days.map((d) => [d.date, d.level, d.knowledge, d.pEvent7d, ...hyps.map((k) => d.hypotheses[k])]),
    ];
  };
  return h(
    'main',
    { class: 'scorecard-view product-view', 'data-testid': 'scorecard' },
    h(
      'div',
      { class: 'product-toolbar' },
      h('h1', null, t('scorecard.title')),
      h(
        'label',
        null,
        `${t('scorecard.from')} `,
        h(IsoDayInput, {
          lang,
          value: from,
          testId: 'scorecard-from',
          onDay: (day: string) => setPicked((w) => ({ ...w, from: day })),
        }),
      ),
      h(
        'label',
        null,
        `${t('scorecard.to')} `,
        h(IsoDayInput, {
          lang,
          value: to,
          testId: 'scorecard-to',
          onDay: (day: string) => setPicked((w) => ({ ...w, to: day })),
        }),
      ),
      c?.labelled
        ? h(ExportBar, {
            lang,
            name,
            csv: () => scorecardCsv(c),
          })
        : null,
      c
        ? h(ExportBar, {
            lang,
            name: `assessments-${c.from}-${c.to}`,
            csv: history,
            csvLabel: t('scorecard.history'),
            link: false,
          })
        : null,
    ),
    !c
      ? h(StatusLine, { lang, loaded: card })
      : !c.labelled
        ? h('p', { class: 'knowledge-note', 'data-testid': 'scorecard-unlabelled' }, t('scorecard.unlabelled'))
        : [h(MachinePanel, { lang, c, name }), h(IssuedPanel, { lang, c, name })],
  );
}

function MachinePanel({ lang, c, name }: { lang: Lang; c: Scorecard; name: string }) {
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
  const diagram = useRef<HTMLDivElement>(null);
  const m = c.machine!;
  const s = m.scores;
  return h(
    'section',
    { class: 'panel scorecard-machine', 'data-testid': 'scorecard-machine' },
    h('h2', null, t('scorecard.machine', { from: c.from, to: c.to })),
    h(
      'div',
      { class: 'score-figures' },
      figure(t('scorecard.hits'), `${m.hits}/${m.hits + m.misses}`, 'hits'),
      figure(t('scorecard.misses'), String(m.misses), 'misses'),
      figure(
        t('scorecard.falseAlarms'),
        `${m.falseAlarms} (${num(s.falseAlarmsPerYear, 2)}/${t('scorecard.year')})`,
        'false-alarms',
      ),
      figure(
        t('scorecard.medianLead'),
        m.medianLeadDays === null ? '—' : t('scorecard.days', { n: m.medianLeadDays }),
        'lead',
      ),
      figure('Brier', s.brier === null ? '—' : s.brier.toFixed(4), 'brier'),
      figure(t('scorecard.climatology'), s.brierClimatology === null ? '—' : s.brierClimatology.toFixed(4)),
      figure(t('scorecard.skill'), s.brierSkill === null ? '—' : s.brierSkill.toFixed(3)),
      figure(t('scorecard.shareWarning'), pct(s.shareAtWarning)),
    ),
    h(
      'div',
      { class: 'score-columns' },
      h(
        'table',
        { class: 'score-table', 'data-testid': 'episode-leads' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            ...['', t('scorecard.episode'), 'D0', t('scorecard.outcome'), t('scorecard.lead')].map((x) =>
              h('th', null, x),
            ),
          ),
        ),
        h(
          'tbody',
          null,
          ...m.leads.map((l) =>
            h(
              'tr',
              { class: l.hit ? 'hit' : 'miss' },
              h('td', null, l.id),
              h('td', null, l.name),
              h('td', null, l.start),
              h('td', null, l.hit ? t('scorecard.hit') : t('scorecard.miss')),
              h('td', { class: 'num' }, t('scorecard.days', { n: l.leadDays })),
            ),
          ),
        ),
      ),
      h(
        'figure',
        { class: 'reliability' },
        h('div', {
          ref: diagram,
          'data-testid': 'machine-reliability',
          dangerouslySetInnerHTML: { __html: m.reliabilitySvg },
        }),
        h('figcaption', { class: 'muted' }, t('scorecard.reliabilityCaption')),
        h(ExportBar, {
          lang,
          name: `${name}-reliability`,
          chart: () => diagram.current?.querySelector('svg'),
          link: false,
        }),
      ),
    ),
  );
}

function IssuedPanel({ lang, c, name }: { lang: Lang; c: Scorecard; name: string }) {
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
  const diagram = useRef<HTMLDivElement>(null);
  const i = c.issued;
  if (!i)
    return h(
      'section',
      { class: 'panel', 'data-testid': 'scorecard-issued' },
      h('h2', null, t('scorecard.issued')),
      h('p', { class: 'muted' }, t('scorecard.issuedHidden')),
    );
  return h(
    'section',
    { class: 'panel scorecard-issued', 'data-testid': 'scorecard-issued' },
    h('h2', null, t('scorecard.issued')),
    h(
      'div',
      { class: 'score-figures' },
      figure(t('scorecard.hits'), String(i.hits), 'issued-hits'),
      figure(t('scorecard.missedWarnings'), String(i.missed)),
      figure(t('scorecard.falseAlarms'), String(i.falseAlarms), 'issued-false-alarms'),
      figure('Brier', i.brier === null ? '—' : i.brier.toFixed(4), 'issued-brier'),
      figure(t('scorecard.pending'), String(i.pending.length)),
    ),
    i.episodesUnwarned.length
      ? h('p', { class: 'muted' }, t('scorecard.unwarned', { list: i.episodesUnwarned.join(', ') }))
      : null,
    i.scored.length === 0
      ? h('p', { class: 'muted' }, t('scorecard.noneScored'))
      : h(
          'div',
          { class: 'score-columns' },
          h(
            'table',
            { class: 'score-table', 'data-testid': 'issued-scored' },
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                ...[
                  t('scorecard.warning'),
                  t('scorecard.day'),
                  t('scorecard.stated'),
                  t('scorecard.outcome'),
                  t('scorecard.episode'),
                  t('scorecard.lead'),
                ].map((x) => h('th', null, x)),
              ),
            ),
            h(
              'tbody',
              null,
              ...i.scored.map((s) =>
                h(
                  'tr',
                  { class: s.outcome, 'data-outcome': s.outcome },
                  h('td', null, s.id),
                  h('td', null, `${s.day} +${s.horizonDays}`),
                  h('td', { class: 'num' }, pct(s.stated)),
                  h('td', null, t(`scorecard.outcome.${s.outcome}` as MessageKey)),
                  h('td', null, s.episode ?? '—'),
                  h('td', { class: 'num' }, s.leadDays === null ? '—' : t('scorecard.days', { n: s.leadDays })),
                ),
              ),
            ),
          ),
          h(
            'figure',
            { class: 'reliability' },
            h('div', { ref: diagram, dangerouslySetInnerHTML: { __html: i.reliabilitySvg } }),
            h(ExportBar, {
              lang,
              name: `${name}-issued-reliability`,
              chart: () => diagram.current?.querySelector('svg'),
              link: false,
            }),
          ),
        ),
  );
}

function figure(label: string, value: string, id?: string) {
  return h(
    'div',
    { class: 'figure', ...(id ? { 'data-figure': id } : {}) },
    h('span', { class: 'figure-value' }, value),
    h('span', { class: 'figure-label' }, label),
  );
}

/** One CSV of the whole scorecard: a row per labelled episode (machine level) and per scored issued warning. */
export function scorecardCsv(c: Scorecard): CsvRows {
  const rows: CsvRows = [
    ['part', 'id', 'name_or_day', 'start_or_horizon', 'outcome', 'lead_days', 'stated', 'episode'],
  ];
  for (const l of c.machine?.leads ?? [])
    rows.push(['machine', l.id, l.name, l.start, l.hit ? 'hit' : 'miss', l.leadDays, '', l.id]);
  const s = c.machine?.scores;
  if (s && c.machine)
    rows.push(
      ['machine-summary', 'hits', '', '', c.machine.hits, '', '', ''],
      ['machine-summary', 'misses', '', '', c.machine.misses, '', '', ''],
      ['machine-summary', 'false_alarms', '', '', c.machine.falseAlarms, '', '', ''],
      ['machine-summary', 'median_lead_days', '', '', c.machine.medianLeadDays, '', '', ''],
      ['machine-summary', 'brier', '', '', s.brier, '', '', ''],
      ['machine-summary', 'brier_climatology', '', '', s.brierClimatology, '', '', ''],
    );
  for (const w of c.issued?.scored ?? [])
    rows.push(['issued', w.id, w.day, w.horizonDays, w.outcome, w.leadDays, w.stated, w.episode]);
  if (c.issued) rows.push(['issued-summary', 'brier', '', '', c.issued.brier, '', '', '']);
  return rows;
}
