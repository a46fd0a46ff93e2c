/**
 * Spools a stream to a private temporary folder: yauzl needs random access, and a stream can only
 * be read once while entries must be re-readable.
 *
 * @module
 */

import { type FileHandle, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WaImportError } from '../errors.js';
import { throwIfAborted } from './abort.js';

/** A spooled file; {@link SpooledFile.remove} deletes it with its folder. */
export interface SpooledFile {
  /** Absolute path of the file. */
  readonly file: string;
  /** Bytes written. */
  readonly bytes: number;
  /** The first bytes (up to 4), for the zip magic. */
  readonly magic: Uint8Array;
  /** Deletes the file and its folder; safe to call more than once. */
  remove(): Promise<void>;
}

const MAGIC_BYTES = 4;
const SPOOL_PREFIX = 'wa-import-';

/**
 * Writes `source` to `<tempDir>/wa-import-XXXXXX/<fileName>`. Fails with `E_ZIP_TOO_LARGE` past
 * `maxBytes`, `E_ABORTED` on abort, `E_WRITE_FAILED` when the disk refuses, `E_READ_FAILED` when
 * the source fails; the partial file is removed before the error is thrown.
 *
 * @example
 * ```ts
 * const spooled = await spool(request, { fileName: 'input.zip', maxBytes: 16 * 2 ** 30 });
 * try { … } finally { await spooled.remove(); }
 * ```
 */
export async function spool(
  source: AsyncIterable<Uint8Array | string>,
  options: {
    readonly fileName: string;
    readonly maxBytes: number;
    readonly tempDir?: string;
    readonly signal?: AbortSignal;
  },
): Promise<SpooledFile> {
  const folder = await mkdtemp(join(options.tempDir ?? tmpdir(), SPOOL_PREFIX));
  const remove = () => rm(folder, { recursive: true, force: true });
  const file = join(folder, options.fileName);
  const magic = new Uint8Array(MAGIC_BYTES);
  let bytes = 0;
  try {
    const handle = await open(file, 'wx');
    try {
      for await (const piece of readSource(source)) {
        throwIfAborted(options.signal, 'spooling the input');
        const chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
        if (bytes < MAGIC_BYTES) magic.set(chunk.subarray(0, MAGIC_BYTES - bytes), bytes);
        bytes += chunk.byteLength;
        if (bytes > options.maxBytes) {
          throw new WaImportError(
            'E_ZIP_TOO_LARGE',
            `input too large: the stream is over the ${options.maxBytes}-byte limit, got at least ${bytes} bytes`,
            { entry: options.fileName, hint: 'raise limits.maxTotalBytes if this export is genuine' },
          );
        }
        await writeAll(handle, chunk);
      }
      throwIfAborted(options.signal, 'spooling the input');
    } finally {
      await handle.close();
    }
  } catch (error) {
    await remove();
    throw error;
  }
  return { file, bytes, magic: magic.subarray(0, Math.min(bytes, MAGIC_BYTES)), remove };
}

async function* readSource(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
  try {
    yield* source;
  } catch (error) {
    if (error instanceof WaImportError) throw error;
    throw new WaImportError(
      'E_READ_FAILED',
      `cannot read the input stream: it failed, got "${String(error)}"`,
      {
        cause: error,
      },
    );
  }
}

async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  try {
    let written = 0;
    while (written < chunk.byteLength) {
      const { bytesWritten } = await handle.write(chunk, written, chunk.byteLength - written);
      written += bytesWritten;
    }
  } catch (error) {
    throw new WaImportError(
      'E_WRITE_FAILED',
      `cannot write a temporary file: the disk refused, got "${String(error)}"`,
      {
        cause: error,
      },
    );
  }
}
