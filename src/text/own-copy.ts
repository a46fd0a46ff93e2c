/**
 * Strings the parser keeps beyond a message must not keep the decoded chunk they were cut from.
 *
 * V8 represents a slice of 13 or more characters as a view into its parent string, so a file
 * name or an author name cut from a 64 KiB chunk holds the whole chunk in memory for as long as
 * it lives. One attachment name kept per chunk is enough to keep the entire decoded log: a
 * 90 MB chat with 30,000 attachments held ~180 MB of chunks this way. Whatever outlives its
 * message (counters' keys, samples, attachment names) is therefore copied with
 * {@link ownCopy}.
 *
 * @module
 */

/** Below this length V8 copies a slice anyway (no parent to keep). */
const SLICE_MIN_LENGTH = 13;

/**
 * A copy of `text` that shares no memory with the string it was sliced from. JavaScript has no
 * API for this: prepending a character and slicing it off again makes V8 flatten the two into a
 * new string of `text`'s own length, which the result then points into (the old parent is free).
 *
 * @example
 * ```ts
 * const chunk = await readChunk(); // 64 KiB of a log
 * const name = ownCopy(chunk.slice(100, 140)); // 40 characters, not a view of the chunk
 * ```
 */
export function ownCopy(text: string): string {
  return text.length < SLICE_MIN_LENGTH ? text : ` ${text}`.slice(1);
}
