// Request metrics for Prometheus: counts and latencies per route template and status, plus process and live gauges.
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from './server-deps.js';

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export function installHttpMetrics(app: FastifyInstance, deps: ServerDeps): void {
  const { metrics } = deps;
  const requests = metrics.counter(
    'vigil_http_requests_total',
    'HTTP requests by method, route template and status code.',
  );
  const latency = metrics.histogram(
    'vigil_http_request_duration_seconds',
    'HTTP request latency by method and route template.',
    LATENCY_BUCKETS,
  );
  metrics.gauge('vigil_sse_clients', 'Dashboards connected to the live event stream.', () => deps.events.clientCount());
  metrics.gauge('vigil_process_resident_memory_bytes', 'Resident set size of the server process.', () =>
    process.memoryUsage.rss(),
  );
  metrics.gauge('vigil_process_uptime_seconds', 'Seconds since the server process started.', () =>
    Math.round(process.uptime()),
  );
  // The full (every-observation) view only: /metrics is public, and the builds of each ceiling's view would tell
  // anyone which ceilings are in use and when each was read after an ingest.
  metrics.gauge(
    'vigil_assessment_index_builds',
    'Times the full (every-observation) assessment index was (re)built from the store.',
    () => deps.assessments.all().version(),
  );

  app.addHook('onResponse', async (request, reply) => {
    // Route templates (not raw URLs) keep the label set small; unmatched requests share one label.
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    latency.observe(reply.elapsedTime / 1000, { method: request.method, route });
  });
}
