// Sign in and out of the dashboard (session cookie + CSRF token), who am I, and changing one's own password.
import { vigilError } from '../../errors/index.js';
import { checkPassword, closeSession, openSession, resetPassword } from '../../users/user-accounts.js';
import { publicUser } from '../../users/user.js';
import { clearSessionCookie, setSessionCookie, SESSION_COOKIE } from '../auth/session-cookie.js';
import { API_PREFIX, type Principal, type VigilRoutePlugin } from '../server-deps.js';

const sessionSchema = {
  type: 'object',
  properties: {
    user: { type: 'object', additionalProperties: true },
    via: { type: 'string', enum: ['session', 'token'] },
    csrfToken: {
      type: 'string',
      description: 'Send it back in the x-csrf-token header on every write made with the session cookie.',
    },
  },
} as const;

function sessionBody(p: Principal) {
  return { user: publicUser(p.user), via: p.via, ...(p.csrfToken ? { csrfToken: p.csrfToken } : {}) };
}

export const sessionRoutes: VigilRoutePlugin = async (app, { deps }) => {
  const throttled = deps.metrics.counter(
    'vigil_login_throttled_total',
    'Sign-ins refused because of too many recent failures (per username or address).',
  );
  /** Counts a password guess (sign-in or password change) and refuses it while the user or address is locked. */
  const refuseIfThrottled = async (username: string, ip: string, nowMs: number, target: string): Promise<void> => {
    const attempt = deps.loginThrottle.begin(username, ip, nowMs);
    if (attempt.retryAfterMs <= 0) return;
    throttled.inc();
    const seconds = Math.ceil(attempt.retryAfterMs / 1000);
    // Once per lock, not once per refused try: a flood of refusals must not flood the audit log.
    if (attempt.firstRefusal)
      await deps.audit(null, 'session.login-throttled', target, {
        ip,
        limits: attempt.scopes,
        retryAfterSeconds: seconds,
      });
    throw vigilError(
      'VIGIL_TOO_MANY_ATTEMPTS',
      `too many failed password attempts for this user or address; try again in ${seconds} s`,
      { details: { retryAfterSeconds: seconds } },
    );
  };
  app.post<{ Body: { username: string; password: string } }>(
    `${API_PREFIX}/session`,
    {
      config: { access: 'public' },
      schema: {
        tags: ['session'],
        summary: 'Sign in: sets the HttpOnly session cookie and returns the CSRF token',
        body: {
          type: 'object',
          required: ['username', 'password'],
          additionalProperties: false,
          properties: { username: { type: 'string', maxLength: 64 }, password: { type: 'string', maxLength: 1024 } },
        },
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      const username = request.body.username.trim().toLowerCase();
      const nowMs = deps.now().getTime();
      // Counted before the password is hashed, so parallel guesses cannot all pass the check before any failure is
      // recorded; a locked key costs no hashing and answers nothing about the password.
      await refuseIfThrottled(username, request.ip, nowMs, request.body.username.slice(0, 64));
      const user = await checkPassword(deps.users, username, request.body.password);
      if (!user) {
        await deps.audit(null, 'session.login-failed', request.body.username.slice(0, 64), { ip: request.ip });
        throw vigilError('VIGIL_UNAUTHORIZED', 'unknown user or wrong password');
      }
      deps.loginThrottle.succeeded(username, request.ip, nowMs);
      // Sign-ins are rare: a good moment to drop expired sessions.
      await deps.users.deleteExpiredSessions(deps.now().toISOString());
      // The session and its audit entry commit together.
      const { sessionId, session, principal } = await deps.writes.inTransaction(async () => {
        const opened = await openSession(deps.users, user, deps.now().getTime());
        const signedIn: Principal = {
          user,
          via: 'session',
          csrfToken: opened.session.csrfToken,
          actor: `user:${user.username}`,
        };
        await deps.audit(signedIn, 'session.login', user.username, { ip: request.ip });
        return { ...opened, principal: signedIn };
      });
      setSessionCookie(
        reply,
        request,
        sessionId,
        (Date.parse(session.expiresAt) - Date.parse(session.createdAt)) / 1000,
      );
      return sessionBody(principal);
    },
  );

  app.get(
    `${API_PREFIX}/session`,
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['session'],
        summary: 'The signed-in user (and the CSRF token for session callers)',
        response: { 200: sessionSchema },
      },
    },
    async (request) => sessionBody(request.principal!),
  );

  app.delete(
    `${API_PREFIX}/session`,
    {
      config: { access: 'viewer' },
      schema: { tags: ['session'], summary: 'Sign out: ends the session and clears the cookie' },
    },
    async (request, reply) => {
      const cookie = request.cookies[SESSION_COOKIE];
      await deps.writes.inTransaction(async () => {
        if (cookie) await closeSession(deps.users, cookie);
        await deps.audit(request.principal, 'session.logout', request.principal!.user.username);
      });
      clearSessionCookie(reply, request);
      return reply.code(204).send();
    },
  );

  app.put<{ Body: { current: string; next: string } }>(
    `${API_PREFIX}/session/password`,
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['session'],
        summary: 'Change your own password',
        body: {
          type: 'object',
          required: ['current', 'next'],
          additionalProperties: false,
          properties: { current: { type: 'string', maxLength: 1024 }, next: { type: 'string', maxLength: 1024 } },
        },
      },
    },
    async (request, reply) => {
      const p = request.principal!;
      const nowMs = deps.now().getTime();
      // The current password is guessed here as at sign-in (a stolen session or token must not brute-force it): the
      // same throttle, counted before hashing.
      await refuseIfThrottled(p.user.username, request.ip, nowMs, p.user.username);
      if (!(await checkPassword(deps.users, p.user.username, request.body.current))) {
        await deps.audit(p, 'user.password-failed', p.user.username, { ip: request.ip });
        throw vigilError('VIGIL_UNAUTHORIZED', 'current password is wrong');
      }
      deps.loginThrottle.succeeded(p.user.username, request.ip, nowMs);
      const keep = p.via === 'session' ? { keepSessionIdHash: p.credentialId } : { keepTokenId: p.credentialId };
      // The new password, the other sessions and tokens ended, and the audit entry: one transaction (hashed before).
      await resetPassword(deps.users, p.user, request.body.next, {
        scrypt: deps.scrypt,
        now: deps.now().toISOString(),
        ...keep,
        write: (apply) =>
          deps.writes.inTransaction(async () => {
            await apply();
            await deps.audit(p, 'user.password', p.user.username, { otherSessionsAndTokensEnded: true });
          }),
      });
      return reply.code(204).send();
    },
  );
};
