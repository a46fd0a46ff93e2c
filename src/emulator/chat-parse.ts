/**
 * The emulator's check that an import's `chat_text` is a WhatsApp export it can read: the
 * project's own parser, run with the import's `device_language_code` and `utc_offset_minutes`,
 * the way the inbox runs its parser on an import. Only counts and the last message are kept, so
 * a long log costs the parser's working state, not a list of every message.
 *
 * @module
 */

import { setImmediate as nextTurn } from 'node:timers/promises';
import { WaImportError } from '../errors.js';
import type { Refusal } from '../format/detect.js';
import type { Message } from '../parse/message.js';
import { ChatParser } from '../parse/parser.js';

/** Characters fed to the parser at a time; the event loop gets a turn between pieces. */
const pieceChars = 1 << 20;
const bom = 0xfeff;
const highSurrogateFirst = 0xd800;
const highSurrogateLast = 0xdbff;
/** Longest example line quoted in a reason. */
const maxQuotedChars = 80;
const headerExamples =
  'expected lines like "10/03/2022, 11:00 - Name: text" (Android) or "[10/03/2022, 11:00:00] Name: text" (iOS)';

/**
 * What the parse of an accepted `chat_text` found.
 *
 * @example
 * ```ts
 * const parsed: ParsedChat = { messages: 2, last: lastMessage, authors: ['Customer 1'] };
 * ```
 */
export interface ParsedChat {
  /** Messages parsed (system messages included). */
  readonly messages: number;
  /** The last message, `undefined` when there is none. */
  readonly last: Message | undefined;
  /** Human authors in order of their first message. */
  readonly authors: readonly string[];
}

/**
 * The outcome of {@link parseImportedChat}: the parse, a field error for
 * `device_language_code`, or the `reason` of a 400 answer.
 *
 * @example
 * ```ts
 * const check = await parseImportedChat(text, { deviceLanguageCode: 'en-GB', utcOffsetMinutes: 60 });
 * if ('reason' in check) response.end(JSON.stringify({ reason: check.reason }));
 * ```
 */
export type ChatTextCheck =
  | { readonly ok: true; readonly value: ParsedChat }
  | { readonly ok: false; readonly reason: string }
  | { readonly ok: false; readonly fieldErrors: Readonly<Record<string, readonly string[]>> };

/**
 * Parses `chat_text` with the import's device language and UTC offset, and judges it: no
 * message headers, a "Copy messages" log, WhatsApp Viewer output, an old log without years, or
 * impossible dates are refused with a `reason`; a language the parser cannot take is a field
 * error of `device_language_code`.
 *
 * @example
 * ```ts
 * const check = await parseImportedChat('hello there', { deviceLanguageCode: 'en', utcOffsetMinutes: 0 });
 * // { ok: false, reason: 'chat_text is not a WhatsApp export: no message headers found (1 line read); …' }
 * ```
 */
export async function parseImportedChat(
  text: string,
  device: { readonly deviceLanguageCode: string; readonly utcOffsetMinutes: number },
): Promise<ChatTextCheck> {
  let parser: ChatParser;
  // The caller caps the text's length, so the parser's own line and message limits (16 Mi,
  // 64 Mi characters) are lifted to it: a long message the inbox would take is not refused here.
  const limit = Math.max(1, text.length);
  try {
    parser = new ChatParser({
      language: device.deviceLanguageCode.replaceAll('_', '-'),
      utcOffsetMinutes: device.utcOffsetMinutes,
      maxLineLength: limit,
      maxMessageLength: limit,
    });
  } catch (error) {
    if (error instanceof WaImportError && error.code === 'E_INVALID_OPTION') {
      return { ok: false, fieldErrors: { device_language_code: ['Enter a valid language code.'] } };
    }
    throw error;
  }
  let messages = 0;
  let last: Message | undefined;
  const take = (parsed: readonly Message[]): void => {
    messages += parsed.length;
    last = parsed.at(-1) ?? last;
  };
  try {
    let start = text.charCodeAt(0) === bom ? 1 : 0;
    while (start < text.length) {
      const end = pieceEnd(text, start);
      take(parser.push(text.slice(start, end)));
      start = end;
      if (start < text.length) await nextTurn();
    }
    take(parser.end());
  } catch (error) {
    if (error instanceof WaImportError)
      return { ok: false, reason: `chat_text cannot be parsed: ${error.message}` };
    throw error;
  }
  const { info } = parser;
  if (info.refusal !== null) return { ok: false, reason: refusalReason(info.refusal) };
  if (info.format === null || messages === 0) {
    const lines = `${info.lines} ${info.lines === 1 ? 'line' : 'lines'} read`;
    return {
      ok: false,
      reason: `chat_text is not a WhatsApp export: no message headers found (${lines}); ${headerExamples}`,
    };
  }
  if (info.invalidDates > 0) {
    const first = info.invalidDateLines[0];
    const where = first === undefined ? '' : `; first: line ${first.line} "${clip(first.text)}"`;
    return {
      ok: false,
      reason:
        `chat_text cannot be parsed with device_language_code "${device.deviceLanguageCode}": ` +
        `${info.invalidDates} header line(s) have dates that cannot exist as ${info.format.dateOrder}${where}`,
    };
  }
  return { ok: true, value: { messages, last, authors: [...info.authors.keys()] } };
}

/** The end of the piece starting at `start`, never between the halves of a surrogate pair. */
function pieceEnd(text: string, start: number): number {
  const end = Math.min(text.length, start + pieceChars);
  if (end === text.length) return end;
  const code = text.charCodeAt(end - 1);
  return code >= highSurrogateFirst && code <= highSurrogateLast ? end - 1 : end;
}

function refusalReason(refusal: Refusal): string {
  const where = `line ${refusal.line} "${clip(refusal.example)}"`;
  switch (refusal.refused) {
    case 'copy-paste':
      return `chat_text is not a WhatsApp export: it looks like messages copied with "Copy" (bracketed headers without seconds), ${where}`;
    case 'viewer':
      return `chat_text is not a WhatsApp export: it looks like the output of WhatsApp Viewer, ${where}`;
    case 'missing-year':
      return `chat_text cannot be parsed: an old export whose dates print no year, so no message can be dated, ${where}`;
  }
}

function clip(text: string): string {
  return text.length > maxQuotedChars ? `${text.slice(0, maxQuotedChars - 3)}...` : text;
}
