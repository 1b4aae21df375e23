// Every API write leaves exactly one audit entry, in the transaction of the write: a route whose audit entry cannot be
// written answers an error and changes nothing.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refuseInserts } from '../storage/database/refuse-inserts-test-support.js';
import { startFixtureServer, type FixtureServer } from './server-fixture.js';

let server: FixtureServer;
beforeAll(async () => void (server = await startFixtureServer()), 120_000);
afterAll(async () => server?.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const observation = (value: number) => ({
  series: 'analyst.amphibious-loading',
  value,
  unit: 'events',
  periodStart: '2026-08-20T16:00:00.000Z',
  periodEnd: '2026-08-21T16:00:00.000Z',
  publishedAt: '2026-08-21T16:00:00.000Z',
  source: 'api-test',
  reliability: 'B',
  credibility: 2,
  tlp: 'green',
});

async function audit() {
  return server.vigil.users.listAudit();
}

/** Runs one request and expects exactly one new audit entry with `action` (and `target` when given). */
async function oneEntry(request: InjectOptions, action: string, target?: string): Promise<LightMyRequestResponse> {
  const before = (await audit()).length;
  const res = await server.app.inject(request);
  expect(res.statusCode, res.body).toBeLessThan(300);
  const added = (await audit()).slice(before);
  expect(added.map((e) => e.action)).toEqual([action]);
  if (target !== undefined) expect(added[0].target).toBe(target);
  return res;
}

describe('every API write: exactly one audit entry', () => {
  it('ingest (JSON and a file of a known kind)', async () => {
    const analyst = bearer(server.tokens.analyst);
    await oneEntry(
      { method: 'POST', url: '/api/v1/observations', headers: analyst, payload: [observation(1)] },
      'observations.ingest',
    );
    const jsonl = `${JSON.stringify(observation(2))}\n`;
    await oneEntry(
      {
        method: 'POST',
        url: '/api/v1/ingest/jsonl',
        headers: { ...analyst, 'content-type': 'application/x-ndjson' },
        payload: jsonl,
      },
      'observations.ingest',
    );
  });

  it('alerts: ack, comment, playbook tick; silences: add and expire', async () => {
    const analyst = bearer(server.tokens.analyst);
    const { alerts } = (
      await server.app.inject({ url: '/api/v1/alerts', headers: bearer(server.tokens.analyst) })
    ).json() as { alerts: { id: string; checklist: { steps: { id: string }[] } | null }[] };
    const alert = alerts.find((a) => a.checklist !== null) ?? alerts[0];
    await oneEntry(
      { method: 'POST', url: `/api/v1/alerts/${alert.id}/ack`, headers: analyst, payload: {} },
      'alert.ack',
      alert.id,
    );
    await oneEntry(
      { method: 'POST', url: `/api/v1/alerts/${alert.id}/comments`, headers: analyst, payload: { text: 'on it' } },
      'alert.comment',
      alert.id,
    );
    if (alert.checklist) {
      const url = `/api/v1/alerts/${alert.id}/playbook/${alert.checklist.steps[0].id}`;
      await oneEntry({ method: 'POST', url, headers: analyst, payload: {} }, 'alert.playbook-tick', alert.id);
    }
    const silence = (
      await oneEntry(
        {
          method: 'POST',
          url: '/api/v1/silences',
          headers: analyst,
          payload: { matchers: ['alertname="level-watch"'], duration: '2h', comment: 'test' },
        },
        'silence.add',
      )
    ).json() as { id: string };
    await oneEntry({ method: 'DELETE', url: `/api/v1/silences/${silence.id}`, headers: analyst }, 'silence.expire');
  });

  it('users and tokens: add, issue, revoke, remove', async () => {
    const admin = bearer(server.tokens.admin);
    await oneEntry(
      { method: 'POST', url: '/api/v1/users', headers: admin, payload: { username: 'dora', role: 'viewer' } },
      'user.add',
      'dora',
    );
    const issued = (
      await oneEntry(
        { method: 'POST', url: '/api/v1/users/dora/tokens', headers: admin, payload: { name: 'laptop' } },
        'token.issue',
      )
    ).json() as { id: string };
    await oneEntry({ method: 'DELETE', url: `/api/v1/tokens/${issued.id}`, headers: admin }, 'token.revoke');
    await oneEntry({ method: 'DELETE', url: '/api/v1/users/dora', headers: admin }, 'user.remove');
  });

  it('session: sign in, change the password, sign out', async () => {
    const admin = bearer(server.tokens.admin);
    const password = 'a long and unusual passphrase 1';
    await server.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: { username: 'eve', role: 'viewer', password },
    });
    const login = await oneEntry(
      { method: 'POST', url: '/api/v1/session', payload: { username: 'eve', password } },
      'session.login',
      'eve',
    );
    const headers = {
      cookie: String(login.headers['set-cookie']).split(';')[0],
      'x-csrf-token': login.json().csrfToken,
    };
    await oneEntry(
      {
        method: 'PUT',
        url: '/api/v1/session/password',
        headers,
        payload: { current: password, next: 'another long unusual passphrase 2' },
      },
      'user.password',
      'eve',
    );
    await oneEntry({ method: 'DELETE', url: '/api/v1/session', headers }, 'session.logout', 'eve');
  });
});

