/**
 * Streams a `ChatImport` request body to a Node `Writable`: the chat log escaped slice by slice,
 * each media file base64-encoded chunk by chunk, never a whole file or the whole body in
 * memory. The bytes equal `Buffer.from(JSON.stringify(chatImport))` exactly.
 *
 * @module
 */

import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { WaImportError } from '../errors.js';
import { chatTextSlices, MAX_SLICE_CODE_UNITS } from './chat-text.js';
import { createJsonStringEscaper } from './json-string.js';
import { payloadLayout } from './layout.js';
import { mediaChunks } from './media-bytes.js';
import { chatImportSize } from './size.js';
import type { ChatImportSource } from './source.js';
import { validateChatImportSource } from './validate-source.js';
import { createWritableSink, type WritableSink } from './writable-sink.js';

/** Bytes per base64 group, and the characters they encode to. */
const BASE64_GROUP_BYTES = 3;
const BASE64_GROUP_CHARS = 4;

/**
 * Options of {@link writeChatImport}.
 *
 * @example
 * ```ts
 * const options: WriteChatImportOptions = { totalBytes: await chatImportSize(source), end: false, signal };
 * ```
 */
export interface WriteChatImportOptions {
  /** Stops with `E_ABORTED`; also passed to each media file's `open`. */
  readonly signal?: AbortSignal;
  /**
   * Called after each write with the bytes written so far and the body's total length. When
   * `totalBytes` is not given, the total is measured first (one extra pass over the chat log).
   */
  readonly onProgress?: (bytesWritten: number, totalBytes: number) => void;
  /**
   * The length from {@link chatImportSize}, if already known (the `Content-Length` sent). The
   * writer then checks it writes exactly that many bytes (`E_WRITE_FAILED` otherwise).
   */
  readonly totalBytes?: number;
  /** End the writable and wait for `finish` when done (default true). */
  readonly end?: boolean;
  /**
   * About this many UTF-16 code units per `write()` (default 64 Ki): small pieces are gathered
   * up to it, the chat log is cut into slices of it (escaping may grow a slice sixfold).
   */
  readonly chunkSize?: number;
}

/**
 * What {@link writeChatImport} did.
 *
 * @example
 * ```ts
 * const { bytesWritten }: WriteChatImportResult = await writeChatImport(source, output);
 * ```
 */
export interface WriteChatImportResult {
  /** Bytes written, the body's length. */
  readonly bytesWritten: number;
}

async function writeChatText(
  source: ChatImportSource,
  sink: WritableSink,
  sliceSize: number,
  signal?: AbortSignal,
): Promise<void> {
  const escaper = createJsonStringEscaper();
  for await (const slice of chatTextSlices(source.chatText, signal, sliceSize)) {
    await sink.push(escaper.push(slice));
  }
  await sink.push(escaper.end());
}

/**
 * Bytes of media encoded per base64 call: a multiple of 3, so only the last batch of a file
 * needs padding, and about `chunkSize` characters of base64, so each batch is one write.
 * Gathering the stream's small chunks (16 KiB from a zip entry) into one batch copies each byte
 * once and saves two thirds of the encode and write calls.
 */
function mediaBatchBytes(chunkSize: number): number {
  return Math.max(
    BASE64_GROUP_BYTES,
    Math.floor((chunkSize * BASE64_GROUP_BYTES) / BASE64_GROUP_CHARS / BASE64_GROUP_BYTES) *
      BASE64_GROUP_BYTES,
  );
}

async function writeMedia(
  media: ChatImportSource['media'][number],
  sink: WritableSink,
  chunkSize: number,
  signal?: AbortSignal,
): Promise<void> {
  // The batch is our own copy: a source may reuse its chunk's memory once it yields the next.
  const whole = Math.ceil(Math.max(media.size, 1) / BASE64_GROUP_BYTES) * BASE64_GROUP_BYTES;
  const batch = Buffer.allocUnsafe(Math.min(mediaBatchBytes(chunkSize), whole));
  let filled = 0;
  for await (const chunk of mediaChunks(media, signal)) {
    let offset = 0;
    while (offset < chunk.byteLength) {
      const take = Math.min(batch.length - filled, chunk.byteLength - offset);
      batch.set(chunk.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (filled === batch.length) {
        await sink.push(batch.toString('base64'));
        filled = 0;
      }
    }
  }
  if (filled > 0) await sink.push(batch.subarray(0, filled).toString('base64'));
}

/**
 * Writes the request body for `source` to `writable` as UTF-8 JSON, in the key order of
 * `ChatImport`. Validates `source` first. Media files are opened one at a time, in order, and
 * must yield exactly their `size` (else `E_WRITE_FAILED` naming the file). A failing or closed
 * writable is `E_WRITE_FAILED`; an abort is `E_ABORTED`. By default the writable is ended and
 * the promise resolves after `finish`.
 *
 * @example
 * ```ts
 * import { createWriteStream } from 'node:fs';
 * const { bytesWritten } = await writeChatImport(source, createWriteStream('body.json'), {
 *   onProgress: (done, total) => console.error(`${Math.round((100 * done) / total)}%`),
 * });
 * ```
 */
export async function writeChatImport(
  source: ChatImportSource,
  writable: Writable,
  options: WriteChatImportOptions = {},
): Promise<WriteChatImportResult> {
  const { signal, onProgress } = options;
  validateChatImportSource(source);
  const chunkSize = options.chunkSize ?? MAX_SLICE_CODE_UNITS;
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) {
    throw new WaImportError(
      'E_INVALID_OPTION',
      `chunkSize must be a positive whole number: got ${chunkSize}`,
    );
  }
  let totalBytes = options.totalBytes;
  if (totalBytes === undefined && onProgress !== undefined) {
    totalBytes = await chatImportSize(source, signal === undefined ? {} : { signal });
  }
  // An 'error' event without a listener would crash the process; the sink reads
  // `writable.errored` before each write instead, so this listener only has to exist.
  const ignoreError = (): void => {};
  writable.on('error', ignoreError);
  try {
    const sink = createWritableSink(writable, {
      chunkSize,
      ...(signal === undefined ? {} : { signal }),
      ...(totalBytes === undefined ? {} : { totalBytes }),
      ...(onProgress === undefined ? {} : { onProgress }),
    });
    for (const part of payloadLayout(source)) {
      if (part.kind === 'literal') await sink.push(part.text);
      else if (part.kind === 'chat-text') await writeChatText(source, sink, chunkSize, signal);
      else await writeMedia(part.media, sink, chunkSize, signal);
    }
    await sink.flush();
    if (totalBytes !== undefined && sink.bytesWritten !== totalBytes) {
      throw new WaImportError(
        'E_WRITE_FAILED',
        `payload is ${sink.bytesWritten} bytes, not the ${totalBytes} announced: the chat text changed between passes?`,
      );
    }
    if (options.end !== false) {
      writable.end();
      try {
        await finished(writable);
      } catch (error) {
        throw new WaImportError('E_WRITE_FAILED', 'cannot finish writing the payload', { cause: error });
      }
    }
    return { bytesWritten: sink.bytesWritten };
  } finally {
    writable.off('error', ignoreError);
  }
}
