/**
 * An {@link ExportEntry} backed by a file on disk (export folders, a `.txt` and its neighbours,
 * spooled streams).
 *
 * @module
 */

import { createReadStream } from 'node:fs';
import { WaImportError } from '../errors.js';
import { mapReadErrors, throwIfAborted } from './abort.js';
import { type ArchiveLimits, guardBytes } from './guard.js';
import { readHeadOf } from './read-head.js';
import type { ExportEntry } from './types.js';

/**
 * Bytes per read of a file entry. Larger reads cost less per byte (a 64 KiB read stream spends
 * ~2 ms per MB on the reads alone); beyond ~256 KiB the read buffers, collected late, raise peak
 * memory more than they save (measured with `npm run bench`).
 *
 * @example
 * ```ts
 * createReadStream('chat.txt', { highWaterMark: FILE_READ_BYTES }); // reads as a file entry does
 * ```
 */
export const FILE_READ_BYTES = 256 * 1024;

/** Where a file entry lives and how it is shown. */
export interface FileEntrySpec {
  /** Absolute path on disk. */
  readonly filePath: string;
  /** Base name shown to callers. */
  readonly name: string;
  /** `/`-separated path shown to callers. */
  readonly path: string;
  /** Size from `stat`. Bytes. */
  readonly size: number;
}

/**
 * Makes an entry that streams `spec.filePath`, checking its bytes against `limits` and its size.
 *
 * @example
 * ```ts
 * const entry = fileEntry({ filePath: '/tmp/x/_chat.txt', name: '_chat.txt', path: '_chat.txt', size: 812 }, DEFAULT_LIMITS);
 * const head = await entry.readHead(16);
 * ```
 */
export function fileEntry(spec: FileEntrySpec, limits: ArchiveLimits): ExportEntry {
  const open = async (signal?: AbortSignal): Promise<AsyncIterable<Uint8Array>> => {
    throwIfAborted(signal, `opening ${spec.path}`);
    const stream = createReadStream(spec.filePath, {
      highWaterMark: FILE_READ_BYTES,
      ...(signal === undefined ? {} : { signal }),
    });
    const guarded = guardBytes(stream, {
      entry: { path: spec.path, declaredBytes: spec.size, compressedBytes: null },
      origin: 'file',
      limits,
    });
    return mapReadErrors(guarded, spec.path, signal, fileError(spec.path));
  };
  return {
    name: spec.name,
    path: spec.path,
    size: spec.size,
    open,
    readHead: (n, signal) => readHeadOf(open, n, signal),
  };
}

function fileError(path: string): (error: unknown) => WaImportError {
  return (error) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      return new WaImportError(
        'E_INPUT_NOT_FOUND',
        `file disappeared: no file at ${path} any more, got ENOENT`,
        {
          entry: path,
          cause: error,
        },
      );
    }
    return new WaImportError('E_READ_FAILED', `cannot read file: ${path}, got ${String(code ?? error)}`, {
      entry: path,
      cause: error,
    });
  };
}
