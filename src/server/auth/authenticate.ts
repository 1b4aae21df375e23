// Resolves the caller of a request from its bearer token or session cookie, and enforces each route's access rule.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { vigilError } from '../../errors/index.js';
import { checkToken, resolveSession } from '../../users/user-accounts.js';
import { roleAtLeast } from '../../users/user.js';
import { API_PREFIX, type Access, type Principal, type ServerDeps } from '../server-deps.js';
import { CSRF_HEADER, SESSION_COOKIE } from './session-cookie.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The caller, or null for an anonymous request. A presented but invalid bearer token is an error, not anonymity. */
export async function authenticate(request: FastifyRequest, deps: ServerDeps): Promise<Principal | null> {
  const now = deps.now().toISOString();
  const header = request.headers.authorization;
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const found = m ? await checkToken(deps.users, m[1], now) : undefined;
    if (!found) throw vigilError('VIGIL_UNAUTHORIZED', 'the bearer token is invalid, expired or revoked');
    return {
      user: found.user,
      via: 'token',
      actor: `token:${found.user.username}/${found.token.name}`,
      credentialId: found.token.id,
    };
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (cookie === undefined || cookie === '') return null;
  const found = await resolveSession(deps.users, cookie, now);
  if (!found) return null;
  return {
    user: found.user,
    via: 'session',
    csrfToken: found.session.csrfToken,
    actor: `user:${found.user.username}`,
    credentialId: found.session.idHash,
  };
}

function sameSecret(presented: string | string[] | undefined, expected: string | undefined): boolean {
  if (typeof presented !== 'string' || expected === undefined) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The access rule of the route a request matched (see Access). Routes outside /api/ default to public. */
export function accessOf(request: FastifyRequest): Access {
  const declared = request.routeOptions.config?.access;
  if (declared !== undefined) return declared;
  const url = request.routeOptions.url ?? request.url;
  // The interactive API docs (and their assets) are readable by anyone who can reach the server, like openapi.json.
  if (!url.startsWith(`${API_PREFIX}/`) || url.startsWith(`${API_PREFIX}/docs`)) return 'public';
  return WRITE_METHODS.has(request.method) ? 'analyst' : 'viewer';
}

/**
 * Installs the onRequest hook on the root instance, so it runs for every plugin's routes: authenticate, check the
 * role, and for writes made with a session cookie require the session's CSRF token in a header (a cross-site page
 * can make the browser send the cookie, but cannot read the token nor set a custom header without CORS).
 */
export function installAccessControl(app: FastifyInstance, deps: ServerDeps): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const access = accessOf(request);
    const isApi = request.url.startsWith('/api/');
    if (access === 'public' && !isApi) return;
    request.principal = await authenticate(request, deps);
    if (access === 'public') return;
    const p = request.principal;
    if (!p) throw vigilError('VIGIL_UNAUTHORIZED', 'sign in (session cookie) or send Authorization: Bearer <token>');
    if (!roleAtLeast(p.user.role, access))
      throw vigilError('VIGIL_FORBIDDEN', `this needs the ${access} role; ${p.user.username} is ${p.user.role}`);
    if (
      p.via === 'session' &&
      WRITE_METHODS.has(request.method) &&
      !sameSecret(request.headers[CSRF_HEADER], p.csrfToken)
    ) {
      throw vigilError('VIGIL_FORBIDDEN', `writes from the dashboard must carry the session's ${CSRF_HEADER} header`);
    }
  });
}
