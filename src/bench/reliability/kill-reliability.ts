// Reliability: `vigil serve` killed with SIGKILL again and again while clients ingest through the API. Every batch
// the server acknowledged (HTTP 200) must be stored after the restarts (acknowledged_lost), no observation may be
// stored twice (duplicates), and the audit chain must still verify. `--scale` runs it on PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withId, type Observation, type ObservationInput } from '../../model/index.js';
import { openStore } from '../../storage/open-store.js';
import { openUserStore } from '../../users/open-user-store.js';
import { verifyAuditChain } from '../../users/audit-chain.js';
import { createUser, issueToken } from '../../users/user-accounts.js';
import type { BenchFigure, BenchOptions } from '../bench-types.js';
import { startServe } from './server-process.js';
import { reliabilityDb } from './reliability-db.js';

const KILLS = Number(process.env.RELIABILITY_KILLS) || 32;
const SERIES = 'reliability.kill';

export function probeObservation(n: number, series = SERIES): Observation {
  const input: ObservationInput = {
    series,
    subject: `k${n}`,
    value: n,
    unit: 'count',
    periodStart: '2026-08-01T00:00:00.000Z',
    periodEnd: '2026-08-02T00:00:00.000Z',
    publishedAt: '2026-08-02T00:00:00.000Z',
    source: 'reliability',
    reliability: 'B',
    credibility: 2,
    tlp: 'green',
  };
  return withId(input);
}

export async function prepareUsers(dbUrl: string): Promise<string> {
  const store = await openStore(dbUrl);
  await store.migrate();
  await store.close();
  const users = openUserStore(dbUrl);
  await users.migrate();
  const { user } = await createUser(
    users,
    { username: 'ingester', role: 'analyst', password: 'reliability suite passphrase' },
    new Date().toISOString(),
    { scrypt: { N: 1024, r: 8, p: 1 } },
  );
  const { token } = await issueToken(users, user, 'reliability', new Date().toISOString());
  await users.close();
  return token;
}

export async function runKillReliability(options: BenchOptions): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-kill-'));
  const db = await reliabilityDb(options, dir, 'kill');
  const acknowledged = new Set<string>();
  let n = 0;
  try {
    const token = await prepareUsers(db.url);
    for (let round = 0; round < KILLS; round++) {
      const server = await startServe(db.url, db.args);
      let running = true;
      const client = async () => {
        while (running) {
          const batch = Array.from({ length: 10 }, () => probeObservation(n++));
          try {
            const res = await fetch(`${server.url}/api/v1/observations`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ observations: batch.map(({ id: _id, ...o }) => o) }),
            });
            if (res.status === 200) for (const o of batch) acknowledged.add(o.id);
          } catch {
            // killed mid-request: not acknowledged
          }
        }
      };
      const clients = [client(), client(), client()];
      await new Promise((r) => setTimeout(r, 300 + ((round * 7919) % 900)));
      await server.kill();
      running = false;
      await Promise.all(clients);
    }
    const store = await openStore(db.url);
    const rows = await store.queryObservations({ series: [SERIES], allRevisions: true });
    await store.close();
    const stored = new Map<string, number>();
    for (const r of rows) stored.set(r.id, (stored.get(r.id) ?? 0) + 1);
    const users = openUserStore(db.url);
    const audit = verifyAuditChain(await users.listAudit());
    await users.close();
    return [
      { name: 'kill.kills', value: KILLS, unit: 'SIGKILLs' },
      { name: 'kill.acknowledged', value: acknowledged.size, unit: 'observations' },
      {
        name: 'kill.acknowledged_lost',
        value: [...acknowledged].filter((id) => !stored.has(id)).length,
        unit: 'observations',
      },
      { name: 'kill.duplicates', value: [...stored.values()].reduce((s, c) => s + c - 1, 0), unit: 'rows' },
      { name: 'kill.audit_chain_ok', value: audit.ok ? 1 : 0, unit: 'bool' },
    ];
  } finally {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
