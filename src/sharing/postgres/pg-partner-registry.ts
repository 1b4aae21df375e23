// The partner registry in PostgreSQL: the same tables and checks as the SQLite registry; a partner's grants come with
// it in one query (partnerForToken runs on every TAXII request).
import type { Tlp } from '../../model/index.js';
import type { PgClient } from '../../storage/postgres/pg-driver.js';
import type { PgDatabase } from '../../storage/postgres/pg-database.js';
import { checkAlias, checkSeriesPatterns, collectionId, type Collection } from '../partners/collections.js';
import type { NewPartner, Partner, PartnerRegistry, PartnerUpdate } from '../partners/partner-registry.js';
import { hashPartnerToken, looksLikePartnerToken, newPartnerToken } from '../partners/partner-token.js';
import { checkPartnerName, checkTlp, collectionExists, noSuchCollection, noSuchPartner, partnerExists } from '../partners/registry-checks.js';

interface CollectionRow {
  id: string; alias: string; title: string; description: string; series: string; assessments: boolean; alerts: boolean; tlp_max: Tlp;
}

interface PartnerRow {
  name: string; tlp_max: Tlp; can_write: boolean; public_key: string | null; require_signatures: boolean; remote_url: string | null;
  remote_token: string | null; remote_collection: string | null; pull_added_after: string | null; last_pull_at: string | null; created_at: string;
  collections: string[];
}

const PARTNER_SELECT = `SELECT p.name, p.tlp_max, p.can_write, p.public_key, p.require_signatures, p.remote_url, p.remote_token,
  p.remote_collection, p.pull_added_after, p.last_pull_at, p.created_at,
  ARRAY(SELECT g.collection_id FROM sharing_partner_collections g WHERE g.partner = p.name ORDER BY g.collection_id) AS collections
  FROM sharing_partners p`;

const toCollection = (r: CollectionRow): Collection => ({
  id: r.id, alias: r.alias, title: r.title, description: r.description, series: JSON.parse(r.series) as string[],
  assessments: r.assessments, alerts: r.alerts, tlpMax: r.tlp_max,
});

const toPartner = (r: PartnerRow): Partner => ({
  name: r.name,
  tlpMax: r.tlp_max,
  collections: r.collections,
  canWrite: r.can_write,
  publicKey: r.public_key ?? undefined,
  requireSignatures: r.require_signatures,
  remote: r.remote_url !== null && r.remote_token !== null && r.remote_collection !== null
    ? { url: r.remote_url, token: r.remote_token, collection: r.remote_collection } : undefined,
  pullAddedAfter: r.pull_added_after ?? undefined,
  lastPullAt: r.last_pull_at ?? undefined,
  createdAt: r.created_at,
});

