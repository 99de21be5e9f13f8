/**
 * Listing dates (`Oct 25, 2023`, `Feb 11`) and the capture year they are
 * relative to. The listing omits the year for dates in the year of capture.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export interface ListingDate {
  month: number;
  day: number;
  /** Null when the listing left the year out. */
  year: number | null;
}

/** A date line with an optional trailing upvote count: `Oct 25, 2023 3`, `Feb 11`. */
const DATE_LINE = /^([A-Z][a-z]{2,8})\.? (\d{1,2})(?:, (\d{4}))?(?: (\d+))?$/;

export function parseDateLine(text: string): { date: ListingDate; upvotes: number | null } | null {
  const match = DATE_LINE.exec(text.trim());
  if (!match) return null;
  const [, monthName, dayText, yearText, upvotesText] = match;
  const month = monthNumber(monthName!);
  if (month === null) return null;
  const day = Number(dayText);
  const year = yearText ? Number(yearText) : null;
  if (!isValidDay(year ?? 2024, month, day)) return null;
  return { date: { month, day, year }, upvotes: upvotesText === undefined ? null : Number(upvotesText) };
}

const FULL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** `Oct`, `October` and `Sept` name a month; anything else does not. */
function monthNumber(name: string): number | null {
  const lower = name.toLowerCase();
  const index = lower.length === 3 ? MONTHS.indexOf(lower) : lower === 'sept' ? 8 : FULL_MONTHS.indexOf(lower);
  return index === -1 ? null : index + 1;
}

/** 2024 is a leap year, so a yearless Feb 29 is accepted here and checked again once the year is known. */
function isValidDay(year: number, month: number, day: number): boolean {
  if (day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}

export function toIsoDate(year: number, month: number, day: number): string | null {
  if (!isValidDay(year, month, day)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** When the digest was captured, as far as it can be known. */
export interface CaptureDate {
  /** Capture year, or null when nothing in the file bounds it. */
  year: number | null;
  /** Capture month/day from the header, when the layout has one. */
  month: number | null;
  day: number | null;
  /** True when the year was inferred from the latest explicit year in the file. */
  inferred: boolean;
}

/**
 * The capture year: from front matter when given; otherwise one past the latest
 * explicit year on the digest's date lines (a listing only writes the year for
 * dates outside the year of capture, so every explicit year is earlier).
 */
export function resolveCaptureDate(
  frontMatterDate: { year: number; month: number; day: number } | null,
  headerDate: ListingDate | null,
  explicitYears: number[],
): CaptureDate {
  if (frontMatterDate) return { ...frontMatterDate, inferred: false };
  const month = headerDate?.month ?? null;
  const day = headerDate?.day ?? null;
  if (headerDate?.year) return { year: headerDate.year, month, day, inferred: false };
  if (explicitYears.length === 0) return { year: null, month, day, inferred: false };
  return { year: Math.max(...explicitYears) + 1, month, day, inferred: true };
}

export type ResolvedDate =
  | { ok: true; iso: string; inferred: boolean }
  | { ok: false; reason: string };

/** Turns a listing date into `YYYY-MM-DD`, or says why it cannot without inventing a year. */
export function resolveListingDate(date: ListingDate, capture: CaptureDate): ResolvedDate {
  if (date.year !== null) {
    const iso = toIsoDate(date.year, date.month, date.day);
    return iso ? { ok: true, iso, inferred: false } : { ok: false, reason: 'is not a calendar date' };
  }
  if (capture.year === null) {
    return { ok: false, reason: 'has no year, and neither front matter (captured:) nor any dated entry gives the capture year' };
  }
  const afterCapture =
    capture.month !== null &&
    capture.day !== null &&
    (date.month > capture.month || (date.month === capture.month && date.day > capture.day));
  if (afterCapture) {
    return { ok: false, reason: `has no year but falls after the capture date, so the year cannot be the capture year ${capture.year}` };
  }
  const iso = toIsoDate(capture.year, date.month, date.day);
  return iso ? { ok: true, iso, inferred: capture.inferred } : { ok: false, reason: `is not a calendar date in ${capture.year}` };
}
