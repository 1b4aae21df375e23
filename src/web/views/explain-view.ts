// The explanation of one day: prior → posterior, a bar per indicator (net log-odds towards a non-routine course of
// action), an ACH matrix of indicators × hypotheses with the routine H0 column and each indicator's diagnosticity, and
// the what-if: change an assumption and the day is assessed again in the browser (src/analysis/what-if.ts), with a
// tornado chart of which assumption moves the leading posterior most. Nothing is stored.
import { h } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import {
  applyWhatIf,
  isEmptyWhatIf,
  whatIfInputsFromJson,
  whatIfSession,
  type WhatIfInputsJson,
  type WhatIfOverrides,
} from '../../analysis/what-if.js';
import type { Pack } from '../../packs/pack-schema.js';
import type { AssessmentView } from '../api-types.js';
import { StatusLine } from '../components/status-line.js';
import { pct, signed } from '../format.js';
import { levelName, translate, type Lang } from '../i18n.js';
import { useApi } from '../use-api.js';
import { changeCount, parseInput, setPrior } from '../what-if-overrides.js';
import { hypothesisLabel, type ViewProps } from './board-view.js';
import { IndicatorAssumptions } from './indicator-assumptions.js';
import { TornadoSection } from './tornado-section.js';
import { AchMatrix, Bars, type T } from './explain-evidence.js';

interface Recomputed {
  a?: AssessmentView;
  ms?: number;
  error?: string;
}

export function ExplainView({ lang, at, pack, revision }: ViewProps) {
  const loaded = useApi<AssessmentView>(at ? `/assessments/${at}` : '/assessments/latest', revision);
  const served = loaded.data;
  const inputs = useApi<WhatIfInputsJson>(served ? `/what-if/${served.day}` : undefined, revision);
  // GET /pack serves the whole pack (the dashboard's PackView names the part the other views read).
  const fullPack = pack as unknown as Pack;
  const session = useMemo(
    () => (inputs.data ? whatIfSession(fullPack, whatIfInputsFromJson(inputs.data)) : undefined),
    [inputs.data, fullPack],
  );
  const [overrides, setOverrides] = useState<WhatIfOverrides>({});
  const [rejected, setRejected] = useState<string | undefined>();
  const [selected, setSelected] = useState<string | undefined>();
  const [sortByDiagnosticity, setSortByDiagnosticity] = useState(false);
  const result = useMemo((): Recomputed | undefined => {
    if (!session || isEmptyWhatIf(overrides)) return undefined;
    const t0 = performance.now();
    try {
      const a = session.assess(overrides) as unknown as AssessmentView;
      return { a, ms: performance.now() - t0 };
    } catch (e) {
      return { error: (e as Error).message };
    }
  }, [session, overrides]);
  const t: T = (k, v) => translate(lang, k, v);
  if (!served) return h(StatusLine, { lang, loaded });

  /** Stores the overrides if the pack accepts them; otherwise says why and keeps the last good ones. */
  const apply = (next: WhatIfOverrides) => {
    try {
      applyWhatIf(fullPack, next);
      setRejected(undefined);
      setOverrides(next);
    } catch (e) {
      setRejected((e as Error).message);
    }
  };
  const active = result?.a !== undefined;
  const a = result?.a ?? served;
  const edited = active ? applyWhatIf(fullPack, overrides) : fullPack;
  const baseline = a.hypotheses.find((x) => x.baseline);
  const hypotheses = a.hypotheses.filter((x) => !x.baseline);
  const ids = hypotheses.map((x) => x.id);
  const h0 = baseline?.id ?? 'H0';

  return h(
    'main',
    { class: `explain-view${active ? ' what-if-active' : ''}`, 'data-testid': 'explain' },
    h(
      'h1',
      null,
      `${a.day} · ${levelName(lang, a.level)} · P(7 d) ${pct(a.pEvent7d)}`,
      active ? h('span', { class: 'what-if-badge' }, t('whatif.whatif')) : null,
    ),
    h(WhatIfStatus, {
      t,
      lang,
      served,
      result,
      overrides,
      rejected,
      loading: inputs.loading,
      failed: inputs.error?.message,
      onReset: () => {
        setOverrides({});
        setRejected(undefined);
      },
    }),
    h(PosteriorTable, { t, lang, pack, served, result: result?.a, edited, overrides, apply }),
    h(Bars, { t, lang, pack, a }),
    h(
      'section',
      null,
      h('h2', null, t('explain.matrix')),
      h(
        'div',
        { class: 'sort-switch' },
        h(
          'button',
          {
            type: 'button',
            class: sortByDiagnosticity ? '' : 'active',
            'data-testid': 'sort-pack',
            onClick: () => setSortByDiagnosticity(false),
          },
          t('explain.sortPack'),
        ),
        h(
          'button',
          {
            type: 'button',
            class: sortByDiagnosticity ? 'active' : '',
            'data-testid': 'sort-diagnosticity',
            onClick: () => setSortByDiagnosticity(true),
          },
          t('explain.sortDiagnosticity'),
        ),
      ),
      h(AchMatrix, {
        t,
        lang,
        pack,
        fullPack,
        a,
        ids,
        h0,
        h0Label: baseline ? hypothesisLabel(lang, pack, baseline) : h0,
        sortByDiagnosticity,
        overrides,
        enabled: session !== undefined,
        selected,
        onSelect: (id) => setSelected(id === selected ? undefined : id),
        apply,
      }),
      h('p', { class: 'note' }, t('explain.diagnosticityHelp', { h0 })),
      selected && session
        ? h(IndicatorAssumptions, {
            t,
            lang,
            pack,
            edited,
            indicator: selected,
            read: a.indicators.find((i) => i.id === selected)?.state,
            ids,
            h0,
            overrides,
            apply,
            onClose: () => setSelected(undefined),
          })
        : null,
    ),
    session ? h(TornadoSection, { t, lang, pack, fullPack, session, overrides, a, day: a.day }) : null,
  );
}

