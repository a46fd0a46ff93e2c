/**
 * The one guard against hostile archives: named limits with their units, the checks on the sizes
 * an archive *declares*, and a byte counter on every stream that checks what it *actually* inflates.
 *
 * Declared sizes are checked when the archive is opened (cheap, before any byte is inflated);
 * actual sizes are checked while streaming, because a central directory can lie.
 *
 * @module
 */

import { WaImportError } from '../errors.js';

const KIB = 1024;
const MIB = 1024 * KIB;
const GIB = 1024 * MIB;

/**
 * Limits on untrusted archives. Every field is named with its unit.
 *
 * @example
 * ```ts
 * const limits: ArchiveLimits = { ...DEFAULT_LIMITS, maxEntryBytes: 256 * 1024 * 1024 };
 * ```
 */
export interface ArchiveLimits {
  /** Most entries (files, folders, junk) one archive or export folder may hold. Count. */
  readonly maxEntries: number;
  /** Largest uncompressed size of one entry. Bytes. */
  readonly maxEntryBytes: number;
  /** Largest sum of the uncompressed sizes of the entries that will be read. Bytes. */
  readonly maxTotalBytes: number;
  /** Largest uncompressed:compressed ratio of one entry (zip-bomb guard). Ratio, e.g. 200 = 200:1. */
  readonly maxCompressionRatio: number;
  /** The ratio is only checked for entries above this uncompressed size (small files compress wildly). Bytes. */
  readonly ratioThresholdBytes: number;
}

/**
 * The default limits: 100 000 entries, 4 GiB per entry, 16 GiB in all, 200:1 above 1 MiB.
 *
 * @example
 * ```ts
 * DEFAULT_LIMITS.maxEntryBytes; // 4294967296
 * ```
 */
export const DEFAULT_LIMITS: ArchiveLimits = Object.freeze({
  maxEntries: 100_000,
  maxEntryBytes: 4 * GIB,
  maxTotalBytes: 16 * GIB,
  maxCompressionRatio: 200,
  ratioThresholdBytes: 1 * MIB,
});

const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as readonly (keyof ArchiveLimits)[];

/**
 * Merges overrides into {@link DEFAULT_LIMITS} and validates them once, before any work.
 * Throws `E_INVALID_OPTION` for an unknown name or a value that is not a positive number.
 *
 * @example
 * ```ts
 * resolveLimits({ maxEntries: 10 }).maxEntries; // 10
 * resolveLimits({ maxEntries: -1 }); // throws E_INVALID_OPTION
 * ```
 */
export function resolveLimits(overrides: Partial<ArchiveLimits> = {}): ArchiveLimits {
  const limits: Record<string, number> = { ...DEFAULT_LIMITS };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    if (!LIMIT_NAMES.includes(name as keyof ArchiveLimits)) {
      throw new WaImportError(
        'E_INVALID_OPTION',
        `unknown archive limit: expected one of ${LIMIT_NAMES.join(', ')}, got ${JSON.stringify(name)}`,
      );
    }
    const integer = name !== 'maxCompressionRatio';
    if (typeof value !== 'number' || !(value > 0) || (integer && !Number.isSafeInteger(value))) {
      throw new WaImportError(
        'E_INVALID_OPTION',
        `invalid archive limit: ${name} must be a positive ${integer ? 'integer' : 'number'}, got ${String(value)}`,
      );
    }
    limits[name] = value;
  }
  return Object.freeze(limits) as unknown as ArchiveLimits;
}

/**
 * Checks the number of entries an archive or folder declares. Throws `E_ZIP_TOO_MANY_ENTRIES`.
 *
 * @example
 * ```ts
 * checkEntryCount(12, DEFAULT_LIMITS); // fine
 * checkEntryCount(200_000, DEFAULT_LIMITS); // throws E_ZIP_TOO_MANY_ENTRIES
 * ```
 */
export function checkEntryCount(count: number, limits: ArchiveLimits): void {
  if (count > limits.maxEntries) {
    throw new WaImportError(
      'E_ZIP_TOO_MANY_ENTRIES',
      `too many entries in the export: the limit is ${limits.maxEntries}, got ${count}`,
      { hint: 'raise limits.maxEntries if this export is genuine' },
    );
  }
}

/** What the guard knows about one entry before reading it. */
export interface DeclaredEntry {
  /** Path inside the archive or folder, for messages. */
  readonly path: string;
  /** Uncompressed size it declares. Bytes. */
  readonly declaredBytes: number;
  /** Compressed size inside the archive (`null` for plain files). Bytes. */
  readonly compressedBytes: number | null;
}

/**
 * Admits entries one by one against the declared-size limits and keeps the running total.
 *
 * @example
 * ```ts
 * const budget = new DeclaredSizeBudget(DEFAULT_LIMITS);
 * budget.admit({ path: '_chat.txt', declaredBytes: 1200, compressedBytes: 400 });
 * budget.totalBytes; // 1200
 * ```
 */
export class DeclaredSizeBudget {
  readonly #limits: ArchiveLimits;
  #totalBytes = 0;

