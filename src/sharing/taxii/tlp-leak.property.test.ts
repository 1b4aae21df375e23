// Leak probes: random worlds (observations with random markings and sources, published assessments and alerts,
// collections, partners) and random TAXII requests; no answer may hold an object above the partner's ceiling, outside
// its collections, or passed on against TLP 2.0. The oracle below re-states the rules independently of the code.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { TLP_LEVELS, tlpRank, type Tlp } from '../../model/index.js';
import { DEFAULT_COLLECTION, type Collection } from '../partners/collections.js';
import type { Partner } from '../partners/partner-registry.js';
import { at, createTaxiiApp, createTestInstance, sampleObservation } from '../sharing-fixtures.js';
import { alertToStix } from '../stix/alert-to-stix.js';
import { assessmentToStix } from '../stix/assessment-to-stix.js';
import { eventReportId, observedDataId } from '../stix/observation-to-stix.js';
import { identityObject } from '../stix/producer-identity.js';
import type { StixObject } from '../stix/stix-types.js';
import { VIGIL_OBSERVATION_EXTENSION_ID } from '../stix/vigil-extensions.js';
import { tlpOfMarkingRefs } from '../tlp/tlp-markings.js';
import { TAXII_MEDIA_TYPE } from './taxii-media.js';

const WORLDS = 10;
const PROBES_PER_WORLD = 1000;
const SERIES = [
  'mnd.aircraft.total',
  'mnd.aircraft.adiz',
  'mnd.ships.total',
  'jso.flag',
  'political.trigger.visit',
  'cg.ships',
];
const PATTERNS = ['*', 'mnd.*', 'mnd.aircraft.*', 'jso.flag', 'political.trigger.*', 'cg.*', 'mnd.ships.total'];
const SOURCES = ['mnd', 'jso', 'partner:p1', 'partner:p2', 'stix:misp'];
const BATCHES = ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z'];
const STREAM_TYPES = ['observed-data', 'report', 'vigil-assessment'];
const SUPPORT_TYPES = ['identity', 'marking-definition', 'extension-definition', 'vigil-series'];

const tlpArb = fc.constantFrom(...TLP_LEVELS);
const worldArb = fc.record({
  observations: fc.array(
    fc.record({
      series: fc.constantFrom(...SERIES),
      tlp: tlpArb,
      source: fc.constantFrom(...SOURCES),
      day: fc.integer({ min: 0, max: 15 }),
      value: fc.integer({ min: 0, max: 99 }),
      text: fc.boolean(),
      batch: fc.integer({ min: 0, max: 2 }),
    }),
    { minLength: 10, maxLength: 50 },
  ),
  published: fc.array(
    fc.record({
      kind: fc.constantFrom('assessment', 'alert'),
      tlps: fc.array(tlpArb, { minLength: 1, maxLength: 3 }),
      batch: fc.integer({ min: 0, max: 2 }),
    }),
    { maxLength: 6 },
  ),
  collections: fc.array(
    fc.record({ patterns: fc.subarray(PATTERNS), assessments: fc.boolean(), alerts: fc.boolean(), tlpMax: tlpArb }),
    { minLength: 1, maxLength: 4 },
  ),
  partners: fc.array(
    fc.record({ tlpMax: tlpArb, grants: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }) }),
    { minLength: 1, maxLength: 5 },
  ),
});

interface Truth {
  id: string;
  version: string;
  tlp: Tlp;
  kind: 'observation' | 'assessment' | 'alert';
  series?: string;
  source?: string;
  /** Every version of the id with its marking, oldest first (published objects can have several). */
  versions: { version: string; tlp: Tlp }[];
}

