// Tests for choosing a Bus adapter from a URL, reading nats:// URLs, and an unreachable server's error.
import { describe, expect, it } from 'vitest';
import { openBus, resolveBusUrl } from './open-bus.js';
import { natsTopology } from './nats/nats-topology.js';
import { parseNatsUrl } from './nats/nats-url.js';

describe('openBus', () => {
  it('defaults to the in-process bus: flag, then VIGIL_BUS, then memory:', async () => {
    expect(resolveBusUrl(' nats://a:4222 ', 'memory:')).toBe('nats://a:4222');
    expect(resolveBusUrl(undefined, 'nats://b')).toBe('nats://b');
    expect(resolveBusUrl('', ' ')).toBe('memory:');
    const bus = await openBus('memory:');
    expect(bus.kind).toBe('memory');
    await bus.close();
  });

  it('refuses unknown schemes without echoing credentials', async () => {
    await expect(openBus('kafka://user:pw@host')).rejects.toMatchObject({
      code: 'VIGIL_CONFIG_INVALID',
      message: expect.not.stringContaining('pw'),
    });
  });

  it('reports an unreachable NATS server as VIGIL_BUS_UNAVAILABLE, naming hosts only', async () => {
    const error = await openBus('nats://user:secret@127.0.0.1:1').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'VIGIL_BUS_UNAVAILABLE', retryable: true });
    expect((error as Error).message).toContain('127.0.0.1:1');
    expect((error as Error).message).not.toContain('secret');
  });
});

describe('NATS URLs and topology', () => {
  it('reads servers and namespace', () => {
    expect(parseNatsUrl('nats://a:4222,u:p@b:4223?namespace=ops')).toEqual({
      servers: ['nats://a:4222', 'nats://u:p@b:4223'],
      namespace: 'ops',
      label: 'a:4222,b:4223',
    });
    expect(() => parseNatsUrl('nats://')).toThrow(expect.objectContaining({ code: 'VIGIL_CONFIG_INVALID' }));
  });

  it('prefixes subjects and stream names with the namespace, and names durables without dots', () => {
    const t = natsTopology('ops_2');
    expect(t.wireSubject('vigil.observations.ingest')).toBe('ops_2.vigil.observations.ingest');
    expect(t.vigilSubject('ops_2.vigil.observations.ingest')).toBe('vigil.observations.ingest');
    expect(t.streamName({ name: 'OBSERVATIONS', prefix: 'vigil.observations', maxAgeMs: 1 })).toBe(
      'OPS_2_VIGIL_OBSERVATIONS',
    );
    expect(natsTopology().streamName({ name: 'ASSESSMENTS', prefix: 'vigil.assessments', maxAgeMs: 1 })).toBe(
      'VIGIL_ASSESSMENTS',
    );
    expect(t.durableName('assess', 'vigil.observations.stored.taiwan-strait')).toBe(
      'assess__vigil_observations_stored_taiwan-strait',
    );
    expect(() => natsTopology('Bad.NS')).toThrow(expect.objectContaining({ code: 'VIGIL_CONFIG_INVALID' }));
  });
});
