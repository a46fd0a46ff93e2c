/**
 * The exact byte length of the request body, known before it is written, so an HTTP client can
 * send a `Content-Length` and a progress bar can show a total.
 *
 * @module
 */

import { base64Length } from './base64-encoder.js';
import { chatTextSlices } from './chat-text.js';
import { createJsonStringEscaper } from './json-string.js';
import { payloadLayout } from './layout.js';
import type { ChatImportSource, ChatText } from './source.js';
import { validateChatImportSource } from './validate-source.js';

/**
 * Options of {@link chatImportSize}.
 *
 * @example
 * ```ts
 * const size = await chatImportSize(source, { signal: controller.signal });
 * ```
 */
export interface ChatImportSizeOptions {
  /** Stops counting with `E_ABORTED`. */
  readonly signal?: AbortSignal;
}

/**
 * UTF-8 byte length of the chat log once escaped for JSON (without the quotes). Streams the log
 * once when it is a factory.
 *
 * @example
 * ```ts
 * await escapedChatTextBytes('a"€'); // 6: a, \", and the 3 bytes of €
 * ```
 */
export async function escapedChatTextBytes(chatText: ChatText, signal?: AbortSignal): Promise<number> {
  const escaper = createJsonStringEscaper();
  let bytes = 0;
  for await (const slice of chatTextSlices(chatText, signal)) {
    bytes += Buffer.byteLength(escaper.push(slice), 'utf8');
  }
  return bytes + Buffer.byteLength(escaper.end(), 'utf8');
}

/**
 * The exact number of bytes {@link writeChatImport} will write for `source`, i.e. the length of
 * `Buffer.from(JSON.stringify(chatImport))`. Streams the chat log once to count it; media
 * files count `4 * ceil(size / 3)` from their `size` without being read. Validates `source`
 * first (see {@link validateChatImportSource}).
 *
 * @example
 * ```ts
 * const contentLength = await chatImportSize(source);
 * const request = https.request(url, { method: 'POST', headers: { 'Content-Length': contentLength } });
 * await writeChatImport(source, request, { totalBytes: contentLength });
 * ```
 */
export async function chatImportSize(
  source: ChatImportSource,
  options: ChatImportSizeOptions = {},
): Promise<number> {
  validateChatImportSource(source);
  let total = 0;
  for (const part of payloadLayout(source)) {
    if (part.kind === 'literal') total += Buffer.byteLength(part.text, 'utf8');
    else if (part.kind === 'chat-text') total += await escapedChatTextBytes(source.chatText, options.signal);
    else total += base64Length(part.media.size);
  }
  return total;
}
