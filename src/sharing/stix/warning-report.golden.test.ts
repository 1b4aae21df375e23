// Golden file for the STIX bundle of an issued formal warning (report, opinion, note, their support objects), signed
// with a fixed key, and its validity against the OASIS STIX 2.1 schemas; the withdrawn version is revoked.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../../../test/support/golden.js';
import { sampleWarning } from '../../warnings/warning-fixtures.js';
import type { WarningRecord } from '../../warnings/warning-record.js';
import { oasisValidator } from '../sharing-fixtures.js';
import { publicKeyText } from '../signing/ed25519-keys.js';
import { checkSignature, createSigner, signDocument } from '../signing/signed-document.js';
import { buildBundle } from './build-bundle.js';
import { identityObject } from './producer-identity.js';
import { warningToStix } from './warning-to-stix.js';

// A fixed Ed25519 key (PKCS#8 DER prefix + a 32-byte seed): signatures are deterministic, so the golden is stable.
const seed = Buffer.alloc(32, 7);
const privateKey = createPrivateKey({
  key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
  format: 'der',
  type: 'pkcs8',
});
const publicKey = publicKeyText(createPublicKey(privateKey));
const signer = createSigner(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey);
const producer = identityObject({ name: 'Org A', publicKey, createdAt: '2026-01-01T00:00:00.000Z' });

export const ISSUED: WarningRecord = sampleWarning({
  id: 'W-2023-04-07-0a1b2c',
  status: 'issued',
  keyJudgement: 'A major PLA exercise around Taiwan is likely within 7 days.',
  madeAgainst: { posteriors: { H0: 0.62, H1: 0.33, H2: 0.05 } },
  createdAt: '2023-04-07T17:00:00.000Z',
  coordinatedBy: 'alice',
  issuedBy: 'chief',
  issuedAt: '2023-04-07T19:30:00.000Z',
  dissents: [
    { by: 'bob', at: '2023-04-07T18:00:00.000Z', text: 'Ship counts are within the spring range.' },
    {
      by: 'carol',
      at: '2023-04-07T18:20:00.000Z',
      text: 'The activity may answer the transit of 6 April and end within 72 hours.',
      kind: 'alternative-view',
    },
  ],
});

const options = { producerId: producer.id, tlp: 'amber' as const, packId: 'taiwan-strait' };

describe('STIX report of a formal warning', () => {
  it('gives the committed signed bundle byte for byte, valid against the OASIS schemas', () => {
    const bundle = signDocument(buildBundle(warningToStix(ISSUED, options), producer), signer);
    expectGolden(`${JSON.stringify(bundle, null, 2)}\n`, 'stix-warning-report.json');
    expect(oasisValidator().validateBundle(bundle)).toEqual([]);
    expect(checkSignature({ ...bundle }, { publicKey, required: true, signer: 'Org A' }, 'bundle')).toBe('verified');
  });

  it('marks everything with the TLP it was derived from, and revokes the report when the warning is withdrawn', () => {
    const withdrawn: WarningRecord = {
      ...ISSUED,
      status: 'withdrawn',
      withdrawnBy: 'chief',
      withdrawnAt: '2023-04-08T06:00:00.000Z',
      withdrawReason: 'The exercise was called off.',
    };
    const [report, ...views] = warningToStix(withdrawn, options);
    expect(report).toMatchObject({ revoked: true, modified: '2023-04-08T06:00:00.000Z', created: ISSUED.issuedAt });
    expect(oasisValidator().validate(report)).toEqual([]);
    for (const o of [report, ...views])
      expect(o.object_marking_refs).toEqual(['marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421']);
    // The dissents did not change: re-publishing them is a no-op in the ledger.
    expect(views).toEqual(warningToStix(ISSUED, options).slice(1));
  });

  it('refuses to share a warning that was never issued', () => {
    expect(() => warningToStix({ ...ISSUED, status: 'coordination' }, options)).toThrow(/only issued or withdrawn/);
  });
});
