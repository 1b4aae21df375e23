// The publication ledger written once against the database layer; TLP is part of every query's WHERE clause. Appends
// are serialised until COMMIT (the layer's write lock), so seq order is commit order: a TAXII reader paging by seq
// (the `next` cursor) never sees seq 20 committed while seq 19 is still to come. Under that lock date_added never goes
// back either: a writer whose clock lags another's stamps its rows with the newest date_added already committed, so
// `added_after` paging follows commit order as `next` does.
import type { Kysely } from 'kysely';
import { tlpRank, type Tlp } from '../../model/index.js';
import type { Database } from '../../storage/database/database.js';
import { nextVersion } from '../ledger/ledger-versions.js';
import { OWN_ORIGIN, type LedgerKind, type LedgerQuery, type PublicationLedger } from '../ledger/publication-ledger.js';
import { stixVersion, type StixObject } from '../stix/stix-types.js';
import { LEDGER_COLUMNS, rowToEntry, type SharingTables } from './sharing-tables.js';

type Db = Kysely<SharingTables>;

export function createPublicationLedger(db: Database): PublicationLedger {
  const k = () => db.kysely as Db;
  // Per schema, so two PostgreSQL schemas never block each other.
  const appendLock = `vigil.sharing.ledger.${db.namespace}`;

  /** Runs `work` in one transaction holding the append lock, with the date_added its rows get. */
  const append = <T>(now: string, work: (dateAdded: string) => Promise<T>): Promise<T> =>
    db.transaction(async (conn) => {
      await conn.lockWrites(appendLock);
      const latest = await k()
        .selectFrom('sharing_objects')
        .select((eb) => eb.fn.max('date_added').as('latest'))
        .executeTakeFirst();
      const newest = latest?.latest ?? null;
      return work(newest !== null && newest > now ? newest : now);
    });

  const insert = async (
    object: StixObject,
    kind: LedgerKind,
    tlp: Tlp,
    origin: string,
    now: string,
    dateAdded: string,
  ): Promise<boolean> => {
    const result = await k()
      .insertInto('sharing_objects')
      .values({
        stix_id: object.id,
        type: object.type,
        kind,
        version: stixVersion(object) ?? now,
        tlp,
        tlp_rank: tlpRank(tlp),
        origin,
        date_added: dateAdded,
        body: JSON.stringify(object),
      })
      .onConflict((oc) => oc.columns(['stix_id', 'version', 'origin']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  };

  return {
    publish: (object, kind, tlp, now) =>
      append(now, async (dateAdded) => {
        const previous = await k()
          .selectFrom('sharing_objects')
          .select(LEDGER_COLUMNS)
          .where('stix_id', '=', object.id)
          .where('origin', '=', OWN_ORIGIN)
          .orderBy('version', 'desc')
          .limit(1)
          .executeTakeFirst();
        if (previous === undefined)
          return { added: await insert(object, kind, tlp, OWN_ORIGIN, now, dateAdded), object };
        const next = nextVersion(rowToEntry(previous), object, tlp, now);
        if (!next.changed) return { added: false, object: next.object };
        return { added: await insert(next.object, kind, tlp, OWN_ORIGIN, now, dateAdded), object: next.object };
      }),

    async keepReceived(items, origin, now) {
      if (items.length === 0) return 0;
      return append(now, async (dateAdded) => {
        let added = 0;
        for (const i of items) if (await insert(i.object, i.kind, i.tlp, origin, now, dateAdded)) added++;
        return added;
      });
    },

    async query(q: LedgerQuery) {
      if (
        q.kinds.length === 0 ||
        (q.ids !== undefined && q.ids.length === 0) ||
        (q.types !== undefined && q.types.length === 0)
      )
        return [];
      const rank = tlpRank(q.tlpMax);
      const { versions } = q;
      if (!versions.all && !versions.last && !versions.first && versions.at.length === 0) return [];
      let query = k()
        .selectFrom('sharing_objects as p')
        .select(LEDGER_COLUMNS.map((c) => `p.${c}` as const))
        .where('p.origin', '=', OWN_ORIGIN)
        .where('p.tlp_rank', '<=', rank)
        .where('p.kind', 'in', [...q.kinds])
        .where('p.seq', '>', q.afterSeq ?? 0);
      if (q.addedAfter !== undefined) query = query.where('p.date_added', '>', q.addedAfter);
      if (q.ids !== undefined) query = query.where('p.stix_id', 'in', [...q.ids]);
      if (q.types !== undefined) query = query.where('p.type', 'in', [...q.types]);
      if (!versions.all) {
        query = query.where((eb) => {
          // No version of the same object, visible under the ceiling, is later (last) or earlier (first) than this one.
          const noRival = (cmp: '>' | '<') =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom('sharing_objects as n')
                  .select(eb.lit(1).as('one'))
                  .whereRef('n.stix_id', '=', 'p.stix_id')
                  .where('n.origin', '=', OWN_ORIGIN)
                  .where('n.tlp_rank', '<=', rank)
                  .whereRef('n.version', cmp, 'p.version'),
              ),
            );
          const alternatives = [];
          if (versions.last) alternatives.push(noRival('>'));
          if (versions.first) alternatives.push(noRival('<'));
          if (versions.at.length > 0) alternatives.push(eb('p.version', 'in', [...versions.at]));
          return eb.or(alternatives);
        });
      }
      query = query.orderBy('p.seq');
      if (q.limit !== undefined) query = query.limit(q.limit);
      return (await query.execute()).map(rowToEntry);
    },

    async received(origin, limit = 100) {
      return (
        await k()
          .selectFrom('sharing_objects')
          .select(LEDGER_COLUMNS)
          .where('origin', '=', origin)
          .orderBy('seq', 'desc')
          .limit(limit)
          .execute()
      ).map(rowToEntry);
    },
  };
}
