// A document sent through the receivers outside the alert flow (the daily brief): e-mail carries the attachments and
// the HTML body, a webhook gets the text and links to fetch the documents from the API.

export const DOCUMENT_VERSION = 'vigil.document/1';

export interface DocumentAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface DocumentLink {
  /** What the link is, e.g. `brief en pdf`. */
  label: string;
  url: string;
  contentType: string;
}

export interface DocumentMessage {
  version: typeof DOCUMENT_VERSION;
  kind: 'daily-brief';
  /** The same for every attempt at one (document, receiver): drop duplicates on it. */
  idempotencyKey: string;
  subject: string;
  text: string;
  /** The e-mail's HTML body (webhooks get the links instead). */
  html?: string;
  attachments: DocumentAttachment[];
  links: DocumentLink[];
  /** Small facts for machines: pack, day, level, knowledge state, TLP. */
  facts: Readonly<Record<string, string | number>>;
  sentAt: string;
}

/** What a webhook receives: the message without its attachments (they are fetched through the links). */
export function documentWebhookBody(message: DocumentMessage): string {
  const { attachments: _attachments, html: _html, ...rest } = message;
  return JSON.stringify(rest);
}
