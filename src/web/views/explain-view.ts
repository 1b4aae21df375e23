// The explanation of one day: a bar per indicator (net log-odds towards a non-routine course of action) and an ACH-style
// matrix of indicators × hypotheses (what each indicator added to each hypothesis after evidence grouping).
import { h } from 'preact';
import type { AssessmentView } from '../api-types.js';
import { StatusLine } from '../components/status-line.js';
import { pct, signed } from '../format.js';
import { levelName, stateName, translate } from '../i18n.js';
import { useApi } from '../use-api.js';
import { hypothesisLabel, indicatorLabel, type ViewProps } from './board-view.js';

export function ExplainView({ lang, at, pack, revision }: ViewProps) {
  const loaded = useApi<AssessmentView>(at ? `/assessments/${at}` : '/assessments/latest', revision);
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  const a = loaded.data;
  if (!a) return h(StatusLine, { lang, loaded });
  const hypotheses = a.hypotheses.filter((x) => !x.baseline);
  const ranked = [...a.indicators].sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution));
  const maxAbs = Math.max(0.5, ...ranked.map((i) => Math.abs(i.contribution)));
  const cellMax = Math.max(
    0.5,
    ...a.indicators.flatMap((i) => hypotheses.map((x) => Math.abs(i.contributions[x.id] ?? 0))),
  );
  return h(
    'main',
    { class: 'explain-view', 'data-testid': 'explain' },
    h('h1', null, `${a.day} · ${levelName(lang, a.level)} · P(7 d) ${pct(a.pEvent7d)}`),
    h(
      'section',
      null,
      h('h2', null, t('explain.posterior')),
      h(
        'ul',
        { class: 'posterior' },
        ...a.hypotheses.map((x) =>
          h(
            'li',
            null,
            h('strong', null, x.id),
            ` ${hypothesisLabel(lang, pack, x)}: ${pct(x.prior)} → `,
            h('strong', null, pct(x.probability)),
          ),
        ),
      ),
    ),
    h(
      'section',
      null,
      h('h2', null, t('explain.bars')),
      h(
        'div',
        { class: 'bars' },
        ...ranked.map((i) =>
          h(
            'div',
            { class: 'bar-row' },
            h(
              'span',
              { class: 'bar-label' },
              indicatorLabel(lang, pack, i),
              h('small', null, ` ${stateName(lang, i.state)}`),
            ),
            h(
              'span',
              { class: 'bar-track' },
              h('span', {
                class: `bar-fill ${i.contribution >= 0 ? 'pos' : 'neg'}`,
                style: {
                  width: `${(Math.abs(i.contribution) / maxAbs) * 50}%`,
                  [i.contribution >= 0 ? 'left' : 'right']: '50%',
                },
              }),
            ),
            h('span', { class: 'bar-value' }, signed(i.contribution)),
          ),
        ),
      ),
    ),
    h(
      'section',
      null,
      h('h2', null, t('explain.matrix')),
      h(
        'table',
        { class: 'ach', 'data-testid': 'ach-matrix' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', null, ''),
            ...hypotheses.map((x) => h('th', { title: hypothesisLabel(lang, pack, x) }, x.id)),
          ),
        ),
        h(
          'tbody',
          null,
          ...a.indicators.map((i) =>
            h(
              'tr',
              null,
              h(
                'th',
                { scope: 'row' },
                indicatorLabel(lang, pack, i),
                h('small', null, ` ${stateName(lang, i.state)}`),
              ),
              ...hypotheses.map((x) => {
                const c = i.contributions[x.id] ?? 0;
                const raw = i.logLr[x.id] ?? 0;
                const alpha = Math.min(1, Math.abs(c) / cellMax);
                return h(
                  'td',
                  {
                    class: c > 0 ? 'consistent' : c < 0 ? 'inconsistent' : 'neutral',
                    style: { '--strength': alpha.toFixed(2) },
                    title: `${c > 0 ? t('explain.consistent') : c < 0 ? t('explain.inconsistent') : '·'} ${x.id}: ${signed(c)} (${t('explain.beforeGrouping')} ${signed(raw)})`,
                  },
                  signed(c),
                );
              }),
            ),
          ),
        ),
      ),
    ),
  );
}
