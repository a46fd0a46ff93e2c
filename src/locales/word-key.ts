/**
 * The first-word key: how system phrases, placeholders, locations and polls are indexed, and
 * the filter that tells, without building the key, that a body's key is in no index.
 *
 * Nearly every message is plain text whose first word opens no table entry. Building its key
 * means a slice and a lower-casing per message; {@link mayHaveWordKey} instead hashes the same
 * folded units in the same pass and checks a bit in a table of the keys' hashes
 * ({@link wordKeyFilter}). A miss is certain (the hash of a key is always set); a hit only
 * means "build the key and look it up", so collisions cost time, never answers.
 *
 * @module
 */

// U+FEFF is both a mark and white space: the mark test comes first wherever both apply.
import { isMarkCode, isWhiteSpaceCode } from '../chars.js';

/** U+2019, the apostrophe iOS and many tables print (`You’re`); keyed as {@link APOSTROPHE}. */
const TYPOGRAPHIC_APOSTROPHE = 0x2019;
const APOSTROPHE = 0x27;
/** Characters of a body looked at to find its first word (marks included). */
const FIRST_WORD_WINDOW = 64;
/**
 * Index keys are the first word cut to this many characters: scripts written without spaces
 * (zh, ja, th) have no "first word", and punctuation glued to a word (`Sprachanruf.`) must
 * still land in the same bucket as the table's `Sprachanruf…`.
 */
const FIRST_WORD_KEY_LENGTH = 6;
/**
 * The index key of a body: its first word, folded and cut to a few characters. System phrases,
 * placeholder prefixes, locations and polls are bucketed by it.
 *
 * @example
 * ```ts
 * firstWordKey('\u200eMessages and calls are end-to-end encrypted.'); // 'messag'
 * ```
 */
export function firstWordKey(text: string): string {
  // One pass, no regex: this runs for nearly every message. Equivalent to
  // normalizeForMatch(text.slice(0, 64)).trimStart(), cut at the first space or quote, first six
  // UTF-16 units, lower-cased, the typographic apostrophe `’` read as `'`.
  const limit = Math.min(text.length, FIRST_WORD_WINDOW);
  let i = 0;
  for (; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (!isMarkCode(code) && !isWhiteSpaceCode(code)) break;
  }
  const start = i;
  let key = '';
  let plain = true; // no mark inside the word: the key is a plain slice
  let units = 0;
  // Lower-casing dominates this function's cost (String#toLowerCase is slow on the two-byte
  // strings a non-Latin log is made of), so count the upper-case ASCII letters and lower-case by
  // hand in the common cases: none, or a capital first letter.
  let ascii = true;
  let uppers = 0;
  let firstUpper = false;
  for (; i < limit && units < FIRST_WORD_KEY_LENGTH; i++) {
    const code = text.charCodeAt(i);
    if (isMarkCode(code)) {
      if (plain) key = text.slice(start, i);
      plain = false;
      continue;
    }
    if (isWhiteSpaceCode(code) || isQuote(code)) break;
    if (code === TYPOGRAPHIC_APOSTROPHE) {
      // `You’re` and `You're` are one key: tables write either, exports print either.
      if (plain) key = text.slice(start, i);
      plain = false;
      key += "'";
      units++;
      continue;
    }
    if (code > 0x7f) ascii = false;
    else if (code >= 0x41 && code <= 0x5a) {
      uppers++;
      if (units === 0) firstUpper = true;
    }
    if (!plain) key += text[i];
    units++;
  }
  const word = plain ? text.slice(start, i) : key;
  if (ascii && uppers === 0) return word;
  if (ascii && uppers === 1 && firstUpper)
    return String.fromCharCode(word.charCodeAt(0) + 0x20) + word.slice(1);
  return word.toLowerCase();
}

/**
 * What a first-word key is looked up by when its body may be in an index: the key itself; when
 * the filter rules that out, {@link NO_WORD_KEY}, which is in no index.
 *
 * @example
 * ```ts
 * lookupWordKey('Deleted?', getLexicon().wordKeys); // 'delete' (a placeholder starts so)
 * lookupWordKey('Zebra crossing', getLexicon().wordKeys); // NO_WORD_KEY
 * ```
 */
