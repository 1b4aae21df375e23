// Reliability: TLP leak probes. Sentinel observations at every marking (each with a unique id, subject, text and
// source reference) are stored next to the bundled data; then every user ceiling and every partner ceiling reads
// every route that shows observations or what is derived from them (observations, indicators, assessments, board,
// timeline, alerts, silences, sources, the SSE stream's first events, TAXII collections and published alert
// reports). A probe is one request by one identity; a leak is any sentinel token above that identity's ceiling in
// the answer, alerts shown below the ceiling of the data they were computed from, or an alert report served to a
// partner below its marking.
import { withId, TLP_LEVELS, tlpRank, type Observation, type Tlp } from '../../model/index.js';
import { FIXTURE_NOW, FIXTURE_SCRYPT, startFixtureServer } from '../../server/server-fixture.js';
import { loadPackAlerting } from '../../alerting/open-alerting.js';
import { publishAlerts } from '../../sharing/publish.js';
import type { SharingContext } from '../../sharing/sharing-context.js';
import { createUser, issueToken } from '../../users/user-accounts.js';
import type { BenchFigure, BenchOptions } from '../bench-types.js';
import type { AlertStore } from '../../alerting/alert-store.js';

const TAXII = { accept: 'application/taxii+json;version=2.1' };

function sentinel(tlp: Tlp, series: string, day: number): Observation {
  const token = `SENTINEL-${tlp.replace('+', '_')}-${series}-${day}`;
  const start = new Date(Date.UTC(2026, 7, 10 + day) - 8 * 3_600_000);
  return withId({
    series,
    subject: token,
    value: 40 + tlpRank(tlp),
    unit: series.startsWith('mnd') ? 'aircraft' : 'events',
    text: token,
    periodStart: start.toISOString(),
    periodEnd: new Date(start.getTime() + 86_400_000).toISOString(),
    publishedAt: new Date(start.getTime() + 30 * 3_600_000).toISOString(),
    source: 'probe',
    sourceRef: `https://probe.example/${token}`,
    reliability: 'B',
    credibility: 2,
    tlp,
  });
}

