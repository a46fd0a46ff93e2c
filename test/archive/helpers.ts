/** Small shared helpers for the archive tests. */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { ExportEntry } from '../../src/archive/index.js';
import { isWaImportError } from '../../src/errors.js';

/**
 * Builds a zip in memory with jszip (deflate), names kept as given. Strings are encoded here:
 * jszip's own UTF-8 encoding cuts surrogate pairs at its 16 KiB boundaries (an emoji there
 * becomes two U+FFFD).
 */
export async function buildZip(files: Readonly<Record<string, string | Uint8Array>>): Promise<Uint8Array> {
  const zip = new JSZip();
  const encoder = new TextEncoder();
  for (const [name, data] of Object.entries(files)) {
    zip.file(name, typeof data === 'string' ? encoder.encode(data) : data, { createFolders: false });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Reads a whole entry as bytes. */
export async function readBytes(entry: ExportEntry, signal?: AbortSignal): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of await entry.open(signal)) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

/** Reads a whole entry as UTF-8 text. */
export async function readText(entry: ExportEntry): Promise<string> {
  return new TextDecoder().decode(await readBytes(entry));
}

/** A fresh private folder below the OS temp folder, and its removal. */
export async function tempFolder(): Promise<{ readonly path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'wa-import-test-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, got a value');
}

/** Code and message of a WaImportError, for one `toMatchObject`. */
export function codeOf(error: unknown): string {
  return isWaImportError(error) ? error.code : `not a WaImportError: ${String(error)}`;
}
