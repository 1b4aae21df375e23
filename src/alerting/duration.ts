// Parses the durations alerting files use (`30s`, `5m`, `2h`, `1d`, `1h30m`, `0`) into milliseconds.

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const DURATION = /^(?:\d+(?:ms|[smhdw]))+$/;
const PART = /(\d+)(ms|[smhdw])/g;

/** True for a duration string `parseDuration` accepts. */
export function isDuration(text: string): boolean {
  return text === '0' || DURATION.test(text);
}

/** Milliseconds in a duration such as `1h30m`; throws a plain Error naming the text when it is not one. */
export function parseDuration(text: string): number {
  if (text === '0') return 0;
  if (!DURATION.test(text)) throw new Error(`invalid duration "${text}": expected e.g. 30s, 5m, 2h, 1d or 1h30m`);
  let total = 0;
  for (const m of text.matchAll(PART)) total += Number(m[1]) * UNIT_MS[m[2]];
  return total;
}

/** A readable duration with at most two units (`90000` → `1m30s`, 94 days 17 h 38 min → `94d17h`). */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.max(0, Math.round(ms))}ms`;
  const parts: string[] = [];
  let rest = Math.round(ms / 1_000) * 1_000;
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1_000],
  ] as const) {
    if (rest >= size && parts.length < 2) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    } else if (parts.length > 0) {
      break;
    }
  }
  return parts.join('');
}
