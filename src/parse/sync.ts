/**
 * The synchronous adapter: a whole log in memory → all messages.
 *
 * @module
 */

import type { ParseInfo } from './info.js';
import type { Message } from './message.js';
import type { ParseOptions } from './options.js';
import { ChatParser } from './parser.js';

/** All messages of a log and what the parse found. */
export interface ParseResult {
  readonly messages: readonly Message[];
  readonly info: ParseInfo;
}

/**
 * Parses a whole chat log held in a string. A leading BOM is ignored.
 *
 * @example
 * ```ts
 * const { messages, info } = parseChatText('10/03/2022, 11:00 - Customer 1: Message 1', { utcOffsetMinutes: 60 });
 * messages[0]?.author; // 'Customer 1'
 * info.format?.os; // 'android'
 * ```
 */
export function parseChatText(text: string, options: ParseOptions = {}): ParseResult {
  const parser = new ChatParser(options);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const messages = parser.push(body);
  for (const message of parser.end()) messages.push(message);
  return { messages, info: parser.info };
}
