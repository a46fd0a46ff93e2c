/**
 * Text → lines, across chunk boundaries.
 *
 * Lines end at `\n` only. A `\r` right before it belongs to the terminator (iOS writes CRLF
 * between records and bare LF inside multi-line messages; either way the line's text is the
 * same). U+2028/U+2029 and a lone `\r` are text: splitting on them would cut messages apart.
 * Because a line is only emitted once its `\n` has arrived, a CR/LF pair split across two
 * chunks needs no special state: the `\r` simply waits at the end of the partial line.
 *
 * ```
 * > | hello\r␊world
 *           ^^ terminator "\r\n"; text "hello"
 * ```
 *
 * @module
 */

const CR = 13;

/** One line of the log: its text (terminator removed) and the exact terminator. */
export interface Line {
  /** The line without its terminator. */
  readonly text: string;
  /** `'\n'`, `'\r\n'`, or `''` for a last line without one. */
  readonly terminator: '' | '\n' | '\r\n';
}

/**
 * An incremental line splitter.
 *
 * @example
 * ```ts
 * const splitter = new LineSplitter();
 * const lines = [...splitter.push('a\r'), ...splitter.push('\nb'), ...splitter.end()];
 * // [{ text: 'a', terminator: '\r\n' }, { text: 'b', terminator: '' }]
 * ```
 */
export class LineSplitter {
  #partial = '';

  /** Length of the partial line held back, in UTF-16 code units (for the line-length guard). */
  get pendingLength(): number {
    return this.#partial.length;
  }

  /** Feeds text; returns the lines it completes. */
  push(text: string): Line[] {
    const lines: Line[] = [];
    let start = 0;
    let index = text.indexOf('\n');
    if (index === -1) {
      this.#partial += text;
      return lines;
    }
    let head = this.#partial;
    this.#partial = '';
    while (index !== -1) {
      const piece = head + text.slice(start, index);
      head = '';
      lines.push(cut(piece));
      start = index + 1;
      index = text.indexOf('\n', start);
    }
    this.#partial = text.slice(start);
    return lines;
  }

  /** Ends the input; returns the last line if it had no terminator. */
  end(): Line[] {
    if (this.#partial === '') return [];
    const text = this.#partial;
    this.#partial = '';
    return [{ text, terminator: '' }];
  }
}

function cut(piece: string): Line {
  if (piece.length > 0 && piece.charCodeAt(piece.length - 1) === CR) {
    return { text: piece.slice(0, -1), terminator: '\r\n' };
  }
  return { text: piece, terminator: '\n' };
}
