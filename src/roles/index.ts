// The roles a `vigil serve` process can run, as one table: adding a role is one line here plus its file.
import { vigilError } from '../errors/index.js';
import { startApiRole } from './api-role.js';
import { startAssessRole } from './assess-role.js';
import { startBriefRole } from './brief-role.js';
import { startIngestRole } from './ingest-role.js';
import type { StartRole } from './role-types.js';

export type { RoleContext, RunningRole, StartRole } from './role-types.js';

/** In start-up order; stopped in reverse. */
export const ROLES: Readonly<Record<string, StartRole>> = {
  ingest: startIngestRole,
  assess: startAssessRole,
  api: startApiRole,
  brief: startBriefRole,
};

/** `all`, one role, or a comma-separated list → role names in table order. */
export function resolveRoles(spec: string): string[] {
  const wanted = spec
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
  if (wanted.length === 0 || wanted.includes('all')) return Object.keys(ROLES);
  for (const role of wanted) {
    if (!Object.hasOwn(ROLES, role))
      throw vigilError(
        'VIGIL_UNKNOWN_KIND',
        `unknown role "${role}"; known roles: all, ${Object.keys(ROLES).join(', ')}`,
      );
  }
  return Object.keys(ROLES).filter((role) => wanted.includes(role));
}
