import { describe, expect, it } from 'vitest';
import { throttleAddressKey } from './client-address.js';
import { createLoginThrottle, type LoginThrottle } from './login-throttle.js';

const MIN = 60_000;

/** A wrong password: begun (and so counted), never succeeded. */
const fail = (t: LoginThrottle, user: string, address: string, nowMs: number) =>
  t.begin(user, address, nowMs).retryAfterMs;
const wait = (t: LoginThrottle, user: string, address: string, nowMs: number) => {
  const a = t.begin(user, address, nowMs);
  // A probe that was let through stands for a right password: take its attempt back.
  if (a.retryAfterMs === 0) t.succeeded(user, address, nowMs);
  return a.retryAfterMs;
};

describe('login throttle', () => {
  it('counts an attempt when it begins, so the sixth of six parallel tries from one address is refused', () => {
    const t = createLoginThrottle();
    const answers = Array.from({ length: 40 }, () => t.begin('admin', '10.0.0.1', 0));
    expect(answers.filter((a) => a.retryAfterMs === 0)).toHaveLength(5);
    expect(answers[5]).toMatchObject({ retryAfterMs: 15 * MIN, scopes: ['user-address'], firstRefusal: true });
    expect(answers.slice(6).every((a) => !a.firstRefusal)).toBe(true);
  });

  it('a sign-in by the real user does not wipe out failures other addresses piled up against the username', () => {
    const t = createLoginThrottle();
    for (let i = 0; i < 49; i++) expect(fail(t, 'admin', `10.1.${i}.1`, 0)).toBe(0);
    expect(wait(t, 'admin', '10.9.9.9', 1)).toBe(0);
    expect(fail(t, 'admin', '10.2.0.1', 2)).toBe(0);
    expect(t.begin('admin', '10.3.0.1', 3).scopes).toEqual(['user']);
  });

  it('locks a username from one address after 5 attempts in 15 minutes, until the oldest leaves the window', () => {
    const t = createLoginThrottle();
    for (let i = 0; i < 4; i++) expect(fail(t, 'ana', '10.0.0.1', i * MIN)).toBe(0);
    expect(fail(t, 'ana', '10.0.0.1', 4 * MIN)).toBe(0);
    expect(t.begin('ana', '10.0.0.1', 4 * MIN).retryAfterMs).toBe(11 * MIN);
    expect(t.begin('ana', '10.0.0.1', 15 * MIN - 1).retryAfterMs).toBe(1);
    expect(fail(t, 'ana', '10.0.0.1', 15 * MIN)).toBe(0);
    expect(t.begin('ana', '10.0.0.1', 15 * MIN).retryAfterMs).toBe(MIN);
    // The same user from elsewhere, and another user from here, were never locked.
    expect(wait(t, 'ana', '10.0.0.9', 5 * MIN)).toBe(0);
    expect(wait(t, 'bob', '10.0.0.1', 5 * MIN)).toBe(0);
  });

  it('does not let one attacking address lock a username for everyone: that takes 50 attempts from all addresses', () => {
    const t = createLoginThrottle();
    for (let i = 0; i < 40; i++) fail(t, 'admin', '203.0.113.7', 0);
    expect(t.begin('admin', '203.0.113.7', MIN).retryAfterMs).toBeGreaterThan(0);
    expect(wait(t, 'admin', '198.51.100.1', MIN)).toBe(0);
    // Many addresses, 4 tries each: no pair and no address reaches its limit, the username does at 50.
    for (let i = 0; i < 50; i++) fail(t, 'root', `192.0.2.${Math.floor(i / 4)}`, 0);
    expect(t.begin('root', '198.51.100.1', MIN)).toMatchObject({ retryAfterMs: 14 * MIN, scopes: ['user'] });
  });

  it('locks an address after 20 attempts across usernames; a success clears the username and takes back its own attempt', () => {
    const t = createLoginThrottle();
    for (let i = 0; i < 20; i++) fail(t, `user${i}`, '10.0.0.1', 0);
    expect(t.begin('ana', '10.0.0.1', MIN)).toMatchObject({ retryAfterMs: 14 * MIN, scopes: ['address'] });
    expect(wait(t, 'ana', '10.0.0.2', MIN)).toBe(0);
    for (let i = 0; i < 4; i++) fail(t, 'ana', '10.0.0.2', 0);
    // Right password: the pair's 4 failures are forgotten, and the address keeps only those 4 (not this 5th try).
    expect(t.begin('ana', '10.0.0.2', MIN).retryAfterMs).toBe(0);
    t.succeeded('ana', '10.0.0.2', MIN);
    for (let i = 0; i < 4; i++) fail(t, 'ana', '10.0.0.2', MIN);
    expect(wait(t, 'ana', '10.0.0.2', MIN)).toBe(0);
    for (let i = 0; i < 11; i++) fail(t, `user${i}`, '10.0.0.2', MIN);
    expect(wait(t, 'zoe', '10.0.0.2', MIN)).toBe(0);
    fail(t, 'zoe', '10.0.0.2', MIN);
    expect(t.begin('zoe', '10.0.0.2', MIN).scopes).toEqual(['address']);
  });

  it('counts IPv6 clients by their /64 and IPv4-mapped addresses as IPv4', () => {
    expect(throttleAddressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(throttleAddressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(throttleAddressKey('::1')).toBe('0:0:0:0::/64');
    expect(throttleAddressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(throttleAddressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(throttleAddressKey('::ffff:c000:201')).toBe('192.0.2.1');
    expect(throttleAddressKey('192.0.2.1')).toBe('192.0.2.1');
    const t = createLoginThrottle();
    for (let i = 0; i < 20; i++) fail(t, `user${i}`, `2001:db8:1:2::${i.toString(16)}`, 0);
    expect(t.begin('ana', '2001:db8:1:2:ffff::9', MIN).scopes).toEqual(['address']);
    expect(wait(t, 'ana', '2001:db8:1:3::9', MIN)).toBe(0);
    for (let i = 0; i < 5; i++) fail(t, 'bob', '::ffff:192.0.2.1', 0);
    expect(t.begin('bob', '192.0.2.1', MIN).scopes).toEqual(['user-address']);
  });

  it('keeps at most maxKeys keys, forgetting unlocked ones first: a flood of junk keys does not unlock a locked key', () => {
    const t = createLoginThrottle({ maxKeys: 12 });
    for (let i = 0; i < 5; i++) fail(t, 'admin', '10.0.0.1', 0);
    expect(t.begin('admin', '10.0.0.1', 1).retryAfterMs).toBeGreaterThan(0);
    for (let i = 0; i < 1000; i++) fail(t, `junk${i}`, `10.1.${i >> 8}.${i & 255}`, 1 + i);
    expect(t.size()).toBeLessThanOrEqual(12);
    expect(t.begin('admin', '10.0.0.1', 2000).retryAfterMs).toBeGreaterThan(0);
  });

  it('keeps at most `limit` times per key however long the flood', () => {
    const t = createLoginThrottle({ perUserAddress: 3, perAddress: 3, perUser: 3, windowMs: 10 });
    // Each window lets 3 through; 10,000 tries over 1,000 windows leave three keys of at most 3 times each.
    for (let i = 0; i < 10_000; i++) t.begin('ana', '10.0.0.1', i);
    expect(t.size()).toBe(3);
    const later = 20_000;
    expect([1, 2, 3, 4].map(() => t.begin('ana', '10.0.0.1', later).retryAfterMs)).toEqual([0, 0, 0, 10]);
  });
});
