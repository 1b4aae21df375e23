// The audit chain: any change to any field of any entry, or a removed or reordered entry, fails verification.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainEntry, GENESIS_HASH, verifyAuditChain, type AuditEntry } from './audit-chain.js';

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 0; i < n; i++)
    out.push(
      chainEntry(out.at(-1), {
        at: `2026-01-0${(i % 9) + 1}T00:00:00.000Z`,
        actor: `user:u${i}`,
        action: 'alert.ack',
        target: `a${i}`,
        details: { i, note: 'x' },
      }),
    );
  return out;
}

describe('audit chain', () => {
  it('verifies an intact chain and an empty one', () => {
    const entries = chain(5);
    expect(entries[0].prevHash).toBe(GENESIS_HASH);
    expect(verifyAuditChain(entries)).toEqual({ ok: true, entries: 5, head: entries[4].hash });
    expect(verifyAuditChain([])).toEqual({ ok: true, entries: 0, head: GENESIS_HASH });
  });

  it('detects an edit to any field of any entry', () => {
    const fields = ['at', 'actor', 'action', 'target', 'details', 'prevHash', 'hash', 'seq'] as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.constantFrom(...fields), (index, field) => {
        const entries = chain(6);
        const e = entries[index] as unknown as Record<string, unknown>;
        e[field] = field === 'seq' ? (e.seq as number) + 10 : field === 'details' ? { i: -1 } : `${String(e[field])}!`;
        const result = verifyAuditChain(entries);
        expect(result.ok).toBe(false);
        expect(result.problem?.seq).toBeLessThanOrEqual(entries[index].seq);
      }),
    );
  });

  it('detects removed and reordered entries', () => {
    const entries = chain(4);
    expect(verifyAuditChain([entries[0], entries[2], entries[3]]).problem).toMatchObject({ seq: 3 });
    expect(verifyAuditChain([entries[1], entries[0]]).ok).toBe(false);
    expect(verifyAuditChain(entries.slice(1)).ok).toBe(false);
  });
});
