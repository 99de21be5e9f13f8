/** Display formatting shared by pages; dates are fixed to UTC and English so builds are reproducible. */

const DATE_FORMAT = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

const formattedDates = new Map<string, string>();

/** `2025-05-21` -> `May 21, 2025`; cached, since a 100k-paper build formats the same dates many times. */
export function formatDate(iso: string | null): string {
  if (!iso) return 'date unknown';
  let formatted = formattedDates.get(iso);
  if (!formatted) formattedDates.set(iso, (formatted = DATE_FORMAT.format(new Date(`${iso}T00:00:00Z`))));
  return formatted;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** A description for meta tags: the first sentence or so, cut at a word boundary. */
export function summarise(text: string, max = 200): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

export function formatNumberValue(value: number | { min: number; max: number }): string {
  return typeof value === 'number' ? String(value) : `${value.min}–${value.max}`;
}
