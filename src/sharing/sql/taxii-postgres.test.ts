// End to end on PostgreSQL: partners added with the CLI (`vigil --db postgres://… partner add`), then `vigil serve`'s
// API server on the same database serving each partner its collection over HTTP, paged, signed, within its TLP ceiling.
import { openVigil, type Vigil } from '../../app/open-vigil.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/run-cli.js';
import { DEFAULT_PACK } from '../../app/paths.js';
import { loadPack } from '../../packs/pack-loader.js';
import { runApiServer, type RunningApiServer } from '../../server/run-api-server.js';
import { pgSkipReason } from '../../storage/postgres/pg-test-support.js';
import { DEFAULT_COLLECTION } from '../partners/collections.js';
import { at, createPgTestInstance, sampleObservation, type TestInstance } from '../sharing-fixtures.js';
import { checkTextSignature } from '../signing/signed-document.js';
import { assessmentToStix } from '../stix/assessment-to-stix.js';
import { identityObject } from '../stix/producer-identity.js';
import type { StixObject } from '../stix/stix-types.js';
import { VIGIL_OBSERVATION_EXTENSION_ID } from '../stix/vigil-extensions.js';
import { TAXII_MEDIA_TYPE } from '../taxii/taxii-media.js';

const skip = await pgSkipReason();
const BATCH = '2026-01-01T00:00:00.000Z';

describe.skipIf(skip !== undefined)(skip ?? 'TAXII on PostgreSQL', () => {
  let a: TestInstance;
  let server: RunningApiServer;
  let vigil: Vigil | undefined;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    a = await createPgTestInstance('pg-taxii', BATCH);
    await a.store.putObservations(
      ['clear', 'green', 'amber', 'red'].map((tlp, i) => sampleObservation({ tlp: tlp as never, value: i + 1 })),
      BATCH,
    );
    const producerId = identityObject(a.sharing.keys.identity).id;
    const assessment = {
      packId: 'test',
      day: '2024-05-02',
      asOf: at(1, 16),
      level: 2,
      levelName: 'WATCH',
      pEvent: 0.1,
      horizonDays: 7,
      hypotheses: [],
      topEvidence: [],
    };
    await a.sharing.ledger.publish(
      assessmentToStix(assessment, { producerId, tlp: 'green' }),
      'assessment',
      'green',
      BATCH,
    );
    await a.sharing.ledger.publish(
      assessmentToStix({ ...assessment, day: '2024-05-03' }, { producerId, tlp: 'amber' }),
      'assessment',
      'amber',
      BATCH,
    );
    for (const [name, tlp] of [
      ['beta', 'green'],
      ['delta', 'red'],
    ]) {
      const added = await runCli(
        '--db',
        a.dbPath,
        'partner',
        'add',
        name,
        '--tlp-max',
        tlp,
        '--collections',
        'default',
      );
      expect(added.code, added.stderr).toBe(0);
      tokens[name] = added.stdout.trim();
    }
    vigil = await openVigil(
      { databaseUrl: a.dbPath, pack: loadPack(DEFAULT_PACK) },
      () => new Date('2026-01-02T00:00:00.000Z'),
    );
    server = await runApiServer({ vigil, log: () => {}, runAlerting: false, port: 0 });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await vigil?.close();
    await a?.close();
  });

  /** Every page of the default collection as the partner sees it, following `next`; checks each page's signature. */
  async function pull(partner: string): Promise<StixObject[]> {
    const objects: StixObject[] = [];
    let next: string | undefined;
    for (let page = 0; page < 20; page++) {
      const url = `${server.url}/taxii2/vigil/collections/${DEFAULT_COLLECTION.id}/objects/?limit=3${next ? `&next=${next}` : ''}`;
      const res = await fetch(url, {
        headers: { accept: TAXII_MEDIA_TYPE, authorization: `Bearer ${tokens[partner]}` },
      });
      expect(res.status).toBe(200);
      const text = await res.text();
      const policy = { publicKey: a.sharing.keys.identity.publicKey, required: true, signer: 'org' };
      expect(checkTextSignature(text, res.headers.get('x-vigil-jws') ?? undefined, policy, 'envelope')).toBe(
        'verified',
      );
      const body = JSON.parse(text) as { objects?: StixObject[]; more: boolean; next?: string };
      objects.push(...(body.objects ?? []));
      if (!body.more) return objects;
      next = body.next;
    }
    throw new Error('paging did not end');
  }
  const values = (objects: StixObject[]) =>
    objects
      .filter((o) => o.type === 'observed-data')
      .map((o) => o.extensions![VIGIL_OBSERVATION_EXTENSION_ID].value)
      .sort();
  const days = (objects: StixObject[]) =>
    objects
      .filter((o) => o.type === 'vigil-assessment')
      .map((o) => o.day)
      .sort();

  it('lists the partners the CLI added on PostgreSQL', async () => {
    const list = await runCli('--db', a.dbPath, 'partner', 'list');
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^beta\tTLP ≤ green\tdefault\tread\tno key\tno pull$/m);
  });

  it('serves a GREEN partner only CLEAR and GREEN observations and assessments, over every page', async () => {
    const objects = await pull('beta');
    expect(values(objects)).toEqual([1, 2]);
    expect(days(objects)).toEqual(['2024-05-02']);
  });

  it('caps a RED partner at the collection’s AMBER, and refuses a wrong token', async () => {
    const objects = await pull('delta');
    expect(values(objects)).toEqual([1, 2, 3]);
    expect(days(objects)).toEqual(['2024-05-02', '2024-05-03']);
    const res = await fetch(`${server.url}/taxii2/vigil/collections/`, {
      headers: { accept: TAXII_MEDIA_TYPE, authorization: `Bearer vgl_${'A'.repeat(43)}` },
    });
    expect(res.status).toBe(401);
  });
});
