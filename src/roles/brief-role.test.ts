// The brief role: does nothing without receivers, refuses a receiver that cannot carry the brief, and names it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openVigil, type Vigil } from '../app/open-vigil.js';
import { DEFAULT_PACK } from '../app/paths.js';
import { createInProcessHub } from '../bus/in-process/in-process-bus.js';
import { loadPack } from '../packs/pack-loader.js';
import { startBriefRole } from './brief-role.js';
import type { RoleContext } from './role-types.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-brief-role-'));
let vigil: Vigil;
const logs: string[] = [];
const brief = { minuteOfDay: 360, langs: ['en'] as const, tlpMax: 'amber' as const, publicUrl: '', chromium: '/x' };

beforeAll(async () => {
  vigil = await openVigil({ databaseUrl: join(dir, 'v.db'), pack: loadPack(DEFAULT_PACK) }, () => new Date());
});
afterAll(async () => {
  await vigil.close();
  rmSync(dir, { recursive: true, force: true });
});

const context = (receivers: string[]): RoleContext => ({
  vigil,
  bus: createInProcessHub().connect(),
  log: (line) => logs.push(line),
  ackWaitMs: 1000,
  brief: { ...brief, receivers },
});

describe('brief role', () => {
  it('sends nothing, and says so, without receivers', async () => {
    const role = await startBriefRole(context([]));
    await role.stop();
    expect(logs).toContain('brief: no --brief-receivers, so the daily brief is not sent');
    expect(await vigil.briefDeliveries.list(vigil.pack.id)).toEqual([]);
  });

  it.each(['terminal', 'nobody'])('refuses %s as a brief receiver, naming the ones that can', async (name) => {
    await expect(startBriefRole(context([name]))).rejects.toMatchObject({
      code: 'VIGIL_CONFIG_INVALID',
      message: expect.stringMatching(
        new RegExp(
          `invalid --brief-receivers: ${name} is not a webhook or e-mail receiver .*duty-officer, watch-floor-mail`,
        ),
      ),
    });
  });
});
