/**
 * The second-word check: a finer filter behind the first-word key, for bodies that open with a
 * word some table entry opens with but say something else (`You know what`, `Video of the
 * beach`, `In a minute`).
 *
 * The first-word key sends such a body down the slow path: every system phrase and placeholder
 * under its key is tried, with folding and regexes, only to find none. Across 60 languages short
 * words collide (`a`, `in`, `video`, `you`), and in a real chat one message in twenty is such a
 * false lead, costing more than the twenty plain ones together. Each first-word key therefore also
 * knows the second words its entries can have ({@link secondWordKey}); a body whose second word
 * is none of them can match no entry, and skips them all.
 *
 * Only the direction that matters is guaranteed: a body an entry matches has that entry's second
 * word, so it is never turned away. The key is made to survive everything a match allows between
 * the two: marks (removed before matching), odd spaces, case (compared the way a case-insensitive
 * regex does), punctuation glued to the word (`call.`): it is the word's first two units before any
 * punctuation. Entries whose second word is a variable (`You added {name}`), or that a prefix
 * leaves open (`Voice call…`), accept any second word.
 *
 * @module
 */

import { isMarkCode, isWhiteSpaceCode, stripMarks } from '../chars.js';
import { isQuote } from './word-key.js';

/** Units of the second word a key keeps: enough to tell `added` from `are`, few enough to survive a cut prefix. */
const KEY_UNITS = 2;
/** Characters read to find the second word: a body whose first word runs longer is let through. */
const SECOND_WORD_WINDOW = 128;

/** The index of the second word of `text[start, end)` (after the first word and the space), or `end`. */
function secondWordStart(text: string, start: number, end: number): number {
  const limit = Math.min(end, start + SECOND_WORD_WINDOW);
  let i = skipMarksAndSpaces(text, start, limit);
  // The first word runs to a space or a quote; marks inside it are not breaks.
  for (; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (isMarkCode(code)) continue;
    if (isWhiteSpaceCode(code) || isQuote(code)) break;
  }
  if (i === limit && limit < end) return -1;
  return skipMarksAndSpaces(text, i, end);
}

/** Past marks and white space, as the first-word key skips them (U+FEFF is both: a mark first). */
function skipMarksAndSpaces(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && (isMarkCode(text.charCodeAt(i)) || isWhiteSpaceCode(text.charCodeAt(i)))) i++;
  return i;
}

/** Where the part of the word at `at` a key keeps ends: {@link KEY_UNITS} units (marks aside), or a stop. */
function keyEnd(text: string, at: number, end: number): number {
  let units = 0;
  let i = at;
  for (; i < end && units < KEY_UNITS; i++) {
    const code = text.charCodeAt(i);
    if (isMarkCode(code)) continue;
    if (isStop(code)) break;
    units++;
  }
  return i;
}

/**
 * Upper then lower case: closer to the case folding of a `u`-flag regex than lower case alone
 * (`ς` and `σ`, `ſ` and `s`, `ϐ` and `β` are one letter to the regex).
 */
function fold(key: string): string {
  return key === '' ? key : key.toUpperCase().toLowerCase();
}

/**
 * The second-word key of `text[start, end)`: the first {@link KEY_UNITS} units of its second word
 * before any punctuation, quote or space (marks skipped), folded the way a case-insensitive
 * regex compares them; `''` when there is no second word, and null when the first word is
 * too long to look past.
 *
 * @example
 * ```ts
 * secondWordKey('You added Ann'); // 'ad'
 * secondWordKey('\u200eMissed\u00a0call.'); // 'ca'
 * secondWordKey('Sticker'); // ''
 * secondWordKey('A: You know', 3); // 'kn' (read in place)
 * ```
 */
export function secondWordKey(text: string, start = 0, end: number = text.length): string | null {
  const at = secondWordStart(text, start, end);
  return at === -1 ? null : fold(stripMarks(text.slice(at, keyEnd(text, at, end))));
}

/**
 * The second word a table entry requires, as {@link secondWordKey} reads it from a matching body,
 * or null when it accepts any: its second word is a variable, or `open` (a prefix, matched by
 * `startsWith`) leaves the word unfinished or absent.
 *
 * @example
 * ```ts
 * entrySecondWord('You added {name}', false); // 'ad'
 * entrySecondWord('You added {name}', false) === secondWordKey('You added Ann'); // true
 * entrySecondWord('Voice call', true); // 'ca'
 * entrySecondWord('Voice', true); // null (anything may follow)
 * ```
 */
export function entrySecondWord(text: string, open: boolean): string | null {
  const at = secondWordStart(text, 0, text.length);
  if (at === -1) return null;
  if (at === text.length) return open ? null : '';
  const stop = keyEnd(text, at, text.length);
  const key = stripMarks(text.slice(at, stop));
  // A variable (`{name}`) where the key's letters would be; or a prefix that may stop inside its
  // second word, where a shorter key would not be the body's.
  if (key.length < KEY_UNITS && (open || text.charCodeAt(stop) === OPEN_BRACE)) return null;
  return fold(key);
}

/**
 * Whether a body whose first-word key is `word` may match an entry under that key, going by its
 * second word: false only when no entry can (see the module notes). `seconds` maps each
 * first-word key to its entries' second words, null where any is accepted.
 *
 * @example
 * ```ts
 * const seconds = new Map([['you', new Set(['ad', 'cr'])]]);
 * maySecondWordMatch(seconds, 'you', 'You know what'); // false
 * maySecondWordMatch(seconds, 'you', 'You added Ann'); // true
 * ```
 */
export function maySecondWordMatch(
  seconds: ReadonlyMap<string, ReadonlySet<string> | null>,
  word: string,
  text: string,
  start = 0,
  end: number = text.length,
): boolean {
  // Bracketed placeholders (`<Media omitted>`) are looked up by their bracket, not by words.
  if (word.charCodeAt(0) === LESS_THAN) return true;
  const accepted = seconds.get(word);
  // A key in no index (the first-word filter lets a few through): nothing to match.
  if (accepted === undefined) return false;
  if (accepted === null) return true;
  const key = secondWordKey(text, start, end);
  return key === null || accepted.has(key);
}

const OPEN_BRACE = 0x7b;
const LESS_THAN = 0x3c;

/** Where a second-word key stops: space, quote, apostrophe, ASCII punctuation. */
function isStop(code: number): boolean {
  if (code < 0x80) {
    const lower = code | 0x20;
    return !((lower >= 0x61 && lower <= 0x7a) || (code >= 0x30 && code <= 0x39));
  }
  return isWhiteSpaceCode(code) || isQuote(code) || code === TYPOGRAPHIC_APOSTROPHE;
}

const TYPOGRAPHIC_APOSTROPHE = 0x2019;
