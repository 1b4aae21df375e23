// The alert benchmark in miniature (about two seconds of load, ten simulated seconds of outage): figures present, nothing lost.
import { describe, expect, it } from 'vitest';
import { runAlertBench } from './alert-bench.js';

describe('alert benchmark', () => {
  it('measures end-to-end latency to a loopback webhook and loses nothing through an outage', async () => {
    const figures = Object.fromEntries(
      (await runAlertBench({ durationMs: 1_000, rate: 100, outageMs: 10_000 })).map((f) => [f.name, f.value]),
    );
    expect(figures['alert.e2e_alerts_measured']).toBeGreaterThan(10);
    expect(figures['alert.e2e_alerts_undelivered']).toBe(0);
    expect(figures['alert.e2e_p50_ms']).toBeGreaterThan(0);
    expect(figures['alert.e2e_p99_ms']).toBeGreaterThanOrEqual(figures['alert.e2e_p50_ms']);
    expect(figures['alert.webhook_outage_delivered']).toBeGreaterThan(0);
    expect(figures['alert.webhook_outage_lost']).toBe(0);
  }, 30_000);
});
