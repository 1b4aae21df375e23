// The Fastify app factory: problem+json errors, cookies, access control, metrics, OpenAPI, every route plugin, the dashboard.
import fastifyCookie from '@fastify/cookie';
import { decodeUtf8 } from '../model/utf8-text.js';
import { parseStrictJson } from '../sources/located-json/located-json.js';
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
  /** Other servers in the same app, registered after the API routes (the TAXII server: sharing/taxii/taxii-mount.ts). */
  mounts?: ReadonlyArray<(app: FastifyInstance) => Promise<void>>;
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
  installStrictJsonBodies(app);
  await app.register(fastifyCookie);
  installAccessControl(app, deps);
  installHttpMetrics(app, deps);
  installAssessmentMetrics(deps);

  app.addHook('onSend', async (request, reply, payload) => {
    // What an authenticated caller (user or partner) receives is theirs, at their TLP ceiling: no cache (browser,
    // proxy) may keep it for the next person at the keyboard or behind the proxy.
    if ((request.principal || request.taxiiPartner) && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    if (!reply.hasHeader('x-frame-options')) reply.header('x-frame-options', 'DENY');
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        actor: request.principal?.actor,
      },
      'request',
    );
  });
  app.addHook('preClose', async () => deps.events.close());

  await registerOpenApi(app, options.version ?? '1');
  for (const plugin of routePlugins) await app.register(plugin, { deps });
  for (const mount of options.mounts ?? []) await mount(app);
  await registerDashboard(app, options.dashboardDir);
  return app;
}

/**
 * JSON request bodies go through the one strict reader every input uses: invalid UTF-8, a member name given twice and
 * nesting past MAX_JSON_DEPTH are 400s naming the line, never a silently different value or a stack overflow.
 */
function installStrictJsonBodies(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseStrictJson(decodeUtf8(body as Buffer, 'request body'), 'request body'));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
