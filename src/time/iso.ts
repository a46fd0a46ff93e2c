/**
 * ISO 8601 strings for the parser's hot path. `Date.prototype.toISOString` and six `padStart`
 * calls per message dominate a long chat's cost; messages come in days, so the date part is
 * cached per day and only the time of day is formatted each time.
 *
 * @module
 */

const DAY_MS = 86_400_000;

let cachedDay = Number.NaN;
let cachedDatePrefix = '';

/**
 * `YYYY-MM-DDTHH:MM:SS.mmmZ` for an instant, exactly as `Date.prototype.toISOString` (years 0–9999).
 *
 * @example
 * ```ts
 * isoInstant(Date.UTC(2022, 2, 10, 10)); // '2022-03-10T10:00:00.000Z'
 * ```
 */
export function isoInstant(epochMs: number): string {
  const day = Math.floor(epochMs / DAY_MS);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDatePrefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
  }
  const inDay = epochMs - day * DAY_MS;
  const ms = inDay % 1000;
  const seconds = Math.floor(inDay / 1000);
  return `${cachedDatePrefix}${twoDigits(Math.floor(seconds / 3600))}:${twoDigits(Math.floor(seconds / 60) % 60)}:${twoDigits(seconds % 60)}.${ms < 10 ? `00${ms}` : ms < 100 ? `0${ms}` : ms}Z`;
}

/**
 * `YYYY-MM-DDTHH:MM:SS` for a wall-clock time (no zone).
 *
 * @example
 * ```ts
 * isoLocal(2022, 3, 10, 11, 0, 0); // '2022-03-10T11:00:00'
 * ```
 */
export function isoLocal(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): string {
  return isoLocalTime(isoDatePrefix(year, month, day), hour, minute, second);
}

/**
 * `YYYY-MM-DDT`: the date part of {@link isoLocal}, for callers that keep it per day.
 *
 * @example
 * ```ts
 * isoDatePrefix(2022, 3, 10); // '2022-03-10T'
 * ```
 */
export function isoDatePrefix(year: number, month: number, day: number): string {
  const y = year >= 1000 ? String(year) : String(year).padStart(4, '0');
  return `${y}-${twoDigits(month)}-${twoDigits(day)}T`;
}

/**
 * {@link isoLocal} from a date prefix ({@link isoDatePrefix}) and a time of day.
 *
 * @example
 * ```ts
 * isoLocalTime('2022-03-10T', 11, 0, 0); // '2022-03-10T11:00:00'
 * ```
 */
export function isoLocalTime(isoDate: string, hour: number, minute: number, second: number): string {
  return `${isoDate}${twoDigits(hour)}:${twoDigits(minute)}:${twoDigits(second)}`;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/**
 * A number 0–99 as two digits.
 *
 * @example
 * ```ts
 * twoDigits(7); // '07'
 * ```
 */
export function twoDigits(n: number): string {
  return TWO_DIGITS[n] as string;
}
