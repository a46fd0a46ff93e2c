/**
 * The ISO 8601 strings of `time/iso.ts`, written as ASCII bytes from the numbers instead.
 *
 * A message's `timestamp` and `localTime` are strings V8 keeps as two joined pieces; reading
 * them character by character makes V8 join them first (an allocation and a copy each). The
 * record encoder writes them from `timestampMs` and `localTimeMs` instead: whatever comes before
 * the date (a record's key) and the date part are bytes cached per day, as `iso.ts` caches the
 * date, and the time of day is a few digits. The bytes are exactly `isoInstant`'s and
 * `isoLocalTime`'s characters (a property test compares them).
 *
 * @module
 */

import { DAY_MS, isoDayPrefix } from './iso.js';

const ZERO = 0x30;
const COLON = 0x3a;
const DOT = 0x2e;
const LETTER_Z = 0x5a;

/**
 * Writes one kind of ISO time, after a fixed lead (`,"timestamp":"`), from milliseconds:
 * `instant` as `isoInstant` writes it (`YYYY-MM-DDTHH:MM:SS.mmmZ`), `local` as `isoLocalTime`
 * writes a wall time read as UTC (`YYYY-MM-DDTHH:MM:SS`). The lead and the date are one cached
 * copy per day. Times outside the years 0–9999, not whole milliseconds (or, for `local`, not
 * whole seconds) are left to the caller to write from the string.
 *
 * @example
 * ```ts
 * const writer = new IsoTimeWriter('instant', 'at ');
 * const bytes = new Uint8Array(64);
 * const end = writer.write(bytes, 0, Date.UTC(2022, 2, 10, 10)); // 27
 * Buffer.from(bytes.subarray(0, end)).toString(); // 'at 2022-03-10T10:00:00.000Z'
 * writer.write(bytes, 0, Number.NaN); // -1: nothing written
 * ```
 */
export class IsoTimeWriter {
  readonly #instant: boolean;
  readonly #lead: string;
  /** The day `#head` is for (days since the epoch), and the lead and `YYYY-MM-DDT` as bytes. */
  #day = Number.NaN;
  #head: Uint8Array = new Uint8Array(0);

  constructor(kind: 'instant' | 'local', lead = '') {
    this.#instant = kind === 'instant';
    this.#lead = lead;
  }

  /** Writes the lead and the time into `target` from `at`; returns where it ended, or -1 (nothing written). */
  write(target: Uint8Array, at: number, ms: number): number {
    if (!Number.isInteger(ms)) return -1;
    const day = Math.floor(ms / DAY_MS);
    // Within a day everything fits 32 bits: integer arithmetic from here (`%` on doubles is a call).
    const inDay = (ms - day * DAY_MS) | 0;
    const second = (inDay / 1000) | 0;
    const milli = inDay - second * 1000;
    if (!this.#instant && milli !== 0) return -1;
    if (day !== this.#day) {
      // The date as `isoInstant` and `isoLocalTime` write it (only days they write so are cached).
      const date = isoDayPrefix(day);
      if (date === null) return -1;
      this.#head = Buffer.from(this.#lead + date, 'latin1');
      this.#day = day;
    }
    const head = this.#head;
    target.set(head, at);
    let o = writeTimeOfDay(target, at + head.length, second);
    if (this.#instant) {
      const tens = (milli / 10) | 0;
      target[o++] = DOT;
      target[o++] = ZERO + ((milli / 100) | 0);
      target[o++] = ZERO + (tens - ((tens / 10) | 0) * 10);
      target[o++] = ZERO + (milli - tens * 10);
      target[o++] = LETTER_Z;
    }
    return o;
  }
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
