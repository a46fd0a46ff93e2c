/**
 * Reads the first bytes of an entry stream and releases the stream.
 *
 * @module
 */

/**
 * Collects the first `n` bytes of the stream `open` returns (fewer if it ends first), then stops
 * iterating, which releases the stream.
 *
 * @example
 * ```ts
 * const head = await readHeadOf((signal) => entry.open(signal), 4100);
 * ```
 */
export async function readHeadOf(
  open: (signal?: AbortSignal) => Promise<AsyncIterable<Uint8Array>>,
  n: number,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const wanted = Math.max(0, Math.floor(n));
  const head = new Uint8Array(wanted);
  if (wanted === 0) return head;
  let filled = 0;
  for await (const chunk of await open(signal)) {
    const take = Math.min(chunk.byteLength, wanted - filled);
    head.set(chunk.subarray(0, take), filled);
    filled += take;
    if (filled === wanted) break;
  }
  return head.subarray(0, filled);
}
