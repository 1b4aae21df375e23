// The OpenAPI document (built from every route's schema) at /api/v1/openapi.json, and interactive docs at /api/v1/docs.
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from './server-deps.js';

export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Vigil API',
        version,
        description:
          'Point-in-time indicators, course-of-action assessments, warnings and alerts. Errors are application/problem+json with a `code` from docs/errors.md. Dates are local days (YYYY-MM-DD) in the pack time zone; `at` means "as known at the end of that day".',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A token from `vigil user token NAME`' },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'vigil_session',
            description: 'Dashboard session; writes also need the x-csrf-token header',
          },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: `${API_PREFIX}/docs`,
    uiConfig: { docExpansion: 'list', deepLinking: true, validatorUrl: null },
    // A Content-Security-Policy with the hashes of Swagger UI's own inline script and styles: nothing from elsewhere.
    staticCSP: true,
    transformStaticCSP: docsCsp,
  });
  app.get(`${API_PREFIX}/openapi.json`, { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}

/**
 * The plugin's policy, made stricter: no https: sources, no validator host, no framing, no upgrade (served on http).
 * Styles allow 'unsafe-inline' because Swagger UI (React) sets style attributes; scripts stay 'self' only.
 */
export function docsCsp(header: string): string {
  return header
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && d !== 'upgrade-insecure-requests')
    .map((d) =>
      d
        .replace(/ https:/g, '')
        .replace(/ validator\.swagger\.io/g, '')
        .replace(/^frame-ancestors 'self'$/, "frame-ancestors 'none'"),
    )
    .map((d) => (d.startsWith('style-src') && !d.includes("'unsafe-inline'") ? `${d} 'unsafe-inline'` : d))
    .join('; ');
}
