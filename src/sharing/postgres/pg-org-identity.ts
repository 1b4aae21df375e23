// This organisation's sharing identity in PostgreSQL: created on first use with a fresh key pair (several processes
// opening at once agree on one row), renamed when asked.
import type { PgDatabase } from '../../storage/postgres/pg-database.js';
import { DEFAULT_ORG_NAME, orgKeysOf, type IdentityRow, type OrgKeys } from '../partners/org-identity-store.js';
import { generateSigningKey } from '../signing/ed25519-keys.js';

const SELECT = 'SELECT name, public_key, private_key_pem, created_at FROM sharing_identity WHERE singleton = 1';

export async function ensurePgOrgIdentity(db: PgDatabase, now: string, name?: string): Promise<OrgKeys> {
  let [row] = await db.rows<IdentityRow>(SELECT);
  if (row === undefined) {
    const key = generateSigningKey();
    await db.execute('INSERT INTO sharing_identity (singleton, name, public_key, private_key_pem, created_at) VALUES (1, $1, $2, $3, $4) ON CONFLICT (singleton) DO NOTHING',
      [name ?? DEFAULT_ORG_NAME, key.publicKey, key.privateKeyPem, now]);
  } else if (name !== undefined && name !== row.name) {
    await db.execute('UPDATE sharing_identity SET name = $1 WHERE singleton = 1', [name]);
  }
  [row] = await db.rows<IdentityRow>(SELECT);
  return orgKeysOf(row);
}
