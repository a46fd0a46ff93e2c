/**
 * Joins small chunks of a byte stream into larger ones.
 *
 * A deflated zip entry inflates in zlib's 16 KiB pieces, and every piece costs its consumer a
 * step: the parser's per-push work, an `await`, a write of the records it completes. Parsing a
 * zipped 90 MB log took 28% longer than the same log read from a file in 256 KiB reads; joined
 * into pieces of the file read size, it costs about the same. Meant for sources that are there
 * to be read (archive entries), not for live streams, where holding bytes back delays them.
 *
 * @module
 */

/**
 * Yields the bytes of `source` in chunks of at least `minBytes` (the last one may be shorter).
 * A chunk that is already large enough passes through as is; smaller ones are copied together.
 *
 * @example
 * ```ts
 * for await (const chunk of coalesce(inflated, 256 * 1024)) parser.push(decoder.decode(chunk));
 * ```
 */
export async function* coalesce(
  source: AsyncIterable<Uint8Array>,
  minBytes: number,
): AsyncIterable<Uint8Array> {
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  for await (const chunk of source) {
    if (heldBytes === 0 && chunk.length >= minBytes) {
      yield chunk;
      continue;
    }
    held.push(chunk);
    heldBytes += chunk.length;
    if (heldBytes >= minBytes) {
      yield join(held, heldBytes);
      held = [];
      heldBytes = 0;
    }
  }
  if (heldBytes > 0) yield join(held, heldBytes);
}

function join(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const joined = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
}
