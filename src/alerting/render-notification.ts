// Renders a notification as plain text (e-mail body, terminal): status, each alert's summary, what moved, evidence, playbook.
// Both languages: each summary and playbook text is followed by its Traditional Chinese counterpart when it has one.
import { formatNumber } from '../model/number-format.js';
import { localMinute } from '../time/local-text.js';
import { describeMove, pct } from './alert-explanation.js';
import type { NotificationEnvelope, NotifiedAlert } from './notification.js';

export interface TextOptions {
  colour?: boolean;
  /** The theatre's zone: times print as local minutes in it (absent: ISO instants, as the envelope has them). */
  timeZone?: string;
}

/** `[VIGIL FIRING:2] LevelAlert, HypothesisH1 · taiwan-strait`; with one alert, ` — ` and its summary after. */
export function notificationSubject(n: NotificationEnvelope): string {
  const firing = n.alerts.filter((a) => a.status === 'firing').length;
  const names = [...new Set(n.alerts.map((a) => a.labels.alertname))].join(', ');
  const theatre = n.commonLabels.theatre ? ` · ${n.commonLabels.theatre}` : '';
  const tag =
    n.mode === 'escalation'
      ? ` ESCALATION ${n.escalation?.step}/${n.escalation?.of}`
      : n.mode === 'repeat'
        ? ' REMINDER'
        : n.mode === 'digest'
          ? ' DIGEST'
          : '';
  // One alert: its summary too, so the subject alone says what happened (several: the body lists them).
  const summary =
    n.alerts.length === 1 && n.alerts[0].annotations.summary ? ` — ${n.alerts[0].annotations.summary}` : '';
  return `[VIGIL ${n.status.toUpperCase()}${n.status === 'firing' ? `:${firing}` : ''}${tag}] ${names}${theatre}${summary}`;
}

export function renderNotificationText(n: NotificationEnvelope, options: TextOptions = {}): string {
  const paint = (code: string, text: string) => (options.colour ? `\x1b[${code}m${text}\x1b[0m` : text);
  const zone = options.timeZone;
  const time = (iso: string) => (zone === undefined ? iso : localMinute(iso, zone));
  const lines = [
    paint(n.status === 'firing' ? '1;31' : '1;32', notificationSubject(n)),
    `${time(n.createdAt)}${zone === undefined ? '' : ` (${zone})`} · group ${n.groupKey} · delivery ${n.deliveryId}`,
  ];
  for (const a of n.alerts) lines.push('', ...renderAlert(a, paint, time));
  return `${lines.join('\n')}\n`;
}

function renderAlert(
  a: NotifiedAlert,
  paint: (code: string, text: string) => string,
  time: (iso: string) => string,
): string[] {
  const lines = [
    `${paint(a.status === 'firing' ? '31' : '32', a.status.toUpperCase())} ${a.labels.alertname} [${a.id}] ${a.annotations.summary ?? ''}`,
  ];
  if (a.annotations.summary_zh) lines.push(`  ${ZH_STATUS[a.status] ?? a.status}：${a.annotations.summary_zh}`);
  const e = a.explanation;
  if (e?.moved) lines.push(`  moved: ${describeMove(e.moved)}`);
  if (e) {
    const others = e.hypotheses.filter((h) => h.id !== e.moved?.id && h.from !== null && Math.abs(h.delta) >= 0.005);
    if (others.length > 0)
      lines.push(`  also: ${others.map((h) => `${h.id} ${pct(h.from!)} → ${pct(h.to)}`).join(', ')}`);
    for (const x of e.evidence) {
      const value = x.value === null ? '' : ` ${formatNumber(x.value)}`;
      const baseline = x.baseline === null ? '' : ` (baseline ${formatNumber(x.baseline)})`;
      lines.push(
        `  evidence: ${x.name} ${x.state}${value}${baseline}, ${x.contribution >= 0 ? '+' : ''}${x.contribution.toFixed(2)} log-odds · observations ${x.observationIds.slice(-3).join(', ') || '—'}`,
      );
    }
  }
  for (const [k, v] of Object.entries(a.annotations)) if (!TEXT_ANNOTATIONS.has(k)) lines.push(`  ${k}: ${v}`);
  if (a.acknowledged)
    lines.push(
      `  acknowledged by ${a.acknowledged.by} at ${time(a.acknowledged.at)}${a.acknowledged.comment ? `: ${a.acknowledged.comment}` : ''}`,
    );
  else if (a.status === 'firing') lines.push(`  acknowledge: vigil alerts ack ${a.id} --by NAME`);
  if (a.playbook) {
    lines.push(`  playbook: ${a.playbook.title}${a.playbook.titleZh ? ` / ${a.playbook.titleZh}` : ''}`);
    for (const s of a.playbook.steps)
      lines.push(
        `    [${s.tickedBy ? 'x' : ' '}] ${s.id}: ${s.text}${s.textZh ? ` / ${s.textZh}` : ''}${s.tickedBy ? ` (${s.tickedBy}, ${time(s.tickedAt!)})` : ''}`,
      );
  }
  return lines;
}

/** Annotations the body says in its own words (the summary lines), not as `key: value`. */
const TEXT_ANNOTATIONS = new Set(['summary', 'description', 'summary_zh', 'description_zh']);

/** The alert states in Traditional Chinese, as the dashboard says them. */
const ZH_STATUS: Record<string, string> = {
  firing: '觸發中',
  resolved: '已解除',
  pending: '待確認',
  inactive: '未觸發',
};
