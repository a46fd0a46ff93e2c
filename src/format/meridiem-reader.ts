/**
 * The meridiem word at a position of a header, as the lexicon's alternation of every meridiem
 * word (262 of them, with their spacing and apostrophe variants) reads it, but mostly without
 * running it.
 *
 * A chat prints the same two words all along (`AM` and `PM`), yet a sticky `exec` of the whole
 * alternation costs a run through a large regex, a match array and a substring on every header
 * of a 12-hour log: measured 11% of parsing an iOS log. So the reader remembers the words the
 * regex has returned and checks those first with `startsWith`, which builds nothing and hands
 * back the same string object each time (so the hour's meridiem lookup compares by reference).
 *
 * Why a remembered word gives exactly the regex's answer. Alternatives without look-around match
 * or not by the characters they consume alone. Say the regex once returned `w` through its
 * alternative `A`, and the text at a new position starts with `w` again:
 * - no alternative before `A` matched `w` or a shorter prefix of it then (it would have won), and
 *   those are the same characters now, so none matches them now;
 * - an alternative that matches a longer text (`w` and more) would make `w` "extendable", and an
 *   extendable word is never remembered. That is checked once per word against every printed
 *   word, folded as the regex folds them (see {@link fold}): a text `w + x` matching a word's
 *   alternative folds to that word, so the word's fold starts with `w`'s and is longer, or `x`
 *   is spaces only and the word ends in a space (its last space is optional in the regex);
 * - so the first alternative that matches is `A` again, on `w` again.
 *
 * @module
 */

import { normalizeForMatch } from '../chars.js';
import { ownCopy } from '../text/own-copy.js';

/** Words remembered per reader: a chat prints two, a few more where logs were merged. */
const MAX_REMEMBERED = 8;

/**
 * Reads meridiem words for one parse (it learns the chat's words as it goes).
 *
 * @example
 * ```ts
 * const reader = new MeridiemReader('AM|PM|a\\.[ \\u00a0\\u202f]?m\\.', ['AM', 'PM', 'a. m.']);
 * reader.read('9:41 PM] Ana: hi', 5); // 'PM' (from the regex, then remembered)
 * reader.read('9:42 PM] Ana: ok', 5); // 'PM' (the same string, by startsWith)
 * reader.read('9:42] Ana: ok', 4); // null
 * ```
 */
export class MeridiemReader {
  readonly #sticky: RegExp;
  /** Every printed word, {@link fold}ed; and the folds of those that end in a space. */
  readonly #folds: readonly string[];
  readonly #endInSpace: ReadonlySet<string>;
  /** Words the regex returned that no word extends: what {@link read} checks first. */
  #remembered: string[] = [];
  /** Words the regex returned that some word extends (kept so they are checked once). */
  readonly #extendable = new Set<string>();

  /**
   * @param source the alternation, as in `Lexicon.meridiemSource`
   * @param printed the words it was built from (`Lexicon.meridiemPrinted`)
   */
  constructor(source: string, printed: readonly string[]) {
    this.#sticky = new RegExp(`(?:${source})`, 'uy');
    this.#folds = [...new Set(printed.map(fold))];
    this.#endInSpace = new Set(printed.filter((word) => normalizeForMatch(word).endsWith(' ')).map(fold));
  }

  /**
   * The meridiem word `text` has at `at` (it may run past the line's end: the caller checks),
   * or null where there is none.
   */
  read(text: string, at: number): string | null {
    const remembered = this.#remembered;
    for (let k = 0; k < remembered.length; k++) {
      const word = remembered[k] as string;
      if (text.startsWith(word, at)) return word;
    }
    const sticky = this.#sticky;
    sticky.lastIndex = at;
    const match = sticky.exec(text);
    if (match === null) return null;
    const word = match[0];
    if (remembered.length < MAX_REMEMBERED && !this.#extendable.has(word)) {
      if (this.#extends(word)) this.#extendable.add(ownCopy(word));
      else {
        const own = ownCopy(word);
        this.#remembered.push(own);
        return own;
      }
    }
    return word;
  }

  /** Whether some word's match could start with `word` and run on past it. */
  #extends(word: string): boolean {
    const folded = fold(word);
    if (this.#endInSpace.has(folded)) return true;
    return this.#folds.some((other) => other.length > folded.length && other.startsWith(folded));
  }
}

/**
 * A word as the alternation tells words apart: marks removed and odd spaces read as spaces (as
 * `normalizeForMatch` prepares the words for the regex), spaces dropped (each is optional and
 * may be any of three kinds there), `’` read as `'` (either matches there). Case is kept: the
 * regex is case-sensitive. Character by character, so `fold(a + b) === fold(a) + fold(b)`.
 */
function fold(word: string): string {
  return normalizeForMatch(word).replace(/ /gu, '').replace(/’/gu, "'");
}
