// The playback day typed as ISO YYYY-MM-DD whatever the browser's locale: parsed and checked against the data span,
// with the reason when it is not a day the dashboard can show. Pure.

export type IsoDayResult =
  { ok: true; day: string } | { ok: false; problem: 'format' | 'calendar' | 'before' | 'after' };

/** Pattern for the text input (the browser's own hint; `parseIsoDay` is what decides). */
export const ISO_DAY_PATTERN = '\\d{4}-\\d{2}-\\d{2}';

export function parseIsoDay(text: string, firstDay: string, latestDay: string): IsoDayResult {
  const s = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return { ok: false, problem: 'format' };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return { ok: false, problem: 'calendar' };
  if (s < firstDay) return { ok: false, problem: 'before' };
  if (s > latestDay) return { ok: false, problem: 'after' };
  return { ok: true, day: s };
}
