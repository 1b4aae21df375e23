// Builders shared by the sharing tests: observations, instances (a store plus its sharing tables) and the OASIS validator.
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../app/paths.js';
import { withId, type Observation, type ObservationInput } from '../model/index.js';
import { createSqliteStore } from '../storage/sqlite/sqlite-store.js';
import type { Store } from '../storage/store.js';
import { openSharing, type SharingContext } from './sharing-context.js';
import { createOasisValidator, type OasisValidator } from './stix/oasis-validator.js';
import { taxiiPlugin } from './taxii/taxii-plugin.js';

export const OASIS_SCHEMA_DIR = join(PACKAGE_ROOT, 'test', 'fixtures', 'stix2.1-json-schemas');
export const STIX_BUNDLE_FIXTURES = join(PACKAGE_ROOT, 'test', 'fixtures', 'stix-bundles');

let validator: OasisValidator | undefined;
/** One validator per test file (compiling the schemas takes a moment). */
export function oasisValidator(): OasisValidator {
  return (validator ??= createOasisValidator(OASIS_SCHEMA_DIR));
}

/** Midnight UTC of 2024-05-01 plus `days` days and `hours` hours. */
export function at(days: number, hours = 0): string {
  return new Date(Date.UTC(2024, 4, 1) + (days * 24 + hours) * 3_600_000).toISOString();
}

export function sampleObservation(overrides: Partial<ObservationInput> = {}): Observation {
  return withId({
    series: 'mnd.aircraft.total',
    value: 12,
    unit: 'aircraft',
    periodStart: at(0),
    periodEnd: at(1),
    publishedAt: at(1, 1),
    source: 'mnd',
    sourceRef: 'https://www.mnd.gov.tw/report/1',
    reliability: 'A',
    credibility: 1,
    tlp: 'green',
    ...overrides,
  });
}

export interface TestInstance {
  dir: string;
  dbPath: string;
  store: Store;
  sharing: SharingContext;
  close(): Promise<void>;
}

/** A Vigil instance's data side in a fresh temp directory: a migrated SQLite store and its sharing tables. */
export async function createTestInstance(name: string, now = '2026-01-01T00:00:00.000Z'): Promise<TestInstance> {
  const dir = mkdtempSync(join(tmpdir(), `vigil-sharing-${name}-`));
  const dbPath = join(dir, 'vigil.db');
  const store = createSqliteStore({ path: dbPath });
  await store.migrate();
  const sharing = openSharing(dbPath, { now, orgName: `Org ${name}` });
  return {
    dir, dbPath, store, sharing,
    async close() {
      sharing.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TaxiiAppOptions {
  now?: () => Date;
  maxContentLength?: number;
  defaultPageSize?: number;
  signEnvelopes?: boolean;
}

/** A Fastify instance serving the instance's TAXII collections under /taxii2 (not listening; use inject or listen). */
export async function createTaxiiApp(instance: TestInstance, options: TaxiiAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(taxiiPlugin, {
    prefix: '/taxii2',
    store: instance.store,
    registry: instance.sharing.registry,
    ledger: instance.sharing.ledger,
    statuses: instance.sharing.statuses,
    keys: instance.sharing.keys,
    now: options.now ?? (() => new Date('2026-01-01T00:00:00.000Z')),
    maxContentLength: options.maxContentLength,
    defaultPageSize: options.defaultPageSize,
    signEnvelopes: options.signEnvelopes,
  });
  await app.ready();
  return app;
}
