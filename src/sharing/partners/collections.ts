// TAXII collections: what each shares (series patterns, assessments, alerts) and at which TLP at most.
import { inputError } from '../../errors/index.js';
import type { Tlp } from '../../model/index.js';
import type { ObservationQuery } from '../../storage/store.js';
import { uuidV5, VIGIL_STIX_NAMESPACE } from '../stix/uuid5.js';

export interface Collection {
  /** A UUID (TAXII collection ids are identifiers). */
  id: string;
  /** The short name the CLI and the TAXII `alias` use. */
  alias: string;
  title: string;
  description: string;
  /** Series patterns: an exact name, a prefix ending in `.*` (e.g. `mnd.*`), or `*` for every series. */
  series: string[];
  assessments: boolean;
  alerts: boolean;
  /** The most restrictive TLP this collection ever holds. */
  tlpMax: Tlp;
}

export function collectionId(alias: string): string {
  return uuidV5(VIGIL_STIX_NAMESPACE, `taxii-collection|${alias}`);
}

/** Every database starts with this one: all series, assessments and alerts, at most AMBER. */
export const DEFAULT_COLLECTION: Collection = {
  id: collectionId('default'),
  alias: 'default',
  title: 'Vigil observations, assessments and alerts',
  description: 'Every series, assessment and alert this organisation shares, at most TLP:AMBER.',
  series: ['*'],
  assessments: true,
  alerts: true,
  tlpMax: 'amber',
};

const PATTERN = /^(\*|[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)*(\.\*)?)$/;
const ALIAS = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export function checkSeriesPatterns(patterns: readonly string[], field = '--series'): string[] {
  for (const p of patterns) {
    if (!PATTERN.test(p))
      throw inputError(
        'collection',
        undefined,
        field,
        `invalid series pattern ${JSON.stringify(p)} (an exact series, a prefix like mnd.*, or *)`,
      );
  }
  return [...new Set(patterns)];
}

export function checkAlias(alias: string, what = 'collection name'): string {
  if (!ALIAS.test(alias))
    throw inputError(
      what,
      undefined,
      'name',
      `invalid ${what} ${JSON.stringify(alias)} (lower-case letters, digits, - and _, at most 64)`,
    );
  return alias;
}

export function seriesMatches(patterns: readonly string[], series: string): boolean {
  return patterns.some((p) => p === '*' || p === series || (p.endsWith('.*') && series.startsWith(p.slice(0, -1))));
}

/** The store queries that together select a collection's series: one per prefix, one for all exact names. */
export function seriesQueries(patterns: readonly string[]): Pick<ObservationQuery, 'series' | 'seriesPrefix'>[] {
  if (patterns.includes('*')) return [{}];
  const exact = patterns.filter((p) => !p.endsWith('.*'));
  const prefixes = patterns.filter((p) => p.endsWith('.*')).map((p) => ({ seriesPrefix: p.slice(0, -1) }));
  return [...(exact.length > 0 ? [{ series: exact }] : []), ...prefixes];
}
