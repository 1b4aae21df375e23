// TAXII 2.1 media types (§1.6.8) and Accept / Content-Type negotiation.

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
export const TAXII_VERSION = '2.1';

interface MediaRange {
  type: string;
  params: Record<string, string>;
}

function parseMediaRange(text: string): MediaRange {
  const [type, ...params] = text.split(';').map((s) => s.trim());
  return {
    type: type.toLowerCase(),
    params: Object.fromEntries(
      params
        .filter((p) => p.includes('='))
        .map((p) => {
          const i = p.indexOf('=');
          return [
            p.slice(0, i).trim().toLowerCase(),
            p
              .slice(i + 1)
              .trim()
              .replace(/^"|"$/g, ''),
          ];
        }),
    ),
  };
}

/**
 * Whether a client's Accept header admits the TAXII 2.1 media type. A missing header is taken as "anything"
 * (RFC 9110); `application/taxii+json` without a version means the latest, which is 2.1.
 */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return accept.split(',').some((part) => {
    const range = parseMediaRange(part);
    if (range.params.q === '0') return false;
    if (range.type === '*/*' || range.type === 'application/*') return true;
    return (
      range.type === 'application/taxii+json' &&
      (range.params.version === undefined || range.params.version === TAXII_VERSION)
    );
  });
}

/** A request body must be `application/taxii+json;version=2.1` (the version may be left out). */
export function isTaxiiContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const range = parseMediaRange(contentType);
  return (
    range.type === 'application/taxii+json' &&
    (range.params.version === undefined || range.params.version === TAXII_VERSION)
  );
}
