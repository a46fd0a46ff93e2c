/**
 * The first pass over the chat log: one streaming parse that keeps only what the build step
 * needs — the parser's counters (authors, system kinds, language evidence, format), the
 * attachment references in order, when each message was, and how the log pads its numbers.
 * Messages themselves are dropped as soon as they are counted, so memory stays flat.
 *
 * @module
 */

import type { ExportEntry } from '../archive/index.js';
import { WaImportError } from '../errors.js';
import { matchHeader } from '../format/header.js';
import type { ParseInfo } from '../parse/info.js';
import type { Message } from '../parse/message.js';
import type { ParseOptions } from '../parse/options.js';
import { ChatParser } from '../parse/parser.js';
import { ChatDecoder, type TextEncodingName } from '../text/decoder.js';
import { LineSplitter } from '../text/lines.js';
import { headerGrammar } from '../time/header-grammar.js';
import { headerSpans } from '../time/header-spans.js';
import { type HeaderStyle, HeaderStyleSampler } from '../time/header-style.js';
import { MessageTimes } from './message-times.js';

/** Characters at the start of the log the padding style is learned from. */
const STYLE_SAMPLE_CHARS = 1 << 20;
/** Header lines the padding style is learned from, at most. */
const STYLE_SAMPLE_HEADERS = 1000;

/**
 * What the first pass found.
 *
 * @example
 * ```ts
 * const scan: ChatScan = await scanChat(chatExport.chatLog, { parse: { timeZone: 'Europe/Berlin' }, keepTimes: false });
 * scan.info.authors; // Map { 'Anna' => 12, 'Shop' => 9 }
 * ```
 */
export interface ChatScan {
  /** The parser's counters and findings. */
  readonly info: ParseInfo;
  /** The log's encoding, from its first bytes. */
  readonly encoding: TextEncodingName;
  /** File names referenced by messages, in log order (repeats kept). */
  readonly references: readonly string[];
  /** When each message was. */
  readonly times: MessageTimes;
  /** Wall-clock time of the last message, as if UTC, in ms; `null` without messages. */
  readonly lastWallMs: number | null;
  /** How the log pads its numbers; `null` when no format was detected. */
  readonly style: HeaderStyle | null;
}

/**
 * Options of {@link scanChat}.
 *
 * @example
 * ```ts
 * const options: ScanChatOptions = { parse: { utcOffsetMinutes: 60 }, keepTimes: false, signal };
 * ```
 */
export interface ScanChatOptions {
  readonly parse: ParseOptions;
  /** Remember every message's line and instant (for normalize-times). */
  readonly keepTimes: boolean;
  readonly signal?: AbortSignal | undefined;
}

/** Learns the padding style from the header lines at the start of the log. */
class StyleTap {
  readonly sampler = new HeaderStyleSampler();
  readonly #splitter = new LineSplitter();
  #chars = 0;

  push(text: string): void {
    if (this.#done()) return;
    this.#chars += text.length;
    for (const line of this.#splitter.push(text)) this.#line(line.text);
  }

  end(): void {
    if (this.#done()) return;
    for (const line of this.#splitter.end()) this.#line(line.text);
  }

  #done(): boolean {
    return this.#chars >= STYLE_SAMPLE_CHARS || this.sampler.observed >= STYLE_SAMPLE_HEADERS;
  }

  #line(text: string): void {
    const header = matchHeader(text, headerGrammar());
    const spans = header === null ? null : headerSpans(text, header);
    if (header !== null && spans !== null) this.sampler.observe(text, header, spans);
  }
}

/**
 * Streams `entry` (the chat log) through the parser once. Throws what the parser throws
 * (`E_INVALID_OPTION`, `E_LINE_TOO_LONG`, `E_MESSAGE_TOO_LARGE`), the entry's read errors, and
 * `E_ABORTED`.
 *
 * @example
 * ```ts
 * const scan = await scanChat(chatExport.chatLog, { parse: { language: 'en-GB', utcOffsetMinutes: 0 }, keepTimes: false });
 * console.log(scan.info.messages, scan.references);
 * ```
 */
export async function scanChat(entry: ExportEntry, options: ScanChatOptions): Promise<ChatScan> {
  const { signal } = options;
  const parser = new ChatParser(options.parse);
  const decoder = new ChatDecoder();
  const tap = new StyleTap();
  const times = new MessageTimes(options.keepTimes);
  const references: string[] = [];
  // (Declared wide: assigned only in `take`, which control-flow narrowing does not follow.)
  let last = null as Message | null;
  // With a fixed offset (or none: UTC) every message is at that offset, so it is counted without
  // its times.
  const fixedOffset =
    options.parse.timeZone === undefined && !options.keepTimes
      ? (options.parse.utcOffsetMinutes ?? 0)
      : undefined;

  const take = (messages: readonly Message[]): void => {
    for (const message of messages) {
      if (message.attachment !== null) references.push(message.attachment.fileName);
      if (fixedOffset !== undefined) times.count(fixedOffset);
      else times.add(message.line, message.localTimeMs, message.timestampMs);
    }
    last = messages.at(-1) ?? last;
  };
  const feed = (text: string): void => {
    tap.push(text);
    take(parser.push(text));
  };

  for await (const chunk of await entry.open(signal)) {
    if (signal?.aborted === true) {
      throw new WaImportError('E_ABORTED', 'building the payload was aborted', { cause: signal.reason });
    }
    feed(decoder.decode(chunk));
  }
  feed(decoder.flush());
  tap.end();
  take(parser.end());
  const format = parser.info.format;
  return {
    info: parser.info,
    encoding: decoder.encoding,
    references,
    times,
    lastWallMs: last === null ? null : last.localTimeMs,
    style: format === null ? null : tap.sampler.style(format.dateOrder),
  };
}
