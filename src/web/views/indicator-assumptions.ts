// The what-if editor for one indicator: its likelihood ratio per state and hypothesis, and its detector thresholds.
// A changed value is marked; clearing a field returns it to the pack's value.
import { h } from 'preact';
import type { WhatIfOverrides } from '../../analysis/what-if.js';
import { detectorStates, KNOWLEDGE_STATES } from '../../packs/detector-states.js';
import type { Pack, StateLevel } from '../../packs/pack-schema.js';
import { stateName, type Lang, type MessageKey } from '../i18n.js';
import { parseInput, setLikelihood, setThreshold } from '../what-if-overrides.js';
import { indicatorLabel, type ViewProps } from './board-view.js';

type T = (k: MessageKey, v?: Record<string, string | number>) => string;

const FIELDS = ['z', 'ratio', 'min'] as const;

export function IndicatorAssumptions({
  t,
  lang,
  pack,
  edited,
  indicator,
  read,
  ids,
  h0,
  overrides,
  apply,
  onClose,
}: {
  t: T;
  lang: Lang;
  pack: ViewProps['pack'];
  /** The pack as the current what-if edits it. */
  edited: Pack;
  indicator: string;
  /** The state it reads on the day (in the what-if). */
  read: string | undefined;
  ids: string[];
  h0: string;
  overrides: WhatIfOverrides;
  apply: (o: WhatIfOverrides) => void;
  onClose: () => void;
}) {
  const ind = edited.indicators.find((i) => i.id === indicator);
  if (!ind) return null;
  const states = detectorStates(ind.detector).filter((s) => !(KNOWLEDGE_STATES as readonly string[]).includes(s));
  const lrChanged = (s: string, x: string) =>
    (overrides.likelihoods ?? []).some((l) => l.indicator === indicator && l.state === s && l.hypothesis === x);
  const thChanged = (s: string, f: string) =>
    (overrides.thresholds ?? []).some((l) => l.indicator === indicator && l.state === s && l.field === f);
  const d = ind.detector;
  const levels: StateLevel[] =
    d.kind === 'robust-z'
      ? [...d.levels, ...d.lowLevels]
      : d.kind === 'threshold' || d.kind === 'decay'
        ? d.levels
        : [];
  const number = (
    value: number | undefined,
    changed: boolean,
    testid: string,
    onValue: (v: number | undefined) => void,
    empty = '1',
  ) =>
    h('input', {
      type: 'text',
      inputMode: 'decimal',
      class: `num${changed ? ' changed' : ''}`,
      'data-testid': testid,
      value: value === undefined ? '' : String(value),
      placeholder: value === undefined ? empty : '',
      onChange: (e: Event) => {
        const v = parseInput((e.currentTarget as HTMLInputElement).value);
        onValue(v === 'invalid' ? Number.NaN : v);
      },
    });
  return h(
    'div',
    { class: 'assumptions', 'data-testid': 'assumptions', 'data-indicator': indicator },
    h(
      'h3',
      null,
      t('whatif.editor', { name: indicatorLabel(lang, pack, { id: ind.id, name: ind.name }) }),
      h('button', { type: 'button', class: 'close', onClick: onClose }, t('whatif.close')),
    ),
    h('h4', null, t('whatif.likelihoods', { h0 })),
    h(
      'table',
      { class: 'lr-grid' },
      h('thead', null, h('tr', null, h('th', null, t('whatif.stateCol')), ...ids.map((x) => h('th', null, x)))),
      h(
        'tbody',
        null,
        ...states.map((s) =>
          h(
            'tr',
            { class: s === read ? 'read' : '' },
            h('th', { scope: 'row' }, stateName(lang, s), s === read ? ' ◀' : ''),
            ...ids.map((x) =>
              h(
                'td',
                null,
                number(ind.likelihoods[s]?.[x], lrChanged(s, x), `lr-${indicator}-${s}-${x}`, (v) =>
                  apply(setLikelihood(overrides, indicator, s, x, v)),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
    h('h4', null, t('whatif.thresholds', { kind: d.kind })),
    d.kind === 'presence'
      ? h(
          'table',
          { class: 'lr-grid' },
          h('thead', null, h('tr', null, h('th', null, t('whatif.stateCol')), h('th', null, 'min'))),
          h(
            'tbody',
            null,
            h(
              'tr',
              null,
              h('th', { scope: 'row' }, stateName(lang, 'present')),
              h(
                'td',
                null,
                number(d.min, thChanged('present', 'min'), `th-${indicator}-present-min`, (v) =>
                  apply(setThreshold(overrides, indicator, 'present', 'min', v)),
                ),
              ),
            ),
          ),
        )
      : levels.length === 0
        ? h('p', { class: 'note' }, t('whatif.noThresholds'))
        : h(
            'table',
            { class: 'lr-grid' },
            h(
              'thead',
              null,
              h('tr', null, h('th', null, t('whatif.stateCol')), ...FIELDS.map((f) => h('th', null, f))),
            ),
            h(
              'tbody',
              null,
              ...levels.map((l) =>
                h(
                  'tr',
                  { class: l.state === read ? 'read' : '' },
                  h('th', { scope: 'row' }, stateName(lang, l.state)),
                  ...FIELDS.map((f) =>
                    h(
                      'td',
                      null,
                      number(
                        l[f],
                        thChanged(l.state, f),
                        `th-${indicator}-${l.state}-${f}`,
                        (v) => apply(setThreshold(overrides, indicator, l.state, f, v)),
                        '—',
                      ),
                    ),
                  ),
                ),
              ),
            ),
          ),
  );
}
