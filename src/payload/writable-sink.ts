/**
 * Hands text to a Node `Writable` as UTF-8 buffers of bounded size, honouring backpressure:
 * when `write()` returns false nothing more is written until `drain`. Small pieces (JSON
 * punctuation, one-character chunks) are gathered into one write.
 *
 * @module
 */

import type { Writable } from 'node:stream';
import { WaImportError } from '../errors.js';
import { throwIfAborted } from './chat-text.js';

/**
 * Options of {@link createWritableSink}.
 *
 * @example
 * ```ts
 * const options: WritableSinkOptions = { chunkSize: 65_536, totalBytes: 1024, onProgress: (done, total) => {} };
 * ```
 */
export interface WritableSinkOptions {
  /** Gather at least this many UTF-16 code units before a write (the last write may be shorter). */
  readonly chunkSize: number;
  /** Stops with `E_ABORTED`, also while waiting for `drain`. */
  readonly signal?: AbortSignal;
  /** The expected total; writing past it is `E_WRITE_FAILED`. */
  readonly totalBytes?: number;
  /** Called after every write with the bytes written so far and the expected total. */
  readonly onProgress?: (bytesWritten: number, totalBytes: number) => void;
}

/**
 * A text sink over a writable.
 *
 * @example
 * ```ts
 * const sink: WritableSink = createWritableSink(output, { chunkSize: 65_536 });
 * await sink.push('{}');
 * await sink.flush();
 * sink.bytesWritten; // 2
 * ```
 */
export interface WritableSink {
  /** Queues `text`; writes (and waits for `drain` if needed) once enough is gathered. */
  push(text: string): Promise<void>;
  /** Writes whatever is gathered. */
  flush(): Promise<void>;
  /** Bytes handed to the writable so far. */
  readonly bytesWritten: number;
}

function writeFailed(message: string, cause?: unknown): WaImportError {
  return new WaImportError('E_WRITE_FAILED', message, cause === undefined ? {} : { cause });
}

/** Resolves on `drain`; rejects on `error`, `close` or abort. */
function waitForDrain(writable: Writable, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      writable.off('drain', onDrain);
      writable.off('error', onError);
      writable.off('close', onClose);
      signal?.removeEventListener('abort', onAbort);
    };
    const onDrain = (): void => {
      cleanup();
      resolve();
    };
    const onError = (error: unknown): void => {
      cleanup();
      reject(writeFailed('cannot write the payload: the output stream failed', error));
    };
    const onClose = (): void => {
      cleanup();
      reject(writeFailed('cannot write the payload: the output stream closed early'));
    };
    const onAbort = (): void => {
      cleanup();
      reject(new WaImportError('E_ABORTED', 'payload writing aborted', { cause: signal?.reason }));
    };
    writable.on('drain', onDrain);
    writable.on('error', onError);
    writable.on('close', onClose);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Creates a sink that writes UTF-8 to `writable`.
 *
 * @example
 * ```ts
 * const sink = createWritableSink(createWriteStream('body.json'), { chunkSize: 65_536 });
 * await sink.push('{"chat_text":"');
 * await sink.flush();
 * ```
 */
export function createWritableSink(writable: Writable, options: WritableSinkOptions): WritableSink {
  const { signal, totalBytes, onProgress, chunkSize } = options;
  let pending: string[] = [];
  let pendingLength = 0;
  let bytesWritten = 0;

  const flush = async (): Promise<void> => {
    throwIfAborted(signal);
    if (pendingLength === 0) return;
    const bytes = Buffer.from(pending.join(''), 'utf8');
    pending = [];
    pendingLength = 0;
    if (totalBytes !== undefined && bytesWritten + bytes.length > totalBytes) {
      throw writeFailed(
        `payload is longer than the ${totalBytes} bytes announced: the chat text changed between passes?`,
      );
    }
    if (writable.errored !== null && writable.errored !== undefined) {
      throw writeFailed('cannot write the payload: the output stream failed', writable.errored);
    }
    if (writable.destroyed || writable.writableEnded) {
      throw writeFailed('cannot write the payload: the output stream is already closed');
    }
    let ready: boolean;
    try {
      ready = writable.write(bytes);
    } catch (error) {
      throw writeFailed('cannot write the payload: the output stream refused a chunk', error);
    }
    bytesWritten += bytes.length;
    onProgress?.(bytesWritten, totalBytes ?? bytesWritten);
    if (!ready) await waitForDrain(writable, signal);
  };

  return {
    async push(text: string): Promise<void> {
      if (text === '') return;
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength >= chunkSize) await flush();
    },
    flush,
    get bytesWritten(): number {
      return bytesWritten;
    },
  };
}
