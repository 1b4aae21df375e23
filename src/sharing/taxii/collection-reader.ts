// Reads one page of a collection for one partner: observations from the Store (TLP ceiling in the store query) and
// published assessments/alerts from the ledger (TLP ceiling in its SQL), merged in date_added order.
import type { StoredObservation, Store } from '../../storage/store.js';
import type { LedgerEntry, LedgerKind, PublicationLedger } from '../ledger/publication-ledger.js';
import { seriesQueries, type Collection } from '../partners/collections.js';
import type { Partner } from '../partners/partner-registry.js';
import { supportObjects } from '../stix/build-bundle.js';
import { eventReportId, observationToStix, observedDataId } from '../stix/observation-to-stix.js';
import { stixVersion, type StixObject } from '../stix/stix-types.js';
import {
  isVigilExtensionId,
  VIGIL_OBSERVATION_EXTENSION_ID,
  VIGIL_SERIES_EXTENSION_ID,
} from '../stix/vigil-extensions.js';
import { mayReshare, minTlp } from '../tlp/tlp-ceiling.js';
import type { PageCursor } from './page-cursor.js';
import type { ObjectFilters } from './taxii-filters.js';

export interface CollectionSource {
  store: Store;
  ledger: PublicationLedger;
  /** This organisation's identity object (the producer of everything served). */
  producer: StixObject;
  /** How to read a reader's view of the store (visibleObservations, or a cache of it); default: straight from the store. */
  rows?: (scope: ReaderScope, afterSeq: number) => Promise<StoredObservation[]>;
}

export interface ReaderScope {
  partner: Partner;
  collection: Collection;
}

export interface PageRecord {
  object: StixObject;
  dateAdded: string;
}

export interface CollectionPage {
  records: PageRecord[];
  /** Objects the records refer to (producer, markings, extension definitions, series), when requested and they fit. */
  companions: StixObject[];
  more: boolean;
  cursor: PageCursor;
}

/** One object of the merged stream, built only if it makes it into the page. */
interface Candidate {
  position: number;
  dateAdded: string;
  build(): StixObject;
  /** Keys of the support objects it needs (see supportObjects), computed only when companions are wanted. */
  companionKeys(): string[];
}

/** The effective TLP ceiling of a reader: the partner's and the collection's, whichever is stricter. */
export function readerCeiling(scope: ReaderScope) {
  return minTlp(scope.partner.tlpMax, scope.collection.tlpMax);
}

/**
 * Observation positions interleave the two objects one observation can give: 2·seq for its observed-data and
 * 2·seq + 1 for its event report, so a page may end between them.
 */
function afterSeqFor(position: number): number {
  return Math.max(0, Math.floor((position - 1) / 2));
}

export async function readCollectionPage(
  source: CollectionSource,
  scope: ReaderScope,
  filters: ObjectFilters,
  cursor: PageCursor,
  options: { companions: boolean },
): Promise<CollectionPage> {
  if (!filters.specVersionMatches) return { records: [], companions: [], more: false, cursor };
  const observations = peekable(await observationCandidates(source, scope, filters, cursor));
  const published = peekable(
    (await ledgerCandidates(source, scope, filters, cursor, filters.limit + 1))[Symbol.iterator](),
  );
  const typesFilter = filters.types === undefined ? undefined : new Set(filters.types);
  const chargeable = (key: string) =>
    typesFilter === undefined || typesFilter.has(COMPANION_TYPES[key.slice(0, key.indexOf(':'))]);
  const withCompanions = options.companions && filters.ids === undefined;

  const records: PageRecord[] = [];
  const next = { ...cursor };
  const charged = new Set<string>();
  for (;;) {
    const o = observations.peek();
    const p = published.peek();
    if (o === undefined && p === undefined) break;
    const fromObservations = p === undefined || (o !== undefined && o.dateAdded <= p.dateAdded);
    const candidate = (fromObservations ? o : p)!;
    const newKeys = withCompanions ? candidate.companionKeys().filter((k) => !charged.has(k) && chargeable(k)) : [];
    if (records.length > 0 && records.length + charged.size + 1 + newKeys.length > filters.limit) break;
    if (records.length >= filters.limit) break;
    records.push({ object: candidate.build(), dateAdded: candidate.dateAdded });
    for (const k of newKeys) charged.add(k);
    if (fromObservations) {
      next.observations = candidate.position;
      observations.take();
    } else {
      next.published = candidate.position;
      published.take();
    }
  }
  const more = observations.peek() !== undefined || published.peek() !== undefined;
  let companions =
    withCompanions && records.length > 0
      ? supportObjects(
          records.map((r) => r.object),
          source.producer,
        )
      : [];
  if (typesFilter !== undefined) companions = companions.filter((c) => typesFilter.has(c.type));
  if (records.length + companions.length > filters.limit) companions = [];
  return { records, companions, more, cursor: next };
}

/** An iterator one can look one step ahead in. */
function peekable<T>(iterator: Iterator<T>): { peek(): T | undefined; take(): void } {
  let head = iterator.next();
  return {
    peek: () => (head.done ? undefined : head.value),
    take: () => void (head = iterator.next()),
  };
}

