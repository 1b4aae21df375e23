// The warning product over HTTP (app.inject, bundled data): the formal warning workflow with the drafter refused and
// every step audited, the brief in both languages (and its PDF when Chromium is here), the scorecard with and without
// labelled episodes, and analyst notes written through the same service as `vigil note add`.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEpisodes } from '../backtest/episodes.js';
import { LATEST_VERSION } from '../sharing/ledger/publication-ledger.js';
import { warningReportId } from '../sharing/stix/warning-to-stix.js';
import { ALERT_EVENTS } from './alert-visibility.js';
import { startFixtureServer, type FixtureServer } from './server-fixture.js';

// Start dates of three public PLA episodes around Taiwan in 2023 (hand-written test fixture).
const EPISODES = parseEpisodes(
  [
    'id,name,kind,start,end',
    'E4,Joint Sword,named-exercise,2023-04-08,2023-04-10',
    'E5,Joint patrol after the vice-president transit,surge,2023-08-19,2023-08-19',
    'E6,Mid-September surge,surge,2023-09-13,2023-09-18',
  ].join('\n'),
  'episodes.csv',
);

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer({ episodes: EPISODES, alerts: false });
}, 60_000);
afterAll(async () => server?.close());

async function call(method: 'GET' | 'POST', url: string, token: string, payload?: unknown) {
  const res = await server.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  const type = res.headers['content-type']?.toString() ?? '';
  return {
    status: res.statusCode,
    body: type.includes('json') ? res.json() : res.body,
    headers: res.headers,
    raw: res,
  };
}

describe('formal warnings', () => {
  it('goes draft → dissent → coordination → issued by another user; the drafter is refused; every step audited', async () => {
    const { analyst, admin, viewer } = server.tokens;
    const published: [string, unknown][] = [];
    const publish = server.deps.events.publish;
    server.deps.events.publish = (event, data) => {
      published.push([event, data]);
      publish(event, data);
    };
    const drafted = await call('POST', '/api/v1/warnings', analyst, {
      at: '2023-04-07',
      judgement: 'A major PLA exercise around Taiwan is likely within 7 days.',
      likelihood: 'likely',
      confidence: 'moderate',
      horizon: '7d',
    });
    expect(drafted.status).toBe(201);
    const w = drafted.body;
    expect(w).toMatchObject({ status: 'draft', drafter: 'ana', day: '2023-04-07', horizonDays: 7 });
    expect(w.madeAgainst.day).toBe('2023-04-07');

    expect((await call('POST', `/api/v1/warnings/${w.id}/dissent`, viewer, { text: 'no' })).status).toBe(403);
    const dissent = await call('POST', `/api/v1/warnings/${w.id}/dissent`, admin, {
      text: 'Ship counts are seasonal.',
    });
    expect(dissent.body.dissents).toEqual([{ by: 'admin', at: expect.any(String), text: 'Ship counts are seasonal.' }]);
    expect((await call('POST', `/api/v1/warnings/${w.id}/issue`, admin, {})).body.code).toBe('VIGIL_WARNING_STATE');
    expect((await call('POST', `/api/v1/warnings/${w.id}/coordinate`, analyst, {})).body.status).toBe('coordination');
    const refused = await call('POST', `/api/v1/warnings/${w.id}/issue`, analyst, {});
    expect([refused.status, refused.body.code]).toEqual([403, 'VIGIL_REVIEWER_IS_DRAFTER']);
    const issued = await call('POST', `/api/v1/warnings/${w.id}/issue`, admin);
    expect(issued.body).toMatchObject({ status: 'issued', issuedBy: 'admin' });
    // Issued from the dashboard as from the CLI (src/app/warning-service.ts): published to partners as a STIX report,
    // with the dissent as an opinion, in the issuing transaction.
    const ledger = (await server.vigil.sharing()).ledger;
    const shared = await ledger.query({ tlpMax: 'red', kinds: ['assessment'], versions: LATEST_VERSION });
    expect(shared.find((e) => e.object.id === warningReportId(w.id))?.object).toMatchObject({ type: 'report' });
    expect(shared.map((e) => e.object.type)).toContain('opinion');
    expect((await call('GET', `/api/v1/warnings/${w.id}`, viewer)).body.status).toBe('issued');
    expect(
      (await call('GET', '/api/v1/warnings?status=issued', viewer)).body.warnings.map((x: { id: string }) => x.id),
    ).toContain(w.id);

    const audit = (await call('GET', '/api/v1/audit?limit=50', admin)).body;
    const entries = (audit.entries ?? audit) as { action: string; target: string; actor: string; details: unknown }[];
    expect(entries.filter((e) => e.target === w.id).map((e) => [e.action, e.actor])).toEqual(
      expect.arrayContaining([
        ['warning.draft', 'token:ana/fixture'],
        ['warning.dissent', 'token:admin/fixture'],
        ['warning.coordinate', 'token:ana/fixture'],
        ['warning.issue', 'token:admin/fixture'],
      ]),
    );
    expect(entries.filter((e) => e.target === w.id)).toHaveLength(4);
    expect(entries.find((e) => e.action === 'warning.issue' && e.target === w.id)).toMatchObject({
      details: { by: 'admin', status: 'issued', published: expect.any(String) },
    });
    // Open dashboards hear of each step (the `warning` event follows the alerts' TLP rule, alert-visibility.ts).
    server.deps.events.publish = publish;
    expect(published.filter(([e]) => e === 'warning').map(([, d]) => d)).toEqual([
      { id: w.id, change: 'draft', by: 'ana' },
      { id: w.id, change: 'dissent', by: 'admin' },
      { id: w.id, change: 'coordinate', by: 'ana' },
      { id: w.id, change: 'issue', by: 'admin' },
    ]);
    expect(ALERT_EVENTS.has('warning')).toBe(true);
  });

  it('refuses a likelihood outside the ICD 203 yardstick and a withdrawal without a reason', async () => {
    const bad = await call('POST', '/api/v1/warnings', server.tokens.analyst, {
      judgement: 'x',
      likelihood: 'possible',
      confidence: 'high',
      horizon: 7,
    });
    expect(bad.body.code).toBe('VIGIL_UNKNOWN_KIND');
    const yard = (await call('GET', '/api/v1/warnings/yardstick', server.tokens.viewer)).body;
    expect(yard.yardstick).toBe('ICD 203');
    expect(yard.likelihoods.map((l: { id: string }) => l.id)).toContain('roughly-even-chance');
    const w = (
      await call('POST', '/api/v1/warnings', server.tokens.analyst, {
        judgement: 'Unlikely within 3 days.',
        likelihood: 'unlikely',
        confidence: 'low',
        horizon: '72h',
      })
    ).body;
    expect(w.horizonDays).toBe(3);
    expect((await call('POST', `/api/v1/warnings/${w.id}/withdraw`, server.tokens.admin, {})).status).toBe(400);
    const withdrawn = await call('POST', `/api/v1/warnings/${w.id}/withdraw`, server.tokens.admin, { reason: 'test' });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawnBy: 'admin', withdrawReason: 'test' });
  });
});

