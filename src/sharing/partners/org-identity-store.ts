// This organisation's sharing identity: its name and Ed25519 key pair, created on first use and kept in the sharing tables.
import type { SqliteDatabase } from '../../storage/sqlite/sqlite-driver.js';
import { generateSigningKey } from '../signing/ed25519-keys.js';
import { createSigner, type Signer } from '../signing/signed-document.js';
import type { OrgIdentity } from '../stix/producer-identity.js';

export const DEFAULT_ORG_NAME = 'Vigil';

export interface OrgKeys {
  identity: OrgIdentity;
  signer: Signer;
}

/** The sharing_identity row, in every adapter. */
export interface IdentityRow {
  name: string;
  public_key: string;
  private_key_pem: string;
  created_at: string;
}

/**
 * Loads the identity, creating it with a fresh key pair if there is none. The private key stays in the database
 * file (protect it like the data); `name` renames an existing identity.
 */
export function ensureOrgIdentity(db: SqliteDatabase, now: string, name?: string): OrgKeys {
  let row = db.prepare('SELECT name, public_key, private_key_pem, created_at FROM sharing_identity WHERE singleton = 1').get() as IdentityRow | undefined;
  if (row === undefined) {
    const key = generateSigningKey();
    db.prepare('INSERT OR IGNORE INTO sharing_identity (singleton, name, public_key, private_key_pem, created_at) VALUES (1, ?, ?, ?, ?)')
      .run(name ?? DEFAULT_ORG_NAME, key.publicKey, key.privateKeyPem, now);
  } else if (name !== undefined && name !== row.name) {
    db.prepare('UPDATE sharing_identity SET name = ? WHERE singleton = 1').run(name);
  }
  row = db.prepare('SELECT name, public_key, private_key_pem, created_at FROM sharing_identity WHERE singleton = 1').get() as IdentityRow;
  return orgKeysOf(row);
}

export function orgKeysOf(row: IdentityRow): OrgKeys {
  return {
    identity: { name: row.name, publicKey: row.public_key, createdAt: row.created_at },
    signer: createSigner(row.private_key_pem, row.public_key),
  };
}
