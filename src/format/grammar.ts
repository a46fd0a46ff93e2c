/**
 * The header grammar: one description of every timestamp-and-terminator shape WhatsApp prints,
 * compiled to two regexes (date first, time first). The grammar only *finds* the parts; what
 * they mean (date order, year, clock) is decided by detection and `interpret.ts`.
 *
 * ```
 * > | ‎[27‏/3‏/2022، 9:41:35 م] Name: text          iOS: bracket, marks inside the date
 * > | 29.01.18, 11:33 nachm. - Name: text           Android: " - " terminator
 * > | 2024/1/2 下午3:04 - Name: text                meridiem before the time
 * > | [21:41:35, 3/27/22] Name: text                time before the date (vi)
 * > | 7/1/16, 4:56:55 PM: Name: text                legacy iOS: ": " terminator
 *                        ^ the match ends here; author and body are cut from the rest
 * ```
 *
 * Invisible marks (LRM, RLM, embeddings, isolates, BOM) are allowed wherever exports put them,
 * so the grammar runs on the original line and the body keeps every byte.
 *
 * @module
 */

import { MARK_CLASS, SPACE_CLASS } from '../chars.js';
import { getLexicon } from '../locales/lexicon.js';

/** How the timestamp is closed: `] ` (iOS), ` - ` (Android) or `: ` (legacy iOS, before 2017). */
export type Terminator = 'ios' | 'android' | 'legacy';

const M = `${MARK_CLASS}*`;
const S = SPACE_CLASS;
/**
 * The letters of Japanese era years, M(eiji), T(aishō), S(hōwa), H(eisei), R(eiwa): a date field
 * may open with one (`R4`, `H31`).
 *
 * @example
 * ```ts
 * ERA_LETTERS.includes('R'); // true
 * ```
 */
export const ERA_LETTERS = 'MTSHR';
/** A date field: 1–4 digits of any script, or a Japanese era year (`R4`, `H31`). */
const FIELD = `(?:[${ERA_LETTERS}]\\p{Nd}{1,2}|\\p{Nd}{1,4})`;
/** A separator: `/`, `.`, `-`, each optionally followed by a space (`27. 3. 2022`). */
const SEP = `[/.\\-]${S}?`;
/** After the last field: a trailing dot (hr, hu), or a year suffix from the locale tables (bg `г.`, th `BE`). */
function dateTail(yearSuffixes: string): string {
  return yearSuffixes === '' ? '(?:\\.)?' : `(?:\\.|${S}?(?:${yearSuffixes}))?`;
}

/** Between date and time: comma (Latin or Arabic) and/or spaces, then a joiner word from the tables (fr `à`, fi `klo`). */
function join(joiners: string): string {
  const word = joiners === '' ? '' : `(?:(?:${joiners})${S}+)?`;
  return `${M}(?:[,\\u060c]${M}${S}*|${S}+)${word}${M}`;
}

function dateSource(n: 'a' | 'b', tail: string): string {
  return (
    `(?<${n}1>${FIELD})${M}(?<${n}s>${SEP})${M}(?<${n}2>${FIELD})${M}\\k<${n}s>${M}(?<${n}3>${FIELD})` +
    `(?<${n}tail>${tail})`
  );
}

function timeSource(n: 'a' | 'b', meridiem: string): string {
  return (
    `(?:(?<${n}mb>${meridiem})${S}?${M})?` +
    `(?<${n}h>\\p{Nd}{1,2})(?<${n}ts>[:.])(?<${n}mi>\\p{Nd}{2})(?:\\k<${n}ts>(?<${n}sec>\\p{Nd}{2}))?` +
    `(?:${M}${S}?${M}(?<${n}ma>${meridiem}))?`
  );
}

/** Terminators: `]` + space (iOS), ` - ` (Android), `: ` (legacy iOS). */
const TERMINATOR = `${M}(?:(?<ios>\\]${M} )|(?<android>${S}-${S})|(?<legacy>: ))`;

/** The compiled grammar. */
export interface HeaderGrammar {
  /** Date-first alternative, with named groups (readable; for tools such as the header rewriter). */
  readonly dateFirst: RegExp;
  /** Time-first alternative, with named groups. */
  readonly timeFirst: RegExp;
  /** The same two, with numbered groups only, and each name's group number: the per-line matcher. */
  readonly numbered: {
    readonly dateFirst: NumberedRegExp;
    readonly timeFirst: NumberedRegExp;
  };
}