export function lookupWordKey(text: string, filter: Uint8Array): string {
  return mayHaveWordKey(text, filter) ? firstWordKey(text) : NO_WORD_KEY;
}

/**
 * {@link lookupWordKey} of `text[start, end)`, read in place: the parser passes the chunk a body
 * was cut from, a flat string, which is cheaper to read character by character than the slice.
 *
 * @example
 * ```ts
 * lookupWordKeyAt('A: Zebra crossing', getLexicon().wordKeys, 3, 17); // NO_WORD_KEY
 * ```
 */
export function lookupWordKeyAt(text: string, filter: Uint8Array, start: number, end: number): string {
  return mayHaveWordKey(text, filter, start, end) ? firstWordKey(text.slice(start, end)) : NO_WORD_KEY;
}

/** The key of a body the filter ruled out: no table key holds a NUL. */
export const NO_WORD_KEY = '\u0000';

/**
 * Slots of the filter, one bit each: with a few thousand keys a few percent are set, and the
 * whole filter (8 KiB) stays in the CPU's first-level cache, which a byte per slot did not.
 */
const FILTER_SLOTS = 1 << 16;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * The filter of a set of first-word keys, for {@link mayHaveWordKey}.
 *
 * @example
 * ```ts
 * const filter = wordKeyFilter(['messag', 'this']);
 * mayHaveWordKey('\u200eMessages and calls are end-to-end encrypted.', filter); // true
 * ```
 */
export function wordKeyFilter(keys: Iterable<string>): Uint8Array {
  const filter = new Uint8Array(FILTER_SLOTS / 8);
  for (const key of keys) {
    let hash = FNV_OFFSET;
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), FNV_PRIME);
    const at = slot(hash);
    filter[at >>> 3] = (filter[at >>> 3] as number) | (1 << (at & 7));
  }
  return filter;
}

/**
 * False when the text's {@link firstWordKey} is certainly not among the filter's keys; true
 * when it may be (then build the key and look). Walks the text exactly as `firstWordKey` does,
 * hashing the lower-cased units instead of collecting them; a body opening with `<` is always
 * a "may" (bracketed placeholders are matched by that prefix, not by a key). `start` and `end`
 * read a body in place inside a longer text (the chunk it was cut from).
 *
 * @example
 * ```ts
 * mayHaveWordKey('Zebra crossing', wordKeyFilter(['messag'])); // false
 * mayHaveWordKey('A: Messages and calls…', wordKeyFilter(['messag']), 3); // true
 * ```
 */
export function mayHaveWordKey(
  text: string,
  filter: Uint8Array,
  start = 0,
  end: number = text.length,
): boolean {
  const limit = Math.min(end, start + FIRST_WORD_WINDOW);
  let i = start;
  for (; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (!isMarkCode(code) && !isWhiteSpaceCode(code)) break;
  }
  if (i < limit && text.charCodeAt(i) === 0x3c) return true;
  let hash = FNV_OFFSET;
  let units = 0;
  for (; i < limit && units < FIRST_WORD_KEY_LENGTH; i++) {
    const code = text.charCodeAt(i);
    // Letters and digits first: most first words are made of nothing else.
    const lower = code | 0x20;
    if ((lower >= 0x61 && lower <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
      hash = Math.imul(hash ^ (code >= 0x41 && code <= 0x5a ? lower : code), FNV_PRIME);
      units++;
      continue;
    }
    if (isMarkCode(code)) continue;
    if (isWhiteSpaceCode(code) || isQuote(code)) break;
    let folded = code;
    if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) folded = code + 0x20;
    } else if (code === TYPOGRAPHIC_APOSTROPHE) folded = APOSTROPHE;
    else {
      folded = foldUnit(code);
      if (folded === -1) return true;
    }
    hash = Math.imul(hash ^ folded, FNV_PRIME);
    units++;
  }
  const at = slot(hash);
  return (((filter[at >>> 3] as number) >>> (at & 7)) & 1) === 1;
}

function slot(hash: number): number {
  return ((hash >>> 16) ^ hash) & (FILTER_SLOTS - 1);
}

