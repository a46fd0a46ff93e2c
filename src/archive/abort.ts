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