  constructor(limits: ArchiveLimits) {
    this.#limits = limits;
  }

  /** Sum of the declared sizes admitted so far. Bytes. */
  get totalBytes(): number {
    return this.#totalBytes;
  }

  /** Throws `E_ZIP_ENTRY_TOO_LARGE`, `E_ZIP_RATIO` or `E_ZIP_TOO_LARGE`; otherwise counts the entry. */
  admit(entry: DeclaredEntry): void {
    const limits = this.#limits;
    checkEntryBytes(entry.path, entry.declaredBytes, limits, false);
    if (entry.compressedBytes !== null)
      checkRatio(entry.path, entry.declaredBytes, entry.compressedBytes, limits);
    const total = this.#totalBytes + entry.declaredBytes;
    if (total > limits.maxTotalBytes) {
      throw new WaImportError(
        'E_ZIP_TOO_LARGE',
        `export too large: its files add up to more than the ${limits.maxTotalBytes}-byte limit, got ${total} bytes by ${entry.path}`,
        { entry: entry.path, hint: 'raise limits.maxTotalBytes if this export is genuine' },
      );
    }
    this.#totalBytes = total;
  }
}

function checkEntryBytes(path: string, bytes: number, limits: ArchiveLimits, atLeast: boolean): void {
  if (bytes > limits.maxEntryBytes) {
    throw new WaImportError(
      'E_ZIP_ENTRY_TOO_LARGE',
      `export entry too large: ${path} is over the ${limits.maxEntryBytes}-byte limit, got ${atLeast ? 'at least ' : ''}${bytes} bytes`,
      { entry: path, hint: 'raise limits.maxEntryBytes if this export is genuine' },
    );
  }
}

function checkRatio(path: string, uncompressed: number, compressed: number, limits: ArchiveLimits): void {
  if (uncompressed <= limits.ratioThresholdBytes) return;
  const ratio = uncompressed / Math.max(compressed, 1);
  if (ratio > limits.maxCompressionRatio) {
    throw new WaImportError(
      'E_ZIP_RATIO',
      `suspicious compression ratio: ${path} inflates more than ${limits.maxCompressionRatio}:1, got ${Math.round(ratio)}:1 (${uncompressed} bytes from ${compressed})`,
      {
        entry: path,
        hint: 'this looks like a zip bomb; raise limits.maxCompressionRatio only for a trusted file',
      },
    );
  }
}

/** Where the bytes of a guarded stream come from; decides the error code of a size mismatch. */
export type GuardedOrigin = 'zip' | 'file';

/**
 * Passes `source` through while counting its bytes. Fails as soon as the count breaks a limit or
 * exceeds the declared size (a lying zip header: `E_ZIP_ENTRY_TOO_LARGE`; a file that grew while
 * being read: `E_READ_FAILED`), and at the end when fewer bytes came than declared
 * (`E_ZIP_CORRUPT` / `E_READ_FAILED`).
 *
 * @example
 * ```ts
 * const stream = guardBytes(fs.createReadStream(file), {
 *   entry: { path: 'IMG.jpg', declaredBytes: size, compressedBytes: null },
 *   origin: 'file',
 *   limits: DEFAULT_LIMITS,
 * });
 * for await (const chunk of stream) consume(chunk);
 * ```
 */
export async function* guardBytes(
  source: AsyncIterable<Uint8Array | string>,
  guard: { readonly entry: DeclaredEntry; readonly origin: GuardedOrigin; readonly limits: ArchiveLimits },
): AsyncGenerator<Uint8Array, void, undefined> {
  const { entry, origin, limits } = guard;
  let count = 0;
  for await (const piece of source) {
    const chunk = typeof piece === 'string' ? new TextEncoder().encode(piece) : piece;
    count += chunk.byteLength;
    checkEntryBytes(entry.path, count, limits, true);
    if (entry.compressedBytes !== null) checkRatio(entry.path, count, entry.compressedBytes, limits);
    if (count > entry.declaredBytes) {
      throw origin === 'zip'
        ? new WaImportError(
            'E_ZIP_ENTRY_TOO_LARGE',
            `archive entry larger than its header says: ${entry.path} declares ${entry.declaredBytes} bytes, got at least ${count}`,
            { entry: entry.path, hint: 'the archive is corrupt or crafted (zip bomb); do not trust it' },
          )
        : new WaImportError(
            'E_READ_FAILED',
            `file changed while reading: ${entry.path} had ${entry.declaredBytes} bytes, got at least ${count}`,
            { entry: entry.path },
          );
    }
    yield chunk;
  }
  if (count < entry.declaredBytes) {
    throw origin === 'zip'
      ? new WaImportError(
          'E_ZIP_CORRUPT',
          `archive entry truncated: ${entry.path} declares ${entry.declaredBytes} bytes, got ${count}`,
          { entry: entry.path },
        )
      : new WaImportError(
          'E_READ_FAILED',
          `file changed while reading: ${entry.path} had ${entry.declaredBytes} bytes, got ${count}`,
          { entry: entry.path },
        );
  }
}
