/**
 * The streaming adapters: bytes or text from any source → messages as they complete.
 *
 * @module
 */

import { WaImportError } from '../errors.js';
import { ChatDecoder, type TextEncodingName } from '../text/decoder.js';
import type { ParseInfo } from './info.js';
import type { Message } from './message.js';
import type { ParseOptions } from './options.js';
import { ChatParser } from './parser.js';

/**
 * Bytes (or characters) parsed per step: a larger source chunk is split into slices of this
 * size, so a batch holds at most a slice's messages (~700 of a typical log).
 *
 * @example
 * ```ts
 * PUSH_SLICE; // 65536: a 256 KiB read is decoded and parsed in four steps
 * ```
 */
export const PUSH_SLICE = 64 * 1024;

/** Anything a chat log can be read from. Node readables are async iterables. */
export type ChatSource =
  | string
  | Uint8Array
  | AsyncIterable<Uint8Array | string>
  | Iterable<Uint8Array | string>
  | ReadableStream<Uint8Array | string>;

/** Messages as they complete, with the parse's findings. */
export interface ChatStream extends AsyncIterable<Message> {
  /**
   * The same messages in batches (those each input chunk completes), for consumers that write
   * output in bulk: one `await` per chunk instead of one per message. Iterate either this or the
   * stream itself, not both.
   */
  batches(): AsyncIterable<readonly Message[]>;
  /** Counters and findings, complete once iteration ends. */
  readonly info: ParseInfo;
  /** The encoding chosen from the first bytes (`utf-8` for text sources). */
  readonly encoding: TextEncodingName;
}

/**
 * Parses a chat log from a string, bytes, an (async) iterable of chunks, a Node readable or a
 * web `ReadableStream`, yielding messages as they complete. Memory stays flat: only the
 * detection look-ahead and the open message are held.
 *
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * const chat = parseChat(createReadStream('WhatsApp Chat with Anna.txt'), { timeZone: 'Europe/Berlin' });
 * for await (const message of chat) console.log(message.timestamp, message.author, message.text);
 * console.log(chat.info.format?.dateOrder);
 * ```
 */
export function parseChat(source: ChatSource, options: ParseOptions = {}): ChatStream {
  const parser = new ChatParser(options);
  const decoder = new ChatDecoder();
  const signal = options.signal;
  let textStart = true;
  const decode = (chunk: Uint8Array | string): string => {
    if (typeof chunk !== 'string') return decoder.decode(chunk);
    // Text sources: strip one leading BOM, like the byte decoder does.
    const text = textStart && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
    if (chunk.length > 0) textStart = false;
    return text;
  };
  return {
    info: parser.info,
    get encoding() {
      return decoder.encoding;
    },
    batches,
    async *[Symbol.asyncIterator]() {
      for await (const batch of batches()) yield* batch;
    },
  };

  async function* batches(): AsyncIterable<readonly Message[]> {
    for await (const chunk of chunks(source)) {
      // A large chunk is parsed a slice at a time: each batch, and the memory it holds, stays
      // the size of a slice whatever the source's chunk size (readers may use big reads, which
      // cost less per byte).
      for (let start = 0; start === 0 || start < chunk.length; start += PUSH_SLICE) {
        if (signal?.aborted)
          throw new WaImportError('E_ABORTED', 'parsing was aborted', { cause: signal.reason });
        const slice =
          chunk.length <= PUSH_SLICE
            ? chunk
            : typeof chunk === 'string'
              ? chunk.slice(start, start + PUSH_SLICE)
              : chunk.subarray(start, start + PUSH_SLICE);
        const batch = parser.push(decode(slice));
        if (batch.length > 0) yield batch;
      }
    }
    const last = parser.push(decoder.flush());
    for (const message of parser.end()) last.push(message);
    if (last.length > 0) yield last;
  }
}

async function* chunks(source: ChatSource): AsyncIterable<Uint8Array | string> {
  if (typeof source === 'string' || source instanceof Uint8Array) {
    yield source;
    return;
  }
  if (isWebStream(source)) {
    const reader = source.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  yield* source as AsyncIterable<Uint8Array | string>;
}

function isWebStream(source: object): source is ReadableStream<Uint8Array | string> {
  return typeof (source as { getReader?: unknown }).getReader === 'function';
}
