/**
 * The public types of the archive reader: what {@link openExport} accepts and what it hands back.
 *
 * @module
 */

import type { ArchiveLimits } from './guard.js';

/**
 * One file of an export: the chat log or a media file, inside a zip or on disk.
 *
 * Nothing is read until {@link ExportEntry.open} or {@link ExportEntry.readHead} is called, and each
 * call starts a fresh stream, so a payload writer can stream the same file again on a retry.
 * Every stream counts its bytes against the archive limits: a zip header that lies about a size
 * fails the stream with a `WaImportError` instead of inflating without bound.
 *
 * @example
 * ```ts
 * const chat = await openExport('WhatsApp Chat with Ana.zip');
 * for (const entry of chat.mediaEntries) {
 *   console.log(entry.name, entry.size); // 'IMG-20220310-WA0000.jpg' 48213
 *   for await (const chunk of await entry.open()) hash.update(chunk);
 * }
 * await chat.close();
 * ```
 */
export interface ExportEntry {
  /** Base name as written in the archive or on disk, no folder: `IMG-20220310-WA0000.jpg`. */
  readonly name: string;
  /** Full `/`-separated path inside the archive or below the export folder: `Chat/IMG-….jpg`. */
  readonly path: string;
  /** Uncompressed size in bytes, as declared by the zip's central directory or by `stat`. */
  readonly size: number;
  /**
   * Opens a fresh byte stream of the whole entry. Stop early with `break` (the stream is released).
   * Rejects or throws while iterating with `E_ZIP_CORRUPT`, `E_ZIP_ENTRY_TOO_LARGE`, `E_ZIP_RATIO`,
   * `E_READ_FAILED` or `E_ABORTED`.
   */
  open(signal?: AbortSignal): Promise<AsyncIterable<Uint8Array>>;
  /** The first `n` bytes (fewer when the entry is shorter), for content sniffing. */
  readHead(n: number, signal?: AbortSignal): Promise<Uint8Array>;
}

/** What kind of source the export came from. */
export type ExportKind = 'zip' | 'folder' | 'text';

/**
 * Which rule picked the chat log:
 * - `given`: the source was a text file or text bytes, so it *is* the chat log;
 * - `ios-chat-txt`: an iOS export's `_chat.txt`;
 * - `file-name`: a `.txt` named like an export, `WhatsApp Chat with X.txt` (localized; see `matchChatFileName`);
 * - `most-headers`: the `.txt` whose first 64 KiB hold the most message headers;
 * - `largest`: no header counter was given, so the largest `.txt`.
 */
export type ChatLogRule = 'given' | 'ios-chat-txt' | 'file-name' | 'most-headers' | 'largest';

/** One `.txt` file that was considered as the chat log. */
export interface ChatLogCandidate {
  readonly name: string;
  readonly path: string;
  readonly size: number;
  /** The strongest rule this file satisfies (`most-headers` when it only has its content to offer). */
  readonly rule: ChatLogRule;
  /** Message headers counted in its first 64 KiB, or `null` when it was not counted. */
  readonly headerCount: number | null;
}

/**
 * Why the chat log was chosen, for the report.
 *
 * @example
 * ```ts
 * const { chatLogChoice } = await openExport('export.zip');
 * console.log(chatLogChoice.reason); // 'iOS export: "_chat.txt" is the chat log'
 * ```
 */
export interface ChatLogChoice {
  /** Base name of the chosen chat log. */
  readonly name: string;
  /** Full path of the chosen chat log inside the export. */
  readonly path: string;
  readonly rule: ChatLogRule;
  /** One sentence a person can read: which rule and which numbers decided. */
  readonly reason: string;
  /** Every `.txt` that was considered, sorted by path. */
  readonly candidates: readonly ChatLogCandidate[];
}

/**
 * Why an archive or folder entry was left out:
 * - `junk`: `__MACOSX/`, `.DS_Store`, `._*` AppleDouble files;
 * - `unsafe-path`: `..` segments, absolute paths, drive letters, control characters;
 * - `symlink`: symbolic links are never followed;
 * - `special-file`: sockets, pipes, devices;
 * - `unsupported-compression`: neither stored nor deflate;
 * - `duplicate-path`: a second zip entry with the same path (the first is kept);
 * - `too-large`: a file beside a `.txt` chat log that is over `maxEntryBytes` (it may be unrelated).
 */
