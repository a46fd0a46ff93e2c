/**
 * Named code points. Real exports are full of invisible characters; naming them keeps the
 * grammar readable and the tests honest (no magic characters).
 *
 * @module
 */

/** U+200E LEFT-TO-RIGHT MARK: before iOS media lines, placeholders, Android file names. */
export const LRM = '\u200e';
/** U+200F RIGHT-TO-LEFT MARK: Arabic iOS dates (before each `/`), RTL placeholders. */
export const RLM = '\u200f';
/** U+00A0 NO-BREAK SPACE: inside `p.\u00a0m.` (es ≤ 2022), iOS phone-number authors. */
export const NBSP = '\u00a0';
/** U+202F NARROW NO-BREAK SPACE: before AM/PM since 2023 (ICU 72). */
export const NNBSP = '\u202f';
/** U+2009 THIN SPACE: zh-TW/zh-HK date–time joiner. */
export const THIN_SPACE = '\u2009';
/** U+202A LEFT-TO-RIGHT EMBEDDING: opens iOS phone-number authors. */
export const LRE = '\u202a';
/** U+202B RIGHT-TO-LEFT EMBEDDING: opens RTL names in Android system lines. */
export const RLE = '\u202b';
/** U+202C POP DIRECTIONAL FORMATTING: closes LRE/RLE. */
export const PDF = '\u202c';
/** U+2068 FIRST STRONG ISOLATE: opens @mentions. */
export const FSI = '\u2068';
/** U+2069 POP DIRECTIONAL ISOLATE: closes @mentions. */
export const PDI = '\u2069';
/** U+FEFF BYTE ORDER MARK / ZERO WIDTH NO-BREAK SPACE: editors put it at the start, some files on every line. */
export const BOM = '\ufeff';
/** U+060C ARABIC COMMA: Arabic/Urdu/Persian date–time joiner. */
export const ARABIC_COMMA = '\u060c';
/** U+2022 BULLET: between an iOS document title and its page count. */
export const BULLET = '\u2022';
/** U+2011 NON-BREAKING HYPHEN: between digit groups of old iOS phone-number authors (`+55 61 9000‑0001`). */
export const NON_BREAKING_HYPHEN = '\u2011';
/** U+2028 LINE SEPARATOR: text inside a message, never a line break. */
export const LINE_SEPARATOR = '\u2028';
/** U+2029 PARAGRAPH SEPARATOR: text inside a message, never a line break. */
export const PARAGRAPH_SEPARATOR = '\u2029';

/**
 * Regex source for one invisible formatting mark as real exports scatter them: LRM, RLM, the
 * embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069 and BOM.
 */
export const MARK_CLASS = '[\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\ufeff]';

/** Regex source for one space as exports print it: space, NBSP, NNBSP or thin space. */
export const SPACE_CLASS = '[ \\u00a0\\u202f\\u2009]';

/**
 * True for a code unit of {@link MARK_CLASS}: the per-character test for hand-written scanners.
 *
 * @example
 * ```ts
 * isMarkCode(0x200e); // true (LRM)
 * ```
 */
export function isMarkCode(code: number): boolean {
  return (
    code >= 0x200e &&
    (code <= 0x200f ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069) ||
      code === 0xfeff)
  );
}

/**
 * True for a code unit of {@link SPACE_CLASS}: space, NBSP, NNBSP or thin space.
 *
 * @example
 * ```ts
 * isSpaceCode(0x202f); // true (NNBSP)
 * ```
 */
export function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x202f || code === 0x2009;
}

/**
 * True for what `String#trim` removes and a regex `\s` matches: ASCII white space, NBSP, the
 * U+2000 spaces, NNBSP, line and paragraph separators, U+3000, BOM …
 *
 * @example
 * ```ts
 * isWhiteSpaceCode(0x3000); // true (ideographic space)
 * ```
 */
export function isWhiteSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const MARKS = new RegExp(`${MARK_CLASS}+`, 'gu');
const SPACES = /[\u00a0\u202f\u2009]/gu;
const HAS_MARK = new RegExp(MARK_CLASS, 'u');
const HAS_MARK_OR_SPACE = new RegExp(`${MARK_CLASS}|[\\u00a0\\u202f\\u2009]`, 'u');

/**
 * Removes invisible formatting marks (a copy for matching; output keeps the original).
 *
 * @example
 * ```ts
 * stripMarks('\u202a+44 7700 900123\u202c'); // '+44 7700 900123'
 * ```
 */
export function stripMarks(text: string): string {
  return HAS_MARK.test(text) ? text.replace(MARKS, '') : text;
}

/**
 * Removes marks and turns NBSP, NNBSP and thin space into plain spaces: the form every locale
 * table is matched against.
 *
 * @example
 * ```ts
 * normalizeForMatch('\u200eimage omitted'); // 'image omitted'
 * normalizeForMatch('p.\u202fm.'); // 'p. m.'
 * ```
 */
export function normalizeForMatch(text: string): string {
  // Most text has neither: one test instead of two global replaces (this runs once per message).
  if (!HAS_MARK_OR_SPACE.test(text)) return text;
  return text.replace(MARKS, '').replace(SPACES, ' ');
}
