/**
 * Re-renders one header line at another wall-clock time in the line's own format: only the digit
 * spans of the date and time fields change (in their digit script, with the file's padding, the
 * year in its own calendar and width), and the meridiem word when the half of the day changes.
 * Every other code unit of the line is kept.
 *
 * ```
 * > | 3/27/22, 12:30 AM - Ann: hi          read at UTC+1, rewritten for UTC+2
 * < | 3/27/22, 1:30 AM - Ann: hi
 * > | 12/31/22, 11:30 PM - Ann: hi         an hour later: the date rolls, PM → AM
 * < | 1/1/23, 12:30 AM - Ann: hi
 * ```
 *
 * @module
 */

import { shapeKey } from '../format/detect.js';
import { toAsciiDigits } from '../format/digits.js';
import type { HeaderGrammar } from '../format/grammar.js';
import { matchHeader } from '../format/header.js';
import { interpretHour, interpretWallTime } from '../format/interpret.js';
import type { DateOrder } from '../locales/cldr.js';
import { headerSpans, type Span } from './header-spans.js';
import { dateFieldIndex, type HeaderStyle, type Padding } from './header-style.js';
import { meridiemCandidates } from './meridiem-switch.js';

/**
 * A Gregorian wall-clock time, month 1–12, hour 0–23.
 *
 * @example
 * ```ts
 * const wall: WallClock = { year: 2022, month: 3, day: 27, hour: 3, minute: 5, second: 0 };
 * ```
 */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/**
 * What a rewrite needs to know about the log: the grammar, the locked date order, the meridiem
 * masks the parser reads words with, and the log's padding style.
 *
 * @example
 * ```ts
 * const context: RewriteContext = { grammar, order: 'dmy', masks: getLexicon().meridiem, style };
 * ```
 */
export interface RewriteContext {
  readonly grammar: HeaderGrammar;
  readonly order: DateOrder;
  readonly masks: ReadonlyMap<string, number>;
  readonly style: HeaderStyle;
}

interface Replacement {
  readonly span: Span;
  readonly text: string;
}

/** The `0` of the digit script `digit` belongs to (every Unicode `Nd` block is ten in a row). */
function zeroOf(digit: string): number {
  return (digit.codePointAt(0) as number) - Number(toAsciiDigits(digit));
}

/** ASCII digits → the script whose zero is `zero`. */
function inScript(ascii: string, zero: number): string {
  if (zero === 0x30) return ascii;
  let out = '';
  for (const char of ascii) out += String.fromCodePoint(zero + Number(char));
  return out;
}

/** A field below 10, padded as the line itself shows, else as the log does, else `fallback`. */
function padField(printed: string, value: number, logStyle: Padding, fallback: boolean): string {
  if (value >= 10) return String(value);
  const own = printed.length === 1 ? false : printed.length === 2 && printed.startsWith('0') ? true : null;
  return (own ?? logStyle ?? fallback) ? `0${value}` : String(value);
}

/** The printed year moved by `delta` years, same width (2-digit years wrap), same calendar. */
function shiftYear(printed: string, era: boolean, delta: number): string {
  const value = Number(printed) + delta;
  if (era || printed.length > 2) return String(value);
  return String(((value % 100) + 100) % 100).padStart(printed.length, '0');
}

function sameWall(a: WallClock, b: WallClock): boolean {
  return (
    a.year === b.year &&
    a.month === b.month &&
    a.day === b.day &&
    a.hour === b.hour &&
    a.minute === b.minute &&
    a.second === b.second
  );
}

/**
 * Rewrites `line` (a header line) to print `target`, or returns `null` when the line is not a
 * header under `context`, or the result would not read back as `target` with the same author and
 * body (every rewrite is checked by parsing it again). Seconds are printed only when the line
 * has them; `target.second` must then be what they should read.
 *
 * @example
 * ```ts
 * rewriteHeaderLine('27/03/2022, 01:30 - Ana: hi', { year: 2022, month: 3, day: 27, hour: 2, minute: 30, second: 0 }, context);
 * // '27/03/2022, 02:30 - Ana: hi'
 * ```
 */
export function rewriteHeaderLine(line: string, target: WallClock, context: RewriteContext): string | null {
  const header = matchHeader(line, context.grammar);
  if (header === null) return null;
  const old = interpretWallTime(header, context.order, context.masks);
  const spans = old === null ? null : headerSpans(line, header);
  if (old === null || spans === null) return null;
  const { style } = context;
  const index = dateFieldIndex(context.order);
  const printed = (span: Span): string => toAsciiDigits(line.slice(span.start, span.end));
  const replacements: Replacement[] = [];
  const put = (span: Span, ascii: string): void => {
    replacements.push({ span, text: inScript(ascii, zeroOf(line.slice(span.start, span.start + 1))) });
  };

  const yearSpan = spans.date[index.year] as Span;
  const era = /^\p{L}/u.test(header.fields[index.year] ?? '');
  put(yearSpan, shiftYear(printed(yearSpan), era, target.year - old.year));
  const monthSpan = spans.date[index.month] as Span;
  put(monthSpan, padField(printed(monthSpan), target.month, style.month, style.day ?? true));
  const daySpan = spans.date[index.day] as Span;
  put(daySpan, padField(printed(daySpan), target.day, style.day, style.month ?? true));
  put(spans.minute, String(target.minute).padStart(2, '0'));
  if (spans.second !== null) put(spans.second, String(target.second).padStart(2, '0'));

  if (header.meridiem === null || spans.meridiem === null) {
    put(spans.hour, padField(printed(spans.hour), target.hour, style.hour, true));
  } else {
    const zeroBased = style.hourZeroBased ?? header.hour === 0;
    const twelve = zeroBased ? target.hour % 12 : target.hour % 12 || 12;
    put(spans.hour, padField(printed(spans.hour), twelve, style.hour, false));
    const word = header.meridiem;
    if (interpretHour(twelve, word, context.masks) !== target.hour) {
      const next = meridiemCandidates(word, old.hour, target.hour).find(
        (candidate) => interpretHour(twelve, candidate, context.masks) === target.hour,
      );
      if (next === undefined) return null;
      replacements.push({ span: spans.meridiem, text: next });
    }
  }

  let out = line;
  for (const { span, text } of replacements.sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, span.start) + text + out.slice(span.end);
  }
  const check = matchHeader(out, context.grammar);
  if (check === null || shapeKey(check) !== shapeKey(header)) return null;
  const wall = interpretWallTime(check, context.order, context.masks);
  if (wall === null || !sameWall(wall, target)) return null;
  if (out.slice(check.restStart) !== line.slice(header.restStart)) return null;
  return out;
}
