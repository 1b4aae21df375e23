// The roll-up: indicator → domain → theatre. Which domain drives the level (net log-odds towards a non-routine course
// of action summed per domain), with each domain's indicators folded beneath; a domain or indicator that is not
// reporting is shown as such, never as 0.
import { h } from 'preact';
import type { AssessmentView } from '../api-types.js';
import { StatusLine } from '../components/status-line.js';
import { isReporting, rollUp } from '../explain-model.js';
import { pct, signed } from '../format.js';
import { domainName, levelName, reasonName, stateName, translate, type MessageKey } from '../i18n.js';
import { useApi } from '../use-api.js';
import { indicatorLabel, theatreLabel, type ViewProps } from './board-view.js';

export function RollupView({ lang, at, pack, revision }: ViewProps) {
  const loaded = useApi<AssessmentView>(at ? `/assessments/${at}` : '/assessments/latest', revision);
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
  const a = loaded.data;
  if (!a) return h(StatusLine, { lang, loaded });
  const ids = a.hypotheses.filter((x) => !x.baseline).map((x) => x.id);
  const r = rollUp(a, ids);
  const maxAbs = Math.max(0.5, ...r.domains.map((d) => Math.abs(d.net ?? 0)), Math.abs(r.net));
  const bar = (x: number) =>
    h(
      'span',
      { class: 'bar-track' },
      h('span', {
        class: `bar-fill ${x >= 0 ? 'pos' : 'neg'}`,
        style: { width: `${(Math.abs(x) / maxAbs) * 50}%`, [x >= 0 ? 'left' : 'right']: '50%' },
      }),
    );
  const driver = r.driver
    ? t(r.driver.pushes ? 'rollup.drives' : 'rollup.holds', {
        domain: domainName(lang, r.driver.domain),
        net: signed(r.driver.net),
      })
    : t('rollup.nothing');
  return h(
    'main',
    { class: 'rollup-view', 'data-testid': 'rollup', 'data-day': a.day },
    h('h1', null, t('rollup.title')),
    h('p', { class: 'note' }, t('rollup.note')),
    h(
      'section',
      { class: 'rollup-theatre', 'data-testid': 'rollup-theatre' },
      h(
        'div',
        { class: 'rollup-row theatre' },
        h('strong', null, `${t('rollup.theatre')} · ${theatreLabel(lang, pack)}`),
        bar(r.net),
        h('span', { class: 'bar-value' }, signed(r.net)),
        h(
          'span',
          { class: 'rollup-level' },
          `${a.day} · ${levelName(lang, a.level)} · P(7 d) ${pct(a.pEvent7d)}`,
          a.knowledge.state !== 'ok'
            ? ` · ${t(a.knowledge.state === 'unknown' ? 'knowledge.levelUnknown' : 'knowledge.levelDegraded')}`
            : '',
        ),
      ),
      h('p', { class: 'rollup-driver', 'data-testid': 'rollup-driver' }, driver),
    ),
    h(
      'section',
      null,
      ...r.domains.map((d) =>
        h(
          'details',
          {
            class: `rollup-domain${d.net === undefined ? ' unknown' : ''}`,
            'data-domain': d.domain,
            open: r.driver?.domain === d.domain,
          },
          h(
            'summary',
            { class: 'rollup-row' },
            h('strong', null, domainName(lang, d.domain)),
            d.net === undefined ? h('span', { class: 'bar-track unknown' }) : bar(d.net),
            h(
              'span',
              { class: 'bar-value', 'data-testid': `rollup-net-${d.domain}` },
              d.net === undefined ? '—' : signed(d.net),
            ),
            h(
              'span',
              { class: 'rollup-count' },
              d.net === undefined
                ? t('rollup.noEvidence')
                : [
                    t('rollup.reporting', { n: d.reporting, m: d.indicators.length }),
                    ...ids.filter((x) => d.byHypothesis[x] !== 0).map((x) => `${x} ${signed(d.byHypothesis[x])}`),
                  ].join(' · '),
            ),
          ),
          h(
            'ul',
            { class: 'rollup-indicators' },
            ...d.indicators.map((i) =>
              h(
                'li',
                { class: isReporting(i) ? '' : 'not-reporting', 'data-indicator': i.id },
                h('span', { class: 'bar-label' }, indicatorLabel(lang, pack, i)),
                isReporting(i) ? bar(i.contribution) : h('span', { class: 'bar-track unknown' }),
                h('span', { class: 'bar-value' }, isReporting(i) ? signed(i.contribution) : '—'),
                h(
                  'small',
                  null,
                  isReporting(i)
                    ? stateName(lang, i.state)
                    : `${t('rollup.notReporting')}: ${stateName(lang, i.state)}${i.reason ? ` (${reasonName(lang, i.reason)})` : ''}`,
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