/** The rules, stated once more without the code's helpers. */
function mayRead(
  t: { tlp: Tlp; kind: Truth['kind']; series?: string; source?: string },
  partner: Partner,
  collection: Collection,
): boolean {
  if (!partner.collections.includes(collection.id)) return false;
  const ceiling = Math.min(tlpRank(partner.tlpMax), tlpRank(collection.tlpMax));
  if (tlpRank(t.tlp) > ceiling) return false;
  if (t.kind === 'assessment') return collection.assessments;
  if (t.kind === 'alert') return collection.alerts;
  const inSeries = collection.series.some(
    (p) => p === '*' || p === t.series || (p.endsWith('.*') && t.series!.startsWith(p.slice(0, -1))),
  );
  if (!inSeries) return false;
  if (t.source === `partner:${partner.name}`) return false;
  const external = t.source!.startsWith('partner:') || t.source!.startsWith('stix:');
  return !external || tlpRank(t.tlp) <= tlpRank('green');
}

let probes = 0;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe('no TAXII answer leaks', () => {
  it(`holds for ${WORLDS} random worlds × ${PROBES_PER_WORLD} random requests`, async () => {
    for (let w = 0; w < WORLDS; w++) {
      const world = fc.sample(worldArb, { numRuns: 1, seed: 7919 * (w + 1) })[0];
      const instance = await createTestInstance(`leak${w}`);
      cleanups.push(() => instance.close());
      const truth = new Map<string, Truth>();
      // Observations, in batches with their own date_added.
      for (let batch = 0; batch < BATCHES.length; batch++) {
        const rows = world.observations
          .filter((o) => o.batch === batch)
          .map((o) =>
            sampleObservation({
              series: o.series,
              tlp: o.tlp,
              source: o.source,
              value: o.value,
              periodStart: at(o.day),
              periodEnd: at(o.day + 1),
              publishedAt: at(o.day + 1, batch),
              text: o.text ? `event ${o.value}` : undefined,
              subject: o.text ? `e${o.value}` : undefined,
            }),
          );
        await instance.store.putObservations(rows, BATCHES[batch]);
      }
      for (const row of await instance.store.queryObservations({ allRevisions: true })) {
        const base = {
          version: row.publishedAt,
          tlp: row.tlp,
          kind: 'observation' as const,
          series: row.series,
          source: row.source,
          versions: [{ version: row.publishedAt, tlp: row.tlp }],
        };
        truth.set(observedDataId(row.id), { id: observedDataId(row.id), ...base });
        if (row.text !== undefined) truth.set(eventReportId(row.id), { id: eventReportId(row.id), ...base });
      }
      // Published assessments and alerts, some with several versions at different markings.
      const producerId = identityObject(instance.sharing.keys.identity).id;
      for (const [i, p] of world.published.entries()) {
        for (const [v, tlp] of p.tlps.entries()) {
          const object =
            p.kind === 'assessment'
              ? assessmentToStix(
                  {
                    packId: 'x',
                    day: `2024-05-${String(i + 1).padStart(2, '0')}`,
                    asOf: at(i, 16),
                    level: v + 1,
                    levelName: 'L',
                    pEvent: 0.1,
                    horizonDays: 7,
                    hypotheses: [],
                    topEvidence: [],
                  },
                  { producerId, tlp },
                )
              : alertToStix(
                  {
                    alertId: `alert${i}`,
                    rule: 'r',
                    summary: `alert ${i} v${v}`,
                    labels: {},
                    status: 'firing',
                    activeAt: at(i),
                    firedAt: at(i, v + 1),
                  },
                  { producerId, tlp, refs: [] },
                );
          const { object: stored } = await instance.sharing.ledger.publish(
            object,
            p.kind as 'assessment' | 'alert',
            tlp,
            BATCHES[p.batch],
          );
          const known = truth.get(stored.id);
          const versions = [...(known?.versions ?? []), { version: stored.modified!, tlp }];
          truth.set(stored.id, {
            id: stored.id,
            version: stored.modified!,
            tlp,
            kind: p.kind as 'assessment' | 'alert',
            versions,
          });
        }
      }
      // Collections and partners (named p0…: p1 and p2 are also sources, so echoes are probed too).
      const collections: Collection[] = [DEFAULT_COLLECTION];
      for (const [i, c] of world.collections.entries()) {
        collections.push(
          await instance.sharing.registry.addCollection(
            {
              alias: `c${i}`,
              title: `c${i}`,
              description: '',
              series: c.patterns,
              assessments: c.assessments,
              alerts: c.alerts,
              tlpMax: c.tlpMax,
            },
            BATCHES[0],
          ),
        );
      }
      const partners: { partner: Partner; token: string }[] = [];
      for (const [i, p] of world.partners.entries()) {
        const grants = [...new Set(p.grants.filter((g) => g < collections.length).map((g) => collections[g].id))];
        partners.push(
          await instance.sharing.registry.addPartner(
            { name: `p${i}`, tlpMax: p.tlpMax, collections: grants },
            BATCHES[0],
          ),
        );
      }
      const app = await createTaxiiApp(instance, { signEnvelopes: false, defaultPageSize: 500 });
      cleanups.push(() => app.close());
      const allIds = [...truth.keys()];
      const allVersions = [...new Set([...truth.values()].flatMap((t) => t.versions.map((v) => v.version)))];

      const probeArb = fc.record({
        partner: fc.nat({ max: partners.length - 1 }),
        collection: fc.nat({ max: collections.length - 1 }),
        endpoint: fc.constantFrom('objects', 'objects', 'manifest', 'object', 'versions'),
        limit: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
        addedAfter: fc.option(fc.constantFrom(...BATCHES), { nil: undefined }),
        types: fc.option(fc.subarray([...STREAM_TYPES, ...SUPPORT_TYPES], { minLength: 1 }), { nil: undefined }),
        id: fc.option(
          fc.constantFrom(...(allIds.length > 0 ? allIds : ['report--2ed6657d-e927-568b-95e1-2665a8aea6a2'])),
          { nil: undefined },
        ),
        version: fc.option(fc.constantFrom('last', 'first', 'all', ...allVersions), { nil: undefined }),
        followNext: fc.boolean(),
      });

      await fc.assert(
        fc.asyncProperty(probeArb, async (probe) => {
          probes++;
          const { partner, token } = partners[probe.partner];
          const collection = collections[probe.collection];
          const byId = probe.endpoint === 'object' || probe.endpoint === 'versions';
          const id = probe.id ?? allIds[0] ?? 'report--2ed6657d-e927-568b-95e1-2665a8aea6a2';
          const path = byId
            ? `objects/${id}/${probe.endpoint === 'versions' ? 'versions/' : ''}`
            : `${probe.endpoint}/`;
          const query = new URLSearchParams();
          if (probe.limit !== undefined) query.set('limit', String(probe.limit));
          if (probe.addedAfter !== undefined) query.set('added_after', probe.addedAfter);
          if (!byId && probe.types !== undefined) query.set('match[type]', probe.types.join(','));
          if (!byId && probe.id !== undefined) query.set('match[id]', probe.id);
          if (probe.endpoint !== 'versions' && probe.version !== undefined) query.set('match[version]', probe.version);
          const request = async (q: URLSearchParams) =>
            app.inject({
              method: 'GET',
              url: `/taxii2/vigil/collections/${collection.id}/${path}?${q}`,
              headers: { accept: TAXII_MEDIA_TYPE, authorization: `Bearer ${token}` },
            });
          let res = await request(query);
          if (!partner.collections.includes(collection.id)) {
            expect(res.statusCode).toBe(404);
            return;
          }
          for (let page = 0; page < 2; page++) {
            if (res.statusCode === 404 && byId) return;
            expect(res.statusCode, res.body).toBe(200);
            const body = JSON.parse(res.body);
            checkAnswer(body, probe.endpoint, partner, collection, truth, probe.limit);
            const unfiltered =
              probe.endpoint === 'objects' &&
              probe.limit === undefined &&
              probe.addedAfter === undefined &&
              probe.types === undefined &&
              probe.id === undefined &&
              probe.version === undefined;
            if (unfiltered) {
              const got = streamObjects(body.objects)
                .map((o) => [o.id, o.modified ?? o.created] as [string, string])
                .sort();
              expect(got).toEqual(expectedDefault(truth, partner, collection));
            }
            if (!probe.followNext || !body.more) return;
            query.set('next', body.next);
            res = await request(query);
          }
        }),
        { numRuns: PROBES_PER_WORLD, seed: 104729 * (w + 1) },
      );
    }
    expect(probes).toBeGreaterThanOrEqual(10_000);
  }, 120_000);
});