export function createPgPartnerRegistry(db: PgDatabase): PartnerRegistry {
  const findCollection = async (idOrAlias: string): Promise<Collection | undefined> =>
    (await db.rows<CollectionRow>('SELECT * FROM sharing_collections WHERE id = $1 OR alias = $1', [idOrAlias])).map(toCollection)[0];
  const findPartner = async (name: string): Promise<Partner | undefined> =>
    (await db.rows<PartnerRow>(`${PARTNER_SELECT} WHERE p.name = $1`, [name])).map(toPartner)[0];
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
  const setCollections = async (client: PgClient, name: string, ids: readonly string[]) => {
    await client.query({ text: 'DELETE FROM sharing_partner_collections WHERE partner = $1', values: [name] });
    if (ids.length === 0) return;
    await client.query({ text: 'INSERT INTO sharing_partner_collections (partner, collection_id) SELECT $1, unnest($2::text[])', values: [name, ids] });
  };

  return {
    async listCollections() {
      return (await db.rows<CollectionRow>('SELECT * FROM sharing_collections ORDER BY alias')).map(toCollection);
    },
    getCollection: findCollection,
    async addCollection(c, now) {
      const alias = checkAlias(c.alias);
      const series = checkSeriesPatterns(c.series);
      if (await findCollection(alias)) throw collectionExists(alias);
      const id = collectionId(alias);
      const added = await db.execute(
        `INSERT INTO sharing_collections (id, alias, title, description, series, assessments, alerts, tlp_max, created_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
        [id, alias, c.title, c.description, JSON.stringify(series), Boolean(c.assessments), Boolean(c.alerts), checkTlp(c.tlpMax), now],
      );
      if (added === 0) throw collectionExists(alias);
      return (await findCollection(id))!;
    },
    async removeCollection(idOrAlias) {
      const c = await findCollection(idOrAlias);
      if (!c) throw noSuchCollection(idOrAlias);
      await db.execute('DELETE FROM sharing_collections WHERE id = $1', [c.id]);
    },
    async listPartners() {
      return (await db.rows<PartnerRow>(`${PARTNER_SELECT} ORDER BY p.name`)).map(toPartner);
    },
    getPartner: findPartner,
    async addPartner(p: NewPartner, now) {
      checkPartnerName(p.name);
      if (await findPartner(p.name)) throw partnerExists(p.name);
      const token = newPartnerToken();
      const collections = await resolveCollections(p.collections);
      await db.transaction(async (client) => {
        const inserted = await client.query({
          text: `INSERT INTO sharing_partners (name, tlp_max, can_write, token_hash, public_key, require_signatures, remote_url, remote_token,
            remote_collection, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (name) DO NOTHING`,
          values: [p.name, checkTlp(p.tlpMax), p.canWrite ?? false, hashPartnerToken(token), p.publicKey ?? null, p.requireSignatures ?? false,
            p.remote?.url ?? null, p.remote?.token ?? null, p.remote?.collection ?? null, now],
        });
        // Another process added the same name since the check above.
        if (inserted.rowCount === 0) throw partnerExists(p.name);
        await setCollections(client, p.name, collections);
      });
      return { partner: await requirePartner(p.name), token };
    },
    async updatePartner(name, u: PartnerUpdate) {
      const current = await requirePartner(name);
      const collections = u.collections === undefined ? undefined : await resolveCollections(u.collections);
      const remote = u.remote ?? current.remote;
      await db.transaction(async (client) => {
        const updated = await client.query({
          text: `UPDATE sharing_partners SET tlp_max = $1, can_write = $2, public_key = $3, require_signatures = $4, remote_url = $5, remote_token = $6,
            remote_collection = $7 WHERE name = $8`,
          values: [checkTlp(u.tlpMax ?? current.tlpMax), u.canWrite ?? current.canWrite, u.publicKey ?? current.publicKey ?? null,
            u.requireSignatures ?? current.requireSignatures, remote?.url ?? null, remote?.token ?? null, remote?.collection ?? null, name],
        });
        if (updated.rowCount === 0) throw noSuchPartner(name);
        if (collections !== undefined) await setCollections(client, name, collections);
      });
      return requirePartner(name);
    },
    async removePartner(name) {
      if ((await db.execute('DELETE FROM sharing_partners WHERE name = $1', [name])) === 0) throw noSuchPartner(name);
    },
    async rotateToken(name) {
      const token = newPartnerToken();
      if ((await db.execute('UPDATE sharing_partners SET token_hash = $1 WHERE name = $2', [hashPartnerToken(token), name])) === 0) throw noSuchPartner(name);
      return token;
    },
    async partnerForToken(token) {
      if (!looksLikePartnerToken(token)) return undefined;
      return (await db.rows<PartnerRow>(`${PARTNER_SELECT} WHERE p.token_hash = $1`, [hashPartnerToken(token)])).map(toPartner)[0];
    },
    async recordPull(name, addedAfter, at) {
      await db.execute('UPDATE sharing_partners SET pull_added_after = COALESCE($1, pull_added_after), last_pull_at = $2 WHERE name = $3', [addedAfter ?? null, at, name]);
    },
  };
}
