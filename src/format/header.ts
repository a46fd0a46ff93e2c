/**
 * Matching one line against the grammar: the only per-line work of detection and parsing.
 *
 * @module
 */

import { isMarkCode } from '../chars.js';
import { toAsciiDigits } from './digits.js';
import {
  ERA_LETTERS,
  type HeaderGrammar,
  type NumberedRegExp,
  type RawHeader,
  type Terminator,
} from './grammar.js';

/** Group numbers of one grammar alternative, looked up once per grammar rather than per line. */
interface GroupNumbers {
  readonly ios: number;
  readonly android: number;
  readonly open: number;
  readonly f1: number;
  readonly f2: number;
  readonly f3: number;
  readonly s: number;
  readonly tail: number;
  readonly h: number;
  readonly mi: number;
  readonly sec: number;
  readonly mb: number;
  readonly ma: number;
}

// The last grammar's numbers per alternative: one shared grammar in practice, so a hit is one comparison.
let lastDateFirst: readonly [NumberedRegExp, GroupNumbers] | undefined;
let lastTimeFirst: readonly [NumberedRegExp, GroupNumbers] | undefined;

function groupNumbers(numbered: NumberedRegExp, n: 'a' | 'b'): GroupNumbers {
  const last = n === 'a' ? lastDateFirst : lastTimeFirst;
  if (last !== undefined && last[0] === numbered) return last[1];
  const g = numbered.groups;
  const at = (name: string) => g[name] as number;
  const numbers: GroupNumbers = {
    ios: at('ios'),
    android: at('android'),
    open: at('open'),
    f1: at(`${n}1`),
    f2: at(`${n}2`),
    f3: at(`${n}3`),
    s: at(`${n}s`),
    tail: at(`${n}tail`),
    h: at(`${n}h`),
    mi: at(`${n}mi`),
    sec: at(`${n}sec`),
    mb: at(`${n}mb`),
    ma: at(`${n}ma`),
  };
  if (n === 'a') lastDateFirst = [numbered, numbers];
  else lastTimeFirst = [numbered, numbers];
  return numbers;
}

const MARKS_AND_SPACES = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00a0\u202f\u2009 ]/gu;

/**
 * A cheap test before the regex: a header starts (after marks) with `[` or a digit of any script.
 * Most continuation lines fail here and never reach the grammar.
 */
function mayStartHeader(line: string): boolean {
  for (let i = 0; i < line.length && i < 8; i++) {
    const code = line.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) return true;
    if (code === 0x5b) return true; // [
    if (code === 0x200e || code === 0x200f || code === 0xfeff || (code >= 0x202a && code <= 0x202e)) continue;
    if (code >= 0x2066 && code <= 0x2069) continue;
    // Era years (R4) and non-ASCII digits are rare: let the regex decide.
    return code > 0x7f || code === 0x52 || code === 0x48;
  }
  return false;
}

/**
 * Whether a line (`line[start, end)` when given) can open with a date as the grammar reads one:
 * after marks and an optional `[`, a digit of any script, or an era letter and a digit (`R4`).
 * A log locked on a date-first format asks this before running the grammar on a line its
 * template missed: a line opening with a word (`Привет`, `Sure`, `Maybe`: M, T, S, H and R are
 * era letters) or an emoji can be no header of that format, and the grammar's two regexes are
 * the dearest thing a continuation line can cost.
 *
 * @example
 * ```ts
 * mayStartDate('\u200e[۲۷/۳/۲۲، ۹:۴۱ م] A: hi'); // true (Persian digits)
 * mayStartDate('Привет, 10/03/2022'); // false
 * mayStartDate('Sure, 10/03/2022'); // false: S is an era letter, but no digit follows
 * mayStartDate('[R4/3/27 21:41] A: hi'); // true (a Japanese era year)
 * mayStartDate('hi\n10/03/2022, 11:00 - A: b', 3, 26); // true: the line `[3, 26)` of a longer text
 * ```
 */
export function mayStartDate(line: string, start = 0, end: number = line.length): boolean {
  let i = start;
  while (i < end && isMarkCode(line.charCodeAt(i))) i++;
  if (i < end && line.charCodeAt(i) === 0x5b) {
    i++;
    while (i < end && isMarkCode(line.charCodeAt(i))) i++;
  }
  if (i >= end) return false;
  if (ERA_CODES.has(line.charCodeAt(i))) i++;
  return i < end && isDigitAt(line, i, end);
}

