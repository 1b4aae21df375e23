// How big a value is, in words: the value, its multiple of the baseline median and its rank in the record known by
// the as-of day ("153 aircraft · ×9.6 baseline · highest of 2,100 days on record"). Pure.
import { translate, unitName, type Lang } from './i18n.js';

export interface MagnitudeInput {
  value: number | null;
  unit?: string;
  /** The baseline median the detector judged against; null or 0: no multiple is shown. */
  baseline: number | null;
  /** Rank in the record known by the as-of day (1 = highest). */
  rank?: { rank: number; of: number };
}

/** `2100` → `2,100` in both languages. */
export function grouped(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 9.56 → `9.6`, 0.43 → `0.43`, 123.4 → `123`: two significant figures at least, never an integer shown as `9.0`. */
export function ratioText(r: number): string {
  if (r >= 100) return grouped(r);
  if (r >= 1) return String(Math.round(r * 10) / 10);
  return String(Math.round(r * 100) / 100);
}

/** English ordinals: 2nd, 3rd, 11th, 22nd. */
export function ordinal(k: number): string {
  const tens = k % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][k % 10] ?? 'th');
  return `${k}${suffix}`;
}

export function magnitudeParts(lang: Lang, m: MagnitudeInput): string[] {
  if (m.value === null || !Number.isFinite(m.value)) return [];
  const value = Number.isInteger(m.value) ? grouped(m.value) : String(Math.round(m.value * 100) / 100);
  const parts = [m.unit ? `${value} ${unitName(lang, m.unit)}` : value];
  if (m.baseline !== null && Number.isFinite(m.baseline) && m.baseline > 0)
    parts.push(translate(lang, 'magnitude.ratio', { r: ratioText(m.value / m.baseline) }));
  if (m.rank) {
    const n = grouped(m.rank.of);
    if (m.rank.rank === 1) parts.push(translate(lang, 'magnitude.highest', { n }));
    else if (m.rank.rank === m.rank.of) parts.push(translate(lang, 'magnitude.lowest', { n }));
    else
      parts.push(
        translate(lang, 'magnitude.rank', { n, k: lang === 'en' ? ordinal(m.rank.rank) : grouped(m.rank.rank) }),
      );
  }
  return parts;
}

export function magnitudeText(lang: Lang, m: MagnitudeInput): string {
  return magnitudeParts(lang, m).join(' · ');
}
