// The dashboard's session cookie: HttpOnly, SameSite=Strict, Path=/, Secure when served over HTTPS.
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'vigil_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Max-Age (relative) rather than Expires (absolute), so a browser whose clock differs from the server's keeps it. */
export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  sessionId: string,
  ttlSeconds: number,
): void {
  reply.setCookie(SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: request.protocol === 'https',
    maxAge: Math.max(0, Math.floor(ttlSeconds)),
  });
}

export function clearSessionCookie(reply: FastifyReply, request: FastifyRequest): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: request.protocol === 'https',
  });
}
