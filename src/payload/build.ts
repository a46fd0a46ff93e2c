/**
 * The request body as a plain object, for small chats, tests and dry runs: everything is read
 * into memory. Large exports go through {@link writeChatImport}.
 *
 * @module
 */

import type { ChatImport, ChatImportMediaFile } from './chat-import.js';
import { chatTextSlices } from './chat-text.js';
import { mediaChunks } from './media-bytes.js';
import type { ChatImportSource, MediaSource } from './source.js';
import { validateChatImportSource } from './validate-source.js';

/**
 * Options of {@link buildChatImport}.
 *
 * @example
 * ```ts
 * const body = await buildChatImport(source, { signal: AbortSignal.timeout(10_000) });
 * ```
 */
export interface BuildChatImportOptions {
  /** Stops with `E_ABORTED`. */
  readonly signal?: AbortSignal;
}

async function readMedia(media: MediaSource, signal?: AbortSignal): Promise<ChatImportMediaFile> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of mediaChunks(media, signal)) chunks.push(chunk);
  return {
    b64_content: Buffer.concat(chunks).toString('base64'),
    mime_type: media.mimeType,
    file_name: media.fileName,
  };
}

/**
 * Reads `source` whole and returns the `ChatImport` object; `JSON.stringify` of it is byte for
 * byte what {@link writeChatImport} writes. Same validation and size checks as the writer.
 * Holds every media file in memory as base64: meant for small chats only.
 *
 * @example
 * ```ts
 * const body = await buildChatImport({
 *   chatText: '10/03/2022, 11:00 - Anna: hi',
 *   participants: [{ handle: 'Anna', phone_number: '+4915123456789' }],
 *   utcOffsetMinutes: 60,
 *   deviceLanguageCode: 'de-DE',
 *   media: [],
 * });
 * body.chat_participants[0]?.phone_number; // '+4915123456789'
 * ```
 */
export async function buildChatImport(
  source: ChatImportSource,
  options: BuildChatImportOptions = {},
): Promise<ChatImport> {
  validateChatImportSource(source);
  const { signal } = options;
  const slices: string[] = [];
  for await (const slice of chatTextSlices(source.chatText, signal)) slices.push(slice);
  const mediaFiles: ChatImportMediaFile[] = [];
  for (const media of source.media) mediaFiles.push(await readMedia(media, signal));
  return {
    chat_text: slices.join(''),
    chat_participants: source.participants.map((contact) => ({
      handle: contact.handle,
      phone_number: contact.phone_number,
    })),
    utc_offset_minutes: source.utcOffsetMinutes,
    device_language_code: source.deviceLanguageCode,
    media_files: mediaFiles,
  };
}
