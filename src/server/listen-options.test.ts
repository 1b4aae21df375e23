import { describe, expect, it } from 'vitest';
import { parsePort, parseTrustProxy } from './listen-options.js';

describe('listen options', () => {
  it('parses ports 0–65535 and nothing else', () => {
    expect(parsePort('8080')).toBe(8080);
    expect(parsePort('0')).toBe(0);
    for (const bad of ['65536', '-1', '80x', '']) expect(() => parsePort(bad)).toThrow(/invalid --port/);
  });

  it('parses --trust-proxy: true, addresses, CIDRs and proxy-addr names; nothing, empty or false trusts no proxy', () => {
    expect(parseTrustProxy(undefined)).toBeUndefined();
    expect(parseTrustProxy('')).toBeUndefined();
    expect(parseTrustProxy('false')).toBeUndefined();
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('10.0.0.5, 192.168.0.0/16,::1,fd00::/8,loopback')).toEqual(['10.0.0.5', '192.168.0.0/16', '::1', 'fd00::/8', 'loopback']);
    for (const bad of ['proxy.example', '10.0.0.0/33', '10.0.0.1/8/8', 'yes']) expect(() => parseTrustProxy(bad)).toThrow(/invalid --trust-proxy/);
  });
});
