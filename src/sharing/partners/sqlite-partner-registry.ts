// The partner registry in the sharing tables of the main SQLite database.
import type { Tlp } from '../../model/index.js';
import type { SqliteDatabase } from '../../storage/sqlite/sqlite-driver.js';
import { checkAlias, checkSeriesPatterns, collectionId, type Collection } from './collections.js';
import type { NewPartner, Partner, PartnerRegistry, PartnerUpdate } from './partner-registry.js';
import { hashPartnerToken, looksLikePartnerToken, newPartnerToken } from './partner-token.js';
import { checkPartnerName, checkTlp, collectionExists, noSuchCollection, noSuchPartner, partnerExists } from './registry-checks.js';

interface CollectionRow {
  id: string; alias: string; title: string; description: string; series: string; assessments: number; alerts: number; tlp_max: string;
}

interface PartnerRow {
  name: string; tlp_max: string; can_write: number; public_key: string | null; require_signatures: number; remote_url: string | null;
  remote_token: string | null; remote_collection: string | null; pull_added_after: string | null; last_pull_at: string | null; created_at: string;
}

export function createSqlitePartnerRegistry(db: SqliteDatabase): PartnerRegistry {
  const toCollection = (r: CollectionRow): Collection => ({
    id: r.id, alias: r.alias, title: r.title, description: r.description, series: JSON.parse(r.series) as string[],
    assessments: r.assessments === 1, alerts: r.alerts === 1, tlpMax: r.tlp_max as Tlp,
  });
  const collectionsOf = (name: string): string[] =>
    (db.prepare('SELECT collection_id FROM sharing_partner_collections WHERE partner = ? ORDER BY collection_id').all(name) as { collection_id: string }[])
      .map((r) => r.collection_id);
  const toPartner = (r: PartnerRow): Partner => ({
    name: r.name,
    tlpMax: r.tlp_max as Tlp,
    collections: collectionsOf(r.name),
    canWrite: r.can_write === 1,
    publicKey: r.public_key ?? undefined,
    requireSignatures: r.require_signatures === 1,
    remote: r.remote_url !== null && r.remote_token !== null && r.remote_collection !== null
      ? { url: r.remote_url, token: r.remote_token, collection: r.remote_collection } : undefined,
    pullAddedAfter: r.pull_added_after ?? undefined,
    lastPullAt: r.last_pull_at ?? undefined,
    createdAt: r.created_at,
  });
  const findCollection = (idOrAlias: string): Collection | undefined => {
    const row = db.prepare('SELECT * FROM sharing_collections WHERE id = ? OR alias = ?').get(idOrAlias, idOrAlias) as CollectionRow | undefined;
    return row && toCollection(row);
  };
  const findPartner = (name: string): Partner | undefined => {
    const row = db.prepare('SELECT * FROM sharing_partners WHERE name = ?').get(name) as PartnerRow | undefined;
    return row && toPartner(row);
  };
  const requirePartner = (name: string): Partner => {
    const p = findPartner(name);
    if (!p) throw noSuchPartner(name);
    return p;
  };
  const resolveCollections = (list: readonly string[]): string[] =>
    [...new Set(list.map((c) => {
      const found = findCollection(c);
      if (!found) throw noSuchCollection(c, true);
      return found.id;
    }))];
  const setCollections = (name: string, ids: readonly string[]) => {
    db.prepare('DELETE FROM sharing_partner_collections WHERE partner = ?').run(name);
    const insert = db.prepare('INSERT INTO sharing_partner_collections (partner, collection_id) VALUES (?, ?)');
    for (const id of ids) insert.run(name, id);
  };

  return {
    async listCollections() {
      return (db.prepare('SELECT * FROM sharing_collections ORDER BY alias').all() as CollectionRow[]).map(toCollection);
    },
    async getCollection(idOrAlias) {
      return findCollection(idOrAlias);
    },
    async addCollection(c, now) {
      const alias = checkAlias(c.alias);
      const series = checkSeriesPatterns(c.series);
      if (findCollection(alias)) throw collectionExists(alias);
      const id = collectionId(alias);
      db.prepare('INSERT INTO sharing_collections (id, alias, title, description, series, assessments, alerts, tlp_max, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, alias, c.title, c.description, JSON.stringify(series), Number(c.assessments), Number(c.alerts), checkTlp(c.tlpMax), now);
      return findCollection(id)!;
    },
    async removeCollection(idOrAlias) {
      const c = findCollection(idOrAlias);
      if (!c) throw noSuchCollection(idOrAlias);
      db.prepare('DELETE FROM sharing_collections WHERE id = ?').run(c.id);
    },
    async listPartners() {
      return (db.prepare('SELECT * FROM sharing_partners ORDER BY name').all() as PartnerRow[]).map(toPartner);
    },
    async getPartner(name) {
      return findPartner(name);
    },
    async addPartner(p: NewPartner, now) {
      checkPartnerName(p.name);
      if (findPartner(p.name)) throw partnerExists(p.name);
      const token = newPartnerToken();
      const collections = resolveCollections(p.collections);
      db.transaction(() => {
        db.prepare(`INSERT INTO sharing_partners (name, tlp_max, can_write, token_hash, public_key, require_signatures, remote_url, remote_token,
          remote_collection, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(p.name, checkTlp(p.tlpMax), Number(p.canWrite ?? false), hashPartnerToken(token), p.publicKey ?? null, Number(p.requireSignatures ?? false),
            p.remote?.url ?? null, p.remote?.token ?? null, p.remote?.collection ?? null, now);
        setCollections(p.name, collections);
      }).immediate();
      return { partner: requirePartner(p.name), token };
    },
    async updatePartner(name, u: PartnerUpdate) {
      const current = requirePartner(name);
      const collections = u.collections === undefined ? undefined : resolveCollections(u.collections);
      const remote = u.remote ?? current.remote;
      db.transaction(() => {
        db.prepare(`UPDATE sharing_partners SET tlp_max = ?, can_write = ?, public_key = ?, require_signatures = ?, remote_url = ?, remote_token = ?,
          remote_collection = ? WHERE name = ?`)
          .run(checkTlp(u.tlpMax ?? current.tlpMax), Number(u.canWrite ?? current.canWrite), u.publicKey ?? current.publicKey ?? null,
            Number(u.requireSignatures ?? current.requireSignatures), remote?.url ?? null, remote?.token ?? null, remote?.collection ?? null, name);
        if (collections !== undefined) setCollections(name, collections);
      }).immediate();
      return requirePartner(name);
    },
    async removePartner(name) {
      requirePartner(name);
      db.prepare('DELETE FROM sharing_partners WHERE name = ?').run(name);
    },
    async rotateToken(name) {
      requirePartner(name);
      const token = newPartnerToken();
      db.prepare('UPDATE sharing_partners SET token_hash = ? WHERE name = ?').run(hashPartnerToken(token), name);
      return token;
    },
    async partnerForToken(token) {
      if (!looksLikePartnerToken(token)) return undefined;
      const row = db.prepare('SELECT * FROM sharing_partners WHERE token_hash = ?').get(hashPartnerToken(token)) as PartnerRow | undefined;
      return row && toPartner(row);
    },
    async recordPull(name, addedAfter, at) {
      db.prepare('UPDATE sharing_partners SET pull_added_after = COALESCE(?, pull_added_after), last_pull_at = ? WHERE name = ?').run(addedAfter ?? null, at, name);
    },
  };
}