/** What an unfiltered request must return: each object a reader may read, at its latest version the reader may read. */
function expectedDefault(truth: Map<string, Truth>, partner: Partner, collection: Collection): [string, string][] {
  const out: [string, string][] = [];
  for (const t of truth.values()) {
    const readable = t.versions.filter((v) => mayRead({ ...t, tlp: v.tlp }, partner, collection));
    if (readable.length > 0) out.push([t.id, readable[readable.length - 1].version]);
  }
  return out.sort();
}

function streamObjects(objects: StixObject[] | undefined): StixObject[] {
  return (objects ?? []).filter((o) => STREAM_TYPES.includes(o.type));
}

function checkAnswer(
  body: Record<string, unknown>,
  endpoint: string,
  partner: Partner,
  collection: Collection,
  truth: Map<string, Truth>,
  limit?: number,
): void {
  const ceiling = Math.min(tlpRank(partner.tlpMax), tlpRank(collection.tlpMax));
  if (endpoint === 'manifest' || endpoint === 'versions') {
    const list = (endpoint === 'manifest' ? body.objects : body.versions) as unknown[] | undefined;
    if (limit !== undefined) expect((list ?? []).length).toBeLessThanOrEqual(limit);
    for (const record of (endpoint === 'manifest' ? (list ?? []) : []) as { id: string; version: string }[]) {
      const t = truth.get(record.id);
      expect(t, record.id).toBeDefined();
      const version = t!.versions.find((v) => v.version === record.version);
      expect(version).toBeDefined();
      expect(mayRead({ ...t!, tlp: version!.tlp }, partner, collection)).toBe(true);
    }
    return;
  }
  const objects = (body.objects ?? []) as StixObject[];
  if (limit !== undefined) expect(objects.length).toBeLessThanOrEqual(limit);
  for (const o of objects) {
    const tlp = tlpOfMarkingRefs(o.object_marking_refs);
    if (o.type === 'marking-definition') continue;
    expect(tlp, `${o.id} carries a TLP marking`).toBeDefined();
    expect(tlpRank(tlp!), `${o.id} within the ceiling`).toBeLessThanOrEqual(ceiling);
    if (SUPPORT_TYPES.includes(o.type)) {
      if (o.type === 'vigil-series')
        expect(
          collection.series.some(
            (p) => p === '*' || p === o.name || (p.endsWith('.*') && String(o.name).startsWith(p.slice(0, -1))),
          ),
        ).toBe(true);
      continue;
    }
    const t = truth.get(o.id);
    expect(t, `${o.id} is known`).toBeDefined();
    expect(
      t!.versions.some((v) => v.version === (o.modified ?? o.created) && v.tlp === tlp),
      `${o.id} carries the marking it was stored with`,
    ).toBe(true);
    expect(
      mayRead({ ...t!, tlp: tlp! }, partner, collection),
      `${o.type} ${o.id} may be read by ${partner.name} in ${collection.alias}`,
    ).toBe(true);
    if (o.type === 'observed-data') expect(o.extensions![VIGIL_OBSERVATION_EXTENSION_ID].series).toBe(t!.series);
  }
}
