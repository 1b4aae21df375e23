// Pulls what a partner shares with us from its TAXII server, incrementally (added_after high-water mark), checks
// every page's signature, and stores the lot in one go: a bad page means nothing from this pull is stored. What it
// stores, the new high-water mark and one `partner.pull` audit entry commit in one transaction.
import { vigilError } from '../../errors/index.js';
import type { Actor, WriteServices } from '../../app/write-services.js';
import type { Store } from '../../storage/store.js';
import { importStixObjects, type ImportSummary } from '../import-stix.js';
import type { PublicationLedger } from '../ledger/publication-ledger.js';
import type { PartnerRegistry } from '../partners/partner-registry.js';
import { checkTextSignature, type SignatureStatus } from '../signing/signed-document.js';
import { stixObjectsOf } from '../stix/read-bundle.js';
import type { StixObject } from '../stix/stix-types.js';
import { partnerSource, UNMARKED_TLP } from '../tlp/tlp-ceiling.js';
import { createTaxiiClient } from './taxii-client.js';

export interface PullDeps {
  /** The store, ledger and registry of the database `writes` writes to. */
  store: Store;
  ledger: PublicationLedger;
  registry: PartnerRegistry;
  now: () => Date;
  writes: Pick<WriteServices, 'audited'>;
  /** Who pulls, as the audit log names it (`cli:root`). */
  actor: Actor;
  /** This organisation's STIX identity id: our own objects coming back are skipped. */
  ownIdentityId?: string;
}

export interface PullOptions {
  pageSize?: number;
  /** Stop after this many pages; the next pull continues from there (default 200). */
  maxPages?: number;
  timeoutMs?: number;
}

export interface PullResult {
  partner: string;
  pages: number;
  objects: number;
  summary: ImportSummary;
  /** The high-water mark now recorded: the latest date_added received. */
  addedAfter?: string;
  /** The weakest signature status among the pages. */
  signature: SignatureStatus;
  /** True when maxPages stopped the pull before the partner had nothing more. */
  truncated: boolean;
}

export async function pullPartner(deps: PullDeps, name: string, options: PullOptions = {}): Promise<PullResult> {
  const partner = await deps.registry.getPartner(name);
  if (partner === undefined)
    throw vigilError('VIGIL_NOT_FOUND', `no partner named ${name} (see \`vigil partner list\`)`);
  if (partner.remote === undefined) {
    throw vigilError(
      'VIGIL_CONFIG_INVALID',
      `partner ${name} has no TAXII server to pull from: set it with \`vigil partner add ${name} --url URL --token TOKEN --remote-collection ID\``,
    );
  }
  const remote = partner.remote;
  const client = createTaxiiClient({ apiRoot: remote.url, token: remote.token, timeoutMs: options.timeoutMs });
  const policy = { publicKey: partner.publicKey, required: partner.requireSignatures, signer: `partner ${name}` };
  const maxPages = options.maxPages ?? 200;
  const objects: StixObject[] = [];
  let highWater = partner.pullAddedAfter;
  let addedAfter = partner.pullAddedAfter;
  let next: string | undefined;
  let signature: SignatureStatus = 'verified';
  let pages = 0;
  let more = true;
  while (more && pages < maxPages) {
    const page = await client.objects(remote.collection, { addedAfter, next, limit: options.pageSize ?? 1000 });
    pages++;
    const status = checkTextSignature(page.text, page.signature, policy, `page ${pages} from partner ${name}`);
    if (status !== 'verified') signature = status;
    objects.push(...stixObjectsOf(page.envelope, `${remote.url} (page ${pages})`, 'envelope'));
    if (page.dateAddedLast !== undefined && (highWater === undefined || page.dateAddedLast > highWater))
      highWater = page.dateAddedLast;
    more = page.envelope.more === true;
    next = typeof page.envelope.next === 'string' ? page.envelope.next : undefined;
    // A server that says "more" without a next token pages by date_added alone (TAXII 2.1 §3.4.1).
    if (more && next === undefined) addedAfter = highWater;
  }
  const now = deps.now().toISOString();
  const targets = { ...deps, action: 'partner.pull' };
  const read = { file: remote.url, source: partnerSource(name), defaultTlp: UNMARKED_TLP, receivedAt: now };
  const summary = await importStixObjects(targets, objects, read, () => deps.registry.recordPull(name, highWater, now));
  return { partner: name, pages, objects: objects.length, summary, addedAfter: highWater, signature, truncated: more };
}