export type SkipReason =
  | 'junk'
  | 'unsafe-path'
  | 'symlink'
  | 'special-file'
  | 'unsupported-compression'
  | 'duplicate-path'
  | 'too-large';

/**
 * An entry that was left out of {@link ChatExport.mediaEntries}, with the reason.
 *
 * @example
 * ```ts
 * const skipped: SkippedEntry = { path: '__MACOSX/._IMG.jpg', reason: 'junk', detail: 'macOS resource fork folder' };
 * ```
 */
export interface SkippedEntry {
  /** The path as found (for unsafe names: exactly as written in the archive). */
  readonly path: string;
  readonly reason: SkipReason;
  readonly detail: string;
}

/** Kinds of non-fatal findings. */
export type ExportWarningKind =
  | 'unsafe-path'
  | 'symlink'
  | 'unsupported-compression'
  | 'duplicate-path'
  | 'too-large'
  | 'inner-archive'
  | 'no-header-counter';

/**
 * A non-fatal finding while opening the export.
 *
 * @example
 * ```ts
 * const warning: ExportWarning = {
 *   kind: 'unsafe-path',
 *   entry: '../../etc/passwd',
 *   message: 'unsafe entry name skipped: ".." segment, got "../../etc/passwd"',
 * };
 * ```
 */
export interface ExportWarning {
  readonly kind: ExportWarningKind;
  readonly message: string;
  /** The entry the warning is about, when there is one. */
  readonly entry?: string;
}

/**
 * An opened export: the chosen chat log, the media files and what was left out. Call
 * {@link ChatExport.close} when done: it closes the archive and deletes temporary files.
 *
 * @example
 * ```ts
 * const chat = await openExport('/tmp/WhatsApp Chat - Ana.zip', { countHeaders });
 * try {
 *   console.log(chat.kind, chat.chatLog.name, chat.chatLogChoice.reason);
 * } finally {
 *   await chat.close();
 * }
 * ```
 */
export interface ChatExport {
  readonly kind: ExportKind;
  /**
   * Base name of the source: the zip, folder or text file name, or `options.name` for bytes and
   * streams (`null` when not given). iOS puts the chat name only here: `WhatsApp Chat - Ana.zip`.
   */
  readonly sourceName: string | null;
  readonly chatLog: ExportEntry;
  readonly chatLogChoice: ChatLogChoice;
  /** Every other file of the export, minus junk and unsafe names, sorted by path. */
  readonly mediaEntries: readonly ExportEntry[];
  readonly warnings: readonly ExportWarning[];
  readonly skippedEntries: readonly SkippedEntry[];
  /** Closes the archive and removes temporary files. Safe to call more than once. */
  close(): Promise<void>;
}

/**
 * What {@link openExport} reads: a path (to a `.zip`, a folder or a `.txt`), the bytes of a zip
 * or a text file, or a stream of them (a Node `Readable` is an `AsyncIterable`).
 */
export type ExportSource = string | Uint8Array | AsyncIterable<Uint8Array>;

/**
 * Options of {@link openExport}.
 *
 * @example
 * ```ts
 * const options: OpenExportOptions = {
 *   limits: { maxEntryBytes: 512 * 1024 * 1024 },
 *   countHeaders: (sample) => sample.split('\n').filter((line) => /^\[?\d/.test(line)).length,
 *   signal: AbortSignal.timeout(60_000),
 * };
 * ```
 */
export interface OpenExportOptions {
  /** Overrides of the hostile-archive limits; see {@link ArchiveLimits}. */
  readonly limits?: Partial<ArchiveLimits>;
  /**
   * Counts message headers in a sample (the first 64 KiB of a `.txt`, decoded as text). Given by
   * the parser; without it the largest `.txt` wins when no file name decides.
   */
  readonly countHeaders?: (sample: string) => number;
  /** Display name for byte and stream sources (`WhatsApp Chat with Ana.zip`). */
  readonly name?: string;
  /** Folder for temporary files (spooled streams, inner zips). Default: `os.tmpdir()`. */
  readonly tempDir?: string;
  readonly signal?: AbortSignal;
}
