/**
 * The entry point of the archive stage: turns whatever the user has (a zip, a folder, a `.txt`,
 * bytes or a stream) into one {@link ChatExport} handle.
 *
 * @module
 */

import { stat } from 'node:fs/promises';
import { basename, dirname, extname } from 'node:path';
import { WaImportError } from '../errors.js';
import { throwIfAborted } from './abort.js';
import { chooseChatLog } from './choose-chat-log.js';
import { hasControlCharacter } from './entry-path.js';
import { fileEntry } from './file-entry.js';
import { listFolder, listSiblings } from './folder-listing.js';
import { type ArchiveLimits, resolveLimits } from './guard.js';
import { readHeadOf } from './read-head.js';
import { spool } from './spool.js';
import type {
  ChatExport,
  ChatLogChoice,
  ExportEntry,
  ExportKind,
  ExportSource,
  ExportWarning,
  OpenExportOptions,
  SkippedEntry,
} from './types.js';
import { listZip, type ZipInput } from './zip-archive.js';

/** `PK\x03\x04`: a local file header, how every non-empty zip starts. */
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04] as const;
/** `PK\x05\x06`: an end-of-central-directory record, how an empty zip starts. */
const ZIP_EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06] as const;
const ZIP_EXTENSION = '.zip';
const TEXT_EXTENSION = /\.txt$/iu;
/** Chunk size when streaming text that is already in memory. Bytes. */
const MEMORY_CHUNK_BYTES = 64 * 1024;
/** Display name of a text source that came without a name. */
const UNNAMED_TEXT = 'chat.txt';
/** File name of a spooled stream that came without a name. */
const UNNAMED_STREAM = 'input';

/**
 * Opens a WhatsApp export and picks its chat log. Nothing but the zip's central directory (or the
 * folder listing) is read up front; entries stream on demand. Call `close()` when done.
 *
 * Accepts a path to a `.zip`, an unpacked export folder or a `.txt` (media files beside it), the
 * bytes of a zip or text file (told apart by the `PK\x03\x04` magic), or a stream of them (a zip
 * stream is spooled to a temporary file, removed by `close()`). A zip that only holds one inner
 * `.zip` and no `.txt` (an export zipped again) is opened through the inner one.
 *
 * Throws `E_INPUT_NOT_FOUND`, `E_NO_CHAT_LOG`, `E_ZIP_*` (corrupt, encrypted, over a limit),
 * `E_INVALID_OPTION`, `E_READ_FAILED` or `E_ABORTED`.
 *
 * @example
 * ```ts
 * import { openExport } from 'wa-import';
 *
 * const chat = await openExport('WhatsApp Chat with Ana.zip', { countHeaders });
 * try {
 *   console.log(chat.chatLogChoice.reason, chat.mediaEntries.length);
 *   for await (const chunk of await chat.chatLog.open()) parser.push(decoder.decode(chunk, { stream: true }));
 * } finally {
 *   await chat.close();
 * }
 * ```
 */
export async function openExport(source: ExportSource, options: OpenExportOptions = {}): Promise<ChatExport> {
  const limits = resolveLimits(options.limits);
  validateOptions(options);
  throwIfAborted(options.signal, 'opening the export');
  const session = new Session();
  try {
    return await openSource(source, options, limits, session);
  } catch (error) {
    await session.close();
    throw error;
  }
}

function validateOptions(options: OpenExportOptions): void {
  if (options.countHeaders !== undefined && typeof options.countHeaders !== 'function') {
    throw new WaImportError(
      'E_INVALID_OPTION',
      `invalid option: countHeaders must be a function, got ${typeof options.countHeaders}`,
    );
  }
  if (options.name !== undefined && (typeof options.name !== 'string' || options.name.trim() === '')) {
    throw new WaImportError(
      'E_INVALID_OPTION',
      `invalid option: name must be a non-empty string, got ${JSON.stringify(options.name)}`,
    );
  }
}

/** Everything that must be released by `close()`, released in reverse order. */
class Session {
  readonly #closers: (() => void | Promise<void>)[] = [];
  #closed = false;

  add(closer: () => void | Promise<void>): void {
    this.#closers.push(closer);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const closer of this.#closers.reverse()) {
      try {
        await closer();
      } catch {
        // Closing must not fail: a temporary file that is already gone is what we wanted.
      }
    }
  }
}

