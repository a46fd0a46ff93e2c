/**
 * Incremental base64: chunks of any size in, the same text as encoding the whole file at once
 * out. Base64 turns every 3 bytes into 4 characters, so 0–2 bytes are carried to the next chunk
 * and padded only at the end.
 *
 * @module
 */

const GROUP_BYTES = 3;
const GROUP_CHARS = 4;

/**
 * Length of the base64 text (with padding) of `byteCount` bytes: `4 * ceil(n / 3)`.
 *
 * @example
 * ```ts
 * base64Length(0); // 0
 * base64Length(1); // 4
 * base64Length(4); // 8
 * ```
 */
export function base64Length(byteCount: number): number {
  return GROUP_CHARS * Math.ceil(byteCount / GROUP_BYTES);
}

/**
 * Streaming base64 encoder: feed chunks with `push`, then call `end` once.
 *
 * @example
 * ```ts
 * const encoder: Base64Encoder = createBase64Encoder();
 * const text = encoder.push(Uint8Array.of(0x66, 0x6f)) + encoder.end(); // 'Zm8='
 * ```
 */
export interface Base64Encoder {
  /** Encodes all complete 3-byte groups available so far. */
  push(chunk: Uint8Array): string;
  /** Encodes the 0–2 carried bytes with padding. */
  end(): string;
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Creates a streaming base64 encoder.
 *
 * @example
 * ```ts
 * const encoder = createBase64Encoder();
 * const text = encoder.push(Uint8Array.of(1, 2)) + encoder.push(Uint8Array.of(3, 4)) + encoder.end();
 * text === Buffer.from([1, 2, 3, 4]).toString('base64'); // true
 * ```
 */
export function createBase64Encoder(): Base64Encoder {
  let carry: Buffer = Buffer.alloc(0);
  return {
    push(chunk: Uint8Array): string {
      const bytes = carry.length === 0 ? toBuffer(chunk) : Buffer.concat([carry, chunk]);
      const whole = bytes.length - (bytes.length % GROUP_BYTES);
      // Copy the leftover: `bytes` may be a view of the caller's chunk, which it may reuse.
      carry = Buffer.from(bytes.subarray(whole));
      return whole === 0 ? '' : bytes.subarray(0, whole).toString('base64');
    },
    end(): string {
      const rest = carry.toString('base64');
      carry = Buffer.alloc(0);
      return rest;
    },
  };
}
