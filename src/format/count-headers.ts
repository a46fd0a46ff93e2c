/**
 * Counting header lines in a sample: how the archive stage ranks candidate `.txt` files when
 * none is named like a chat log.
 *
 * @module
 */

import { getLexicon } from '../locales/lexicon.js';
import { compileGrammar, type HeaderGrammar } from './grammar.js';
import { matchHeader } from './header.js';
import { compileMonthNameGrammar, type MonthNameGrammar, matchMonthName } from './month-name.js';

let grammar: HeaderGrammar | undefined;
let monthNames: MonthNameGrammar | undefined;

/**
 * The number of lines in `sample` that are WhatsApp message headers. Like the parser, it falls
 * back to old month-name headers (`Mar 5, 8:11 PM - `) only when no line has a numeric one.
 *
 * @example
 * ```ts
 * countHeaderLines('10/03/2022, 11:00 - Anna: hi\nmore\n10/03/2022, 11:01 - Ben: yo'); // 2
 * ```
 */
export function countHeaderLines(sample: string): number {
  grammar ??= compileGrammar(getLexicon().meridiemSource);
  const lines = sample.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  let count = 0;
  for (const line of lines) if (matchHeader(line, grammar) !== null) count++;
  if (count > 0) return count;
  monthNames ??= compileMonthNameGrammar(getLexicon().meridiemSource);
  for (const line of lines) if (matchMonthName(line, monthNames) !== null) count++;
  return count;
}
