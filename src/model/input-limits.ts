// The limits every input path enforces before anything is hashed or stored (documented in docs/security.md).
// Years outside MIN_YEAR..MAX_YEAR are typing errors (0000, 9999), never data; nesting past MAX_JSON_DEPTH is an
// attack on recursive code (hashing, canonical JSON), never a real document.

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;
/** Deepest nesting accepted in any JSON input (objects and arrays), and in an observation's geometry. */
export const MAX_JSON_DEPTH = 64;
/** Longest free text (an observation's text) and longest other string field, in characters. */
export const MAX_TEXT_LENGTH = 100_000;
export const MAX_FIELD_LENGTH = 1_000;

/** The problem with the year of an ISO date or instant (`YYYY-…`), or undefined when it is in range. */
export function yearProblem(iso: string): string | undefined {
  const year = Number(iso.slice(0, 4));
  if (!/^\d{4}-/.test(iso) || Number.isNaN(year)) return undefined;
  return year < MIN_YEAR || year > MAX_YEAR ? `year ${iso.slice(0, 4)} is outside ${MIN_YEAR}–${MAX_YEAR}` : undefined;
}

export function isYearInRange(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** Nesting depth of a JSON-like value, stopping (and answering limit + 1) as soon as it passes `limit`. */
export function depthBeyond(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  // Iterative, so a hostile value cannot overflow the stack while being measured.
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}
