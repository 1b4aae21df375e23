// What a dialect provides to the one Database object (create-database.ts): connections that run raw SQL and Kysely's
// compiled queries, transaction statements, its capability flags and its driver-error translation. The SQLite and
// PostgreSQL engines are the only files that know their driver.
import type { DatabaseConnection, DatabaseIntrospector, DialectAdapter, Kysely, QueryCompiler } from 'kysely';
import type { VigilError } from '../../errors/index.js';
import type { Capabilities, Connection, DialectName } from './database.js';

/** A connection both Kysely and the families' raw SQL use. */
export interface EngineConnection extends Connection, DatabaseConnection {}

export interface Engine {
  readonly dialect: DialectName;
  readonly capabilities: Capabilities;
  readonly label: string;
  readonly namespace: string;
  placeholder(index: number): string;
  /** Checks a connection out (SQLite: waits for the one connection; PostgreSQL: from the pool). */
  acquire(): Promise<EngineConnection>;
  /** Returns it; `broken` (a failed ROLLBACK) destroys it instead of reusing it. */
  release(conn: EngineConnection, broken?: Error): void;
  begin(conn: EngineConnection): Promise<void>;
  commit(conn: EngineConnection): Promise<void>;
  rollback(conn: EngineConnection): Promise<void>;
  /** First thing inside the migration transaction: serialise migrating processes, create the schema if named. */
  beginMigration(conn: EngineConnection): Promise<void>;
  /** After migrations: forget per-session state that depends on the tables (PostgreSQL's COPY staging tables). */
  afterMigration(): void;
  /** Any error → a registry error naming the database; `context` prefixes messages about bad data. */
  translate(error: unknown, context?: string): VigilError;
  /** Connections open now. */
  connectionCount(): number;
  kyselyAdapter(): DialectAdapter;
  kyselyCompiler(): QueryCompiler;
  kyselyIntrospector(db: Kysely<unknown>): DatabaseIntrospector;
  close(): Promise<void>;
}
