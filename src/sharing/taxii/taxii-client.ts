// A small TAXII 2.1 client (fetch): the requests Vigil makes of a partner's server, with its errors made Vigil errors.
import { parseStrictJson } from '../../sources/located-json/located-json.js';
import { vigilError } from '../../errors/index.js';
import { SIGNATURE_HEADER, signText, type Signer } from '../signing/signed-document.js';
import { TAXII_MEDIA_TYPE } from './taxii-media.js';

export interface TaxiiClientOptions {
  /** The partner's API root URL, e.g. http://127.0.0.1:8081/taxii2/vigil/ */
  apiRoot: string;
  /** The token the partner issued us. */
  token: string;
  timeoutMs?: number;
  /** Largest response accepted (bytes); default 64 MiB. */
  maxResponseBytes?: number;
}

export interface ObjectsRequest {
  addedAfter?: string;
  limit?: number;
  next?: string;
  types?: string[];
}

export interface ObjectsResponse {
  envelope: Record<string, unknown>;
  /** The body exactly as received, and its X-Vigil-JWS header: the signature covers these bytes. */
  text: string;
  signature?: string;
  dateAddedFirst?: string;
  dateAddedLast?: string;
}

export interface TaxiiClient {
  getJson(path: string, query?: Record<string, string>): Promise<{ body: Record<string, unknown>; headers: Headers }>;
  collections(): Promise<Record<string, unknown>[]>;
  objects(collectionId: string, request: ObjectsRequest): Promise<ObjectsResponse>;
  /** Posts an envelope, its body signed (X-Vigil-JWS) when a signer is given; returns the status resource. */
  postObjects(
    collectionId: string,
    envelope: Record<string, unknown>,
    signer?: Signer,
  ): Promise<Record<string, unknown>>;
}

export function createTaxiiClient(options: TaxiiClientOptions): TaxiiClient {
  const root = options.apiRoot.endsWith('/') ? options.apiRoot : `${options.apiRoot}/`;
  const maxBytes = options.maxResponseBytes ?? 64 * 1024 * 1024;

  async function request(
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string> = {},
    body?: string,
    extraHeaders: Record<string, string> = {},
  ) {
    const url = new URL(path, root);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          accept: TAXII_MEDIA_TYPE,
          authorization: `Bearer ${options.token}`,
          ...(body === undefined ? {} : { 'content-type': TAXII_MEDIA_TYPE }),
          ...extraHeaders,
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (cause) {
      throw vigilError('VIGIL_PARTNER_UNAVAILABLE', `${method} ${url}: ${(cause as Error).message}`, { cause });
    }
    const length = Number(response.headers.get('content-length') ?? '0');
    if (length > maxBytes)
      throw vigilError(
        'VIGIL_PARTNER_UNAVAILABLE',
        `${method} ${url}: response of ${length} bytes exceeds the ${maxBytes}-byte limit`,
      );
    const text = await response.text();
    let json: unknown;
    try {
      json = text === '' ? {} : parseStrictJson(text, `${method} ${url}`);
    } catch (error) {
      throw vigilError(
        'VIGIL_PARTNER_UNAVAILABLE',
        `${method} ${url}: HTTP ${response.status}, the answer is not strict JSON: ${(error as Error).message}`,
      );
    }
    if (!response.ok) {
      const e = json as { title?: string; description?: string };
      const what = `${method} ${url}: HTTP ${response.status} ${e.title ?? ''}${e.description ? `: ${e.description}` : ''}`;
      throw vigilError(response.status === 401 ? 'VIGIL_UNAUTHORIZED' : 'VIGIL_PARTNER_UNAVAILABLE', what);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw vigilError('VIGIL_PARTNER_UNAVAILABLE', `${method} ${url}: the answer is not a TAXII resource`);
    return { body: json as Record<string, unknown>, headers: response.headers, text };
  }

  return {
    getJson: (path, query) => request('GET', path, query),
    async collections() {
      const { body } = await request('GET', 'collections/');
      return Array.isArray(body.collections) ? (body.collections as Record<string, unknown>[]) : [];
    },
    async objects(collectionId, r) {
      const query: Record<string, string> = {};
      if (r.addedAfter !== undefined) query.added_after = r.addedAfter;
      if (r.limit !== undefined) query.limit = String(r.limit);
      if (r.next !== undefined) query.next = r.next;
      if (r.types !== undefined) query['match[type]'] = r.types.join(',');
      const { body, headers, text } = await request(
        'GET',
        `collections/${encodeURIComponent(collectionId)}/objects/`,
        query,
      );
      return {
        envelope: body,
        text,
        signature: headers.get(SIGNATURE_HEADER) ?? undefined,
        dateAddedFirst: headers.get('x-taxii-date-added-first') ?? undefined,
        dateAddedLast: headers.get('x-taxii-date-added-last') ?? undefined,
      };
    },
    async postObjects(collectionId, envelope, signer) {
      const body = JSON.stringify(envelope);
      const headers: Record<string, string> = signer ? { [SIGNATURE_HEADER]: signText(body, signer) } : {};
      return (await request('POST', `collections/${encodeURIComponent(collectionId)}/objects/`, {}, body, headers))
        .body;
    },
  };
}
