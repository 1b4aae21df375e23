// The evidence half of the Explanation view: a bar per indicator (net log-odds towards a non-routine course of
// action) and the ACH matrix of indicators × hypotheses, with the routine H0 column and each indicator's diagnosticity.
import { h } from 'preact';
import type { WhatIfOverrides } from '../../analysis/what-if.js';
import { detectorStates } from '../../packs/detector-states.js';
import type { Pack } from '../../packs/pack-schema.js';
import type { AssessmentView, IndicatorView } from '../api-types.js';
import { baselineCell, diagnosticity, isReporting } from '../explain-model.js';
import { signed } from '../format.js';
import { stateName, type Lang, type MessageKey } from '../i18n.js';
import { setForce, setOff } from '../what-if-overrides.js';
import { hypothesisLabel, indicatorLabel, type ViewProps } from './board-view.js';

export type T = (k: MessageKey, v?: Record<string, string | number>) => string;

export function Bars({ t, lang, pack, a }: { t: T; lang: Lang; pack: ViewProps['pack']; a: AssessmentView }) {
  const ranked = [...a.indicators].sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution));
  const maxAbs = Math.max(0.5, ...ranked.map((i) => Math.abs(i.contribution)));
  return h(
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
          // Not reporting: nothing known, drawn hatched with —, never as a calm 0.
          isReporting(i)
            ? h(
                'span',
                { class: 'bar-track' },
                h('span', {
                  class: `bar-fill ${i.contribution >= 0 ? 'pos' : 'neg'}`,
                  style: {
                    width: `${(Math.abs(i.contribution) / maxAbs) * 50}%`,
                    [i.contribution >= 0 ? 'left' : 'right']: '50%',
                  },
                }),
              )
            : h('span', { class: 'bar-track unknown' }),
          h('span', { class: 'bar-value' }, isReporting(i) ? signed(i.contribution) : '—'),
        ),
      ),
    ),
  );
}

export function AchMatrix({
  t,
  lang,
  pack,
  fullPack,
  a,
  ids,
  h0,
  h0Label,
  sortByDiagnosticity,
  overrides,
  enabled,
  selected,
  onSelect,
  apply,
}: {
  t: T;
  lang: Lang;
  pack: ViewProps['pack'];
  fullPack: Pack;
  a: AssessmentView;
  ids: string[];
  h0: string;
  h0Label: string;
  sortByDiagnosticity: boolean;
  overrides: WhatIfOverrides;
  enabled: boolean;
  selected: string | undefined;
  onSelect: (id: string) => void;
  apply: (o: WhatIfOverrides) => void;
}) {
  const rows = a.indicators.map((i) => ({ i, d: diagnosticity(i, ids) }));
  // Unknown diagnosticity (not reporting) sorts last: nothing known is not "least diagnostic".
  if (sortByDiagnosticity) rows.sort((x, y) => (y.d ?? -1) - (x.d ?? -1));
  const cellMax = Math.max(
    0.5,
    ...a.indicators.flatMap((i) => [Math.abs(i.contribution), ...ids.map((x) => Math.abs(i.contributions[x] ?? 0))]),
  );
  const off = new Set(overrides.off ?? []);
  const cell = (i: IndicatorView, c: number, title: string, extraClass = '') =>
    // Not reporting: nothing is known, which is shown as such, never as a calm 0.
    isReporting(i)
      ? h(
          'td',
          {
            class: `${c > 0 ? 'consistent' : c < 0 ? 'inconsistent' : 'neutral'}${extraClass}`,
            style: { '--strength': Math.min(1, Math.abs(c) / cellMax).toFixed(2) },
            title,
          },
          signed(c),
        )
      : h('td', { class: `unknown${extraClass}`, title: stateName(lang, i.state) }, '—');
  return h(
    'table',
    { class: 'ach', 'data-testid': 'ach-matrix' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', null, ''),
        h('th', null, t('explain.state')),
        h('th', null, t('explain.evidenceOn')),
        h('th', { title: `${h0Label}: ${t('explain.h0', { h0 })}`, class: 'h0', 'data-testid': 'ach-h0' }, h0),
        ...ids.map((x) => h('th', { title: hypothesisLabel(lang, pack, { id: x, name: x }) }, x)),
        h('th', { title: t('explain.diagnosticityHelp', { h0 }) }, t('explain.diagnosticity')),
        h('th', null, ''),
      ),
    ),
    h(
      'tbody',
      null,
      ...rows.map(({ i, d }) => {
        const def = fullPack.indicators.find((x) => x.id === i.id);
        const forced = overrides.force?.[i.id];
        const isOff = off.has(i.id);
        return h(
          'tr',
          {
            'data-indicator': i.id,
            'data-diagnosticity': d === undefined ? '' : d.toFixed(6),
            class: `${isOff ? 'off' : ''}${selected === i.id ? ' selected' : ''}`,
          },
          h('th', { scope: 'row' }, indicatorLabel(lang, pack, i)),
          h(
            'td',
            { class: 'state-cell' },
            enabled && def
              ? h(
                  'select',
                  {
                    'data-testid': `force-${i.id}`,
                    class: forced ? 'changed' : '',
                    value: forced ?? '',
                    onChange: (e: Event) => {
                      const v = (e.currentTarget as HTMLSelectElement).value;
                      apply(setForce(overrides, i.id, v === '' ? undefined : v));
                    },
                  },
                  h(
                    'option',
                    { value: '' },
                    forced ? t('whatif.fromData') : `${stateName(lang, i.state)} ${t('whatif.fromData')}`,
                  ),
                  ...detectorStates(def.detector).map((s) => h('option', { value: s }, stateName(lang, s))),
                )
              : stateName(lang, i.state),
          ),
          h(
            'td',
            null,
            h('input', {
              type: 'checkbox',
              checked: !isOff,
              disabled: !enabled,
              'data-testid': `on-${i.id}`,
              title: t('explain.evidenceOn'),
              onChange: (e: Event) => apply(setOff(overrides, i.id, !(e.currentTarget as HTMLInputElement).checked)),
            }),
          ),
          cell(i, baselineCell(i), `${h0}: ${t('explain.h0', { h0 })}`, ' h0'),
          ...ids.map((x) => {
            const c = i.contributions[x] ?? 0;
            const raw = i.logLr[x] ?? 0;
            return cell(
              i,
              c,
              `${c > 0 ? t('explain.consistent') : c < 0 ? t('explain.inconsistent') : '·'} ${x}: ${signed(c)} (${t('explain.beforeGrouping')} ${signed(raw)})`,
            );
          }),
          h(
            'td',
            { class: 'diagnosticity', 'data-testid': `diagnosticity-${i.id}` },
            d === undefined ? '—' : d.toFixed(2),
          ),
          h(
            'td',
            null,
            enabled
              ? h(
                  'button',
                  { type: 'button', 'data-testid': `edit-${i.id}`, onClick: () => onSelect(i.id) },
                  t('whatif.edit'),
                )
              : null,
          ),
        );
      }),
    ),
  );
}