function WhatIfStatus({
  t,
  lang,
  served,
  result,
  overrides,
  rejected,
  loading,
  failed,
  onReset,
}: {
  t: T;
  lang: Lang;
  served: AssessmentView;
  result: Recomputed | undefined;
  overrides: WhatIfOverrides;
  rejected: string | undefined;
  loading: boolean;
  failed: string | undefined;
  onReset: () => void;
}) {
  const a = result?.a;
  const n = changeCount(overrides);
  return h(
    'section',
    { class: 'what-if', 'data-testid': 'whatif', 'data-active': a ? 'yes' : 'no' },
    h('h2', null, t('whatif.title')),
    h('p', { class: 'note' }, t('whatif.note')),
    failed
      ? h('p', { class: 'error' }, t('whatif.unavailable', { msg: failed }))
      : loading
        ? h('p', { class: 'loading' }, t('whatif.loading'))
        : h(
            'p',
            { class: 'what-if-state' },
            n === 0 ? t('whatif.none') : t('whatif.active', { n }),
            result?.ms !== undefined
              ? h('small', { 'data-testid': 'whatif-ms' }, ` · ${t('whatif.recomputed', { ms: result.ms.toFixed(1) })}`)
              : null,
            n > 0
              ? h('button', { type: 'button', 'data-testid': 'whatif-reset', onClick: onReset }, t('whatif.reset'))
              : null,
          ),
    rejected
      ? h('p', { class: 'error', 'data-testid': 'whatif-rejected' }, t('whatif.rejected', { msg: rejected }))
      : null,
    result?.error ? h('p', { class: 'error' }, t('whatif.rejected', { msg: result.error })) : null,
    a
      ? h(
          'p',
          { class: 'what-if-level', 'data-testid': 'whatif-level', 'data-level': a.level },
          `${t('whatif.level')}: ${levelName(lang, served.level)} (${t('whatif.served')}) → `,
          h('strong', null, `${levelName(lang, a.level)} (${t('whatif.whatif')})`),
          ` · P(7 d) ${pct(served.pEvent7d)} → `,
          h('strong', null, pct(a.pEvent7d)),
          a.knowledge.state !== 'ok'
            ? h(
                'span',
                { class: 'knowledge-flag' },
                ` · ${t(a.knowledge.state === 'unknown' ? 'knowledge.levelUnknown' : 'knowledge.levelDegraded')}`,
              )
            : null,
        )
      : null,
  );
}

function PosteriorTable({
  t,
  lang,
  pack,
  served,
  result,
  edited,
  overrides,
  apply,
}: {
  t: T;
  lang: Lang;
  pack: ViewProps['pack'];
  served: AssessmentView;
  result: AssessmentView | undefined;
  edited: Pack;
  overrides: WhatIfOverrides;
  apply: (o: WhatIfOverrides) => void;
}) {
  return h(
    'section',
    null,
    h('h2', null, t('explain.posterior')),
    h(
      'table',
      { class: 'posterior-table', 'data-testid': 'posterior' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', null, ''),
          h('th', null, t('whatif.prior')),
          h('th', null, `${t('whatif.posterior')} (${t('whatif.served')})`),
          result ? h('th', null, `${t('whatif.posterior')} (${t('whatif.whatif')})`) : null,
        ),
      ),
      h(
        'tbody',
        null,
        ...served.hypotheses.map((x) => {
          const prior = edited.hypotheses.find((y) => y.id === x.id)?.prior ?? x.prior;
          const changed = overrides.priors?.[x.id] !== undefined;
          const w = result?.hypotheses.find((y) => y.id === x.id);
          return h(
            'tr',
            { 'data-hypothesis': x.id },
            h('th', { scope: 'row' }, h('strong', null, x.id), ` ${hypothesisLabel(lang, pack, x)}`),
            h(
              'td',
              null,
              x.baseline
                ? h('span', { 'data-testid': `prior-${x.id}` }, pct(prior, true))
                : h('input', {
                    type: 'text',
                    inputMode: 'decimal',
                    class: `num${changed ? ' changed' : ''}`,
                    'data-testid': `prior-${x.id}`,
                    value: String(Number((prior * 100).toPrecision(6))),
                    title: t('whatif.prior'),
                    onChange: (e: Event) => {
                      const v = parseInput((e.currentTarget as HTMLInputElement).value);
                      apply(setPrior(overrides, x.id, v === 'invalid' ? Number.NaN : v === undefined ? v : v / 100));
                    },
                  }),
              x.baseline ? null : ' %',
            ),
            h(
              'td',
              { 'data-testid': `served-posterior-${x.id}`, 'data-probability': x.probability },
              pct(x.probability),
            ),
            w
              ? h(
                  'td',
                  {
                    class: 'what-if-value',
                    'data-testid': `whatif-posterior-${x.id}`,
                    'data-probability': w.probability,
                  },
                  h('strong', null, pct(w.probability)),
                  ` (${signed((w.probability - x.probability) * 100, 1)} pt)`,
                )
              : null,
          );
        }),
      ),
    ),
  );
}