describe('an API write whose audit entry cannot be written', () => {
  it('answers an error and changes nothing', async () => {
    const admin = bearer(server.tokens.admin);
    const analyst = bearer(server.tokens.analyst);
    const password = 'a long and unusual passphrase 3';
    await server.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: { username: 'finn', role: 'viewer', password },
    });
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'finn', password },
    });
    const session = {
      cookie: String(login.headers['set-cookie']).split(';')[0],
      'x-csrf-token': login.json().csrfToken,
    };
    const { alerts } = (await server.app.inject({ url: '/api/v1/alerts', headers: analyst })).json() as {
      alerts: { id: string; acknowledged: unknown }[];
    };
    const unacked = alerts.find((a) => !a.acknowledged)!;
    const observations = (await server.vigil.store.queryObservations({ allRevisions: true })).length;
    const entries = (await audit()).length;

    await refuseInserts(server.vigil.db, 'users_audit');
    const refused = [
      await server.app.inject({
        method: 'POST',
        url: '/api/v1/observations',
        headers: analyst,
        payload: [observation(99)],
      }),
      await server.app.inject({
        method: 'POST',
        url: `/api/v1/alerts/${unacked.id}/ack`,
        headers: analyst,
        payload: {},
      }),
      await server.app.inject({
        method: 'POST',
        url: '/api/v1/silences',
        headers: analyst,
        payload: { matchers: ['alertname="level-alert"'], duration: '3h', comment: 'refused' },
      }),
      await server.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin,
        payload: { username: 'gail', role: 'viewer' },
      }),
      await server.app.inject({
        method: 'PUT',
        url: '/api/v1/session/password',
        headers: session,
        payload: { current: password, next: 'yet another unusual passphrase 4' },
      }),
      await server.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'finn', password } }),
      await server.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: session }),
    ];
    expect(refused.map((r) => [r.statusCode >= 400, r.json().detail])).toEqual(
      refused.map(() => [true, expect.stringMatching(/users_audit refused/)]),
    );
    await server.vigil.db.raw((conn) => conn.exec('DROP TRIGGER refuse_users_audit'));

    expect(await server.vigil.store.queryObservations({ allRevisions: true })).toHaveLength(observations);
    expect(await server.vigil.alerts.listAcknowledgements([unacked.id])).toEqual([]);
    expect((await server.vigil.alerts.listSilences()).filter((s) => s.comment === 'refused')).toEqual([]);
    expect(await server.vigil.users.findUserByName('gail')).toBeUndefined();
    // The password did not change and the session still works (the sign-out was rolled back).
    const again = await server.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'finn', password },
    });
    expect(again.statusCode).toBe(200);
    expect((await server.app.inject({ url: '/api/v1/session', headers: { cookie: session.cookie } })).statusCode).toBe(
      200,
    );
    expect((await audit()).length).toBe(entries + 1);
  });
});
