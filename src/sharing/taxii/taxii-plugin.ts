// The TAXII 2.1 server as a Fastify plugin: partner authentication, media types, the spec's error format, discovery
// and API root; collection routes in taxii-read-routes.ts and taxii-write-routes.ts. Register it with a prefix
// (`app.register(taxiiPlugin, { prefix: '/taxii2', ...deps })`); it stays encapsulated, so its error handling and
// body parsing apply only under that prefix.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { vigilError } from '../../errors/index.js';
import { authenticatePartner } from './taxii-auth.js';
import { API_ROOT_SEGMENT, type TaxiiDeps } from './taxii-deps.js';
import { taxiiErrorBody, toTaxiiError } from './taxii-errors.js';
import { acceptsTaxii, TAXII_MEDIA_TYPE } from './taxii-media.js';
import { registerTaxiiReadRoutes } from './taxii-read-routes.js';
import { registerTaxiiWriteRoutes } from './taxii-write-routes.js';

export const DEFAULT_MAX_CONTENT_LENGTH = 8 * 1024 * 1024;

export const taxiiPlugin: FastifyPluginAsync<TaxiiDeps> = async (app, deps) => {
  const maxContentLength = deps.maxContentLength ?? DEFAULT_MAX_CONTENT_LENGTH;

  app.decorateRequest('taxiiPartner', undefined);
  app.addHook('onRequest', async (request) => {
    if (!acceptsTaxii(request.headers.accept)) {
      throw vigilError(
        'VIGIL_NOT_ACCEPTABLE',
        `this TAXII server answers ${TAXII_MEDIA_TYPE}; the Accept header asks for ${request.headers.accept}`,
      );
    }
    request.taxiiPartner = await authenticatePartner(deps.registry, request.headers.authorization);
  });
  // Fastify rewrites a Content-Type it sets (`; version="2.1"; charset=utf-8`); TAXII clients compare it as written.
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('content-type', TAXII_MEDIA_TYPE);
    // A partner's view, at its TLP ceiling: never kept by a cache for anyone else.
    if (request.taxiiPartner) reply.header('cache-control', 'no-store');
    return payload;
  });
  app.setErrorHandler(async (error, _request, reply) => sendTaxiiError(reply, error));
  app.setNotFoundHandler(async (request, reply) => {
    reply.code(404).type(TAXII_MEDIA_TYPE);
    return taxiiErrorBody(404, `no TAXII resource at ${request.method} ${request.url}`, 'VIGIL_NOT_FOUND');
  });

  app.get('/', async (_request, reply) => {
    reply.type(TAXII_MEDIA_TYPE);
    const root = `${deps.publicUrl?.replace(/\/+$/, '') ?? ''}${app.prefix}/${API_ROOT_SEGMENT}/`;
    return {
      title: `Vigil TAXII 2.1 server of ${deps.keys.identity.name}`,
      description:
        'Observations, assessments and alerts shared with partners under TLP 2.0; see Vigil docs/sharing.md.',
      default: root,
      api_roots: [root],
    };
  });

  app.get(`/${API_ROOT_SEGMENT}/`, async (_request, reply) => {
    reply.type(TAXII_MEDIA_TYPE);
    return {
      title: `Vigil sharing (${deps.keys.identity.name})`,
      description:
        'One collection per shared set; each partner sees the collections it is granted, up to its TLP ceiling.',
      versions: [TAXII_MEDIA_TYPE],
      max_content_length: maxContentLength,
    };
  });

  await registerTaxiiReadRoutes(app, deps);
  await registerTaxiiWriteRoutes(app, deps, maxContentLength);
};

export function sendTaxiiError(reply: FastifyReply, error: unknown): FastifyReply {
  const { status, body } = toTaxiiError(error);
  if (status >= 500) reply.log.error({ err: error }, 'TAXII request failed');
  if (status === 401) reply.header('www-authenticate', 'Bearer realm="vigil-taxii", Basic realm="vigil-taxii"');
  return reply.code(status).type(TAXII_MEDIA_TYPE).send(body);
}
