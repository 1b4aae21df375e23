// Per-connection filters on the live event stream: asked at publish time (and for replays), answers may come later,
// each connection still gets its events in order, and a filter that fails withholds the event.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { SseFilter } from '../alerting/receivers/sse-hub.js';
import { createLiveEvents, type LiveEvents } from './live-events.js';

let events: LiveEvents;
let server: http.Server;
afterEach(async () => {
  events.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

async function start(filters: Record<string, SseFilter>) {
  events = createLiveEvents({ heartbeatMs: 0 });
  server = http.createServer((req, res) => events.handle(req, res, filters[req.url!.slice(1)]));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

function read(port: string | number, path: string, lastEventId?: string) {
  const seen: string[] = [];
  const req = http.get(
    { host: '127.0.0.1', port, path, headers: lastEventId ? { 'last-event-id': lastEventId } : {} },
    (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        for (const m of chunk.matchAll(/^data: (.*)$/gm)) seen.push(JSON.parse(m[1]).n);
      });
    },
  );
  req.on('error', () => {});
  return seen;
}

const until = async (check: () => boolean) => {
  for (const start = Date.now(); !check(); await new Promise((r) => setTimeout(r, 5)))
    if (Date.now() - start > 5000) throw new Error('timed out');
};

describe('live events with per-connection filters', () => {
  it('keeps order behind a slow answer, withholds on false, throw or rejection, and filters replays too', async () => {
    const slowOdd: SseFilter = (e) => {
      const n = JSON.parse(e.data).n as number;
      if (n === 4) throw new Error('no');
      if (n === 5) return Promise.reject(new Error('no'));
      return n % 2 === 1 ? new Promise((r) => setTimeout(() => r(true), 30)) : n !== 6;
    };
    const port = await start({ all: () => true, odd: slowOdd });
    const all = read(port, '/all');
    const odd = read(port, '/odd');
    await until(() => events.clientCount() === 2);
    for (let n = 1; n <= 7; n++) events.publish('observations', { n });
    await until(() => all.length === 7 && odd.length === 4);
    expect(all).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(odd).toEqual([1, 2, 3, 7]);
    // A client resuming from an id the buffer no longer holds gets the whole buffer, through its filter.
    const resumed = read(port, '/odd', 'gone');
    await until(() => resumed.length === 4);
    expect(resumed).toEqual([1, 2, 3, 7]);
  });
});
