/**
 * Lists an export that sits on disk: an unpacked export folder (walked recursively), or the
 * files beside a `.txt` chat log (one level). Symbolic links are never followed.
 *
 * @module
 */

import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { WaImportError } from '../errors.js';
import { throwIfAborted } from './abort.js';
import { classifyEntryPath } from './entry-path.js';
import { fileEntry } from './file-entry.js';
import { type ArchiveLimits, checkEntryCount, DeclaredSizeBudget } from './guard.js';
import type { ExportEntry, ExportWarning, SkippedEntry } from './types.js';

/** The files found on disk and what was left out. */
export interface FolderListing {
  /** Kept files, sorted by path. */
  readonly files: readonly ExportEntry[];
  readonly skipped: readonly SkippedEntry[];
  readonly warnings: readonly ExportWarning[];
}

interface ListContext {
  readonly limits: ArchiveLimits;
  readonly signal?: AbortSignal;
}

/**
 * Walks an export folder. The folder *is* the export, so the size limits are enforced:
 * throws `E_ZIP_TOO_MANY_ENTRIES`, `E_ZIP_ENTRY_TOO_LARGE`, `E_ZIP_TOO_LARGE`, `E_READ_FAILED`.
 *
 * @example
 * ```ts
 * const { files } = await listFolder('/home/ana/WhatsApp Chat - Bo', { limits: DEFAULT_LIMITS });
 * ```
 */
export async function listFolder(root: string, context: ListContext): Promise<FolderListing> {
  const files: ExportEntry[] = [];
  const skipped: SkippedEntry[] = [];
  const warnings: ExportWarning[] = [];
  const budget = new DeclaredSizeBudget(context.limits);
  let count = 0;

  const walk = async (relative: string): Promise<void> => {
    throwIfAborted(context.signal, `listing ${root}`);
    const dirents = await readDirectory(join(root, relative), relative || '.');
    count += dirents.length;
    checkEntryCount(count, context.limits);
    for (const dirent of dirents) {
      const path = relative === '' ? dirent.name : `${relative}/${dirent.name}`;
      if (dirent.isSymbolicLink()) {
        skipSymlink(path, skipped, warnings);
      } else if (dirent.isDirectory()) {
        const verdict = classifyEntryPath(`${path}/x`);
        if (verdict.kind === 'junk') skipped.push({ path, reason: 'junk', detail: verdict.detail });
        else await walk(path);
      } else if (dirent.isFile()) {
        const verdict = classifyEntryPath(path);
        if (verdict.kind === 'file') {
          const size = await sizeOf(join(root, path), path);
          budget.admit({ path, declaredBytes: size, compressedBytes: null });
          files.push(
            fileEntry({ filePath: join(root, path), name: verdict.name, path, size }, context.limits),
          );
        } else if (verdict.kind !== 'directory') {
          skipped.push({
            path,
            reason: verdict.kind === 'junk' ? 'junk' : 'unsafe-path',
            detail: verdict.detail,
          });
        }
      } else {
        skipped.push({ path, reason: 'special-file', detail: 'not a regular file' });
      }
    }
  };
  await walk('');
  return { files, skipped, warnings };
}

/**
 * Lists the files beside a `.txt` chat log (same folder, not below), without the log itself.
 * The folder may hold unrelated files (a Downloads folder), so a file over `maxEntryBytes` is
 * skipped with a warning instead of failing, and the total is not limited.
 *
 * @example
 * ```ts
 * const { files } = await listSiblings('/tmp/chat', 'WhatsApp Chat with Bo.txt', { limits: DEFAULT_LIMITS });
 * ```
 */
export async function listSiblings(
  folder: string,
  chatLogName: string,
  context: ListContext,
): Promise<FolderListing> {
  throwIfAborted(context.signal, `listing ${folder}`);
  const files: ExportEntry[] = [];
  const skipped: SkippedEntry[] = [];
  const warnings: ExportWarning[] = [];
  const dirents = await readDirectory(folder, folder);
  checkEntryCount(dirents.length, context.limits);
  for (const dirent of dirents) {
    const path = dirent.name;
    if (path === chatLogName || dirent.isDirectory()) continue;
    if (dirent.isSymbolicLink()) {
      skipSymlink(path, skipped, warnings);
      continue;
    }
    if (!dirent.isFile()) {
      skipped.push({ path, reason: 'special-file', detail: 'not a regular file' });
      continue;
    }
    const verdict = classifyEntryPath(path);
    if (verdict.kind !== 'file') {
      if (verdict.kind !== 'directory') {
        skipped.push({
          path,
          reason: verdict.kind === 'junk' ? 'junk' : 'unsafe-path',
          detail: verdict.detail,
        });
      }
      continue;
    }
    const size = await sizeOf(join(folder, path), path);
    if (size > context.limits.maxEntryBytes) {
      const detail = `over the ${context.limits.maxEntryBytes}-byte limit`;
      skipped.push({ path, reason: 'too-large', detail });
      warnings.push({
        kind: 'too-large',
        entry: path,
        message: `file skipped: ${detail}, got ${size} bytes`,
      });
      continue;
    }
    files.push(fileEntry({ filePath: join(folder, path), name: verdict.name, path, size }, context.limits));
  }
  return { files, skipped, warnings };
}

function skipSymlink(path: string, skipped: SkippedEntry[], warnings: ExportWarning[]): void {
  skipped.push({ path, reason: 'symlink', detail: 'symbolic links are not followed' });
  warnings.push({
    kind: 'symlink',
    entry: path,
    message: `symbolic link skipped: links are not followed, got ${path}`,
  });
}

async function readDirectory(directory: string, shown: string): Promise<Dirent[]> {
  try {
    const dirents = await readdir(directory, { withFileTypes: true });
    // Code-unit order: the same on every machine, unlike localeCompare.
    return dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    throw new WaImportError('E_READ_FAILED', `cannot list folder: ${shown}, got ${errorCode(error)}`, {
      entry: shown,
      cause: error,
    });
  }
}

async function sizeOf(filePath: string, shown: string): Promise<number> {
  try {
    return (await stat(filePath)).size;
  } catch (error) {
    throw new WaImportError('E_READ_FAILED', `cannot read file: ${shown}, got ${errorCode(error)}`, {
      entry: shown,
      cause: error,
    });
  }
}

function errorCode(error: unknown): string {
  return String((error as NodeJS.ErrnoException).code ?? error);
}
