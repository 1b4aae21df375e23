// The formal warning's use-cases end to end on SQLite: issuing publishes the warning (report, opinion, note, and the
// machine assessment it points at) in the same transaction, marked with the most restrictive TLP it was derived
// from; a second instance pulls it over TAXII on loopback, signed; withdrawing publishes a revoked version; an
// adjudication is recorded with its audit entry.
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dailyCounts, steady, testPack } from '../../test/support/analysis-fixtures.js';
import { withId, type Observation } from '../model/index.js';
import type { LoadedPack } from '../packs/pack-loader.js';
import { createTaxiiApp, createTestInstance, oasisValidator, type TestInstance } from '../sharing/sharing-fixtures.js';
import { LATEST_VERSION } from '../sharing/ledger/publication-ledger.js';
import { warningReportId } from '../sharing/stix/warning-to-stix.js';
import { VIGIL_WARNING_EXTENSION_ID } from '../sharing/stix/vigil-extensions.js';
import { pullPartner } from '../sharing/taxii/partner-sync.js';
import { parseDay } from '../time/zone.js';
import { snapshotOf, type WarningRecord } from '../warnings/warning-record.js';
import { assessAt } from './assess-at.js';
import { openVigil, type Vigil } from './open-vigil.js';
import { adjudicateWarning, recordDissent, scoreStoredWarnings, stepWarning } from './warning-service.js';

const pack: LoadedPack = { ...testPack(), file: '/nonexistent/test-pack.yaml' };
const DAY = '2024-04-11';
const marked = (list: Observation[], tlp: Observation['tlp']) => list.map(({ id: _id, ...o }) => withId({ ...o, tlp }));
// GREEN aircraft counts with a surge, AMBER ship counts: the warning of the 11th is derived from both, so AMBER.
const aircraft = marked(dailyCounts('test.aircraft', '2024-03-01', [...steady(40, 10), 60]), 'green');
const ships = marked(dailyCounts('test.ships', '2024-03-01', [...steady(40, 5), 30]), 'amber');

let now = new Date('2024-04-12T01:00:00.000Z');
const clock = () => now;
const dir = mkdtempSync(join(tmpdir(), 'vigil-warning-service-'));
let a: Vigil;
let b: TestInstance;
let server: FastifyInstance;
let id: string;

async function draft(vigil: Vigil): Promise<string> {
  const m = await assessAt(vigil.store, pack, parseDay(DAY));
  const w: WarningRecord = {
    id: 'W-2024-04-11-abc123',
    status: 'draft',
    keyJudgement: 'A major exercise around Taiwan is likely within 7 days.',
    likelihood: 'likely',
    confidence: 'moderate',
    horizonDays: 7,
    day: DAY,
    madeAgainst: snapshotOf(m),
    drafter: 'alice',
    createdAt: now.toISOString(),
    dissents: [],
  };
  await vigil.writes.audited({
    actor: 'cli:alice',
    action: 'warning.draft',
    target: w.id,
    write: () => vigil.warnings.insert(w, w.createdAt),
  });
  return w.id;
}

beforeAll(async () => {
  a = await openVigil({ databaseUrl: join(dir, 'a.db'), pack }, clock);
  await a.store.putObservations([...aircraft, ...ships], '2024-04-11T12:00:00.000Z');
  b = await createTestInstance('bravo');
  const sharingA = await a.sharing('Org alpha');
  const bravoToken = (
    await sharingA.registry.addPartner(
      { name: 'bravo', tlpMax: 'amber', collections: ['default'] },
      '2024-04-01T00:00:00.000Z',
    )
  ).token;
  server = await createTaxiiApp(
    {
      dir,
      dbPath: join(dir, 'a.db'),
      vigil: a,
      store: a.store,
      sharing: sharingA,
      writes: a.writes,
      close: async () => {},
    },
    { now: clock },
  );
  const url = `${await server.listen({ host: '127.0.0.1', port: 0 })}/taxii2/vigil/`;
  await b.sharing.registry.addPartner(
    {
      name: 'alpha',
      tlpMax: 'amber',
      collections: [],
      publicKey: sharingA.keys.identity.publicKey,
      requireSignatures: true,
      remote: { url, token: bravoToken, collection: 'default' },
    },
    '2024-04-01T00:00:00.000Z',
  );
  id = await draft(a);
});
afterAll(async () => {
  await server.close();
  await a.close();
  await b.close();
  rmSync(dir, { recursive: true, force: true });
});

const pull = () =>
  pullPartner(
    {
      store: b.store,
      ledger: b.sharing.ledger,
      registry: b.sharing.registry,
      now: () => now,
      writes: b.writes,
      actor: 'cli:root',
    },
    'alpha',
    {
      pageSize: 500,
    },
  );

