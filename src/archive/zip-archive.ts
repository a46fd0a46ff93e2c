/**
 * Reads a zip archive entry by entry with yauzl: only the central directory is read up front;
 * each entry is inflated when (and each time) a caller opens it. Never extracts to disk.
 *
 * @module
 */

import { addAbortSignal, type Readable } from 'node:stream';
import * as yauzl from 'yauzl';
import { WaImportError } from '../errors.js';
import { mapReadErrors, throwIfAborted } from './abort.js';
import { classifyEntryPath } from './entry-path.js';
import { type ArchiveLimits, checkEntryCount, DeclaredSizeBudget, guardBytes } from './guard.js';
import { readHeadOf } from './read-head.js';
import type { ExportEntry, ExportWarning, SkippedEntry } from './types.js';

/** General-purpose bit 0: the entry is encrypted (traditional PKWARE or AES). */
const FLAG_ENCRYPTED = 0x0001;
/** Compression method 0: stored. */
const METHOD_STORED = 0;
/** Compression method 8: deflate. */
const METHOD_DEFLATE = 8;

/**
 * Names are decoded by us (not yauzl) so that unsafe names are *skipped* instead of failing the
 * whole archive; sizes are checked by our guard so that the limit codes, not a generic error, tell
 * what went wrong.
 */
const YAUZL_OPTIONS: yauzl.Options = {
  lazyEntries: true,
  autoClose: false,
  decodeStrings: false,
  validateEntrySizes: false,
  strictFileNames: true,
};

/** The files of a zip archive and what was left out. */
export interface ZipListing {
  /** Kept file entries, in central-directory order. */
  readonly files: readonly ExportEntry[];
  readonly skipped: readonly SkippedEntry[];
  readonly warnings: readonly ExportWarning[];
  /** Closes the archive; open streams end with an error. */
  close(): void;
}

/** Where the zip bytes are: a file on disk (random access) or bytes already in memory. */
export type ZipInput = { readonly file: string } | { readonly bytes: Uint8Array };

/**
 * Opens a zip and lists its entries through the guard. Throws `E_ZIP_CORRUPT`, `E_ZIP_ENCRYPTED`,
 * `E_ZIP_TOO_MANY_ENTRIES`, `E_ZIP_ENTRY_TOO_LARGE`, `E_ZIP_RATIO`, `E_ZIP_TOO_LARGE` or `E_ABORTED`.
 *
 * @example
 * ```ts
 * const zip = await listZip({ file: 'chat.zip' }, { label: 'chat.zip', limits: DEFAULT_LIMITS });
 * console.log(zip.files.map((entry) => entry.path));
 * zip.close();
 * ```
 */
