// TAXII 2.1 write endpoints: POST objects to a collection (§5.5) answered with a status resource, and that status
// (§4.3). Bad input (wrong media type, oversized, malformed, unsigned when signatures are required) stores nothing.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { vigilError } from '../../errors/index.js';
import { decodeUtf8 } from '../../model/utf8-text.js';
import { parseStrictJson } from '../../sources/located-json/located-json.js';
import { storeIncoming } from '../import-stix.js';
import { seriesMatches } from '../partners/collections.js';
import { checkTextSignature, SIGNATURE_HEADER } from '../signing/signed-document.js';
import { readStixObjects, stixObjectsOf } from '../stix/read-bundle.js';
import { identityStixId } from '../stix/producer-identity.js';
import { stixVersion } from '../stix/stix-types.js';
import { partnerSource, UNMARKED_TLP } from '../tlp/tlp-ceiling.js';
import { partnerCollection } from './taxii-read-routes.js';
import { API_ROOT_SEGMENT, type TaxiiDeps } from './taxii-deps.js';
import { isTaxiiContentType, TAXII_MEDIA_TYPE } from './taxii-media.js';
import type { StatusDetail, TaxiiStatus } from './taxii-status-store.js';

const BODY = 'request body';

export async function registerTaxiiWriteRoutes(
  app: FastifyInstance,
  deps: TaxiiDeps,
  maxContentLength: number,
): Promise<void> {
  // The raw text is kept: a partner's signature (X-Vigil-JWS) covers the body exactly as sent.
  // Bytes, not a string: invalid UTF-8 is refused (never replaced), then the one strict JSON reader (duplicate member
  // names, nesting depth).
  app.addContentTypeParser(
    'application/taxii+json',
    { parseAs: 'buffer', bodyLimit: maxContentLength },
    (_request, body, done) => {
      try {
        const text = decodeUtf8(body as Buffer, BODY);
        done(null, { text, json: parseStrictJson(text, BODY) as unknown });
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );

  app.post<{ Params: { collectionId: string } }>(
    `/${API_ROOT_SEGMENT}/collections/:collectionId/objects/`,
    { bodyLimit: maxContentLength },
    async (request, reply) => {
      const partner = request.taxiiPartner!;
      const collection = await partnerCollection(deps, partner, request.params.collectionId);
      if (!partner.canWrite)
        throw vigilError(
          'VIGIL_FORBIDDEN',
          `partner ${partner.name} may read collection ${collection.alias} but not add to it`,
        );
      if (!isTaxiiContentType(request.headers['content-type'])) {
        throw vigilError(
          'VIGIL_UNSUPPORTED_MEDIA_TYPE',
          `POST bodies must be ${TAXII_MEDIA_TYPE}, got ${request.headers['content-type'] ?? 'no Content-Type'}`,
        );
      }
      const { text, json } = request.body as { text: string; json: unknown };
      const objects = stixObjectsOf(json, BODY, 'envelope');
      const policy = {
        publicKey: partner.publicKey,
        required: partner.requireSignatures,
        signer: `partner ${partner.name}`,
      };
      checkTextSignature(text, request.headers[SIGNATURE_HEADER], policy, 'the posted envelope');
      const now = deps.now().toISOString();
      const options = { file: BODY, source: partnerSource(partner.name), defaultTlp: UNMARKED_TLP, receivedAt: now };
      const content = readStixObjects(objects, options);
      const received = content.observations;
      content.observations = [];

      const successes: StatusDetail[] = [];
      const failures: StatusDetail[] = [];
      let next = 0;
      objects.forEach((object, index) => {
        const detail = { id: object.id, version: stixVersion(object) };
        const kind = content.kinds[index];
        if (kind === 'observation') {
          const observation = received[next++];
          if (seriesMatches(collection.series, observation.series)) {
            content.observations.push(observation);
            successes.push(detail);
          } else {
            failures.push({
              ...detail,
              message: `series ${observation.series} is not part of collection ${collection.alias}`,
            });
          }
        } else if (kind === 'foreign') {
          failures.push({
            ...detail,
            message: `not added: Vigil collections do not hold ${object.type} objects (kept as received)`,
          });
        } else {
          successes.push(detail);
        }
      });
      const status: TaxiiStatus = {
        id: randomUUID(),
        status: 'complete',
        request_timestamp: now,
        total_count: objects.length,
        success_count: successes.length,
        successes: successes.length > 0 ? successes : undefined,
        failure_count: failures.length,
        failures: failures.length > 0 ? failures : undefined,
        pending_count: 0,
      };
      // The observations, the ledger entries, the status resource and the audit entry commit together or not at all.
      await storeIncoming(
        {
          store: deps.store,
          ledger: deps.ledger,
          writes: deps.writes,
          actor: partnerSource(partner.name),
          action: 'taxii.add',
          ownIdentityId: identityStixId(deps.keys.identity.publicKey),
        },
        content,
        options,
        () => deps.statuses.save(partner.name, status, now),
      );
      return reply.code(202).type(TAXII_MEDIA_TYPE).send(JSON.stringify(status));
    },
  );

  app.delete(`/${API_ROOT_SEGMENT}/collections/:collectionId/objects/:objectId/`, async () => {
    throw vigilError(
      'VIGIL_FORBIDDEN',
      'Vigil collections do not support deleting objects: publish a new version instead',
    );
  });

  app.get<{ Params: { statusId: string } }>(`/${API_ROOT_SEGMENT}/status/:statusId/`, async (request, reply) => {
    const status = await deps.statuses.get(request.taxiiPartner!.name, request.params.statusId);
    if (status === undefined) throw vigilError('VIGIL_NOT_FOUND', `status ${request.params.statusId} not found`);
    return reply.type(TAXII_MEDIA_TYPE).send(JSON.stringify(status));
  });
}
