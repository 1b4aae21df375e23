// Where the kill, soak and outage parts keep their data: a SQLite file, or with --scale a throwaway PostgreSQL schema
// and a NATS namespace (`vigil serve --bus nats://…`), dropped afterwards.
import { join } from 'node:path';
import { deleteNamespace, freshNamespace, namespaceUrl } from '../../bus/nats/nats-test-support.js';
import { dropSchema, freshSchemaName, schemaUrl } from '../../storage/postgres/pg-test-support.js';
import type { BenchOptions } from '../bench-types.js';

export interface ReliabilityDb {
  url: string;
  /** Extra `vigil serve` arguments (the bus). */
  args: string[];
  drop(): Promise<void>;
}

export async function reliabilityDb(options: BenchOptions, dir: string, name: string): Promise<ReliabilityDb> {
  if (!options.scale) return { url: join(dir, `${name}.db`), args: [], drop: async () => {} };
  const schema = freshSchemaName(`vigil_rel_${name}`);
  const namespace = freshNamespace(`vigil_rel_${name}`);
  return {
    url: schemaUrl(schema),
    args: ['--bus', namespaceUrl(namespace)],
    async drop() {
      await dropSchema(schema);
      await deleteNamespace(namespace).catch(() => {});
    },
  };
}
