// This organisation's sharing identity: its name and Ed25519 key pair, created on first use and kept in the sharing
// tables (several processes opening at once agree on one row), renamed when asked.
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/database/database.js';
import { generateSigningKey } from '../signing/ed25519-keys.js';
import { createSigner, type Signer } from '../signing/signed-document.js';
import type { SharingTables } from '../sql/sharing-tables.js';
import type { OrgIdentity } from '../stix/producer-identity.js';

export const DEFAULT_ORG_NAME = 'Vigil';

export interface OrgKeys {
  identity: OrgIdentity;
  signer: Signer;
}

/**
 * Loads the identity, creating it with a fresh key pair if there is none. The private key stays in the database
 * (protect it like the data); `name` renames an existing identity.
 */
export async function ensureOrgIdentity(db: Database, now: string, name?: string): Promise<OrgKeys> {
  const k = () => db.kysely as Kysely<SharingTables>;
  const select = () =>
    k()
      .selectFrom('sharing_identity')
      .select(['name', 'public_key', 'private_key_pem', 'created_at'])
      .where('singleton', '=', 1)
      .executeTakeFirst();
  const row = await select();
  if (row === undefined) {
    const key = generateSigningKey();
    await k()
      .insertInto('sharing_identity')
      .values({
        singleton: 1,
        name: name ?? DEFAULT_ORG_NAME,
        public_key: key.publicKey,
        private_key_pem: key.privateKeyPem,
        created_at: now,
      })
      .onConflict((oc) => oc.column('singleton').doNothing())
      .execute();
  } else if (name !== undefined && name !== row.name) {
    await k().updateTable('sharing_identity').set({ name }).where('singleton', '=', 1).execute();
  }
  const stored = (await select())!;
  return {
    identity: { name: stored.name, publicKey: stored.public_key, createdAt: stored.created_at },
    signer: createSigner(stored.private_key_pem, stored.public_key),
  };
}
