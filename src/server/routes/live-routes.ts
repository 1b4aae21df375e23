// Server-sent events for live dashboard updates, and Prometheus metrics.
import { alertEventFilter } from '../alert-visibility.js';
import { refreshAssessmentMetrics } from '../assessment-metrics.js';
import { API_PREFIX, type VigilRoutePlugin } from '../server-deps.js';

export const liveRoutes: VigilRoutePlugin = async (app, { deps }) => {
  app.get(
    `${API_PREFIX}/events`,
    {
      schema: {
        tags: ['live'],
        summary: 'Server-sent events: `observations`, `assessment`, `alert`, `alert-notification`, `warning`',
        description:
          'text/event-stream; reconnect with Last-Event-ID to receive what was missed (recent events are kept). `alert`, `alert-notification` and `warning` reach only callers who may see alerts (see /alerts).',
      },
    },
    async (request, reply) => {
      reply.hijack();
      // Alert events carry what alerts say: only for callers whose TLP ceiling may see alerts, decided as each is published.
      deps.events.handle(
        request.raw,
        reply.raw,
        alertEventFilter(deps.alertVisibility, request.principal!.user.tlpMax),
      );
    },
  );

  app.get(
    '/metrics',
    {
      config: { access: 'public' },
      schema: { tags: ['live'], summary: 'Prometheus metrics (text exposition format)', hide: false },
    },
    async (_request, reply) => {
      await refreshAssessmentMetrics(deps);
      return reply.type('text/plain; version=0.0.4; charset=utf-8').send(deps.metrics.render());
    },
  );
};
