// TAXII 2.1 read endpoints: collections, collection, objects, object, versions, manifest (§5), each answering only
// what the calling partner's collections and TLP ceiling allow.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { vigilError } from '../../errors/index.js';
import type { Collection } from '../partners/collections.js';
import type { Partner } from '../partners/partner-registry.js';
import { SIGNATURE_HEADER, signText } from '../signing/signed-document.js';
import { identityObject } from '../stix/producer-identity.js';
import { STIX_MEDIA_TYPE } from '../stix/stix-types.js';
import { readCollectionPage, versionOf, type CollectionPage, type ReaderScope } from './collection-reader.js';
import { decodeCursor, encodeCursor } from './page-cursor.js';
import { createVisibleRowsCache } from './visible-rows-cache.js';
import { API_ROOT_SEGMENT, type TaxiiDeps } from './taxii-deps.js';
import { filterFingerprint, parseObjectFilters, type ObjectFilters } from './taxii-filters.js';
import { TAXII_MEDIA_TYPE } from './taxii-media.js';

type Params = { collectionId: string; objectId?: string };
type Query = Record<string, unknown>;

const COLLECTION_FILTERS = [
  'added_after',
  'limit',
  'next',
  'match[type]',
  'match[id]',
  'match[version]',
  'match[spec_version]',
];
const OBJECT_FILTERS = ['added_after', 'limit', 'next', 'match[version]', 'match[spec_version]'];
const VERSION_FILTERS = ['added_after', 'limit', 'next', 'match[spec_version]'];

/** The collection if this partner may read it; otherwise 404, so a partner cannot learn which collections exist. */
export async function partnerCollection(deps: TaxiiDeps, partner: Partner, idOrAlias: string): Promise<Collection> {
  const collection = await deps.registry.getCollection(idOrAlias);
  if (collection === undefined || !partner.collections.includes(collection.id)) {
    throw vigilError('VIGIL_NOT_FOUND', `collection ${idOrAlias} not found (or not shared with this partner)`);
  }
  return collection;
}

export function collectionResource(c: Collection, partner: Partner) {
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    alias: c.alias,
    can_read: true,
    can_write: partner.canWrite,
    media_types: [STIX_MEDIA_TYPE],
  };
}

