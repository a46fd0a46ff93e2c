/**
 * Month-name headers of old exports (Android before 2014, Windows Phone, BlackBerry): the month
 * is a word and the year is often missing.
 *
 * ```
 * > | Mar 5, 8:11 PM - Name: text             month first, no year
 * > | 18 Mar 12:14 - Name: text               day first, no year
 * > | 19:23, 28 Aug 2013 - Name: text         time first, 4-digit year
 *                          ^ the match ends here; author and body are cut from the rest
 * ```
 *
 * This is a fallback, not part of the main grammar: the parser tries it only when the main
 * grammar found no header in the whole look-ahead, so a normal export pays nothing for it.
 * Month words come from CLDR through `Intl` (short and long, format and stand-alone forms, for
 * every language WhatsApp ships), never from a hand-typed list.
 *
 * @module
 */

import { MARK_CLASS, SPACE_CLASS } from '../chars.js';
import { WHATSAPP_CLDR_LOCALES } from '../locales/cldr.js';
import { toAsciiDigits } from './digits.js';

/**
 * The four shapes, by index: month word first or day first, date first or time first.
 * A log uses one; the parser locks it like the main grammar's shape.
 */
export type MonthNameShape = 0 | 1 | 2 | 3;

/** A month-name header taken apart. Numbers are ASCII-converted; nothing is validated yet. */
export interface MonthNameHeader {
  readonly shape: MonthNameShape;
  /** The printed 4-digit year, or null when the header has none. */
  readonly year: number | null;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number | null;
  readonly meridiem: string | null;
  /** True when the month word precedes the day (`Mar 5`): an m/d reading. */
  readonly monthFirst: boolean;
  readonly timeFirst: boolean;
  /** Index in the line where the rest (author and body) begins. */
  readonly restStart: number;
}

/** The compiled month-name grammar: one regex per shape, and the month words. */
export interface MonthNameGrammar {
  readonly shapes: readonly [RegExp, RegExp, RegExp, RegExp];
  /** Folded month word → month 1–12; 0 for a word two languages give different months. */
  readonly months: ReadonlyMap<string, number>;
  /** For the ambiguous words only: folded word → base language → month. */
  readonly ambiguous: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

const M = `${MARK_CLASS}*`;
const S = SPACE_CLASS;
/** A month word: letters (and combining marks), maybe an abbreviation dot. */
const WORD = '(?<word>\\p{L}[\\p{L}\\p{M}]*\\.?)';
const DAY = '(?<day>\\p{Nd}{1,2})\\.?';
const YEAR = `(?:,?${S}+(?<year>\\p{Nd}{4}))?`;
const MONTH_FIRST = `${WORD}${S}+${DAY}${YEAR}`;
const DAY_FIRST = `${DAY}${S}*${WORD}${YEAR}`;
const JOIN = `${M}(?:,${M}${S}*|${S}+)${M}`;
/** Android-style terminator: these exports are all ` - `. */
const TERMINATOR = `${M}${S}-${S}`;

function timeSource(meridiem: string): string {
  return `(?<h>\\p{Nd}{1,2})[:.](?<mi>\\p{Nd}{2})(?:[:.](?<sec>\\p{Nd}{2}))?(?:${S}?(?<mer>${meridiem}))?`;
}

/**
 * Compiles the grammar for a set of meridiem words (a regex alternation source).
 *
 * @example
 * ```ts
 * const grammar = compileMonthNameGrammar(getLexicon().meridiemSource);
 * matchMonthName('Mar 5, 8:11 PM - Ann: hi', grammar)?.month; // 3
 * ```
 */
export function compileMonthNameGrammar(meridiemSource: string): MonthNameGrammar {
  const time = timeSource(`(?:${meridiemSource})`);
  const shape = (date: string, timeFirst: boolean) =>
    new RegExp(`^${M}${timeFirst ? `${time}${JOIN}${date}` : `${date}${JOIN}${time}`}${TERMINATOR}`, 'u');
  return {
    shapes: [
      shape(MONTH_FIRST, false),
      shape(DAY_FIRST, false),
      shape(MONTH_FIRST, true),
      shape(DAY_FIRST, true),
    ],
    ...monthWords(),
  };
}

/**
 * Takes a month-name header apart, trying one shape (`only`) or all four; null when the line is
 * not one (including when its word is no month in any language).
 *
 * @example
 * ```ts
 * matchMonthName('19:23, 28 Aug 2013 - Tanay: hi', grammar);
 * // { shape: 3, year: 2013, month: 8, day: 28, hour: 19, minute: 23, … }
 * ```
 */
export function matchMonthName(
  line: string,
  grammar: MonthNameGrammar,
  only?: MonthNameShape,
  language?: string,
): MonthNameHeader | null {
  const first = only ?? 0;
  const last = only ?? 3;
  for (let shape = first; shape <= last; shape++) {
    const match = grammar.shapes[shape]?.exec(line);
    const g = match?.groups;
    if (match === null || match === undefined || g === undefined) continue;
    const month = monthOf(g.word as string, grammar, language);
    if (month === 0) continue;
    return {
      shape: shape as MonthNameShape,
      year: g.year === undefined ? null : Number(toAsciiDigits(g.year)),
      month,
      day: Number(toAsciiDigits(g.day as string)),
      hour: Number(toAsciiDigits(g.h as string)),
      minute: Number(toAsciiDigits(g.mi as string)),
      second: g.sec === undefined ? null : Number(toAsciiDigits(g.sec)),
      meridiem: g.mer ?? null,
      monthFirst: shape === 0 || shape === 2,
      timeFirst: shape >= 2,
      restStart: match[0].length,
    };
  }
  return null;
}

function monthOf(word: string, grammar: MonthNameGrammar, language: string | undefined): number {
  const key = foldMonth(word);
  const month = grammar.months.get(key);
  if (month === undefined) return 0;
  if (month !== 0 || language === undefined) return month;
  return grammar.ambiguous.get(key)?.get(baseLanguage(language)) ?? 0;
}

function foldMonth(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/\.$/u, '');
}

