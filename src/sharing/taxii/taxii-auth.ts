// Partner authentication on the TAXII routes: a partner token as `Bearer TOKEN`, or as the password of HTTP Basic
// (which TAXII 2.1 §1.6.9 makes mandatory to implement), any user name.
import { vigilError } from '../../errors/index.js';
import type { Partner, PartnerRegistry } from '../partners/partner-registry.js';

/** The token a request presents, if any. */
export function presentedToken(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  const [scheme, value] = authorization.trim().split(/\s+/, 2);
  if (value === undefined) return undefined;
  if (scheme.toLowerCase() === 'bearer') return value;
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0 ? undefined : decoded.slice(colon + 1);
  }
  return undefined;
}

export async function authenticatePartner(
  registry: PartnerRegistry,
  authorization: string | undefined,
): Promise<Partner> {
  const token = presentedToken(authorization);
  if (token === undefined)
    throw vigilError(
      'VIGIL_UNAUTHORIZED',
      'a partner token is required: Authorization: Bearer <token> (or HTTP Basic with the token as password)',
    );
  const partner = await registry.partnerForToken(token);
  if (partner === undefined)
    throw vigilError('VIGIL_UNAUTHORIZED', 'the partner token is not valid (revoked, rotated or mistyped)');
  return partner;
}
