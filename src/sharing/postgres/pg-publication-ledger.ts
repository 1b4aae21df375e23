// The publication ledger in PostgreSQL: the SQLite ledger's SQL in $n form, TLP part of every query's WHERE clause.
// Appends take a transaction-scoped advisory lock held to COMMIT, so seq order is commit order: a TAXII reader paging
// by seq (the `next` cursor) can never see seq 20 committed while seq 19 is still to come.
import { tlpRank, type Tlp } from '../../model/index.js';
import type { PgClient } from '../../storage/postgres/pg-driver.js';
import type { PgDatabase } from '../../storage/postgres/pg-database.js';
import { nextVersion } from '../ledger/ledger-versions.js';
import { OWN_ORIGIN, type LedgerEntry, type LedgerKind, type LedgerQuery, type PublicationLedger } from '../ledger/publication-ledger.js';
import { stixVersion, type StixObject } from '../stix/stix-types.js';

interface Row {
  seq: string; kind: LedgerKind; tlp: Tlp; origin: string; date_added: string; body: string;
}

const COLUMNS = 'seq, kind, tlp, origin, date_added, body';

const toEntry = (r: Row): LedgerEntry => ({
  seq: Number(r.seq), kind: r.kind, tlp: r.tlp, origin: r.origin, dateAdded: r.date_added, object: JSON.parse(r.body) as StixObject,
});

export function createPgPublicationLedger(db: PgDatabase): PublicationLedger {
  const lockKey = `vigil.sharing.ledger.${db.location.schema ?? ''}`;

  /** Serialises appends until COMMIT (see the header); also makes publish's read-then-insert atomic. */
  const lock = (client: PgClient) => client.query({ text: 'SELECT pg_advisory_xact_lock(hashtext($1))', values: [lockKey] });

  // Under the append lock, date_added never goes back: a writer whose clock lags another's stamps its rows with the
  // newest date_added already committed, so `added_after` paging follows commit order as `next` does.
  const insert = async (client: PgClient, object: StixObject, kind: LedgerKind, tlp: Tlp, origin: string, now: string): Promise<number> =>
    (await client.query({
      text: `INSERT INTO sharing_objects (stix_id, type, kind, version, tlp, tlp_rank, origin, date_added, body)
        VALUES ($1, $2, $3, $4, $5, $6, $7, GREATEST($8::text COLLATE "C", (SELECT MAX(date_added) FROM sharing_objects)), $9)
        ON CONFLICT (stix_id, version, origin) DO NOTHING`,
      values: [object.id, object.type, kind, stixVersion(object) ?? now, tlp, tlpRank(tlp), origin, now, JSON.stringify(object)],
    })).rowCount ?? 0;

  return {
    async publish(object, kind, tlp, now) {
      return db.transaction(async (client) => {
        await lock(client);
        const [previous] = (await client.query<Row>({
          text: `SELECT ${COLUMNS} FROM sharing_objects WHERE stix_id = $1 AND origin = $2 ORDER BY version DESC LIMIT 1`,
          values: [object.id, OWN_ORIGIN],
        })).rows;
        if (previous === undefined) return { added: (await insert(client, object, kind, tlp, OWN_ORIGIN, now)) > 0, object };
        const next = nextVersion(toEntry(previous), object, tlp, now);
        if (!next.changed) return { added: false, object: next.object };
        return { added: (await insert(client, next.object, kind, tlp, OWN_ORIGIN, now)) > 0, object: next.object };
      });
    },
    async keepReceived(items, origin, now) {
      if (items.length === 0) return 0;
      return db.transaction(async (client) => {
        await lock(client);
        let added = 0;
        for (const i of items) added += await insert(client, i.object, i.kind, i.tlp, origin, now);
        return added;
      });
    },
    async query(q: LedgerQuery) {
      if (q.kinds.length === 0 || (q.ids !== undefined && q.ids.length === 0) || (q.types !== undefined && q.types.length === 0)) return [];
      const values: unknown[] = [];
      const param = (value: unknown) => {
        values.push(value);
        return `$${values.length}`;
      };
      const own = param(OWN_ORIGIN);
      const rank = param(tlpRank(q.tlpMax));
      const where = [`p.origin = ${own}`, `p.tlp_rank <= ${rank}`, `p.kind = ANY(${param(q.kinds)}::text[])`, `p.seq > ${param(q.afterSeq ?? 0)}`];
      if (q.addedAfter !== undefined) where.push(`p.date_added > ${param(q.addedAfter)}`);
      if (q.ids !== undefined) where.push(`p.stix_id = ANY(${param(q.ids)}::text[])`);
      if (q.types !== undefined) where.push(`p.type = ANY(${param(q.types)}::text[])`);
      const rival = (cmp: '>' | '<') =>
        `NOT EXISTS (SELECT 1 FROM sharing_objects n WHERE n.stix_id = p.stix_id AND n.origin = ${own} AND n.tlp_rank <= ${rank} AND n.version ${cmp} p.version)`;
      if (!q.versions.all) {
        const alternatives: string[] = [];
        if (q.versions.last) alternatives.push(rival('>'));
        if (q.versions.first) alternatives.push(rival('<'));
        if (q.versions.at.length > 0) alternatives.push(`p.version = ANY(${param(q.versions.at)}::text[])`);
        if (alternatives.length === 0) return [];
        where.push(`(${alternatives.join(' OR ')})`);
      }
      let sql = `SELECT ${COLUMNS.split(', ').map((c) => `p.${c}`).join(', ')} FROM sharing_objects p WHERE ${where.join(' AND ')} ORDER BY p.seq`;
      if (q.limit !== undefined) sql += ` LIMIT ${param(q.limit)}`;
      return (await db.rows<Row>(sql, values)).map(toEntry);
    },
    async received(origin, limit = 100) {
      return (await db.rows<Row>(`SELECT ${COLUMNS} FROM sharing_objects WHERE origin = $1 ORDER BY seq DESC LIMIT $2`, [origin, limit])).map(toEntry);
    },
  };
}
