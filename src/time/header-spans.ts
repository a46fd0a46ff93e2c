/**
 * Where, in a header line, each printed date and time field sits: the digit spans a
 * normalize-times rewrite replaces, and the meridiem word it may switch. Found from the line and
 * the parser's {@link RawHeader}, so the grammar stays the one description of a header.
 *
 * ```
 * > | ‎[27‏/3‏/2022، 9:41:35 م] Name: text
 *       ^^  ^ ^^^^  ^ ^^ ^^ ^      digit runs: three date fields, hour, minute, second; meridiem
 * ```
 *
 * @module
 */

import type { RawHeader } from '../format/grammar.js';

/** A `[start, end)` range of UTF-16 code units in a line. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * The spans of one header line. Date fields are in printed order (as `RawHeader.fields`).
 *
 * @example
 * ```ts
 * const spans: HeaderSpans = {
 *   date: [{ start: 0, end: 2 }, { start: 3, end: 5 }, { start: 6, end: 10 }],
 *   hour: { start: 12, end: 14 },
 *   minute: { start: 15, end: 17 },
 *   second: null,
 *   meridiem: null,
 * };
 * ```
 */
export interface HeaderSpans {
  readonly date: readonly [Span, Span, Span];
  readonly hour: Span;
  readonly minute: Span;
  readonly second: Span | null;
  readonly meridiem: Span | null;
}

/** A run of decimal digits of any script. */
const DIGIT_RUN = /\p{Nd}+/gu;

/**
 * Finds the field spans of `line`, a line `header` was matched from; `null` when the digit runs
 * before the author do not line up with the header's fields (never for a grammar match).
 *
 * Only the date and time fields hold digits before `header.restStart` (marks, separators,
 * meridiem words, `г.`/`BE` tails and era letters do not), so the digit runs, in order, are the
 * fields: date then time, or time then date for time-first headers.
 *
 * @example
 * ```ts
 * const line = '3/27/22, 9:41 PM - Ann: hi';
 * const spans = headerSpans(line, matchHeader(line, grammar)!);
 * line.slice(spans!.hour.start, spans!.hour.end); // '9'
 * line.slice(spans!.meridiem!.start, spans!.meridiem!.end); // 'PM'
 * ```
 */
export function headerSpans(line: string, header: RawHeader): HeaderSpans | null {
  const prefix = line.slice(0, header.restStart);
  const runs: Span[] = [];
  for (const match of prefix.matchAll(DIGIT_RUN)) {
    runs.push({ start: match.index, end: match.index + match[0].length });
  }
  const timeCount = header.second === null ? 2 : 3;
  if (runs.length !== 3 + timeCount) return null;
  const dateRuns = header.timeFirst ? runs.slice(timeCount) : runs.slice(0, 3);
  const timeRuns = header.timeFirst ? runs.slice(0, timeCount) : runs.slice(3);
  const [d0, d1, d2] = dateRuns;
  const [hour, minute, second] = timeRuns;
  if (
    d0 === undefined ||
    d1 === undefined ||
    d2 === undefined ||
    hour === undefined ||
    minute === undefined
  ) {
    return null;
  }
  const lastTime = second ?? minute;
  let meridiem: Span | null = null;
  if (header.meridiem !== null) {
    const word = header.meridiem;
    const at = header.meridiemBefore
      ? prefix.lastIndexOf(word, hour.start - word.length)
      : prefix.indexOf(word, lastTime.end);
    if (at === -1) return null;
    meridiem = { start: at, end: at + word.length };
  }
  return { date: [d0, d1, d2], hour, minute, second: second ?? null, meridiem };
}
