import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from './login-throttle.js';

const MIN = 60_000;

describe('login throttle', () => {
  it('locks a username after 5 failures in 15 minutes, until the oldest counted failure leaves the window', () => {
    const t = createLoginThrottle();
    for (let i = 0; i < 4; i++) t.failed('ana', `10.0.0.${i}`, i * MIN);
    expect(t.retryAfterMs('ana', '10.0.0.9', 4 * MIN)).toBe(0);
    t.failed('ana', '10.0.0.4', 4 * MIN);
    expect(t.retryAfterMs('ana', '10.0.0.9', 4 * MIN)).toBe(11 * MIN);
    expect(t.retryAfterMs('bob', '10.0.0.9', 4 * MIN)).toBe(0);
    expect(t.retryAfterMs('ana', '10.0.0.9', 15 * MIN - 1)).toBe(1);
    expect(t.retryAfterMs('ana', '10.0.0.9', 15 * MIN)).toBe(0);
  });

  it('locks an address after 20 failures across usernames; a success clears the username, not the address', () => {
    const t = createLoginThrottle();
    for (let i = 0; i < 20; i++) t.failed(`user${i}`, '10.0.0.1', 0);
    expect(t.retryAfterMs('ana', '10.0.0.1', MIN)).toBe(14 * MIN);
    expect(t.retryAfterMs('ana', '10.0.0.2', MIN)).toBe(0);
    for (let i = 0; i < 5; i++) t.failed('ana', '10.0.0.2', 0);
    t.succeeded('ana');
    expect(t.retryAfterMs('ana', '10.0.0.3', MIN)).toBe(0);
    expect(t.retryAfterMs('ana', '10.0.0.1', MIN)).toBe(14 * MIN);
  });

  it('remembers at most maxKeys keys', () => {
    const t = createLoginThrottle({ perUser: 1, maxKeys: 4 });
    for (let i = 0; i < 10; i++) t.failed(`user${i}`, '10.0.0.1', 0);
    expect(t.retryAfterMs('user0', '10.0.0.2', 1)).toBe(0);
    expect(t.retryAfterMs('user9', '10.0.0.2', 1)).toBeGreaterThan(0);
  });
});
