/** Dates as pages show them. */

// One formatter for the whole build (`toLocaleDateString` with options builds a new one per call,
// which was the largest single per-page cost of rendering a guide), and each date formatted once:
// formatting is still slow next to everything else on a page, and guides share a few dates.
const LONG_DATE = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const formatted = new Map<number, string>();

/** `2026-11-28` → "November 28, 2026" (the date as written, whatever the build machine's zone). */
export function longDate(date: Date): string {
  const time = date.getTime();
  let text = formatted.get(time);
  if (text === undefined) {
    text = LONG_DATE.format(date);
    formatted.set(time, text);
  }
  return text;
}

/** `YYYY-MM-DD` of a date, for `<time datetime>`. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
