// An instant as a reader in the theatre reads it: `2026-08-22T05:12:00Z` → `2026-08-22 13:12` in Asia/Taipei.

/** The local date and minute of `iso` in `timeZone` (IANA name), 24-hour. */
export function localTime(iso: string, timeZone: string): string {
  const d = new Date(iso);
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
