import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../app/paths.js';
import { errorRegistry } from './registry.js';
import { inputError, isVigilError, vigilError } from './vigil-error.js';

describe('error registry', () => {
  it('agrees with docs/errors.md, row for row', () => {
    const doc = readFileSync(join(PACKAGE_ROOT, 'docs', 'errors.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| `(VIGIL_[A-Z_]+)` \| (\d{3}) \| (yes|no) \| (.+?) \|$/gm)].map((m) => ({
      code: m[1],
      status: Number(m[2]),
      retryable: m[3] === 'yes',
      summary: m[4],
    }));
    const registry = Object.entries(errorRegistry).map(([code, e]) => ({
      code,
      status: e.status,
      retryable: e.retryable,
      summary: e.summary,
    }));
    expect(rows).toEqual(registry);
  });

  it('carries code, status and retryability', () => {
    const e = vigilError('VIGIL_STORE_LOCKED', 'locked');
    expect(isVigilError(e)).toBe(true);
    expect([e.code, e.status, e.retryable]).toEqual(['VIGIL_STORE_LOCKED', 503, true]);
    expect(inputError('a.csv', 7, 'published', 'not a date').message).toBe('a.csv:7: published: not a date');
  });
});
