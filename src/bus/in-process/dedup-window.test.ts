// The in-process bus's dedup window: what it remembers, for how long, and that it holds only what is in the window.
import { describe, expect, it } from 'vitest';
import { DedupWindow } from './dedup-window.js';

describe('DedupWindow', () => {
  it('reports an id seen within the window and accepts it again once the window has passed', () => {
    const w = new DedupWindow(100);
    expect(w.seen('a', 0)).toBe(false);
    expect(w.seen('a', 99)).toBe(true);
    expect(w.seen('b', 99)).toBe(false);
    expect(w.seen('a', 100)).toBe(false);
    expect(w.seen('a', 150)).toBe(true);
    expect(w.seen('b', 150)).toBe(true);
    expect(w.seen('b', 199)).toBe(false);
  });

  it('holds only the ids of the window: each check forgets what expired, however many ids there are', () => {
    const w = new DedupWindow(100);
    for (let t = 0; t < 5_000; t++) {
      expect(w.seen(`id-${t}`, t)).toBe(false);
      expect(w.size).toBeLessThanOrEqual(100);
    }
    expect(w.seen('late', 5_000 + 100)).toBe(false);
    expect(w.size).toBe(1);
  });

  it('an id accepted again after expiry moves to the back, so the ids behind it are still forgotten in time', () => {
    const w = new DedupWindow(100);
    w.seen('a', 0);
    w.seen('b', 50);
    expect(w.seen('a', 120)).toBe(false); // expired at 100: accepted again, remembered until 220
    expect(w.seen('c', 160)).toBe(false); // b expired at 150
    expect(w.size).toBe(2);
    expect(w.seen('a', 160)).toBe(true);
    expect(w.seen('b', 160)).toBe(false);
  });
});
