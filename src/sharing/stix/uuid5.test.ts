import { describe, expect, it } from 'vitest';
import { stixId, uuidV5 } from './uuid5.js';

describe('UUIDv5', () => {
  it('matches the RFC 4122 name-based algorithm (Python uuid.uuid5(NAMESPACE_DNS, "www.example.com"))', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('is deterministic, version 5, RFC 4122 variant, and differs by type', () => {
    const a = stixId('observed-data', 'abc');
    expect(a).toBe(stixId('observed-data', 'abc'));
    expect(a).toMatch(/^observed-data--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stixId('report', 'abc').slice('report--'.length)).not.toBe(a.slice('observed-data--'.length));
  });

  it('rejects a malformed namespace', () => {
    expect(() => uuidV5('not-a-uuid', 'x')).toThrow(/invalid UUID namespace/);
  });
});