export async function registerTaxiiReadRoutes(app: FastifyInstance, deps: TaxiiDeps): Promise<void> {
  const limits = { defaultLimit: deps.defaultPageSize ?? 1000, maxLimit: deps.maxPageSize ?? 5000 };
  const root = `/${API_ROOT_SEGMENT}/collections`;
  const producer = () => identityObject(deps.keys.identity);
  const rows = createVisibleRowsCache(deps.store);

  /** Reads a page for the request; `extra` narrows it to one object or all its versions. */
  async function page(
    partner: Partner,
    params: Params,
    query: Query,
    allowed: string[],
    extra: Partial<ObjectFilters>,
    companions: boolean,
  ) {
    const collection = await partnerCollection(deps, partner, params.collectionId);
    const scope: ReaderScope = { partner, collection };
    const filters = { ...parseObjectFilters(pick(query, allowed), limits), ...extra };
    const fingerprint = filterFingerprint(`${partner.name}|${collection.id}|${params.objectId ?? ''}`, filters);
    const result = await readCollectionPage(
      { store: deps.store, ledger: deps.ledger, producer: producer(), rows },
      scope,
      filters,
      decodeCursor(filters.next, fingerprint),
      { companions },
    );
    return { result, next: result.more ? encodeCursor(result.cursor, fingerprint) : undefined };
  }

  app.get(`${root}/`, async (request, reply) => {
    const partner = request.taxiiPartner!;
    const all = await deps.registry.listCollections();
    const mine = all.filter((c) => partner.collections.includes(c.id)).map((c) => collectionResource(c, partner));
    reply.type(TAXII_MEDIA_TYPE);
    return mine.length > 0 ? { collections: mine } : {};
  });

  app.get<{ Params: Params }>(`${root}/:collectionId/`, async (request, reply) => {
    const partner = request.taxiiPartner!;
    reply.type(TAXII_MEDIA_TYPE);
    return collectionResource(await partnerCollection(deps, partner, request.params.collectionId), partner);
  });

  app.get<{ Params: Params; Querystring: Query }>(`${root}/:collectionId/objects/`, async (request, reply) => {
    const { result, next } = await page(
      request.taxiiPartner!,
      request.params,
      request.query,
      COLLECTION_FILTERS,
      {},
      true,
    );
    return sendEnvelope(reply, deps, result, next);
  });

  app.get<{ Params: Params; Querystring: Query }>(
    `${root}/:collectionId/objects/:objectId/`,
    async (request, reply) => {
      const { result, next } = await page(
        request.taxiiPartner!,
        request.params,
        request.query,
        OBJECT_FILTERS,
        { ids: [request.params.objectId!] },
        false,
      );
      if (result.records.length === 0 && request.query.next === undefined)
        throw vigilError('VIGIL_NOT_FOUND', `object ${request.params.objectId} not found in this collection`);
      return sendEnvelope(reply, deps, result, next);
    },
  );

  app.get<{ Params: Params; Querystring: Query }>(
    `${root}/:collectionId/objects/:objectId/versions/`,
    async (request, reply) => {
      const { result, next } = await page(
        request.taxiiPartner!,
        request.params,
        request.query,
        VERSION_FILTERS,
        { ids: [request.params.objectId!], versions: { all: true, last: false, first: false, at: [] } },
        false,
      );
      if (result.records.length === 0 && request.query.next === undefined)
        throw vigilError('VIGIL_NOT_FOUND', `object ${request.params.objectId} not found in this collection`);
      dateAddedHeaders(reply, result);
      reply.type(TAXII_MEDIA_TYPE);
      return withoutUndefined({ more: result.more, next, versions: result.records.map(versionOf) });
    },
  );

  app.get<{ Params: Params; Querystring: Query }>(`${root}/:collectionId/manifest/`, async (request, reply) => {
    const { result, next } = await page(
      request.taxiiPartner!,
      request.params,
      request.query,
      COLLECTION_FILTERS,
      {},
      false,
    );
    dateAddedHeaders(reply, result);
    reply.type(TAXII_MEDIA_TYPE);
    const objects = result.records.map((r) => ({
      id: r.object.id,
      date_added: r.dateAdded,
      version: versionOf(r),
      media_type: STIX_MEDIA_TYPE,
    }));
    return withoutUndefined({ more: result.more, next, objects: objects.length > 0 ? objects : undefined });
  });
}

/** The envelope (§3.7), its body signed with the organisation's key (header X-Vigil-JWS) unless signing is off. */
function sendEnvelope(
  reply: FastifyReply,
  deps: TaxiiDeps,
  result: CollectionPage,
  next: string | undefined,
): FastifyReply {
  const objects = [...result.companions, ...result.records.map((r) => r.object)];
  const body = JSON.stringify(
    withoutUndefined({ more: result.more, next, objects: objects.length > 0 ? objects : undefined }),
  );
  if (deps.signEnvelopes !== false) reply.header(SIGNATURE_HEADER, signText(body, deps.keys.signer));
  dateAddedHeaders(reply, result);
  return reply.type(TAXII_MEDIA_TYPE).send(body);
}

function dateAddedHeaders(reply: FastifyReply, result: CollectionPage): void {
  if (result.records.length === 0) return;
  const dates = result.records.map((r) => r.dateAdded).sort();
  reply.header('X-TAXII-Date-Added-First', dates[0]);
  reply.header('X-TAXII-Date-Added-Last', dates[dates.length - 1]);
}

function pick(query: Query, allowed: readonly string[]): Query {
  const extra = Object.keys(query).filter((k) => !allowed.includes(k));
  if (extra.length > 0)
    throw vigilError(
      'VIGIL_INPUT_INVALID',
      `query: ${extra[0]}: is not a filter of this endpoint (allowed: ${allowed.join(', ')})`,
    );
  return query;
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): T {
  for (const k of Object.keys(value)) if (value[k] === undefined) delete value[k];
  return value;
}
