/**
 * Counting header lines in a sample: how the archive stage ranks candidate `.txt` files when
 * none is named like a chat log.
 *
 * @module
 */

import { getLexicon } from '../locales/lexicon.js';
import { compileGrammar, type HeaderGrammar } from './grammar.js';
import { matchHeader } from './header.js';

let grammar: HeaderGrammar | undefined;

/**
 * The number of lines in `sample` that are WhatsApp message headers.
 *
 * @example
 * ```ts
 * countHeaderLines('10/03/2022, 11:00 - Anna: hi\nmore\n10/03/2022, 11:01 - Ben: yo'); // 2
 * ```
 */
export function countHeaderLines(sample: string): number {
  grammar ??= compileGrammar(getLexicon().meridiemSource);
  let count = 0;
  for (const line of sample.split('\n')) {
    if (matchHeader(line.endsWith('\r') ? line.slice(0, -1) : line, grammar) !== null) count++;
  }
  return count;
}