function baseLanguage(tag: string): string {
  return tag.split('-')[0]?.toLowerCase() ?? tag;
}

const SAMPLE_YEAR = 2022;
const SAMPLE_DAY = 15;

/**
 * Every month word of the WhatsApp languages: `short` and `long`, in the stand-alone form
 * (`{ month }`) and the form used next to a day (`{ day, month }`: Russian `мар.` vs `марта`).
 * Words that start with a digit or hold a space (`3月`, Vietnamese `thg 3`) are left out: those
 * locales print numeric dates. A word two languages give different months (Croatian `lipanj`
 * = June, Czech `lipen` … `lip` both ways) is kept as ambiguous and read only with a language.
 */
function monthWords(): Pick<MonthNameGrammar, 'months' | 'ambiguous'> {
  const byWord = new Map<string, Map<string, number>>();
  for (const locale of WHATSAPP_CLDR_LOCALES) {
    const language = baseLanguage(locale);
    for (const style of ['short', 'long'] as const) {
      const formats = [
        new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' }),
        new Intl.DateTimeFormat(locale, { month: style, day: 'numeric', timeZone: 'UTC' }),
      ];
      for (let month = 1; month <= 12; month++) {
        const at = Date.UTC(SAMPLE_YEAR, month - 1, SAMPLE_DAY);
        for (const format of formats) {
          const word = format.formatToParts(at).find((part) => part.type === 'month')?.value;
          if (word === undefined || !/^\p{L}[\p{L}\p{M}]*\.?$/u.test(word)) continue;
          const key = foldMonth(word);
          const languages = byWord.get(key) ?? new Map<string, number>();
          languages.set(language, month);
          byWord.set(key, languages);
        }
      }
    }
  }
  const months = new Map<string, number>();
  const ambiguous = new Map<string, ReadonlyMap<string, number>>();
  for (const [word, languages] of byWord) {
    const distinct = new Set(languages.values());
    if (distinct.size === 1) months.set(word, [...distinct][0] as number);
    else {
      months.set(word, 0);
      ambiguous.set(word, languages);
    }
  }
  return { months, ambiguous };
}