/** Whether `line[i, end)` opens with a decimal digit of some script (`\p{Nd}`), astral ones included. */
function isDigitAt(line: string, i: number, end: number): boolean {
  const code = line.charCodeAt(i);
  if (code >= 0x30 && code <= 0x39) return true;
  if (code <= 0x7f) return false;
  if (code < 0xd800 || code > 0xdbff) return isDigitUnit(code);
  // A surrogate pair: digits beyond the BMP (Adlam's, mathematical ones) are rare, emoji are not.
  return i + 1 < end && isAstralDigit(line.codePointAt(i) as number);
}

/** `\p{Nd}` per astral code point, on first sight (a chat uses a few hundred at most). */
const ASTRAL_DIGITS = new Map<number, boolean>();
const MAX_ASTRAL_DIGITS = 4096;

function isAstralDigit(point: number): boolean {
  let known = ASTRAL_DIGITS.get(point);
  if (known === undefined) {
    known = ANY_DIGIT.test(String.fromCodePoint(point));
    if (ASTRAL_DIGITS.size >= MAX_ASTRAL_DIGITS) ASTRAL_DIGITS.clear();
    ASTRAL_DIGITS.set(point, known);
  }
  return known;
}

/** The era letters a date field may open with (`R4`), as the grammar has them. */
const ERA_CODES: ReadonlySet<number> = new Set([...ERA_LETTERS].map((letter) => letter.charCodeAt(0)));

/** `\p{Nd}` per BMP code unit, filled on first sight (0 unknown, 1 digit, 2 not). */
const DIGIT_UNITS = new Uint8Array(0x10000);
const ANY_DIGIT = /^\p{Nd}$/u;

/** A decimal digit of some script in the BMP (a lone surrogate is none). */
function isDigitUnit(code: number): boolean {
  let known = DIGIT_UNITS[code] as number;
  if (known === 0) {
    known = ANY_DIGIT.test(String.fromCharCode(code)) ? 1 : 2;
    DIGIT_UNITS[code] = known;
  }
  return known === 1;
}

/**
 * Takes a header line apart, or returns null when the line is not header-shaped.
 *
 * @example
 * ```ts
 * const header = matchHeader('3/27/22, 9:41 PM - Ann: hi', compileGrammar('AM|PM'));
 * header?.fields; // ['3', '27', '22']
 * header?.restStart; // 19
 * ```
 */
export function matchHeader(line: string, grammar: HeaderGrammar): RawHeader | null {
  if (!mayStartHeader(line)) return null;
  let numbered = grammar.numbered.dateFirst;
  let match = numbered.regex.exec(line);
  let timeFirst = false;
  if (match === null) {
    numbered = grammar.numbered.timeFirst;
    match = numbered.regex.exec(line);
    if (match === null) return null;
    timeFirst = true;
  }
  const g = match;
  const k = groupNumbers(numbered, timeFirst ? 'b' : 'a');
  const terminator: Terminator =
    g[k.ios] !== undefined ? 'ios' : g[k.android] !== undefined ? 'android' : 'legacy';
  const bracket = g[k.open] !== undefined;
  if (bracket !== (terminator === 'ios')) return null;
  const before = g[k.mb];
  const after = g[k.ma];
  if (before !== undefined && after !== undefined) return null;
  const second = g[k.sec];
  const separator = g[k.s] as string;
  const tail = g[k.tail] ?? '';
  return {
    bracket,
    terminator,
    timeFirst,
    fields: [
      toAsciiDigits(g[k.f1] as string),
      toAsciiDigits(g[k.f2] as string),
      toAsciiDigits(g[k.f3] as string),
    ],
    separator: separator.length === 1 ? separator : separator.replace(MARKS_AND_SPACES, ' '),
    dateTail: tail === '' ? tail : tail.replace(MARKS_AND_SPACES, ''),
    hour: Number(toAsciiDigits(g[k.h] as string)),
    minute: Number(toAsciiDigits(g[k.mi] as string)),
    second: second === undefined ? null : Number(toAsciiDigits(second)),
    meridiem: before ?? after ?? null,
    meridiemBefore: before !== undefined,
    restStart: match[0].length,
  };
}
