// Assessments respect the caller's TLP ceiling: an AMBER report moves what an AMBER viewer sees, never what a CLEAR one sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withId } from '../model/index.js';
import { createUser, issueToken } from '../users/user-accounts.js';
import { FIXTURE_NOW, FIXTURE_SCRYPT, startFixtureServer, type FixtureServer } from './server-fixture.js';

let server: FixtureServer;
let clearToken: string;

beforeAll(async () => {
  server = await startFixtureServer({ alerts: false });
  const { user } = await createUser(server.deps.users, { username: 'cleo', role: 'viewer', tlpMax: 'clear', password: 'correct horse battery staple' }, FIXTURE_NOW, { scrypt: FIXTURE_SCRYPT });
  clearToken = (await issueToken(server.deps.users, user, 'test', FIXTURE_NOW)).token;
  // A partner's AMBER revision of the last bundled MND report: 150 aircraft instead of 3.
  await server.deps.store.putObservations([withId({
    series: 'mnd.aircraft.total', value: 150, unit: 'aircraft',
    periodStart: '2026-08-20T22:00:00.000Z', periodEnd: '2026-08-21T22:00:00.000Z', publishedAt: '2026-08-22T04:00:00.000Z',
    source: 'partner:example', reliability: 'B', credibility: 2, tlp: 'amber',
  })], FIXTURE_NOW);
  server.deps.assessments.invalidate();
}, 30_000);
afterAll(async () => server?.close());

async function get(url: string, token: string) {
  const res = await server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  expect(res.statusCode).toBe(200);
  return res.json();
}

const airTotal = (assessment: { indicators: { id: string; value: number; state: string }[] }) => assessment.indicators.find((i) => i.id === 'air.total')!;

describe('assessments per TLP ceiling', () => {
  it('assesses an AMBER viewer on the AMBER revision, and a CLEAR viewer without it', async () => {
    const amber = await get('/api/v1/assessments/latest', server.tokens.viewer);
    const clear = await get('/api/v1/assessments/latest', clearToken);
    expect(amber.day).toBe('2026-08-22');
    expect(clear.day).toBe('2026-08-22');
    expect(airTotal(amber)).toMatchObject({ value: 150, state: 'very-high' });
    expect(airTotal(clear)).toMatchObject({ value: 3, state: 'normal' });
    const h1 = (a: { hypotheses: { id: string; probability: number }[] }) => a.hypotheses.find((h) => h.id === 'H1')!.probability;
    expect(h1(amber)).toBeGreaterThan(h1(clear));
    expect(JSON.stringify(clear)).not.toContain('partner:example');
  });

  it('keeps the board, the daily records, the indicator list and the indicator chart within the ceiling', async () => {
    const board = await get('/api/v1/board?days=7', clearToken);
    expect(airTotal(board.assessment).value).toBe(3);
    expect(board.history.at(-1).level).toBe(board.assessment.level);
    const days = await get('/api/v1/assessments?from=2026-08-20&to=2026-08-22', clearToken);
    expect(days.days.at(-1).level).toBe(board.assessment.level);
    const indicators = await get('/api/v1/indicators', clearToken);
    expect(indicators.indicators.find((i: { definition: { id: string } }) => i.definition.id === 'air.total').assessment.value).toBe(3);
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
