/**
 * Years as exports print them → Gregorian years: 2- and 4-digit years, Thai Buddhist years
 * (`2565 BE`, and 2-digit BE years on Android), Japanese era years (`R4`, `H31`).
 *
 * @module
 */

/** The calendar a year was printed in. */
export type CalendarKind = 'gregorian' | 'buddhist' | 'japanese';

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

/** A year field resolved. */
export interface ResolvedYear {
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
    return n >= 1900 ? { year: n, calendar: 'gregorian' } : null;
  }
  return null;
}

/** Whether a printed field can only be a year (4 digits, era, or > 31). */
export function isYearField(field: string): boolean {
  return field.length >= 3 || JAPANESE_ERA_OFFSET[field[0] ?? ''] !== undefined || Number(field) > 31;
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
