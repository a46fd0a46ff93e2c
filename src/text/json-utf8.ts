/**
 * `JSON.stringify` of a string, written as UTF-8 straight into a byte array.
 *
 * Why not `Buffer#write(JSON.stringify(text))`: on the records of a long chat, each call into
 * Node's C++ string encoder costs more than encoding a typical message body here (measured
 * ~150 ns a call against ~2–3 ns a character), and `JSON.stringify` first makes a copy of every
 * text that needs escaping. `TextEncoder#encodeInto` is such a call too. So the escaping and the
 * UTF-8 encoding are one pass in JavaScript, with the common case (printable ASCII) first.
 *
 * The output is byte for byte `Buffer.from(JSON.stringify(text))` (a property test holds it to
 * that): `"` and `\` escaped, `\b \f \n \r \t` in short form, other controls as `\u00xx`, a
 * surrogate pair as its 4-byte UTF-8 sequence, a lone surrogate as `\udxxx` (ES2019
 * well-formed `JSON.stringify`), everything else as its UTF-8 bytes (U+2028/U+2029 included).
 *
 * @module
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LOWER_U = 0x75;
const SPACE = 0x20;
const HEX = [0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66];
/** The letter of a control character's short escape (`\n` …), or 0 when it is written `\u00xx`. */
const SHORT_ESCAPE = new Uint8Array(SPACE);
SHORT_ESCAPE[0x08] = 0x62; // b
SHORT_ESCAPE[0x09] = 0x74; // t
SHORT_ESCAPE[0x0a] = 0x6e; // n
SHORT_ESCAPE[0x0c] = 0x66; // f
SHORT_ESCAPE[0x0d] = 0x72; // r

/**
 * Most bytes {@link writeJsonChars} writes per UTF-16 code unit of its text (`\u001f` is six
 * bytes for one unit; UTF-8 never needs more than three per unit). Callers size buffers by it.
 *
 * @example
 * ```ts
 * const room = MAX_JSON_BYTES_PER_UNIT * text.length + 2; // enough for writeJsonString
 * ```
 */
export const MAX_JSON_BYTES_PER_UNIT = 6;

/**
 * Writes `JSON.stringify(text)` without its quotes as UTF-8 into `target` from `at`; returns
 * where it ended. `target` must have room ({@link MAX_JSON_BYTES_PER_UNIT} per unit of `text`).
 *
 * @example
 * ```ts
 * const bytes = new Uint8Array(64);
 * const end = writeJsonChars(bytes, 0, 'a"é\n');
 * Buffer.from(bytes.subarray(0, end)).toString(); // 'a\\"é\\n'
 * ```
 */
export function writeJsonChars(target: Uint8Array, at: number, text: string): number {
  let o = at;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= SPACE && c !== QUOTE && c !== BACKSLASH) {
        target[o++] = c;
        continue;
      }
      target[o++] = BACKSLASH;
      if (c >= SPACE) target[o++] = c;
      else {
        const short = SHORT_ESCAPE[c] as number;
        if (short !== 0) target[o++] = short;
        else o = writeUnicodeEscape(target, o, c);
      }
    } else if (c < 0x800) {
      target[o++] = 0xc0 | (c >> 6);
      target[o++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c > 0xdfff) {
      target[o++] = 0xe0 | (c >> 12);
      target[o++] = 0x80 | ((c >> 6) & 0x3f);
      target[o++] = 0x80 | (c & 0x3f);
    } else {
      const next = c <= 0xdbff ? text.charCodeAt(i + 1) : Number.NaN;
      if (next >= 0xdc00 && next <= 0xdfff) {
        const point = ((c - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
        target[o++] = 0xf0 | (point >> 18);
        target[o++] = 0x80 | ((point >> 12) & 0x3f);
        target[o++] = 0x80 | ((point >> 6) & 0x3f);
        target[o++] = 0x80 | (point & 0x3f);
        i++;
      } else {
        // A lone surrogate: `JSON.stringify` escapes it.
        target[o++] = BACKSLASH;
        o = writeUnicodeEscape(target, o, c);
      }
    }
  }
  return o;
}

/**
 * Writes `JSON.stringify(text)`, quotes included, as UTF-8 into `target` from `at`; returns
 * where it ended. Room needed: {@link MAX_JSON_BYTES_PER_UNIT} per unit of `text`, plus 2.
 *
 * @example
 * ```ts
 * const bytes = new Uint8Array(64);
 * const end = writeJsonString(bytes, 0, 'Hi 😀');
 * Buffer.from(bytes.subarray(0, end)).equals(Buffer.from(JSON.stringify('Hi 😀'))); // true
 * ```
 */
export function writeJsonString(target: Uint8Array, at: number, text: string): number {
  target[at] = QUOTE;
  const end = writeJsonChars(target, at + 1, text);
  target[end] = QUOTE;
  return end + 1;
}

/** `u` and four lower-case hex digits of `code` (the backslash is the caller's). */
function writeUnicodeEscape(target: Uint8Array, at: number, code: number): number {
  target[at] = LOWER_U;
  target[at + 1] = HEX[(code >> 12) & 0xf] as number;
  target[at + 2] = HEX[(code >> 8) & 0xf] as number;
  target[at + 3] = HEX[(code >> 4) & 0xf] as number;
  target[at + 4] = HEX[code & 0xf] as number;
  return at + 5;
}
