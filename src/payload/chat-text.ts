/**
 * Reads a {@link ChatText} as bounded slices, so a huge string or a huge chunk is never escaped
 * in one piece (escaping can grow text sixfold).
 *
 * @module
 */

import { WaImportError } from '../errors.js';
import type { ChatText } from './source.js';

/**
 * Longest slice handed on, in UTF-16 code units.
 *
 * @example
 * ```ts
 * for await (const slice of chatTextSlices(log)) console.assert(slice.length <= MAX_SLICE_CODE_UNITS);
 * ```
 */
export const MAX_SLICE_CODE_UNITS = 64 * 1024;

/**
 * Throws `E_ABORTED` when `signal` has fired.
 *
 * @example
 * ```ts
 * throwIfAborted(AbortSignal.abort()); // throws WaImportError E_ABORTED
 * ```
 */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) {
    throw new WaImportError('E_ABORTED', 'payload writing aborted', { cause: signal.reason });
  }
}

function* slices(text: string, size: number): Generator<string> {
  for (let start = 0; start < text.length; start += size) {
    yield text.slice(start, start + size);
  }
}

/**
 * Yields the chat log in slices of at most `sliceSize` code units (default
 * {@link MAX_SLICE_CODE_UNITS}), checking `signal` between slices. A slice may end inside a
 * surrogate pair; the escaper carries it.
 *
 * @example
 * ```ts
 * for await (const slice of chatTextSlices('hello')) console.log(slice); // 'hello'
 * ```
 */
export async function* chatTextSlices(
  chatText: ChatText,
  signal?: AbortSignal,
  sliceSize: number = MAX_SLICE_CODE_UNITS,
): AsyncGenerator<string> {
  throwIfAborted(signal);
  if (typeof chatText === 'string') {
    for (const slice of slices(chatText, sliceSize)) {
      yield slice;
      throwIfAborted(signal);
    }
    return;
  }
  for await (const chunk of chatText()) {
    if (typeof chunk !== 'string') {
      throw new WaImportError('E_READ_FAILED', `chat text stream must yield strings: got ${typeof chunk}`, {
        hint: 'open the log with an encoding, e.g. createReadStream(path, { encoding: "utf8" })',
      });
    }
    for (const slice of slices(chunk, sliceSize)) {
      yield slice;
      throwIfAborted(signal);
    }
  }
}
