// Builders shared by the sharing tests: observations, instances (a store plus its sharing tables, on SQLite or
// PostgreSQL), the harnesses the sharing contracts run on, and the OASIS validator.
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PACK, PACKAGE_ROOT } from '../app/paths.js';
import { openVigil, type Vigil } from '../app/open-vigil.js';
import type { WriteServices } from '../app/write-services.js';
import { loadPack, type LoadedPack } from '../packs/pack-loader.js';
import { withId, type Observation, type ObservationInput } from '../model/index.js';
import { openDatabase, type DatabaseOptions } from '../storage/database/open-database.js';
import { dropSchema, freshSchemaName, schemaUrl } from '../storage/postgres/pg-test-support.js';
import type { Store } from '../storage/store.js';
import { openSharing, type OpenSharingOptions, type SharingContext } from './sharing-context.js';
import { identityStixId } from './stix/producer-identity.js';
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
  /** What `--db` names: the SQLite file, or the PostgreSQL URL (with its throwaway `?schema=`). */
  dbPath: string;
  /** The instance's composition root: one database for the store, the sharing tables and the write services. */
  vigil: Vigil;
  store: Store;
  sharing: SharingContext;
  /** The audited write services on the same database. */
  writes: WriteServices;
  close(): Promise<void>;
}

const testPack = () => (loadedPack ??= loadPack(DEFAULT_PACK));
let loadedPack: LoadedPack | undefined;

/** A TestInstance on an existing database (a SQLite file or a PostgreSQL URL); `discard` runs after it is closed. */
export async function openTestInstance(
  dbPath: string,
  options: {
    now?: string;
    name?: string;
    dir?: string;
    database?: DatabaseOptions;
    discard?: () => Promise<void>;
  } = {},
): Promise<TestInstance> {
  const now = options.now ?? '2026-01-01T00:00:00.000Z';
  let vigil: Vigil | undefined;
  const close = async () => {
    await vigil?.close();
    await options.discard?.();
  };
  try {
    const database = { max: 2, ...options.database };
    vigil = await openVigil({ databaseUrl: dbPath, pack: testPack(), database }, () => new Date(now));
    const sharing = await vigil.sharing(options.name === undefined ? undefined : `Org ${options.name}`);
    return { dir: options.dir ?? '', dbPath, vigil, store: vigil.store, sharing, writes: vigil.writes, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A Vigil instance in a fresh temp directory: a migrated SQLite database with its sharing tables. */
export async function createTestInstance(
  name: string,
  now = '2026-01-01T00:00:00.000Z',
  database?: DatabaseOptions,
): Promise<TestInstance> {
  const dir = mkdtempSync(join(tmpdir(), `vigil-sharing-${name}-`));
  const discard = async () => rmSync(dir, { recursive: true, force: true });
  return openTestInstance(join(dir, 'vigil.db'), { now, name, dir, database, discard });
}

/** The same on PostgreSQL: every table in one new schema, dropped on close (check pgSkipReason first). */
export async function createPgTestInstance(name: string, now = '2026-01-01T00:00:00.000Z'): Promise<TestInstance> {
  const dir = mkdtempSync(join(tmpdir(), `vigil-sharing-${name}-`));
  const schema = freshSchemaName('vigil_sharing_test');
  const discard = async () => {
    await dropSchema(schema);
    rmSync(dir, { recursive: true, force: true });
  };
  return openTestInstance(schemaUrl(schema), { now, name, dir, discard });
}

/** What the importers need from an instance: its store, ledger and audited writes, acting as `actor`. */
export function importTargets(instance: TestInstance, actor = 'cli:test', action = 'stix.import') {
  return {
    store: instance.store,
    ledger: instance.sharing.ledger,
    writes: instance.writes,
    actor,
    action,
    ownIdentityId: identityStixId(instance.sharing.keys.identity.publicKey),
  };
}

/** What a pull needs from an instance. */
export function pullDeps(instance: TestInstance, now: () => Date, actor = 'cli:test') {
  return {
    store: instance.store,
    ledger: instance.sharing.ledger,
    registry: instance.sharing.registry,
    now,
    writes: instance.writes,
    actor,
    ownIdentityId: identityStixId(instance.sharing.keys.identity.publicKey),
  };
}

/** What the publishers need from an instance. */
export function publishDeps(instance: TestInstance, now: string, actor = 'cli:test') {
  return {
    store: instance.store,
    ledger: instance.sharing.ledger,
    identity: instance.sharing.keys.identity,
    now,
    writes: instance.writes,
    actor,
  };
}

/** What the sharing contracts run on: one adapter's sharing tables in a fresh database. */
export interface SharingHarness {
  sharing: SharingContext;
  /** Opens the same database again, as another process would (migrating again); closed with the harness. */
  reopen(options: OpenSharingOptions): Promise<SharingContext>;
  /** A sharing table's rows as stored, to check what is (not) kept. */
  tableRows(table: string): Promise<Record<string, unknown>[]>;
  /** Closes everything opened and discards the database. */
  close(): Promise<void>;
}

/** Call inside a describe: opens a fresh harness per call; every harness opened in a test is closed after it. */
export function freshHarnesses(create: () => Promise<SharingHarness>): () => Promise<SharingHarness> {
  const open: SharingHarness[] = [];
  afterEach(async () => {
    for (const h of open.splice(0)) await h.close();
  });
  return async () => {
    const h = await create();
    open.push(h);
    return h;
  };
}

export const HARNESS_NOW = '2026-01-01T00:00:00.000Z';
export const HARNESS_ORG = 'Org contract';

async function harness(
  url: string,
  discard: () => Promise<void>,
  tableRows: SharingHarness['tableRows'],
): Promise<SharingHarness> {
  const open: SharingContext[] = [];
  const reopen = async (options: OpenSharingOptions) => {
    const ctx = await openSharing(url, options);
    open.push(ctx);
    return ctx;
  };
  const close = async () => {
    for (const ctx of open.splice(0)) await ctx.close();
    await discard();
  };
  try {
    return { sharing: await reopen({ now: HARNESS_NOW, orgName: HARNESS_ORG }), reopen, tableRows, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The SQLite adapters on a new file. */
export async function sqliteSharingHarness(): Promise<SharingHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-sharing-contract-'));
  const path = join(dir, 'vigil.db');
  return harness(
    path,
    async () => rmSync(dir, { recursive: true, force: true }),
    async (table) => {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
      } finally {
        db.close();
      }
    },
  );
}

/** The PostgreSQL adapters in a new schema, dropped on close (check pgSkipReason first). */
export async function pgSharingHarness(): Promise<SharingHarness> {
  const schema = freshSchemaName('vigil_sharing_test');
  const url = schemaUrl(schema);
  return harness(
    url,
    () => dropSchema(schema),
    async (table) => {
      const db = openDatabase(url, { max: 1 });
      try {
        return await db.rows<Record<string, unknown>>(`SELECT * FROM ${table}`);
      } finally {
        await db.close();
      }
    },
  );
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
    writes: instance.writes,
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
