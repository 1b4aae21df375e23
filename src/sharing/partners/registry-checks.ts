// What every partner registry adapter checks, and says, the same way: partner names, TLPs, missing and taken records.
import { vigilError, type VigilError } from '../../errors/index.js';
import { isTlp, type Tlp } from '../../model/index.js';

const PARTNER_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export function checkPartnerName(name: string): string {
  if (!PARTNER_NAME.test(name))
    throw vigilError(
      'VIGIL_CONFIG_INVALID',
      `invalid partner name ${JSON.stringify(name)} (lower-case letters, digits, - and _, at most 64)`,
    );
  return name;
}

export function checkTlp(tlp: unknown): Tlp {
  if (!isTlp(tlp))
    throw vigilError(
      'VIGIL_UNKNOWN_KIND',
      `invalid TLP ${JSON.stringify(tlp)} (expected clear, green, amber, amber+strict or red)`,
    );
  return tlp;
}

export const noSuchPartner = (name: string): VigilError =>
  vigilError('VIGIL_NOT_FOUND', `no partner named ${name} (see \`vigil partner list\`)`);

export const partnerExists = (name: string): VigilError =>
  vigilError('VIGIL_CONFLICT', `partner ${name} already exists (use \`vigil partner token ${name}\` for a new token)`);

/** `listed`: the message for a lookup from a list of grants, which points at the list command. */
export const noSuchCollection = (idOrAlias: string, listed = false): VigilError =>
  vigilError(
    'VIGIL_NOT_FOUND',
    listed ? `no collection ${idOrAlias} (see \`vigil partner collection list\`)` : `no collection ${idOrAlias}`,
  );

export const collectionExists = (alias: string): VigilError =>
  vigilError('VIGIL_CONFLICT', `collection ${alias} already exists`);
