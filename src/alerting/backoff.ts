// Exponential backoff for outbox retries: initial × factor^(attempt − 1), capped; no jitter, so retries are reproducible.

export interface BackoffPolicy {
  initialMs: number;
  factor: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1_000, factor: 2, maxMs: 300_000 };

/** Delay before the next attempt after `attempts` failed ones (1 → initialMs). */
export function backoffDelay(policy: BackoffPolicy, attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(policy.maxMs, policy.initialMs * policy.factor ** exponent);
}
