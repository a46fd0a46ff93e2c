/**
 * ISO 8601 strings for the parser's hot path. `Date.prototype.toISOString` and six `padStart`
 * calls per message dominate a long chat's cost; messages come in days and chats print whole
 * seconds, so the date part is cached per day and the time of day comes from small tables
 * made once (1,440 minutes, 60 seconds): a timestamp is a couple of cached strings joined.
 * The tables are small on purpose: a per-second table (86,400 entries) measured slower, its
 * look-ups missing the CPU caches.
 *
 * @module
 */

/**
 * Milliseconds in a day (a UTC day: no leap seconds in epoch time).
 *
 * @example
 * ```ts
 * Math.floor(Date.UTC(2022, 2, 10, 10) / DAY_MS); // 19061, the day `isoDayPrefix` takes
 * ```
 */
export const DAY_MS = 86_400_000;
/** 0000-01-01 and 9999-12-31 in days since the epoch: the years `toISOString` writes with four digits. */
const FIRST_DAY = -719_528;
const LAST_DAY = 2_932_896;
const MINUTES_PER_DAY = 1440;

let cachedDay = Number.NaN;
let cachedDatePrefix = '';

/** `HH:MM` per minute of the day, `:SS` per second, and the common whole-minute endings. */
let minutes: readonly string[] = [];
let wholeMinutes: readonly string[] = [];
let wholeMinuteInstants: readonly string[] = [];
let seconds: readonly string[] = [];

function tables(): void {
  minutes = Array.from(
    { length: MINUTES_PER_DAY },
    (_, m) => `${twoDigits(Math.floor(m / 60))}:${twoDigits(m % 60)}`,
  );
  wholeMinutes = minutes.map((time) => `${time}:00`);
  wholeMinuteInstants = minutes.map((time) => `${time}:00.000Z`);
  seconds = Array.from({ length: 60 }, (_, s) => `:${twoDigits(s)}`);
}

/**
 * `YYYY-MM-DDTHH:MM:SS.mmmZ` for an instant, exactly as `Date.prototype.toISOString` (whose
 * extended form, `+010000-01-01T…` or `-000001-…`, is used outside the years 0–9999: a local
 * 9999-12-31 23:30 behind UTC is such an instant).
 *
 * @example
 * ```ts
 * isoInstant(Date.UTC(2022, 2, 10, 10)); // '2022-03-10T10:00:00.000Z'
 * ```
 */
export function isoInstant(epochMs: number): string {
  const day = Math.floor(epochMs / DAY_MS);
  if (day !== cachedDay) {
    const prefix = isoDayPrefix(day);
    if (prefix === null) return new Date(epochMs).toISOString();
    cachedDay = day;
    cachedDatePrefix = prefix;
  }
  if (minutes.length === 0) tables();
  // Within a day everything fits 32 bits: integer arithmetic (`%` on a double is a call).
  const inDay = (epochMs - day * DAY_MS) | 0;
  const second = (inDay / 1000) | 0;
  const ms = inDay - second * 1000;
  const minute = (second / 60) | 0;
  const s = second - minute * 60;
  if (ms === 0 && s === 0) return cachedDatePrefix + (wholeMinuteInstants[minute] as string);
  const fraction = ms < 10 ? `00${ms}` : ms < 100 ? `0${ms}` : String(ms);
  return `${cachedDatePrefix}${minutes[minute] as string}${seconds[s] as string}.${fraction}Z`;
}

/**
 * `YYYY-MM-DDT` of a day (days since the epoch), as `Date#toISOString` writes it, or null outside
 * the years 0–9999 (where it writes the extended form, `+010000-…`).
 *
 * @example
 * ```ts
 * isoDayPrefix(19_061); // '2022-03-10T'
 * isoDayPrefix(2_932_897); // null (year 10000)
 * ```
 */
export function isoDayPrefix(day: number): string | null {
  if (!(day >= FIRST_DAY && day <= LAST_DAY) || !Number.isInteger(day)) return null;
  // The civil date of a day count in integer arithmetic (H. Hinnant's days-to-civil): a `Date`
  // and its `toISOString` cost ~0.7 µs, and a long chat's three time caches (the instant, and
  // the record encoder's two) each ask once per day. Eras of 400 years from 0000-03-01; from the
  // first day of year 0 on, `z` is at least -60, so the floor division is needed only there.
  const z = day + DAYS_0000_03_01_TO_EPOCH;
  const era = Math.floor(z / DAYS_PER_ERA);
  const dayOfEra = z - era * DAYS_PER_ERA;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March … 11 = February
  const dayOfMonth = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return isoDatePrefix(year, month, dayOfMonth);
}

/** Days from 0000-03-01 to 1970-01-01, and days in 400 Gregorian years. */
const DAYS_0000_03_01_TO_EPOCH = 719_468;
const DAYS_PER_ERA = 146_097;

/**
 * `YYYY-MM-DDT`: the date part of an ISO local time, for callers that keep it per day.
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
 * `YYYY-MM-DDTHH:MM:SS` for a wall-clock time (no zone), from its date prefix
 * ({@link isoDatePrefix}) and its time of day.
 *
 * @example
 * ```ts
 * isoLocalTime('2022-03-10T', 11, 0, 0); // '2022-03-10T11:00:00'
 * ```
 */
export function isoLocalTime(isoDate: string, hour: number, minute: number, second: number): string {
  if (minutes.length === 0) tables();
  const m = hour * 60 + minute;
  return second === 0
    ? isoDate + (wholeMinutes[m] as string)
    : isoDate + (minutes[m] as string) + (seconds[second] as string);
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
