// Benchmarks of partner sharing: one TAXII page of 1,000 objects over real HTTP on loopback, a partner's full pull,
// and STIX export throughput, on the bundled Taiwan Strait data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { parseFile } from '../app/ingest-files.js';
import { openVigil } from '../app/open-vigil.js';
import { DEFAULT_PACK } from '../app/paths.js';
import { loadPack, packPath } from '../packs/pack-loader.js';
import { exportStix } from '../sharing/export-stix.js';
import { DEFAULT_COLLECTION } from '../sharing/partners/collections.js';
import { pullPartner } from '../sharing/taxii/partner-sync.js';
import { TAXII_MEDIA_TYPE } from '../sharing/taxii/taxii-media.js';
import { taxiiPlugin } from '../sharing/taxii/taxii-plugin.js';
import { medianOf, type BenchFigure } from './bench-types.js';

const PAGE_REQUESTS = 30;
const NOW = '2026-09-01T00:00:00.000Z';

export async function runSharingBench(): Promise<BenchFigure[]> {
  const pack = loadPack(DEFAULT_PACK);
  const bundled = pack.data.flatMap((d) => parseFile(d.kind, packPath(pack, d.path)));
  const dir = mkdtempSync(join(tmpdir(), 'vigil-sharing-bench-'));
  const clock = () => new Date(NOW);
  const a = await openVigil({ databaseUrl: join(dir, 'a.db'), pack }, clock);
  const b = await openVigil({ databaseUrl: join(dir, 'b.db'), pack }, clock);
  const app = Fastify({ logger: false });
  try {
    const { store } = a;
    const sharing = await a.sharing();
    const bSharing = await b.sharing();
    await store.putObservations(bundled, NOW);
    const { token } = await sharing.registry.addPartner(
      { name: 'bench', tlpMax: 'green', collections: [DEFAULT_COLLECTION.alias] },
      NOW,
    );
    await app.register(taxiiPlugin, {
      prefix: '/taxii2',
      store,
      writes: a.writes,
      registry: sharing.registry,
      ledger: sharing.ledger,
      statuses: sharing.statuses,
      keys: sharing.keys,
      now: () => new Date(NOW),
    });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const url = `${base}/taxii2/vigil/collections/${DEFAULT_COLLECTION.id}/objects/?limit=1000`;
    const headers = { accept: TAXII_MEDIA_TYPE, authorization: `Bearer ${token}` };
    let objects = 0;
    const getPage = async () => {
      const res = await fetch(url, { headers });
      const body = (await res.json()) as { objects?: unknown[] };
      if (res.status !== 200) throw new Error(`TAXII page: HTTP ${res.status}`);
      objects = body.objects?.length ?? 0;
    };
    for (let i = 0; i < 5; i++) await getPage();
    const timings: number[] = [];
    for (let i = 0; i < PAGE_REQUESTS; i++) {
      const t = performance.now();
      await getPage();
      timings.push(performance.now() - t);
    }
    if (objects !== 1000) throw new Error(`expected a full page of 1000 objects, got ${objects}`);

    await bSharing.registry.addPartner(
      {
        name: 'alpha',
        tlpMax: 'green',
        collections: [],
        publicKey: sharing.keys.identity.publicKey,
        requireSignatures: true,
        remote: { url: `${base}/taxii2/vigil/`, token, collection: DEFAULT_COLLECTION.alias },
      },
      NOW,
    );
    const tp = performance.now();
    const pulled = await pullPartner(
      {
        store: b.store,
        ledger: bSharing.ledger,
        registry: bSharing.registry,
        now: clock,
        writes: b.writes,
        actor: 'cli:bench',
      },
      'alpha',
    );
    const pullS = (performance.now() - tp) / 1000;

    const te = performance.now();
    const exported = await exportStix(store, {
      from: '2000-01-01T00:00:00.000Z',
      to: '2100-01-01T00:00:00.000Z',
      tlpMax: 'red',
      identity: sharing.keys.identity,
    });
    const exportS = (performance.now() - te) / 1000;
    return [
      {
        name: 'taxii.page1000_p50_ms',
        value: round(medianOf(timings), 1),
        unit: `ms (GET 1,000 objects, signed, loopback HTTP; ${bundled.length} stored)`,
      },
      {
        name: 'taxii.pull_objs_per_s',
        value: Math.round(pulled.objects / pullS),
        unit: `objects/s (full pull of ${pulled.objects}, verified and stored)`,
      },
      {
        name: 'stix.export_objs_per_s',
        value: Math.round(exported.bundle.objects.length / exportS),
        unit: `objects/s (${exported.bundle.objects.length}-object bundle)`,
      },
    ];
  } finally {
    await app.close();
    await a.close();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
