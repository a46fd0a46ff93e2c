/**
 * Cancellation: one way to turn an aborted {@link AbortSignal} into `E_ABORTED`.
 *
 * @module
 */

import { WaImportError } from '../errors.js';

/**
 * Throws `E_ABORTED` when `signal` has been aborted.
 *
 * @example
 * ```ts
 * throwIfAborted(signal, 'reading the archive');
 * ```
 */
export function throwIfAborted(signal: AbortSignal | undefined, doing: string): void {
  if (signal?.aborted) throw abortedError(signal, doing);
}

/**
 * The `E_ABORTED` error for `signal`, keeping its reason as the cause.
 *
 * @example
 * ```ts
 * if (signal.aborted) throw abortedError(signal, 'spooling the input');
 * ```
 */
export function abortedError(signal: AbortSignal, doing: string): WaImportError {
  return new WaImportError('E_ABORTED', `aborted: stopped while ${doing}, got an abort signal`, {
    cause: signal.reason,
  });
}

/**
 * Re-throws a read stream's failures as wa-import errors: an error that already is one passes
 * through, an abort becomes `E_ABORTED`, anything else goes through `toError` (file and zip
 * entries map their low-level failures differently).
 *
 * @example
 * ```ts
 * yield* mapReadErrors(stream, 'IMG-0001.jpg', signal, (error) => new WaImportError('E_READ_FAILED', String(error)));
 * ```
 */
export async function* mapReadErrors(
  source: AsyncIterable<Uint8Array>,
  path: string,
  signal: AbortSignal | undefined,
  toError: (error: unknown) => WaImportError,
): AsyncGenerator<Uint8Array, void, undefined> {
  try {
    yield* source;
  } catch (error) {
    if (error instanceof WaImportError) throw error;
    if (signal?.aborted) throw abortedError(signal, `reading ${path}`);
    throw toError(error);
  }
}