const COMPANION_TYPES: Record<string, string> = {
  identity: 'identity',
  md: 'marking-definition',
  ext: 'extension-definition',
  sco: 'vigil-series',
};

/** Candidates from the store, produced lazily: rows past the end of the page are never turned into STIX. */
async function observationCandidates(
  source: CollectionSource,
  scope: ReaderScope,
  f: ObjectFilters,
  cursor: PageCursor,
): Promise<Iterator<Candidate>> {
  const { collection, partner } = scope;
  const wantsObserved = f.types === undefined || f.types.includes('observed-data');
  const wantsReports = f.types === undefined || f.types.includes('report');
  if (collection.series.length === 0 || (!wantsObserved && !wantsReports)) return [][Symbol.iterator]();
  const afterSeq = afterSeqFor(cursor.observations);
  const rows = source.rows
    ? await source.rows(scope, afterSeq)
    : await visibleObservations(source.store, scope, afterSeq);
  const ids = f.ids === undefined ? undefined : new Set(f.ids);
  const versions = f.versions.all || f.versions.last || f.versions.first ? undefined : new Set(f.versions.at);
  const producerId = source.producer.id;
  // Few distinct (source, TLP) pairs: decide each once per request.
  const decided = new Map<string, boolean>();
  const mayPass = (origin: string, tlp: StoredObservation['tlp']) => {
    const key = `${origin}|${tlp}`;
    let ok = decided.get(key);
    if (ok === undefined) decided.set(key, (ok = mayReshare(origin, tlp, partner.name)));
    return ok;
  };
  return (function* candidates(): Generator<Candidate> {
    for (const row of rows) {
      if (!mayPass(row.source, row.tlp)) continue;
      if (f.addedAfter !== undefined && row.ingestedAt <= f.addedAfter) continue;
      if (versions !== undefined && !versions.has(row.publishedAt)) continue;
      const keys = () => [
        'identity:',
        'md:clear',
        `md:${row.tlp}`,
        `ext:${VIGIL_OBSERVATION_EXTENSION_ID}`,
        `ext:${VIGIL_SERIES_EXTENSION_ID}`,
        `sco:${row.series}`,
      ];
      let built: StixObject[] | undefined;
      const part = (k: number) => () => (built ??= observationToStix(row, producerId))[k];
      const observedPosition = 2 * row.seq;
      if (
        wantsObserved &&
        observedPosition > cursor.observations &&
        (ids === undefined || ids.has(observedDataId(row.id)))
      ) {
        yield { position: observedPosition, dateAdded: row.ingestedAt, build: part(0), companionKeys: keys };
      }
      const hasReport = row.text !== undefined && row.text.trim() !== '';
      if (
        hasReport &&
        wantsReports &&
        observedPosition + 1 > cursor.observations &&
        (ids === undefined || ids.has(eventReportId(row.id)))
      ) {
        yield { position: observedPosition + 1, dateAdded: row.ingestedAt, build: part(1), companionKeys: keys };
      }
    }
  })();
}

/** The partner's view of the store for this collection: the TLP ceiling and series are part of the store query. */
export async function visibleObservations(
  store: Store,
  scope: ReaderScope,
  afterSeq: number,
): Promise<StoredObservation[]> {
  const tlpMax = readerCeiling(scope);
  const batches = await Promise.all(
    seriesQueries(scope.collection.series).map((q) =>
      store.queryObservations({ ...q, tlpMax, allRevisions: true, afterSeq }),
    ),
  );
  if (batches.length === 1) return batches[0].sort((a, b) => a.seq - b.seq);
  const bySeq = new Map<number, StoredObservation>();
  for (const batch of batches) for (const row of batch) bySeq.set(row.seq, row);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

async function ledgerCandidates(
  source: CollectionSource,
  scope: ReaderScope,
  f: ObjectFilters,
  cursor: PageCursor,
  limit: number,
): Promise<Candidate[]> {
  const kinds: LedgerKind[] = [];
  if (scope.collection.assessments) kinds.push('assessment');
  if (scope.collection.alerts) kinds.push('alert');
  const entries = await source.ledger.query({
    tlpMax: readerCeiling(scope),
    kinds,
    afterSeq: cursor.published,
    addedAfter: f.addedAfter,
    ids: f.ids,
    types: f.types,
    versions: f.versions,
    limit,
  });
  return entries.map((e: LedgerEntry) => ({
    position: e.seq,
    dateAdded: e.dateAdded,
    build: () => e.object,
    companionKeys: () => [
      'identity:',
      'md:clear',
      `md:${e.tlp}`,
      ...Object.keys(e.object.extensions ?? {})
        .filter(isVigilExtensionId)
        .map((k) => `ext:${k}`),
    ],
  }));
}

/** The TAXII version of a served object. */
export function versionOf(record: PageRecord): string {
  return stixVersion(record.object) ?? record.dateAdded;
}
