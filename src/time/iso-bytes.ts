/**
 * The ISO 8601 strings of `time/iso.ts`, written as ASCII bytes from the numbers instead.
 *
 * A message's `timestamp` and `localTime` are strings V8 keeps as two joined pieces; reading
 * them character by character makes V8 join them first (an allocation and a copy each). The
 * record encoder writes them from `timestampMs` and `localTimeMs` instead: the date part is
 * cached per day (as `iso.ts` caches it) and the time of day is a few digits. The bytes are
 * exactly `isoInstant`'s and `isoLocalTime`'s characters (a property test compares them).
 *
 * @module
 */

const DAY_MS = 86_400_000;
/** 0000-01-01 and 9999-12-31 in days since the epoch: dates both strings write with four-digit years. */
const FIRST_DAY = -719_528;
const LAST_DAY = 2_932_896;
const ZERO = 0x30;
const COLON = 0x3a;
const DOT = 0x2e;
const LETTER_Z = 0x5a;

/** `YYYY-MM-DDT` of the last day written, per function (instants and wall times alternate days around midnight). */
let instantDay = Number.NaN;
const instantPrefix = new Uint8Array(11);
let wallDay = Number.NaN;
const wallPrefix = new Uint8Array(11);

/** Whether a time in milliseconds is one the byte writers take: a whole number of ms in years 0–9999. */
function inRange(ms: number): boolean {
  if (!Number.isInteger(ms)) return false;
  const day = Math.floor(ms / DAY_MS);
  return day >= FIRST_DAY && day <= LAST_DAY;
}

/**
 * Writes `isoInstant(epochMs)` (`YYYY-MM-DDTHH:MM:SS.mmmZ`, 24 bytes) into `target` from `at`;
 * returns where it ended, or -1 (nothing written) for an instant outside the years 0–9999 or not
 * a whole number of milliseconds, which the caller writes from the string.
 *
 * @example
 * ```ts
 * const bytes = new Uint8Array(24);
 * writeIsoInstant(bytes, 0, Date.UTC(2022, 2, 10, 10)); // 24
 * Buffer.from(bytes).toString(); // '2022-03-10T10:00:00.000Z'
 * ```
 */
export function writeIsoInstant(target: Uint8Array, at: number, epochMs: number): number {
  if (!inRange(epochMs)) return -1;
  const day = Math.floor(epochMs / DAY_MS);
  if (day !== instantDay) {
    writeDatePrefix(instantPrefix, day);
    instantDay = day;
  }
  target.set(instantPrefix, at);
  // Within a day everything fits 32 bits: integer arithmetic from here (`%` on doubles is a call).
  const inDay = (epochMs - day * DAY_MS) | 0;
  const second = (inDay / 1000) | 0;
  const ms = inDay - second * 1000;
  const tens = (ms / 10) | 0;
  let o = writeTimeOfDay(target, at + 11, second);
  target[o++] = DOT;
  target[o++] = ZERO + ((ms / 100) | 0);
  target[o++] = ZERO + (tens - ((tens / 10) | 0) * 10);
  target[o++] = ZERO + (ms - tens * 10);
  target[o++] = LETTER_Z;
  return o;
}

/**
 * Writes the ISO local time of a wall-clock time given as milliseconds read as UTC
 * (`YYYY-MM-DDTHH:MM:SS`, 19 bytes, what `isoLocalTime` makes of the same time); returns where
 * it ended, or -1 (nothing written) outside the years 0–9999 or for a time with milliseconds.
 *
 * @example
 * ```ts
 * const bytes = new Uint8Array(19);
 * writeIsoLocalTime(bytes, 0, Date.UTC(2022, 2, 10, 11)); // 19
 * Buffer.from(bytes).toString(); // '2022-03-10T11:00:00'
 * ```
 */
export function writeIsoLocalTime(target: Uint8Array, at: number, wallMs: number): number {
  if (!inRange(wallMs)) return -1;
  const day = Math.floor(wallMs / DAY_MS);
  const inDay = (wallMs - day * DAY_MS) | 0;
  const second = (inDay / 1000) | 0;
  if (second * 1000 !== inDay) return -1;
  if (day !== wallDay) {
    writeDatePrefix(wallPrefix, day);
    wallDay = day;
  }
  target.set(wallPrefix, at);
  return writeTimeOfDay(target, at + 11, second);
}

/** `YYYY-MM-DDT` of a day since the epoch (years 0–9999), as `Date#toISOString` writes it. */
function writeDatePrefix(target: Uint8Array, day: number): void {
  const date = new Date(day * DAY_MS).toISOString();
  for (let i = 0; i < 11; i++) target[i] = date.charCodeAt(i);
}

/** `HH:MM:SS` of a second of the day (32-bit integer arithmetic only). */
function writeTimeOfDay(target: Uint8Array, at: number, secondOfDay: number): number {
  const minuteOfDay = (secondOfDay / 60) | 0;
  const hour = (minuteOfDay / 60) | 0;
  const minute = minuteOfDay - hour * 60;
  const second = secondOfDay - minuteOfDay * 60;
  writeTwoDigits(target, at, hour);
  target[at + 2] = COLON;
  writeTwoDigits(target, at + 3, minute);
  target[at + 5] = COLON;
  writeTwoDigits(target, at + 6, second);
  return at + 8;
}

function writeTwoDigits(target: Uint8Array, at: number, value: number): void {
  const tens = (value / 10) | 0;
  target[at] = ZERO + tens;
  target[at + 1] = ZERO + (value - tens * 10);
}