/** Lower-cased BMP units, computed on first sight; `UNSAFE` where one unit's case is not its own. */
const FOLDED = new Uint16Array(0x10000);
const FOLD_STATE = new Uint8Array(0x10000);
const KNOWN = 1;
const UNSAFE = 2;
/** U+03A3 GREEK CAPITAL LETTER SIGMA: lower-cases to σ or, at the end of a word, ς. */
const CAPITAL_SIGMA = 0x3a3;
/**
 * High surrogates below this open the astral planes with case (Deseret, Osage, Adlam …); from
 * here on (U+1F000 and up: emoji, symbols, CJK extensions) nothing has a lower case, so the
 * units of a pair stand for themselves.
 */
const FIRST_CASELESS_HIGH_SURROGATE = 0xd83c;

/**
 * The unit `String#toLowerCase` gives a unit in any context, or -1 when there is no such
 * unit (it depends on the neighbours or becomes two units, like `İ`): then only building the
 * key can tell.
 */
function foldUnit(code: number): number {
  const state = FOLD_STATE[code];
  if (state === KNOWN) return FOLDED[code] as number;
  if (state === UNSAFE) return -1;
  let folded = -1;
  if (code >= 0xd800 && code <= 0xdfff) {
    if (code >= 0xdc00 || code >= FIRST_CASELESS_HIGH_SURROGATE) folded = code;
  } else if (code !== CAPITAL_SIGMA) {
    const lower = String.fromCharCode(code).toLowerCase();
    if (lower.length === 1) folded = lower.charCodeAt(0);
  }
  if (folded === -1) FOLD_STATE[code] = UNSAFE;
  else {
    FOLDED[code] = folded;
    FOLD_STATE[code] = KNOWN;
  }
  return folded;
}

/**
 * The quotes system phrases put around subjects: `"“”„«»`. Keys break on them.
 *
 * @example
 * ```ts
 * isQuote(0x201c); // true (“)
 * ```
 */
export function isQuote(code: number): boolean {
  return (
    code === 0x22 || code === 0x201c || code === 0x201d || code === 0x201e || code === 0xab || code === 0xbb
  );
}

/** Characters {@link mayHoldWord} reads, as `indexWords` (in `lexicon.ts`) does. */
const WORDS_WINDOW = 200;

/**
 * False when no word of `text` (split on white space and quotes, lower-cased, as `indexWords`
 * splits it) is among the filter's words; true when one may be, or when a word holds a character
 * beyond ASCII (left to the full split). Reads the text in place: no split, no lower-cased copy.
 * The name-first system phrases (`{name} added {name}`) are indexed by an anchor word, and this
 * lets a line with none of them (`‎IMG-0001.jpg (file attached)`) skip the split.
 *
 * @example
 * ```ts
 * const anchors = wordKeyFilter(['added', 'left']);
 * mayHoldWord('Ann added Bob', anchors); // true
 * mayHoldWord('IMG-0001.jpg (file attached)', anchors); // false
 * ```
 */
export function mayHoldWord(text: string, filter: Uint8Array): boolean {
  const limit = Math.min(text.length, WORDS_WINDOW);
  let hash = FNV_OFFSET;
  let units = 0;
  for (let i = 0; i <= limit; i++) {
    const code = i === limit ? 0x20 : text.charCodeAt(i);
    if (isWhiteSpaceCode(code) || isQuote(code) || isCornerBracket(code)) {
      if (units > 0) {
        const at = slot(hash);
        if ((((filter[at >>> 3] as number) >>> (at & 7)) & 1) === 1) return true;
      }
      hash = FNV_OFFSET;
      units = 0;
      continue;
    }
    if (code > 0x7f) return true;
    hash = Math.imul(hash ^ (code >= 0x41 && code <= 0x5a ? code + 0x20 : code), FNV_PRIME);
    units++;
  }
  return false;
}

/** `「」『』`: quotes Japanese and Chinese phrases put around subjects (word breaks for `indexWords`). */
function isCornerBracket(code: number): boolean {
  return code >= 0x300c && code <= 0x300f;
}
