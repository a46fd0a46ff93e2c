/**
 * What a command may touch of the outside world, injected so tests drive commands directly.
 *
 * @module
 */

import type { Readable, Writable } from 'node:stream';

/**
 * The streams and environment a command runs with.
 *
 * @example
 * ```ts
 * const io: CliIo = { stdin, stdout, stderr, env: {}, cwd: '/tmp', stderrIsTTY: false, signal: controller.signal };
 * ```
 */
export interface CliIo {
  readonly stdin: Readable;
  /**
   * Done with a chunk once its write calls back, as `process.stdout` is (a file, pipe, terminal
   * or socket): `parse` writes into the same buffers again after that. A stream that keeps
   * chunks by reference past the callback (a `PassThrough` not yet read) would see them change:
   * copy in `write` (as the tests' sinks do).
   */
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Working directory for relative paths. */
  readonly cwd: string;
  /** Whether stderr is a terminal (progress bars only then). */
  readonly stderrIsTTY: boolean;
  /**
   * Aborts when the user interrupts (Ctrl-C). Commands that run until stopped (`emulator`) or
   * should stop cleanly (`submit`) read it; `bin/wa-import.js` installs its SIGINT handler only
   * when a command does, so the others keep the default Ctrl-C.
   */
  readonly signal?: AbortSignal;
}

/**
 * Writes a chunk (text or bytes), waiting for `drain` when the stream's buffer is full.
 * `written` is called once the stream is done with the chunk (its write callback).
 *
 * @example
 * ```ts
 * await write(io.stdout, '{"line":1}\n');
 * await write(io.stdout, bytes, () => encoder.release(bytes));
 * ```
 */
export async function write(
  stream: Writable,
  chunk: string | Uint8Array,
  written?: () => void,
): Promise<void> {
  if (stream.write(chunk, written)) return;
  await new Promise<void>((resolve, reject) => {
    const onDrain = () => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (error: Error) => {
      stream.off('drain', onDrain);
      reject(error);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}