interface Listing {
  readonly files: readonly ExportEntry[];
  readonly skipped: readonly SkippedEntry[];
  readonly warnings: readonly ExportWarning[];
}

async function openSource(
  source: ExportSource,
  options: OpenExportOptions,
  limits: ArchiveLimits,
  session: Session,
): Promise<ChatExport> {
  if (typeof source === 'string') return openPath(source, options, limits, session);
  if (source instanceof Uint8Array) {
    if (hasZipMagic(source)) {
      return openZip(
        { bytes: source },
        options.name ?? 'input.zip',
        options.name ?? null,
        options,
        limits,
        session,
      );
    }
    return textExport(
      memoryEntry(options.name ?? UNNAMED_TEXT, source),
      options.name ?? null,
      emptyListing(),
    );
  }
  if (source !== null && typeof source === 'object' && Symbol.asyncIterator in source) {
    const spooled = await spool(source, {
      fileName: safeTempName(options.name ?? UNNAMED_STREAM),
      maxBytes: limits.maxTotalBytes,
      ...(options.tempDir === undefined ? {} : { tempDir: options.tempDir }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    session.add(spooled.remove);
    const label = options.name ?? 'input stream';
    if (hasZipMagic(spooled.magic)) {
      return openZip({ file: spooled.file }, label, options.name ?? null, options, limits, session);
    }
    const name = options.name ?? UNNAMED_TEXT;
    const entry = fileEntry({ filePath: spooled.file, name, path: name, size: spooled.bytes }, limits);
    return textExport(entry, options.name ?? null, emptyListing(), session);
  }
  throw new WaImportError(
    'E_INVALID_OPTION',
    `invalid source: expected a path, bytes or an async iterable of bytes, got ${source === null ? 'null' : typeof source}`,
  );
}

async function openPath(
  path: string,
  options: OpenExportOptions,
  limits: ArchiveLimits,
  session: Session,
): Promise<ChatExport> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new WaImportError(
        'E_INPUT_NOT_FOUND',
        `input not found: no file or folder at that path, got ${path}`,
        {
          entry: path,
          cause: error,
        },
      );
    }
    throw new WaImportError('E_READ_FAILED', `cannot read the input: ${path}, got ${String(code ?? error)}`, {
      entry: path,
      cause: error,
    });
  }
  const name = basename(path);
  if (info.isDirectory()) {
    const listing = await listFolder(path, contextOf(options, limits));
    return archiveExport('folder', name, listing, options, session);
  }
  const head = await readHeadOf(
    (signal) => fileEntry({ filePath: path, name, path: name, size: info.size }, limits).open(signal),
    ZIP_LOCAL_HEADER.length,
    options.signal,
  );
  if (hasZipMagic(head) || extname(name).toLowerCase() === ZIP_EXTENSION) {
    return openZip({ file: path }, name, name, options, limits, session);
  }
  const siblings = await listSiblings(dirname(path), name, contextOf(options, limits));
  const entry = fileEntry({ filePath: path, name, path: name, size: info.size }, limits);
  return textExport(entry, name, siblings, session);
}

