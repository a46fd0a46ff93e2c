/**
 * The calendar day of a header, as the parser's hot loop needs it: the wall date's midnight in
 * milliseconds (the wall time written as if it were UTC) and its ISO prefix `YYYY-MM-DDT`.
 *
 * Headers come in days — a day's messages print the same date again and again — so
 * {@link DayReader} remembers the last date it read, as the numbers the template scanner
 * produced, and answers a repeat without building a string or calling `Date.UTC`.
 *
 * @module
 */

import type { DateOrder } from '../locales/cldr.js';
import { isoDatePrefix } from '../time/iso.js';
import type { CalendarKind } from './calendar.js';
import { interpretDate } from './interpret.js';
import { digitsOf, type ScannedHeader } from './template.js';

/** A Gregorian wall date, with what the hot loop derives from it once per day. */
export interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** The calendar the date was printed in (converted to Gregorian above). */
  readonly calendar: CalendarKind;
  /** Midnight of the date in milliseconds, as if the wall time were UTC. */
  readonly wallMs: number;
  /** `YYYY-MM-DDT`: the date part of an ISO local time. */
  readonly isoDate: string;
}

/**
 * The {@link Day} of a Gregorian date.
 *
 * @example
 * ```ts
 * dayOf(2022, 3, 10, 'gregorian').isoDate; // '2022-03-10T'
 * dayOf(2022, 3, 10, 'gregorian').wallMs === Date.UTC(2022, 2, 10); // true
 * ```
 */
export function dayOf(year: number, month: number, day: number, calendar: CalendarKind): Day {
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const wallMs = new Date(0).setUTCFullYear(year, month - 1, day);
  return { year, month, day, calendar, wallMs, isoDate: isoDatePrefix(year, month, day) };
}

/**
 * Reads the dates of scanned headers under one locked date order, remembering the last one.
 *
 * @example
 * ```ts
 * const days = new DayReader('dmy', '');
 * days.read(scanned)?.isoDate; // '2022-03-10T' for `10/03/2022, …`
 * ```
 */
export class DayReader {
  readonly #order: DateOrder;
  readonly #tail: string;
  #f1 = -1;
  #f1Width = 0;
  #f2 = -1;
  #f2Width = 0;
  #f3 = -1;
  #f3Width = 0;
  #last: Day | null = null;

  /** `tail` is the template's text after the last date field (`.`, ` г.`, ` BE`). */
  constructor(order: DateOrder, tail: string) {
    this.#order = order;
    this.#tail = tail;
  }

  /** The day of a scanned header, or null when its date cannot exist under the order. */
  read(s: ScannedHeader): Day | null {
    if (
      s.f1 === this.#f1 &&
      s.f2 === this.#f2 &&
      s.f3 === this.#f3 &&
      s.f1Width === this.#f1Width &&
      s.f2Width === this.#f2Width &&
      s.f3Width === this.#f3Width
    ) {
      return this.#last;
    }
    // A new date: read it the grammar's way, from the digits as printed (widths matter: `22` and
    // `0022` are different years).
    const date = interpretDate(
      [digitsOf(s.f1, s.f1Width), digitsOf(s.f2, s.f2Width), digitsOf(s.f3, s.f3Width)],
      this.#tail,
      this.#order,
    );
    this.#f1 = s.f1;
    this.#f1Width = s.f1Width;
    this.#f2 = s.f2;
    this.#f2Width = s.f2Width;
    this.#f3 = s.f3;
    this.#f3Width = s.f3Width;
    this.#last = date === null ? null : dayOf(date.year, date.month, date.day, date.calendar);
    return this.#last;
  }
}
