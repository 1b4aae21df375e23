// Instants and spans as a reader in the theatre reads them: local days and minutes in the pack's zone, spans in
// whole days or hours, cadences in words ("daily", "每日"), in English or Traditional Chinese.
import { formatDay, getZone } from './zone.js';

export type TextLang = 'en' | 'zh';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** `2026-08-22T01:00:00.000Z` → `2026-08-22`, the local day in `timeZone`. */
export function localDay(instant: string | number, timeZone: string): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  return formatDay(getZone(timeZone).dayOf(ms));
}

/** `2026-08-22T01:00:00.000Z` → `2026-08-22 09:00` in `timeZone`. */
export function localMinute(instant: string | number, timeZone: string): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  const zone = getZone(timeZone);
  const day = zone.dayOf(ms);
  const minutes = Math.floor((ms - zone.startOfDay(day)) / 60_000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${formatDay(day)} ${hh}:${mm}`;
}

/** A span rounded to what a reader needs: `106 days` from two days up, else `5 hours`, else `12 minutes`. */
export function spanText(ms: number, lang: TextLang): string {
  const [n, unit] =
    ms >= 2 * DAY
      ? [Math.round(ms / DAY), 'day']
      : ms >= 2 * HOUR
        ? [Math.round(ms / HOUR), 'hour']
        : [Math.max(0, Math.round(ms / 60_000)), 'minute'];
  if (lang === 'zh') return `${n} ${unit === 'day' ? '日' : unit === 'hour' ? '小時' : '分鐘'}`;
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** How often something is expected: `daily`, `hourly`, `weekly`, `every 6 hours`, `every 2 days` (`每日`, `每 6 小時`). */
export function cadenceText(ms: number, lang: TextLang): string {
  const zh = lang === 'zh';
  if (ms === DAY) return zh ? '每日' : 'daily';
  if (ms === HOUR) return zh ? '每小時' : 'hourly';
  if (ms === 7 * DAY) return zh ? '每週' : 'weekly';
  if (ms % DAY === 0) return zh ? `每 ${ms / DAY} 日` : `every ${ms / DAY} days`;
  if (ms % HOUR === 0) return zh ? `每 ${ms / HOUR} 小時` : `every ${ms / HOUR} hours`;
  const minutes = Math.max(1, Math.round(ms / 60_000));
  return zh ? `每 ${minutes} 分鐘` : `every ${minutes} minutes`;
}
