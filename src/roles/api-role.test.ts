// The api role in `vigil serve`: first admin on an empty user store, live events when another process stores observations.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createInProcessHub } from '../bus/in-process/in-process-bus.js';
import { SUBJECTS } from '../bus/subjects.js';
import { DEFAULT_PACK } from '../app/paths.js';
import { ingestFiles } from '../app/ingest-files.js';
import { loadPack, packPath } from '../packs/pack-loader.js';
import { openVigil } from '../app/open-vigil.js';
import { startApiRole } from './api-role.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-api-role-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Opens the event stream and resolves with the first event of `name` (or rejects after `timeoutMs`). */
function firstEvent(
  url: string,
  cookie: string,
  name: string,
  timeoutMs = 5000,
): { ready: Promise<void>; event: Promise<string> } {
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const event = new Promise<string>((resolve, reject) => {
    const req = request(`${url}/api/v1/events`, { headers: { cookie } }, (res) => {
      markReady();
      let buffer = '';
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const m = new RegExp(`event: ${name}\\ndata: (.*)\\n`).exec(buffer);
        if (m) {
          resolve(m[1]);
          req.destroy();
        }
      });
    });
    req.on('error', () => {});
    setTimeout(() => {
      req.destroy();
      reject(new Error(`no ${name} event within ${timeoutMs} ms`));
    }, timeoutMs).unref();
    req.end();
  });
  return { ready, event };
}

describe('api role', () => {
  it('creates the first admin, serves the API, and streams an event when another process stores observations', async () => {
    const db = join(dir, 'vigil.db');
    const pack = loadPack(DEFAULT_PACK);
    const vigil = await openVigil({ databaseUrl: db, pack }, () => new Date('2026-09-01T00:00:00Z'));
    const { store } = vigil;
    const file = pack.data.find((d) => d.kind === 'triggers')!;
    await ingestFiles(store, file.kind, [packPath(pack, file.path)], { now: '2026-09-01T00:00:00.000Z' });
    const hub = createInProcessHub();
    const [bus, other] = [hub.connect(), hub.connect()];
    const log: string[] = [];
    const role = await startApiRole({ vigil, bus, log: (l) => void log.push(l), ackWaitMs: 30_000, dbUrl: db });
    try {
      // Not a terminal (the test's stdout is a pipe): the password is in a 0600 file beside the database, never in the log.
      expect(log.join('\n')).toMatch(
        /api: created user admin; its password is in .*vigil-admin-password\.txt \(mode 0600\)/,
      );
      const passwordFile = join(dir, 'vigil-admin-password.txt');
      expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
      const created = ['', readFileSync(passwordFile, 'utf8').split('\n')[1]];
      expect(log.join('\n')).not.toContain(created[1]);
      const url = /api: dashboard and API at (http:\/\/127\.0\.0\.1:\d+)/.exec(log.join('\n'))![1];
      const login = await fetch(`${url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: created[1] }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0];
      const stream = firstEvent(url, cookie, 'observations');
      await stream.ready;
      await other.publish(
        SUBJECTS.stored(pack.id),
        { packId: pack.id, workId: 'w-1', inserted: 3, unchanged: 0 },
        { id: 'stored:w-1' },
      );
      // Only counts: the stream goes to every user, whatever their TLP ceiling.
      expect(JSON.parse(await stream.event)).toEqual({ inserted: 3, unchanged: 0 });
    } finally {
      await role.stop();
      await bus.close();
      await other.close();
      await vigil.close();
    }
  });
});