describe('issuing a formal warning publishes it to partners', () => {
  it('publishes nothing before issue, and refuses the drafter as the reviewer', async () => {
    await recordDissent(a, { id, by: 'bob', text: 'Ship counts are within the spring range.', actor: 'cli:bob' });
    await recordDissent(a, {
      id,
      by: 'carol',
      text: 'The surge may answer the transit of 9 April.',
      kind: 'alternative-view',
      actor: 'cli:carol',
    });
    await stepWarning(a, { id, step: 'coordinate', by: 'alice', actor: 'cli:alice' });
    await expect(stepWarning(a, { id, step: 'issue', by: 'alice', actor: 'cli:alice' })).rejects.toMatchObject({
      code: 'VIGIL_REVIEWER_IS_DRAFTER',
    });
    const ledger = (await a.sharing()).ledger;
    expect(await ledger.query({ tlpMax: 'red', kinds: ['assessment'], versions: LATEST_VERSION })).toEqual([]);
  });

  it('issues and publishes report, opinion and note at AMBER in one audited step, valid STIX 2.1', async () => {
    now = new Date('2024-04-12T02:00:00.000Z');
    const w = await stepWarning(a, { id, step: 'issue', by: 'chief', actor: 'cli:chief' });
    expect(w.status).toBe('issued');
    const ledger = (await a.sharing()).ledger;
    const entries = await ledger.query({ tlpMax: 'red', kinds: ['assessment'], versions: LATEST_VERSION });
    expect(entries.map((e) => [e.object.type, e.tlp])).toEqual([
      ['vigil-assessment', 'amber'],
      ['report', 'amber'],
      ['opinion', 'amber'],
      ['note', 'amber'],
    ]);
    const problems = entries.flatMap((e) => oasisValidator().validate(e.object));
    expect(problems).toEqual([]);
    // A partner cleared for GREEN is not given it.
    expect(await ledger.query({ tlpMax: 'green', kinds: ['assessment'], versions: LATEST_VERSION })).toEqual([]);
    const audit = await a.users.listAudit({ action: 'warning.issue' });
    expect(audit.map((e) => [e.actor, e.target, e.details])).toEqual([
      ['cli:chief', id, { by: 'chief', status: 'issued', published: 'amber' }],
    ]);
  });

  it('a partner pulls the signed report over TAXII, with the dissent as an opinion and the view as a note', async () => {
    const result = await pull();
    expect(result.signature).toBe('verified');
    const received = await b.sharing.ledger.received('partner:alpha');
    const report = received.find((r) => r.object.id === warningReportId(id))!;
    expect(report.tlp).toBe('amber');
    expect(report.object).toMatchObject({
      type: 'report',
      name: 'A major exercise around Taiwan is likely within 7 days.',
      confidence: 50,
      published: '2024-04-12T02:00:00.000Z',
    });
    expect(report.object.extensions![VIGIL_WARNING_EXTENSION_ID]).toMatchObject({
      likelihood: 'likely',
      yardstick: 'ICD 203',
      likelihood_range: { low: 0.55, high: 0.8 },
      horizon_to: '2024-04-18',
      drafted_by: 'alice',
      issued_by: 'chief',
    });
    const byType = Object.fromEntries(received.map((r) => [r.object.type, r.object]));
    expect(byType.opinion).toMatchObject({ authors: ['bob'], opinion: 'disagree', object_refs: [warningReportId(id)] });
    expect(byType.note).toMatchObject({ authors: ['carol'], content: 'The surge may answer the transit of 9 April.' });
    expect((report.object.object_refs as string[])[0]).toBe(byType['vigil-assessment'].id);
  });

  it('withdrawing publishes a revoked version of the same report, which the partner pulls', async () => {
    now = new Date('2024-04-13T03:00:00.000Z');
    await stepWarning(a, { id, step: 'withdraw', by: 'chief', actor: 'cli:chief', reason: 'Exercise called off.' });
    const again = await pull();
    expect(again.signature).toBe('verified');
    const versions = (await b.sharing.ledger.received('partner:alpha')).filter(
      (r) => r.object.id === warningReportId(id),
    );
    const latest = versions.find((r) => r.object.revoked === true)!;
    expect(latest.object.modified).toBe('2024-04-13T03:00:00.000Z');
    expect(latest.object.created).toBe('2024-04-12T02:00:00.000Z');
    expect(String(latest.object.description)).toContain('Withdrawn on 2024-04-13: Exercise called off.');
  });

  it('records an adjudication with its audit entry, and the scorecard reads it from the store', async () => {
    const other = await draft2(a);
    await expect(
      adjudicateWarning(a, { id: other, outcome: 'did-not-occur', by: 'chief', note: 'quiet', actor: 'cli:chief' }),
    ).rejects.toMatchObject({ code: 'VIGIL_WARNING_STATE' });
    now = new Date('2024-04-20T03:00:00.000Z'); // local 2024-04-20: the horizon (to 04-18) has passed
    const w = await adjudicateWarning(a, {
      id: other,
      outcome: 'did-not-occur',
      by: 'chief',
      note: 'No exercise was announced or observed.',
      actor: 'cli:chief',
    });
    expect(w.adjudication).toMatchObject({ outcome: 'did-not-occur', by: 'chief' });
    const audit = await a.users.listAudit({ action: 'warning.adjudicate' });
    expect(audit.map((e) => [e.target, e.details.outcome])).toEqual([[other, 'did-not-occur']]);
    const scores = await scoreStoredWarnings(a, {
      from: parseDay('2024-04-01'),
      to: parseDay('2024-04-30'),
      episodes: [],
    });
    // The withdrawn warning is not scored; the adjudicated one is a false alarm at 0.675.
    expect(scores.scored.map((s) => [s.id, s.outcome, s.judgedBy])).toEqual([[other, 'false-alarm', 'adjudication']]);
    expect(scores.brier).toBeCloseTo(0.675 ** 2, 12);
  });
});

async function draft2(vigil: Vigil): Promise<string> {
  const m = await assessAt(vigil.store, pack, parseDay(DAY));
  const w: WarningRecord = {
    id: 'W-2024-04-11-def456',
    status: 'coordination',
    keyJudgement: 'A second judgement.',
    likelihood: 'likely',
    confidence: 'low',
    horizonDays: 7,
    day: DAY,
    madeAgainst: snapshotOf(m),
    drafter: 'alice',
    createdAt: now.toISOString(),
    dissents: [],
  };
  await vigil.warnings.insert(w, w.createdAt);
  await stepWarning(vigil, { id: w.id, step: 'issue', by: 'chief', actor: 'cli:chief' });
  return w.id;
}
