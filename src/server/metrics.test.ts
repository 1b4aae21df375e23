// The Prometheus registry renders the text exposition format: HELP/TYPE lines, escaped labels, cumulative buckets.
import { describe, expect, it } from 'vitest';
import { createMetrics } from './metrics.js';

describe('metrics', () => {
  it('renders counters, gauges and histograms in the exposition format', () => {
    const m = createMetrics();
    const c = m.counter('req_total', 'Requests.');
    c.inc({ route: '/a"b\\c\nd' });
    c.inc({ route: '/a"b\\c\nd' }, 2);
    m.gauge('clients', 'Clients.', () => 3);
    const hist = m.histogram('latency_seconds', 'Latency.', [0.1, 0.5]);
    hist.observe(0.05);
    hist.observe(0.3);
    hist.observe(2);
    expect(m.render()).toBe(
      [
        '# HELP req_total Requests.',
        '# TYPE req_total counter',
        'req_total{route="/a\\"b\\\\c\\nd"} 3',
        '# HELP clients Clients.',
        '# TYPE clients gauge',
        'clients 3',
        '# HELP latency_seconds Latency.',
        '# TYPE latency_seconds histogram',
        'latency_seconds_bucket{le="0.1"} 1',
        'latency_seconds_bucket{le="0.5"} 2',
        'latency_seconds_bucket{le="+Inf"} 3',
        'latency_seconds_sum 2.35',
        'latency_seconds_count 3',
        '',
      ].join('\n'),
    );
  });

  it('refuses invalid and duplicate names', () => {
    const m = createMetrics();
    m.counter('a_total', 'x');
    expect(() => m.counter('a_total', 'x')).toThrow(/twice/);
    expect(() => m.gauge('bad-name', 'x')).toThrow(/invalid/);
  });
});
