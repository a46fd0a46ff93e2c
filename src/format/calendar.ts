/**
 * Years as exports print them → Gregorian years: 2- and 4-digit years, Thai Buddhist years
 * (`2565 BE`, and 2-digit BE years on Android), Japanese era years (`R4`, `H31`), and Solar
 * Hijri (Persian) dates, which fa-IR devices print by default (`۱۴۰۲/۱۰/۲۵` = 2024-01-15).
 *
 * @module
 */

/** The calendar a year was printed in. */
export type CalendarKind = 'gregorian' | 'buddhist' | 'japanese' | 'persian';

/** Gregorian year before the first year of each Japanese era (Reiwa 1 = 2019). */
const JAPANESE_ERA_OFFSET: Readonly<Record<string, number>> = { R: 2018, H: 1988, S: 1925, T: 1911, M: 1867 };
const BUDDHIST_OFFSET = 543;
/** A 4-digit year this large can only be Buddhist (WhatsApp exports start in 2009). */
const BUDDHIST_MIN_YEAR = 2400;
/**
 * Two-digit years above this are read as Buddhist short years (`65` → 2565 BE → 2022): as
 * Gregorian they would be 2051+ or pre-WhatsApp 19xx.
 */
const TWO_DIGIT_GREGORIAN_MAX = 50;
/**
 * 4-digit years in this range are Solar Hijri: as Gregorian years they predate WhatsApp by five
 * centuries, and Solar Hijri 1300–1499 is Gregorian 1921–2121.
 */
const PERSIAN_MIN_YEAR = 1300;
const PERSIAN_MAX_YEAR = 1499;
/** Solar Hijri year N begins in March of Gregorian year N + 621. */
const PERSIAN_YEAR_OFFSET = 621;
const DAY_MS = 86_400_000;

/** A year field resolved. */
export interface ResolvedYear {
  /**
   * The Gregorian year, except for `'persian'`: Solar Hijri months do not line up with
   * Gregorian ones, so there it is the printed Solar Hijri year and the whole date is converted
   * by {@link persianToGregorian}.
   */
  readonly year: number;
  readonly calendar: CalendarKind;
}

/**
 * Resolves a printed year field (ASCII digits, maybe an era letter) to a Gregorian year.
 *
 * @example
 * ```ts
 * resolveYear('22', ''); // { year: 2022, calendar: 'gregorian' }
 * resolveYear('2565', 'BE'); // { year: 2022, calendar: 'buddhist' }
 * resolveYear('R4', ''); // { year: 2022, calendar: 'japanese' }
 * resolveYear('1402', ''); // { year: 1402, calendar: 'persian' } (Solar Hijri, see persianToGregorian)
 * ```
 */
export function resolveYear(field: string, tail: string): ResolvedYear | null {
  const era = JAPANESE_ERA_OFFSET[field[0] ?? ''];
  if (era !== undefined) {
    const n = Number(field.slice(1));
    return n >= 1 ? { year: era + n, calendar: 'japanese' } : null;
  }
  const n = Number(field);
  if (!Number.isInteger(n)) return null;
  if (field.length <= 2) {
    if (n <= TWO_DIGIT_GREGORIAN_MAX && !tail.includes('BE'))
      return { year: 2000 + n, calendar: 'gregorian' };
    return { year: 2500 + n - BUDDHIST_OFFSET, calendar: 'buddhist' };
  }
  if (field.length === 4) {
    if (tail.includes('BE') || n >= BUDDHIST_MIN_YEAR)
      return { year: n - BUDDHIST_OFFSET, calendar: 'buddhist' };
    if (n >= PERSIAN_MIN_YEAR && n <= PERSIAN_MAX_YEAR) return { year: n, calendar: 'persian' };
    return n >= 1900 ? { year: n, calendar: 'gregorian' } : null;
  }
  return null;
}

/**
 * Days in a Gregorian month (month 1–12).
 *
 * @example
 * ```ts
 * daysInMonth(2024, 2); // 29
 * ```
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days in a Solar Hijri month (month 1–12): 31 in months 1–6, 30 in months 7–11, and 29 or 30
 * in Esfand (12), by year; null for a year outside what `Intl` can place.
 *
 * @example
 * ```ts
 * persianDaysInMonth(1402, 1); // 31
 * persianDaysInMonth(1403, 12); // 30 (1403 is a leap year)
 * persianDaysInMonth(1402, 12); // 29
 * ```
 */
export function persianDaysInMonth(year: number, month: number): number | null {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  const start = nowruz(year);
  const next = nowruz(year + 1);
  if (start === null || next === null) return null;
  // Months 1–11 hold 6 × 31 + 5 × 30 = 336 days; Esfand is what is left of the year.
  return (next - start) / DAY_MS - 336;
}

/**
 * A valid Solar Hijri date → the Gregorian date of the same day (null when it cannot exist).
 *
 * @example
 * ```ts
 * persianToGregorian(1402, 10, 25); // { year: 2024, month: 1, day: 15 }
 * persianToGregorian(1401, 1, 7); // { year: 2022, month: 3, day: 27 }
 * ```
 */
export function persianToGregorian(
  year: number,
  month: number,
  day: number,
): { year: number; month: number; day: number } | null {
  if (!(month >= 1 && month <= 12 && day >= 1)) return null;
  const days = persianDaysInMonth(year, month);
  const start = nowruz(year);
  if (days === null || start === null || day > days) return null;
  const dayOfYear = (month <= 7 ? (month - 1) * 31 : 186 + (month - 7) * 30) + day - 1;
  const date = new Date(start + dayOfYear * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const nowruzCache = new Map<number, number | null>();
let persianFormat: Intl.DateTimeFormat | undefined;

/**
 * The UTC midnight (epoch ms) of 1 Farvardin (Nowruz) of a Solar Hijri year, cached per year.
 *
 * Derived from ICU through `Intl` (`calendar: 'persian'`) rather than from a leap-year rule
 * typed in here: the calendar is astronomical (the year starts on the day of the March
 * equinox in Tehran), the common 33-year arithmetic rules drift from it, and ICU is the same
 * source the device used to print the date. Nowruz is always on 19–22 March, so at most four
 * candidate days are formatted.
 */
function nowruz(year: number): number | null {
  const cached = nowruzCache.get(year);
  if (cached !== undefined) return cached;
  persianFormat ??= new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone: 'UTC',
  });
  let found: number | null = null;
  for (let day = 18; day <= 23 && found === null; day++) {
    const at = Date.UTC(year + PERSIAN_YEAR_OFFSET, 2, day);
    let y = '';
    let m = '';
    let d = '';
    for (const part of persianFormat.formatToParts(at)) {
      if (part.type === 'year') y = part.value;
      else if (part.type === 'month') m = part.value;
      else if (part.type === 'day') d = part.value;
    }
    if (m === '1' && d === '1' && Number(y) === year) found = at;
  }
  nowruzCache.set(year, found);
  return found;
}
