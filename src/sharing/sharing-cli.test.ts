// The sharing commands end to end, in-process: partner, collection, key, publish, export, import and pull over loopback.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/run-cli.js';
import { openObservationStore } from '../storage/open-store.js';
import { createTaxiiApp, oasisValidator, openTestInstance, STIX_BUNDLE_FIXTURES } from './sharing-fixtures.js';
import { checkSignature } from './signing/signed-document.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-sharing-cli-'));
const a = join(dir, 'a.db');
const b = join(dir, 'b.db');
const cli = (db: string, ...args: string[]) => runCli('--db', db, ...args);

beforeAll(async () => {
  const r = await cli(a, 'init');
  expect(r.code, r.stderr).toBe(0);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function count(db: string, source?: string): Promise<number> {
  const store = openObservationStore(db);
  try {
    await store.migrate();
    return (await store.queryObservations({ source, allRevisions: true })).length;
  } finally {
    await store.close();
  }
}

describe('vigil partner', () => {
  it('adds a partner and prints its token once, lists, rotates and removes it', async () => {
    const add = await cli(a, 'partner', 'add', 'beta', '--tlp-max', 'green', '--collections', 'default');
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout.trim()).toMatch(/^vgl_[A-Za-z0-9_-]{43}$/);
    expect(add.stderr).toMatch(/partner beta: TLP ≤ green, 1 collection/);
    expect((await cli(a, 'partner', 'list')).stdout).toMatch(/^beta\tTLP ≤ green\tdefault\tread\tno key\tno pull$/m);
    const rotated = await cli(a, 'partner', 'token', 'beta');
    expect(rotated.stdout.trim()).not.toBe(add.stdout.trim());
    expect((await cli(a, 'partner', 'add', 'beta')).stderr).toMatch(/already exists/);
    expect((await cli(a, 'partner', 'add', 'gamma', '--tlp-max', 'purple')).stderr).toMatch(
      /invalid --tlp-max "purple"/,
    );
    expect((await cli(a, 'partner', 'add', 'gamma', '--url', 'http://x/')).stderr).toMatch(/go together/);
    expect((await cli(a, 'partner', 'remove', 'beta')).stdout).toMatch(/removed partner beta/);
    expect((await cli(a, 'partner', 'remove', 'beta')).code).toBe(1);
  });

  it('prints our public key and manages collections', async () => {
    const key = await cli(a, 'partner', 'key');
    expect(key.stdout.trim()).toMatch(/^ed25519:[A-Za-z0-9_-]{43}$/);
    expect(
      (await cli(a, 'partner', 'collection', 'add', 'air', '--series', 'mnd.aircraft.*', '--tlp-max', 'amber')).code,
    ).toBe(0);
    expect((await cli(a, 'partner', 'collection', 'list')).stdout).toMatch(
      /^air\t[0-9a-f-]{36}\tTLP ≤ amber\tseries mnd\.aircraft\.\*\tair$/m,
    );
    expect((await cli(a, 'partner', 'collection', 'add', 'bad', '--series', 'Not Valid')).stderr).toMatch(
      /invalid series pattern/,
    );
  });
});

describe('vigil export stix / import stix', () => {
  let bundleFile: string;
  it('exports a signed, valid, stable bundle of a period', async () => {
    const r = await cli(a, 'export', 'stix', '--from', '2023-04-05', '--to', '2023-04-08', '--sign');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/exported \d+ observations and 4 assessments/);
    const bundle = JSON.parse(r.stdout);
    expect(bundle.type).toBe('bundle');
    expect(oasisValidator().validateBundle(bundle)).toEqual([]);
    const key = (await cli(a, 'partner', 'key')).stdout.trim();
    expect(checkSignature(bundle, { publicKey: key, required: true, signer: 'a' }, 'bundle')).toBe('verified');
    expect(bundle.objects.filter((o: { type: string }) => o.type === 'vigil-assessment')).toHaveLength(4);
    expect((await cli(a, 'export', 'stix', '--from', '2023-04-05', '--to', '2023-04-08', '--sign')).stdout).toBe(
      r.stdout,
    );
    bundleFile = join(dir, 'bundle.json');
    writeFileSync(bundleFile, r.stdout);
  });

  it('imports it into another database with the producer as source', async () => {
    const r = await cli(b, 'import', 'stix', bundleFile);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /bundle\.json: \d+ observations \(\d+ new, 0 already stored\) as stix:vigil; 4 assessments, 0 alerts, 0 other objects kept; signature not checked/,
    );
    expect(await count(b, 'stix:vigil')).toBeGreaterThan(0);
    expect((await cli(b, 'import', 'stix', bundleFile)).stdout).toMatch(/\(0 new, \d+ already stored\)/);
  });

  it('recognises our own export coming back: nothing stored twice under stix:vigil, and says how many it skipped', async () => {
    const before = await count(a);
    const r = await cli(a, 'import', 'stix', bundleFile);
    expect(r.code, r.stderr).toBe(0);
    const exported = JSON.parse(readFileSync(bundleFile, 'utf8')).objects as { type: string }[];
    const ours = exported.filter((o) => o.type === 'observed-data' || o.type === 'vigil-assessment').length;
    expect(r.stdout).toMatch(
      new RegExp(
        `0 observations \\(0 new, 0 already stored\\) as stix:vigil; 0 assessments, 0 alerts, 0 other objects kept; ${ours} of our own objects skipped`,
      ),
    );
    expect(await count(a)).toBe(before);
    expect(await count(a, 'stix:vigil')).toBe(0);
    // B holds A's observations as stix:vigil (not its own): the same file again finds them already stored.
    const again = await cli(b, 'import', 'stix', bundleFile);
    expect(again.stdout).toMatch(/\d+ observations \(0 new, \d+ already stored\)/);
  });

  it('keeps a MISP-style bundle’s objects without failing, and rejects broken files writing nothing', async () => {
    const before = await count(b);
    const misp = await cli(b, 'import', 'stix', join(STIX_BUNDLE_FIXTURES, 'misp-style.json'));
    expect(misp.code, misp.stderr).toBe(0);
    expect(misp.stdout).toMatch(
      /0 observations .* as stix:synthetic-misp-instance; 0 assessments, 0 alerts, 6 other objects kept/,
    );
    for (const [file, message] of [
      ['truncated.json', /is not valid JSON/],
      ['malformed-id.json', /objects\[0\]\.id/],
      ['missing.json', /cannot read file/],
    ] as const) {
      const r = await cli(b, 'import', 'stix', join(STIX_BUNDLE_FIXTURES, file));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
    }
    expect(await count(b)).toBe(before);
  });

  it('applies a partner’s signature rules to a file it sent', async () => {
    const key = (await cli(a, 'partner', 'key')).stdout.trim();
    expect((await cli(b, 'partner', 'add', 'alpha', '--public-key', key, '--require-signatures')).code).toBe(0);
    const signed = await cli(b, 'import', 'stix', bundleFile, '--partner', 'alpha');
    expect(signed.stdout).toMatch(/as partner:alpha; .*signature verified/);
    const unsigned = join(dir, 'unsigned.json');
    writeFileSync(unsigned, (await cli(a, 'export', 'stix', '--from', '2023-04-05', '--to', '2023-04-05')).stdout);
    const r = await cli(b, 'import', 'stix', unsigned, '--partner', 'alpha');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unsigned\.json is unsigned, and partner alpha requires signed content/);
  });
});

