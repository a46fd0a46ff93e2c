/**
 * Matching one line against the grammar: the only per-line work of detection and parsing.
 *
 * @module
 */

import { toAsciiDigits } from './digits.js';
import type { HeaderGrammar, RawHeader, Terminator } from './grammar.js';

const MARKS_AND_SPACES = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00a0\u202f\u2009 ]/gu;

/**
 * A cheap test before the regex: a header starts (after marks) with `[` or a digit of any script.
 * Most continuation lines fail here and never reach the grammar.
 */
function mayStartHeader(line: string): boolean {
  for (let i = 0; i < line.length && i < 8; i++) {
    const code = line.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) return true;
    if (code === 0x5b) return true; // [
    if (code === 0x200e || code === 0x200f || code === 0xfeff || (code >= 0x202a && code <= 0x202e)) continue;
    if (code >= 0x2066 && code <= 0x2069) continue;
    // Era years (R4) and non-ASCII digits are rare: let the regex decide.
    return code > 0x7f || code === 0x52 || code === 0x48;
  }
  return false;
}

/**
 * Takes a header line apart, or returns null when the line is not header-shaped.
 *
 * @example
 * ```ts
 * const header = matchHeader('3/27/22, 9:41 PM - Ann: hi', compileGrammar('AM|PM'));
 * header?.fields; // ['3', '27', '22']
 * header?.restStart; // 19
 * ```
 */
export function matchHeader(line: string, grammar: HeaderGrammar): RawHeader | null {
  if (!mayStartHeader(line)) return null;
  let match = grammar.dateFirst.exec(line);
  let timeFirst = false;
  if (match === null) {
    match = grammar.timeFirst.exec(line);
    if (match === null) return null;
    timeFirst = true;
  }
  const g = match.groups as Record<string, string | undefined>;
  const n = timeFirst ? 'b' : 'a';
  const terminator: Terminator = g.ios !== undefined ? 'ios' : g.android !== undefined ? 'android' : 'legacy';
  const bracket = g.open !== undefined;
  if (bracket !== (terminator === 'ios')) return null;
  const before = g[`${n}mb`];
  const after = g[`${n}ma`];
  if (before !== undefined && after !== undefined) return null;
  const second = g[`${n}sec`];
  return {
    bracket,
    terminator,
    timeFirst,
    fields: [
      toAsciiDigits(g[`${n}1`] as string),
      toAsciiDigits(g[`${n}2`] as string),
      toAsciiDigits(g[`${n}3`] as string),
    ],
    separator: (g[`${n}s`] as string).replace(MARKS_AND_SPACES, ' '),
    dateTail: (g[`${n}tail`] ?? '').replace(MARKS_AND_SPACES, ''),
    hour: Number(toAsciiDigits(g[`${n}h`] as string)),
    minute: Number(toAsciiDigits(g[`${n}mi`] as string)),
    second: second === undefined ? null : Number(toAsciiDigits(second)),
    meridiem: before ?? after ?? null,
    meridiemBefore: before !== undefined,
    restStart: match[0].length,
  };
}
