// The partner registry written once against the database layer: partners with their grants, collections, hashed
// tokens. partnerForToken runs on every TAXII request: two indexed lookups (the token's partner, its grants).
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/database/database.js';
import { checkAlias, checkSeriesPatterns, collectionId, type Collection } from '../partners/collections.js';
import type { NewPartner, Partner, PartnerRegistry, PartnerUpdate } from '../partners/partner-registry.js';
import { hashPartnerToken, looksLikePartnerToken, newPartnerToken } from '../partners/partner-token.js';
import {
  checkPartnerName,
  checkTlp,
  collectionExists,
  noSuchCollection,
  noSuchPartner,
  partnerExists,
} from '../partners/registry-checks.js';
import { rowToCollection, rowToPartner, type PartnerRow, type SharingTables } from './sharing-tables.js';

type Db = Kysely<SharingTables>;

const changed = (result: { numInsertedOrUpdatedRows?: bigint; numUpdatedRows?: bigint; numDeletedRows?: bigint }) =>
  Number(result.numInsertedOrUpdatedRows ?? result.numUpdatedRows ?? result.numDeletedRows ?? 0);

export function createPartnerRegistry(db: Database): PartnerRegistry {
  const k = () => db.kysely as Db;

  const findCollection = async (idOrAlias: string): Promise<Collection | undefined> => {
    const row = await k()
      .selectFrom('sharing_collections')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', idOrAlias), eb('alias', '=', idOrAlias)]))
      .executeTakeFirst();
    return row && rowToCollection(row);
  };
  /** The partners of `rows` with their grants, in the rows' order. */
  const withGrants = async (rows: PartnerRow[]): Promise<Partner[]> => {
    if (rows.length === 0) return [];
    const grants = await k()
      .selectFrom('sharing_partner_collections')
      .select(['partner', 'collection_id'])
      .where(
        'partner',
        'in',
        rows.map((r) => r.name),
      )
      .orderBy('collection_id')
      .execute();
    return rows.map((r) =>
      rowToPartner(
        r,
        grants.filter((g) => g.partner === r.name).map((g) => g.collection_id),
      ),
    );
  };
  const findPartner = async (name: string): Promise<Partner | undefined> =>
    (await withGrants(await k().selectFrom('sharing_partners').selectAll().where('name', '=', name).execute()))[0];
  const requirePartner = async (name: string): Promise<Partner> => {
    const p = await findPartner(name);
    if (!p) throw noSuchPartner(name);
    return p;
  };
  const resolveCollections = async (list: readonly string[]): Promise<string[]> => {
    const ids: string[] = [];
    for (const c of list) {
      const found = await findCollection(c);
      if (!found) throw noSuchCollection(c, true);
      ids.push(found.id);
    }
    return [...new Set(ids)];
  };
  const setCollections = async (name: string, ids: readonly string[]) => {
    await k().deleteFrom('sharing_partner_collections').where('partner', '=', name).execute();
    if (ids.length > 0)
      await k()
        .insertInto('sharing_partner_collections')
        .values(ids.map((id) => ({ partner: name, collection_id: id })))
        .execute();
  };

  return {
    async listCollections() {
      return (await k().selectFrom('sharing_collections').selectAll().orderBy('alias').execute()).map(rowToCollection);
    },
    getCollection: findCollection,
    async addCollection(c, now) {
      const alias = checkAlias(c.alias);
      const series = checkSeriesPatterns(c.series);
      if (await findCollection(alias)) throw collectionExists(alias);
      const id = collectionId(alias);
      const added = await k()
        .insertInto('sharing_collections')
        .values({
          id,
          alias,
          title: c.title,
          description: c.description,
          series: JSON.stringify(series),
          assessments: Number(c.assessments),
          alerts: Number(c.alerts),
          tlp_max: checkTlp(c.tlpMax),
          created_at: now,
        })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      // Another process added the same alias since the check above.
      if (changed(added) === 0) throw collectionExists(alias);
      return (await findCollection(id))!;
    },
    async removeCollection(idOrAlias) {
      const c = await findCollection(idOrAlias);
      if (!c) throw noSuchCollection(idOrAlias);
      await k().deleteFrom('sharing_collections').where('id', '=', c.id).execute();
    },
    async listPartners() {
      return withGrants(await k().selectFrom('sharing_partners').selectAll().orderBy('name').execute());
    },
    getPartner: findPartner,
    async addPartner(p: NewPartner, now) {
      checkPartnerName(p.name);
      if (await findPartner(p.name)) throw partnerExists(p.name);
      const token = newPartnerToken();
      const collections = await resolveCollections(p.collections);
      await db.transaction(async () => {
        const inserted = await k()
          .insertInto('sharing_partners')
          .values({
            name: p.name,
            tlp_max: checkTlp(p.tlpMax),
            can_write: Number(p.canWrite ?? false),
            token_hash: hashPartnerToken(token),
            public_key: p.publicKey ?? null,
            require_signatures: Number(p.requireSignatures ?? false),
            remote_url: p.remote?.url ?? null,
            remote_token: p.remote?.token ?? null,
            remote_collection: p.remote?.collection ?? null,
            created_at: now,
          })
          .onConflict((oc) => oc.column('name').doNothing())
          .executeTakeFirst();
        // Another process added the same name since the check above.
        if (changed(inserted) === 0) throw partnerExists(p.name);
        await setCollections(p.name, collections);
      });
      return { partner: await requirePartner(p.name), token };
    },
    async updatePartner(name, u: PartnerUpdate) {
      const current = await requirePartner(name);
      const collections = u.collections === undefined ? undefined : await resolveCollections(u.collections);
      const remote = u.remote ?? current.remote;
      await db.transaction(async () => {
        const updated = await k()
          .updateTable('sharing_partners')
          .set({
            tlp_max: checkTlp(u.tlpMax ?? current.tlpMax),
            can_write: Number(u.canWrite ?? current.canWrite),
            public_key: u.publicKey ?? current.publicKey ?? null,
            require_signatures: Number(u.requireSignatures ?? current.requireSignatures),
            remote_url: remote?.url ?? null,
            remote_token: remote?.token ?? null,
            remote_collection: remote?.collection ?? null,
          })
          .where('name', '=', name)
          .executeTakeFirst();
        if (changed(updated) === 0) throw noSuchPartner(name);
        if (collections !== undefined) await setCollections(name, collections);
      });
      return requirePartner(name);
    },
    async removePartner(name) {
      if (changed(await k().deleteFrom('sharing_partners').where('name', '=', name).executeTakeFirst()) === 0)
        throw noSuchPartner(name);
    },
    async rotateToken(name) {
      const token = newPartnerToken();
      const updated = await k()
        .updateTable('sharing_partners')
        .set({ token_hash: hashPartnerToken(token) })
        .where('name', '=', name)
        .executeTakeFirst();
      if (changed(updated) === 0) throw noSuchPartner(name);
      return token;
    },
    async partnerForToken(token) {
      if (!looksLikePartnerToken(token)) return undefined;
      return (
        await withGrants(
          await k()
            .selectFrom('sharing_partners')
            .selectAll()
            .where('token_hash', '=', hashPartnerToken(token))
            .execute(),
        )
      )[0];
    },
    async recordPull(name, addedAfter, at) {
      await k()
        .updateTable('sharing_partners')
        .set((eb) => ({
          pull_added_after: eb.fn.coalesce(eb.val(addedAfter ?? null), 'pull_added_after'),
          last_pull_at: at,
        }))
        .where('name', '=', name)
        .execute();
    },
  };
}
