/**
 * What the payload writer reads: the chat log, the participants, the device facts and the media
 * files, each media file as a stream that can be opened when its turn comes.
 *
 * @module
 */

import type { ChatImportContact } from './chat-import.js';

/**
 * The chat log: a string, or a factory that streams it afresh on every call. The factory form
 * lets {@link chatImportSize} count the log once and {@link writeChatImport} write it a second
 * time without ever holding it whole.
 *
 * @example
 * ```ts
 * const small: ChatText = '10/03/2022, 11:00 - Anna: hi';
 * const streamed: ChatText = () => createReadStream('chat.txt', { encoding: 'utf8' });
 * ```
 */
export type ChatText = string | (() => AsyncIterable<string>);

/**
 * One media file of the export, opened only when the writer reaches it.
 *
 * `size` must be the exact byte count the stream yields: the payload's length is computed from
 * it before the file is read, so a file that changed meanwhile is an error, not a longer body.
 *
 * @example
 * ```ts
 * const photo: MediaSource = {
 *   fileName: 'IMG-20220310-WA0000.jpg',
 *   mimeType: 'image/jpeg',
 *   size: (await stat(path)).size,
 *   open: (signal) => createReadStream(path, signal === undefined ? {} : { signal }),
 * };
 * ```
 */
export interface MediaSource {
  /** File name exactly as the chat log references it. */
  readonly fileName: string;
  /** MIME type to send (`image/jpeg`). */
  readonly mimeType: string;
  /** Exact size in bytes. */
  readonly size: number;
  /** Opens the file's bytes; called once per pass, after the previous file has been read. */
  open(signal?: AbortSignal): Promise<AsyncIterable<Uint8Array>> | AsyncIterable<Uint8Array>;
}

/**
 * Everything a `ChatImport` request is made of, in a form that can be streamed.
 *
 * @example
 * ```ts
 * const source: ChatImportSource = {
 *   chatText: '10/03/2022, 11:00 - Anna: hi',
 *   participants: [{ handle: 'Anna', phone_number: '+4915123456789' }],
 *   utcOffsetMinutes: 60,
 *   deviceLanguageCode: 'de-DE',
 *   media: [],
 * };
 * ```
 */
export interface ChatImportSource {
  /** The chat log verbatim (only a BOM removed). */
  readonly chatText: ChatText;
  /** At most two participants, E.164 numbers. */
  readonly participants: readonly ChatImportContact[];
  /** Minutes the device's zone is ahead of UTC, an integer in −720…840. */
  readonly utcOffsetMinutes: number;
  /** Device language, BCP 47 (`en-US`, `de`, `pt-BR`). */
  readonly deviceLanguageCode: string;
  /** The media files, in the order they are to be written. */
  readonly media: readonly MediaSource[];
}
