// Sends the daily brief through the receivers once a day, and records each delivery so a restarted `vigil serve`
// never sends a day's brief to a receiver twice: e-mail gets the PDF of each language attached and the HTML as its
// body, a webhook gets the text and links to the brief in the API. The clock is the Vigil's; timers are passed in.
import { DOCUMENT_VERSION, type DocumentAttachment, type DocumentMessage } from '../alerting/document-message.js';
import type { Notifier } from '../alerting/notifier.js';
import type { BriefLang } from '../brief/brief-language.js';
import { dueBriefDay, nextBriefAt, type BriefSchedule } from '../brief/brief-schedule.js';
import { renderBriefHtml } from '../brief/render-brief-html.js';
import { briefFileName, briefSubject, renderBriefNotificationText } from '../brief/render-brief-notification.js';
import type { Tlp } from '../model/index.js';
import { formatDay, type DayNumber } from '../time/zone.js';
import { briefInputAt } from './brief-at.js';
import type { PdfPrinter } from './brief-documents.js';
import type { Vigil } from './open-vigil.js';

/** A claim older than this was abandoned by a process that died mid-send: another may take it over. */
const STALE_CLAIM_MS = 15 * 60_000;
/** The scheduler wakes at least this often, so a clock that jumps does not leave it asleep for a day. */
const MAX_SLEEP_MS = 60 * 60_000;

export const BRIEF_ACTOR = 'role:brief';

export interface BriefDeliverySettings {
  schedule: BriefSchedule;
  langs: readonly BriefLang[];
  /** The brief sent is assessed only on observations at or below this marking. */
  tlpMax: Tlp;
  /** Base URL of the API for the links (e.g. https://vigil.example.org). */
  publicUrl: string;
}

export interface BriefDeliveryDeps {
  vigil: Vigil;
  /** The receivers named for the brief (webhook or e-mail). */
  notifiers: ReadonlyMap<string, Notifier>;
  settings: BriefDeliverySettings;
  print: PdfPrinter;
  log: (line: string) => void;
}

export interface BriefDeliveryResult {
  day: string;
  sent: string[];
  /** Already sent (or being sent by another process). */
  skipped: string[];
  failed: string[];
}

export function briefLink(publicUrl: string, day: string, lang: BriefLang, format: 'html' | 'pdf'): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/v1/briefs/${day}?lang=${lang}&format=${format}`;
}

/** Sends the brief of `day` to every receiver that has not had it; each success is recorded and audited. */
export async function deliverBrief(deps: BriefDeliveryDeps, dayNumber: DayNumber): Promise<BriefDeliveryResult> {
  const { vigil, settings } = deps;
  const day = formatDay(dayNumber);
  const now = vigil.clock();
  const result: BriefDeliveryResult = { day, sent: [], skipped: [], failed: [] };
  const claimed: Notifier[] = [];
  for (const notifier of deps.notifiers.values()) {
    const key = { packId: vigil.pack.id, day, receiver: notifier.receiver };
    const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
    if (await vigil.briefDeliveries.claim(key, now.toISOString(), stale)) claimed.push(notifier);
    else result.skipped.push(notifier.receiver);
  }
  if (claimed.length === 0) return result;

  const input = await briefInputAt(vigil.store, vigil.pack, dayNumber, now, settings.tlpMax);
  const html = new Map(settings.langs.map((lang) => [lang, renderBriefHtml(input, lang)]));
  const attachments: DocumentAttachment[] = [];
  if (claimed.some((n) => n.kind === 'email'))
    for (const lang of settings.langs)
      attachments.push({
        filename: briefFileName(vigil.pack.id, day, lang, 'pdf'),
        contentType: 'application/pdf',
        content: await deps.print(html.get(lang)!),
      });
  const links = settings.langs.flatMap((lang) =>
    (['pdf', 'html'] as const).map((format) => ({
      label: `${lang} ${format}`,
      url: briefLink(settings.publicUrl, day, lang, format),
      contentType: format === 'pdf' ? 'application/pdf' : 'text/html',
    })),
  );
  const facts = {
    pack: vigil.pack.id,
    day,
    level: input.today.level,
    levelName: input.today.levelName,
    knowledge: input.today.knowledge.state,
    tlp: input.provenance.tlp,
  };

  for (const notifier of claimed) {
    const key = { packId: vigil.pack.id, day, receiver: notifier.receiver };
    const email = notifier.kind === 'email';
    const message: DocumentMessage = {
      version: DOCUMENT_VERSION,
      kind: 'daily-brief',
      idempotencyKey: `brief-${vigil.pack.id}-${day}-${notifier.receiver}`,
      subject: briefSubject(input),
      text: renderBriefNotificationText(input, settings.langs, email ? attachments.map((a) => a.filename) : [], links),
      ...(email ? { html: html.get(settings.langs[0])! } : {}),
      attachments: email ? attachments : [],
      links,
      facts,
      sentAt: vigil.clock().toISOString(),
    };
    try {
      if (!notifier.sendDocument) throw new Error(`a ${notifier.kind} receiver cannot carry the brief`);
      await notifier.sendDocument(message);
    } catch (error) {
      const why = (error as Error).message;
      await vigil.briefDeliveries.markFailed(key, why);
      deps.log(`brief: ${day} to ${notifier.receiver} failed: ${why} (retried at the next wake-up)`);
      result.failed.push(notifier.receiver);
      continue;
    }
    await vigil.writes.audited({
      actor: BRIEF_ACTOR,
      action: 'brief.send',
      target: `${day}/${notifier.receiver}`,
      write: () => vigil.briefDeliveries.markSent(key, vigil.clock().toISOString()),
      details: () => ({ kind: notifier.kind, langs: settings.langs.join(','), tlp: facts.tlp, level: facts.level }),
    });
    result.sent.push(notifier.receiver);
  }
  if (result.sent.length > 0) deps.log(`brief: ${day} sent to ${result.sent.join(', ')}`);
  return result;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface BriefScheduler {
  /** Sends the brief due now, if not yet sent (what each wake-up does). */
  tick(): Promise<BriefDeliveryResult>;
  /** Stops waking up and waits for a send in progress. */
  stop(): Promise<void>;
}

/**
 * Wakes at start-up (so a process started after the send time still sends that morning's brief) and at each send
 * time after, re-reading the clock at least hourly.
 */
export function startBriefScheduler(deps: BriefDeliveryDeps, timers: Timers = globalThis as Timers): BriefScheduler {
  let stopped = false;
  let handle: unknown;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    const run = deliverBrief(deps, dueBriefDay(deps.settings.schedule, deps.vigil.clock().getTime()));
    running = Promise.all([running, run.catch(() => undefined)]);
    return run;
  };
  const wake = () => {
    if (stopped) return;
    const woken = tick()
      .catch((error: Error) => deps.log(`brief: delivery failed: ${error.message}`))
      .then(() => {
        if (stopped) return;
        const now = deps.vigil.clock().getTime();
        const sleep = Math.min(MAX_SLEEP_MS, Math.max(1_000, nextBriefAt(deps.settings.schedule, now) - now));
        handle = timers.setTimeout(wake, sleep);
      });
    running = Promise.all([running, woken]);
  };
  wake();
  return {
    tick,
    async stop() {
      await running;
      stopped = true;
      if (handle !== undefined) timers.clearTimeout(handle);
    },
  };
}
