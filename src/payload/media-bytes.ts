/**
 * Reads one media file and checks that it yields exactly the `size` the payload length was
 * computed from: a file that grew or shrank since would corrupt the `Content-Length`.
 *
 * @module
 */

import { WaImportError } from '../errors.js';
import { throwIfAborted } from './chat-text.js';
import type { MediaSource } from './source.js';

function sizeMismatch(media: MediaSource, got: string): WaImportError {
  return new WaImportError(
    'E_WRITE_FAILED',
    `media file "${media.fileName}" changed while writing: expected ${media.size} bytes, got ${got}`,
    { entry: media.fileName, hint: 'do not modify the export while it is being imported; run again' },
  );
}

/**
 * Opens `media` and yields its chunks, throwing `E_WRITE_FAILED` (naming the file) as soon as
 * it yields more than `media.size` bytes, or at its end when it yielded fewer. A failure to
 * open is `E_READ_FAILED`. Leaving the loop early closes the file's stream.
 *
 * @example
 * ```ts
 * for await (const chunk of mediaChunks(photo, signal)) hash.update(chunk);
 * ```
 */
export async function* mediaChunks(media: MediaSource, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  throwIfAborted(signal);
  let stream: AsyncIterable<Uint8Array>;
  try {
    stream = await media.open(signal);
  } catch (error) {
    throw new WaImportError('E_READ_FAILED', `cannot open media file "${media.fileName}"`, {
      entry: media.fileName,
      cause: error,
    });
  }
  let read = 0;
  for await (const chunk of stream) {
    if (!(chunk instanceof Uint8Array)) {
      throw new WaImportError(
        'E_READ_FAILED',
        `media file "${media.fileName}" must be read as bytes: got a ${typeof chunk} chunk`,
        { entry: media.fileName },
      );
    }
    read += chunk.byteLength;
    if (read > media.size) throw sizeMismatch(media, `more than ${media.size}`);
    yield chunk;
    throwIfAborted(signal);
  }
  if (read !== media.size) throw sizeMismatch(media, String(read));
}
