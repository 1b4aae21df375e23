// The HTTP API in-process (app.inject) on the bundled data: access rules, problem+json, point-in-time answers, writes audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPackAlerting } from '../alerting/open-alerting.js';
import { dryRunRules } from '../alerting/rules-dry-run.js';
import { assessAt } from '../app/assess-at.js';
import { loadBacktestObservations } from '../backtest/run-backtest.js';
import { recordRun } from '../collectors/collector-health.js';
import { openObservationStore } from '../storage/open-store.js';
import { parseDay } from '../time/zone.js';
import { verifyAuditChain } from '../users/audit-chain.js';
import { FIXTURE_NOW, FIXTURE_PASSWORD, startFixtureServer, type FixtureServer } from './server-fixture.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
}, 30_000);
afterAll(async () => server?.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
async function get(url: string, token = server.tokens.viewer) {
  const res = await server.app.inject({ method: 'GET', url, headers: bearer(token) });
  return {
    status: res.statusCode,
    body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.body,
    headers: res.headers,
  };
}

describe('reading assessments', () => {
  it('gives the latest assessment, and the same one assessAt computes from the store', async () => {
    const { status, body } = await get('/api/v1/assessments/latest');
    expect(status).toBe(200);
    expect(body.day).toBe('2026-08-22');
    const store = openObservationStore(server.dbPath);
    const direct = await assessAt(store, server.pack, parseDay('2023-04-10'));
    await store.close();
    const { body: joint } = await get('/api/v1/assessments/2023-04-10');
    // assessAt loads only the look-back window, so for an indicator whose data ended long before it says "no
    // observations" where the full index says how old the data is; state, numbers and evidence are the same.
    const comparable = (a: { indicators: { state: string; dataDay: string | null; reason?: string }[] }) => ({
      ...a,
      indicators: a.indicators.map((i) => (i.state === 'missing' ? { ...i, dataDay: null, reason: null } : i)),
    });
    expect(comparable(joint)).toEqual(comparable(JSON.parse(JSON.stringify(direct))));
    expect(joint).toMatchObject({ level: 4, levelName: 'ALERT', asOf: '2023-04-10T16:00:00.000Z' });
  });

  it('serves the board in one call: level, since when, 90 days of history', async () => {
    const { body } = await get('/api/v1/board?at=2023-04-10');
    expect(body.assessment.levelName).toBe('ALERT');
    expect(body.history).toHaveLength(90);
    expect(body.history.at(-1).date).toBe('2023-04-10');
    expect(body.levelSince <= '2023-04-10').toBe(true);
    expect(body.history.find((d: { date: string }) => d.date === body.levelSince).level).toBe(4);
    expect(body).toMatchObject({ firstDay: expect.stringMatching(/^20\d\d-/), latestDay: '2026-08-22' });
  });

  it('answers a range with one record per day and never shows days after `at`', async () => {
    const { body } = await get('/api/v1/assessments?from=2023-04-01&to=2023-04-30&at=2023-04-10');
    expect(body.days.map((d: { date: string }) => d.date)).toEqual(
      Array.from({ length: 10 }, (_, i) => `2023-04-${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('gives an indicator series with baseline bands, states and the observations behind each point', async () => {
    const { status, body } = await get('/api/v1/indicators/air.total/series?from=2023-03-01&at=2023-04-10');
    expect(status).toBe(200);
    expect(body.points.at(-1).day <= '2023-04-10').toBe(true);
    const peak = body.points.find((p: { day: string }) => p.day === '2023-04-09');
    expect(peak).toMatchObject({
      value: 70,
      state: 'very-high',
      band: { low: expect.any(Number), high: expect.any(Number) },
    });
    expect(peak.value).toBeGreaterThan(peak.band.high);
    const { body: obs } = await get(`/api/v1/observations/${peak.observationIds[0]}?at=2023-04-10`);
    expect(obs.observation).toMatchObject({ series: 'mnd.aircraft.total', value: 70, source: 'mnd', reliability: 'A' });
    expect(obs.revisions.length).toBeGreaterThanOrEqual(1);
    const { body: adiz } = await get('/api/v1/indicators/air.adiz/series?from=2025-09-01&to=2025-11-01');
    expect(adiz.breaks).toEqual(['2025-09-30']);
    // The ADIZ series was not collected from 2022-08-06 until its first madeye report (2025-09-30, published the next day): shaded as no coverage, no point, never 0.
    expect(adiz.unknownSpans).toEqual([{ from: '2025-09-01', to: '2025-09-30', state: 'no-coverage' }]);
    expect(adiz.points.every((p: { day: string }) => p.day >= '2025-09-30')).toBe(true);
    // No Joint Staff source between the Reporter's collection (→ 2023-08-31) and the 2024 hand entries.
    const { body: carrier } = await get(
      '/api/v1/indicators/far-seas.carrier/series?from=2023-09-01&to=2023-12-31&at=2023-12-31',
    );
    expect(carrier.points).toEqual([]);
    expect(carrier.unknownSpans).toEqual([{ from: '2023-09-01', to: '2023-12-31', state: 'no-coverage' }]);
  });

  it('lists indicators, timeline, sources, pack and its areas', async () => {
    const ind = (await get('/api/v1/indicators?at=2023-04-10')).body;
    expect(ind.indicators.find((i: { definition: { id: string } }) => i.definition.id === 'air.total')).toMatchObject({
      definition: { nameZh: expect.any(String) },
      assessment: { state: 'very-high' },
    });
    const timeline = (await get('/api/v1/timeline?from=2023-03-20&at=2023-04-12')).body;
    const kinds = new Set(timeline.items.map((i: { kind: string }) => i.kind));
    expect(kinds).toEqual(new Set(['event', 'level-change', 'episode', 'alert']));
    expect(timeline.items.find((i: { kind: string; to?: number }) => i.kind === 'level-change' && i.to === 4).day).toBe(
      '2023-04-06',
    );
    const sources = (await get('/api/v1/sources')).body;
    expect(sources.series.find((s: { series: string }) => s.series === 'mnd.aircraft.total')).toMatchObject({
      status: 'stale',
      sources: ['mnd'],
    });
    expect((await get('/api/v1/pack')).body).toMatchObject({ id: 'taiwan-strait', hypotheses: expect.any(Array) });
    expect((await get('/api/v1/pack')).body.file).toBeUndefined();
    expect((await get('/api/v1/pack/areas/medianLine')).body.type).toBe('FeatureCollection');
    expect((await get('/api/v1/pack/areas/nope')).status).toBe(404);
  });

  it('keeps alerts on the timeline in playback: before the first stored alert, those the rules would have fired then', async () => {
    const { body } = await get('/api/v1/timeline?from=2023-03-20&at=2023-04-12');
    const alerts = body.items.filter((i: { kind: string }) => i.kind === 'alert');
    // Joint Sword: the level reached ALERT on 2023-04-06 (as known then), so LevelAlert fired in the window.
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((a: { replayed?: boolean; day: string }) => a.replayed === true && a.day <= '2023-04-12')).toBe(
      true,
    );
    expect(alerts.map((a: { rule: string }) => a.rule)).toContain('LevelAlert');
    // The fixture's alert loop ran after the latest data day, so the latest window too shows what the rules would have fired.
    const latest = (await get('/api/v1/timeline')).body;
    const latestAlerts = latest.items.filter((i: { kind: string }) => i.kind === 'alert');
    expect(latestAlerts.length).toBeGreaterThan(0);
    expect(latestAlerts.every((a: { day: string }) => a.day <= latest.to)).toBe(true);
  });

  it('ranks a value among the daily values known by the as-of day (playback never ranks among later ones)', async () => {
    const then = (await get('/api/v1/indicators/air.total/series?from=2023-04-01&at=2023-04-10')).body;
    const peak = then.points.find((p: { day: string }) => p.day === '2023-04-09');
    const now = (await get('/api/v1/indicators/air.total/series?from=2023-04-01&to=2023-04-10')).body;
    const peakNow = now.points.find((p: { day: string }) => p.day === '2023-04-09');
    // Known by 2023-04-10: the daily counts from the Aug-2022 format change on (about 240 days); by now, many more.
    expect(peak.rank.of).toBeGreaterThan(200);
    expect(peak.rank.of).toBeLessThan(260);
    expect(peakNow.rank.of).toBeGreaterThan(1000);
    expect(peak.rank.rank).toBeLessThanOrEqual(peakNow.rank.rank);
    const { body: observations } = await get(
      '/api/v1/observations?series=mnd.aircraft.total&from=2020-01-01&to=2023-04-10&at=2023-04-10&limit=10000',
    );
    const values = observations.observations.flatMap((o: { value: number | null }) =>
      o.value === null ? [] : [o.value],
    );
    expect(peak.rank.rank).toBe(values.filter((v: number) => v > 70).length + 1);
    // Event indicators and window sums are not ranked against daily counts.
    const trigger = (await get('/api/v1/indicators/far-seas.carrier/series?from=2023-04-01&at=2023-04-10')).body;
    expect(trigger.points.every((p: { rank?: unknown }) => p.rank === undefined)).toBe(true);
  });

  it('answers observations as known at a day, with all revisions on request', async () => {
    const { body } = await get('/api/v1/observations?series=mnd.aircraft.total&day=2023-04-09&at=2023-04-10');
    expect(body.observations.map((o: { value: number }) => o.value)).toContain(70);
    const { body: early } = await get('/api/v1/observations?series=mnd.aircraft.total&day=2023-04-09&at=2023-04-08');
    expect(early.observations).toEqual([]);
  });
});

describe('access', () => {
  it('refuses anonymous, bad-token and under-privileged callers with problem+json', async () => {
    const anon = await server.app.inject({ method: 'GET', url: '/api/v1/assessments/latest' });
    expect(anon.statusCode).toBe(401);
    expect(anon.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(anon.json()).toMatchObject({
      code: 'VIGIL_UNAUTHORIZED',
      status: 401,
      type: 'urn:vigil:error:VIGIL_UNAUTHORIZED',
    });
    expect((await get('/api/v1/assessments/latest', 'vgl_000000000000_' + 'A'.repeat(43))).status).toBe(401);
    expect((await get('/api/v1/users')).body).toMatchObject({ code: 'VIGIL_FORBIDDEN' });
    const write = await server.app.inject({
      method: 'POST',
      url: '/api/v1/alerts/xxxx/ack',
      headers: bearer(server.tokens.viewer),
      payload: {},
    });
    expect(write.json().code).toBe('VIGIL_FORBIDDEN');
  });

  it('signs in with a session cookie (HttpOnly, SameSite=Strict) and needs the CSRF header on writes', async () => {
    const bad = await server.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'ana', password: 'wrong password!!' },
    });
    expect(bad.statusCode).toBe(401);
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'ana', password: FIXTURE_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/vigil_session=[\w-]{43}; .*HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const session = cookie.split(';')[0];
    const { csrfToken } = login.json();
    expect(
      (await server.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: session } })).json().user
        .username,
    ).toBe('ana');
    const payload = { text: 'looking into it' };
    const alerts = (await get('/api/v1/alerts')).body.alerts;
    const url = `/api/v1/alerts/${alerts[0].id}/comments`;
    expect((await server.app.inject({ method: 'POST', url, headers: { cookie: session }, payload })).json().code).toBe(
      'VIGIL_FORBIDDEN',
    );
    expect(
      (await server.app.inject({ method: 'POST', url, headers: { cookie: session, 'x-csrf-token': 'nope' }, payload }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await server.app.inject({
          method: 'POST',
          url,
          headers: { cookie: session, 'x-csrf-token': csrfToken },
          payload,
        })
      ).statusCode,
    ).toBe(201);
    const logout = await server.app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { cookie: session, 'x-csrf-token': csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    expect(
      (await server.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: session } })).statusCode,
    ).toBe(401);
  });

  it('refuses sign-ins for a user after 5 failures (429, Retry-After), even with the right password, and no one else', async () => {
    const login = (username: string, password: string) =>
      server.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
    for (let i = 0; i < 5; i++) expect((await login('vic', `wrong password ${i}!`)).statusCode).toBe(401);
    const locked = await login('vic', FIXTURE_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'VIGIL_TOO_MANY_ATTEMPTS', retryable: true });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    expect((await login('admin', FIXTURE_PASSWORD)).statusCode).toBe(200);
    expect((await server.app.inject('/metrics')).body).toMatch(/vigil_login_throttled_total 1\b/);
  });

  it('replays what the rules would have held at the end of a past day, as `vigil rules check` does', async () => {
    const { status, body } = await get('/api/v1/alerts/replay?at=2023-04-10');
    expect(status).toBe(200);
    expect(body).toMatchObject({ at: '2023-04-10', from: '2023-03-12' });
    const firing = body.alerts
      .filter((a: { status: string }) => a.status === 'firing')
      .map((a: { rule: string }) => a.rule);
    expect(firing).toEqual(expect.arrayContaining(['LevelAlert', 'HypothesisH1']));
    expect(body.alerts.find((a: { rule: string }) => a.rule === 'LevelAlert').explanation.level.to).toBe(4);
    // The same alerts as `vigil rules check`'s replay from the raw observations over the same days.
    const store = openObservationStore(server.dbPath);
    try {
      const config = loadPackAlerting(server.pack);
      const fromCli = dryRunRules(
        config,
        server.pack,
        await loadBacktestObservations(store, server.pack),
        parseDay(body.from),
        parseDay('2023-04-10'),
      );
      const brief = (alerts: { rule: string; status: string; firedAt: string | null; labels: object }[]) =>
        alerts.map((a) => [a.rule, a.status, a.firedAt, a.labels]);
      expect(brief(body.alerts)).toEqual(brief(fromCli.active));
    } finally {
      await store.close();
    }
    const quiet = (await get('/api/v1/alerts/replay?at=2023-06-14')).body;
    expect(quiet.alerts.filter((a: { rule: string }) => a.rule.startsWith('Level'))).toEqual([]);
    expect((await get('/api/v1/alerts/replay?at=2031-01-01')).status).toBe(400);
  });

  it('lets anyone read health, metrics, the OpenAPI document and its docs', async () => {
    // The fixture clock is 10 days after the last MND report (cadence 2 days): degraded, and it says which source.
    expect((await server.app.inject('/api/v1/health')).json()).toMatchObject({
      status: 'degraded',
      hasData: true,
      staleSources: expect.arrayContaining([
        {
          id: 'mnd',
          name: expect.any(String),
          nameZh: '國防部每日共軍動態報告',
          ageDays: expect.any(Number),
          cadenceDays: 2,
        },
      ]),
      failingCollectors: [],
    });
    const doc = (await server.app.inject('/api/v1/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/assessments/{date}',
        '/api/v1/indicators/{id}/series',
        '/api/v1/alerts/{id}/ack',
        '/api/v1/observations',
      ]),
    );
    expect((await server.app.inject('/api/v1/docs/')).statusCode).toBe(200);
    const metrics = (await server.app.inject('/metrics')).body;
    expect(metrics).toMatch(/^# HELP vigil_http_requests_total/m);
    expect(metrics).toMatch(
      /vigil_http_requests_total\{method="GET",route="\/api\/v1\/assessments\/:date",status="200"\} \d+/,
    );
    expect(metrics).toMatch(/^vigil_assessment_level\{pack="taiwan-strait"\} [1-5]$/m);
    expect(metrics).toMatch(/^vigil_assessment_posterior\{pack="taiwan-strait",hypothesis="H1"\} 0\.\d+/m);
    expect(metrics).toMatch(/^vigil_assessment_p_event\{pack="taiwan-strait",horizon_days="7"\} 0\.\d+/m);
    expect(metrics).toMatch(/^vigil_assessment_core_reporting\{pack="taiwan-strait"\} \d+$/m);
    expect(metrics).toMatch(/^vigil_assessment_knowledge_state\{pack="taiwan-strait",state="ok"\} 1$/m);
    expect(metrics).toMatch(/^vigil_assessment_knowledge_state\{pack="taiwan-strait",state="unknown"\} 0$/m);
    expect(metrics).toMatch(/^vigil_source_age_days\{source="mnd"\} (9|10)(\.\d)?$/m);
    expect(metrics).toMatch(/^vigil_source_stale\{source="mnd"\} 1$/m);
    expect(metrics).toMatch(/^vigil_source_stale\{source="jso"\} 0$/m);
  });

  it('names a failing live collector in health and metrics', async () => {
    const store = openObservationStore(server.dbPath);
    await recordRun(store, { id: 'mnd-web', kind: 'mnd-bulletin-page', url: 'http://127.0.0.1:9/dead' }, FIXTURE_NOW, {
      ok: false,
      error: 'connect ECONNREFUSED',
    });
    await store.close();
    const health = (await server.app.inject('/api/v1/health')).json();
    expect(health).toMatchObject({
      status: 'degraded',
      failingCollectors: [{ id: 'mnd-web', consecutiveFailures: 1 }],
    });
    expect(JSON.stringify(health)).not.toContain('ECONNREFUSED');
    expect((await server.app.inject('/metrics')).body).toMatch(
      /^vigil_collector_consecutive_failures\{collector="mnd-web"\} 1$/m,
    );
  });
});

describe('bad input never takes the server down', () => {
  it('answers malformed dates, queries and bodies with 4xx problem+json naming the field', async () => {
    expect((await get('/api/v1/assessments/2023-02-30')).body).toMatchObject({
      status: 400,
      code: 'VIGIL_DATE_INVALID',
    });
    expect((await get('/api/v1/assessments/yesterday')).body).toMatchObject({
      status: 400,
      code: 'VIGIL_INPUT_INVALID',
      detail: expect.stringContaining('params.date'),
    });
    expect((await get('/api/v1/assessments/2030-01-01')).body).toMatchObject({
      code: 'VIGIL_DATE_INVALID',
      detail: expect.stringContaining('future'),
    });
    expect((await get('/api/v1/assessments/1999-01-01')).body.code).toBe('VIGIL_NO_DATA');
    expect((await get('/api/v1/assessments?bogus=1')).body.code).toBe('VIGIL_INPUT_INVALID');
    expect((await get('/api/v1/indicators/nope/series')).body.code).toBe('VIGIL_NOT_FOUND');
    expect((await get('/api/v1/nowhere')).body.code).toBe('VIGIL_NOT_FOUND');
    const post = (payload: string, type = 'application/json') =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/observations',
        headers: { ...bearer(server.tokens.analyst), 'content-type': type },
        payload,
      });
    expect((await post('{"observations": [')).json()).toMatchObject({ status: 400, code: 'VIGIL_INPUT_INVALID' });
    expect((await post('<xml/>', 'application/xml')).json()).toMatchObject({
      status: 415,
      code: 'VIGIL_UNSUPPORTED_MEDIA_TYPE',
    });
    expect((await post(JSON.stringify({ observations: [{ series: 'x.y' }] }))).json().detail).toMatch(/^request:1: /);
    expect((await post('x'.repeat(40 * 1024 * 1024), 'text/csv')).statusCode).toBeGreaterThanOrEqual(400);
    expect((await get('/api/v1/health')).status).toBe(200);
  });
});

describe('writes', () => {
  it('ingests a CSV of a known kind, refreshes the assessment, and audits it; a bad row writes nothing', async () => {
    const csv =
      'date,end_date,category,title,country,source_url,confidence\n2026-08-22,,election,Test election,Taiwan,https://example.org/a,high\n';
    const post = (body: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/ingest/triggers',
        headers: { ...bearer(server.tokens.analyst), 'content-type': 'text/csv' },
        payload: body,
      });
    const res = await post(csv);
    expect(res.json()).toEqual({ observations: 1, inserted: 1, unchanged: 0 });
    expect((await post(csv)).json()).toEqual({ observations: 1, inserted: 0, unchanged: 1 });
    const latest = (await get('/api/v1/assessments/latest')).body;
    expect(
      latest.indicators.find((i: { domain: string; state: string }) => i.domain === 'political' && i.state !== 'none'),
    ).toBeDefined();
    const bad = await post(`${csv}2026-08-23,,election,,Taiwan,,high\n`);
    expect(bad.json()).toMatchObject({
      code: 'VIGIL_INPUT_INVALID',
      detail: expect.stringMatching(/^upload\.triggers:3: title/),
    });
    expect(
      (
        await server.app.inject({
          method: 'POST',
          url: '/api/v1/ingest/nope',
          headers: { ...bearer(server.tokens.analyst), 'content-type': 'text/csv' },
          payload: 'a',
        })
      ).json().code,
    ).toBe('VIGIL_UNKNOWN_KIND');
    const audit = (await get('/api/v1/audit', server.tokens.admin)).body.entries;
    expect(audit.filter((e: { action: string }) => e.action === 'observations.ingest')).toHaveLength(2);
    expect((await get('/api/v1/audit/verify', server.tokens.admin)).body).toMatchObject({ ok: true });
  });

  it('acknowledges an alert, ticks its playbook, silences and unsilences; every write is audited', async () => {
    const { alerts } = (await get('/api/v1/alerts')).body;
    expect(alerts.length).toBeGreaterThan(0);
    const alert = alerts.find((a: { checklist: unknown }) => a.checklist !== null) ?? alerts[0];
    const post = (url: string, payload: object) =>
      server.app.inject({ method: 'POST', url, headers: bearer(server.tokens.analyst), payload });
    expect((await post(`/api/v1/alerts/${alert.id}/ack`, { comment: 'on it' })).json()).toMatchObject({
      by: 'ana',
      comment: 'on it',
    });
    expect((await post(`/api/v1/alerts/${alert.id}/ack`, {})).json().code).toBe('VIGIL_CONFLICT');
    if (alert.checklist) {
      const step = alert.checklist.steps[0].id;
      expect((await post(`/api/v1/alerts/${alert.id}/playbook/${step}`, {})).json()).toMatchObject({ ticked: true });
      expect((await post(`/api/v1/alerts/${alert.id}/playbook/nope`, {})).json().code).toBe('VIGIL_NOT_FOUND');
    }
    const silence = (
      await post('/api/v1/silences', {
        matchers: [`alertname="${alert.rule}"`],
        duration: '2h',
        comment: 'known outage',
      })
    ).json();
    expect(silence).toMatchObject({ createdBy: 'ana', matchers: [`alertname="${alert.rule}"`] });
    expect(
      (await post('/api/v1/silences', { matchers: ['x=~".*"'], duration: '2h', comment: 'all' })).json().code,
    ).toBe('VIGIL_INPUT_INVALID');
    expect((await post('/api/v1/silences', { matchers: ['a="b"'], duration: 'soon', comment: 'x' })).json().code).toBe(
      'VIGIL_INPUT_INVALID',
    );
    const backref = await post('/api/v1/silences', {
      matchers: ['alertname="x"', 'series=~"(a)\\\\1"'],
      duration: '2h',
      comment: 'x',
    });
    expect([backref.statusCode, backref.json().code]).toEqual([400, 'VIGIL_PATTERN_UNSUPPORTED']);
    expect(backref.json().detail).toContain('matchers[1]');
    const after = (await get(`/api/v1/alerts/${alert.id}`)).body;
    expect(after).toMatchObject({ acknowledged: { by: 'ana' }, silencedBy: silence.id });
    const expired = await server.app.inject({
      method: 'DELETE',
      url: `/api/v1/silences/${silence.id}`,
      headers: bearer(server.tokens.analyst),
    });
    expect(expired.json().expiredAt).toBeTruthy();
    const actions = (await get('/api/v1/audit?limit=20', server.tokens.admin)).body.entries.map(
      (e: { action: string }) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['alert.ack', 'silence.add', 'silence.expire']));
    expect(verifyAuditChain(await server.deps.users.listAudit()).ok).toBe(true);
  });

  it('lets an admin add a user (password shown once), issue a token that works, and remove the user', async () => {
    const admin = bearer(server.tokens.admin);
    const added = await server.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: { username: 'carol', role: 'viewer' },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      user: { username: 'carol', role: 'viewer', tlpMax: 'amber' },
      password: expect.any(String),
    });
    const token = (
      await server.app.inject({
        method: 'POST',
        url: '/api/v1/users/carol/tokens',
        headers: admin,
        payload: { name: 'laptop' },
      })
    ).json().token;
    expect((await get('/api/v1/session', token)).body.user.username).toBe('carol');
    expect(JSON.stringify((await get('/api/v1/users', server.tokens.admin)).body)).not.toMatch(/scrypt|secretHash/);
    expect((await server.app.inject({ method: 'DELETE', url: '/api/v1/users/carol', headers: admin })).statusCode).toBe(
      204,
    );
    expect((await get('/api/v1/session', token)).status).toBe(401);
  });
});