describe('vigil partner publish / pull', () => {
  it('publishes the assessment of a day once', async () => {
    expect((await cli(a, 'partner', 'publish', '--at', '2023-04-10')).stdout).toMatch(
      /assessments: 1 published, 0 unchanged/,
    );
    expect((await cli(a, 'partner', 'publish', '--at', '2023-04-10')).stdout).toMatch(
      /assessments: 0 published, 1 unchanged/,
    );
  });

  it('pulls from a partner’s TAXII server over loopback, then only what is new', async () => {
    // A's data: the bundled (CLEAR) observations. A serves them; C pulls through the CLI.
    const token = (
      await cli(a, 'partner', 'add', 'charlie', '--tlp-max', 'green', '--collections', 'air')
    ).stdout.trim();
    const key = (await cli(a, 'partner', 'key')).stdout.trim();
    const instance = await openTestInstance(a);
    const app = await createTaxiiApp(instance);
    try {
      const url = `${await app.listen({ host: '127.0.0.1', port: 0 })}/taxii2/vigil/`;
      const c = join(dir, 'c.db');
      expect(
        (
          await cli(
            c,
            'partner',
            'add',
            'alpha',
            '--url',
            url,
            '--token',
            token,
            '--remote-collection',
            'air',
            '--public-key',
            key,
            '--require-signatures',
          )
        ).code,
      ).toBe(0);
      const first = await cli(c, 'partner', 'pull', 'alpha');
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(
        /^alpha: \d+ objects in \d+ page\(s\), signatures verified; \d+ observations \(\d+ new\)/,
      );
      const aircraft = (await instance.store.queryObservations({ seriesPrefix: 'mnd.aircraft.', allRevisions: true }))
        .length;
      expect(await count(c, 'partner:alpha')).toBe(aircraft);
      expect((await cli(c, 'partner', 'pull', 'alpha')).stdout).toMatch(/0 observations \(0 new\)/);
      expect((await cli(c, 'partner', 'list')).stdout).toMatch(
        /pulls air from http:\/\/127\.0\.0\.1:\d+\/taxii2\/vigil\/ \(last /,
      );
    } finally {
      await app.close();
      await instance.close();
    }
  });

  it('says what is missing when a partner has no server to pull from', async () => {
    const r = await cli(b, 'partner', 'pull', 'alpha');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/partner alpha has no TAXII server to pull from/);
  });
});
