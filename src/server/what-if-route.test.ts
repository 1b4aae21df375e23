// GET /api/v1/what-if/{date}: what one day's assessment reads, within the caller's TLP ceiling; assessed by the client's
// code (whatIfSession) it reproduces GET /assessments/{date} for that caller exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whatIfInputsFromJson, whatIfSession, type WhatIfInputsJson } from '../analysis/what-if.js';
import type { Pack } from '../packs/pack-schema.js';
import {
  addClearUser,
  AMBER_PARTNER_REPORT,
  putAmberPartnerReport,
  startFixtureServer,
  type FixtureServer,
} from './server-fixture.js';

let server: FixtureServer;
let clearToken: string;

beforeAll(async () => {
  server = await startFixtureServer({ alerts: false });
  clearToken = await addClearUser(server, 'cleo');
  await putAmberPartnerReport(server);
}, 120_000);
afterAll(() => server?.close());

const get = async (path: string, token?: string) =>
  server.app.inject({
    method: 'GET',
    url: `/api/v1${path}`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

describe('GET /api/v1/what-if/{date}', () => {
  it('serves what the day reads within the caller’s ceiling, and reproduces the served assessment', async () => {
    const pack = JSON.parse((await get('/pack', server.tokens.viewer)).body) as Pack;
    for (const [token, seesAmber] of [
      [server.tokens.viewer, true],
      [clearToken, false],
    ] as const) {
      const r = await get('/what-if/2026-08-22', token);
      expect(r.statusCode).toBe(200);
      const json = JSON.parse(r.body) as WhatIfInputsJson;
      expect(json.observations.some((o) => o.id === AMBER_PARTNER_REPORT.id)).toBe(seesAmber);
      expect(json.observations.every((o) => o.tlp === 'clear' || seesAmber)).toBe(true);
      expect(json.observations[0]).not.toHaveProperty('text');
      const served = JSON.parse((await get('/assessments/2026-08-22', token)).body);
      const local = whatIfSession(pack, whatIfInputsFromJson(json)).assess({});
      expect(local.hypotheses.map((h) => h.probability)).toEqual(
        served.hypotheses.map((h: { probability: number }) => h.probability),
      );
      expect(local.level).toBe(served.level);
    }
  });

  it('refuses a bad date and an anonymous caller', async () => {
    expect((await get('/what-if/2026-13-40', server.tokens.viewer)).statusCode).toBe(400);
    expect((await get('/what-if/2019-01-01', server.tokens.viewer)).statusCode).toBeGreaterThanOrEqual(400);
    expect((await get('/what-if/2026-08-22')).statusCode).toBe(401);
  });
});
