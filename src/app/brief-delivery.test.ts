// The daily brief's delivery with a fake clock and fake timers, to a real SMTP server (smtp-server) and a real webhook
// on loopback: the PDF of each language attached to the e-mail with the HTML as its body, a signed webhook with links,
// each delivery recorded and audited, nothing sent twice after a restart, a failed delivery retried.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dailyCounts, steady, testPack } from '../../test/support/analysis-fixtures.js';
import {
  sinkEmailNotifier,
  startHook,
  startSmtpSink,
  WEBHOOK_TEST_SECRET,
  type Hook,
  type SmtpSink,
} from '../alerting/receivers/receiving-ends.contract.js';
import { createWebhookNotifier } from '../alerting/receivers/webhook-notifier.js';
import type { Notifier } from '../alerting/notifier.js';
import { parseLocalTime } from '../brief/brief-schedule.js';
import { withId } from '../model/index.js';
import type { LoadedPack } from '../packs/pack-loader.js';
import { startBriefScheduler, type BriefDeliveryDeps, type Timers } from './brief-delivery.js';
import { openVigil, type Vigil } from './open-vigil.js';

const pack: LoadedPack = { ...testPack(), file: '/nonexistent/test-pack.yaml' };
const dir = mkdtempSync(join(tmpdir(), 'vigil-brief-delivery-'));
let now = new Date('2024-04-11T22:29:00.000Z'); // 06:29 on 12 April in Taipei
const clock = () => now;
let vigil: Vigil;
let sink: SmtpSink;
let hook: Hook;
let notifiers: Map<string, Notifier>;
const printed: string[] = [];
const logs: string[] = [];

/** Timers that never fire by themselves: the test reads what was asked for and drives the scheduler by hand. */
function fakeTimers(): Timers & { asked: number[] } {
  const asked: number[] = [];
  return { asked, setTimeout: (_fn, ms) => asked.push(ms), clearTimeout: () => {} };
}

function deps(): BriefDeliveryDeps {
  return {
    vigil,
    notifiers,
    settings: {
      schedule: { timeZone: 'Asia/Taipei', minuteOfDay: parseLocalTime('06:30') },
      langs: ['en', 'zh'],
      tlpMax: 'amber',
      publicUrl: 'https://vigil.example.org/',
    },
    // The PDF itself is Chromium's (brief-pdf.test.ts); here, a marker per language shows which HTML was printed.
    print: async (html) => {
      printed.push(html);
      return Buffer.from(`%PDF-1.4 fake ${/lang="([^"]+)"/.exec(html)![1]}`);
    },
    log: (line) => logs.push(line),
  };
}

