// The shapes of the STIX 2.1 objects and bundles Vigil reads and writes, and the media type they travel under.

export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

/** Any STIX object: the common properties Vigil relies on, the rest kept as plain JSON. */
export interface StixObject {
  type: string;
  id: string;
  spec_version?: string;
  created?: string;
  modified?: string;
  created_by_ref?: string;
  object_marking_refs?: string[];
  extensions?: Record<string, Record<string, unknown>>;
  [property: string]: unknown;
}

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
  /** Detached JWS over the canonical bundle without this property (docs/sharing.md, "Signatures"). */
  x_vigil_jws?: string;
}

/** The version TAXII reports for an object: `modified`, else `created` (SCOs have neither and report undefined). */
export function stixVersion(object: StixObject): string | undefined {
  return object.modified ?? object.created;
}

/** STIX ids are `type--UUID`; the UUID must be RFC 4122 (the OASIS identifier pattern). */
export const STIX_ID_PATTERN =
  /^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
