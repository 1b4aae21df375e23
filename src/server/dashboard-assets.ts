// Serves the built dashboard (web-dist/) from the same process, with a strict Content-Security-Policy: no CDN, no inline script.
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { PACKAGE_ROOT } from '../app/paths.js';

export const DEFAULT_DASHBOARD_DIR = join(PACKAGE_ROOT, 'web-dist');

export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export async function registerDashboard(app: FastifyInstance, dir = DEFAULT_DASHBOARD_DIR): Promise<void> {
  if (!existsSync(join(dir, 'index.html'))) {
    app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(
          'The dashboard is not built yet: run `npm run build` (npm ci and npm start do it), then reload.\nThe API is at /api/v1 (docs: /api/v1/docs).\n',
        ),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    index: ['index.html'],
    wildcard: false,
    // Our own cache headers (below) instead of the plugin's `public, max-age=0`.
    cacheControl: false,
    setHeaders(res, path) {
      res.setHeader('content-security-policy', DASHBOARD_CSP);
      // Hashed asset names never change content; index.html must be revalidated to pick up a new build.
      res.setHeader(
        'cache-control',
        relative(dir, path).startsWith(`assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
}
