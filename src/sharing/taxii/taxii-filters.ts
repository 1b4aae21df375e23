// The TAXII 2.1 filtering and paging parameters (§3.4, §3.5) of a request, validated into one normalised form.
import { createHash } from 'node:crypto';
import { inputError } from '../../errors/index.js';
import { LATEST_VERSION, type VersionMatch } from '../ledger/publication-ledger.js';
import { STIX_ID_PATTERN } from '../stix/stix-types.js';

export interface ObjectFilters {
  addedAfter?: string;
  limit: number;
  /** The opaque `next` token of a previous page. */
  next?: string;
  types?: string[];
  ids?: string[];
  versions: VersionMatch;
  /** False when match[spec_version] excludes 2.1: nothing matches. */
  specVersionMatches: boolean;
}

export interface PagingLimits {
  defaultLimit: number;
  maxLimit: number;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Every value of a query parameter: repeated keys and comma-separated lists both count. */
function values(query: Record<string, unknown>, key: string): string[] | undefined {
  const raw = query[key];
  if (raw === undefined) return undefined;
  const list = (Array.isArray(raw) ? raw : [raw])
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return list;
}

function single(query: Record<string, unknown>, key: string): string | undefined {
  const list = values(query, key);
  if (list === undefined) return undefined;
  if (list.length !== 1) throw inputError('query', undefined, key, 'must be given once');
  return list[0];
}

function timestamp(key: string, text: string): string {
  if (!TIMESTAMP.test(text) || Number.isNaN(Date.parse(text)))
    throw inputError(
      'query',
      undefined,
      key,
      `must be a UTC timestamp like 2024-05-24T06:00:00.000Z, got ${JSON.stringify(text)}`,
    );
  return new Date(text).toISOString();
}

export function parseObjectFilters(query: Record<string, unknown>, limits: PagingLimits): ObjectFilters {
  const known = new Set([
    'added_after',
    'limit',
    'next',
    'match[type]',
    'match[id]',
    'match[version]',
    'match[spec_version]',
  ]);
  for (const key of Object.keys(query)) {
    if (!known.has(key))
      throw inputError('query', undefined, key, `is not a TAXII 2.1 filter (known: ${[...known].join(', ')})`);
  }
  const addedAfterText = single(query, 'added_after');
  const limitText = single(query, 'limit');
  let limit = limits.defaultLimit;
  if (limitText !== undefined) {
    if (!/^\d+$/.test(limitText) || Number(limitText) < 1)
      throw inputError('query', undefined, 'limit', `must be a positive integer, got ${JSON.stringify(limitText)}`);
    limit = Math.min(Number(limitText), limits.maxLimit);
  }
  const types = values(query, 'match[type]');
  for (const t of types ?? [])
    if (!/^[a-z][a-z0-9-]*[a-z0-9]$/.test(t))
      throw inputError('query', undefined, 'match[type]', `is not a STIX type: ${JSON.stringify(t)}`);
  const ids = values(query, 'match[id]');
  for (const id of ids ?? [])
    if (!STIX_ID_PATTERN.test(id))
      throw inputError('query', undefined, 'match[id]', `is not a STIX id: ${JSON.stringify(id)}`);
  const specVersions = values(query, 'match[spec_version]');
  return {
    addedAfter: addedAfterText === undefined ? undefined : timestamp('added_after', addedAfterText),
    limit,
    next: single(query, 'next'),
    types,
    ids,
    versions: parseVersions(values(query, 'match[version]')),
    specVersionMatches: specVersions === undefined || specVersions.includes('2.1'),
  };
}

function parseVersions(list: string[] | undefined): VersionMatch {
  if (list === undefined || list.length === 0) return LATEST_VERSION;
  const at: string[] = [];
  const match: VersionMatch = { last: false, first: false, all: false, at };
  for (const v of list) {
    if (v === 'last') match.last = true;
    else if (v === 'first') match.first = true;
    else if (v === 'all') match.all = true;
    else at.push(timestamp('match[version]', v));
  }
  return match;
}

/** A fingerprint of the filters a `next` token was issued for, so it cannot be replayed with different ones. */
export function filterFingerprint(scope: string, f: ObjectFilters): string {
  const key = JSON.stringify([scope, f.addedAfter, f.types, f.ids, f.versions, f.specVersionMatches]);
  return createHash('sha256').update(key).digest('base64url').slice(0, 12);
}
