// The publication ledger in the sharing tables of the main SQLite database; TLP is part of every query's WHERE clause.
import { tlpRank, type Tlp } from '../../model/index.js';
import type { SqliteDatabase } from '../../storage/sqlite/sqlite-driver.js';
import { stixVersion, type StixObject } from '../stix/stix-types.js';
import { nextVersion } from './ledger-versions.js';
import { OWN_ORIGIN, type LedgerEntry, type LedgerKind, type LedgerQuery, type PublicationLedger } from './publication-ledger.js';

interface Row {
  seq: number; kind: LedgerKind; tlp: Tlp; origin: string; date_added: string; body: string;
}

const toEntry = (r: Row): LedgerEntry => ({ seq: r.seq, kind: r.kind, tlp: r.tlp, origin: r.origin, dateAdded: r.date_added, object: JSON.parse(r.body) as StixObject });

export function createSqlitePublicationLedger(db: SqliteDatabase): PublicationLedger {
  const insert = (object: StixObject, kind: LedgerKind, tlp: Tlp, origin: string, now: string) =>
    db.prepare(`INSERT INTO sharing_objects (stix_id, type, kind, version, tlp, tlp_rank, origin, date_added, body)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (stix_id, version, origin) DO NOTHING`)
      .run(object.id, object.type, kind, stixVersion(object) ?? now, tlp, tlpRank(tlp), origin, now, JSON.stringify(object)).changes;

  return {
    async publish(object, kind, tlp, now) {
      return db.transaction(() => {
        const previous = db.prepare(`SELECT seq, kind, tlp, origin, date_added, body FROM sharing_objects WHERE stix_id = ? AND origin = ?
          ORDER BY version DESC LIMIT 1`).get(object.id, OWN_ORIGIN) as Row | undefined;
        if (previous === undefined) return { added: insert(object, kind, tlp, OWN_ORIGIN, now) > 0, object };
        const next = nextVersion(toEntry(previous), object, tlp, now);
        if (!next.changed) return { added: false, object: next.object };
        return { added: insert(next.object, kind, tlp, OWN_ORIGIN, now) > 0, object: next.object };
      }).immediate();
    },
    async keepReceived(items, origin, now) {
      return db.transaction(() => items.reduce((n, i) => n + insert(i.object, i.kind, i.tlp, origin, now), 0)).immediate();
    },
    async query(q: LedgerQuery) {
      if (q.kinds.length === 0 || (q.ids !== undefined && q.ids.length === 0) || (q.types !== undefined && q.types.length === 0)) return [];
      const params: unknown[] = [OWN_ORIGIN, tlpRank(q.tlpMax), ...q.kinds, q.afterSeq ?? 0];
      const where = ['p.origin = ?', 'p.tlp_rank <= ?', `p.kind IN (${q.kinds.map(() => '?').join(', ')})`, 'p.seq > ?'];
      const inList = (column: string, values: readonly unknown[]) => {
        where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
        params.push(...values);
      };
      if (q.addedAfter !== undefined) {
        where.push('p.date_added > ?');
        params.push(q.addedAfter);
      }
      if (q.ids !== undefined) inList('p.stix_id', q.ids);
      if (q.types !== undefined) inList('p.type', q.types);
      const rival = (cmp: '>' | '<') => {
        params.push(OWN_ORIGIN, tlpRank(q.tlpMax));
        return `NOT EXISTS (SELECT 1 FROM sharing_objects n WHERE n.stix_id = p.stix_id AND n.origin = ? AND n.tlp_rank <= ? AND n.version ${cmp} p.version)`;
      };
      if (!q.versions.all) {
        const alternatives: string[] = [];
        if (q.versions.last) alternatives.push(rival('>'));
        if (q.versions.first) alternatives.push(rival('<'));
        if (q.versions.at.length > 0) {
          alternatives.push(`p.version IN (${q.versions.at.map(() => '?').join(', ')})`);
          params.push(...q.versions.at);
        }
        if (alternatives.length === 0) return [];
        where.push(`(${alternatives.join(' OR ')})`);
      }
      let sql = `SELECT p.seq, p.kind, p.tlp, p.origin, p.date_added, p.body FROM sharing_objects p WHERE ${where.join(' AND ')} ORDER BY p.seq`;
      if (q.limit !== undefined) {
        sql += ' LIMIT ?';
        params.push(q.limit);
      }
      return (db.prepare(sql).all(...params) as Row[]).map(toEntry);
    },
    async received(origin, limit = 100) {
      return (db.prepare('SELECT seq, kind, tlp, origin, date_added, body FROM sharing_objects WHERE origin = ? ORDER BY seq DESC LIMIT ?')
        .all(origin, limit) as Row[]).map(toEntry);
    },
  };
}

