/**
 * The header grammar compiled once for this process with every meridiem word the lexicon knows:
 * the same grammar the parser matches headers with.
 *
 * @module
 */

import { compileGrammar, type HeaderGrammar } from '../format/grammar.js';
import { getLexicon } from '../locales/lexicon.js';

let grammar: HeaderGrammar | undefined;

/**
 * The shared compiled header grammar.
 *
 * @example
 * ```ts
 * matchHeader('10/03/2022, 11:00 - Anna: hi', headerGrammar())?.restStart; // 20
 * ```
 */
export function headerGrammar(): HeaderGrammar {
  grammar ??= compileGrammar(getLexicon().meridiemSource);
  return grammar;
}
