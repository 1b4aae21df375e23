// The Fastify app factory: problem+json errors, cookies, access control, metrics, OpenAPI, every route plugin, the dashboard.
import fastifyCookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { registerDashboard } from './dashboard-assets.js';
import { installAccessControl } from './auth/authenticate.js';
import { installAssessmentMetrics } from './assessment-metrics.js';
import { installHttpMetrics } from './http-metrics.js';
import { registerOpenApi } from './openapi.js';
import type { TrustProxy } from './listen-options.js';
import { installProblemHandlers } from './problem-details.js';
import { routePlugins } from './route-plugins.js';
import type { ServerDeps } from './server-deps.js';

export interface CreateServerOptions {
  /** Fastify's pino logger: false (tests), or options such as `{ level: 'info', stream }`. Default false. */
  logger?: FastifyServerOptions['logger'];
  /** Where the built dashboard is (default web-dist/ in the package). */
  dashboardDir?: string;
  /** API version shown in the OpenAPI document. */
  version?: string;
  /** Reverse proxies whose X-Forwarded-For is believed, so `request.ip` is the client's (sign-in throttle, audit). */
  trustProxy?: TrustProxy;
}

export async function createServer(deps: ServerDeps, options: CreateServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    // One line per request from our own onResponse hook (with the caller), instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    // Open SSE streams must not keep close() waiting.
    forceCloseConnections: true,
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  installProblemHandlers(app);
  await app.register(fastifyCookie);
  installAccessControl(app, deps);
  installHttpMetrics(app, deps);
  installAssessmentMetrics(deps);

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    if (!reply.hasHeader('x-frame-options')) reply.header('x-frame-options', 'DENY');
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, url: request.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10, actor: request.principal?.actor }, 'request');
  });
  app.addHook('preClose', async () => deps.events.close());

  await registerOpenApi(app, options.version ?? '1');
  for (const plugin of routePlugins) await app.register(plugin, { deps });
  await registerDashboard(app, options.dashboardDir);
  return app;
}
