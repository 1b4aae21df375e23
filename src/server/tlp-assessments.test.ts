// Assessments respect the caller's TLP ceiling: an AMBER report moves what an AMBER viewer sees, never what a CLEAR one
// sees; and alerts, computed on every observation, reach a CLEAR caller neither through the API nor the event stream.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addClearUser,
  AMBER_PARTNER_REPORT,
  putAmberPartnerReport,
  startFixtureServer,
  type FixtureServer,
} from './server-fixture.js';

let server: FixtureServer;
let clearToken: string;
let clearAnalystToken: string;

beforeAll(async () => {
  // With alerts: the fixture runs one alerting cycle on the bundled (CLEAR) data, so the inbox is not empty.
  server = await startFixtureServer();
  clearToken = await addClearUser(server, 'cleo', 'viewer');
  clearAnalystToken = await addClearUser(server, 'carl', 'analyst');
  await putAmberPartnerReport(server);
  server.deps.alertVisibility.invalidate();
}, 30_000);
afterAll(async () => server?.close());

async function get(url: string, token: string) {
  const res = await server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  expect(res.statusCode).toBe(200);
  return res.json();
}

const airTotal = (assessment: {
  indicators: { id: string; value: number; state: string; observationIds: string[] }[];
}) => assessment.indicators.find((i) => i.id === 'air.total')!;

describe('assessments per TLP ceiling', () => {
  it('assesses an AMBER viewer on the AMBER revision, and a CLEAR viewer without it', async () => {
    const amber = await get('/api/v1/assessments/latest', server.tokens.viewer);
    const clear = await get('/api/v1/assessments/latest', clearToken);
    expect(amber.day).toBe('2026-08-22');
    expect(clear.day).toBe('2026-08-22');
    expect(airTotal(amber)).toMatchObject({ value: 150, state: 'very-high' });
    expect(airTotal(clear)).toMatchObject({ value: 3, state: 'normal' });
    const h1 = (a: { hypotheses: { id: string; probability: number }[] }) =>
      a.hypotheses.find((h) => h.id === 'H1')!.probability;
    expect(h1(amber)).toBeGreaterThan(h1(clear));
    // Assessments cite observations by id: the AMBER report is evidence for the AMBER viewer only.
    expect(airTotal(amber).observationIds).toContain(AMBER_PARTNER_REPORT.id);
    expect(airTotal(clear).observationIds).not.toContain(AMBER_PARTNER_REPORT.id);
  });

  it('keeps the board, the daily records, the indicator list and the indicator chart within the ceiling', async () => {
    const board = await get('/api/v1/board?days=7', clearToken);
    expect(airTotal(board.assessment).value).toBe(3);
    expect(board.history.at(-1).level).toBe(board.assessment.level);
    const days = await get('/api/v1/assessments?from=2026-08-20&to=2026-08-22', clearToken);
    expect(days.days.at(-1).level).toBe(board.assessment.level);
    const indicators = await get('/api/v1/indicators', clearToken);
    expect(
      indicators.indicators.find((i: { definition: { id: string } }) => i.definition.id === 'air.total').assessment
        .value,
    ).toBe(3);
    const chart = await get('/api/v1/indicators/air.total/series?from=2026-08-20', clearToken);
    expect(chart.points.at(-1).value).toBe(3);
    const amberChart = await get('/api/v1/indicators/air.total/series?from=2026-08-20', server.tokens.viewer);
    expect(amberChart.points.at(-1).value).toBe(150);
  });

  it('builds one index per ceiling in use, not per request', async () => {
    const before = server.deps.assessments.version();
    await get('/api/v1/assessments/latest', clearToken);
    await get('/api/v1/assessments/latest', server.tokens.viewer);
    expect(server.deps.assessments.version()).toBe(before);
  });
});

/** Opens the event stream as `token`'s owner and collects its events. */
async function stream(token: string) {
  const events: { event: string; data: string }[] = [];
  let buffer = '';
  let close = () => {};
  await new Promise<void>((resolve, reject) => {
    const req = request(`${server.url}/api/v1/events`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          if (event)
            events.push({
              event,
              data: block
                .split('\n')
                .filter((l) => l.startsWith('data: '))
                .map((l) => l.slice(6))
                .join('\n'),
            });
        }
      });
      resolve();
    });
    req.on('error', reject);
    close = () => req.destroy();
    req.end();
  });
  return { events, close };
}

