/**
 * Incremental JSON string escaping: the output for any chunking of a text equals
 * `JSON.stringify(text)` without its quotes.
 *
 * Escaping is context free except for surrogate pairs: `JSON.stringify` (ES2019 and later)
 * keeps a pair as is and writes a lone surrogate as `\udXXX`. So a chunk ending in a high
 * surrogate keeps it back until the next chunk shows whether a low surrogate follows.
 *
 * ```
 * chunk 1: "ab\ud83d"   → writes "ab", carries \ud83d
 * chunk 2: "\ude00c"    → writes "😀c"
 * end()                 → writes "" (or "\\ud83d" had the text ended with the carry)
 * ```
 *
 * Each piece is escaped by `JSON.stringify` itself, so quote, backslash, the short escapes
 * (`\b \f \n \r \t`), `\u00XX` for other controls and the U+2028/U+2029 behaviour (not
 * escaped) are exactly the engine's. The escaped text never holds a lone surrogate, so its
 * UTF-8 encoding is lossless and `Buffer.byteLength` of it is the byte count written.
 *
 * @module
 */

const HIGH_SURROGATE_FIRST = 0xd800;
const HIGH_SURROGATE_LAST = 0xdbff;

/** Escapes a whole string for the inside of a JSON string literal. */
function escapeWhole(text: string): string {
  return text === '' ? '' : JSON.stringify(text).slice(1, -1);
}

/**
 * Streaming escaper: feed chunks with `push`, then call `end` once.
 *
 * @example
 * ```ts
 * const escaper: JsonStringEscaper = createJsonStringEscaper();
 * escaper.push('a\n') + escaper.end(); // 'a\\n'
 * ```
 */
export interface JsonStringEscaper {
  /** Escapes `chunk` and returns what can be written now (a trailing high surrogate waits). */
  push(chunk: string): string;
  /** Returns the escaped carry, if any (a lone high surrogate at the very end). */
  end(): string;
}

/**
 * Creates a streaming JSON string escaper.
 *
 * @example
 * ```ts
 * const escaper = createJsonStringEscaper();
 * const out = escaper.push('say "hi"\n\ud83d') + escaper.push('\ude00') + escaper.end();
 * out === JSON.stringify('say "hi"\n😀').slice(1, -1); // true
 * ```
 */
export function createJsonStringEscaper(): JsonStringEscaper {
  let carry = '';
  return {
    push(chunk: string): string {
      const text = carry === '' ? chunk : carry + chunk;
      const last = text.charCodeAt(text.length - 1);
      if (last >= HIGH_SURROGATE_FIRST && last <= HIGH_SURROGATE_LAST) {
        carry = text.slice(-1);
        return escapeWhole(text.slice(0, -1));
      }
      carry = '';
      return escapeWhole(text);
    },
    end(): string {
      const rest = escapeWhole(carry);
      carry = '';
      return rest;
    },
  };
}
