// Changing one's password: throttled like sign-in, held to the password policy, and ending every other session and
// token of the user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, issueToken } from '../users/user-accounts.js';
import {
  FIXTURE_NOW,
  FIXTURE_PASSWORD,
  FIXTURE_SCRYPT,
  startFixtureServer,
  type FixtureServer,
} from './server-fixture.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer({ alerts: false });
}, 30_000);
afterAll(async () => server?.close());

const NEXT = 'a quite different passphrase 7';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const change = (headers: Record<string, string>, current: string, next: string, remoteAddress = '127.0.0.1') =>
  server.app.inject({
    method: 'PUT',
    url: '/api/v1/session/password',
    payload: { current, next },
    headers,
    remoteAddress,
  });

async function signIn(username: string, password: string) {
  const res = await server.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
  expect(res.statusCode).toBe(200);
  return { cookie: res.headers['set-cookie']!.toString().split(';')[0], csrf: res.json().csrfToken as string };
}

describe('password change', () => {
  it('is throttled like sign-in: guessing the current password with a stolen token stops after a few tries', async () => {
    const answers = [];
    for (let i = 0; i < 60; i++)
      answers.push(
        (await change(bearer(server.tokens.viewer), `guess number ${i}!!`, NEXT, '198.51.100.20')).statusCode,
      );
    expect(answers.filter((c) => c === 401).length).toBeLessThanOrEqual(5);
    expect(answers.filter((c) => c === 429).length).toBeGreaterThanOrEqual(55);
    // Even the right current password waits while locked.
    expect((await change(bearer(server.tokens.viewer), FIXTURE_PASSWORD, NEXT, '198.51.100.20')).statusCode).toBe(429);
  });

  it('refuses common passwords, spaces only and the username, naming the field', async () => {
    const { user } = await createUser(
      server.deps.users,
      { username: 'analyst-on-duty', role: 'analyst', password: FIXTURE_PASSWORD },
      FIXTURE_NOW,
      { scrypt: FIXTURE_SCRYPT },
    );
    const { token } = await issueToken(server.deps.users, user, 'policy', FIXTURE_NOW);
    for (const weak of ['password1234', ' '.repeat(12), 'analyst-on-duty', 'Analyst-On-Duty']) {
      const res = await change(bearer(token), FIXTURE_PASSWORD, weak);
      expect([res.statusCode, res.json().code], weak).toEqual([400, 'VIGIL_INPUT_INVALID']);
      expect(res.json().detail).toMatch(/^password: /);
    }
  });

  it("ends the user's other sessions and tokens, keeping the one it came through", async () => {
    const { user } = await createUser(
      server.deps.users,
      { username: 'dora', role: 'viewer', password: FIXTURE_PASSWORD },
      FIXTURE_NOW,
      { scrypt: FIXTURE_SCRYPT },
    );
    const { token } = await issueToken(server.deps.users, user, 'laptop', FIXTURE_NOW);
    const [here, elsewhere] = [await signIn('dora', FIXTURE_PASSWORD), await signIn('dora', FIXTURE_PASSWORD)];
    const res = await change({ cookie: here.cookie, 'x-csrf-token': here.csrf }, FIXTURE_PASSWORD, NEXT);
    expect(res.statusCode).toBe(204);
    const whoAmI = (headers: Record<string, string>) =>
      server.app.inject({ method: 'GET', url: '/api/v1/session', headers });
    expect((await whoAmI({ cookie: here.cookie })).statusCode).toBe(200);
    expect((await whoAmI({ cookie: elsewhere.cookie })).statusCode).toBe(401);
    expect((await whoAmI(bearer(token))).statusCode).toBe(401);
    // Other users keep theirs.
    expect((await whoAmI(bearer(server.tokens.analyst))).statusCode).toBe(200);
    await signIn('dora', NEXT);
  });
});
