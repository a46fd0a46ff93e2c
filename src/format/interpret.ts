/**
 * Giving a {@link RawHeader} its meaning under a locked format: date order → year, month, day
 * (validated: an impossible date is rejected, never rolled over), meridiem → 24-hour clock.
 *
 * @module
 */

import type { DateOrder } from '../locales/cldr.js';
import { meridiemKey } from '../locales/lexicon.js';
import { type CalendarKind, daysInMonth, persianToGregorian, resolveYear } from './calendar.js';
import type { RawHeader } from './grammar.js';

/** A wall-clock time as printed, converted to the Gregorian calendar (`calendar` says what was printed). */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly calendar: CalendarKind;
}

const ORDER_INDEX: Readonly<Record<DateOrder, readonly [number, number, number]>> = {
  // [year, month, day] positions among the printed fields
  dmy: [2, 1, 0],
  mdy: [2, 0, 1],
  ymd: [0, 1, 2],
};

/**
 * The date of a header under a date order, or null when the date cannot exist.
 *
 * @example
 * ```ts
 * interpretDate(['3', '27', '22'], '', 'mdy'); // { year: 2022, month: 3, day: 27, calendar: 'gregorian' }
 * interpretDate(['3', '27', '22'], '', 'dmy'); // null (no month 27)
 * ```
 */
export function interpretDate(
  fields: readonly [string, string, string],
  tail: string,
  order: DateOrder,
): Readonly<DateParts> | null {
  // Consecutive headers mostly share their date: reuse the last answer (same strings, same order).
  const last = lastDate;
  if (
    last !== undefined &&
    last.order === order &&
    last.tail === tail &&
    last.f1 === fields[0] &&
    last.f2 === fields[1] &&
    last.f3 === fields[2]
  ) {
    return last.date;
  }
  const date = readDate(fields, tail, order);
  lastDate = { f1: fields[0], f2: fields[1], f3: fields[2], tail, order, date };
  return date;
}

type DateParts = { year: number; month: number; day: number; calendar: CalendarKind };

let lastDate:
  | {
      readonly f1: string;
      readonly f2: string;
      readonly f3: string;
      readonly tail: string;
      readonly order: DateOrder;
      readonly date: Readonly<DateParts> | null;
    }
  | undefined;

function readDate(
  fields: readonly [string, string, string],
  tail: string,
  order: DateOrder,
): DateParts | null {
  const [yi, mi, di] = ORDER_INDEX[order];
  const resolved = resolveYear(fields[yi] ?? '', yi === 2 ? tail : '');
  if (resolved === null) return null;
  const monthField = fields[mi] ?? '';
  const dayField = fields[di] ?? '';
  if (monthField.length > 2 || dayField.length > 2) return null;
  const month = Number(monthField);
  const day = Number(dayField);
  if (!(month >= 1 && month <= 12)) return null;
  if (resolved.calendar === 'persian') {
    const date = persianToGregorian(resolved.year, month, day);
    return date === null ? null : { year: date.year, month: date.month, day: date.day, calendar: 'persian' };
  }
  if (!(day >= 1 && day <= daysInMonth(resolved.year, month))) return null;
  return { year: resolved.year, month, day, calendar: resolved.calendar };
}

/**
 * The 24-hour hour of a header, or null when it cannot exist (hour 13 with PM, minute 61 …).
 *
 * `0:24 PM` occurs in real exports and means 12:24. A day-period word covers a span of hours;
 * of the two readings of a 12-hour hour, the one inside the span wins.
 *
 * @example
 * ```ts
 * interpretHour(11, 'nachm.', meridiemMasks); // 23
 * interpretHour(12, 'AM', meridiemMasks); // 0
 * ```
 */
export function interpretHour(
  hour: number,
  meridiem: string | null,
  masks: ReadonlyMap<string, number>,
): number | null {
  if (meridiem === null) return hour <= 23 ? hour : null;
  if (hour > 12) return null;
  // A chat prints the same two words all along, turn and turn about: the last two words' masks
  // are kept (a key is a normalization, a lower-casing and a map lookup).
  if (masks !== cachedMasks) {
    cachedMasks = masks;
    recentWord = otherWord = null;
  }
  let mask: number | undefined;
  if (meridiem === recentWord) mask = recentMask;
  else if (meridiem === otherWord) mask = otherMask;
  else {
    mask = masks.get(meridiemKey(meridiem));
    otherWord = recentWord;
    otherMask = recentMask;
    recentWord = meridiem;
    recentMask = mask;
  }
  if (mask === undefined) return null;
  const morning = hour % 12;
  if ((mask >> morning) & 1) return morning;
  if ((mask >> (morning + 12)) & 1) return morning + 12;
  // The printed hour falls outside the word's span (CLDR spans vary by version): side with the half the word covers most.
  const pmHours = popcount(mask >> 12);
  return pmHours > popcount(mask & 0xfff) ? morning + 12 : morning;
}

let cachedMasks: ReadonlyMap<string, number> | null = null;
let recentWord: string | null = null;
let recentMask: number | undefined;
let otherWord: string | null = null;
let otherMask: number | undefined;

/**
 * The wall time of a header, or null when the date or time cannot exist.
 *
 * @example
 * ```ts
 * interpretWallTime(header, 'dmy', masks); // { year: 2022, month: 3, day: 27, hour: 21, … }
 * ```
 */
export function interpretWallTime(
  header: RawHeader,
  order: DateOrder,
  masks: ReadonlyMap<string, number>,
): WallTime | null {
  const date = interpretDate(header.fields, header.dateTail, order);
  if (date === null) return null;
  const hour = interpretHour(header.hour, header.meridiem, masks);
  if (hour === null || header.minute > 59 || (header.second ?? 0) > 59) return null;
  // An explicit literal: a spread followed by more keys is far slower on V8 in this per-line path.
  return {
    year: date.year,
    month: date.month,
    day: date.day,
    hour,
    minute: header.minute,
    second: header.second ?? 0,
    calendar: date.calendar,
  };
}

function popcount(value: number): number {
  let count = 0;
  for (let v = value; v !== 0; v &= v - 1) count++;
  return count;
}