beforeAll(async () => {
  vigil = await openVigil({ databaseUrl: join(dir, 'v.db'), pack }, clock);
  const air = dailyCounts('test.aircraft', '2024-03-01', [...steady(40, 10), 60, 58]).map(({ id: _, ...o }) =>
    withId({ ...o, tlp: 'green' }),
  );
  await vigil.store.putObservations(air, '2024-04-11T12:00:00.000Z');
  sink = await startSmtpSink();
  hook = await startHook();
  notifiers = new Map<string, Notifier>([
    ['watch-floor', sinkEmailNotifier(sink)],
    [
      'ops-hook',
      createWebhookNotifier({ receiver: 'ops-hook', url: hook.url, secret: WEBHOOK_TEST_SECRET, timeoutMs: 2_000 }),
    ],
  ]);
});
afterAll(async () => {
  for (const n of notifiers.values()) await n.close();
  await sink.close();
  await hook.close();
  await vigil.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('daily brief delivery', () => {
  it('at start-up before the send time, sends the brief of the day before yesterday, then sleeps until 06:30', async () => {
    const timers = fakeTimers();
    const scheduler = startBriefScheduler(deps(), timers);
    await scheduler.stop();
    expect(sink.messages.map((m) => m.subject)).toEqual([
      '[TLP:GREEN] Daily warning brief · Test theatre · 2024-04-10 · ' + sink.messages[0].subject.split(' · ').at(-1),
    ]);
    expect(timers.asked).toEqual([60_000]); // 06:29 → 06:30
    expect(hook.deliveries).toHaveLength(1);
  });

  it('e-mails the PDF of each language with the HTML as the body, and posts a signed webhook with links', async () => {
    const mail = sink.messages[0];
    expect(mail.raw).toMatch(/Content-Type: application\/pdf; name=brief-test-2024-04-10-en\.pdf/);
    expect(mail.raw).toMatch(/Content-Type: application\/pdf; name=brief-test-2024-04-10-zh\.pdf/);
    expect(mail.raw).toMatch(/Content-Type: text\/html/);
    expect(mail.content).toContain('Attached: brief-test-2024-04-10-en.pdf, brief-test-2024-04-10-zh.pdf');
    expect(mail.idempotencyKey).toBe('brief-test-2024-04-10-watch-floor');
    expect(printed.map((h) => /lang="([^"]+)"/.exec(h)![1])).toEqual(['en', 'zh-Hant']);
    const delivery = hook.deliveries[0];
    expect(delivery.signed).toBe(true);
    const body = JSON.parse(delivery.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      version: 'vigil.document/1',
      kind: 'daily-brief',
      facts: { pack: 'test', day: '2024-04-10', tlp: 'green' },
    });
    expect(body.attachments).toBeUndefined();
    expect(body.links).toContainEqual({
      label: 'zh pdf',
      url: 'https://vigil.example.org/api/v1/briefs/2024-04-10?lang=zh&format=pdf',
      contentType: 'application/pdf',
    });
  });

  it('at 06:30 sends the day just ended; a restarted scheduler sends nothing twice', async () => {
    now = new Date('2024-04-11T22:30:00.000Z');
    const first = startBriefScheduler(deps(), fakeTimers());
    await first.stop();
    expect(sink.messages.map((m) => m.subject.split(' · ')[2])).toEqual(['2024-04-10', '2024-04-11']);
    now = new Date('2024-04-12T03:00:00.000Z'); // later the same morning: a restart
    const restarted = startBriefScheduler(deps(), fakeTimers());
    const again = await restarted.tick();
    await restarted.stop();
    expect(again).toEqual({ day: '2024-04-11', sent: [], skipped: ['watch-floor', 'ops-hook'], failed: [] });
    expect(sink.messages).toHaveLength(2);
    expect(hook.deliveries).toHaveLength(2);
    const audit = await vigil.users.listAudit({ action: 'brief.send' });
    expect(audit.map((e) => [e.actor, e.target])).toEqual([
      ['role:brief', '2024-04-10/watch-floor'],
      ['role:brief', '2024-04-10/ops-hook'],
      ['role:brief', '2024-04-11/watch-floor'],
      ['role:brief', '2024-04-11/ops-hook'],
    ]);
  });

  it('records a failed delivery and retries it at the next wake-up, without re-sending to the others', async () => {
    now = new Date('2024-04-12T22:30:00.000Z'); // 06:30 on the 13th: the 12th is due
    hook.status = 503;
    const scheduler = startBriefScheduler(deps(), fakeTimers());
    await scheduler.stop();
    expect(await vigil.briefDeliveries.list('test', '2024-04-12')).toMatchObject([
      { receiver: 'ops-hook', status: 'failed', error: 'webhook ops-hook: HTTP 503' },
      { receiver: 'watch-floor', status: 'sent' },
    ]);
    hook.status = 204;
    const retry = startBriefScheduler(deps(), fakeTimers());
    await retry.stop();
    expect((await vigil.briefDeliveries.list('test', '2024-04-12')).map((d) => d.status)).toEqual(['sent', 'sent']);
    expect(sink.messages).toHaveLength(3);
    expect(hook.deliveries.map((d) => d.idempotencyKey).slice(2)).toEqual([
      'brief-test-2024-04-12-ops-hook',
      'brief-test-2024-04-12-ops-hook',
    ]);
    expect(logs.some((l) => l.includes('ops-hook failed: webhook ops-hook: HTTP 503'))).toBe(true);
  });
});
