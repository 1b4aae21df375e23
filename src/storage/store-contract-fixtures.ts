// Builders and helpers shared by the Store contract suites: observations with sensible defaults, instants, error checks.
import { expect, it } from 'vitest';
import type { ErrorCode } from '../errors/index.js';
import { withId, type Observation, type ObservationInput } from '../model/index.js';
import type { Store, StoredObservation } from './store.js';

/** What each contract suite receives: the store for the running test, the factory, and a skip-aware `it`. */
export interface StoreContractContext {
  /** The fresh, empty, migrated store of the running test. */
  store(): Store;
  create: () => Promise<Store>;
  test(name: string, fn: () => Promise<void>): void;
}

/** A skip-aware `it`: a test named in `skip` is reported as skipped with its written reason. */
export function contractTest(skip: Record<string, string> = {}): StoreContractContext['test'] {
  return (name, fn) => {
    const reason = skip[name];
    if (reason === undefined) it(name, fn);
    else it.skip(`${name} (skipped: ${reason})`, fn);
  };
}

/** Midnight UTC of 2024-05-01 plus `days` days and `hours` hours, as a canonical instant. */
export function instant(days: number, hours = 0): string {
  return new Date(Date.UTC(2024, 4, 1) + (days * 24 + hours) * 3_600_000).toISOString();
}

/** A valid observation of `test.aircraft.total` for day 0, published on day 1; override any field. */
export function observation(overrides: Partial<ObservationInput> = {}): Observation {
  return withId({
    series: 'test.aircraft.total',
    value: 10,
    unit: 'aircraft',
    periodStart: instant(0),
    periodEnd: instant(1),
    publishedAt: instant(1, 1),
    source: 'mnd',
    reliability: 'A',
    credibility: 1,
    tlp: 'clear',
    ...overrides,
  });
}

/** The observation without the store's additions, for comparing with what was put. */
export function unstored(o: StoredObservation): Observation {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { seq, ingestedAt, ...rest } = o;
  return rest;
}

export function ids(observations: readonly { id: string }[]): string[] {
  return observations.map((o) => o.id);
}

/** Asserts that `promise` rejects with a VigilError of `code`. */
export async function expectVigilError(promise: Promise<unknown>, code: ErrorCode): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected a rejection with ${code}`).toBeInstanceOf(Error);
  expect((error as { code?: string }).code).toBe(code);
  return error as Error;
}

export const INGESTED_AT = '2024-06-01T00:00:00.000Z';