async function until(check: () => boolean, timeoutMs = 5000) {
  for (const start = Date.now(); !check(); await new Promise((r) => setTimeout(r, 10))) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
  }
}

describe('alerts per TLP ceiling (alerts are computed on every observation)', () => {
  it('shows alerts to a ceiling that covers every stored observation, and refuses them (403) below it', async () => {
    const amber = await get('/api/v1/alerts?status=all', server.tokens.viewer);
    expect(amber.alerts.length).toBeGreaterThan(0);
    const id = amber.alerts[0].id;
    for (const url of ['/api/v1/alerts', '/api/v1/alerts?status=all', `/api/v1/alerts/${id}`]) {
      const res = await server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${clearToken}` } });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({
        code: 'VIGIL_FORBIDDEN',
        detail: expect.stringContaining('alerts draw on observations above your TLP ceiling'),
      });
    }
    const writes = [
      { url: `/api/v1/alerts/${id}/ack`, payload: { comment: 'mine' } },
      { url: `/api/v1/alerts/${id}/comments`, payload: { text: 'hello' } },
      { url: `/api/v1/alerts/${id}/playbook/any`, payload: undefined },
    ];
    for (const w of writes) {
      const res = await server.app.inject({
        method: 'POST',
        url: w.url,
        headers: { authorization: `Bearer ${clearAnalystToken}` },
        payload: w.payload,
      });
      expect(res.json().code).toBe('VIGIL_FORBIDDEN');
    }
  });

  it('applies the same ceiling to silences: a caller who cannot see alerts can neither create, read nor expire them', async () => {
    const as = (token: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
      server.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(payload ? { payload } : {}),
      });
    const silence = {
      matchers: ['series="mnd.aircraft.total"'],
      duration: '1h',
      comment: 'the RED report on the carrier explains this',
    };
    const created = await as(server.tokens.analyst, 'POST', '/api/v1/silences', silence);
    expect(created.statusCode).toBe(201);
    const refused = await as(clearAnalystToken, 'POST', '/api/v1/silences', silence);
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'VIGIL_FORBIDDEN']);
    for (const url of ['/api/v1/silences', '/api/v1/silences?active=true']) {
      const res = await as(clearToken, 'GET', url);
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('RED report');
    }
    expect((await as(clearAnalystToken, 'DELETE', `/api/v1/silences/${created.json().id}`)).statusCode).toBe(403);
    expect(
      (await as(server.tokens.viewer, 'GET', '/api/v1/silences'))
        .json()
        .silences.map((s: { comment: string }) => s.comment),
    ).toContain(silence.comment);
    expect((await as(server.tokens.analyst, 'DELETE', `/api/v1/silences/${created.json().id}`)).statusCode).toBe(200);
  });

  it("leaves alert items out of a CLEAR caller's timeline while AMBER data is stored", async () => {
    const alertItems = (t: { items: { kind: string }[] }) => t.items.filter((i) => i.kind === 'alert');
    expect(alertItems(await get('/api/v1/timeline?at=2026-09-01', server.tokens.viewer)).length).toBeGreaterThan(0);
    const clear = await get('/api/v1/timeline?at=2026-09-01', clearToken);
    expect(clear.items.length).toBeGreaterThan(0);
    expect(alertItems(clear)).toEqual([]);
  });

  it('streams alert events only to subscribers who may see alerts, in order with the other events', async () => {
    const [clear, amber] = [await stream(clearToken), await stream(server.tokens.viewer)];
    try {
      await until(() => server.deps.events.clientCount() >= 2);
      server.deps.events.publish('alert', { id: 'a1', change: 'firing' });
      // What the alerting module's SSE receiver does: straight onto the hub.
      server.deps.events.hub.publish({
        id: 'n1',
        event: 'alert-notification',
        data: JSON.stringify({ summary: 'H1 rising' }),
      });
      server.deps.events.publish('observations', { inserted: 1, unchanged: 0 });
      await until(() => clear.events.length >= 1 && amber.events.length >= 3);
      expect(amber.events.map((e) => e.event)).toEqual(['alert', 'alert-notification', 'observations']);
      expect(clear.events.map((e) => e.event)).toEqual(['observations']);
    } finally {
      clear.close();
      amber.close();
    }
  });
});
