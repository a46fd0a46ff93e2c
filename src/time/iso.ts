/**
 * ISO 8601 strings for the parser's hot path. `Date.prototype.toISOString` and six `padStart`
 * calls per message dominate a long chat's cost; messages come in days and chats print whole
 * seconds, so the date part is cached per day and the time of day per second of the day: a
 * timestamp is then two cached strings joined.
 *
 * @module
 */

const DAY_MS = 86_400_000;
const SECONDS_PER_DAY = 86_400;

let cachedDay = Number.NaN;
let cachedDatePrefix = '';
/**
 * `HH:MM:SS` and `HH:MM:SS.000Z` per second of the day, made on first use: a chat without
 * seconds uses 1,440 of each, one with seconds at most 86,400 (a few MB at worst, for a few
 * hundred nanoseconds less per message).
 */
const timesOfDay: (string | undefined)[] = new Array(SECONDS_PER_DAY);
const instantTimesOfDay: (string | undefined)[] = new Array(SECONDS_PER_DAY);

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
  const second = (inDay - ms) / 1000;
  if (ms === 0) {
    let time = instantTimesOfDay[second];
    if (time === undefined) {
      time = `${timeOfDay(second)}.000Z`;
      instantTimesOfDay[second] = time;
    }
    return cachedDatePrefix + time;
  }
  return `${cachedDatePrefix}${timeOfDay(second)}.${ms < 10 ? `00${ms}` : ms < 100 ? `0${ms}` : ms}Z`;
}

/** `HH:MM:SS` of a second of the day (0–86,399). */
function timeOfDay(second: number): string {
  let time = timesOfDay[second];
  if (time === undefined) {
    time = `${twoDigits(Math.floor(second / 3600))}:${twoDigits(Math.floor(second / 60) % 60)}:${twoDigits(second % 60)}`;
    timesOfDay[second] = time;
  }
  return time;
}

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
  return isoDate + timeOfDay((hour * 60 + minute) * 60 + second);
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
