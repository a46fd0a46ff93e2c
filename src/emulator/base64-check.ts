/**
 * Strict base64 validation that works on a whole string or streamed: only the standard
 * alphabet, length a multiple of four, at most two `=` and only at the end.
 *
 * @module
 */

const maxPadding = 2;
const quantum = 4;
/** Code units of the standard base64 alphabet. */
const alphabet = new Uint8Array(128);
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') {
  alphabet[char.charCodeAt(0)] = 1;
}
const paddingCode = '='.charCodeAt(0);

/**
 * Checks base64 text pushed in pieces.
 *
 * @example
 * ```ts
 * const check = new Base64Check();
 * check.push('AA');
 * check.push('==');
 * check.end(); // true
 * ```
 */
export class Base64Check {
  #length = 0;
  #padding = 0;
  #valid = true;

  /** Adds the next piece. */
  push(text: string): void {
    if (!this.#valid) return;
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (code === paddingCode) {
        this.#padding += 1;
        if (this.#padding > maxPadding) this.#valid = false;
      } else if (this.#padding > 0 || code >= alphabet.length || alphabet[code] !== 1) {
        this.#valid = false;
      }
      if (!this.#valid) return;
    }
    this.#length += text.length;
  }

  /** Whether everything pushed was valid base64. */
  end(): boolean {
    return this.#valid && this.#length % quantum === 0;
  }
}

/**
 * True when `text` is strict standard base64.
 *
 * @example
 * ```ts
 * isBase64('AA=='); // true
 * isBase64('AA='); // false
 * ```
 */
export function isBase64(text: string): boolean {
  const check = new Base64Check();
  check.push(text);
  return check.end();
}
