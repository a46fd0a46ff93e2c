/**
 * The default wait between attempts: a timer that an `AbortSignal` cuts short.
 *
 * @module
 */

import { WaImportError } from '../errors.js';

/**
 * Waits `ms` milliseconds; rejects with `E_ABORTED` as soon as `signal` aborts.
 *
 * @example
 * ```ts
 * await abortableSleep(1_000, controller.signal);
 * ```
 */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = (): WaImportError =>
      new WaImportError('E_ABORTED', 'import aborted while waiting to retry');
    if (signal?.aborted === true) {
      reject(aborted());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
