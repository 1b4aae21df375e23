// The `brief` role of `vigil serve`: sends the daily brief of the day just ended at the configured local time through
// the webhook and e-mail receivers named for it (docs/warning-product.md, "Sending the brief").
import { createNotifiers } from '../alerting/receivers/create-notifiers.js';
import { loadPackAlerting } from '../alerting/open-alerting.js';
import { startBriefScheduler } from '../app/brief-delivery.js';
import { chromiumPrinter } from '../app/brief-documents.js';
import { vigilError } from '../errors/index.js';
import type { RoleContext, RunningRole } from './role-types.js';

const BRIEF_KINDS = new Set(['webhook', 'email']);

export async function startBriefRole(ctx: RoleContext): Promise<RunningRole> {
  const settings = ctx.brief;
  if (!settings || settings.receivers.length === 0) {
    ctx.log('brief: no --brief-receivers, so the daily brief is not sent');
    return { stop: async () => {} };
  }
  const alerting = loadPackAlerting(ctx.vigil.pack);
  const receivers = settings.receivers.map((name) => {
    const r = alerting.receivers.find((x) => x.name === name);
    if (!r || !BRIEF_KINDS.has(r.type))
      throw vigilError(
        'VIGIL_CONFIG_INVALID',
        `invalid --brief-receivers: ${name} is not a webhook or e-mail receiver of ${ctx.vigil.pack.file.replace(/pack\.yaml$/, 'alerting.yaml')} (has: ${alerting.receivers
          .filter((x) => BRIEF_KINDS.has(x.type))
          .map((x) => x.name)
          .join(', ')})`,
      );
    return r;
  });
  const notifiers = createNotifiers(receivers, { env: ctx.secrets ?? {} });
  const publicUrl = settings.publicUrl || `http://${ctx.http?.host ?? '127.0.0.1'}:${ctx.http?.port ?? 8080}`;
  if (!settings.publicUrl && !ctx.http?.port)
    ctx.log(`brief: no --public-url and no fixed --port: the brief's links (${publicUrl}) will not reach the API`);
  const scheduler = startBriefScheduler({
    vigil: ctx.vigil,
    notifiers,
    settings: {
      schedule: { timeZone: ctx.vigil.pack.timeZone, minuteOfDay: settings.minuteOfDay },
      langs: settings.langs,
      tlpMax: settings.tlpMax,
      publicUrl,
    },
    print: chromiumPrinter(settings.chromium),
    log: ctx.log,
  });
  const at = `${String(Math.floor(settings.minuteOfDay / 60)).padStart(2, '0')}:${String(settings.minuteOfDay % 60).padStart(2, '0')}`;
  ctx.log(`brief: daily at ${at} ${ctx.vigil.pack.timeZone} to ${settings.receivers.join(', ')}`);
  return {
    async stop() {
      await scheduler.stop();
      for (const n of notifiers.values()) await n.close();
    },
  };
}
