import { describe, expect, it } from 'vitest';
import { parseDateLine, resolveCaptureDate, resolveListingDate } from '../../../scripts/ingest/listing-date.ts';

describe('listing date lines', () => {
  it.each([
    ['Oct 25, 2023 3', { month: 10, day: 25, year: 2023 }, 3],
    ['Feb 11 3', { month: 2, day: 11, year: null }, 3],
    ['Jan 29', { month: 1, day: 29, year: null }, null],
    ['Sep 18, 2017', { month: 9, day: 18, year: 2017 }, null],
  ])('reads %j', (line, date, upvotes) => {
    expect(parseDateLine(line)).toEqual({ date, upvotes });
  });

  it.each(['Feb 30, 2025', 'Foo 3', 'Mar 25th', '8 authors', 'nvidia NVIDIA'])('does not take %j for a date', (line) => {
    expect(parseDateLine(line)).toBeNull();
  });
});

describe('capture year', () => {
  it('comes from front matter when given, and is then not inferred', () => {
    expect(resolveCaptureDate({ year: 2026, month: 3, day: 25 }, { month: 3, day: 25, year: null }, [2025])).toEqual({ year: 2026, month: 3, day: 25, inferred: false });
  });

  it('is one past the latest explicit year otherwise, and marked inferred', () => {
    expect(resolveCaptureDate(null, { month: 3, day: 25, year: null }, [2023, 2025, 2024])).toEqual({ year: 2026, month: 3, day: 25, inferred: true });
  });

  it('is unknown when nothing bounds it', () => {
    expect(resolveCaptureDate(null, { month: 3, day: 25, year: null }, []).year).toBeNull();
  });
});

describe('resolving a listing date', () => {
  const inferred = resolveCaptureDate(null, { month: 3, day: 25, year: null }, [2025]);

  it('keeps an explicit year as read', () => {
    expect(resolveListingDate({ month: 5, day: 21, year: 2025 }, inferred)).toEqual({ ok: true, iso: '2025-05-21', inferred: false });
  });

  it('gives a yearless date the capture year and marks it inferred', () => {
    expect(resolveListingDate({ month: 2, day: 11, year: null }, inferred)).toEqual({ ok: true, iso: '2026-02-11', inferred: true });
  });

  it('does not mark the year inferred when front matter gave it', () => {
    const known = resolveCaptureDate({ year: 2026, month: 3, day: 25 }, null, []);
    expect(resolveListingDate({ month: 2, day: 11, year: null }, known)).toEqual({ ok: true, iso: '2026-02-11', inferred: false });
  });

  it('never invents a year when the capture year is unknown', () => {
    const unknown = resolveCaptureDate(null, { month: 3, day: 25, year: null }, []);
    const result = resolveListingDate({ month: 2, day: 11, year: null }, unknown);
    expect(result.ok).toBe(false);
  });

  it('refuses a yearless date after the capture date, which cannot be in the capture year', () => {
    const result = resolveListingDate({ month: 11, day: 2, year: null }, inferred);
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/after the capture date/) });
  });

  it('refuses Feb 29 in a year without it', () => {
    const capture = resolveCaptureDate({ year: 2025, month: 3, day: 25 }, null, []);
    expect(resolveListingDate({ month: 2, day: 29, year: null }, capture).ok).toBe(false);
  });
});