async function openZip(
  input: ZipInput,
  label: string,
  sourceName: string | null,
  options: OpenExportOptions,
  limits: ArchiveLimits,
  session: Session,
): Promise<ChatExport> {
  const outer = await listZip(input, { label, ...contextOf(options, limits) });
  session.add(() => outer.close());
  const inner = innerArchive(outer.files);
  if (inner === undefined) return archiveExport('zip', sourceName, outer, options, session);

  // An export zipped again: open the one inner zip from a temporary file (yauzl needs random access).
  const spooled = await spool(await inner.open(options.signal), {
    fileName: safeTempName(inner.name),
    maxBytes: limits.maxTotalBytes,
    ...(options.tempDir === undefined ? {} : { tempDir: options.tempDir }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  session.add(spooled.remove);
  const nested = await listZip(
    { file: spooled.file },
    { label: `${label}/${inner.path}`, ...contextOf(options, limits) },
  );
  session.add(() => nested.close());
  const merged: Listing = {
    files: [...nested.files, ...outer.files.filter((entry) => entry !== inner)],
    skipped: [...outer.skipped, ...nested.skipped],
    warnings: [
      ...outer.warnings,
      {
        kind: 'inner-archive',
        entry: inner.path,
        message: `archive inside an archive: opened the inner ${inner.path}, got no .txt beside it`,
      },
      ...nested.warnings,
    ],
  };
  return archiveExport('zip', sourceName, merged, options, session);
}

/** The inner zip of a re-zipped export: exactly one `.zip` and no `.txt`. */
function innerArchive(files: readonly ExportEntry[]): ExportEntry | undefined {
  if (files.some((entry) => TEXT_EXTENSION.test(entry.name))) return undefined;
  const zips = files.filter((entry) => entry.name.toLowerCase().endsWith(ZIP_EXTENSION));
  return zips.length === 1 ? zips[0] : undefined;
}

async function archiveExport(
  kind: ExportKind,
  sourceName: string | null,
  listing: Listing,
  options: OpenExportOptions,
  session: Session,
): Promise<ChatExport> {
  const { entry, choice } = await chooseChatLog(listing.files, {
    ...(options.countHeaders === undefined ? {} : { countHeaders: options.countHeaders }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const warnings = [...listing.warnings];
  if (choice.rule === 'largest') {
    warnings.push({
      kind: 'no-header-counter',
      entry: choice.path,
      message: `chat log chosen by size: no header counter was given, got ${choice.candidates.length} .txt files`,
    });
  }
  return handle(kind, sourceName, entry, choice, listing, warnings, session);
}

function textExport(
  entry: ExportEntry,
  sourceName: string | null,
  siblings: Listing,
  session?: Session,
): ChatExport {
  const choice: ChatLogChoice = {
    name: entry.name,
    path: entry.path,
    rule: 'given',
    reason: `the source is a text file: ${JSON.stringify(entry.name)} is the chat log`,
    candidates: [{ name: entry.name, path: entry.path, size: entry.size, rule: 'given', headerCount: null }],
  };
  return handle(
    'text',
    sourceName,
    entry,
    choice,
    { ...siblings, files: [entry, ...siblings.files] },
    [...siblings.warnings],
    session ?? new Session(),
  );
}

function handle(
  kind: ExportKind,
  sourceName: string | null,
  chatLog: ExportEntry,
  chatLogChoice: ChatLogChoice,
  listing: Listing,
  warnings: readonly ExportWarning[],
  session: Session,
): ChatExport {
  const mediaEntries = listing.files
    .filter((entry) => entry !== chatLog)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return Object.freeze({
    kind,
    sourceName,
    chatLog,
    chatLogChoice,
    mediaEntries: Object.freeze(mediaEntries),
    warnings: Object.freeze([...warnings]),
    skippedEntries: Object.freeze([...listing.skipped]),
    close: () => session.close(),
  });
}

function contextOf(options: OpenExportOptions, limits: ArchiveLimits) {
  return options.signal === undefined ? { limits } : { limits, signal: options.signal };
}

function emptyListing(): Listing {
  return { files: [], skipped: [], warnings: [] };
}

function hasZipMagic(bytes: Uint8Array): boolean {
  const starts = (magic: readonly number[]) => magic.every((byte, index) => bytes[index] === byte);
  return starts(ZIP_LOCAL_HEADER) || starts(ZIP_EMPTY_ARCHIVE);
}

/** A file name safe to create in our own temporary folder: no separators, not empty. */
function safeTempName(name: string): string {
  const base = name.split(/[\\/]/u).at(-1) ?? '';
  return base === '' || base === '.' || base === '..' || hasControlCharacter(base) ? UNNAMED_STREAM : base;
}

/** A text source already in memory: streamed in chunks, re-readable. */
function memoryEntry(name: string, bytes: Uint8Array): ExportEntry {
  const copy = bytes.slice();
  const open = async (signal?: AbortSignal): Promise<AsyncIterable<Uint8Array>> => {
    throwIfAborted(signal, `opening ${name}`);
    return (async function* chunks() {
      for (let offset = 0; offset < copy.byteLength; offset += MEMORY_CHUNK_BYTES) {
        throwIfAborted(signal, `reading ${name}`);
        yield copy.subarray(offset, offset + MEMORY_CHUNK_BYTES);
      }
    })();
  };
  return {
    name: basename(name),
    path: name,
    size: copy.byteLength,
    open,
    readHead: (n, signal) => readHeadOf(open, n, signal),
  };
}