export async function listZip(
  input: ZipInput,
  context: { readonly label: string; readonly limits: ArchiveLimits; readonly signal?: AbortSignal },
): Promise<ZipListing> {
  const { label, limits, signal } = context;
  throwIfAborted(signal, `opening ${label}`);
  let zip: yauzl.ZipFile;
  try {
    zip =
      'file' in input
        ? await yauzl.openPromise(input.file, YAUZL_OPTIONS)
        : await yauzl.fromBufferPromise(
            Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength),
            YAUZL_OPTIONS,
          );
  } catch (error) {
    throw new WaImportError(
      'E_ZIP_CORRUPT',
      `not a readable zip archive: ${label}, got "${message(error)}"`,
      {
        entry: label,
        hint: 'the file is truncated or not a zip; export the chat again',
        cause: error,
      },
    );
  }

  const files: ExportEntry[] = [];
  const skipped: SkippedEntry[] = [];
  const warnings: ExportWarning[] = [];
  const seen = new Set<string>();
  const budget = new DeclaredSizeBudget(limits);
  let index = 0;
  let lastName: string | undefined;
  try {
    checkEntryCount(zip.entryCount, limits);
    for await (const raw of zip.eachEntry()) {
      throwIfAborted(signal, `reading the entries of ${label}`);
      index += 1;
      const rawName = yauzl.getFileNameLowLevel(
        raw.generalPurposeBitFlag,
        raw.fileNameRaw,
        raw.extraFields,
        YAUZL_OPTIONS.strictFileNames ?? true,
      );
      lastName = rawName;
      const verdict = classifyEntryPath(rawName);
      if (verdict.kind === 'directory') continue;
      if (verdict.kind === 'junk') {
        skipped.push({ path: verdict.path, reason: 'junk', detail: verdict.detail });
        continue;
      }
      if (verdict.kind === 'unsafe') {
        skipped.push({ path: verdict.path, reason: 'unsafe-path', detail: verdict.detail });
        warnings.push({
          kind: 'unsafe-path',
          entry: verdict.path,
          message: `unsafe entry name skipped: ${verdict.detail}, got ${JSON.stringify(verdict.path)}`,
        });
        continue;
      }
      if ((raw.generalPurposeBitFlag & FLAG_ENCRYPTED) !== 0) {
        throw new WaImportError(
          'E_ZIP_ENCRYPTED',
          `encrypted archive entry: ${verdict.path} needs a password, got general-purpose flags 0x${raw.generalPurposeBitFlag.toString(16).padStart(4, '0')}`,
          { entry: verdict.path, hint: 'export the chat again without a password, or unzip it yourself' },
        );
      }
      if (raw.compressionMethod !== METHOD_STORED && raw.compressionMethod !== METHOD_DEFLATE) {
        const detail = `compression method ${raw.compressionMethod} is not supported (only stored and deflate)`;
        skipped.push({ path: verdict.path, reason: 'unsupported-compression', detail });
        warnings.push({
          kind: 'unsupported-compression',
          entry: verdict.path,
          message: `entry skipped: ${detail}, got ${verdict.path}`,
        });
        continue;
      }
      if (raw.compressionMethod === METHOD_STORED && raw.compressedSize !== raw.uncompressedSize) {
        throw new WaImportError(
          'E_ZIP_CORRUPT',
          `corrupt archive entry: ${verdict.path} is stored uncompressed but its two sizes differ, got ${raw.compressedSize} and ${raw.uncompressedSize}`,
          { entry: verdict.path },
        );
      }
      if (seen.has(verdict.path)) {
        skipped.push({
          path: verdict.path,
          reason: 'duplicate-path',
          detail: 'a second entry with the same path',
        });
        warnings.push({
          kind: 'duplicate-path',
          entry: verdict.path,
          message: `duplicate entry skipped: the first one is kept, got ${verdict.path} twice`,
        });
        continue;
      }
      seen.add(verdict.path);
      budget.admit({
        path: verdict.path,
        declaredBytes: raw.uncompressedSize,
        compressedBytes: raw.compressedSize,
      });
      files.push(zipEntry(zip, raw, verdict.path, verdict.name, limits));
    }
  } catch (error) {
    zip.close();
    if (error instanceof WaImportError) throw error;
    throw iterationError(error, label, index, lastName);
  }
  return { files, skipped, warnings, close: () => zip.close() };
}

function zipEntry(
  zip: yauzl.ZipFile,
  raw: yauzl.Entry,
  path: string,
  name: string,
  limits: ArchiveLimits,
): ExportEntry {
  const open = async (signal?: AbortSignal): Promise<AsyncIterable<Uint8Array>> => {
    throwIfAborted(signal, `opening ${path}`);
    if (!zip.isOpen) {
      throw new WaImportError(
        'E_READ_FAILED',
        `export already closed: cannot read ${path}, got a closed archive`,
        {
          entry: path,
        },
      );
    }
    let stream: Readable;
    try {
      stream = await zip.openReadStreamPromise(raw);
    } catch (error) {
      throw new WaImportError('E_ZIP_CORRUPT', `corrupt archive entry: ${path}, got "${message(error)}"`, {
        entry: path,
        cause: error,
      });
    }
    if (signal !== undefined) addAbortSignal(signal, stream);
    const guarded = guardBytes(stream, {
      entry: { path, declaredBytes: raw.uncompressedSize, compressedBytes: raw.compressedSize },
      origin: 'zip',
      limits,
    });
    return mapReadErrors(guarded, path, signal, entryError(path));
  };
  return {
    name,
    path,
    size: raw.uncompressedSize,
    open,
    readHead: (n, signal) => readHeadOf(open, n, signal),
  };
}

function entryError(path: string): (error: unknown) => WaImportError {
  return (error) =>
    new WaImportError(
      'E_ZIP_CORRUPT',
      `corrupt archive entry: ${path} cannot be read, got "${message(error)}"`,
      {
        entry: path,
        cause: error,
      },
    );
}

function iterationError(
  error: unknown,
  label: string,
  index: number,
  lastName: string | undefined,
): WaImportError {
  const text = message(error);
  // yauzl fails the listing before it can decode the name of an entry with strong encryption.
  if (/encrypt/iu.test(text)) {
    return new WaImportError(
      'E_ZIP_ENCRYPTED',
      `encrypted archive entry: entry #${index + 1} of ${label} uses strong encryption, got "${text}"`,
      { entry: `#${index + 1}`, hint: 'export the chat again without a password', cause: error },
    );
  }
  const where = lastName === undefined ? `before the first entry` : `after entry ${JSON.stringify(lastName)}`;
  return new WaImportError('E_ZIP_CORRUPT', `corrupt zip archive: ${label} breaks ${where}, got "${text}"`, {
    entry: lastName ?? label,
    hint: 'the file is truncated or damaged; export the chat again',
    cause: error,
  });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
