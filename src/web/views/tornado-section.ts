// The sensitivity section of the Explanation view: on request, the tornado around the current what-if (computed in the
// browser, src/analysis/sensitivity.ts), drawn by the tornado chart. A later change to the what-if marks it stale.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { SWING, tornado, type Swing, type Tornado } from '../../analysis/sensitivity.js';
import type { WhatIfOverrides, WhatIfSession } from '../../analysis/what-if.js';
import type { Assessment } from '../../model/assessment.js';
import type { Pack } from '../../packs/pack-schema.js';
import type { AssessmentView } from '../api-types.js';
import { TornadoChart, type TornadoRow } from '../charts/tornado-chart.js';
import { stateName, type Lang, type MessageKey } from '../i18n.js';
import { hypothesisLabel, indicatorLabel, type ViewProps } from './board-view.js';

type T = (k: MessageKey, v?: Record<string, string | number>) => string;

/** At most this many bars: the rest move the posterior less than the last one drawn. */
const MAX_ROWS = 15;

export function TornadoSection({
  t,
  lang,
  pack,
  fullPack,
  session,
  overrides,
  a,
  day,
}: {
  t: T;
  lang: Lang;
  pack: ViewProps['pack'];
  fullPack: Pack;
  session: WhatIfSession;
  overrides: WhatIfOverrides;
  a: AssessmentView;
  day: string;
}) {
  const [computed, setComputed] = useState<{ key: string; result: Tornado; ms: number } | undefined>();
  const key = `${day}|${JSON.stringify(overrides)}`;
  const lead = a.hypotheses.filter((x) => !x.baseline).reduce((p, q) => (q.probability > p.probability ? q : p));
  const h0 = a.hypotheses.find((x) => x.baseline)?.id ?? 'H0';
  const compute = () => {
    const t0 = performance.now();
    const result = tornado(fullPack, session, overrides, a as unknown as Assessment);
    setComputed({ key, result, ms: performance.now() - t0 });
  };
  const label = (s: Swing): string => {
    // The pack's name for the indicator in either language (a swing carries only its id).
    const name = pack.indicators.find((d) => d.id === s.indicator)?.name ?? s.indicator ?? '';
    const ind = s.indicator ? indicatorLabel(lang, pack, { id: s.indicator, name }) : '';
    if (s.kind === 'likelihood')
      return t('tornado.lr', { h: s.hypothesis!, ind, state: stateName(lang, s.state!) }) + ` (${s.value})`;
    if (s.kind === 'prior')
      return t('tornado.prior', { h: s.hypothesis! }) + ` (${((s.value ?? 0) * 100).toFixed(1)} %)`;
    return t('tornado.threshold', { ind });
  };
  const result = computed?.result;
  const moving = result ? result.swings.filter((s) => Math.abs(s.high - s.low) > 1e-9) : [];
  const rows: TornadoRow[] = moving.slice(0, MAX_ROWS).map((s) => ({
    key: `${s.kind}:${s.indicator ?? ''}:${s.state ?? ''}:${s.hypothesis ?? ''}`,
    label: label(s),
    low: s.low,
    high: s.high,
  }));
  const measured = result?.hypothesis ?? lead.id;
  const measuredName = a.hypotheses.find((x) => x.id === measured)?.name ?? measured;
  return h(
    'section',
    { class: 'tornado', 'data-testid': 'tornado' },
    h(
      'h2',
      null,
      t('tornado.title', { h: `${measured} ${hypothesisLabel(lang, pack, { id: measured, name: measuredName })}` }),
    ),
    h(
      'p',
      { class: 'note' },
      t('tornado.ranges', {
        h0,
        lrLow: 1 - SWING.likelihood,
        lrHigh: 1 + SWING.likelihood,
        lrPct: SWING.likelihood * 100,
        pLow: 1 - SWING.prior,
        pHigh: 1 + SWING.prior,
        tLow: 1 - SWING.threshold,
        tHigh: 1 + SWING.threshold,
      }),
    ),
    h('button', { type: 'button', 'data-testid': 'tornado-compute', onClick: compute }, t('tornado.compute')),
    computed && computed.key !== key ? h('p', { class: 'stale-note' }, t('tornado.stale')) : null,
    result
      ? h(
          'div',
          null,
          h(TornadoChart, {
            rows,
            base: result.base,
            labels: { low: t('tornado.low'), high: t('tornado.high'), title: t('tornado.title', { h: measured }) },
          }),
          h(
            'p',
            { class: 'note', 'data-testid': 'tornado-runs' },
            t('tornado.runs', {
              n: result.runs,
              ms: computed!.ms.toFixed(0),
              flat: result.swings.length - moving.length,
            }),
          ),
        )
      : null,
  );
}
