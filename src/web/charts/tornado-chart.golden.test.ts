// Golden file for the tornado chart's SVG: bars from the low to the high end of each assumption's range, both sides of
// the current value, a bar that moves the measure only one way, a label too long for its column, and the line at the
// current value.
import { describe, it } from 'vitest';
import { expectGolden } from '../../../test/support/golden.js';
import { vnodeMarkup } from '../../../test/support/vnode-markup.js';
import { TornadoChart } from './tornado-chart.js';

describe('tornado chart golden', () => {
  it('draws the committed SVG', () => {
    const svg = TornadoChart({
      base: 0.42,
      rows: [
        { key: 'lr:air.total:very-high:H1', label: 'LR H1 · air.total very-high', low: 0.27, high: 0.58 },
        { key: 'prior:H1', label: 'prior H1', low: 0.3, high: 0.51 },
        // Lower thresholds raise the measure here: the low end is to the right of the current value.
        { key: 'threshold:sea.plan', label: 'thresholds · sea.plan', low: 0.47, high: 0.4 },
        { key: 'lr:pol.transit:fresh:H1', label: 'LR H1 · pol.transit fresh', low: 0.42, high: 0.44 },
        // Longer than the widest label column: shortened with an ellipsis, whole in its <title>.
        {
          key: 'lr:sea.ccg:elevated:H2',
          label: 'LR H2 · China Coast Guard and PLA Navy ships around Taiwan and its outlying islands elevated (2.5)',
          low: 0.4,
          high: 0.45,
        },
      ],
      labels: { low: 'low end', high: 'high end', title: 'Sensitivity of P(H1)' },
    });
    expectGolden(vnodeMarkup(svg), 'tornado-chart.svg');
  });
});