/** A regex whose named groups were turned into numbered ones, with the numbers by name. */
export interface NumberedRegExp {
  readonly regex: RegExp;
  readonly groups: Readonly<Record<string, number>>;
}

/**
 * Compiles the grammar for a set of meridiem words (a regex alternation source). The words
 * printed between date and time and after the year come from the locale tables
 * (`dateTimeJoiners`, `yearSuffixes`), all of them unless others are given.
 *
 * @example
 * ```ts
 * const grammar = compileGrammar('AM|PM');
 * grammar.dateFirst.test('3/27/22, 9:41 PM - Ann: hi'); // true
 * ```
 */
export function compileGrammar(
  meridiemSource: string,
  words: { readonly joinerSource: string; readonly yearSuffixSource: string } = getLexicon(),
): HeaderGrammar {
  const meridiem = `(?:${meridiemSource})`;
  const JOIN = join(words.joinerSource);
  const tail = dateTail(words.yearSuffixSource);
  const lead = `^(?<lead>${M})(?<open>\\[)?${M}`;
  const dateFirst = `${lead}${dateSource('a', tail)}${JOIN}${timeSource('a', meridiem)}${TERMINATOR}`;
  const timeFirst = `${lead}${timeSource('b', meridiem)}${JOIN}${dateSource('b', tail)}${TERMINATOR}`;
  return {
    dateFirst: new RegExp(dateFirst, 'u'),
    timeFirst: new RegExp(timeFirst, 'u'),
    numbered: { dateFirst: numberGroups(dateFirst), timeFirst: numberGroups(timeFirst) },
  };
}

/**
 * Rewrites named groups `(?<x>…)` to plain `(…)` and `\k<x>` to `\N`, recording each name's
 * number. V8 builds a `groups` object on every successful `exec` of a regex with named groups;
 * with ~20 of them per header that object costs more than the match itself.
 *
 * @example
 * ```ts
 * numberGroups('(?<y>\\d+)-\\k<y>').groups; // { y: 1 }
 * ```
 */
export function numberGroups(source: string): NumberedRegExp {
  const groups: Record<string, number> = {};
  let out = '';
  let count = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (char === '\\') {
      const named = /^k<([A-Za-z0-9]+)>/u.exec(source.slice(i + 1, i + 40));
      if (named !== null) {
        out += `\\${groups[named[1] as string]}`;
        i += named[0].length;
      } else {
        out += char + (source[i + 1] ?? '');
        i++;
      }
    } else if (char === '[') {
      // A character class: copied as is (our classes hold no parentheses, only escapes).
      let end = i + 1;
      while (end < source.length && source[end] !== ']') end += source[end] === '\\' ? 2 : 1;
      out += source.slice(i, end + 1);
      i = end;
    } else if (
      char === '(' &&
      source[i + 1] === '?' &&
      source[i + 2] === '<' &&
      /[A-Za-z]/u.test(source[i + 3] ?? '')
    ) {
      const close = source.indexOf('>', i);
      groups[source.slice(i + 3, close)] = ++count;
      out += '(';
      i = close;
    } else {
      if (char === '(' && source[i + 1] !== '?') count++;
      out += char;
    }
  }
  return { regex: new RegExp(out, 'u'), groups };
}

/** A header line taken apart, before interpretation. Fields are in ASCII digits. */
export interface RawHeader {
  readonly bracket: boolean;
  readonly terminator: Terminator;
  readonly timeFirst: boolean;
  /** The three date fields in printed order. */
  readonly fields: readonly [string, string, string];
  /** The date separator, spaces normalized (`/`, `.`, `-`, `. `). */
  readonly separator: string;
  /** Text after the last date field (`.`, ` г.`, ` BE`), trimmed. */
  readonly dateTail: string;
  readonly hour: number;
  readonly minute: number;
  readonly second: number | null;
  /** The meridiem word as printed, or null on a 24-hour clock. */
  readonly meridiem: string | null;
  /** True when the meridiem precedes the time (zh, ja, ko, tr, hu). */
  readonly meridiemBefore: boolean;
  /** Index in the line where the rest (author and body) begins. */
  readonly restStart: number;
}
