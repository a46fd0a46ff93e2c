/**
 * The emulator's fallback for a chat log too long to parse (over `maxParsedChatTextChars`): it
 * counts message header lines with one simple pattern while the body streams, and finds the
 * first author in the log's head. Logs within the cap are parsed for real (`chat-parse.ts`).
 *
 * @module
 */

/**
 * A header line: an optional bidi mark and `[`, then a date and a time.
 *
 * ```
 * > | 10/03/2022, 11:00 - Customer 1: Message 1
 * > | [14.08.24, 21:00:10] Ana: hi
 * ```
 */
const headerPattern = /^[\u200e\u200f]?\[?\d{1,4}[./-] ?\d{1,2}[./-] ?\d{1,4}[,،]? \d{1,2}[:.]\d{2}/;
/** Enough of a line's start to decide whether it is a header. */
const linePrefixChars = 40;
/** The author after a header: `… - Name:` (Android) or `…] Name:` (iOS). */
const authorPattern = /^[^\n]*?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?[^\n\]-]{0,8}(?:\] | - )([^\n:]{1,64}):/;

/**
 * Counts header lines of a chat log pushed in pieces, keeping only the start of the current line.
 *
 * @example
 * ```ts
 * const counter = new HeaderLineCounter();
 * counter.push('10/03/2022, 11:00 - Ana: hi\n10/03/20');
 * counter.push('22, 11:01 - Ana: bye');
 * counter.end(); // 2
 * ```
 */
export class HeaderLineCounter {
  #count = 0;
  #line = '';
  #lineDone = false;

  /** Adds the next piece of the log. */
  push(text: string): void {
    let start = 0;
    for (;;) {
      const newline = text.indexOf('\n', start);
      const piece = newline === -1 ? text.slice(start) : text.slice(start, newline);
      if (!this.#lineDone) {
        this.#line += piece.slice(0, linePrefixChars - this.#line.length);
        if (this.#line.length >= linePrefixChars) this.#settleLine();
      }
      if (newline === -1) return;
      if (!this.#lineDone) this.#settleLine();
      this.#line = '';
      this.#lineDone = false;
      start = newline + 1;
    }
  }

  /** The number of header lines seen. */
  end(): number {
    if (!this.#lineDone) this.#settleLine();
    return this.#count;
  }

  #settleLine(): void {
    if (headerPattern.test(this.#line)) this.#count += 1;
    this.#lineDone = true;
  }
}

/**
 * Counts the header lines of a whole chat log.
 *
 * @example
 * ```ts
 * countHeaderLines('10/03/2022, 11:00 - Ana: hi\nsecond line'); // 1
 * ```
 */
export function countHeaderLines(text: string): number {
  const counter = new HeaderLineCounter();
  counter.push(text);
  return counter.end();
}

/**
 * The author of the first message, from the start of a chat log.
 *
 * @example
 * ```ts
 * firstAuthor('10/03/2022, 11:00 - +44 7700 900123: hi'); // '+44 7700 900123'
 * ```
 */
export function firstAuthor(text: string): string | undefined {
  for (const line of text.split('\n')) {
    if (!headerPattern.test(line)) continue;
    return authorPattern
      .exec(line)?.[1]
      ?.replace(/[\u200e\u200f\u202a-\u202e]/g, '')
      .trim();
  }
  return undefined;
}