describe('daily brief', () => {
  it('renders the brief of a day in English and Traditional Chinese', async () => {
    const en = await call('GET', '/api/v1/briefs/2023-04-10?lang=en', server.tokens.viewer);
    expect(en.status).toBe(200);
    expect(en.headers['content-type']).toContain('text/html');
    expect(en.body).toContain('TLP:');
    expect(en.body).toContain('2023-04-10');
    expect(en.headers['x-vigil-tlp']).toBe('CLEAR');
    expect(en.headers['x-frame-options']).toBe('SAMEORIGIN');
    const zh = await call('GET', '/api/v1/briefs/2023-04-10?lang=zh', server.tokens.viewer);
    expect(zh.body).toContain('警報');
    expect((await call('GET', '/api/v1/briefs/2023-04-10?lang=fr', server.tokens.viewer)).status).toBe(400);
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))(
    'prints it to a one-page PDF attachment',
    async () => {
      const pdf = await call('GET', '/api/v1/briefs/2023-04-10?lang=zh&format=pdf', server.tokens.viewer);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toBe('attachment; filename="vigil-brief-2023-04-10-zh.pdf"');
      expect(pdf.headers['x-vigil-pages']).toBe('1');
      expect(pdf.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    },
    30_000,
  );
});

describe('scorecard', () => {
  it('scores the machine level over a window, and issued warnings, against the labelled episodes', async () => {
    const { body } = await call('GET', '/api/v1/scorecard?from=2023-01-01&to=2023-12-31', server.tokens.viewer);
    expect(body).toMatchObject({ labelled: true, from: '2023-01-01', to: '2023-12-31', horizonDays: 7 });
    expect(body.episodes.map((e: { id: string }) => e.id)).toEqual(['E4', 'E5', 'E6']);
    expect(body.machine.hits + body.machine.misses).toBe(3);
    expect(body.machine.leads.map((l: { id: string }) => l.id)).toEqual(['E4', 'E5', 'E6']);
    expect(body.machine.reliability).toHaveLength(10);
    expect(body.machine.reliabilitySvg).toMatch(/^<svg /);
    // The warning issued in the first test (2023-04-07, likely, 7 d) is a hit on Joint Sword with 1 day of lead.
    expect(body.issued.scored).toEqual([
      expect.objectContaining({ day: '2023-04-07', outcome: 'hit', episode: 'E4', leadDays: 1 }),
    ]);
    expect(body.issued.hits).toBe(1);
    expect(body.issued.brier).toBeCloseTo((1 - 0.675) ** 2, 10);
  });

  it('records an adjudication of an issued warning from the dashboard, audited, and refuses one on a draft', async () => {
    const { analyst, admin, viewer } = server.tokens;
    const drafted = await call('POST', '/api/v1/warnings', analyst, {
      at: '2023-04-06',
      judgement: 'A major PLA exercise around Taiwan is likely within 5 days.',
      likelihood: 'likely',
      confidence: 'moderate',
      horizon: 5,
    });
    const id = drafted.body.id as string;
    const ruling = { outcome: 'occurred', occurredOn: '2023-04-08', note: 'Joint Sword began on 8 April.' };
    expect((await call('POST', `/api/v1/warnings/${id}/adjudication`, analyst, ruling)).body.code).toBe(
      'VIGIL_WARNING_STATE',
    );
    await call('POST', `/api/v1/warnings/${id}/coordinate`, analyst, {});
    await call('POST', `/api/v1/warnings/${id}/issue`, admin);
    expect((await call('POST', `/api/v1/warnings/${id}/adjudication`, viewer, ruling)).status).toBe(403);
    const bad = await call('POST', `/api/v1/warnings/${id}/adjudication`, analyst, { ...ruling, outcome: 'maybe' });
    expect(bad.status).toBe(400);
    const ruled = await call('POST', `/api/v1/warnings/${id}/adjudication`, analyst, ruling);
    expect(ruled.status).toBe(200);
    expect(ruled.body.adjudication).toEqual({ ...ruling, by: 'ana', at: expect.any(String) });
    expect((await call('GET', `/api/v1/warnings/${id}`, viewer)).body.adjudication.outcome).toBe('occurred');
    const audit = (await call('GET', '/api/v1/audit?limit=50', admin)).body;
    const entries = (audit.entries ?? audit) as { action: string; target: string; actor: string }[];
    expect(entries.filter((e) => e.target === id && e.action === 'warning.adjudicate').map((e) => e.actor)).toEqual([
      'token:ana/fixture',
    ]);
  });

  it('says so when the server has no labelled episodes', async () => {
    const episodes = server.deps.episodes;
    server.deps.episodes = undefined;
    try {
      const { body } = await call('GET', '/api/v1/scorecard?from=2023-01-01&to=2023-12-31', server.tokens.viewer);
      expect(body).toMatchObject({ labelled: false, machine: null, issued: null });
    } finally {
      server.deps.episodes = episodes;
    }
  });
});

describe('analyst notes', () => {
  it('records a note through the audited note service and says which indicators read its series', async () => {
    const { analyst, viewer, admin } = server.tokens;
    const note = {
      series: 'note.air.total',
      value: 1,
      unit: 'note',
      reliability: 'B',
      credibility: 2,
      tlp: 'green',
      text: 'Carrier group left port the night before.',
      at: '2023-04-06',
    };
    expect((await call('POST', '/api/v1/notes', viewer, note)).status).toBe(403);
    const created = await call('POST', '/api/v1/notes', analyst, note);
    expect(created.status).toBe(201);
    expect(created.body.readBy).toEqual([]);
    expect(created.body.observation).toMatchObject({ source: 'analyst:ana', series: 'note.air.total', tlp: 'green' });
    const read = await call('POST', '/api/v1/notes', analyst, { ...note, series: 'mnd.aircraft.total', value: 3 });
    expect(read.body.readBy).toContain('air.total');
    const bad = await call('POST', '/api/v1/notes', analyst, { ...note, tlp: 'purple' });
    expect([bad.status, bad.body.code]).toEqual([400, 'VIGIL_INPUT_INVALID']);
    // Missing is never zero: a null value needs its reason and stays null, a 0 stays 0.
    const missing = { ...note, value: null, at: '2023-04-07' };
    expect((await call('POST', '/api/v1/notes', analyst, missing)).body.code).toBe('VIGIL_INPUT_INVALID');
    const unknown = await call('POST', '/api/v1/notes', analyst, { ...missing, missingReason: 'not reported' });
    expect(unknown.body.observation).toMatchObject({ value: null, missingReason: 'not reported' });
    const zero = await call('POST', '/api/v1/notes', analyst, { ...note, value: 0, at: '2023-04-08' });
    expect(zero.body.observation.value).toBe(0);
    expect((await call('POST', '/api/v1/notes', analyst, { ...note, value: { n: 1 } })).status).toBe(400);

    const listed = (await call('GET', '/api/v1/notes?from=2023-04-06&to=2023-04-06', viewer)).body.notes;
    expect(listed.map((n: { observation: { series: string } }) => n.observation.series)).toEqual([
      'note.air.total',
      'mnd.aircraft.total',
    ]);
    // Known only from the fixture clock on: a playback day before it does not show them.
    expect((await call('GET', '/api/v1/notes?at=2023-04-30', viewer)).body.notes).toEqual([]);
    const audit = (await call('GET', '/api/v1/audit?limit=50', admin)).body;
    const entries = (audit.entries ?? audit) as { action: string }[];
    expect(entries.filter((e) => e.action === 'note.add')).toHaveLength(4);
  });
});