export async function runTlpReliability(options: BenchOptions): Promise<BenchFigure[]> {
  // --scale runs only the parts that depend on the storage engine and the bus (kill, soak, outage).
  if (options.scale) return [];
  const server = await startFixtureServer();
  const closers: (() => Promise<void>)[] = [];
  let probes = 0;
  let leaks = 0;
  let objectsChecked = 0;
  let controls = 0;
  const examples: string[] = [];
  try {
    const sentinels = TLP_LEVELS.flatMap((tlp) =>
      ['mnd.aircraft.total', 'political.trigger.visit', 'probe.other'].flatMap((series) =>
        [1, 2, 3].map((day) => sentinel(tlp, series, day)),
      ),
    );
    await server.deps.store.putObservations(sentinels, FIXTURE_NOW);
    server.deps.assessments.invalidate();
    server.deps.alertVisibility.invalidate();
    const above = (ceiling: Tlp) =>
      sentinels.filter((s) => tlpRank(s.tlp) > tlpRank(ceiling)).flatMap((s) => [s.id, s.subject!]);
    const redTokens = sentinels.filter((x) => x.tlp === 'red').map((x) => x.subject!);
    const probe = (who: string, ceiling: Tlp, url: string, status: number, body: string) => {
      probes++;
      // Positive control: the probe is not blind if RED callers do see RED sentinels.
      if (ceiling === 'red' && redTokens.some((t) => body.includes(t) && !url.includes(t))) controls++;
      // A token the caller put in the URL (an id asked for) is not a leak when the answer echoes it.
      const hit = above(ceiling).find((token) => body.includes(token) && !url.includes(token));
      if (hit) {
        leaks++;
        if (examples.length < 10) examples.push(`${who} ${url} (${status}) shows ${hit}`);
      }
    };

    // Users at every ceiling.
    const users: { name: string; tlp: Tlp; token: string }[] = [];
    for (const tlp of TLP_LEVELS) {
      const name = `probe-${tlp.replace('+', '-')}`;
      const { user } = await createUser(
        server.deps.users,
        { username: name, role: 'analyst', tlpMax: tlp, password: 'probe passphrase that is long enough' },
        FIXTURE_NOW,
        { scrypt: FIXTURE_SCRYPT },
      );
      users.push({ name, tlp, token: (await issueToken(server.deps.users, user, 'probe', FIXTURE_NOW)).token });
    }
    const days = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2026, 6, 20 + i)).toISOString().slice(0, 10));
    const urls = [
      '/api/v1/observations?limit=5000',
      '/api/v1/observations?series=mnd.aircraft.total',
      '/api/v1/observations?prefix=probe',
      '/api/v1/observations?prefix=political',
      '/api/v1/indicators',
      '/api/v1/board',
      '/api/v1/assessments/latest',
      '/api/v1/alerts',
      '/api/v1/alerts?status=all',
      '/api/v1/silences',
      '/api/v1/sources',
      '/api/v1/span',
      ...sentinels.map((s) => `/api/v1/observations/${s.id}`),
      ...days.flatMap((d) => [
        `/api/v1/observations?day=${d}`,
        `/api/v1/timeline?at=${d}`,
        `/api/v1/assessments/${d}`,
        `/api/v1/indicators?at=${d}`,
        `/api/v1/board?at=${d}`,
      ]),
    ];
    // A silence whose comment names a RED sentinel: only RED callers may read it.
    await server.app.inject({
      method: 'POST',
      url: '/api/v1/silences',
      headers: { authorization: `Bearer ${users.at(-1)!.token}` },
      payload: {
        matchers: ['alertname="probe"'],
        duration: '1h',
        comment: `about ${sentinels.find((s) => s.tlp === 'red')!.subject}`,
      },
    });
    const alertsVisibleTo = new Map<Tlp, boolean>();
    for (const u of users) {
      for (const url of urls) {
        const res = await server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${u.token}` } });
        probe(u.name, u.tlp, url, res.statusCode, res.body);
        if (url === '/api/v1/alerts') alertsVisibleTo.set(u.tlp, res.statusCode === 200);
      }
    }
    // Derived: alerts are computed on every stored observation (RED sentinels included): only RED may see them.
    for (const [tlp, visible] of alertsVisibleTo) {
      probes++;
      if (visible && tlp !== 'red') {
        leaks++;
        examples.push(`alerts shown to a ${tlp} ceiling while RED data is stored`);
      }
    }

    // Partners at every ceiling, on the default collection; alert reports published first.
    // The server's own sharing tables (its one database): partners, ledger.
    const sharing: SharingContext = await server.vigil.sharing();
    const alertStore = (server.deps.alerts as { store: AlertStore }).store;
    const publishDeps = {
      store: server.deps.store,
      ledger: sharing.ledger,
      identity: sharing.keys.identity,
      now: FIXTURE_NOW,
      writes: server.vigil.writes,
      actor: 'cli:probe',
    };
    await publishAlerts(
      publishDeps,
      server.pack,
      await alertStore.listAlerts({ limit: 500 }),
      loadPackAlerting(server.pack),
    );
    const collections = await sharing.registry.listCollections();
    const alertCollection = await sharing.registry.addCollection(
      {
        alias: 'probe-alerts',
        title: 'alerts',
        description: 'probe',
        series: ['*'],
        assessments: true,
        alerts: true,
        tlpMax: 'red',
      },
      FIXTURE_NOW,
    );
    for (const tlp of TLP_LEVELS) {
      const { token } = await sharing.registry.addPartner(
        {
          name: `probe-${tlp.replace('+', '-')}`,
          tlpMax: tlp,
          collections: [...collections.map((c) => c.id), alertCollection.id],
        },
        FIXTURE_NOW,
      );
      for (const c of [...collections, alertCollection]) {
        let next: string | undefined;
        for (let page = 0; page < 400; page++) {
          const url = `/taxii2/vigil/collections/${c.id}/objects/?limit=100${next ? `&next=${next}` : ''}`;
          const res = await server.app.inject({
            method: 'GET',
            url,
            headers: { ...TAXII, authorization: `Bearer ${token}` },
          });
          probe(`partner ${tlp}`, tlp, url, res.statusCode, res.body);
          const body = res.statusCode === 200 ? JSON.parse(res.body) : {};
          for (const o of body.objects ?? []) {
            // An alert report or assessment marked above the partner's ceiling is a derived leak.
            objectsChecked++;
            const marking = JSON.stringify(o.object_marking_refs ?? []);
            const red = 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1';
            if (tlp !== 'red' && marking.includes(red)) {
              leaks++;
              if (examples.length < 10) examples.push(`partner ${tlp} received RED-marked ${o.type} ${o.id}`);
            }
          }
          for (const kind of ['manifest/']) {
            const m = await server.app.inject({
              method: 'GET',
              url: `/taxii2/vigil/collections/${c.id}/${kind}?limit=100${next ? `&next=${next}` : ''}`,
              headers: { ...TAXII, authorization: `Bearer ${token}` },
            });
            probe(`partner ${tlp}`, tlp, kind, m.statusCode, m.body);
          }
          if (!body.more) break;
          next = body.next;
        }
        for (const s of sentinels) {
          const url = `/taxii2/vigil/collections/${c.id}/objects/observed-data--${s.id.slice(0, 8)}-0000-4000-8000-000000000000/`;
          const res = await server.app.inject({
            method: 'GET',
            url,
            headers: { ...TAXII, authorization: `Bearer ${token}` },
          });
          probe(`partner ${tlp}`, tlp, url, res.statusCode, res.body);
        }
      }
    }
  } finally {
    for (const close of closers) await close();
    await server.close();
  }
  for (const e of examples) process.stderr.write(`tlp: ${e}\n`);
  return [
    { name: 'tlp.probes', value: probes, unit: 'probes' },
    { name: 'tlp.objects_checked', value: objectsChecked, unit: 'STIX objects' },
    { name: 'tlp.leaks', value: leaks, unit: 'leaks' },
    { name: 'tlp.red_answers_with_red_sentinels', value: controls, unit: 'answers (positive control)' },
  ];
}
